"""The words of a failed import (`ModelImportError`) and of the notes an import leaves
(`ImportedModel.notes`), as message templates (`netstudio.core.messages`): the command line
prints the English, File ▸ Import… shows them translated (`netstudio.gui.i18n.translated`).

A `ModelImportError` holds its `Message` as its one argument (``str(error)`` is the English).
The ONNX and Keras importers' own words are in `onnx_messages` and `keras_messages`, in the
same catalogue context. Fields: path, source: the file or model imported (the person's data);
name, node, layer, module: names from the person's model or PyTorch's own (never translated);
error, reason, detail: an error's first line in Python's, PyTorch's or the system's words, put
in as they are; shape, shapes: as Python writes them.
"""

from __future__ import annotations

from typing import Any

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message, Phrase, Template

CONTEXT = "ImportMessages"


def phrase(text: str) -> Phrase:
    """`text`, a phrase of this context (marked with QT_TRANSLATE_NOOP where it is written),
    to put into a message as an argument."""
    return Phrase(CONTEXT, text)


def reason(error: BaseException) -> Any:
    """What `error` says, as a message's argument: its `Message` when it holds one (translated
    with the message that holds it), else its text."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)


#: "{source}: {message}": most refusals start with the file or model they are about.
ABOUT = Template(
    "import.about", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{source}: {message}")
)

# Files.
NO_SUCH_FILE = Template(
    "import.no-such-file", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{path}: no such file")
)
NOT_PYTHON = Template(
    "import.not-python",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: not a Python file (.py)"),
)
NOT_LOADABLE = Template(
    "import.not-loadable",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: cannot be loaded as a Python module"),
)
#: where: the file and line ("model.py:3").
SYNTAX_ERROR = Template(
    "import.syntax-error",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: syntax error: {error}"),
)
#: kind: the Python exception's class (NameError).
RUNNING_FAILED = Template(
    "import.running-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{where}: running the file failed: {kind}: {error}"),
)

# A class in a Python file.
NO_CLASS = Template(
    "import.no-class",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: there is no class '{name}'"),
)
NO_CLASS_BUT = Template(
    "import.no-class-but",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: there is no class '{name}' (its nn.Module classes: {classes})"
    ),
)
NOT_A_MODULE_CLASS = Template(
    "import.not-a-module-class",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: '{name}' is not an nn.Module class"),
)
#: error: Python's words on the arguments ("missing a required argument: 'hidden'").
CONSTRUCTOR_ARGUMENTS = Template(
    "import.constructor-arguments",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {name}() {error}: give its constructor arguments as a JSON object "
        '({{"hidden": 64}}), or give them defaults',
    ),
)
#: call: the constructor call as Python writes it (Net(hidden=64)).
CONSTRUCTOR_FAILED = Template(
    "import.constructor-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: {call} failed: {kind}: {error}"),
)
CONSTRUCTOR_FAILED_AT = Template(
    "import.constructor-failed-at",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: {call} failed: {kind}: {error} (line {line})"),
)

# torchvision.
NOT_TORCHVISION = Template(
    "import.not-torchvision",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "'{name}' is not a supported torchvision architecture; choose one of {supported}",
    ),
)
WEIGHTS_DO_NOT_FIT = Template(
    "import.torchvision-weights-do-not-fit",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: these weights do not fit torchvision's {name}: {detail}"
    ),
)
NO_WEIGHTS_FILE = Template(
    "import.no-weights-file",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: no such weights file"),
)
CANNOT_READ_WEIGHTS = Template(
    "import.cannot-read-weights",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: cannot read weights: {error}"),
)
NOT_A_STATE_DICT = Template(
    "import.not-a-state-dict",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: does not hold a state dict (names → tensors)"),
)

# Tracing a PyTorch module (torch.fx).
SHAPE_NOT_POSITIVE = Template(
    "import.shape-not-positive",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: input shape {shape} needs positive sizes"),
)
#: count: 2 or more; names: the forward's tensor arguments.
SEVERAL_INPUTS = Template(
    "import.several-inputs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: forward takes {count} tensors ({names}): NetStudio imports models with one "
        "input; give the others defaults",
    ),
)
#: where: `AT` or "".
CANNOT_TRACE = Template(
    "import.cannot-trace",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: torch.fx cannot trace {module}{where}: {error}. Data-dependent control flow "
        "cannot be traced (an `if` or loop on tensor values); move it out of forward or make "
        "it depend on constructor settings only",
    ),
)
TRACE_RUN_FAILED = Template(
    "import.trace-run-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: running {module}.forward to trace it failed{where}: {kind}: {error}",
    ),
)
#: " at file:line": where in the person's code (follows a word directly).
AT = Template("import.at", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", " at {place}"))
LAZY_MODULE = Template(
    "import.lazy-module",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {where} is an nn.{module}: Lazy modules have no sizes until run: use "
        "Conv2d/Linear, NetStudio fills the input sizes",
    ),
)
MODEL_FAILS_ON_INPUT = Template(
    "import.model-fails-on-input",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: the model fails on an input of shape {shape}: {error}; check the input "
        "shape (one sample, without the batch dimension)",
    ),
)
#: An fx node NetStudio cannot translate: node, its name; what, the call (self.fc:
#: nn.Linear); where, `AT` or ""; message, one of the phrases or messages below.
FX_NODE = Template(
    "import.fx-node",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: '{node}' ({what}){where} {message}"),
)
CANNOT_BE_IMPORTED = Template(
    "import.cannot-be-imported",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "cannot be imported: {error}"),
)
NOT_A_PUBLIC_FUNCTION = Template(
    "import.not-a-public-function",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "cannot be imported: {error}; NetStudio calls public functions of torch, "
        "torch.nn.functional and operator, and tensor methods",
    ),
)
#: function: where the function was found and its name (mypkg.ops.swish).
NOT_TORCH_FUNCTION = Template(
    "import.not-torch-function",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{function} is not a torch or operator function"),
)
ARGUMENT_NOT_STORED = Template(
    "import.argument-not-stored",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "has an argument NetStudio cannot store: {error}"),
)
#: A module with a setting its layer lacks: setting, the setting (padding='same', or a
#: phrase); fix, a phrase saying what to do.
NO_LAYER_WITH = Template(
    "import.no-layer-with",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "nn.{module} with {setting} has no layer: {fix}"),
)
NEGATIVE_PADDING = Template(
    "import.negative-padding",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "negative padding {padding}"),
)
#: What the input node was made from, in messages about it.
THE_INPUT = QT_TRANSLATE_NOOP("ImportMessages", "the input")
#: The model as a whole, where a message names one of its modules.
THE_MODEL = QT_TRANSLATE_NOOP("ImportMessages", "the model")

# Putting the network together.
CANNOT_BECOME = Template(
    "import.cannot-become",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: {where} cannot become a {layer} layer: {error}"),
)
RETURNS_NO_TENSOR = Template(
    "import.returns-no-tensor",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{source}: the model returns no tensor"),
)
DOES_NOT_CHECK_OUT = Template(
    "import.does-not-check-out",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{source}: the imported network does not check out:\n{problems}"
    ),
)
#: One problem of the imported network, indented under the line above.
PROBLEM_LINE = Template(
    "import.problem-line", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "  {where}: {message}")
)
#: count: how many problems are not listed (1 or more).
MORE_PROBLEMS = Template(
    "import.more-problems", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "  ... and {count} more")
)
#: Two lines, one under the other: how a list of problems is put together.
LINES = Template("import.lines", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{first}\n{rest}"))
#: listed: the tensors the source layer has, or `NONE`.
NO_SOURCE_TENSOR = Template(
    "import.no-source-tensor",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {layer} has no source tensor for '{key}' (the source layer has {listed})",
    ),
)
NONE = QT_TRANSLATE_NOOP("ImportMessages", "none")
SHAPES_DIFFER = Template(
    "import.shapes-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source}: {layer}: '{key}' is {shape} in the source but {wanted} in the layer",
    ),
)


def lines(items: list[Message]) -> Message | str:
    """`items`, one per line, as one message translated line by line; "" for none."""
    if not items:
        return ""
    joined = items[-1]
    for item in reversed(items[:-1]):
        joined = LINES(first=item, rest=joined)
    return joined


# Notes: what an import changed, or what the person must still set before training.
BLOCKS_MADE = Template(
    "import.note-blocks",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{calls} calls of repeated submodules became Block nodes of {count} networks "
        "({names}); each network opens in its own tab, and an edit there changes every copy",
    ),
)
SHARED_MODULE = Template(
    "import.note-shared-module",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "self.{name} is used {count} times: each use became its own layer with a copy of the "
        "weights (they train separately)",
    ),
)
INPUTS_AND_OUTPUTS = Template(
    "import.note-inputs-outputs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the network has {inputs} Inputs and {outputs} Outputs; training needs one of each, so "
        "the project's data and training settings were left as they are",
    ),
)
#: data: a data source's name; size, wanted: sample sizes (1×28×28); shape: 1, 28, 28.
DATA_DOES_NOT_FIT = Template(
    "import.note-data-does-not-fit",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{data}'s samples are {size} but the Input takes {wanted}: import the model again with "
        "an input shape of {shape}, or choose other data",
    ),
)
OUTPUT_NOT_KNOWN = Template(
    "import.note-output-not-known",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the output's shape is not known, so the training task and loss were left at their "
        "defaults (classification, cross-entropy): check them before training",
    ),
)
#: fix: `SET_OUT_FEATURES` or `GIVE_OUTPUTS`.
SCORES_NOT_CLASSES = Template(
    "import.note-scores-not-classes",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the network gives {units} scores per sample but {data} has {classes} classes: {fix} "
        "before training (Model > Fit Layer to Data in the app does it)",
    ),
)
SET_OUT_FEATURES = Template(
    "import.set-out-features",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "set out_features of the Linear '{layer}' to {classes}"),
)
GIVE_OUTPUTS = Template(
    "import.give-outputs",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "give its last layer {classes} outputs"),
)
NOT_SCORES = Template(
    "import.note-not-scores",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the network's output is {size}, not one score per class: set the project's training "
        "task and loss (and data with matching targets) before training",
    ),
)
#: what: `SAMPLES_OF` or `SAMPLES_OF_INPUT`; known: `SIZE_FOR` items, joined with ", ".
NO_DATA_FITS = Template(
    "import.note-no-data-fits",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "no built-in data has {what}: choose the project's data before training (your own "
        "image folder or CSV file), or import the model again with an input shape that "
        "built-in data has ({known})",
    ),
)
SAMPLES_OF = Template(
    "import.samples-of", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "samples of {size}")
)
SAMPLES_OF_INPUT = Template(
    "import.samples-of-input",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "samples of the Input's shape"),
)
SIZE_FOR = Template(
    "import.size-for", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{size} for {data}")
)
#: Items of a list, with the separator between them.
LISTED = Template("import.listed", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "{first}, {rest}"))


def listed(items: list[Message]) -> Message | str:
    """`items` joined with ", " (as the language writes a list); "" for none."""
    if not items:
        return ""
    joined = items[-1]
    for item in reversed(items[:-1]):
        joined = LISTED(first=item, rest=joined)
    return joined


# Reading a weights file.
NOT_PLAIN_STATE = Template(
    "import.not-plain-state",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "it is not a plain state dict of tensors; NetStudio reads tensors only and never runs "
        "code from a weights file: save the model's state_dict() with torch.save, or as "
        "safetensors",
    ),
)
#: detail: what PyTorch's safe loader refused, its own words.
NOT_PLAIN_STATE_BECAUSE = Template(
    "import.not-plain-state-because",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "it is not a plain state dict of tensors ({detail}); NetStudio reads tensors only and "
        "never runs code from a weights file: save the model's state_dict() with torch.save, "
        "or as safetensors",
    ),
)
