"""An image folder's preview sample with PIL and numpy alone: drawn before PyTorch has loaded.

`read_folder_sample` gives what `preview_sample.read_sample` gives for an image folder (the
same classes, class counts of the training split, the same images in the same order with the
same pixel values, the normalisation statistics of those images) without importing torch,
torchvision or scikit-learn: the listing reads directory entries (`folder_listing`), the
splits come from `seeded_split` (scikit-learn's very draws), and only the images shown are
decoded, by the reader training uses (`folder_source.read_image`). So the app shows a
100,000-image folder's preview while torch is still loading behind the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from netstudio.training.data_config import DataConfig
from netstudio.training.folder_source import FolderListing, ImageFolderSource, read_image
from netstudio.training.preview_sample import MAX_CLASSES, PER_CLASS
from netstudio.training.seeded_split import split_plan
from netstudio.training.sources import get_source, resolve_root


@dataclass
class FolderSample:
    """A few training images of a folder and its counts (as `preview_sample.DataSample`).

    x: the images shown, float32 (N, C, H, W) in [0, 1], not normalised, `per_class` of each of
    the first classes in the training split, class by class; y: their class indices. counts:
    training images per class; total: images in all splits. mean/std: per channel over `x`
    (None when the data settings do not normalise).
    """

    name: str
    input_shape: tuple[int, ...]
    classes: list[str]
    counts: list[int]
    total: int
    train_count: int
    x: np.ndarray
    y: np.ndarray
    mean: tuple[float, ...] | None
    std: tuple[float, ...] | None


def is_folder(config: DataConfig, project_dir: Path | None) -> bool:
    """Whether `config` reads an image folder that is set (its preview needs no torch)."""
    try:
        source = get_source(config.source)
    except Exception:  # an unknown source: the panel says so
        return False
    return isinstance(source, ImageFolderSource) and resolve_root(config, project_dir) is not None


def shape_reads_files(data: Mapping[str, Any], project_dir: Path | None) -> bool:
    """Whether the sample shape of a project's "data" section takes reading its files: an image
    folder without a resize, whose first image (found in a listing) gives the size."""
    try:
        config = DataConfig.model_validate(data)
        if not is_folder(config, project_dir):
            return False
        return not get_source(config.source).check_params(config.params)["resize"]
    except Exception:  # settings that are not valid: the shape is not read at all
        return False


def read_folder_sample(
    config: DataConfig,
    project_dir: Path | None = None,
    data_root: str | Path | None = None,
    per_class: int = PER_CLASS,
    max_classes: int = MAX_CLASSES,
) -> FolderSample | None:
    """The sample of the image folder `config` reads (see module docstring); None where the
    splits cannot be made (too few images: loading says why). DataError when the folder or an
    image shown cannot be read."""
    source = get_source(config.source)
    assert isinstance(source, ImageFolderSource)
    root = resolve_root(config, project_dir, data_root)
    listing = source.listing(source.check_params(config.params), root)
    labels = np.fromiter((label for _, label in listing.samples), np.int64, len(listing.samples))
    plan = split_plan(
        labels,
        listing.test_samples is not None,
        config.val_fraction,
        config.test_fraction,
        config.seed,
    )
    if plan is None:
        return None
    train_at = plan[0]
    train_y = labels[train_at]
    chosen = np.concatenate(
        [np.flatnonzero(train_y == c)[:per_class] for c in range(min(len(listing.classes),
                                                                     max_classes))]
        or [np.zeros(0, dtype=np.int64)]
    )  # fmt: skip
    x = _decode(listing, [listing.samples[i][0] for i in train_at[chosen]])
    mean = std = None
    if config.normalize and len(x):
        mean, std = _stats(x)
    return FolderSample(
        name=listing.name,
        input_shape=_shape(listing),
        classes=list(listing.classes),
        counts=np.bincount(train_y, minlength=len(listing.classes)).tolist(),
        total=listing.count,
        train_count=len(train_y),
        x=x,
        y=train_y[chosen],
        mean=mean,
        std=std,
    )


def _shape(listing: FolderListing) -> tuple[int, int, int]:
    return (1 if listing.grayscale else 3, *listing.size)


def _decode(listing: FolderListing, paths: list[str]) -> np.ndarray:
    """The images at `paths` as float32 (N, C, H, W) in [0, 1], read as training reads them
    (a DataError naming the file that cannot be read)."""
    channels, height, width = _shape(listing)
    out = np.empty((len(paths), height, width, channels), dtype=np.uint8)
    for row, path in enumerate(paths):
        out[row] = read_image(path, listing.grayscale, height, width, listing.fixed)
    images = np.ascontiguousarray(out.transpose(0, 3, 1, 2)).astype(np.float32)
    images /= np.float32(255)
    return images


def _stats(x: np.ndarray) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Mean and standard deviation per channel (as `loaded_data.feature_stats`: a constant
    channel's deviation is 1), summed in float64 and given as float32 values."""
    mean = x.mean(axis=(0, 2, 3), dtype=np.float64)
    std = x.std(axis=(0, 2, 3), dtype=np.float64)
    std = np.where(std.astype(np.float32) > 1e-8, std, 1.0)
    as32 = lambda values: tuple(float(v) for v in values.astype(np.float32))  # noqa: E731
    return as32(mean), as32(std)
