"""Images read from disk batch by batch: the path for data over the memory budget.

A `StreamSplit` is a torchvision-style map dataset over (path, class) pairs: each item is
decoded, resized, scaled to [0, 1] and normalised exactly as the preloaded path does it for the
whole stack (`read_image`, then the same float32 operations), so for the same seed the two
paths give identical batches. The trainer reads it through `batches.LoaderBatches` (worker
processes, pinned memory on CUDA, persistent workers, prefetch), a batch at a time
(``__getitems__``): an image that cannot be read is left out of its batch and named, and the
run is refused once more than `folder_source.MAX_SKIPPED_SHARE` of a split's images are left
out (`left_out`), as the preloaded path does for the whole folder. With a `DecodedCache`, the
decoded images are kept on disk and read back by later epochs.

Normalisation statistics come from a seeded sample of the training images (`STATS_SAMPLE`,
all of them when there are fewer), decoded in bounded memory, never from the whole folder.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset, default_collate

from netstudio.training import data_messages as words
from netstudio.training.decoded_cache import DecodedCache
from netstudio.training.folder_source import judge_skipped, read_image
from netstudio.training.loaded_data import DataError
from netstudio.training.loading_progress import loading_steps

#: Training images the normalisation statistics of a streamed dataset are computed from.
STATS_SAMPLE = 1000


class StreamSplit(Dataset):
    """One split of an image folder, decoded item by item (see module docstring).

    `y` holds every label (cheap: from the file listing), so class counts and the trainer's
    checks never decode an image. `mean`/`std` normalise each image per channel; `shape`
    reshapes each sample to the network Input's layout and `as_long` gives int64 samples.
    `cache` keeps the decoded images on disk; `root` is the folder the images are under and
    `total` how many images it holds (for the share that may be left out). `skipped` holds, in
    the process that reads the batches, the images left out so far (path: why), one dict shared
    by the splits of one folder (each derived split gets the same one).
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
        cache: DecodedCache | None = None,
        root: str | None = None,
        total: int | None = None,
        skipped: dict[str, str] | None = None,
    ) -> None:
        self.paths = [path for path, _ in samples]
        self.y = torch.tensor([label for _, label in samples], dtype=torch.int64)
        self.size, self.grayscale, self.fixed = size, grayscale, fixed
        self.mean = tuple(mean) if mean is not None else None
        self.std = tuple(std) if std is not None else None
        self.shape, self.as_long = shape, as_long
        self.cache, self.root, self.total = cache, root, total
        self.skipped: dict[str, str] = {} if skipped is None else skipped

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

    def read(self, index: int) -> np.ndarray:
        """The image at `index` as uint8 (height, width, channels): from the cache when it is
        there, else decoded (and cached). DataError naming the file when it cannot be read."""
        path = self.paths[index]
        height, width = self.size
        cache = self.cache
        if cache is None:
            return read_image(path, self.grayscale, height, width, self.fixed)
        try:
            where = cache.path_for(path)
        except OSError:  # gone or unreadable: reading it says so
            return read_image(path, self.grayscale, height, width, self.fixed)
        image = cache.load(where)
        if image is None:
            image = read_image(path, self.grayscale, height, width, self.fixed)
            cache.store(where, image)
        return image

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.from_numpy(self.read(index)).permute(2, 0, 1).to(torch.float32).div_(255)
        if self.mean is not None and self.std is not None:
            channels = len(self.mean)
            x.sub_(torch.tensor(self.mean).view(channels, 1, 1))
            x.div_(torch.tensor(self.std).view(channels, 1, 1))
        if self.shape is not None and tuple(x.shape) != self.shape:
            x = x.reshape(self.shape)
        if self.as_long:
            x = x.long()
        return x, self.y[index]

    def __getitems__(
        self, indices: list[int]
    ) -> tuple[torch.Tensor, torch.Tensor, tuple[tuple[str, str], ...], torch.Tensor]:
        """One batch (what the loader's workers call): the samples at `indices` collated,
        (path, why) of each image that could not be read, left out of the batch, and the
        positions of the samples kept (int64), so predictions stay with their samples."""
        samples = []
        skipped = []
        kept = []
        for index in indices:
            try:
                samples.append(self[index])
            except DataError as error:
                skipped.append((self.paths[index], error.args[0]))
            else:
                kept.append(index)
        at = torch.tensor(kept, dtype=torch.int64)
        if not samples:  # no rows, but a sample's shape and type (a distributed step needs them)
            dtype = torch.int64 if self.as_long else torch.float32
            none = torch.zeros((0, *(self.shape or self.sample_shape)), dtype=dtype)
            return none, torch.zeros(0, dtype=torch.int64), tuple(skipped), at
        x, y = default_collate(samples)
        return x, y, tuple(skipped), at

    def left_out(self, skipped: Sequence[tuple[str, str]]) -> None:
        """Record the images a batch left out (in the process reading the batches); DataError
        once they are more than `MAX_SKIPPED_SHARE` of the folder's images. A distributed run
        gives every rank the images all ranks left out (`batches.LoaderBatches`), so the share
        is of the whole run's."""
        if not skipped:
            return
        self.skipped.update(skipped)
        self._judge()

    def skipped_note(self) -> str | None:
        """The note on the images left out so far (None when there are none)."""
        return self._judge()

    def _judge(self) -> str | None:
        where = Path(self.root) if self.root else Path(os.path.commonpath(self.paths or ["."]))
        found = [(path, DataError(why)) for path, why in self.skipped.items()]
        return judge_skipped(found, self.total or len(self), where)

    def subset(self, indices: torch.Tensor) -> StreamSplit:
        """The samples at `indices`, with these settings."""
        at = indices.tolist()
        picked = list(zip([self.paths[i] for i in at], self.y[indices].tolist(), strict=True))
        return self._with(picked)

    def normalized(self, mean: Sequence[float], std: Sequence[float]) -> StreamSplit:
        return self._with(None, mean=tuple(mean), std=tuple(std))

    def for_input(self, shape: tuple[int, ...], as_long: bool) -> StreamSplit:
        """Each sample reshaped to `shape` (the Input's), int64 when `as_long`."""
        return self._with(None, shape=shape, as_long=as_long)

    def decode(
        self, indices: Sequence[int], what: str = words.DECODING_IMAGES(), skip: bool = False
    ) -> torch.Tensor:
        """The images at `indices` as one uint8 stack (N, C, H, W), not normalised; `what` the
        loading progress calls it. An image that cannot be read raises its DataError, or with
        `skip` is left out of the stack."""
        from concurrent.futures import ThreadPoolExecutor

        height, width = self.size
        out = np.empty((len(indices), height, width, self.sample_shape[0]), dtype=np.uint8)
        keep = np.ones(len(indices), dtype=bool)

        def decode(row: int) -> None:
            try:
                out[row] = self.read(indices[row])
            except DataError:
                if not skip:
                    raise
                keep[row] = False

        # PIL releases the GIL while decoding: a few threads decode a sample several times faster
        with (
            ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool,
            loading_steps(what, len(indices)) as step,
        ):
            for _ in pool.map(decode, range(len(indices))):
                step(1)
        kept = out if keep.all() else out[keep]
        return torch.from_numpy(kept).permute(0, 3, 1, 2).contiguous()

    def _with(self, samples: Sequence[tuple[str, int]] | None, **changes: object) -> StreamSplit:
        """A split of `samples` (None: these same files) with these settings and `changes`."""
        settings: dict[str, object] = {
            "fixed": self.fixed,
            "mean": self.mean,
            "std": self.std,
            "shape": self.shape,
            "as_long": self.as_long,
            "cache": self.cache,
            "root": self.root,
            "total": self.total,
            "skipped": self.skipped,
        }
        settings.update(changes)
        split = StreamSplit(samples or (), self.size, self.grayscale, **settings)  # type: ignore[arg-type]
        if samples is None:  # the same files: share the paths and labels (never changed in place)
            split.paths, split.y = self.paths, self.y
        return split


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
    `split`'s images (scaled to [0, 1]), and how many images they come from (the unreadable
    ones of the sample are passed over: the batches leave them out too). With all the images
    in the sample, the preloaded path's own numbers."""
    from netstudio.training.loaded_data import feature_stats

    count = STATS_SAMPLE if count is None else count
    chosen = sample_indices(len(split), count, seed)
    what = words.NORMALISATION_STATISTICS()
    x = split.decode(chosen, what, skip=True).to(torch.float32).div_(255)
    if len(x) == 0:
        raise DataError(words.NONE_SAMPLED_READABLE(count=len(chosen)))
    mean, std = feature_stats(x)
    return tuple(mean.tolist()), tuple(std.tolist()), len(x)
