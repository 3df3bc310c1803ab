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
from netstudio.importing.import_messages import NOT_TORCH_FUNCTION


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
            raise ValueError(NOT_TORCH_FUNCTION(function=f"{where}.{attr or repr(target)}"))
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


@dataclass(frozen=True)
class LayerCall:
    """The catalogue layer that does an op: its type, parameters and input tensors, and the
    layers that follow it when one op takes several (``x.mean((2, 3))`` is a global average
    pool and a Flatten); each of those takes the previous output, then its `extra` inputs."""

    type_id: str
    params: dict[str, Any]
    inputs: list[Ref]
    then: tuple[tuple[str, dict[str, Any], tuple[Ref, ...]], ...] = ()


Rule = Callable[[dict[str, Any]], "LayerCall | tuple[str, dict[str, Any], list[Ref]] | None"]


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
        if x.shape != y.shape and not (type_id == "Multiply" and _gates(x.shape, y.shape)):
            return None  # other broadcasting: a Function node does it
        return type_id, {}, [x, y]

    return rule


def _gates(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether Multiply takes shapes `a` and `b`: one rank, each dimension equal or 1."""
    return len(a) == len(b) and all(x == y or 1 in (x, y) for x, y in zip(a, b, strict=True))


def _floats(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float))


def _hardtanh(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x, low, high = a.get("input"), a.get("min_val", -1.0), a.get("max_val", 1.0)
    if not isinstance(x, Ref) or not (_floats(low) and _floats(high)):
        return None
    if (low, high) == (0, 6):
        return "ReLU6", {}, [x]
    return "Hardtanh", {"min_val": float(low), "max_val": float(high)}, [x]


def _softplus(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x, beta, threshold = a.get("input"), a.get("beta", 1.0), a.get("threshold", 20.0)
    if not isinstance(x, Ref) or not (_floats(beta) and _floats(threshold)):
        return None
    return "Softplus", {"beta": float(beta), "threshold": float(threshold)}, [x]


def _pair(value: Any) -> tuple[int, int] | None:
    """A 2-D window size as two ints (one int stands for both), or None."""
    value = (value, value) if isinstance(value, int) else value
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return None
    return int(value[0]), int(value[1])


def _pool2d(kind: str) -> Rule:
    """``F.max_pool2d`` / ``F.avg_pool2d`` on (N, C, H, W) as MaxPool2d / AvgPool2d."""

    def rule(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
        x = a.get("input")
        if not isinstance(x, Ref) or len(x.shape) != 4:
            return None
        kernel, padding = _pair(a.get("kernel_size")), _pair(a.get("padding", 0))
        given = a.get("stride")
        stride = None if given in (None, [], ()) else _pair(given)  # [] means the kernel size
        if kernel is None or padding is None or (stride is None and given not in (None, [], ())):
            return None
        if kind == "Max" and (_pair(a.get("dilation", 1)) != (1, 1) or a.get("return_indices")):
            return None
        if kind == "Avg" and (
            a.get("count_include_pad", True) is not True or a.get("divisor_override") is not None
        ):
            return None
        params = {"kernel_size": kernel, "stride": stride, "padding": padding}
        params["ceil_mode"] = bool(a.get("ceil_mode", False))
        return f"{kind}Pool2d", params, [x]

    return rule


def _adaptive_max(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x, size = a.get("input"), _pair(a.get("output_size"))
    if not isinstance(x, Ref) or size is None or a.get("return_indices"):
        return None
    return "AdaptiveMaxPool2d", {"output_size": size}, [x]


def _pad(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    """``F.pad(x, (l, r, t, b))`` with zeros on (N, C, H, W): a ZeroPad2d."""
    x, pad = a.get("input"), a.get("pad")
    if not isinstance(x, Ref) or len(x.shape) != 4 or a.get("mode", "constant") != "constant":
        return None
    if a.get("value") not in (None, 0, 0.0) or not isinstance(pad, (tuple, list)):
        return None
    if len(pad) != 4 or not all(isinstance(v, int) and not isinstance(v, bool) for v in pad):
        return None
    if min(pad) < 0:
        return None
    return "ZeroPad2d", {"padding": tuple(pad)}, [x]


def _mean(a: dict[str, Any]) -> LayerCall | None:
    """The mean over height and width of (N, C, H, W): a global average pool (then a
    Flatten unless keepdim)."""
    x, dims = a.get("input"), a.get("dim")
    if not isinstance(x, Ref) or len(x.shape) != 4 or a.get("dtype") is not None:
        return None
    if not isinstance(dims, (tuple, list)) or {_dim(d, 4) for d in dims} != {2, 3}:
        return None
    if len(dims) != 2:
        return None
    pool = LayerCall("AdaptiveAvgPool2d", {"output_size": (1, 1)}, [x])
    if a.get("keepdim", False):
        return pool
    return LayerCall(pool.type_id, pool.params, pool.inputs, (("Flatten", {}, ()),))


def _permute(x: Any, dims: Any) -> tuple[str, dict[str, Any], list[Ref]] | None:
    if not isinstance(x, Ref) or not isinstance(dims, (tuple, list)):
        return None
    rank = len(x.shape)
    order = [_dim(d, rank) for d in dims]
    if len(order) != rank or sorted(o for o in order if o is not None) != list(range(rank)):
        return None
    if order[0] != 0:
        return None
    return "Permute", {"dims": tuple(order)}, [x]


def _swapaxes(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    return _transpose({"input": a.get("input"), "dim0": a.get("axis0"), "dim1": a.get("axis1")})


def _transpose(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    """Swapping two dimensions after the batch: a Permute."""
    x = a.get("input")
    if not isinstance(x, Ref):
        return None
    rank = len(x.shape)
    d0, d1 = _dim(a.get("dim0"), rank), _dim(a.get("dim1"), rank)
    if d0 is None or d1 is None or 0 in (d0, d1) or max(d0, d1) >= rank:
        return None
    order = list(range(rank))
    order[d0], order[d1] = d1, d0
    return _permute(x, order)


def _flatten(a: dict[str, Any]) -> tuple[str, dict[str, Any], list[Ref]] | None:
    x = a.get("input")
    if not isinstance(x, Ref):
        return None
    start = _dim(a.get("start_dim", 0), len(x.shape))
    end = a.get("end_dim", -1)
    if start is None or start < 1 or _dim(end, len(x.shape)) is None:
        return None
    return "Flatten", {"start_dim": start, "end_dim": end}, [x]


#: Most inputs one Concat layer takes (its ``inputs`` parameter's maximum).
_MAX_JOINED = 16


def _cat(a: dict[str, Any]) -> LayerCall | None:
    """``torch.cat`` as a Concat; of one tensor, an Identity; of more than one Concat takes,
    a chain of them (joining along one dimension is associative)."""
    tensors = a.get("tensors")
    if not isinstance(tensors, (list, tuple)) or not tensors:
        return None
    if not all(isinstance(t, Ref) for t in tensors):
        return None
    dim = a.get("dim", 0)
    if _dim(dim, len(tensors[0].shape)) in (None, 0):
        return None
    if len(tensors) == 1:
        return LayerCall("Identity", {}, [tensors[0]])
    first, rest = list(tensors[:_MAX_JOINED]), list(tensors[_MAX_JOINED:])
    then = []
    while rest:
        extra, rest = rest[: _MAX_JOINED - 1], rest[_MAX_JOINED - 1 :]
        then.append(("Concat", {"dim": dim}, tuple(extra)))
    return LayerCall("Concat", {"dim": dim}, first, tuple(then))


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
_AVG_POOL = (
    *("input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"),
    "divisor_override",
)
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
    "relu6": (_ACT, _one("ReLU6")),
    "hardtanh": (("input", "min_val", "max_val", "inplace"), _hardtanh),
    "hardswish": (_ACT, _one("Hardswish")),
    "hardsigmoid": (_ACT, _one("Hardsigmoid")),
    "mish": (_ACT, _one("Mish")),
    "softplus": (("input", "beta", "threshold"), _softplus),
    "adaptive_max_pool2d": (("input", "output_size", "return_indices"), _adaptive_max),
    "max_pool2d": (
        ("input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"),
        _pool2d("Max"),
    ),
    "avg_pool2d": (_AVG_POOL, _pool2d("Avg")),
    "pad": (("input", "pad", "mode", "value"), _pad),
    "mean": (("input", "dim", "keepdim", "dtype"), _mean),
    "transpose": (("input", "dim0", "dim1"), _transpose),
    "swapaxes": (("input", "axis0", "axis1"), _swapaxes),
}

#: Ops that only give the tensor a new shape: a Reshape layer with the traced output shape.
RESHAPES = frozenset({"method:view", "method:reshape", "torch.reshape"})


#: Ops that pass their input on unchanged in value (a graph of layers has no memory layout).
PASS_THROUGH = frozenset({"method:contiguous"})


def layer_for_op(name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> LayerCall | None:
    """The catalogue layer (or short chain of layers) that does op `name`, or None."""
    short = name.removeprefix("method:").rpartition(".")[2]
    if name.startswith("operator."):
        short = {"add": "add", "mul": "mul"}.get(short, "")
    if short == "permute":  # x.permute(0, 2, 1) or torch.permute(x, (0, 2, 1))
        x, rest = (args[0] if args else kwargs.get("input")), list(args[1:])
        dims = rest if len(rest) != 1 else rest[0]
        found = _permute(x, kwargs.get("dims", dims))
        return None if found is None else LayerCall(*found)
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
    found = rule(bound)
    return found if found is None or isinstance(found, LayerCall) else LayerCall(*found)


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
