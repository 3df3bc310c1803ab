"""What the data preview shows, computed off the GUI thread from a bounded sample of the data.

`load_preview` never loads an image folder: it reads a sample (`read_sample`: the class counts
from the file listing, only the images shown decoded) and keeps what the preview draws: a few
samples per class, the class counts, one training image for the augmentation preview, and what
the memory plan needs (the data's size in memory). Sources read whole in any case (the built-in
sets, IDX, CIFAR, CSV) are loaded once and only the samples shown are copied out; the full
dataset is dropped at once, never denormalised as a whole. `loading_line` says which path Train
will take and why. All of it belongs on a worker (`netstudio.gui.background`); an image
folder's preview needs no PyTorch (`early_preview`: PIL and numpy, drawn while torch loads),
everything else runs torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from netstudio.training.data_config import AugmentConfig, DataConfig

if TYPE_CHECKING:
    from netstudio.training.folder_preview import FolderSample
    from netstudio.training.memory_budget import Streaming

SAMPLES_PER_CLASS = 8
MAX_CLASS_ROWS = 10
MAX_POINTS = 4000
TABLE_ROWS = 50
AUGMENT_COUNT = 8


@dataclass
class PreviewData:
    """The drawable digest of a project's data (see module docstring).

    kind: "image" (C×H×W samples), "points" (2 features), "sequence" (steps × features) or
    "table" (any other feature vector). samples: per class (or for regression one row "")
    the label and up to `SAMPLES_PER_CLASS` samples, images in [0, 1]. counts: examples per
    class in the training split (for regression: a histogram of the first target).
    needed: bytes the data takes in memory when preloaded (None: not known); can_stream: the
    source can stream from disk. decoded: the images decoded for this preview.
    """

    summary: str
    kind: str
    task: str
    input_shape: tuple[int, ...]
    classes: list[str] | None
    counts: list[int]
    count_labels: list[str]
    samples: list[tuple[str, np.ndarray]] = field(default_factory=list)
    points: np.ndarray | None = None
    point_labels: np.ndarray | None = None
    #: Where each shown sample is in the training split, row by row as `samples` (and one
    #: per table row); empty where it is not known (an image folder's sample).
    sample_indices: list[list[int]] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    table_header: list[str] = field(default_factory=list)
    augment_source: np.ndarray | None = None  # one normalised training image (C, H, W)
    mean: tuple[float, ...] | None = None
    std: tuple[float, ...] | None = None
    hidden_classes: int = 0
    name: str = ""
    needed: int | None = None
    can_stream: bool = False
    decoded: int = 0
    #: Images in the training split and in all (a streamed folder's plan line names them).
    train_count: int = 0
    total: int = 0
    #: Examples in the train, validation and test splits of a source read whole (None: an
    #: image folder's sample, which knows `train_count` and `total` only). The Data panel
    #: says `summary` (English, for logs) in the person's language from these.
    split_sizes: tuple[int, int, int] | None = None


def _kind(input_shape: tuple[int, ...]) -> str:
    if len(input_shape) == 3:
        return "image"
    if input_shape == (2,):
        return "points"
    if len(input_shape) == 2:
        return "sequence"
    return "table"


def load_preview(config: DataConfig, project_dir: Path | None) -> PreviewData:
    """Digest the data `config` describes (a sample where the source can stream, see module
    docstring); raises DataError like `load_data`."""
    if is_folder(config, project_dir):
        preview = _sampled_preview(config, project_dir, torch_ready=True)
        assert preview is not None  # with torch at hand an image folder is always sampled
        return preview
    return _loaded_preview(config, project_dir)


def early_preview(config: DataConfig, project_dir: Path | None) -> PreviewData | None:
    """The preview of an image folder, drawn before PyTorch has loaded: no torch, torchvision
    or scikit-learn is imported (`folder_preview`). None where the data is not an image folder
    or its splits need scikit-learn to say why they cannot be made (`load_preview` then, once
    PyTorch is ready); DataError when the folder or an image shown cannot be read."""
    if not is_folder(config, project_dir):
        return None
    return _sampled_preview(config, project_dir, torch_ready=False)


def is_folder(config: DataConfig, project_dir: Path | None) -> bool:
    """Whether the data is an image folder that is set: its preview needs no PyTorch."""
    from netstudio.training.folder_preview import is_folder as folder_set

    return folder_set(config, project_dir)


def _sampled_preview(
    config: DataConfig, project_dir: Path | None, torch_ready: bool
) -> PreviewData | None:
    """An image folder: the listing gives counts and size, only the samples shown decode (with
    PIL and numpy: the same images, counts and splits as training's, see `folder_preview`)."""
    from netstudio.training.folder_preview import read_folder_sample
    from netstudio.training.memory_budget import preload_bytes

    sample = read_folder_sample(config, project_dir, None, SAMPLES_PER_CLASS, MAX_CLASS_ROWS)
    if sample is None:  # too few images to split: scikit-learn's own words say why
        if not torch_ready:
            return None
        sample = _torch_sample(config, project_dir)
    classes = sample.classes
    x = sample.x  # images in [0, 1], as many as the preview shows
    shape = "×".join(str(d) for d in sample.input_shape)
    rest = sample.total - sample.train_count
    preview = PreviewData(
        summary=f"{sample.name}: {sample.train_count} train / {rest} val and test, {shape}, "
        f"{len(classes)} classes",
        kind="image",
        task="classification",
        input_shape=sample.input_shape,
        classes=sample.classes,
        counts=list(sample.counts),
        count_labels=list(classes),
        mean=sample.mean,
        std=sample.std,
        hidden_classes=max(0, len(classes) - MAX_CLASS_ROWS),
        name=sample.name,
        needed=preload_bytes(sample.total, sample.input_shape),
        can_stream=True,
        decoded=len(x),
        train_count=sample.train_count,
        total=sample.total,
    )
    for index, name in enumerate(classes[:MAX_CLASS_ROWS]):
        shown = x[sample.y == index]
        if len(shown):
            preview.samples.append((name, shown))
    if len(x):
        first = x[0]
        if sample.mean is not None and sample.std is not None:
            mean = np.asarray(sample.mean, dtype=np.float32).reshape(-1, 1, 1)
            std = np.asarray(sample.std, dtype=np.float32).reshape(-1, 1, 1)
            first = (first - mean) / std
        preview.augment_source = first.copy()
    return preview


def _torch_sample(config: DataConfig, project_dir: Path | None) -> FolderSample:
    """The folder's sample read by the PyTorch path (`read_sample`), whose split raises the
    DataError that says why the images are too few to split."""
    from netstudio.training.folder_preview import FolderSample
    from netstudio.training.preview_sample import read_sample

    got = read_sample(config, project_dir, None, SAMPLES_PER_CLASS, MAX_CLASS_ROWS)
    return FolderSample(
        name=got.name,
        input_shape=got.input_shape,
        classes=list(got.classes or []),
        counts=list(got.counts or []),
        total=got.total,
        train_count=got.train_count,
        x=got.x.numpy(),
        y=got.y.numpy(),
        mean=got.mean,
        std=got.std,
    )


def _loaded_preview(config: DataConfig, project_dir: Path | None) -> PreviewData:
    """A source read whole: load it once, copy out only what the preview draws."""
    import torch

    from netstudio.training.loaded_data import TensorSplit
    from netstudio.training.sources import get_source, load_data, resolve_root

    # Read whole for the preview, even a source that streams to train (IDX, CIFAR-10, CSV).
    data = load_data(config.model_copy(update={"streaming": "never"}), project_dir)
    train = data.train
    assert isinstance(train, TensorSplit)  # only an image folder streams, and it is sampled
    kind = _kind(data.input_shape)
    # The number Train plans with: the source's estimate, or (a source read whole) what the
    # loaded splits hold.
    source = get_source(config.source)
    params, root = source.check_params(config.params), resolve_root(config, project_dir)
    needed = source.memory_needed(params, root)
    if needed is None:
        needed = sum(split.nbytes for split in (data.train, data.val, data.test))

    def shown(x: torch.Tensor) -> np.ndarray:
        """Only the samples picked, denormalised: never a copy of the whole split."""
        picked = data.denormalize(x).clamp(0, 1) if kind == "image" else x
        return picked.numpy().copy()

    preview = PreviewData(
        summary=data.summary(),
        kind=kind,
        task=data.task,
        input_shape=data.input_shape,
        classes=data.classes,
        counts=[],
        count_labels=[],
        mean=data.mean,
        std=data.std,
        name=data.name,
        needed=needed,
        can_stream=source.can_stream,
        split_sizes=(len(data.train), len(data.val), len(data.test)),
    )
    if data.classes is not None:
        labels = train.y
        preview.counts = torch.bincount(labels, minlength=len(data.classes)).tolist()
        preview.count_labels = list(data.classes)
        for index, name in enumerate(data.classes[:MAX_CLASS_ROWS]):
            chosen = torch.nonzero(labels == index)[:SAMPLES_PER_CLASS, 0]
            preview.samples.append((name, shown(train.x[chosen])))
            preview.sample_indices.append(chosen.tolist())
        preview.hidden_classes = max(0, len(data.classes) - MAX_CLASS_ROWS)
    else:
        target = train.y.reshape(len(train.y), -1)[:, 0].float().numpy()
        counts, edges = np.histogram(target, bins=min(20, max(1, len(target) // 5)))
        preview.counts = counts.tolist()
        preview.count_labels = [f"{edges[i]:.3g}" for i in range(len(counts))]
        preview.samples.append(("", shown(train.x[:SAMPLES_PER_CLASS])))
        preview.sample_indices.append(list(range(min(SAMPLES_PER_CLASS, len(train)))))
    if kind == "image" and len(train):
        preview.augment_source = train.x[0].numpy().copy()
        kept = [i for i, (_, s) in enumerate(preview.samples) if len(s)]
        preview.samples = [preview.samples[i] for i in kept]
        preview.sample_indices = [preview.sample_indices[i] for i in kept]
        preview.decoded = len(train) + len(data.val) + len(data.test)
    elif kind == "points":
        step = max(1, len(train) // MAX_POINTS)
        preview.points = train.x[::step].numpy().copy()
        preview.point_labels = train.y[::step].numpy().copy()
    elif kind in ("table", "sequence"):
        _fill_table(preview, train.x, train.y, data.classes)
    return preview


def loading_line(
    preview: PreviewData, streaming: Streaming, budget_mb: int | None, cache: bool = False
) -> str:
    """Which way Train will read the data previewed, and why (one line; reads the memory
    available now, so it belongs on a worker). A streamed folder adds how many images its
    normalisation statistics come from and, with `cache`, where the decoded images are kept
    or why they cannot be."""
    from PySide6.QtCore import QCoreApplication

    from netstudio.gui.i18n import translated
    from netstudio.training.memory_budget import memory_budget, plan_loading

    budget = memory_budget(budget_mb)
    plan = plan_loading(streaming, preview.needed, budget, preview.can_stream, preview.name)
    line = QCoreApplication.translate(
        "DataPanel", "Train: {reason}", "how Train will read the data"
    )
    line = line.format(reason=translated(plan.reason))  # the reason is made headless
    if not plan.streaming:
        return line
    more = QCoreApplication.translate("DataPanel", "{line}; {more}", "one more clause of the line")
    from netstudio.training.folder_source import stats_line
    from netstudio.training.streaming import STATS_SAMPLE

    if preview.mean is not None and preview.train_count > STATS_SAMPLE:
        line = more.format(
            line=line, more=translated(stats_line(STATS_SAMPLE, preview.train_count))
        )
    if cache and preview.kind == "image":
        from netstudio.training.decoded_cache import plan_cache

        channels, height, width = preview.input_shape
        _, said = plan_cache(preview.total, (height, width), channels, False)
        line = more.format(line=line, more=translated(said))
    return line


def _fill_table(preview: PreviewData, x: Any, y: Any, classes: list[str] | None) -> None:
    rows = x[:TABLE_ROWS].reshape(min(len(x), TABLE_ROWS), -1).numpy()
    width = min(rows.shape[1], 12)
    preview.table_header = [f"x{i}" for i in range(width)] + ["label" if classes else "target"]
    for row, target in zip(rows, y[:TABLE_ROWS].tolist(), strict=True):
        label = classes[target] if classes else ", ".join(f"{v:.3g}" for v in np.ravel(target))
        preview.table_rows.append([f"{v:.3g}" for v in row[:width]] + [label])


def augment_samples(
    preview: PreviewData, augment: AugmentConfig, count: int = AUGMENT_COUNT, seed: int = 0
) -> np.ndarray:
    """`count` random augmentations of the preview's training image, denormalised, in [0, 1].

    The first one is the image as it is, for comparison.
    """
    import torch

    from netstudio.training.augment import BatchAugment

    if preview.augment_source is None:
        return np.zeros((0, 1, 1, 1), dtype=np.float32)
    source = torch.from_numpy(preview.augment_source)
    batch = source.unsqueeze(0).repeat(count, 1, 1, 1)
    generator = torch.Generator().manual_seed(seed)
    out = torch.cat([batch[:1], BatchAugment(augment)(batch[1:], generator)])
    if preview.mean is not None and preview.std is not None:
        mean = torch.tensor(preview.mean).view(1, -1, 1, 1)
        std = torch.tensor(preview.std).view(1, -1, 1, 1)
        out = out * std + mean
    return out.clamp(0, 1).numpy()
