"""CSV tables: categorical labels, column choice, regression targets, clear cell errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, load_data

SPECIES = ("setosa", "versicolor", "virginica")


def _write_iris_like(path: Path, rows: int = 60) -> Path:
    lines = ["sepal_length,sepal_width,colour,species"]
    for i in range(rows):
        label = SPECIES[i % 3]
        lines.append(f"{4 + i % 3 + i / 100:.2f},{3 + (i % 5) / 10},{i % 7},{label}")
    path.write_text("\n".join(lines) + "\n")
    return path


def _load(path: Path, **params: object) -> object:
    config = DataConfig(source="csv", params={"file": path.name, **params}, normalize=False)
    return load_data(config, data_root=path.parent)


def test_categorical_label_becomes_named_classes(tmp_path: Path) -> None:
    data = _load(_write_iris_like(tmp_path / "iris.csv"))
    assert data.classes == list(SPECIES)
    assert data.task == "classification" and data.input_shape == (3,)
    assert len(data.train) + len(data.val) + len(data.test) == 60
    assert data.train.y.dtype == torch.int64
    # the first feature encodes the species (4, 5, 6 + a little)
    for split in (data.train, data.val, data.test):
        assert torch.equal(split.x[:, 0].floor().long() - 4, split.y)


def test_label_and_feature_columns_by_name(tmp_path: Path) -> None:
    path = _write_iris_like(tmp_path / "iris.csv")
    data = _load(path, label_column="species", feature_columns="sepal_width, colour")
    assert data.input_shape == (2,)


def test_numeric_labels_are_sorted_by_value(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text(
        "a,b,label\n" + "".join(f"{i},{i * 2},{[10, 2, 1][i % 3]}\n" for i in range(30))
    )
    assert _load(path).classes == ["1", "2", "10"]


def test_regression_with_two_targets_and_a_semicolon(tmp_path: Path) -> None:
    path = tmp_path / "houses.csv"
    rows = "".join(f"{i};{i % 4};{2 * i + 1};{i * i}\n" for i in range(40))
    path.write_text("size;rooms;price;tax\n" + rows)
    data = _load(path, task="regression", label_column="price,tax", delimiter=";")
    assert data.classes is None and data.task == "regression"
    assert data.input_shape == (2,) and data.target_size == 2
    assert data.train.y.dtype == torch.float32 and data.train.y.shape[1] == 2
    assert torch.equal(data.train.y[:, 0], 2 * data.train.x[:, 0] + 1)


def test_headerless_columns_are_numbered(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("".join(f"{i},{i % 2},{'yes' if i % 2 else 'no'}\n" for i in range(20)))
    data = _load(path, has_header=False, feature_columns="0")
    assert data.classes == ["no", "yes"] and data.input_shape == (1,)


def test_non_numeric_cell_names_row_and_column(tmp_path: Path) -> None:
    path = _write_iris_like(tmp_path / "iris.csv")
    lines = path.read_text().splitlines()
    lines[5] = lines[5].replace(lines[5].split(",")[1], "abc", 1)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        DataError, match=r"iris\.csv line 6, column 'sepal_width': 'abc' is not a number"
    ):
        _load(path)


def test_empty_and_nan_cells_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("x,y,label\n1,2,a\n3,,b\n")
    with pytest.raises(DataError, match="line 3, column 'y': an empty cell is not a number"):
        _load(path)
    path.write_text("x,y,label\n1,2,a\n3,nan,b\n")
    with pytest.raises(DataError, match="line 3, column 'y': 'nan' is not a finite number"):
        _load(path)


def test_ragged_row_and_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("x,y,label\n1,2,a\n3,4\n")
    with pytest.raises(DataError, match="line 3: 2 values, expected 3"):
        _load(path)
    good = _write_iris_like(tmp_path / "iris.csv")
    with pytest.raises(DataError, match=r"no column 'petal' .*columns: sepal_length"):
        _load(good, label_column="petal")


def test_missing_file_and_single_class(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"CSV file .*absent\.csv not found"):
        _load(tmp_path / "absent.csv")
    path = tmp_path / "one.csv"
    path.write_text("x,label\n1,a\n2,a\n")
    with pytest.raises(DataError, match="single value"):
        _load(path)


def test_test_file_is_the_official_split(tmp_path: Path) -> None:
    train = _write_iris_like(tmp_path / "train.csv", rows=60)
    _write_iris_like(tmp_path / "test.csv", rows=15)
    data = _load(train, test_file="test.csv")
    assert len(data.test) == 15 and len(data.train) + len(data.val) == 60
    (tmp_path / "bad.csv").write_text("sepal_length,sepal_width,colour,species\n1,2,3,daisy\n")
    with pytest.raises(
        DataError, match=r"bad\.csv line 2, column 'species': 'daisy' is not a training class"
    ):
        _load(train, test_file="bad.csv")
