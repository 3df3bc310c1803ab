"""torchvision's MNIST, FashionMNIST, KMNIST and CIFAR-10 from a data folder.

The files are read with torchvision's own dataset classes, in torchvision's layout
(``ROOT/MNIST/raw/train-images-idx3-ubyte``, ``ROOT/cifar-10-batches-py/data_batch_1``), and the
whole split is taken at once from the dataset's ``data``/``targets`` tensors: no per-sample
PIL images. Without the ``download`` parameter nothing is fetched; a missing file is a
`DataError` naming every file that must be where (its fixes: choose the folder, or download).

CIFAR-10's official "python" format is pickle. It is read by torchvision's loader, which first
checks every file against the official MD5 checksums, so only the genuine files are unpickled;
files that differ are reported as corrupted and never loaded.

Over the memory budget, or when the data settings ask for it, both stream from disk
(`streaming_formats`): the IDX images memory-mapped where they lie, the verified CIFAR-10
images written once to a temporary file and memory-mapped from there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.params import p_bool
from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError, DataFix, LoadedData, RawData, prepare
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
CIFAR_FOLDER = "cifar-10-batches-py"
CIFAR_ARCHIVE = "cifar-10-python.tar.gz"
#: Images in the official CIFAR-10 files (50,000 training, 10,000 test).
CIFAR_IMAGES = 60_000
CIFAR_FILES = (
    *(f"data_batch_{i}" for i in range(1, 6)),
    "test_batch",
    "batches.meta",
)

#: What else to do about missing files, besides putting them there.
MISSING_FIXES = (DataFix.CHOOSE_FOLDER, DataFix.DOWNLOAD)

_DOWNLOAD = p_bool(
    "download",
    False,
    "Fetch the files into the data folder when they are missing (needs a network).",
)


def _dataset_root(root: Path, folder: str) -> Path:
    """Accept the dataset's own folder as root too (``.../MNIST`` instead of its parent)."""
    return root.parent if root.name == folder and root.is_dir() else root


def _download_failed(name: str, where: Path, exc: Exception) -> DataError:
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
        counts = [_idx_shape(self.name, raw / f"{p}-labels-idx1-ubyte", 1)[0] for p in _PREFIXES]
        needed = preload_bytes(sum(counts), (1, 28, 28))
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if not plan.streaming:
            data = prepare(self._read_files(root, raw), config, source_id=self.id)
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
        root = _dataset_root(root, self.dataset)
        raw = root / self.dataset / "raw"
        cls = self._dataset_class()
        if params["download"]:
            try:
                for train in (True, False):
                    cls(str(root), train=train, download=True)
            except (OSError, RuntimeError) as exc:  # URLError is an OSError
                raise _download_failed(self.name, raw, exc) from exc
        else:
            self._require_files(root, raw)
        legacy = _legacy_exists(root / self.dataset / "processed")
        if not legacy:
            for prefix in _PREFIXES:
                _check_idx_pair(self.name, raw, prefix)
        return root, raw, legacy

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        root, raw, _ = self._files(params, root)
        return self._read_files(root, raw)

    def _read_files(self, root: Path, raw: Path) -> RawData:
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
                images=f"{images[0]:,}",
                labels_file=f"{prefix}-labels-idx1-ubyte",
                labels=f"{labels[0]:,}",
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
                name=name, path=path, shape=shape, expected=f"{expected:,}", size=f"{size:,}"
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


