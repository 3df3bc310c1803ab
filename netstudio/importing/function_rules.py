"""Traced functional ops: the catalogue layer that does the same, or a generic Function node.

`op_name` gives an fx ``call_function`` / ``call_method`` target the dotted name the Function
layer knows (``torch.nn.functional.hardtanh``, ``method:mean``); `layer_for_op` says which
catalogue layer replaces an op (``F.relu`` → ReLU, ``torch.cat`` → Concat, ``x + y`` → Add)
when its arguments fit that layer, and None when a Function node should call it instead.
For a Function node, `out_of_place` turns ``inplace=True`` off and `encode_arguments` writes
the arguments as the JSON the Function layer stores.
"""

from __future__ import annotations

import importlib
import inspect
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netstudio.core.modules import FunctionCall
from netstudio.core.shapes import dtype_name


@dataclass(frozen=True)
class Ref:
    """A tensor of the graph being built: a node's output port, with its shape and dtype."""

    node_id: str
    port: str
    shape: tuple[int, ...]
    dtype: str


#: In-place operator functions and their plain twins: the graph never mutates a tensor.
_IN_PLACE = {
    operator.iadd: operator.add,
    operator.isub: operator.sub,
    operator.imul: operator.mul,
    operator.itruediv: operator.truediv,
    operator.ifloordiv: operator.floordiv,
    operator.imatmul: operator.matmul,
}


def op_name(op: str, target: Any) -> str:
    """The Function layer's name for an fx op; raises ValueError for a target outside the
    allowlist, saying what it is."""
    if op == "call_method":
        name = str(target)
        plain = name.rstrip("_")
        if name != plain and not name.startswith("_") and hasattr(_tensor_type(), plain):
            name = plain  # x.relu_() → x.relu(): the graph never mutates a tensor
        full = f"method:{name}"
    else:
        target = _IN_PLACE.get(target, target)
        attr = getattr(target, "__name__", "")
        full = ""
        for namespace in ("torch.nn.functional", *FunctionCall.NAMESPACES):
            if getattr(importlib.import_module(namespace), attr, None) is target and attr:
                full = f"{namespace}.{attr}"
                break
        if not full:
            where = getattr(target, "__module__", None) or "?"
            raise ValueError(f"{where}.{attr or repr(target)} is not a torch or operator function")
    FunctionCall.resolve(full)
    return full


def _tensor_type() -> type:
    import torch

    return torch.Tensor


