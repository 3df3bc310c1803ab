"""Parameter specifications: the typed, documented knobs of a layer.

The inspector builds its form from these, the file reader checks values with them, and the
catalogue passes the checked values to the layer's constructor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal, NoReturn

from netstudio.core import param_messages as words
from netstudio.core.errors import ParamError
from netstudio.core.messages import Message, Phrase, Template

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
        name = self.name
        if value is None:
            if self.accepts_none:
                return None
            self._refuse(owner, words.NEEDS_VALUE(param=name, doc=Phrase("Layers", self.doc)))
        if self.kind == "int":
            return self._check_number(self._as_int(value, owner), owner)
        if self.kind == "float":
            return self._check_number(self._as_float(value, owner), owner)
        if self.kind == "bool":
            if not isinstance(value, bool):
                self._refuse(owner, words.NOT_BOOL(param=name, value=repr(value)))
            return value
        if self.kind == "choice":
            if value not in self.choices:
                options = ", ".join(repr(c) for c in self.choices)
                self._refuse(
                    owner, words.NOT_CHOICE(param=name, options=options, value=repr(value))
                )
            return value
        if self.kind == "str":
            if not isinstance(value, str):
                self._refuse(owner, words.NOT_TEXT(param=name, value=repr(value)))
            return value
        return self._check_tuple(value, owner)

    def _refuse(self, owner: str, problem: Message) -> NoReturn:
        """Raise the ParamError of `problem`, the node's label in front."""
        raise ParamError(words.owned(owner, problem), param=self.name)

    def _as_int(self, value: Any, owner: str) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._refuse(owner, words.NOT_WHOLE(param=self.name, value=repr(value)))
        if isinstance(value, float):
            if not value.is_integer():
                self._refuse(owner, words.NOT_WHOLE(param=self.name, value=repr(value)))
            value = int(value)
        return value

    def _as_float(self, value: Any, owner: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._refuse(owner, words.NOT_NUMBER(param=self.name, value=repr(value)))
        value = float(value)
        if not math.isfinite(value):
            self._refuse(owner, words.NOT_FINITE(param=self.name, value=repr(value)))
        return value

    def _check_number(self, value: float, owner: str) -> Any:
        low, high = self.minimum, self.maximum
        if low is not None and value < low:
            self._refuse_bound(owner, value, words.TOO_SMALL, words.TOO_SMALL_RANGE)
        if high is not None and value > high:
            self._refuse_bound(owner, value, words.TOO_LARGE, words.TOO_LARGE_RANGE)
        return value

    def _refuse_bound(
        self, owner: str, value: float, alone: Template, with_range: Template
    ) -> NoReturn:
        """Refuse a number out of range, saying the whole range where both ends exist."""
        low, high = self.minimum, self.maximum
        said = {"param": self.name, "value": _fmt(value)}
        said |= {"minimum": _fmt(low)} if low is not None else {}
        said |= {"maximum": _fmt(high)} if high is not None else {}
        if low is not None and high is not None:
            self._refuse(owner, with_range(low=_fmt(low), high=_fmt(high), **said))
        self._refuse(owner, alone(**said))

    def _check_tuple(self, value: Any, owner: str) -> tuple[Any, ...]:
        name = self.name
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = (value,) * (self.length or 1)
        if not isinstance(value, (list, tuple)):
            self._refuse(owner, words.NOT_A_LIST(param=name, value=repr(value)))
        count = str(len(value))
        if self.length is not None and len(value) != self.length:
            self._refuse(
                owner, words.WRONG_LENGTH(param=name, length=str(self.length), count=count)
            )
        if len(value) < self.min_length:
            self._refuse(owner, words.TOO_FEW(param=name, length=str(self.min_length)))
        if len(value) > self.max_length:
            self._refuse(
                owner, words.TOO_MANY(param=name, length=str(self.max_length), count=count)
            )
        convert = self._as_int if self.kind == "ints" else self._as_float
        return tuple(self._check_number(convert(item, owner), owner) for item in value)

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
