"""MNIST-format IDX files and CIFAR-10 python batches, generated in the official formats."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.error import URLError

import pytest
import torch
import torchvision.datasets
import torchvision.datasets.cifar

from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, DataFix, load_data

MNIST_TRAIN, MNIST_TEST = 200, 50  # what the write_mnist fixture writes
CIFAR_PER_BATCH, CIFAR_TEST = 40, 30  # what the write_cifar fixture writes

IDX_SOURCES = [("mnist", "MNIST"), ("fashion_mnist", "FashionMNIST"), ("kmnist", "KMNIST")]


@pytest.mark.parametrize(("source", "folder"), IDX_SOURCES)
def test_idx_sources_read_the_official_layout(
    tmp_path: Path, write_mnist: Callable, source: str, folder: str
) -> None:
    write_mnist(tmp_path, folder)
    data = load_data(DataConfig(source=source, root=str(tmp_path), normalize=False))
    assert data.input_shape == (1, 28, 28) and data.num_classes == 10
    assert data.classes == getattr(torchvision.datasets, folder).classes
    assert len(data.test) == MNIST_TEST  # the official test split, whole
    assert len(data.train) + len(data.val) == MNIST_TRAIN
    assert len(data.val) == MNIST_TRAIN // 10
    assert (
        data.train.x.dtype == torch.float32 and 0 <= data.train.x.min() <= data.train.x.max() <= 1
    )
    # the label written into pixel (0, 0) still matches: images and labels stay paired
    for split in (data.train, data.val, data.test):
        assert torch.equal((split.x[:, 0, 0, 0] * 255).round().long(), split.y)


def test_gzipped_idx_files_are_unpacked(tmp_path: Path, write_mnist: Callable) -> None:
    raw = write_mnist(tmp_path, compress=True)
    data = load_data(DataConfig(source="mnist"), data_root=tmp_path)
    assert len(data.test) == MNIST_TEST
    assert (raw / "train-images-idx3-ubyte").is_file()


def test_root_may_be_the_dataset_folder_itself(mnist_root: Path) -> None:
    data = load_data(DataConfig(source="mnist", root=str(mnist_root / "MNIST")))
    assert len(data.test) == MNIST_TEST


def test_relative_root_resolves_against_the_project(mnist_root: Path) -> None:
    project_dir = mnist_root / "projects"
    data = load_data(DataConfig(source="mnist", root=".."), project_dir=project_dir)
    assert len(data.test) == MNIST_TEST


def test_normalised_mnist_uses_the_train_mean(mnist_root: Path) -> None:
    data = load_data(DataConfig(source="mnist"), data_root=mnist_root)
    assert len(data.mean) == 1 and 0.4 < data.mean[0] < 0.6  # uniform random pixels
    assert abs(data.train.x.mean().item()) < 1e-4


def test_missing_idx_files_are_named(mnist_root: Path) -> None:
    tmp_path = mnist_root
    (tmp_path / "MNIST/raw/t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(DataError) as error:
        load_data(DataConfig(source="mnist"), data_root=tmp_path)
    message = str(error.value)
    assert f"MNIST not found under {tmp_path / 'MNIST' / 'raw'}" in message
    assert "t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz)" in message
    assert "train-images" not in message and "--" not in message
    assert set(error.value.fixes) == {DataFix.CHOOSE_FOLDER, DataFix.DOWNLOAD}


def test_empty_folder_names_every_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        load_data(DataConfig(source="fashion_mnist"), data_root=tmp_path)
    message = str(error.value)
    assert str(tmp_path / "FashionMNIST" / "raw") in message
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"):
        assert name in message


def test_corrupt_idx_file_is_a_data_error(mnist_root: Path) -> None:
    (mnist_root / "MNIST/raw/train-images-idx3-ubyte").write_bytes(b"not an idx file")
    with pytest.raises(DataError, match=r"train-images-idx3-ubyte is not an IDX file"):
        load_data(DataConfig(source="mnist"), data_root=mnist_root)


def test_failed_download_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(self: object) -> None:
        raise URLError("no network")

    monkeypatch.setattr(torchvision.datasets.MNIST, "download", offline)
    config = DataConfig(source="mnist", params={"download": True})
    with pytest.raises(DataError, match=r"Could not download MNIST.*no network"):
        load_data(config, data_root=tmp_path)


@pytest.fixture
def generated_cifar_passes_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """torchvision checks the official MD5 sums, which generated files cannot match."""
    monkeypatch.setattr(torchvision.datasets.CIFAR10, "_check_integrity", lambda self: True)
    monkeypatch.setattr(
        torchvision.datasets.cifar, "check_integrity", lambda path, md5=None: os.path.isfile(path)
    )


@pytest.mark.usefixtures("generated_cifar_passes_checks")
def test_cifar10_reads_the_python_batches(tmp_path: Path, write_cifar: Callable) -> None:
    write_cifar(tmp_path)
    data = load_data(DataConfig(source="cifar10", normalize=False), data_root=tmp_path)
    assert data.input_shape == (3, 32, 32) and data.classes[:3] == [
        "airplane",
        "automobile",
        "bird",
    ]
    assert len(data.train) + len(data.val) == 5 * CIFAR_PER_BATCH
    assert len(data.test) == CIFAR_TEST
    expected = torchvision.datasets.CIFAR10(str(tmp_path), train=False)
    first = torch.from_numpy(expected.data[0]).permute(2, 0, 1).float() / 255
    assert torch.equal(data.test.x[0], first)  # CHW, same pixels
    normalised = load_data(DataConfig(source="cifar10"), data_root=tmp_path)
    assert len(normalised.mean) == 3 and len(normalised.std) == 3


def test_cifar10_missing_files_are_named(tmp_path: Path, write_cifar: Callable) -> None:
    folder = write_cifar(tmp_path)
    (folder / "data_batch_3").unlink()
    (folder / "batches.meta").unlink()
    with pytest.raises(DataError) as error:
        load_data(DataConfig(source="cifar10"), data_root=tmp_path)
    message = str(error.value)
    assert f"CIFAR-10 not found under {folder}" in message
    assert "expected data_batch_3, batches.meta" in message


def test_cifar10_files_that_fail_the_checksum_are_not_unpickled(
    tmp_path: Path, write_cifar: Callable
) -> None:
    write_cifar(tmp_path)
    with pytest.raises(DataError, match="official CIFAR-10 checksums"):
        load_data(DataConfig(source="cifar10"), data_root=tmp_path)
