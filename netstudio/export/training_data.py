"""The data half of an exported training script: read the project's examples, split, normalise.

Each supported source gets a `read_examples(root, download)` function written for it; splitting
and normalisation use NetStudio's own functions (`split_indices`, `feature_stats`), copied into
the script, and the toy sets its own generators, so the script sees the same examples, splits
and statistics as NetStudio does.
"""

from __future__ import annotations

from netstudio.export import export_messages as said
from netstudio.export.code import Imports, literal
from netstudio.export.errors import ExportError
from netstudio.export.source_copy import SourceBundle
from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import DataError

#: torchvision dataset class of each IDX source.
_IDX = {"mnist": "MNIST", "fashion_mnist": "FashionMNIST", "kmnist": "KMNIST"}

SUPPORTED = ("digits", "spiral", "moons", "circles", "xor", "blobs", "sequences", *_IDX)
SUPPORTED += ("cifar10", "image_folder", "csv")

_SIGNATURE = "def read_examples(root: Path, download: bool) -> Examples:"


def data_blocks(config: DataConfig, imports: Imports, bundle: SourceBundle) -> list[list[str]]:
    """The data constants, `read_examples` and `load_splits` for `config`'s source."""
    from netstudio.training import loaded_data
    from netstudio.training.sources import get_source

    if config.source not in SUPPORTED:
        raise ExportError(
            said.SOURCE_NOT_WRITABLE(source=repr(config.source), supported=", ".join(SUPPORTED))
        )
    try:
        source = get_source(config.source)
        params = source.check_params(config.params)
    except DataError as error:
        raise ExportError(said.DATA_NOT_VALID(error=said.reason(error))) from None
    imports.add("torch")
    imports.add("pathlib", "Path")
    bundle.add(loaded_data.split_indices)
    bundle.add(loaded_data.feature_stats)
    bundle.add(loaded_data._stat_shape)
    constants = [
        f"NAME = {literal(source.name)}",
        f"DATA_SEED = {config.seed}",
        f"VAL_FRACTION = {config.val_fraction!r}",
        f"TEST_FRACTION = {config.test_fraction!r}",
        f"NORMALIZE = {config.normalize!r}",
        "Examples = tuple[torch.Tensor, torch.Tensor, torch.Tensor | None, torch.Tensor | None]",
    ]
    reader = _reader(config.source, source, params, imports, bundle)
    return [constants, reader, _LOAD_SPLITS.strip("\n").splitlines()]


def classifies(config: DataConfig) -> bool:
    """Whether the source gives class labels (all but a CSV file read for regression)."""
    return not (config.source == "csv" and config.params.get("task") == "regression")


def _reader(
    source_id: str, source: object, params: dict, imports: Imports, bundle: SourceBundle
) -> list[str]:
    doc = f'    """{source.name}: {source.description.splitlines()[0]}"""'  # type: ignore[attr-defined]
    if len(doc) > 88:
        doc = f'    """The examples of {source.name}, as NetStudio reads them."""'  # type: ignore[attr-defined]
    head = [_SIGNATURE, doc]
    if source_id == "digits":
        imports.add("sklearn.datasets", "load_digits")
        return [
            *head,
            "    digits = load_digits()",
            "    x = torch.from_numpy(digits.images).to(torch.float32).div_(16).unsqueeze(1)",
            "    y = torch.from_numpy(digits.target).to(torch.int64)",
            "    return x, y, None, None",
        ]
    if source_id == "sequences":
        from netstudio.training.sequence_source import waves

        bundle.add(waves)
        args = ", ".join(str(params[k]) for k in ("samples", "length")) + f", {params['noise']!r}"
        return [
            *head,
            f"    x, y = waves({args}, DATA_SEED)",
            "    return torch.from_numpy(x), torch.from_numpy(y), None, None",
        ]
    if source_id in _IDX or source_id == "cifar10":
        return head + _torchvision(source_id, imports)
    if source_id == "image_folder":
        return head + _image_folder(params, imports, bundle)
    if source_id == "csv":
        return head + _csv(params, imports, bundle)
    generate = bundle.add(source.generate)  # type: ignore[attr-defined]
    imports.add("numpy", alias="np")
    return [
        *head,
        f"    x, y, _ = {generate}({literal(params)}, DATA_SEED)",
        "    x = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))",
        "    y = torch.from_numpy(np.ascontiguousarray(y, dtype=np.int64))",
        "    return x, y, None, None",
    ]


