"""Parameter specifications: the typed, documented knobs of a layer.

The inspector builds its form from these, the file reader checks values with them, and the
catalogue passes the checked values to the layer's constructor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from netstudio.core.errors import ParamError

ParamKind = Literal["int", "float", "bool", "choice", "str", "ints", "floats"]

# Upper bounds of the layer catalogue's numbers. Generous for real networks, but small enough
# that no value a file can hold makes a constructor loop for minutes or a size overflow: a
# number read from a file is checked against its bound before any module is built.

#: Features, channels, units and heads a layer makes (out_features, hidden_size ...).
MAX_WIDTH = 2**20
#: Sizes that come from the data: a sample's dimensions, a vocabulary, a layer's input size
#: (a flattened image has more features than any layer makes).
MAX_EXTENT = 2**24
#: Kernel sizes, strides, paddings and dilations of convolutions and pooling windows.
MAX_WINDOW = 2**16
#: Dimension indices and the number of dimensions of a shape (torch tensors have at most 64).
MAX_RANK = 64


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a layer.

    kind: ``int``, ``float``, ``bool``, ``choice`` (one of `choices`), ``str``, ``ints`` or
    ``floats`` (a tuple; `length` fixes its length, `min_length` and `max_length` bound it).
    minimum / maximum: the allowed range of a number (of each number of a tuple).
    optional: ``None`` is accepted (shown as "none"/"auto").
    auto: the value is filled from the upstream tensor shape when left ``None`` (the user only
    sets outputs, e.g. ``in_features``; an Input's ``shape`` is filled from the data's sample
    shape); implies `optional`.
    """

    name: str
    kind: ParamKind
    default: Any
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    length: int | None = None
    min_length: int = 1
    max_length: int = MAX_RANK
    optional: bool = False
    auto: bool = False
    label: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def display_name(self) -> str:
        return self.label or self.name.replace("_", " ")

    @property
    def accepts_none(self) -> bool:
        return self.optional or self.auto

    def check(self, value: Any, owner: str = "") -> Any:
        """Return `value` in canonical form (ints as int, tuples as tuple) or raise ParamError.

        `owner` prefixes the message, e.g. "Conv2d 'conv1'".
        """
        where = f"{owner}: " if owner else ""
        if value is None:
            if self.accepts_none:
                return None
            raise ParamError(f"{where}'{self.name}' needs a value ({self.doc})", param=self.name)
        if self.kind == "int":
            return self._check_number(self._as_int(value, where), where)
        if self.kind == "float":
            return self._check_number(self._as_float(value, where), where)
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ParamError(
                    f"{where}'{self.name}' must be true or false, got {value!r}", param=self.name
                )
            return value
        if self.kind == "choice":
            if value not in self.choices:
                options = ", ".join(repr(c) for c in self.choices)
                raise ParamError(
                    f"{where}'{self.name}' must be one of {options}, got {value!r}",
                    param=self.name,
                )
            return value
        if self.kind == "str":
            if not isinstance(value, str):
                raise ParamError(
                    f"{where}'{self.name}' must be text, got {value!r}", param=self.name
                )
            return value
        return self._check_tuple(value, where)

    def _as_int(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(
                f"{where}'{self.name}' must be a whole number, got {value!r}", param=self.name
            )
        if isinstance(value, float):
            if not value.is_integer():
                raise ParamError(
                    f"{where}'{self.name}' must be a whole number, got {value!r}", param=self.name
                )
            value = int(value)
        return value

    def _as_float(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(
                f"{where}'{self.name}' must be a number, got {value!r}", param=self.name
            )
        value = float(value)
        if not math.isfinite(value):
            raise ParamError(f"{where}'{self.name}' must be finite, got {value!r}", param=self.name)
        return value

    def _check_number(self, value: float, where: str) -> Any:
        if self.minimum is not None and value < self.minimum:
            raise ParamError(
                f"{where}'{self.name}' must be at least {_fmt(self.minimum)}, got {_fmt(value)}"
                + self._range_hint(),
                param=self.name,
            )
        if self.maximum is not None and value > self.maximum:
            raise ParamError(
                f"{where}'{self.name}' must be at most {_fmt(self.maximum)}, got {_fmt(value)}"
                + self._range_hint(),
                param=self.name,
            )
        return value

    def _range_hint(self) -> str:
        """What to do about a number out of range: the whole range, where both ends exist."""
        if self.minimum is None or self.maximum is None:
            return ""
        return f": choose a value from {_fmt(self.minimum)} to {_fmt(self.maximum)}"

    def _check_tuple(self, value: Any, where: str) -> tuple[Any, ...]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = (value,) * (self.length or 1)
        if not isinstance(value, (list, tuple)):
            raise ParamError(
                f"{where}'{self.name}' must be a list of numbers, got {value!r}", param=self.name
            )
        if self.length is not None and len(value) != self.length:
            raise ParamError(
                f"{where}'{self.name}' must have {self.length} values, got {len(value)}",
                param=self.name,
            )
        if len(value) < self.min_length:
            raise ParamError(
                f"{where}'{self.name}' needs at least {self.min_length} value(s)", param=self.name
            )
        if len(value) > self.max_length:
            raise ParamError(
                f"{where}'{self.name}' takes at most {self.max_length} values, got {len(value)}",
                param=self.name,
            )
        convert = self._as_int if self.kind == "ints" else self._as_float
        return tuple(self._check_number(convert(item, where), where) for item in value)

    def to_json(self, value: Any) -> Any:
        """The value as it is written in a .net file (tuples become lists)."""
        if isinstance(value, tuple):
            return list(value)
        return value


def _fmt(number: float) -> str:
    if isinstance(number, int):
        return str(number)
    return str(int(number)) if number.is_integer() else repr(number)


def p_int(
    name: str,
    default: Any,
    doc: str,
    *,
    minimum: float | None = 1,
    maximum: float | None = None,
    optional: bool = False,
    auto: bool = False,
    label: str = "",
) -> ParamSpec:
    return ParamSpec(
        name,
        "int",
        default,
        doc,
        minimum=minimum,
        maximum=maximum,
        optional=optional,
        auto=auto,
        label=label,
    )


def p_float(
    name: str,
    default: float,
    doc: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    optional: bool = False,
    label: str = "",
) -> ParamSpec:
    return ParamSpec(
        name,
        "float",
        default,
        doc,
        minimum=minimum,
        maximum=maximum,
        optional=optional,
        label=label,
    )


def p_bool(name: str, default: bool, doc: str, *, label: str = "") -> ParamSpec:
    return ParamSpec(name, "bool", default, doc, label=label)


def p_choice(
    name: str, default: Any, choices: tuple[Any, ...], doc: str, *, label: str = ""
) -> ParamSpec:
    return ParamSpec(name, "choice", default, doc, choices=choices, label=label)


def p_ints(
    name: str,
    default: Any,
    doc: str,
    *,
    length: int | None = None,
    min_length: int = 1,
    minimum: float | None = 1,
    maximum: float | None = None,
    optional: bool = False,
    auto: bool = False,
    label: str = "",
) -> ParamSpec:
    return ParamSpec(
        name,
        "ints",
        default,
        doc,
        minimum=minimum,
        maximum=maximum,
        length=length,
        min_length=min_length,
        optional=optional,
        auto=auto,
        label=label,
    )
