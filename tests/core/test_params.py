"""ParamSpec.check: every kind takes good values in canonical form and rejects bad ones by name."""

from __future__ import annotations

import math
from typing import Any

import pytest

from netstudio.core.errors import GraphError, ParamError
from netstudio.core.params import ParamSpec, p_bool, p_choice, p_float, p_int, p_ints

UNITS = p_int("units", 10, "number of units", maximum=4096)
RATE = p_float("rate", 0.5, "probability", minimum=0, maximum=1)
BIAS = p_bool("bias", True, "learn a bias")
MODE = p_choice("mode", "zeros", ("zeros", "reflect"), "border padding")
TITLE = ParamSpec("title", "str", "", "a caption")
KERNEL = p_ints("kernel_size", (3, 3), "filter size", length=2)
SHAPE = p_ints("shape", (784,), "sample shape")
SCALES = ParamSpec("scales", "floats", (1.0, 1.0), "per-axis scale", length=2, minimum=0)
STRIDE = p_ints("stride", None, "window step", length=2, optional=True)
IN_FEATURES = p_int("in_features", None, "filled from the input", auto=True)


def reject(spec: ParamSpec, value: Any, *fragments: str) -> ParamError:
    """Assert `spec` rejects `value` with a ParamError that names the parameter."""
    with pytest.raises(ParamError) as caught:
        spec.check(value)
    error = caught.value
    assert error.param == spec.name
    assert f"'{spec.name}'" in str(error)
    for fragment in fragments:
        assert fragment in str(error)
    return error


# --- int -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1, 10, 4096])
def test_int_accepts_whole_numbers_in_range(value: int) -> None:
    assert UNITS.check(value) == value
    assert type(UNITS.check(value)) is int


def test_int_accepts_integral_float_as_int() -> None:
    result = UNITS.check(3.0)
    assert result == 3
    assert type(result) is int


@pytest.mark.parametrize("value", [3.5, "3", [3], True, False, math.nan, math.inf, -math.inf])
def test_int_rejects_non_whole_numbers_and_bools(value: Any) -> None:
    reject(UNITS, value, "whole number")


def test_int_range_messages_give_the_bound_and_the_value() -> None:
    reject(UNITS, 0, "at least 1", "got 0")
    reject(UNITS, 4097, "at most 4096", "got 4097")


def test_int_without_minimum_takes_negatives() -> None:
    dim = p_int("dim", -1, "dimension", minimum=None)
    assert dim.check(-1) == -1


# --- float ---------------------------------------------------------------------------------


def test_float_accepts_numbers_and_converts_ints() -> None:
    assert RATE.check(0.25) == 0.25
    result = RATE.check(1)
    assert result == 1.0
    assert type(result) is float


