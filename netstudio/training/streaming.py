"""Images read from disk batch by batch: the path for data over the memory budget.

A `StreamSplit` is a torchvision-style map dataset over (path, class) pairs: each item is
decoded, resized, scaled to [0, 1] and normalised exactly as the preloaded path does it for the
whole stack (`read_image`, then the same float32 operations), so for the same seed the two
paths give identical batches. The trainer reads it through `batches.LoaderBatches` (worker
processes, pinned memory on CUDA, persistent workers, prefetch).

Normalisation statistics come from a seeded sample of the training images (`STATS_SAMPLE`,
all of them when there are fewer), decoded in bounded memory.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

import numpy as np
import torch
from torch.utils.data import Dataset

from netstudio.training.folder_source import read_image

#: Training images the normalisation statistics of a streamed dataset are computed from.
STATS_SAMPLE = 1000


class StreamSplit(Dataset):
    """One split of an image folder, decoded item by item (see module docstring).

    `y` holds every label (cheap: from the file listing), so class counts and the trainer's
    checks never decode an image. `mean`/`std` normalise each image per channel; `shape`
    reshapes each sample to the network Input's layout and `as_long` gives int64 samples.
    """

    def __init__(
        self,
        samples: Sequence[tuple[str, int]],
        size: tuple[int, int],
        grayscale: bool,
        *,
        fixed: bool = False,
        mean: Sequence[float] | None = None,
        std: Sequence[float] | None = None,
        shape: tuple[int, ...] | None = None,
        as_long: bool = False,
    ) -> None:
        self.paths = [path for path, _ in samples]
        self.y = torch.tensor([label for _, label in samples], dtype=torch.int64)
        self.size, self.grayscale, self.fixed = size, grayscale, fixed
        self.mean = tuple(mean) if mean is not None else None
        self.std = tuple(std) if std is not None else None
        self.shape, self.as_long = shape, as_long

    @property
    def sample_shape(self) -> tuple[int, ...]:
        """One decoded sample's shape (channels, height, width) before any reshape."""
        return (1 if self.grayscale else 3, *self.size)

    @property
    def sample_rank(self) -> int:
        """Dimensions of one sample as the loader gives it (after any reshape)."""
        return len(self.shape) if self.shape is not None else 3

    @property
    def nbytes(self) -> int:
        """Bytes the split would take in memory as float32 (for messages)."""
        return len(self) * math.prod(self.sample_shape) * 4

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        height, width = self.size
        image = read_image(self.paths[index], self.grayscale, height, width, self.fixed)
        x = torch.from_numpy(image).permute(2, 0, 1).to(torch.float32).div_(255)
        if self.mean is not None and self.std is not None:
            channels = len(self.mean)
            x.sub_(torch.tensor(self.mean).view(channels, 1, 1))
            x.div_(torch.tensor(self.std).view(channels, 1, 1))
        if self.shape is not None and tuple(x.shape) != self.shape:
            x = x.reshape(self.shape)
        if self.as_long:
            x = x.long()
        return x, self.y[index]

    def subset(self, indices: torch.Tensor) -> StreamSplit:
        """The samples at `indices`, with these settings."""
        picked = [(self.paths[i], int(self.y[i])) for i in indices.tolist()]
        return self._with(picked)

    def normalized(self, mean: Sequence[float], std: Sequence[float]) -> StreamSplit:
        return self._with(self._samples(), mean=tuple(mean), std=tuple(std))

    def for_input(self, shape: tuple[int, ...], as_long: bool) -> StreamSplit:
        """Each sample reshaped to `shape` (the Input's), int64 when `as_long`."""
        return self._with(self._samples(), shape=shape, as_long=as_long)

    def decode(self, indices: Sequence[int]) -> torch.Tensor:
        """The images at `indices` as one uint8 stack (N, C, H, W), not normalised."""
        from concurrent.futures import ThreadPoolExecutor

        height, width = self.size
        out = np.empty((len(indices), height, width, self.sample_shape[0]), dtype=np.uint8)

        def decode(row: int) -> None:
            path = self.paths[indices[row]]
            out[row] = read_image(path, self.grayscale, height, width, self.fixed)

        # PIL releases the GIL while decoding: a few threads decode a sample several times faster
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            for _ in pool.map(decode, range(len(indices))):
                pass
        return torch.from_numpy(out).permute(0, 3, 1, 2).contiguous()

    def _samples(self) -> list[tuple[str, int]]:
        return list(zip(self.paths, self.y.tolist(), strict=True))

    def _with(self, samples: Sequence[tuple[str, int]], **changes: object) -> StreamSplit:
        settings: dict[str, object] = {
            "fixed": self.fixed,
            "mean": self.mean,
            "std": self.std,
            "shape": self.shape,
            "as_long": self.as_long,
        }
        settings.update(changes)
        return StreamSplit(samples, self.size, self.grayscale, **settings)  # type: ignore[arg-type]


def sample_indices(n: int, count: int, seed: int) -> list[int]:
    """`count` indices of `n` (sorted), drawn with `seed`; all of them when `n` <= `count`."""
    if n <= count:
        return list(range(n))
    generator = torch.Generator().manual_seed(seed)
    return sorted(torch.randperm(n, generator=generator)[:count].tolist())


def sample_stats(
    split: StreamSplit, seed: int, count: int | None = None
) -> tuple[tuple[float, ...], tuple[float, ...], int]:
    """Per-channel mean and std of a seeded sample of `count` (default `STATS_SAMPLE`) of
    `split`'s images (scaled to [0, 1]), and the sample's size. With all the images in the
    sample, the preloaded path's own numbers."""
    from netstudio.training.loaded_data import feature_stats

    count = STATS_SAMPLE if count is None else count
    chosen = sample_indices(len(split), count, seed)
    x = split.decode(chosen).to(torch.float32).div_(255)
    mean, std = feature_stats(x)
    return tuple(mean.tolist()), tuple(std.tolist()), len(chosen)
