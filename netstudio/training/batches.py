"""Shuffled mini-batches of a split: the in-memory fast path and the DataLoader path.

`TensorBatches` keeps the split as tensors on the training device and cuts each batch with one
`index_select`: no per-sample Python, no collation, no PIL. `loader_batches` goes through a
`torch.utils.data.DataLoader` (worker processes, pinned memory on CUDA, persistent workers,
prefetch) for data that does not fit on the device or is streamed from disk
(`streaming.StreamSplit`). `make_batches` picks between them. Both follow one rule, so for the
same seed they give exactly the same batches:

- epoch e visits the samples in the order ``torch.randperm(n)`` drawn from a CPU generator
  seeded with ``seed + e`` (source order when not shuffling);
- augmentation draws from its own CPU generator, also seeded from ``seed + e``.

In a distributed run each rank takes its `rank_slice` of every batch (a `shard`), so the ranks
together step through the one-process run's batches. Both expose ``set_epoch(e)``, ``len()``
(batches per epoch) and iteration over ``(x, y)``.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterator, Sized
from typing import TYPE_CHECKING, Any, cast

import torch
from torch.utils.data import DataLoader, Dataset, Sampler

from netstudio.training import failure_messages as words
from netstudio.training.augment import BatchAugment
from netstudio.training.loaded_data import TensorSplit

if TYPE_CHECKING:
    from netstudio.training.data_config import AugmentConfig

Batch = tuple[torch.Tensor, torch.Tensor]
#: (rank, world size) of a distributed run; (0, 1) alone.
Shard = tuple[int, int]

_AUGMENT_SALT = 0x5DEECE66D  # keeps augmentation draws apart from the shuffling draws
#: Batches each loader worker prepares ahead.
PREFETCH = 4


def epoch_order(n: int, seed: int, epoch: int, shuffle: bool = True) -> torch.Tensor:
    """The sample order of one epoch, shared by both batch paths."""
    if not shuffle:
        return torch.arange(n)
    generator = torch.Generator().manual_seed(seed + epoch)
    return torch.randperm(n, generator=generator)


def augment_generator(seed: int, epoch: int) -> torch.Generator:
    return torch.Generator().manual_seed((seed + epoch) ^ _AUGMENT_SALT)


def _augmenter(augment: AugmentConfig | None, sample_rank: int) -> BatchAugment | None:
    """Augmentation applies to images (C, H, W) only."""
    if augment is None or not augment.enabled or sample_rank != 3:
        return None
    return BatchAugment(augment)


class TensorBatches:
    """Batches sliced from tensors held on `device` (the fast path)."""

    def __init__(
        self,
        split: TensorSplit,
        batch_size: int,
        shuffle: bool = True,
        seed: int = 0,
        device: str | torch.device = "cpu",
        drop_last: bool = False,
        augment: AugmentConfig | None = None,
        shard: Shard = (0, 1),
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, got {batch_size}")
        self.shard = shard
        self.x = split.x.to(device)
        self.y = split.y.to(device)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.seed = seed
        self.drop_last = drop_last
        self.augment = _augmenter(augment, self.x.dim() - 1)
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __len__(self) -> int:
        return _batch_count(len(self.x), self.batch_size, self.drop_last)

    def __iter__(self) -> Iterator[Batch]:
        order = None
        if self.shuffle:
            order = epoch_order(len(self.x), self.seed, self.epoch).to(self.x.device)
        generator = augment_generator(self.seed, self.epoch) if self.augment else None
        if order is None and self.shard[1] > 1:
            order = torch.arange(len(self.x), device=self.x.device)
        for start in range(0, len(self) * self.batch_size, self.batch_size):
            if order is None:
                x = self.x[start : start + self.batch_size]
                y = self.y[start : start + self.batch_size]
            else:
                index = rank_slice(order[start : start + self.batch_size], self.shard)
                x, y = self.x.index_select(0, index), self.y.index_select(0, index)
            if self.augment is not None and generator is not None and len(x):
                x = self.augment(x, generator)
            yield x, y


def rank_slice(index: torch.Tensor, shard: Shard) -> torch.Tensor:
    """This rank's part of one global batch: every `world`-th sample from its `rank` on, so the
    ranks of a distributed run together see each batch of the one-process run once."""
    rank, world = shard
    return index if world == 1 else index[rank::world]


class EpochSampler(Sampler[list[int]]):
    """Yields the batches of the `epoch_order` of the epoch set with `set_epoch` (a batch
    sampler), each cut to this rank's `rank_slice` in a distributed run (the role of torch's
    DistributedSampler, keeping the one-process run's batches). The `n` samples are the
    dataset's from `first` on (an evaluation's `distributed.part` of a split)."""

    def __init__(
        self,
        n: int,
        batch_size: int,
        shuffle: bool = True,
        seed: int = 0,
        drop_last: bool = False,
        shard: Shard = (0, 1),
        first: int = 0,
    ) -> None:
        self.n, self.batch_size, self.shuffle, self.seed = n, batch_size, shuffle, seed
        self.drop_last, self.shard, self.first = drop_last, shard, first
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __iter__(self) -> Iterator[list[int]]:
        order = epoch_order(self.n, self.seed, self.epoch, self.shuffle) + self.first
        for start in range(0, len(self) * self.batch_size, self.batch_size):
            yield rank_slice(order[start : start + self.batch_size], self.shard).tolist()

    def __len__(self) -> int:
        return _batch_count(self.n, self.batch_size, self.drop_last)


class SplitDataset(Dataset):
    """A `TensorSplit` as a map-style dataset that hands the loader whole batches."""

    def __init__(self, split: TensorSplit) -> None:
        self.x, self.y = split.x, split.y

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, index: int) -> Batch:
        return self.x[index], self.y[index]

    def __getitems__(self, indices: list[int]) -> Batch:
        index = torch.as_tensor(indices, dtype=torch.int64)
        return self.x.index_select(0, index), self.y.index_select(0, index)


def _whole_batch(batch: Batch) -> Batch:
    """Collation for `SplitDataset`, whose ``__getitems__`` already returns a batch."""
    return batch


# torch's stub types `collate_fn` as taking a list of samples; with a dataset that has
# ``__getitems__`` it takes what that returns, here a whole batch.
_WHOLE_BATCH = cast("Callable[[list[Any]], Any]", _whole_batch)


class LoaderBatches:
    """Batches from a DataLoader, moved to `device` and augmented there.

    A streamed split's batches come with the images they left out (`streaming.StreamSplit`),
    which the split is told of (`record_left_out`): in a distributed run's training, whose
    ranks step together, each rank's are sent to every rank first. `collect`, given, gathers
    them instead (an evaluation pass whose ranks read parts of different lengths tells the
    split after the pass). `positioned` also gives each batch's sample positions. A batch that
    kept none of its images is passed over, but with `keep_empty` (a distributed run's
    training: every rank takes every step) given with no rows.
    """

    def __init__(
        self,
        data: TensorSplit | Dataset,
        batch_size: int,
        shuffle: bool = True,
        seed: int = 0,
        device: str | torch.device = "cpu",
        drop_last: bool = False,
        augment: AugmentConfig | None = None,
        num_workers: int | None = None,
        pin_memory: bool | None = None,
        persistent: bool = True,
        shard: Shard = (0, 1),
        part: range | None = None,
        collect: list[tuple[str, str]] | None = None,
        keep_empty: bool = False,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, got {batch_size}")
        self.shard, self.collect, self.keep_empty = shard, collect, keep_empty
        #: Images of the latest global batch that its ranks left out together (told the split).
        self.left_out_now = 0
        in_memory = isinstance(data, TensorSplit)
        # Any: torch's `Dataset` declares no ``__len__``, which every dataset here has.
        dataset: Any = SplitDataset(data) if isinstance(data, TensorSplit) else data
        if num_workers is None:
            num_workers = 0 if in_memory else default_workers()
        self.device = torch.device(device)
        if pin_memory is None:
            pin_memory = self.device.type == "cuda"
        part = range(len(dataset)) if part is None else part  # the samples it reads
        self.sampler = EpochSampler(
            len(part), batch_size, shuffle, seed, drop_last, shard, first=part.start
        )
        # A split in memory, or a streamed one (`StreamSplit`), hands over whole batches.
        self.dataset = dataset
        whole = in_memory or hasattr(dataset, "left_out")
        self.loader = DataLoader(
            dataset,
            batch_sampler=self.sampler,
            num_workers=num_workers,
            collate_fn=_WHOLE_BATCH if whole else None,
            pin_memory=pin_memory,
            persistent_workers=persistent and num_workers > 0,
            prefetch_factor=PREFETCH if num_workers > 0 else None,
            multiprocessing_context=_worker_start(num_workers),
        )
        self.seed = seed
        self.non_blocking = pin_memory
        wanted = augment is not None and augment.enabled
        self.augment = _augmenter(augment, _sample_rank(dataset)) if wanted else None
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch
        self.sampler.set_epoch(epoch)

    def __len__(self) -> int:
        return len(self.loader)

    def __iter__(self) -> Iterator[Batch]:
        for x, y, _ in self._read(positions=False):
            yield x, y

    def positioned(self) -> Iterator[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        """The batches, each with the dataset position of each of its samples (int64, on the
        CPU): a streamed batch leaves out the images it could not read, so the positions say
        which samples the rows are."""
        for x, y, at in self._read(positions=True):
            assert at is not None
            yield x, y, at

    def _read(
        self, positions: bool
    ) -> Iterator[tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]]:
        generator = augment_generator(self.seed, self.epoch) if self.augment else None
        # the loader hands out the sampler's batches in its order: its indices are the rows'
        asked = iter(self.sampler) if positions else None
        for batch in _reported(self.loader):
            indices = next(asked) if asked is not None else None
            x, y = batch[0], batch[1]
            at = torch.as_tensor(indices, dtype=torch.int64) if indices is not None else None
            if len(batch) > 2:  # a streamed batch: the images it left out come with it
                at = batch[3] if positions else None  # and the samples it kept
                skipped = [(str(path), why) for path, why in batch[2]]
                if self.collect is not None:  # told after the pass, with the other ranks'
                    self.collect.extend(skipped)
                else:
                    self.left_out_now = record_left_out(
                        self.dataset, skipped, every_rank=self.shard[1] > 1
                    )
                if len(y) == 0 and not self.keep_empty:
                    continue
            x = x.to(self.device, non_blocking=self.non_blocking)
            y = y.to(self.device, non_blocking=self.non_blocking)
            if self.augment is not None and generator is not None and len(x):
                x = self.augment(x, generator)
            yield x, y, at


def record_left_out(dataset: Any, skipped: list[tuple[str, str]], every_rank: bool) -> int:
    """Tell the streamed `dataset` which images (path, why) were left out; a run with more of
    them than the split allows stops, naming them. With `every_rank` (a distributed run, all
    ranks calling at the same point) each rank's are first sent to every rank
    (`distributed.gather_pairs`), so every rank judges the whole run's images and stops, or
    goes on, with the others. Returns how many were left out (of every rank's, with
    `every_rank`)."""
    from netstudio.training import distributed
    from netstudio.training.loaded_data import DataError
    from netstudio.training.rank_failures import RankFailure
    from netstudio.training.results import TrainingFailure

    if every_rank:
        skipped = distributed.gather_pairs(skipped)
    try:
        dataset.left_out(skipped)
    except DataError as error:
        failure = TrainingFailure("data", error.args[0])
        raise (RankFailure(failure, shared=True) if every_rank else failure) from None
    return len(skipped)


def _worker_start(num_workers: int) -> str | None:
    """How loader workers start: the platform's default from the main thread; "forkserver" from
    another one (the app trains on a worker thread), since a process forked while other threads
    hold locks can hang."""
    if num_workers == 0 or threading.current_thread() is threading.main_thread():
        return None
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None


def _reported(loader: DataLoader) -> Iterator[Any]:
    """The loader's batches; a worker that died or failed ends the run with the reason, in one
    line (a file it could not read is named)."""
    from netstudio.training.loaded_data import DataError
    from netstudio.training.results import TrainingFailure

    iterator = iter(loader)
    while True:
        try:
            batch = next(iterator)
        except StopIteration:
            return
        except DataError as error:
            raise TrainingFailure("data", _original_line(error)) from None
        except RuntimeError as error:
            if "DataLoader worker" not in str(error):
                raise
            raise TrainingFailure(
                "data",
                words.READER_STOPPED(error=_original_line(error)),
            ) from None
        yield batch


def _original_line(error: Exception) -> str:
    """The one line that says what happened in a loader worker: torch re-raises a worker's
    error with its traceback in the message, whose last line is the original error."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    last = lines[-1]
    head, colon, rest = last.partition(": ")
    if colon and "." in head and " " not in head:  # "netstudio....DataError: Could not read ..."
        return rest
    return last


