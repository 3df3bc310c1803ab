"""torchvision's MNIST, FashionMNIST and KMNIST (MNIST-format IDX files) from a data folder.

The files are where torchvision puts them (``ROOT/MNIST/raw/train-images-idx3-ubyte``).
Without the ``download`` parameter nothing is fetched; a missing file is a `DataError` naming
every file that must be where (its fixes: choose the folder, or download). CIFAR-10, also
torchvision's, is `cifar_source`; the helpers both use are here.

The IDX files are checked against their headers and sizes, then read here `IDX_CHUNK` images at
a time, so a load over half a second shows the images read (`loading_progress`); the layout of
torchvision before 0.8 (``processed/*.pt``) is read whole by torchvision. Over the memory
budget, or when the data settings ask for it, the images stream from disk, memory-mapped where
they lie (`streaming_formats`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import Count
from netstudio.core.params import p_bool
from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError, DataFix, LoadedData, RawData, prepare
from netstudio.training.loading_progress import loading_steps
from netstudio.training.memory_budget import plan_loading, preload_bytes
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    from netstudio.training.data_config import DataConfig

IDX_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)
#: IDX images read at a time (2.3 MiB of 28×28): one loading-progress step.
IDX_CHUNK = 3_000

#: What else to do about missing files, besides putting them there.
MISSING_FIXES = (DataFix.CHOOSE_FOLDER, DataFix.DOWNLOAD)

#: The ``download`` parameter of torchvision's data sets.
DOWNLOAD = p_bool(
    "download",
    False,
    "Fetch the files into the data folder when they are missing (needs a network).",
)


def dataset_root(root: Path, folder: str) -> Path:
    """Accept the dataset's own folder as root too (``.../MNIST`` instead of its parent)."""
    return root.parent if root.name == folder and root.is_dir() else root


def download_failed(name: str, where: Path, exc: Exception) -> DataError:
    return DataError(words.DOWNLOAD_FAILED(name=name, folder=where, error=str(exc)))


