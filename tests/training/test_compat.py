"""The loss/output compatibility check the training panel runs before a run starts."""

from __future__ import annotations

import pytest

from netstudio.training.compat import check_compatibility, known_classes
from netstudio.training.data_config import DataConfig


def test_cross_entropy_on_one_unit_is_refused_with_the_fix() -> None:
    found = check_compatibility((2, 1), "classification", "cross_entropy", num_classes=2)
    assert len(found) == 1
    assert "one score per class" in found[0]
    assert "2 units" in found[0] and "bce_with_logits" in found[0]


def test_cross_entropy_with_one_unit_per_class_passes() -> None:
    assert check_compatibility((2, 10), "classification", "cross_entropy", num_classes=10) == []


def test_too_few_classes_for_nll() -> None:
    found = check_compatibility((2, 3), "classification", "nll", num_classes=10)
    assert found and "10 units" in found[0]


@pytest.mark.parametrize("loss", ["bce", "bce_with_logits"])
def test_bce_on_multi_unit_output_for_binary_data_is_refused(loss: str) -> None:
    found = check_compatibility((2, 3), "classification", loss, num_classes=2)
    assert found and "1 unit" in found[0]
    assert check_compatibility((2, 1), "classification", loss, num_classes=2) == []
    assert check_compatibility((2, 2), "classification", loss, num_classes=2) == []


def test_mse_on_class_data_needs_one_value_per_class() -> None:
    found = check_compatibility((2, 4), "classification", "mse", num_classes=10)
    assert found and "10 units" in found[0]


def test_regression_target_size_mismatch() -> None:
    found = check_compatibility((2, 3), "regression", "mse", target_size=1)
    assert found and "1 unit" in found[0]
    assert check_compatibility((2, 1), "regression", "mse", target_size=1) == []


def test_regression_with_a_class_index_loss() -> None:
    found = check_compatibility((2, 1), "regression", "cross_entropy", target_size=1)
    assert found and "MSE" in found[0]


def test_reconstruction_compares_with_the_input() -> None:
    found = check_compatibility((2, 10), "reconstruction", "mse", input_shape=(2, 1, 28, 28))
    assert found and "784" in found[0]
    assert check_compatibility((2, 784), "reconstruction", "mse", input_shape=(2, 784)) == []


def test_unknown_shapes_or_classes_check_nothing() -> None:
    assert check_compatibility(None, "classification", "cross_entropy", num_classes=3) == []
    assert check_compatibility((2, 1), "classification", "cross_entropy") == []


def test_known_classes_from_the_data_config() -> None:
    assert known_classes(DataConfig(source="digits")) == 10
    assert known_classes(DataConfig(source="digits", params={"digits": [5, 6, 7, 8, 9]})) == 5
    assert known_classes(DataConfig(source="spiral")) == 3  # the parameter's default
    assert known_classes(DataConfig(source="spiral", params={"classes": 5})) == 5
    assert known_classes(DataConfig(source="moons")) == 2
    assert known_classes(DataConfig(source="csv")) is None
    assert known_classes(DataConfig(source="no_such_source")) is None
