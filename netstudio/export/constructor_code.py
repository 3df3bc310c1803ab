"""Constructor calls as Python source: the arguments a layer's module was built with, written
the way a person writes them (required ones by position, the others by keyword where they
differ from the default, ``(3, 3)`` as ``3`` where torch takes one int for every side).

`recorded_call` finds the arguments by watching the layer's build function construct the
module (on the meta device: nothing is allocated); `bound_arguments` gives every argument's
value, to see which ones differ between the copies of a block; `call_arguments` writes them.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any

from netstudio.export import export_messages as said
from netstudio.export.code import literal
from netstudio.export.errors import ExportError

#: Constructor arguments that torch accepts as one int for every dimension.
_PER_DIMENSION = frozenset({"kernel_size", "stride", "padding", "dilation", "output_padding"})
_CONV_OR_POOL = re.compile(r"^(Conv|ConvTranspose|MaxPool|AvgPool)[123]d$")


def annotation(value: Any) -> str:
    """The type hint of a constructor argument that takes values like `value`."""
    if isinstance(value, (bool, int, float, str)):
        return type(value).__name__
    if isinstance(value, tuple) and value and all(type(v) is int for v in value):
        return "tuple[int, ...]"
    return "Any"


def bound_arguments(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Every constructor argument of `cls` by name (defaults filled in, as `call_arguments` writes
    it); those gathered by ``*args`` / ``**kwargs`` under ``*name`` / ``**name``."""
    signature = inspect.signature(cls)
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    values: dict[str, Any] = {}
    for name, param in signature.parameters.items():
        value = bound.arguments.get(name)
        if param.kind is param.VAR_POSITIONAL:
            values[f"*{name}"] = tuple(value or ())
        elif param.kind is param.VAR_KEYWORD:
            values[f"**{name}"] = dict(value or {})
        else:
            values[name] = _simplified(cls, name, value)
    return values


def call_arguments(
    cls: type,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    variables: Mapping[str, str] | None = None,
) -> list[str]:
    """Constructor arguments as source: required ones by position, the others by keyword and
    only where they differ from the default; an argument named in `variables` is given the
    variable of that name (a block class's constructor argument), always."""
    variables = variables or {}
    signature = inspect.signature(cls)
    bound = signature.bind(*args, **kwargs)
    rendered: list[str] = []
    positional = True
    for name, param in signature.parameters.items():
        if param.kind is param.VAR_POSITIONAL:
            rendered.extend(literal(v) for v in bound.arguments.get(name, ()))
            continue
        if param.kind is param.VAR_KEYWORD:
            extra = bound.arguments.get(name, {})
            rendered.extend(f"{k}={literal(v)}" for k, v in extra.items())
            continue
        required = param.default is param.empty
        if name in variables:
            if required and positional and param.kind is not param.KEYWORD_ONLY:
                rendered.append(variables[name])
            else:
                positional = False
                rendered.append(f"{name}={variables[name]}")
            continue
        if name not in bound.arguments:
            positional = False
            continue
        value = _simplified(cls, name, bound.arguments[name])
        if required and positional and param.kind is not param.KEYWORD_ONLY:
            rendered.append(literal(value))
            continue
        positional = False
        if not required and same_value(value, param.default):
            continue
        rendered.append(f"{name}={literal(value)}")
    return rendered


def _simplified(cls: type, name: str, value: Any) -> Any:
    """``(3, 3)`` as ``3`` where a torch convolution or pooling takes one int for all sides."""
    if (
        name in _PER_DIMENSION
        and isinstance(value, tuple)
        and value
        and len(set(value)) == 1
        and cls.__module__.startswith("torch.nn")
        and _CONV_OR_POOL.match(cls.__name__)
    ):
        return value[0]
    return value


def same_value(value: Any, default: Any) -> bool:
    """Whether `value` is the default (True is not 1 here)."""
    return isinstance(value, bool) == isinstance(default, bool) and value == default


def recorded_call(cls: type, build: Callable[[], Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The arguments `build` passes to the constructor of `cls` (its outermost call)."""
    import torch

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    own = "__init__" in cls.__dict__
    original = cls.__init__

    @functools.wraps(original)
    def record(self: Any, *args: Any, **kwargs: Any) -> None:
        if not calls:
            calls.append((args, dict(kwargs)))
        original(self, *args, **kwargs)

    cls.__init__ = record  # type: ignore[misc]
    try:
        with torch.device("meta"):
            build()
    finally:
        if own:
            cls.__init__ = original  # type: ignore[misc]
        else:
            del cls.__init__
    if not calls:
        raise ExportError(said.NOT_BUILT(layer=cls.__name__))
    return calls[0]