@dataclass(frozen=True, kw_only=True)
class CifarSource(DataSource):
    """CIFAR-10: 32×32 colour images, 10 classes, 50,000 train / 10,000 test."""

    needs_root: bool = True
    official_test: bool = True
    can_stream: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (3, 32, 32)

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the official 60,000 images fit `budget` (or streaming is off), else
        streamed: the verified images written once to a temporary file, memory-mapped."""
        needed = preload_bytes(CIFAR_IMAGES, (3, 32, 32))
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if not plan.streaming:
            data = prepare(self.read(params, root, config.seed), config, source_id=self.id)
            data.loading = plan.reason
            return data
        import numpy as np
        import torch

        from netstudio.training.streaming_formats import stream_splits, temporary_rows

        train_set, test_set = self._datasets(params, root)
        splits = []
        for dataset in (train_set, test_set):
            images = dataset.data  # (N, 32, 32, 3) uint8, as the preloaded path permutes it
            chunks = (
                images[i : i + 4096].transpose(0, 3, 1, 2) for i in range(0, len(images), 4096)
            )
            rows = temporary_rows(list(chunks), "u1")
            splits.append((rows, torch.tensor(np.asarray(dataset.targets), dtype=torch.int64)))
            dataset.data = None  # the copy on disk is what the splits read
        return stream_splits(
            name=self.name,
            task="classification",
            rows=splits[0][0],
            y=splits[0][1],
            classes=list(train_set.classes),
            config=config,
            source_id=self.id,
            reason=words.IMAGES_COPIED(reason=plan.reason),
            test=splits[1],
        )

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch

        train_set, test_set = self._datasets(params, root)

        def images(data: Any) -> torch.Tensor:
            return torch.from_numpy(data).permute(0, 3, 1, 2).contiguous()  # HWC -> CHW

        return RawData(
            name=self.name,
            task="classification",
            x=images(train_set.data),
            y=torch.tensor(train_set.targets, dtype=torch.int64),
            classes=list(train_set.classes),
            test_x=images(test_set.data),
            test_y=torch.tensor(test_set.targets, dtype=torch.int64),
        )

    def _datasets(self, params: dict[str, Any], root: Path | None) -> tuple[Any, Any]:
        """torchvision's training and test sets, read only after every file passed the official
        checksums (downloaded first with ``download``); DataError naming what is wrong."""
        from torchvision.datasets import CIFAR10

        assert root is not None
        root = _dataset_root(root, CIFAR_FOLDER)
        folder = root / CIFAR_FOLDER
        if params["download"]:
            try:
                CIFAR10(str(root), train=True, download=True)
            except (OSError, RuntimeError) as exc:
                raise _download_failed(self.name, root, exc) from exc
        else:
            self._require_files(root, folder)
        try:
            return CIFAR10(str(root), train=True, download=False), CIFAR10(
                str(root), train=False, download=False
            )
        except RuntimeError as exc:
            raise DataError(
                words.CIFAR_CHECKSUMS(
                    name=self.name, folder=folder, error=str(exc), archive=CIFAR_ARCHIVE
                ),
                fixes=(DataFix.DOWNLOAD,),
            ) from exc
        except OSError as exc:  # a file that cannot be opened (permissions, a folder)
            where = exc.filename or folder
            raise DataError(
                words.CIFAR_UNREADABLE(name=self.name, path=where, error=str(exc.strerror or exc))
            ) from exc

    def _require_files(self, root: Path, folder: Path) -> None:
        archive = root / CIFAR_ARCHIVE
        if not folder.is_dir() and archive.is_file():
            import tarfile

            from torchvision.datasets.utils import extract_archive

            try:
                extract_archive(str(archive), str(root))
            except (OSError, EOFError, tarfile.TarError) as exc:
                raise DataError(words.UNPACK_FAILED(archive=archive, error=str(exc))) from exc
        missing = [name for name in CIFAR_FILES if not (folder / name).is_file()]
        if missing:
            raise DataError(
                words.CIFAR_NOT_FOUND(
                    name=self.name,
                    folder=folder,
                    files=", ".join(missing),
                    archive=CIFAR_ARCHIVE,
                    root=root,
                ),
                fixes=MISSING_FIXES,
            )


def _idx(source_id: str, dataset: str, name: str, description: str) -> IdxSource:
    return IdxSource(
        id=source_id,
        name=name,
        description=description,
        params=(_DOWNLOAD,),
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
    CifarSource(
        id="cifar10",
        name="CIFAR-10",
        description="60,000 colour photos, 32×32, 10 classes (airplane, car, bird, ...).",
        params=(_DOWNLOAD,),
        files=f"{CIFAR_FOLDER}/" + ", ".join(CIFAR_FILES),
    ),
)