def _torchvision(source_id: str, imports: Imports) -> list[str]:
    """Reads a torchvision dataset; without its files (and without ``--download``) the script
    ends with one line naming the folder torchvision looked in and the script's own flags,
    instead of torchvision's traceback that advises ``download=True``."""
    imports.add("torchvision", "datasets")
    name = "CIFAR10" if source_id == "cifar10" else _IDX[source_id]
    # Where torchvision keeps each dataset's files under the root it is given.
    folder = '"cifar-10-batches-py"' if source_id == "cifar10" else f'"{name}", "raw"'
    lines = [
        f"    folder = root.joinpath({folder})",
        "    try:",
        f"        train = datasets.{name}(str(root), train=True, download=download)",
        f"        test = datasets.{name}(str(root), train=False, download=download)",
        "    except RuntimeError:  # torchvision's 'Dataset not found', which advises download=True",
        "        if download:",
        "            raise",
        "        raise SystemExit(",
        '            f"error: the {NAME} files are missing or incomplete in {folder}: run again "',
        '            "with --download to fetch them (needs internet), or point --data-root at the "',
        '            f"folder that holds {folder.relative_to(root)}"',
        "        ) from None",
    ]
    if source_id == "cifar10":
        return [
            *lines,
            "    x = torch.from_numpy(train.data).permute(0, 3, 1, 2).contiguous()",
            "    test_x = torch.from_numpy(test.data).permute(0, 3, 1, 2).contiguous()",
            "    y = torch.tensor(train.targets, dtype=torch.int64)",
            "    test_y = torch.tensor(test.targets, dtype=torch.int64)",
            "    return x, y, test_x, test_y",
        ]
    return [
        *lines,
        "    x, test_x = train.data.unsqueeze(1), test.data.unsqueeze(1)",
        "    return x, train.targets.long(), test_x, test.targets.long()",
    ]


def _image_folder(params: dict, imports: Imports, bundle: SourceBundle) -> list[str]:
    from netstudio.training.folder_source import decode_images

    imports.add("torchvision.datasets", "ImageFolder")
    bundle.add(decode_images)
    grey = params["grayscale"]
    return [
        "    if not root.is_dir():",
        "        raise SystemExit(",
        '            f"error: the image folder {root} was not found: point --data-root at the "',
        '            "folder that holds one folder of images per class"',
        "        )",
        "    train_dir, test_dir = root, None",
        '    if (root / "train").is_dir() and (root / "test").is_dir():',
        '        train_dir, test_dir = root / "train", root / "test"',
        f"    x, y = decode_images(ImageFolder(str(train_dir)).samples, {params['resize']}, {grey})",
        "    if test_dir is None:",
        "        return x, y, None, None",
        f"    size = {params['resize'] or '(int(x.shape[2]), int(x.shape[3]))'}",
        f"    test_x, test_y = decode_images(ImageFolder(str(test_dir)).samples, size, {grey})",
        "    return x, y, test_x, test_y",
    ]


def _csv(params: dict, imports: Imports, bundle: SourceBundle) -> list[str]:
    from netstudio.training import csv_source

    bundle.add(csv_source.read_table)
    bundle.add(csv_source.numbers)
    bundle.add(csv_source.class_names)

    def names(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    delimiter = csv_source.DELIMITERS[params["delimiter"]]
    regression = params["task"] == "regression"
    files = [name for name in (params["file"], params["test_file"]) if name]
    lines = [
        f"    names = {literal(files)}",
        "    for name in names:",
        "        if not (root / name).is_file():",
        "            raise SystemExit(",
        '                f"error: the data file {root / name} was not found: point --data-root "',
        '                f"at the folder that holds {name}"',
        "            )",
        f"    labels, features = {literal(names(params['label_column']))}, "
        f"{literal(names(params['feature_columns']))}",
        f"    tables = [read_table(root / name, {literal(delimiter)}, {params['has_header']!r}) "
        "for name in names]",
        "    columns = tables[0].columns",
        "    label_at = [columns.index(c) for c in labels] or [len(columns) - 1]",
        "    feature_at = [columns.index(c) for c in features] or [",
        "        i for i in range(len(columns)) if i not in label_at",
        "    ]",
        "    xs = [torch.from_numpy(numbers(table, feature_at)) for table in tables]",
    ]
    if regression:
        lines.append("    ys = [torch.from_numpy(numbers(table, label_at)) for table in tables]")
    else:
        lines += [
            "    values = [[row[label_at[0]].strip() for row in t.rows] for t in tables]",
            "    classes = class_names(values[0])",
            "    ys = [torch.tensor([classes.index(v) for v in vs]) for vs in values]",
        ]
    lines += [
        "    if len(tables) == 1:",
        "        return xs[0], ys[0], None, None",
        "    return xs[0], ys[0], xs[1], ys[1]",
    ]
    return lines


_LOAD_SPLITS = '''
def load_splits(root: Path, download: bool) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """Train, validation and test examples, split and normalised as NetStudio does."""
    x, y, test_x, test_y = read_examples(root, download)
    if test_x is None or test_y is None:
        keep, held = split_indices(y, TEST_FRACTION, DATA_SEED, CLASSIFIES, NAME)
        x, y, test_x, test_y = x[keep], y[keep], x[held], y[held]
    keep, held = split_indices(y, VAL_FRACTION, DATA_SEED, CLASSIFIES, NAME)
    splits = {"train": (x[keep], y[keep]), "val": (x[held], y[held]), "test": (test_x, test_y)}
    for name, (xs, ys) in splits.items():
        xs = xs.to(torch.float32).div_(255) if xs.dtype == torch.uint8 else xs.float()
        splits[name] = (xs, ys)
    if NORMALIZE:
        mean, std = feature_stats(splits["train"][0])
        shape = _stat_shape(splits["train"][0].dim(), len(mean))
        for xs, _ in splits.values():
            xs.sub_(mean.view(shape)).div_(std.view(shape))
    return {
        name: (xs.reshape(len(xs), *INPUT_SHAPE).to(INPUT_DTYPE), ys)
        for name, (xs, ys) in splits.items()
    }
'''
