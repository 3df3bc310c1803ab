"""An ImageFolder of generated PNGs: decoding into one tensor, resize, grayscale, splits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import torch

from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, load_data


def _config(**params: object) -> DataConfig:
    return DataConfig(source="image_folder", params=params, normalize=False)


def test_image_folder_resizes_and_keeps_class_names(
    tmp_path: Path, write_image_folder: Callable
) -> None:
    write_image_folder(tmp_path)
    data = load_data(_config(resize=16), data_root=tmp_path)
    assert data.classes == ["cat", "dog", "owl"]
    assert data.input_shape == (3, 16, 16)
    assert len(data.train) + len(data.val) + len(data.test) == 18
    # colours stay with their class: cat red, dog green, owl blue
    for split in (data.train, data.val, data.test):
        means = split.x.mean(dim=(2, 3))
        assert torch.equal(means.argmax(dim=1), split.y)
        assert torch.allclose(means.max(dim=1).values, torch.ones(len(split)))


def test_image_folder_grayscale_and_original_size(
    tmp_path: Path, write_image_folder: Callable
) -> None:
    write_image_folder(tmp_path, size=(20, 12))
    data = load_data(_config(resize=0, grayscale=True), data_root=tmp_path)
    assert data.input_shape == (1, 12, 20)  # height 12, width 20, as saved


def test_train_and_test_subfolders_are_the_official_split(
    tmp_path: Path, write_image_folder: Callable
) -> None:
    write_image_folder(tmp_path / "train", per_class=5)
    write_image_folder(tmp_path / "test", per_class=2)
    data = load_data(_config(resize=8), data_root=tmp_path)
    assert len(data.test) == 6 and len(data.train) + len(data.val) == 15


def test_different_sizes_without_resize_are_named(
    tmp_path: Path, write_image_folder: Callable
) -> None:
    from PIL import Image

    write_image_folder(tmp_path)
    odd = tmp_path / "dog" / "odd.png"
    Image.new("RGB", (5, 5)).save(odd)
    with pytest.raises(DataError, match=r"odd\.png is 5×5.*set resize"):
        load_data(_config(resize=0), data_root=tmp_path)


def test_unreadable_image_is_named(tmp_path: Path, write_image_folder: Callable) -> None:
    write_image_folder(tmp_path)
    (tmp_path / "owl" / "broken.png").write_bytes(b"not a png")
    with pytest.raises(DataError, match=r"Could not read the image .*broken\.png"):
        load_data(_config(), data_root=tmp_path)


def test_missing_or_empty_folder_says_the_layout(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist: expected one sub-folder per class"):
        load_data(_config(), data_root=tmp_path / "nowhere")
    with pytest.raises(DataError, match="No images found under"):
        load_data(_config(), data_root=tmp_path)