def split_batches(
    split: TensorSplit | Dataset,
    batch_size: int,
    device: str | torch.device,
    part: range | None = None,
    left_out: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    """A split's batches in order, for evaluation: slices of tensors already on `device`, or a
    loader's batches moved there (its workers end with the pass), each with its samples'
    positions in the split (int64, on the CPU: a streamed batch leaves out the images it
    could not read). `part` (a range of steps of one) limits them to those samples: a
    distributed run's rank evaluates its `distributed.part`. `left_out`, given, collects the
    images left out (path, why) instead of telling the split (`LoaderBatches`)."""
    if isinstance(split, TensorSplit):
        part = range(len(split)) if part is None else part
        for start in range(part.start, part.stop, batch_size):
            stop = min(start + batch_size, part.stop)
            yield split.x[start:stop], split.y[start:stop], torch.arange(start, stop)
        return
    yield from LoaderBatches(
        split,
        batch_size,
        shuffle=False,
        device=device,
        persistent=False,
        part=part,
        collect=left_out,
    ).positioned()


def loader_batches(
    data: TensorSplit | Dataset,
    batch_size: int,
    shuffle: bool = True,
    seed: int = 0,
    num_workers: int | None = None,
    device: str | torch.device = "cpu",
    drop_last: bool = False,
    augment: AugmentConfig | None = None,
    pin_memory: bool | None = None,
    shard: Shard = (0, 1),
    keep_empty: bool = False,
) -> LoaderBatches:
    """The DataLoader path; `num_workers` defaults to 0 for a `TensorSplit` (already in memory:
    workers would only add copies) and to `default_workers()` for any other dataset."""
    return LoaderBatches(
        data,
        batch_size,
        shuffle,
        seed,
        device,
        drop_last,
        augment,
        num_workers,
        pin_memory,
        shard=shard,
        keep_empty=keep_empty,
    )


def default_workers() -> int:
    """Loader worker processes: one per core but one, at most 8."""
    return max(0, min(8, (os.cpu_count() or 1) - 1))


def fits_in_memory(
    split: TensorSplit | Dataset, device: str | torch.device, budget: float = 0.5
) -> bool:
    """Whether `split` can live on `device` whole, using at most `budget` of its free memory.

    A `TensorSplit` is already in host memory, so it always fits the CPU; on a GPU the rest of
    the memory is left to the model, its activations and the optimizer.
    """
    if not isinstance(split, TensorSplit):
        return False
    device = torch.device(device)
    if split.x.device == device or device.type == "cpu":
        return True
    if device.type == "cuda":
        free, _total = torch.cuda.mem_get_info(device)
        return split.nbytes <= budget * free
    if device.type == "mps":
        free = torch.mps.recommended_max_memory() - torch.mps.current_allocated_memory()
        return split.nbytes <= budget * free
    return True


def make_batches(
    split: TensorSplit | Dataset,
    batch_size: int,
    *,
    train: bool,
    seed: int = 0,
    device: str | torch.device = "cpu",
    augment: AugmentConfig | None = None,
    num_workers: int | None = None,
    drop_last: bool = False,
    shard: Shard = (0, 1),
) -> TensorBatches | LoaderBatches:
    """Batches of one split the way the trainer wants them.

    Training batches are shuffled and augmented; validation and test batches keep their order
    and are never augmented. The fast path when the split fits on `device`, else the loader
    (a streamed split: worker processes decode the images). `shard` (rank, world size) cuts each
    batch to a distributed run's rank; a last batch too small to give every rank a sample is
    dropped, and a rank's training batch whose images were all left out comes with no rows.
    """
    augment = augment if train else None
    world = shard[1]
    count = len(cast("Sized", split))
    drop_last = drop_last or (world > 1 and 0 < count % batch_size < world)
    if fits_in_memory(split, device):
        assert isinstance(split, TensorSplit)
        return TensorBatches(split, batch_size, train, seed, device, drop_last, augment, shard)
    # a distributed run's ranks step together: a rank whose share was left out takes the step
    keep_empty = train and world > 1
    return loader_batches(
        split,
        batch_size,
        train,
        seed,
        num_workers,
        device,
        drop_last,
        augment,
        shard=shard,
        keep_empty=keep_empty,
    )


def _sample_rank(dataset: Any) -> int:
    if isinstance(dataset, SplitDataset):
        return dataset.x.dim() - 1
    if hasattr(dataset, "sample_rank"):  # a streamed split: known without decoding
        return int(dataset.sample_rank)
    return dataset[0][0].dim() if len(dataset) else 0


def _batch_count(n: int, batch_size: int, drop_last: bool) -> int:
    return n // batch_size if drop_last else math.ceil(n / batch_size)
