"""Samples read row by row from a file: the streaming path of MNIST-format IDX files, CIFAR-10
batches and CSV tables (an image folder streams through `streaming.StreamSplit`).

A `RowFile` is an array of fixed-size samples in a file (an IDX file's bytes after its header,
or a temporary file the CIFAR-10 batches or a CSV table were written to once), memory-mapped
when first read in each process, so a loader worker receives a path, never the data. A
`RowSplit` is one split over it: a map dataset that scales (uint8 to [0, 1]) and normalises
each sample with the same float32 operations the preloaded path applies to the whole split, so
for the same seed the two paths give the same batches. `stream_splits` makes the splits with
the preloaded path's `split_plan` and its statistics (`row_stats`: exact where the training
split fits one chunk, else one pass in float64 over chunks).
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import torch
from torch.utils.data import Dataset

from netstudio.training import data_messages as words
from netstudio.training.loaded_data import (
    DataError,
    LoadedData,
    Task,
    check_labels,
    feature_stats,
    split_plan,
)
from netstudio.training.loading_progress import Unit, loading_steps

if TYPE_CHECKING:
    from netstudio.training.data_config import DataConfig
    from netstudio.training.streaming import StreamSplit

#: Bytes of float32 samples the statistics pass reads at a time.
STATS_CHUNK_BYTES = 64 * 2**20


class RowFile:
    """`shape[0]` samples of `shape[1:]` values of `dtype`, from byte `offset` of `path` on.

    A `temporary` file is removed when the last split over it is gone (in the process that
    made it; loader workers only read it)."""

    def __init__(
        self, path: str, offset: int, shape: tuple[int, ...], dtype: str, temporary: bool = False
    ) -> None:
        self.path, self.offset, self.shape, self.dtype = path, offset, tuple(shape), dtype
        self._rows: np.ndarray | None = None
        if temporary:
            weakref.finalize(self, _remove, path)

    def rows(self) -> np.ndarray:
        """The samples, memory-mapped read-only on first use."""
        if self._rows is None:
            if self.shape[0] == 0:
                self._rows = np.empty(self.shape, dtype=self.dtype)
            else:
                self._rows = np.memmap(
                    self.path, self.dtype, "r", offset=self.offset, shape=self.shape
                )
        return self._rows

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "offset": self.offset, "shape": self.shape, "dtype": self.dtype}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._rows = None


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def temporary_rows(samples: Iterable[np.ndarray], dtype: str) -> RowFile:
    """A temporary `RowFile` holding the arrays of `samples` (each (n, ...), the same sample
    shape) one after the other, written chunk by chunk as they come (an error while they come
    leaves no file behind)."""
    fd, path = tempfile.mkstemp(prefix="netstudio-rows-", suffix=".bin")
    count, shape = 0, None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in samples:
                shape = chunk.shape[1:] if shape is None else shape
                handle.write(np.ascontiguousarray(chunk, dtype=dtype).tobytes())
                count += len(chunk)
    except OSError as error:
        _remove(path)
        why = error.strerror or str(error)
        raise DataError(
            words.TEMPORARY_COPY_FAILED(error=why, folder=tempfile.gettempdir())
        ) from error
    except BaseException:
        _remove(path)
        raise
    return RowFile(path, 0, (count, *(shape or ())), dtype, temporary=True)


class RowSplit(Dataset):
    """One split of a `RowFile`: the rows at `index`, labels `y` (one per row, in memory).

    Samples of uint8 are scaled to [0, 1]; `mean`/`std` normalise per channel (images) or per
    feature (vectors); `shape` reshapes each sample to the network Input's and `as_long` gives
    int64 samples (as `streaming.StreamSplit` does)."""

    def __init__(
        self,
        rows: RowFile,
        index: torch.Tensor,
        y: torch.Tensor,
        *,
        mean: Sequence[float] | None = None,
        std: Sequence[float] | None = None,
        shape: tuple[int, ...] | None = None,
        as_long: bool = False,
    ) -> None:
        if len(index) != len(y):
            raise ValueError(f"{len(index)} rows but {len(y)} targets")
        self.rows, self.index, self.y = rows, index.to(torch.int64), y
        self.mean = tuple(mean) if mean is not None else None
        self.std = tuple(std) if std is not None else None
        self.shape, self.as_long = shape, as_long

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return tuple(self.rows.shape[1:])

    @property
    def sample_rank(self) -> int:
        return len(self.shape) if self.shape is not None else len(self.sample_shape)

    @property
    def nbytes(self) -> int:
        """Bytes the split would take in memory as float32 (for messages)."""
        return len(self) * math.prod(self.sample_shape) * 4

    def __len__(self) -> int:
        return len(self.index)

    def values(self, positions: Sequence[int] | torch.Tensor) -> torch.Tensor:
        """The samples at `positions` of this split as float32, scaled, not normalised."""
        rows = self.index[torch.as_tensor(positions, dtype=torch.int64)].numpy()
        x = torch.from_numpy(np.array(self.rows.rows()[rows]))
        if x.dtype == torch.uint8:
            return x.to(torch.float32).div_(255)
        return x.to(torch.float32)

    def __getitem__(self, position: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.__getitems__([position])[0]

    def __getitems__(self, positions: list[int]) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """A loader's batch: its rows read at once (one indexed read of the file), then each
        sample as `__getitem__` gives it."""
        x = self.values(positions)
        if self.mean is not None and self.std is not None:
            stat = (1, -1, 1, 1) if x.dim() == 4 else (1,) * (x.dim() - 1) + (-1,)
            x.sub_(torch.tensor(self.mean).view(stat)).div_(torch.tensor(self.std).view(stat))
        if self.shape is not None and tuple(x.shape[1:]) != self.shape:
            x = x.reshape(len(x), *self.shape)
        if self.as_long:
            x = x.long()
        return list(zip(x, self.y[torch.as_tensor(positions, dtype=torch.int64)], strict=True))

    def subset(self, positions: torch.Tensor) -> RowSplit:
        return self._with(self.index[positions], self.y[positions])

    def normalized(self, mean: Sequence[float], std: Sequence[float]) -> RowSplit:
        return self._with(self.index, self.y, mean=tuple(mean), std=tuple(std))

    def for_input(self, shape: tuple[int, ...], as_long: bool) -> RowSplit:
        return self._with(self.index, self.y, shape=shape, as_long=as_long)

    def _with(self, index: torch.Tensor, y: torch.Tensor, **changes: Any) -> RowSplit:
        settings: dict[str, Any] = {
            "mean": self.mean,
            "std": self.std,
            "shape": self.shape,
            "as_long": self.as_long,
        }
        settings.update(changes)
        return RowSplit(self.rows, index, y, **settings)


def row_stats(
    split: RowSplit, chunk_bytes: int | None = None
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel (images) or per-feature mean and std of `split`, in chunks of about
    `chunk_bytes` (default `STATS_CHUNK_BYTES`): the preloaded path's own numbers
    (`feature_stats`) when one chunk holds the whole split, else one pass in float64 (within
    float32 rounding of them), with its loading progress (images or rows)."""
    chunk_bytes = STATS_CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    n = len(split)
    per_row = max(1, math.prod(split.sample_shape) * 4)
    step = max(1, chunk_bytes // per_row)
    unit: Unit = "images" if len(split.sample_shape) == 3 else "rows"
    with loading_steps(words.NORMALISATION_STATISTICS(), n, unit) as done:
        if n > step:
            return _chunked_stats(split, n, step, done)
        mean, std = feature_stats(split.values(range(n)))
        done(n)
    return tuple(mean.tolist()), tuple(std.tolist())


def _chunked_stats(
    split: RowSplit, n: int, step: int, done: Callable[[int], None]
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """`row_stats` in one pass over chunks of `step` rows, counting them with `done`."""
    count, mean, m2 = 0, None, None  # Chan et al.'s parallel mean and variance
    for start in range(0, n, step):
        x = split.values(range(start, min(n, start + step))).to(torch.float64)
        dims = (0, 2, 3) if x.dim() == 4 else tuple(range(x.dim() - 1))
        size = x.numel() // x.shape[1 if x.dim() == 4 else -1]
        var, chunk_mean = torch.var_mean(x, dim=dims, correction=0)
        done(len(x))
        if mean is None or m2 is None:
            count, mean, m2 = size, chunk_mean, var * size
            continue
        delta = chunk_mean - mean
        total = count + size
        mean = mean + delta * size / total
        m2 = m2 + var * size + delta.square() * count * size / total
        count = total
    assert mean is not None and m2 is not None
    std = (m2 / count).sqrt()
    std = torch.where(std > 1e-8, std, torch.ones_like(std))
    return tuple(mean.float().tolist()), tuple(std.float().tolist())


def stream_splits(
    *,
    name: str,
    task: Task,
    rows: RowFile,
    y: torch.Tensor,
    classes: list[str] | None,
    config: DataConfig,
    source_id: str,
    reason: str,
    test: tuple[RowFile, torch.Tensor] | None = None,
) -> LoadedData:
    """Streamed train/validation/test splits of `rows` (labels `y`), split and normalised as
    `loaded_data.prepare` splits and normalises the same examples in memory; `test` is the
    source's official test split when it has one."""
    whole = RowSplit(rows, torch.arange(len(y)), y)
    stratify = task == "classification"
    train_at, val_at, test_at = split_plan(y, test is not None, config, stratify, name)
    train, val = whole.subset(train_at), whole.subset(val_at)
    if test_at is None:
        assert test is not None
        test_split = RowSplit(test[0], torch.arange(len(test[1])), test[1])
    else:
        test_split = whole.subset(test_at)
    if len(train) == 0:
        raise DataError(words.NO_TRAINING_LEFT(name=name))
    if classes is not None:
        check_labels(name, classes, [train.y, val.y, test_split.y])
    mean = std = None
    splits = [train, val, test_split]
    if config.normalize:
        mean, std = row_stats(train)
        splits = [split.normalized(mean, std) for split in splits]
    # LoadedData names the image folder's streamed split; a RowSplit has the same interface.
    streamed = [cast("StreamSplit", split) for split in splits]
    return LoadedData(
        name=name,
        task=task,
        train=streamed[0],
        val=streamed[1],
        test=streamed[2],
        input_shape=train.sample_shape,
        classes=list(classes) if classes is not None else None,
        mean=mean,
        std=std,
        source_id=source_id,
        loading=reason,
    )
