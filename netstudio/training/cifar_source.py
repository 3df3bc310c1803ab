"""CIFAR-10 (torchvision's) from a data folder: 32×32 colour images, 10 classes.

The files are where torchvision puts them (``ROOT/cifar-10-batches-py/data_batch_1``, or its
archive beside them, unpacked when needed). Without the ``download`` parameter nothing is
fetched; a missing file is a `DataError` naming every file that must be where.

CIFAR-10's official "python" format is pickle. It is read by torchvision's loader one batch
file at a time (so a load over half a second shows the batch files read,
`loading_progress`), and torchvision checks each file against its official MD5 sum before it
unpickles it: only the genuine files are unpickled; a file that differs is reported as
corrupted and never loaded.

Over the memory budget, or when the data settings ask for it, the images stream from disk
(`streaming_formats`): written once to a temporary file, batch file by batch file, and
memory-mapped from there.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError, DataFix, LoadedData, RawData, prepare
from netstudio.training.loading_progress import loading_steps
from netstudio.training.memory_budget import plan_loading, preload_bytes
from netstudio.training.sources import DataSource
from netstudio.training.torchvision_sources import (
    DOWNLOAD,
    MISSING_FIXES,
    dataset_root,
    download_failed,
)

if TYPE_CHECKING:
    from netstudio.training.data_config import DataConfig

CIFAR_FOLDER = "cifar-10-batches-py"
CIFAR_ARCHIVE = "cifar-10-python.tar.gz"
#: Images in the official CIFAR-10 files (50,000 training, 10,000 test).
CIFAR_IMAGES = 60_000
CIFAR_FILES = (
    *(f"data_batch_{i}" for i in range(1, 6)),
    "test_batch",
    "batches.meta",
)


@dataclass(frozen=True, kw_only=True)
class CifarSource(DataSource):
    """CIFAR-10: 32×32 colour images, 10 classes, 50,000 train / 10,000 test."""

    needs_root: bool = True
    official_test: bool = True
    can_stream: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (3, 32, 32)

    def memory_needed(self, params: dict[str, Any], root: Path | None) -> int:
        """`preload_bytes` of the official 60,000 images (only files that pass the official
        checksums are read)."""
        return preload_bytes(CIFAR_IMAGES, (3, 32, 32))

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the official 60,000 images fit `budget` (or streaming is off), else
        streamed: the verified images written once to a temporary file, memory-mapped."""
        needed = self.memory_needed(params, root)
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if not plan.streaming:
            data = prepare(self.read(params, root, config.seed), config, source_id=self.id)
            data.loading = plan.reason
            return data
        import torch

        from netstudio.training.streaming_formats import stream_splits, temporary_rows

        root = self._checked_root(params, root)
        classes: list[str] = []
        splits = []
        reader = _cifar_file()
        with self._steps() as step:
            for files in (reader.train_list, reader.test_list):
                labels: list[torch.Tensor] = []
                rows = temporary_rows(self._images(root, files, labels, classes, step), "u1")
                splits.append((rows, torch.cat(labels)))
        (train_rows, train_y), test = splits
        return stream_splits(
            name=self.name,
            task="classification",
            rows=train_rows,
            y=train_y,
            classes=classes,
            config=config,
            source_id=self.id,
            reason=words.IMAGES_COPIED(reason=plan.reason),
            test=test,
        )

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch

        root = self._checked_root(params, root)
        classes: list[str] = []
        splits = []
        reader = _cifar_file()
        with self._steps() as step:
            for files in (reader.train_list, reader.test_list):
                labels: list[torch.Tensor] = []
                images = self._images(root, files, labels, classes, step)
                splits.append((torch.cat([torch.from_numpy(x) for x in images]), torch.cat(labels)))
        (x, y), (test_x, test_y) = splits
        return RawData(
            name=self.name,
            task="classification",
            x=x,
            y=y,
            classes=classes,
            test_x=test_x,
            test_y=test_y,
        )

    def _steps(self) -> contextlib.AbstractContextManager[Callable[[int], None]]:
        """The loading progress of reading the official files: one step a batch file."""
        reader = _cifar_file()
        files = len(reader.train_list) + len(reader.test_list)
        return loading_steps(words.READING(name=self.name), files)

    def _images(
        self,
        root: Path,
        files: list[list[str]],
        labels: list[Any],
        classes: list[str],
        step: Callable[[int], None],
    ) -> Iterator[Any]:
        """The images (N, 3, 32, 32) of the batch `files` (name, MD5 sum), one file at a time,
        each read only after it passed its official checksum; their labels are appended to
        `labels` and the class names put in `classes`."""
        import torch

        folder = root / CIFAR_FOLDER
        for entry in files:
            try:
                dataset = _cifar_file()(str(root), entry)
            except RuntimeError as exc:
                raise DataError(
                    words.CIFAR_CHECKSUMS(
                        name=self.name, folder=folder, error=str(exc), archive=CIFAR_ARCHIVE
                    ),
                    fixes=(DataFix.DOWNLOAD,),
                ) from exc
            except OSError as exc:  # a file that cannot be opened (permissions, a folder)
                where = exc.filename or folder
                error = str(exc.strerror or exc)
                raise DataError(
                    words.CIFAR_UNREADABLE(name=self.name, path=where, error=error)
                ) from exc
            labels.append(torch.tensor(dataset.targets, dtype=torch.int64))
            classes[:] = dataset.classes
            yield dataset.data.transpose(0, 3, 1, 2)  # torchvision's HWC view of the CHW rows
            step(1)

    def _checked_root(self, params: dict[str, Any], root: Path | None) -> Path:
        """The data root, with every official file there (downloaded first with
        ``download``); DataError naming what is missing."""
        assert root is not None
        root = dataset_root(root, CIFAR_FOLDER)
        if params["download"]:
            from torchvision.datasets import CIFAR10

            try:
                CIFAR10(str(root), train=True, download=True)
            except (OSError, RuntimeError) as exc:
                raise download_failed(self.name, root, exc) from exc
        else:
            self._require_files(root, root / CIFAR_FOLDER)
        return root

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


@functools.cache
def _cifar_file() -> Any:
    """torchvision's CIFAR10 dataset class made to read one given batch file: the file is
    checked against its official MD5 sum, then unpickled, and the class names read from
    ``batches.meta`` (checked too). Its class attributes list the official files."""
    from torchvision.datasets import CIFAR10

    class CifarFile(CIFAR10):
        def __init__(self, root: str, entry: list[str]) -> None:
            # torchvision checks (and reads) every file these two list: only `entry` here
            self.train_list = [entry]
            self.test_list: list[list[str]] = []
            super().__init__(root, train=True, download=False)

    return CifarFile


SOURCES: tuple[DataSource, ...] = (
    CifarSource(
        id="cifar10",
        name="CIFAR-10",
        description="60,000 colour photos, 32×32, 10 classes (airplane, car, bird, ...).",
        params=(DOWNLOAD,),
        files=f"{CIFAR_FOLDER}/" + ", ".join(CIFAR_FILES),
    ),
)
