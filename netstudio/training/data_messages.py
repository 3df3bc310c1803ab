"""The words of data problems (`DataError`) and of how the data is read (the loading plan's
reason, the decoded-image cache, loading progress), as message templates
(`netstudio.core.messages`): the command line prints the English, the Data panel and the run
show them translated.

Fields: file, a file's name; path and folder, paths; where, a CSV cell's place (`CSV_WHERE`);
name, the data source's name ("MNIST"); error, the words of the error behind it (Python's or
a library's, never translated); size and budget, sizes as `memory_budget.gib` writes them;
numbers written with thousands separators ("43,200") are passed as text.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "DataErrors"

#: Two clauses of one line, in order ("in memory: …; mean/std from …").
AND = Template("data.and", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "{first}; {then}"))

# Data sources and their parameters.
UNKNOWN_SOURCE = Template(
    "data.unknown-source",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "unknown data source {source} (sources: {known})"),
)
UNKNOWN_SOURCE_MEANT = Template(
    "data.unknown-source-meant",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "unknown data source {source}; did you mean '{close}'? (sources: {known})"
    ),
)
NO_PARAMETER = Template(
    "data.no-parameter",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{source} has no parameter '{key}' (parameters: {parameters})"),
)
NO_PARAMETER_MEANT = Template(
    "data.no-parameter-meant",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{source} has no parameter '{key}'; did you mean '{close}'? (parameters: {parameters})",
    ),
)
NO_PARAMETERS = Template(
    "data.no-parameters",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{source} has no parameter '{key}' (parameters: none)"),
)
ROOT_UNSAVED = Template(
    "data.root-unsaved",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{source} reads {files} from the data folder {root}, which is relative to the "
        "project's file, and the project has not been saved yet",
    ),
)
NO_ROOT = Template(
    "data.no-root",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "{source} reads {files} from a data folder, and the project names none"
    ),
)

# Splitting.
NO_TRAINING_LEFT = Template(
    "data.no-training-left",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{name}: no training examples are left after the splits"),
)
CLASS_OUT_OF_RANGE = Template(
    "data.class-out-of-range",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{name}: a class index lies outside 0..{last}"),
)
TOO_FEW_TO_HOLD_OUT = Template(
    "data.too-few-to-hold-out",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {count} examples are too few to hold out {fraction} of them ({error})",
    ),
)

# CSV files.
CSV_WHERE = Template(
    "data.csv-where",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{file} line {line}, column '{column}'"),
)
CSV_NOT_FOUND = Template(
    "data.csv-not-found", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "CSV file {path} not found")
)
CSV_UNREADABLE = Template(
    "data.csv-unreadable",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "Could not read the CSV file {path}: {error}"),
)
NO_DATA_ROWS = Template(
    "data.no-data-rows", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "{file} has no data rows")
)
VALUE_COUNT = Template(
    "data.value-count",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "{file} line {line}: {count} values, expected {expected} (columns: {columns})"
    ),
)
NOT_A_NUMBER = Template(
    "data.not-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{where}: '{cell}' is not a number"),
)
EMPTY_NOT_A_NUMBER = Template(
    "data.empty-not-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{where}: an empty cell is not a number"),
)
NOT_FINITE = Template(
    "data.not-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{where}: '{cell}' is not a finite number"),
)
A_CELL_NOT_A_NUMBER = Template(
    "data.a-cell-not-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{file}: a cell is not a number"),
)
COLUMNS_DIFFER = Template(
    "data.columns-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{file} has the columns {columns} but {other} has {theirs}"),
)
LABEL_EMPTY = Template(
    "data.label-empty", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "{where}: the label is empty")
)
NOT_A_TRAINING_CLASS = Template(
    "data.not-a-training-class",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{where}: '{value}' is not a training class"),
)
SINGLE_VALUE = Template(
    "data.single-value",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{file}: column '{column}' has a single value; classification needs at least two classes",
    ),
)
CSV_NO_FILE = Template(
    "data.csv-no-file",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "CSV: no file is set: the 'file' parameter names the CSV file to read"
    ),
)
CSV_RELATIVE = Template(
    "data.csv-relative",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "CSV: the file {name} is a relative path, and there is no folder it is relative to "
        "(the project has not been saved yet)",
    ),
)
NO_COLUMN = Template(
    "data.no-column",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{file} has no column '{name}' (columns: {columns})"),
)
ONE_LABEL_COLUMN = Template(
    "data.one-label-column",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "CSV: classification takes exactly one label column"),
)
NO_FEATURES = Template(
    "data.no-features",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{file}: no feature columns are left besides the label"),
)
FEATURE_AND_LABEL = Template(
    "data.feature-and-label",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "CSV: column {names} cannot be both a feature and the label"),
)

# Image folders.
LAYOUT = Template(
    "data.folder-layout",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "one sub-folder per class (ROOT/cat/1.png, ROOT/dog/2.jpg, ...)"
    ),
)
FOLDER_MISSING = Template(
    "data.folder-missing",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "Image folder {folder} does not exist: expected {layout}"),
)
ONE_CLASS_FOLDER = Template(
    "data.one-class-folder",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{folder} holds one class sub-folder ('{name}'): classification needs at least two "
        "classes, so add a sub-folder for each other class ({layout})",
    ),
)
CLASSES_DIFFER = Template(
    "data.classes-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{test} has the classes {test_classes} but {train} has {classes}: both need the same "
        "class sub-folders",
    ),
)
NO_IMAGES = Template(
    "data.no-images",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "No images found under {folder}: expected {layout} ({error})"),
)
IMAGE_SIZE_DIFFERS = Template(
    "data.image-size-differs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{path} is {width}×{height}, the first image is {first_width}×{first_height}: set "
        "resize to give them one size",
    ),
)
TOO_MANY_PIXELS = Template(
    "data.too-many-pixels",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "Could not read the image {path}: it declares more pixels than the {pixels} pixels that "
        "can be decoded safely; shrink it or take it out of the folder",
    ),
)
TOO_MANY_PIXELS_UNSAID = Template(
    "data.too-many-pixels-unsaid",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "Could not read the image {path}: it declares more pixels than the number that can be "
        "decoded safely; shrink it or take it out of the folder",
    ),
)
IMAGE_UNIDENTIFIED = Template(
    "data.image-unidentified",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "Could not read the image {path}: it is corrupt or not in an image format that can be "
        "read; replace it or take it out of the folder",
    ),
)
IMAGE_UNREADABLE = Template(
    "data.image-unreadable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "Could not read the image {path} ({error}): replace it or take it out of the folder",
    ),
)
TOO_MANY_UNREADABLE = Template(
    "data.too-many-unreadable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{count} of the {total} images under {folder} cannot be read, more than the {share} "
        "that are left out ({named}): {error}",
    ),
)
LEFT_OUT_ONE = Template(
    "data.left-out-one",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "left out 1 unreadable image of {total} under {folder} (up to {share} are left out): "
        "{named}",
    ),
)
LEFT_OUT_MANY = Template(
    "data.left-out-many",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "left out {count} unreadable images of {total} under {folder} (up to {share} are left "
        "out): {named}",
    ),
)
NONE_SAMPLED_READABLE = Template(
    "data.none-sampled-readable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "None of the {count} images sampled for the normalisation statistics can be read: "
        "replace them, or take them out of the folder",
    ),
)
STATS_SAMPLE = Template(
    "data.stats-sample",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "mean/std from {sample} of {train} training images"),
)

# MNIST-like IDX files and CIFAR-10.
DOWNLOAD_FAILED = Template(
    "data.download-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "Could not download {name} into {folder}: {error}. Without a network, put the files "
        "there by hand.",
    ),
)
LABEL_OUT_OF_RANGE = Template(
    "data.label-out-of-range",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} holds the label {label}, but {name} has only {classes} classes (0 to "
        "{last}): replace it with the original file",
    ),
)
IDX_NOT_VALID = Template(
    "data.idx-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: the files under {folder} are not valid IDX files ({error}): replace them with "
        "the original files",
    ),
)
#: One expected file, packed or not: "train-images-idx3-ubyte (or train-images-idx3-ubyte.gz)".
OR_PACKED = Template(
    "data.or-packed", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "{file} (or {file}.gz)")
)
IDX_NOT_FOUND = Template(
    "data.idx-not-found",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "{name} not found under {folder}: expected {expected}. Put the files there"
    ),
)
IDX_COUNTS_DIFFER = Template(
    "data.idx-counts-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} holds {images} images but {labels_file} holds {labels} labels: the two "
        "files do not belong together; replace them with a matching pair",
    ),
)
IDX_UNREADABLE = Template(
    "data.idx-unreadable",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{name}: could not read {path} ({error})"),
)
#: The error of `IDX_UNREADABLE` when an images file is cut short.
IDX_ENDS_EARLY = Template(
    "data.idx-ends-early",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "the file ends before image {index}"),
)
IDX_EMPTY = Template(
    "data.idx-empty",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{name}: {path} is empty: replace it with the original file"),
)
IDX_BAD_HEADER = Template(
    "data.idx-bad-header",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} is not an IDX file of {rank}-dimensional unsigned bytes (its header is "
        "{header}): replace it with the original file",
    ),
)
IDX_NO_HEADER = Template(
    "data.idx-no-header",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} is not an IDX file of {rank}-dimensional unsigned bytes (its header is "
        "missing): replace it with the original file",
    ),
)
IDX_SHORT_HEADER = Template(
    "data.idx-short-header",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} ends inside its header ({size} bytes): replace it with the original file",
    ),
)
IDX_TRUNCATED = Template(
    "data.idx-truncated",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: {path} declares {shape} values ({expected} bytes with its header) but has "
        "{size} bytes: it is truncated or damaged; replace it with the original file",
    ),
)
UNPACK_FAILED = Template(
    "data.unpack-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "Could not unpack {archive}: {error}"),
)
CIFAR_CHECKSUMS = Template(
    "data.cifar-checksums",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name}: the files under {folder} do not match the official CIFAR-10 checksums "
        "({error}). Replace them with the contents of {archive}",
    ),
)
CIFAR_UNREADABLE = Template(
    "data.cifar-unreadable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "{name}: could not read {path} ({error}): check that the files can be read"
    ),
)
CIFAR_NOT_FOUND = Template(
    "data.cifar-not-found",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "{name} not found under {folder}: expected {files} (the contents of {archive}). Put the "
        "files there (or the archive in {root})",
    ),
)

# Streaming from a temporary copy.
TEMPORARY_COPY_FAILED = Template(
    "data.temporary-copy-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "could not write the temporary copy of the data to stream it ({error}, in {folder}): "
        "free some disk space there, or raise the memory budget",
    ),
)
NUMBERS_COPIED = Template(
    "data.numbers-copied",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{reason}; the numbers copied once to a temporary file"),
)
IMAGES_COPIED = Template(
    "data.images-copied",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{reason}; the images copied once to a temporary file"),
)

# The memory budget and the loading plan (the Data panel's "Loading" line).
BUDGET_TOO_SMALL = Template(
    "data.budget-too-small",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "the memory budget must be at least 1 MB, got {budget}"),
)
WHOLE = Template(
    "data.plan-whole",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "in memory: {name} is always read whole"),
)
WHOLE_SIZED = Template(
    "data.plan-whole-sized",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "in memory: {name} is always read whole; the data needs ~{size} in memory"
    ),
)
STREAM_ASKED = Template(
    "data.plan-stream-asked",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "streaming from disk: the data settings ask for it"),
)
STREAM_ASKED_SIZED = Template(
    "data.plan-stream-asked-sized",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "streaming from disk: the data settings ask for it (the data needs ~{size} in memory)",
    ),
)
STREAM_OFF = Template(
    "data.plan-stream-off",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "in memory: the data settings turn streaming off"),
)
STREAM_OFF_SIZED = Template(
    "data.plan-stream-off-sized",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "in memory: the data settings turn streaming off (the data needs ~{size} in memory)",
    ),
)
STREAM_OFF_OVER = Template(
    "data.plan-stream-off-over",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "in memory: the data settings turn streaming off (the data needs ~{size} in memory, "
        "over the {budget} budget)",
    ),
)
STREAM_OVER = Template(
    "data.plan-stream-over",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "streaming from disk: the data needs ~{size} in memory, over the {budget} budget",
    ),
)
WITHIN = Template(
    "data.plan-within",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "in memory: the data needs ~{size} in memory, within the {budget} budget"
    ),
)
SIZE_UNKNOWN = Template(
    "data.plan-size-unknown",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "in memory: its size is not known"),
)

# The decoded-image cache.
CACHE_FOLDER_UNUSABLE = Template(
    "data.cache-folder-unusable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors", "the decoded-image cache is off: its folder {folder} cannot be used ({error})"
    ),
)
CACHE_NO_ROOM = Template(
    "data.cache-no-room",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "DataErrors",
        "the decoded-image cache is off: the decoded images need ~{size} on disk and only "
        "{usable} can be used at {folder} (it keeps {share} of the disk free); every epoch "
        "decodes the images again",
    ),
)
CACHED = Template(
    "data.cached",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "decoded images cached on disk in {folder} (~{size})"),
)

# Loading progress ("decoding images: 1,234 / 5,000 files · ETA 0:07", "reading data.csv:
# 40,000 / 100,000 rows"): the line of each unit (`loading_progress.Unit`), and what is read.
PROGRESS = Template(
    "data.progress",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} files"),
)
PROGRESS_ETA = Template(
    "data.progress-eta",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} files · ETA {eta}"),
)
PROGRESS_IMAGES = Template(
    "data.progress-images",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} images"),
)
PROGRESS_IMAGES_ETA = Template(
    "data.progress-images-eta",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} images · ETA {eta}"),
)
PROGRESS_ROWS = Template(
    "data.progress-rows",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} rows"),
)
PROGRESS_ROWS_ETA = Template(
    "data.progress-rows-eta",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "{what}: {done} / {total} rows · ETA {eta}"),
)
DECODING_IMAGES = Template(
    "data.decoding-images", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "decoding images")
)
#: Reading a source's files ("MNIST", "CIFAR-10") or one file ("data.csv").
READING = Template("data.reading", CONTEXT, QT_TRANSLATE_NOOP("DataErrors", "reading {name}"))
NORMALISATION_STATISTICS = Template(
    "data.normalisation-statistics",
    CONTEXT,
    QT_TRANSLATE_NOOP("DataErrors", "normalisation statistics"),
)
