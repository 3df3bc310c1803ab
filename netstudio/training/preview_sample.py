"""A bounded sample of a project's data for the Data preview, class balance and augmentation grid.

`read_sample` never decodes the whole dataset when the source can help it: an image folder's
class counts come from its file listing and its splits from the labels alone, and only the
images shown are decoded (a few per class); their normalisation statistics come from that
sample (its size recorded). Sources read whole in any case (the built-in sets, IDX, CIFAR and
CSV files) are loaded and sampled the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import Task, TensorSplit, split_plan
from netstudio.training.sources import get_source, resolve_root

if TYPE_CHECKING:
    from torch import Tensor

    from netstudio.training.folder_source import FolderListing

#: Samples per class a preview shows, and the classes it shows them for.
PER_CLASS = 8
MAX_CLASSES = 10


@dataclass
class DataSample:
    """A few training samples and the counts a preview draws.

    x: the samples (images as float32 in [0, 1], not normalised; other data as the source gives
    it, normalised); y: their labels or targets. counts: training examples per class (None for
    regression). total: examples in all splits. mean/std: the normalisation training would use,
    estimated from `stats_sample` images (0: the source's own statistics over the training split).
    """

    name: str
    task: Task
    input_shape: tuple[int, ...]
    classes: list[str] | None
    counts: list[int] | None
    total: int
    train_count: int
    x: Tensor
    y: Tensor
    mean: tuple[float, ...] | None
    std: tuple[float, ...] | None
    stats_sample: int = 0


def read_sample(
    config: DataConfig,
    project_dir: Path | None = None,
    data_root: str | Path | None = None,
    per_class: int = PER_CLASS,
    max_classes: int = MAX_CLASSES,
) -> DataSample:
    """Up to `per_class` training samples of each of the first `max_classes` classes (the first
    ones in the training split; the first `per_class` samples for regression), with the class
    counts of the whole training split. DataError like `load_data` when the data cannot be read.
    """
    source = get_source(config.source)
    params = source.check_params(config.params)
    root = resolve_root(config, project_dir, data_root)
    from netstudio.training.folder_source import ImageFolderSource

    if isinstance(source, ImageFolderSource) and root is not None:
        return _folder_sample(source.listing(params, root), config, per_class, max_classes)
    from netstudio.training.sources import load_data

    # Other sources are read whole for their sample, even those that stream to train.
    whole = config.model_copy(update={"streaming": "never"})
    data = load_data(whole, project_dir, data_root)
    train = data.train
    assert isinstance(train, TensorSplit)  # only a source that can stream streams
    chosen = _chosen(train.y, data.classes, per_class, max_classes)
    x = train.x[chosen]
    if data.is_image:
        x = data.denormalize(x).clamp_(0, 1)
    return DataSample(
        name=data.name,
        task=data.task,
        input_shape=data.input_shape,
        classes=data.classes,
        counts=_counts(train.y, data.classes),
        total=len(data.train) + len(data.val) + len(data.test),
        train_count=len(train),
        x=x,
        y=train.y[chosen],
        mean=data.mean,
        std=data.std,
    )


def _folder_sample(
    listing: FolderListing, config: DataConfig, per_class: int, max_classes: int
) -> DataSample:
    """An image folder's sample: the listing gives labels and counts, only the picks decode
    (no per-file object is made for the rest: the splits are worked out on the labels)."""
    import torch

    from netstudio.training.loaded_data import feature_stats
    from netstudio.training.streaming import StreamSplit

    samples = listing.samples
    labels = torch.tensor([label for _, label in samples], dtype=torch.int64)
    official = listing.test_samples is not None
    train_at, _, _ = split_plan(labels, official, config, True, listing.name)
    train_y = labels[train_at]
    chosen = _chosen(train_y, listing.classes, per_class, max_classes)
    shown = [samples[index] for index in train_at[chosen].tolist()]
    picks = StreamSplit(shown, listing.size, listing.grayscale, fixed=listing.fixed)
    x = picks.decode(range(len(shown))).float().div_(255)
    mean = std = None
    if config.normalize and len(x):
        mean_t, std_t = feature_stats(x)
        mean, std = tuple(mean_t.tolist()), tuple(std_t.tolist())
    return DataSample(
        name=listing.name,
        task="classification",
        input_shape=picks.sample_shape,
        classes=list(listing.classes),
        counts=_counts(train_y, listing.classes),
        total=listing.count,
        train_count=len(train_y),
        x=x,
        y=train_y[chosen],
        mean=mean,
        std=std,
        stats_sample=len(x),
    )


def _chosen(y: Tensor, classes: list[str] | None, per_class: int, max_classes: int) -> Tensor:
    """Indices of the first `per_class` samples of each of the first `max_classes` classes."""
    import torch

    if classes is None:
        return torch.arange(min(per_class, len(y)))
    picks = [torch.nonzero(y == c)[:per_class, 0] for c in range(min(len(classes), max_classes))]
    return torch.cat(picks) if picks else torch.zeros(0, dtype=torch.int64)


def _counts(y: Tensor, classes: list[str] | None) -> list[int] | None:
    import torch

    if classes is None:
        return None
    return torch.bincount(y, minlength=len(classes)).tolist()
