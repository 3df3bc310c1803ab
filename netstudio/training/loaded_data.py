"""Examples ready for training: train/validation/test tensors, class names, normalisation.

A source reads its files into `RawData`; `prepare` splits it (stratified and seeded) and
normalises it with statistics of the training split only, giving `LoadedData`. torch and
scikit-learn are imported when `prepare` runs, not when this module is imported.

Whatever reads a split's samples outside the trainer (the app's sample gallery, Try it,
evaluating reopened weights) goes through `read_samples` and `read_in_batches`, which read a
split held in memory and one streamed from disk alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Literal

from netstudio.training import data_messages as words

if TYPE_CHECKING:
    import torch
    from torch import Tensor

    from netstudio.training.data_config import DataConfig
    from netstudio.training.streaming import StreamSplit

Task = Literal["classification", "regression"]


class DataFix(Enum):
    """Something a person can do about a `DataError` that each front end says in its own words:
    the command line names its options, the app its panels and buttons."""

    #: Give the folder that holds the files (the data folder).
    CHOOSE_FOLDER = "choose_folder"
    #: Let the source fetch the files into the data folder (needs a network).
    DOWNLOAD = "download"
    #: Give the data file (CSV) itself.
    CHOOSE_FILE = "choose_file"
    #: Save the project: its relative data folder is relative to the project's file.
    SAVE_PROJECT = "save_project"


class DataError(Exception):
    """Data that cannot be loaded: missing or malformed files, bad parameters, too few examples.

    The message says what is wrong and where (file, line, column) and what to do about it, in
    words that fit every front end; `fixes` are the remedies that name a front end's own
    controls (an option, a button), for it to phrase (`advice`).
    """

    def __init__(self, message: str, *, fixes: Iterable[DataFix] = ()) -> None:
        super().__init__(message)
        self.fixes: tuple[DataFix, ...] = tuple(fixes)

    def advice(self, phrases: Mapping[DataFix, str]) -> str:
        """The message followed by its fixes, each as `phrases` says it (a clause such as
        "pass --download to fetch them when online"), as one more sentence."""
        return with_fixes(str(self), [phrases[fix] for fix in self.fixes if fix in phrases])


def with_fixes(message: str, said: list[str]) -> str:
    """`message` and then the fixes `said` (clauses, in the front end's words) as one more
    sentence: "… Choose the folder, or tick Download." (DataError and TrainingFailure)."""
    if not said:
        return message
    if message and message[-1] not in ".!?":
        message += "."
    fixes = ", or ".join(said)
    return f"{message} {fixes[0].upper()}{fixes[1:]}."


@dataclass
class TensorSplit:
    """One split: features `x` (float32, samples first) and targets `y`.

    `y` holds int64 class indices for classification and float32 ``(N, k)`` for regression.
    """

    x: Tensor
    y: Tensor

    def __post_init__(self) -> None:
        if len(self.x) != len(self.y):
            raise ValueError(f"{len(self.x)} inputs but {len(self.y)} targets")

    def __len__(self) -> int:
        return len(self.x)

    @property
    def nbytes(self) -> int:
        return self.x.nbytes + self.y.nbytes

    def to(self, device: str | torch.device) -> TensorSplit:
        return TensorSplit(self.x.to(device), self.y.to(device))

    def subset(self, indices: Tensor) -> TensorSplit:
        """The samples at `indices` (as a streamed split's `subset`)."""
        return TensorSplit(self.x[indices], self.y[indices])


@dataclass
class RawData:
    """Examples as a source reads them, before splitting and normalisation.

    `x` is float32, or uint8 image bytes that `prepare` scales to [0, 1]. `test_x`/`test_y` hold
    the source's official test split when it has one.
    """

    name: str
    task: Task
    x: Tensor
    y: Tensor
    classes: list[str] | None = None
    test_x: Tensor | None = None
    test_y: Tensor | None = None
    #: What a person should know about the examples (unreadable files left out).
    notes: tuple[str, ...] = ()


@dataclass
class LoadedData:
    """Everything the trainer needs from a data source.

    The splits are tensors in memory (the fast path) or, for data over the memory budget,
    `StreamSplit` datasets that decode each batch from disk (`netstudio.training.streaming`).

    `mean`/`std` are the per-channel (images) or per-feature statistics of the training split
    that every split was normalised with; ``None`` when normalisation is off. A GUI showing
    samples, or an exported model, undoes/redoes the normalisation with them.
    """

    name: str
    task: Task
    train: TensorSplit | StreamSplit
    val: TensorSplit | StreamSplit
    test: TensorSplit | StreamSplit
    input_shape: tuple[int, ...]
    classes: list[str] | None = None
    mean: tuple[float, ...] | None = None
    std: tuple[float, ...] | None = None
    source_id: str = ""
    #: Which way the data was read and why, one line ("streaming from disk: the data needs
    #: ~7.7 GiB in memory, over the 4.0 GiB budget"); empty when not planned.
    loading: str = ""
    #: What a person should know about the data (unreadable files skipped).
    notes: tuple[str, ...] = ()
    #: How many training samples `mean`/`std` were computed from (0: all of them).
    stats_sample: int = 0

    @property
    def streaming(self) -> bool:
        """The splits are read from disk batch by batch (`StreamSplit`), not held in memory."""
        return not isinstance(self.train, TensorSplit)

    @property
    def is_image(self) -> bool:
        """Samples are images: channels × height × width."""
        return len(self.input_shape) == 3

    @property
    def num_classes(self) -> int | None:
        return len(self.classes) if self.classes is not None else None

    @property
    def target_size(self) -> int:
        """Output size a model needs: the class count, or the number of regression targets."""
        if self.classes is not None:
            return len(self.classes)
        return int(self.train.y.shape[1]) if self.train.y.dim() > 1 else 1

    def summary(self) -> str:
        """One line for logs: ``MNIST: 54000 train / 6000 val / 10000 test, 1×28×28, 10 classes``."""
        shape = "×".join(str(d) for d in self.input_shape)
        what = f"{self.num_classes} classes" if self.classes is not None else "regression"
        sizes = f"{len(self.train)} train / {len(self.val)} val / {len(self.test)} test"
        return f"{self.name}: {sizes}, {shape}, {what}"

    def denormalize(self, x: Tensor) -> Tensor:
        """Undo the normalisation of a batch (samples first), e.g. to show images."""
        if self.mean is None or self.std is None:
            return x
        shape = _stat_shape(x.dim(), len(self.mean))
        mean = x.new_tensor(self.mean).view(shape)
        std = x.new_tensor(self.std).view(shape)
        return x * std + mean


#: Samples one batch of `read_in_batches` holds at most, and bytes of them (as float32): large
#: images come a few dozen at a time, whatever the split's size.
BATCH_SAMPLES = 1024
BATCH_BYTES = 64 * 2**20


@dataclass
class SplitSamples:
    """Samples read from a split (`read_samples`, `read_in_batches`): `x`/`y` of those that
    could be read, at `positions` of the split, in the order asked; `missing` holds, by
    position, the DataError naming the file of each sample that could not (a streamed image
    deleted or damaged since the data was loaded)."""

    positions: list[int]
    x: Tensor
    y: Tensor
    missing: dict[int, DataError] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.positions)


def read_samples(split: TensorSplit | StreamSplit, positions: Sequence[int]) -> SplitSamples:
    """The samples at `positions` of `split`, as the trainer gets them (normalised).

    One way for both ways a split is held: indexed from memory, or read from disk and decoded
    (a few at once: the decoders release the GIL). A sample that cannot be read is left out
    and named in `missing`, never raised, so a view of a few samples shows the others."""
    import torch

    wanted = [int(position) for position in positions]
    if isinstance(split, TensorSplit):
        index = torch.as_tensor(wanted, dtype=torch.int64)
        return SplitSamples(wanted, split.x[index], split.y[index])
    kept: list[int] = []
    pairs: list[tuple[Tensor, Tensor]] = []
    missing: dict[int, DataError] = {}
    for position, item in zip(wanted, _read_each(split, wanted), strict=True):
        if isinstance(item, DataError):
            missing[position] = item
        else:
            kept.append(position)
            pairs.append(item)
    if not pairs:
        shape = split.shape or split.sample_shape
        return SplitSamples([], torch.zeros((0, *shape)), split.y[:0], missing)
    x = torch.stack([x for x, _ in pairs])
    y = torch.stack([y for _, y in pairs])
    return SplitSamples(kept, x, y, missing)


def read_in_batches(split: TensorSplit | StreamSplit) -> Iterator[SplitSamples]:
    """The whole of `split` in order, a batch at a time (`read_samples`' samples): at most
    `BATCH_SAMPLES` samples and about `BATCH_BYTES` each, so a split read from disk never has
    to fit in memory. A batch of a split in memory is a view of it, not a copy."""
    count = len(split)
    per_sample = max(1, split.nbytes // max(1, count))
    size = max(1, min(BATCH_SAMPLES, BATCH_BYTES // per_sample))
    for start in range(0, count, size):
        stop = min(count, start + size)
        if isinstance(split, TensorSplit):
            yield SplitSamples(list(range(start, stop)), split.x[start:stop], split.y[start:stop])
        else:
            yield read_samples(split, range(start, stop))


def _read_each(split: StreamSplit, positions: list[int]) -> list[tuple[Tensor, Tensor] | DataError]:
    """Each sample of a streamed split at `positions`, or the DataError that reading it raised."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    def one(position: int) -> tuple[Tensor, Tensor] | DataError:
        try:
            return split[position]
        except DataError as error:
            return error

    if len(positions) <= 1:
        return [one(position) for position in positions]
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1, len(positions))) as pool:
        return list(pool.map(one, positions))


def prepare(raw: RawData, config: DataConfig, source_id: str = "") -> LoadedData:
    """Split and normalise `raw` (its tensors are released as the splits take them over).

    Test split: the official one when `raw` has it, else a `test_fraction` hold-out. Validation:
    a `val_fraction` hold-out of what remains for training. Both are stratified by class for
    classification and seeded with `config.seed`; each split keeps the source's order
    (`split_plan`, which the streaming path shares).
    """
    stratify = raw.task == "classification"
    train_at, val_at, test_at = split_plan(
        raw.y, raw.test_y is not None, config, stratify, raw.name
    )
    train = TensorSplit(raw.x[train_at], raw.y[train_at])
    val = TensorSplit(raw.x[val_at], raw.y[val_at])
    if test_at is None:
        assert raw.test_x is not None and raw.test_y is not None
        test = TensorSplit(raw.test_x, raw.test_y)
    else:
        test = TensorSplit(raw.x[test_at], raw.y[test_at])
    # The whole stack is no longer needed: dropping it before the float copies keeps the peak
    # at one uint8 copy plus the float32 splits (`memory_budget.PRELOAD_BYTES_PER_VALUE`).
    raw.x = raw.x.new_empty((0, *raw.x.shape[1:]))  # a slice would keep the storage
    raw.test_x = None
    if len(train) == 0:
        raise DataError(words.NO_TRAINING_LEFT(name=raw.name))
    splits = [train, val, test]
    del train, val, test
    for index, split in enumerate(splits):
        splits[index] = _as_float(split)
    del split

    mean = std = None
    if config.normalize:
        mean_t, std_t = feature_stats(splits[0].x)
        shape = _stat_shape(splits[0].x.dim(), len(mean_t))
        for split in splits:
            split.x.sub_(mean_t.view(shape)).div_(std_t.view(shape))
        mean, std = tuple(mean_t.tolist()), tuple(std_t.tolist())

    if raw.classes is not None:
        check_labels(raw.name, raw.classes, [split.y for split in splits])
    train, val, test = splits
    return LoadedData(
        name=raw.name,
        task=raw.task,
        train=train,
        val=val,
        test=test,
        input_shape=tuple(train.x.shape[1:]),
        classes=list(raw.classes) if raw.classes is not None else None,
        mean=mean,
        std=std,
        source_id=source_id,
        notes=raw.notes,
    )


def split_plan(
    y: Tensor, official_test: bool, config: DataConfig, stratify: bool, name: str = "data"
) -> tuple[Tensor, Tensor, Tensor | None]:
    """Indices into the examples (labels `y`) of the training, validation and test splits, each
    sorted; the test indices are None when the source has its `official_test` split.
    Stratified by class when `stratify` (classification)."""
    if official_test:
        keep, held = split_indices(y, config.val_fraction, config.seed, stratify, name)
        return keep, held, None
    rest, test = split_indices(y, config.test_fraction, config.seed, stratify, name)
    keep, held = split_indices(y[rest], config.val_fraction, config.seed, stratify, name)
    return rest[keep], rest[held], test


def check_labels(name: str, classes: list[str], labels: Iterable[Tensor]) -> None:
    """DataError when a label lies outside the class indices."""
    count = len(classes)
    for y in labels:
        if len(y) and (int(y.min()) < 0 or int(y.max()) >= count):
            raise DataError(words.CLASS_OUT_OF_RANGE(name=name, last=count - 1))


def split_indices(
    y: Tensor, fraction: float, seed: int, stratify: bool, name: str = "data"
) -> tuple[Tensor, Tensor]:
    """Indices (sorted) of the examples kept and of the `fraction` held out.

    Stratified by the class labels `y` when `stratify` is set and every class has at least two
    examples; otherwise a plain seeded shuffle split.
    """
    import numpy as np
    import torch
    from sklearn.model_selection import train_test_split

    n = len(y)
    if fraction <= 0:
        return torch.arange(n), torch.zeros(0, dtype=torch.int64)
    indices = np.arange(n)
    labels = y.numpy() if stratify else None
    try:
        try:
            keep, held = train_test_split(
                indices, test_size=fraction, random_state=seed, stratify=labels
            )
        except ValueError:
            if labels is None:
                raise
            # A class with a single example (or more classes than held-out examples) cannot be
            # stratified; a plain split still works.
            keep, held = train_test_split(indices, test_size=fraction, random_state=seed)
    except ValueError as exc:
        raise DataError(
            words.TOO_FEW_TO_HOLD_OUT(name=name, count=n, fraction=f"{fraction:g}", error=str(exc))
        ) from exc
    return torch.from_numpy(np.sort(keep)), torch.from_numpy(np.sort(held))


def feature_stats(x: Tensor) -> tuple[Tensor, Tensor]:
    """Mean and standard deviation per channel (image samples) or per feature (the last axis).

    A constant channel gets a standard deviation of 1, so normalising it cannot divide by 0.
    """
    import torch

    dims = (0, 2, 3) if x.dim() == 4 else tuple(range(x.dim() - 1))
    std, mean = torch.std_mean(x, dim=dims, correction=0)
    std = torch.where(std > 1e-8, std, torch.ones_like(std))
    return mean, std


def _stat_shape(rank: int, size: int) -> tuple[int, ...]:
    """Shape that broadcasts per-channel/per-feature statistics against a batch of `rank`."""
    if rank == 4:
        return (1, size, 1, 1)
    return (1,) * (rank - 1) + (size,)


def _as_float(split: TensorSplit) -> TensorSplit:
    import torch

    x = split.x
    if x.dtype == torch.uint8:
        x = x.to(torch.float32).div_(255)
    elif x.dtype != torch.float32:
        x = x.to(torch.float32)
    return TensorSplit(x, split.y)
