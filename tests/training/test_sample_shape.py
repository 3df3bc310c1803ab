"""Each data source tells its sample shape without loading the data, and it is the shape the
loaded data has (an auto Input takes it before anything is loaded)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from netstudio.training.data_config import DataConfig
from netstudio.training.sources import (
    all_sources,
    get_source,
    load_data,
    project_sample_shape,
    sample_shape,
)


def _config(source: str, **params: object) -> DataConfig:
    return DataConfig(source=source, params=params, val_fraction=0.2, test_fraction=0.2)


@pytest.mark.parametrize(
    ("source", "params"),
    [
        ("digits", {}),
        ("spiral", {"points_per_class": 20}),
        ("moons", {"samples": 40}),
        ("circles", {"samples": 40}),
        ("xor", {"samples": 40}),
        ("blobs", {"samples": 40}),
        ("sequences", {"samples": 30, "length": 12}),
    ],
)
def test_generated_sources_tell_the_shape_they_load(source: str, params: dict) -> None:
    config = _config(source, **params)
    told = sample_shape(config, None)
    assert told is not None
    assert told == tuple(load_data(config).input_shape)


def test_file_sources_with_fixed_images_tell_their_shape_without_any_file(tmp_path: Path) -> None:
    for source, shape in (
        ("mnist", (1, 28, 28)),
        ("fashion_mnist", (1, 28, 28)),
        ("kmnist", (1, 28, 28)),
        ("cifar10", (3, 32, 32)),
    ):
        assert sample_shape(_config(source), tmp_path / "nothing here") == shape


def test_mnist_shape_is_the_loaded_shape(mnist_root: Path) -> None:
    config = _config("mnist")
    assert sample_shape(config, mnist_root) == tuple(load_data(config, mnist_root).input_shape)


def test_image_folder_shape_comes_from_resize_or_the_first_image(
    tmp_path: Path, write_image_folder: Callable
) -> None:
    root = write_image_folder(tmp_path / "pets", size=(20, 12))
    resized = _config("image_folder", resize=16)
    assert sample_shape(resized, root) == (3, 16, 16)
    assert sample_shape(resized, None) == (3, 16, 16)  # no file needed
    original = _config("image_folder", resize=0, grayscale=True)
    assert sample_shape(original, root) == (1, 12, 20)  # height × width of the first image
    assert sample_shape(original, root) == tuple(load_data(original, root).input_shape)
    assert sample_shape(original, tmp_path / "missing") is None


def test_csv_shape_counts_the_feature_columns_from_the_first_rows(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    rows = ["a,b,c,label"] + [f"{i},{i + 1},{i * 2},{'xy'[i % 2]}" for i in range(12)]
    path.write_text("\n".join(rows) + "\n")
    config = _config("csv", file="table.csv")
    assert sample_shape(config, tmp_path) == (3,)
    assert sample_shape(config, tmp_path) == tuple(load_data(config, tmp_path).input_shape)
    assert sample_shape(_config("csv", file="table.csv", feature_columns="a, c"), tmp_path) == (2,)
    assert sample_shape(_config("csv", file="table.csv", feature_columns="z"), tmp_path) is None
    assert sample_shape(_config("csv", file="gone.csv"), tmp_path) is None


def test_a_project_section_gives_its_shape_and_a_bad_one_none(tmp_path: Path) -> None:
    assert project_sample_shape({}) == (1, 8, 8)  # the default data: digits
    assert project_sample_shape({"source": "spiral"}) == (2,)
    assert project_sample_shape({"source": "no such source"}) is None
    assert project_sample_shape({"val_fraction": "lots"}) is None
    assert project_sample_shape({"source": "spiral", "params": {"classes": -1}}) is None


def test_every_source_answers_without_raising_even_without_its_files(tmp_path: Path) -> None:
    for source in all_sources():
        shape = sample_shape(DataConfig(source=get_source(source.id).id), tmp_path)
        assert shape is None or all(isinstance(d, int) and d > 0 for d in shape)
