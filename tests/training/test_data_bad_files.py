"""Broken and hostile data files: each is one DataError naming the file and what to do.

Every bad file is made here: a PNG whose header declares 40000×40000 pixels (a few hundred
bytes on disk), a corrupt image, IDX files that do not fit together, an empty IDX file.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from netstudio.cli import main
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, load_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _images(**params: object) -> DataConfig:
    return DataConfig(source="image_folder", params=params, normalize=False)


def _declare_size(path: Path, width: int, height: int) -> None:
    """Rewrite the IHDR of the PNG at `path` to declare `width`×`height` (with a valid CRC)."""
    data = bytearray(path.read_bytes())
    assert data[12:16] == b"IHDR"  # the first chunk, right after the 8-byte signature
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))


# --- image folders ------------------------------------------------------------------------------


@pytest.mark.parametrize("resize", [32, 0])
def test_a_png_declaring_a_huge_size_is_named_not_decoded(
    tmp_path: Path, write_image_folder: Callable, resize: int
) -> None:
    write_image_folder(tmp_path, per_class=2)
    bomb = tmp_path / "cat" / "0.png"  # the first image: read for its size when resize is 0
    _declare_size(bomb, 40_000, 40_000)
    with pytest.raises(
        DataError, match=r"Could not read the image .*declares more pixels than the [0-9,]+ pixels"
    ) as err:
        load_data(_images(resize=resize), data_root=tmp_path)
    message = str(err.value)
    assert str(bomb) in message and "take it out of the folder" in message
    assert "\n" not in message


@pytest.mark.parametrize("resize", [0, 16])
def test_a_corrupt_image_is_named(
    tmp_path: Path, write_image_folder: Callable, resize: int
) -> None:
    write_image_folder(tmp_path, per_class=2)
    broken = tmp_path / "cat" / "0.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n but nothing after the signature")
    with pytest.raises(
        DataError, match=r"Could not read the image .*: it is corrupt or not in an image format"
    ) as err:
        load_data(_images(resize=resize), data_root=tmp_path)
    assert str(broken) in str(err.value) and "replace it" in str(err.value)


def test_a_truncated_image_is_named(tmp_path: Path, write_image_folder: Callable) -> None:
    from PIL import Image

    write_image_folder(tmp_path, per_class=2)
    cut = tmp_path / "owl" / "1.png"
    noise = np.random.default_rng(0).integers(0, 256, (40, 40, 3), dtype=np.uint8)
    Image.fromarray(noise).save(cut)
    cut.write_bytes(cut.read_bytes()[:200])  # the header survives, the pixels do not
    with pytest.raises(DataError, match="Could not read the image") as err:
        load_data(_images(resize=8), data_root=tmp_path)
    assert str(cut) in str(err.value)


def test_an_image_folder_with_one_class_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "cat").mkdir()
    for i in range(4):
        Image.new("RGB", (8, 8), (255, 0, 0)).save(tmp_path / "cat" / f"{i}.png")
    with pytest.raises(DataError, match=r"one class sub-folder \('cat'\).*at least two") as err:
        load_data(_images(resize=8), data_root=tmp_path)
    assert str(tmp_path) in str(err.value)


# --- IDX files ----------------------------------------------------------------------------------


def _idx(path: Path, array: np.ndarray) -> None:
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())


def test_label_and_image_counts_that_differ_are_named(mnist_root: Path) -> None:
    raw = mnist_root / "MNIST" / "raw"
    _idx(raw / "train-labels-idx1-ubyte", np.arange(150) % 10)  # 200 images
    with pytest.raises(DataError, match="holds 200 images but") as err:
        load_data(DataConfig(source="mnist"), data_root=mnist_root)
    message = str(err.value)
    assert str(raw / "train-images-idx3-ubyte") in message
    assert "train-labels-idx1-ubyte holds 150 labels" in message
    assert "matching pair" in message


def test_an_empty_idx_file_is_named(mnist_root: Path) -> None:
    empty = mnist_root / "MNIST" / "raw" / "t10k-labels-idx1-ubyte"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="is empty: replace it with the original file") as err:
        load_data(DataConfig(source="mnist"), data_root=mnist_root)
    assert str(empty) in str(err.value)
    assert "invalid literal" not in str(err.value)


def test_a_truncated_idx_file_is_named(mnist_root: Path) -> None:
    cut = mnist_root / "MNIST" / "raw" / "train-images-idx3-ubyte"
    cut.write_bytes(cut.read_bytes()[:1000])
    with pytest.raises(DataError, match=r"declares 200×28×28 values.*truncated") as err:
        load_data(DataConfig(source="mnist"), data_root=mnist_root)
    assert str(cut) in str(err.value)


def test_a_label_outside_the_classes_is_named(mnist_root: Path) -> None:
    labels = mnist_root / "MNIST" / "raw" / "t10k-labels-idx1-ubyte"
    _idx(labels, np.full(50, 12))
    with pytest.raises(DataError, match="holds the label 12, but MNIST has only 10") as err:
        load_data(DataConfig(source="mnist"), data_root=mnist_root)
    assert str(labels) in str(err.value)


def test_train_prints_one_line_for_a_broken_idx_file(
    mnist_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    empty = mnist_root / "MNIST" / "raw" / "train-labels-idx1-ubyte"
    empty.write_bytes(b"")
    args = ["--data-root", mnist_root, "--out", tmp_path / "runs", "--device", "cpu"]
    code = main(["train", str(EXAMPLES / "mnist_mlp.net"), *map(str, args)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        f"error: MNIST: {empty} is empty: replace it with the original file"
    ]