def _bind(names: Sequence[str], args: Sequence[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    if len(args) > len(names):
        raise TypeError("more arguments than the layer has")
    bound = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        key = "input" if key == "self" else key
        if key in bound:
            raise TypeError(f"{key} given twice")
        bound[key] = value
    return bound


def _dim(value: Any, rank: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value + rank if value < 0 else value


Rule = Callable[[dict[str, Any]], tuple[str, dict[str, Any], list[Ref]] | None]


def _one(type_id: str, **fixed: Any) -> Rule:
    """A rule for a one-input activation whose other arguments must be `fixed` or defaults."""

    def rule(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
        params = {}
        for name, default in fixed.items():
            value = a.get(name, default)
            if isinstance(value, Ref):
                return None
            params[name] = value
        if not isinstance(a.get("input"), Ref):
            return None
        return type_id, params, [a["input"]]

    return rule


def _softmax(type_id: str) -> Rule:
    def rule(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
        x = a.get("input")
        if not isinstance(x, Ref) or a.get("dim") is None or a.get("dtype") is not None:
            return None
        return type_id, {"dim": a["dim"]}, [x]

    return rule


def _merge(type_id: str) -> Rule:
    def rule(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
        x, y = a.get("input"), a.get("other")
        if not (isinstance(x, Ref) and isinstance(y, Ref)) or a.get("alpha", 1) != 1:
            return None
        if x.shape != y.shape:  # broadcasting: a Function node does it
            return None
        return type_id, {}, [x, y]

    return rule


def _flatten(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x = a.get("input")
    if not isinstance(x, Ref):
        return None
    start = _dim(a.get("start_dim", 0), len(x.shape))
    end = a.get("end_dim", -1)
    if start is None or start < 1 or _dim(end, len(x.shape)) is None:
        return None
    return "Flatten", {"start_dim": start, "end_dim": end}, [x]


def _cat(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    tensors = a.get("tensors")
    if not isinstance(tensors, (list, tuple)) or not 2 <= len(tensors) <= 16:
        return None
    if not all(isinstance(t, Ref) for t in tensors):
        return None
    dim = a.get("dim", 0)
    if _dim(dim, len(tensors[0].shape)) in (None, 0):
        return None
    return "Concat", {"dim": dim}, list(tensors)


def _adaptive_avg(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x, size = a.get("input"), a.get("output_size")
    size = (size, size) if isinstance(size, int) else size
    if not isinstance(x, Ref) or not isinstance(size, (tuple, list)) or len(size) != 2:
        return None
    if not all(isinstance(s, int) for s in size):
        return None
    return "AdaptiveAvgPool2d", {"output_size": tuple(size)}, [x]


def _dropout(type_id: str) -> Rule:
    def rule(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
        x, p = a.get("input"), a.get("p", 0.5)
        if not isinstance(x, Ref) or not isinstance(p, (int, float)):
            return None
        return type_id, {"p": float(p)}, [x]  # the layer follows train/eval itself

    return rule


_ACT = ("input", "inplace")
#: Op name (without namespace) → (argument names in order, rule).
RULES: dict[str, tuple[tuple[str, ...], Rule]] = {
    "relu": (_ACT, _one("ReLU")),
    "sigmoid": (("input",), _one("Sigmoid")),
    "tanh": (("input",), _one("Tanh")),
    "silu": (_ACT, _one("SiLU")),
    "gelu": (("input", "approximate"), _one("GELU", approximate="none")),
    "leaky_relu": (("input", "negative_slope", "inplace"), _one("LeakyReLU", negative_slope=0.01)),
    "elu": (("input", "alpha", "inplace"), _one("ELU", alpha=1.0)),
    "softmax": (("input", "dim", "_stacklevel", "dtype"), _softmax("Softmax")),
    "log_softmax": (("input", "dim", "_stacklevel", "dtype"), _softmax("LogSoftmax")),
    "dropout": (("input", "p", "training", "inplace"), _dropout("Dropout")),
    "dropout2d": (("input", "p", "training", "inplace"), _dropout("Dropout2d")),
    "flatten": (("input", "start_dim", "end_dim"), _flatten),
    "add": (("input", "other", "alpha"), _merge("Add")),
    "mul": (("input", "other"), _merge("Multiply")),
    "cat": (("tensors", "dim"), _cat),
    "concat": (("tensors", "dim"), _cat),
    "concatenate": (("tensors", "dim"), _cat),
    "adaptive_avg_pool2d": (("input", "output_size"), _adaptive_avg),
}

#: Ops that only give the tensor a new shape: a Reshape layer with the traced output shape.
RESHAPES = frozenset({"method:view", "method:reshape", "torch.reshape"})


def layer_for_op(
    name: str, args: Sequence[Any], kwargs: Mapping[str, Any]
) -> tuple[str, dict[str, Any], list[Ref]] | None:
    """(type id, params, input tensors) of the catalogue layer that does op `name`, or None."""
    short = name.removeprefix("method:").rpartition(".")[2]
    if name.startswith("operator."):
        short = {"add": "add", "mul": "mul"}.get(short, "")
    entry = RULES.get(short)
    if entry is None:
        return None
    names, rule = entry
    try:
        bound = _bind(names, args, kwargs)
    except TypeError:
        return None
    if set(bound) - set(names):
        return None
    return rule(bound)


def out_of_place(op: str, target: Any, args: Any, kwargs: Any) -> tuple[Any, Any]:
    """Arguments with ``inplace=True`` turned off: a graph node never mutates its input."""
    if op != "call_function":
        return args, kwargs
    try:
        bound = inspect.signature(target).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return args, kwargs
    if bound.arguments.get("inplace") is True:
        bound.arguments["inplace"] = False
        return bound.args, bound.kwargs
    return args, kwargs


def encode_arguments(value: Any, refs: list[Ref]) -> Any:
    """`value` as the Function layer's JSON (see `netstudio.core.modules.FunctionCall`).

    A tensor becomes ``{"$input": i}``, `i` its index in `refs` (the node's inputs, in order).
    Raises TypeError for a value the JSON cannot hold.
    """
    import torch

    if isinstance(value, Ref):
        return {"$input": refs.index(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return {"$tuple": [encode_arguments(v, refs) for v in value]}
    if isinstance(value, list):
        return [encode_arguments(v, refs) for v in value]
    if isinstance(value, dict):
        return {str(k): encode_arguments(v, refs) for k, v in value.items()}
    if isinstance(value, slice):
        return {
            "$slice": [encode_arguments(v, refs) for v in (value.start, value.stop, value.step)]
        }
    if value is Ellipsis:
        return {"$ellipsis": None}
    if isinstance(value, torch.dtype):
        return {"$dtype": dtype_name(value)}
    raise TypeError(f"{value!r} ({type(value).__name__})")