@pytest.mark.parametrize("value", [True, False, "0.5", None, [0.5]])
def test_float_rejects_non_numbers(value: Any) -> None:
    reject(RATE, value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_float_rejects_nan_and_infinity(value: float) -> None:
    reject(p_float("lr", 1e-3, "learning rate"), value, "finite")


def test_float_range_is_inclusive() -> None:
    assert RATE.check(0) == 0.0
    assert RATE.check(1.0) == 1.0
    reject(RATE, -0.1, "at least 0", "got -0.1")
    reject(RATE, 1.5, "at most 1", "got 1.5")


# --- bool, choice, str ---------------------------------------------------------------------


@pytest.mark.parametrize("value", [True, False])
def test_bool_accepts_bools(value: bool) -> None:
    assert BIAS.check(value) is value


@pytest.mark.parametrize("value", [0, 1, "true", 1.0, None])
def test_bool_rejects_everything_else(value: Any) -> None:
    reject(BIAS, value)


def test_choice_accepts_members_and_lists_the_options_otherwise() -> None:
    assert MODE.check("reflect") == "reflect"
    reject(MODE, "mirror", "'zeros', 'reflect'", "'mirror'")
    reject(MODE, None)


def test_str_accepts_text_only() -> None:
    assert TITLE.check("hello") == "hello"
    reject(TITLE, 3, "text")


# --- tuples --------------------------------------------------------------------------------


def test_ints_accepts_tuples_and_lists_as_tuples() -> None:
    assert KERNEL.check((3, 5)) == (3, 5)
    assert KERNEL.check([3, 5]) == (3, 5)
    assert isinstance(KERNEL.check([3, 5]), tuple)


def test_ints_expands_a_scalar_to_the_fixed_length() -> None:
    assert KERNEL.check(3) == (3, 3)
    assert KERNEL.check(3.0) == (3, 3)
    assert all(type(v) is int for v in KERNEL.check(3.0))


def test_ints_converts_integral_floats_inside() -> None:
    assert KERNEL.check((3.0, 5)) == (3, 5)


@pytest.mark.parametrize("value", [(3,), (3, 3, 3), []])
def test_ints_rejects_the_wrong_length(value: Any) -> None:
    reject(KERNEL, value, "must have 2 values", f"got {len(value)}")


@pytest.mark.parametrize("value", [(3, 3.5), (3, True), (3, "3"), (3, math.nan)])
def test_ints_rejects_bad_items(value: Any) -> None:
    reject(KERNEL, value, "whole number")


@pytest.mark.parametrize("value", ["33", True, {"h": 3}])
def test_ints_rejects_non_sequences(value: Any) -> None:
    reject(KERNEL, value, "list of numbers")


def test_ints_checks_the_range_of_each_item() -> None:
    reject(KERNEL, (0, 3), "at least 1", "got 0")


def test_ints_of_free_length_expands_a_scalar_to_one_item() -> None:
    assert SHAPE.check(784) == (784,)
    assert SHAPE.check((3, 32, 32)) == (3, 32, 32)


def test_ints_of_free_length_needs_at_least_min_length_items() -> None:
    reject(SHAPE, (), "at least 1 value")
    two_or_more = p_ints("sizes", (1, 2), "sizes", min_length=2)
    reject(two_or_more, (5,), "at least 2 value")


def test_floats_accepts_numbers_and_rejects_non_finite_items() -> None:
    assert SCALES.check((0.5, 2)) == (0.5, 2.0)
    assert all(type(v) is float for v in SCALES.check((0.5, 2)))
    assert SCALES.check(2) == (2.0, 2.0)
    reject(SCALES, (0.5, math.nan), "finite")
    reject(SCALES, (0.5, math.inf), "finite")
    reject(SCALES, (0.5, -1), "at least 0")
    reject(SCALES, (0.5, False), "number")


# --- None ----------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", [UNITS, RATE, BIAS, MODE, TITLE, KERNEL])
def test_none_is_rejected_where_a_value_is_needed(spec: ParamSpec) -> None:
    assert not spec.accepts_none
    error = reject(spec, None, "needs a value")
    assert spec.doc in str(error)


@pytest.mark.parametrize("spec", [STRIDE, IN_FEATURES])
def test_none_is_accepted_where_optional_or_auto(spec: ParamSpec) -> None:
    assert spec.accepts_none
    assert spec.check(None) is None


def test_optional_and_auto_values_are_still_checked_when_given() -> None:
    assert STRIDE.check(2) == (2, 2)
    reject(STRIDE, (2, 0), "at least 1")
    assert IN_FEATURES.check(784) == 784
    reject(IN_FEATURES, 0.5, "whole number")


# --- messages and small helpers ------------------------------------------------------------


def test_owner_prefixes_the_message() -> None:
    with pytest.raises(ParamError) as caught:
        KERNEL.check((3,), owner="Conv2d 'conv1'")
    assert str(caught.value).startswith("Conv2d 'conv1': 'kernel_size'")


def test_param_error_is_a_graph_error_carrying_the_parameter() -> None:
    error = ParamError("bad", node_id="fc1", param="units")
    assert isinstance(error, GraphError)
    assert (error.node_id, error.param, error.message) == ("fc1", "units", "bad")


def test_display_name_is_the_label_or_the_spaced_name() -> None:
    assert IN_FEATURES.display_name == "in features"
    assert p_int("n", 1, "doc", label="Units").display_name == "Units"


def test_to_json_writes_tuples_as_lists() -> None:
    assert KERNEL.to_json((3, 3)) == [3, 3]
    assert UNITS.to_json(5) == 5
    assert STRIDE.to_json(None) is None