@dataclass(frozen=True, kw_only=True)
class IdxSource(DataSource):
    """MNIST-format 28×28 grey images (IDX files), 60,000 train / 10,000 test.

    dataset: the torchvision class name, which is also its folder under the root.
    """

    dataset: str
    needs_root: bool = True
    official_test: bool = True
    can_stream: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (1, 28, 28)

    def memory_needed(self, params: dict[str, Any], root: Path | None) -> int | None:
        """`preload_bytes` of the images the label files' headers count (None: the files are
        not there, or only in the layout of torchvision before 0.8)."""
        return self._needed(dataset_root(root, self.dataset)) if root is not None else None

    def _needed(self, root: Path) -> int | None:
        """`memory_needed` with the data root found (`_dataset_root`)."""
        folder = root / self.dataset
        if _legacy_exists(folder / "processed"):
            return None  # read whole, by torchvision
        try:
            return preload_bytes(sum(self._counts(folder / "raw")), (1, 28, 28))
        except DataError:
            return None

    def _counts(self, raw: Path) -> list[int]:
        """The examples of the training and test files, from their label files' headers."""
        return [_idx_shape(self.name, raw / f"{p}-labels-idx1-ubyte", 1)[0] for p in _PREFIXES]

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the images fit `budget` (or streaming is off), else streamed: the
        images memory-mapped from the IDX files (the layout of torchvision before 0.8 is
        always read whole)."""
        root, raw, legacy = self._files(params, root)
        if legacy:
            data = prepare(self._read_files(root, raw), config, source_id=self.id)
            data.loading = plan_loading(config.streaming, None, budget, False, self.name).reason
            return data
        counts = self._counts(raw)
        plan = plan_loading(config.streaming, self._needed(root), budget, True, self.name)
        if not plan.streaming:
            data = prepare(self._read_idx(raw, counts), config, source_id=self.id)
            data.loading = plan.reason
            return data
        from netstudio.training.streaming_formats import RowFile, stream_splits

        classes = list(self._dataset_class().classes)
        splits = []
        for prefix, count in zip(_PREFIXES, counts, strict=True):
            labels = self._labels(raw, prefix, len(classes))
            images = RowFile(str(raw / f"{prefix}-images-idx3-ubyte"), 16, (count, 1, 28, 28), "u1")
            splits.append((images, labels))
        return stream_splits(
            name=self.name,
            task="classification",
            rows=splits[0][0],
            y=splits[0][1],
            classes=classes,
            config=config,
            source_id=self.id,
            reason=plan.reason,
            test=splits[1],
        )

    def _labels(self, raw: Path, prefix: str, classes: int) -> Any:
        """The labels of an IDX label file (checked: `_check_idx_pair`) as int64."""
        import numpy as np
        import torch

        path = raw / f"{prefix}-labels-idx1-ubyte"
        labels = torch.from_numpy(np.fromfile(path, dtype=np.uint8, offset=8).astype(np.int64))
        if len(labels) and int(labels.max()) >= classes:
            raise DataError(
                words.LABEL_OUT_OF_RANGE(
                    name=self.name,
                    path=path,
                    label=int(labels.max()),
                    classes=classes,
                    last=classes - 1,
                )
            )
        return labels

    def _dataset_class(self) -> Any:
        import torchvision.datasets

        return getattr(torchvision.datasets, self.dataset)

    def _files(self, params: dict[str, Any], root: Path | None) -> tuple[Path, Path, bool]:
        """The data root, the raw folder and whether only the legacy layout is there: the files
        downloaded (with ``download``), unpacked and checked; DataError naming what is wrong."""
        assert root is not None
        root = dataset_root(root, self.dataset)
        raw = root / self.dataset / "raw"
        cls = self._dataset_class()
        if params["download"]:
            try:
                for train in (True, False):
                    cls(str(root), train=train, download=True)
            except (OSError, RuntimeError) as exc:  # URLError is an OSError
                raise download_failed(self.name, raw, exc) from exc
        else:
            self._require_files(root, raw)
        legacy = _legacy_exists(root / self.dataset / "processed")
        if not legacy:
            for prefix in _PREFIXES:
                _check_idx_pair(self.name, raw, prefix)
        return root, raw, legacy

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        root, raw, legacy = self._files(params, root)
        if legacy:
            return self._read_files(root, raw)
        return self._read_idx(raw, self._counts(raw))

    def _read_idx(self, raw: Path, counts: list[int]) -> RawData:
        """The training and test images and labels of the IDX files (checked by `_files`),
        read `IDX_CHUNK` images at a time with their loading progress."""
        import numpy as np
        import torch

        classes = list(self._dataset_class().classes)
        images = []
        with loading_steps(words.READING(name=self.name), sum(counts), "images") as step:
            for prefix, count in zip(_PREFIXES, counts, strict=True):
                path = raw / f"{prefix}-images-idx3-ubyte"
                into = np.empty((count, 1, 28, 28), dtype=np.uint8)
                flat = into.reshape(count, 28 * 28)
                try:
                    with open(path, "rb") as handle:
                        handle.seek(16)  # the header: magic and three dimensions
                        for start in range(0, count, IDX_CHUNK):
                            chunk = flat[start : start + IDX_CHUNK]
                            if handle.readinto(chunk.data) != chunk.nbytes:
                                raise OSError(words.IDX_ENDS_EARLY(index=start + len(chunk)))
                            step(len(chunk))
                except OSError as exc:
                    # strerror for the system's errors; ours is a Message, kept to translate
                    error = exc.strerror or (exc.args[0] if len(exc.args) == 1 else str(exc))
                    message = words.IDX_UNREADABLE(name=self.name, path=path, error=error)
                    raise DataError(message) from exc
                images.append(torch.from_numpy(into))
        labels = [self._labels(raw, prefix, len(classes)) for prefix in _PREFIXES]
        return RawData(
            name=self.name,
            task="classification",
            x=images[0],
            y=labels[0],
            classes=classes,
            test_x=images[1],
            test_y=labels[1],
        )

    def _read_files(self, root: Path, raw: Path) -> RawData:
        """The files of torchvision before 0.8 (``processed/*.pt``), read by torchvision."""
        cls = self._dataset_class()
        try:
            train_set = cls(str(root), train=True, download=False)
            test_set = cls(str(root), train=False, download=False)
        except (AssertionError, OSError, RuntimeError, TypeError, ValueError) as exc:
            raise DataError(
                words.IDX_NOT_VALID(
                    name=self.name, folder=raw, error=str(exc or type(exc).__name__)
                )
            ) from exc
        classes = list(train_set.classes)
        for labels, prefix in ((train_set.targets, "train"), (test_set.targets, "t10k")):
            if len(labels) and int(labels.max()) >= len(classes):
                raise DataError(
                    words.LABEL_OUT_OF_RANGE(
                        name=self.name,
                        path=raw / f"{prefix}-labels-idx1-ubyte",
                        label=int(labels.max()),
                        classes=len(classes),
                        last=len(classes) - 1,
                    )
                )
        return RawData(
            name=self.name,
            task="classification",
            x=train_set.data.unsqueeze(1),
            y=train_set.targets.long(),
            classes=classes,
            test_x=test_set.data.unsqueeze(1),
            test_y=test_set.targets.long(),
        )

    def _require_files(self, root: Path, raw: Path) -> None:
        """Unpack ``.gz`` files torchvision would not, or raise DataError naming what is missing."""
        if _legacy_exists(root / self.dataset / "processed"):
            return  # the layout of torchvision before 0.8, still read by it
        missing = []
        for name in IDX_FILES:
            if (raw / name).is_file():
                continue
            packed = raw / f"{name}.gz"
            if packed.is_file():
                _gunzip(packed, raw / name)
            else:
                missing.append(name)
        if missing:
            expected = ", ".join(words.OR_PACKED(file=name) for name in missing)
            raise DataError(
                words.IDX_NOT_FOUND(name=self.name, folder=raw, expected=expected),
                fixes=MISSING_FIXES,
            )


#: The IDX files' prefixes: the training files, then the test files.
_PREFIXES = ("train", "t10k")


def _legacy_exists(processed: Path) -> bool:
    """Whether torchvision reads the ``processed/*.pt`` files of torchvision before 0.8."""
    return (processed / "training.pt").is_file() and (processed / "test.pt").is_file()


def _check_idx_pair(name: str, raw: Path, prefix: str) -> None:
    """DataError naming the file when the `prefix` (train or t10k) images and labels are not
    valid IDX files of one byte per value, or hold different numbers of examples."""
    images = _idx_shape(name, raw / f"{prefix}-images-idx3-ubyte", 3)
    labels = _idx_shape(name, raw / f"{prefix}-labels-idx1-ubyte", 1)
    if images[0] != labels[0]:
        raise DataError(
            words.IDX_COUNTS_DIFFER(
                name=name,
                path=raw / f"{prefix}-images-idx3-ubyte",
                images=Count(images[0]),
                labels_file=f"{prefix}-labels-idx1-ubyte",
                labels=Count(labels[0]),
            )
        )


def _idx_shape(name: str, path: Path, rank: int) -> tuple[int, ...]:
    """The dimensions of the IDX file at `path`, read from its header and checked against its
    size; DataError naming the file when it is not an IDX file of `rank` dimensions of bytes.

    IDX: two zero bytes, the type (0x08: unsigned bytes), the rank, then each dimension as a
    big-endian 32-bit number, then the values.
    """
    import struct

    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(4 + 4 * rank)
    except OSError as exc:
        raise DataError(
            words.IDX_UNREADABLE(name=name, path=path, error=str(exc.strerror or exc))
        ) from exc
    if size == 0:
        raise DataError(words.IDX_EMPTY(name=name, path=path))
    if len(header) < 4 or header[:2] != b"\0\0" or header[2] != 0x08 or header[3] != rank:
        said = header[:4].hex(" ")
        raise DataError(
            words.IDX_BAD_HEADER(name=name, path=path, rank=rank, header=said)
            if said
            else words.IDX_NO_HEADER(name=name, path=path, rank=rank)
        )
    if len(header) < 4 + 4 * rank:
        raise DataError(words.IDX_SHORT_HEADER(name=name, path=path, size=size))
    dims = struct.unpack(f">{rank}I", header[4:])
    expected = len(header) + math.prod(dims)
    if size != expected:
        shape = "×".join(str(d) for d in dims)
        raise DataError(
            words.IDX_TRUNCATED(
                name=name, path=path, shape=shape, expected=Count(expected), size=Count(size)
            )
        )
    return dims


def _gunzip(packed: Path, target: Path) -> None:
    import gzip
    import shutil

    partial = target.with_name(target.name + ".part")
    try:
        with gzip.open(packed, "rb") as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst)
        partial.replace(target)
    except OSError as exc:  # gzip.BadGzipFile is an OSError
        partial.unlink(missing_ok=True)
        raise DataError(words.UNPACK_FAILED(archive=packed, error=str(exc))) from exc


def _idx(source_id: str, dataset: str, name: str, description: str) -> IdxSource:
    return IdxSource(
        id=source_id,
        name=name,
        description=description,
        params=(DOWNLOAD,),
        files=f"{dataset}/raw/" + ", ".join(IDX_FILES),
        dataset=dataset,
    )


SOURCES: tuple[DataSource, ...] = (
    _idx("mnist", "MNIST", "MNIST", "70,000 handwritten digits, 28×28 grey, 10 classes."),
    _idx(
        "fashion_mnist",
        "FashionMNIST",
        "Fashion-MNIST",
        "70,000 Zalando clothing images, 28×28 grey, 10 classes (a harder drop-in for MNIST).",
    ),
    _idx(
        "kmnist",
        "KMNIST",
        "Kuzushiji-MNIST",
        "70,000 cursive Japanese characters, 28×28 grey, 10 classes.",
    ),
)
