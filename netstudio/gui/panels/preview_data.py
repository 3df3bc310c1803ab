"""What the data preview shows, computed off the GUI thread from a loaded dataset.

`load_preview` loads the project's data (seconds for MNIST) and keeps only what the preview
draws: a few samples per class with the normalisation undone, the class counts, the 2-D points
of a toy set or the first rows of a feature table, and one training image for the augmentation
preview. The full dataset is dropped at once, so a preview never holds a second copy of it.
Both functions run torch and belong on a worker (`netstudio.gui.background`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from netstudio.training.data_config import AugmentConfig, DataConfig

SAMPLES_PER_CLASS = 8
MAX_CLASS_ROWS = 10
MAX_POINTS = 4000
TABLE_ROWS = 50
AUGMENT_COUNT = 8


@dataclass
class PreviewData:
    """The drawable digest of one `LoadedData` (see module docstring).

    kind: "image" (C×H×W samples), "points" (2 features), "sequence" (steps × features) or
    "table" (any other feature vector). samples: per class (or for regression one row "")
    the label and up to `SAMPLES_PER_CLASS` samples, images in [0, 1]. counts: examples per
    class in the training split (for regression: a histogram of the first target).
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
    table_rows: list[list[str]] = field(default_factory=list)
    table_header: list[str] = field(default_factory=list)
    augment_source: np.ndarray | None = None  # one normalised training image (C, H, W)
    mean: tuple[float, ...] | None = None
    std: tuple[float, ...] | None = None
    hidden_classes: int = 0


def _kind(input_shape: tuple[int, ...]) -> str:
    if len(input_shape) == 3:
        return "image"
    if input_shape == (2,):
        return "points"
    if len(input_shape) == 2:
        return "sequence"
    return "table"


def load_preview(config: DataConfig, project_dir: Path | None) -> PreviewData:
    """Load the data `config` describes and digest it; raises DataError like `load_data`."""
    import torch

    from netstudio.training.sources import load_data

    data = load_data(config, project_dir)
    train = data.train
    kind = _kind(data.input_shape)
    shown_x = data.denormalize(train.x) if kind == "image" else train.x
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
    )
    if data.classes is not None:
        labels = train.y
        preview.counts = torch.bincount(labels, minlength=len(data.classes)).tolist()
        preview.count_labels = list(data.classes)
        for index, name in enumerate(data.classes[:MAX_CLASS_ROWS]):
            chosen = torch.nonzero(labels == index)[:SAMPLES_PER_CLASS, 0]
            preview.samples.append((name, shown_x[chosen].clamp(0, 1).numpy().copy()))
        preview.hidden_classes = max(0, len(data.classes) - MAX_CLASS_ROWS)
    else:
        target = train.y.reshape(len(train.y), -1)[:, 0].float().numpy()
        counts, edges = np.histogram(target, bins=min(20, max(1, len(target) // 5)))
        preview.counts = counts.tolist()
        preview.count_labels = [f"{edges[i]:.3g}" for i in range(len(counts))]
        preview.samples.append(("", shown_x[:SAMPLES_PER_CLASS].numpy().copy()))
    if kind == "image" and len(train):
        preview.augment_source = train.x[0].numpy().copy()
        preview.samples = [(n, s) for n, s in preview.samples if len(s)]
    elif kind == "points":
        step = max(1, len(train) // MAX_POINTS)
        preview.points = train.x[::step].numpy().copy()
        preview.point_labels = train.y[::step].numpy().copy()
    elif kind in ("table", "sequence"):
        _fill_table(preview, train.x, train.y, data.classes)
    return preview


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
