"""Faster meta runs: the same layer modules, with the slow meta kernels of a few aten ops
answered directly.

Shape inference builds each layer's real torch module on the `meta` device and runs its real
`forward` there (see `netstudio.core.shapes`). On the meta device many aten ops have no C++
kernel: torch answers them with Python decompositions (``addmm`` as ``mm``, a multiply and a
broadcast add through its elementwise reference machinery), a fraction of a millisecond each,
ten times what the op's own arithmetic on shapes takes. `FastMeta`, a dispatch mode active only
while a module is built and run for inference, answers a few such ops itself, per aten op and
never per layer: the module's own code still decides what runs.

Each answer is given only in the plain case it is sure of (meta tensors, floating point,
laid out row-major without gaps, matching dtypes and sizes) and returns exactly what the plain
meta kernel returns: the same shapes, dtypes and strides (tests/core/test_meta_speed.py holds
every answer and every catalogue layer to that). Anything else, errors included, goes to the
plain kernel, so a layer that fails says what torch says. Initialisation ops (``uniform_``,
``normal_``, ``fill_``, ``zero_``) on meta tensors write no data, so they return their tensor.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, ExitStack, nullcontext
from typing import Any

import torch
from torch import nn
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode

_device_constructors: Callable[[], set[Any]] | None
try:
    from torch.utils._device import _device_constructors
except ImportError:  # a torch without it: `build_context` falls back on torch.device("meta")
    _device_constructors = None

aten = torch.ops.aten
META = torch.device("meta")

#: Dtypes whose norm statistics a meta kernel keeps in the input's own dtype (half-precision
#: inputs get float32 statistics: those go to the plain kernel).
_WIDE = (torch.float32, torch.float64)

Shape = tuple[int, ...]


def _row_major(tensor: Any) -> bool:
    """Whether `tensor` is a meta tensor laid out row-major without gaps: what a plain meta
    kernel makes of a fresh result, so an answer of that layout is the plain one."""
    if not isinstance(tensor, torch.Tensor) or not tensor.is_meta:
        return False
    expected = 1
    for size, stride in zip(reversed(tensor.shape), reversed(tensor.stride()), strict=True):
        if stride != expected:
            return False
        expected *= max(size, 1)
    return True


def _floating(*tensors: Any) -> bool:
    """Whether every tensor is row-major on meta, of one floating dtype."""
    first = tensors[0]
    return all(
        _row_major(t) and t.dtype == first.dtype and t.dtype.is_floating_point for t in tensors
    )


def _meta(*tensors: Any) -> bool:
    """Whether every argument is a meta tensor of one floating dtype, laid out in any way."""
    first = tensors[0]
    return (
        all(isinstance(t, torch.Tensor) and t.is_meta and t.dtype == first.dtype for t in tensors)
        and first.dtype.is_floating_point
    )


def _real(*numbers: Any) -> bool:
    return all(isinstance(n, (int, float)) for n in numbers)


def _broadcasts_to(shape: Sequence[int], target: Sequence[int]) -> bool:
    """Whether a tensor of `shape` broadcasts to `target` without changing it."""
    if len(shape) > len(target):
        return False
    return all(s in (1, t) for s, t in zip(reversed(shape), reversed(target), strict=False))


def _new(shape: Sequence[int], dtype: torch.dtype) -> torch.Tensor:
    return torch.empty(tuple(shape), dtype=dtype, device="meta")


def _optional(tensor: Any, shape: Sequence[int], dtype: torch.dtype) -> bool:
    """Whether an optional weight-like argument is absent, or row-major of `shape` and `dtype`."""
    return tensor is None or (
        _row_major(tensor) and tuple(tensor.shape) == tuple(shape) and tensor.dtype == dtype
    )


# --- the forward's ops -------------------------------------------------------------------------


def _addmm(bias: Any, mat1: Any, mat2: Any, *, beta: Any = 1, alpha: Any = 1) -> Any:
    """bias + mat1 @ mat2 (a Linear with a bias): the product's shape, when the bias fits it.
    The product is a fresh row-major tensor whatever the layout of its factors (the weight
    arrives transposed); the bias must be row-major, for the sum to keep that layout."""
    if not (_floating(bias) and _meta(bias, mat1, mat2) and _real(beta, alpha)):
        return None
    if mat1.dim() != 2 or mat2.dim() != 2 or mat1.shape[1] != mat2.shape[0]:
        return None
    shape = (mat1.shape[0], mat2.shape[1])
    return _new(shape, mat1.dtype) if _broadcasts_to(bias.shape, shape) else None


def _unary(tensor: Any, *_: Any) -> Any:
    """An elementwise op of one tensor (relu, sigmoid, tanh): a tensor like its input."""
    return _new(tensor.shape, tensor.dtype) if _floating(tensor) else None


def _unary_(tensor: Any) -> Any:
    """The in-place form: the tensor itself."""
    return tensor if _floating(tensor) else None


def _binary(left: Any, right: Any, *, alpha: Any = 1) -> Any:
    """add, sub, mul of two tensors of one shape and dtype."""
    if _floating(left, right) and left.shape == right.shape and _real(alpha):
        return _new(left.shape, left.dtype)
    return None


def _binary_(tensor: Any, other: Any, *, alpha: Any = 1) -> Any:
    """add_, mul_ of a tensor that broadcasts to `tensor`: `tensor` itself."""
    if (
        _floating(tensor)
        and isinstance(other, torch.Tensor)
        and other.is_meta
        and other.dtype == tensor.dtype
        and _broadcasts_to(other.shape, tensor.shape)
        and _real(alpha)
    ):
        return tensor
    return None


def _scale(tensor: Any, number: Any) -> Any:
    """mul by a Python number: a floating tensor keeps its dtype."""
    if _floating(tensor) and _real(number):
        return _new(tensor.shape, tensor.dtype)
    return None


def _dims(tensor: Any, dims: Any) -> list[int] | None:
    """`dims` as distinct non-negative dimensions of `tensor`, or None when they are not
    plain (none or empty means every dimension: left to the plain kernel)."""
    if isinstance(dims, int):
        dims = [dims]
    rank = tensor.dim()
    if not dims or not all(isinstance(d, int) and -rank <= d < rank for d in dims):
        return None
    normal = [d % rank for d in dims]
    return normal if len(set(normal)) == len(normal) else None


def _softmax(tensor: Any, dim: Any, option: Any = None) -> Any:
    """_log_softmax(x, dim, half_to_float=False) and _safe_softmax(x, dim, dtype=None)."""
    if option or not _floating(tensor) or _dims(tensor, dim) is None:
        return None
    return _new(tensor.shape, tensor.dtype)


def _mean(tensor: Any, dims: Any, keepdim: bool = False, *, dtype: Any = None) -> Any:
    """mean over some dimensions (a global average pool)."""
    reduced = _dims(tensor, dims) if dtype is None and _floating(tensor) else None
    if reduced is None or tensor.dtype not in _WIDE:
        return None
    shape = [
        1 if i in reduced else size
        for i, size in enumerate(tensor.shape)
        if keepdim or i not in reduced
    ]
    return _new(shape, tensor.dtype)


def _layer_norm(tensor: Any, normalized: Any, weight: Any, bias: Any, _eps: Any) -> Any:
    """(output, mean, rstd) of a LayerNorm over the last dimensions."""
    count = len(normalized)
    if not (_floating(tensor) and tensor.dtype in _WIDE) or not 0 < count <= tensor.dim():
        return None
    if tuple(tensor.shape[-count:]) != tuple(normalized):
        return None
    dtype = tensor.dtype
    if not (_optional(weight, normalized, dtype) and _optional(bias, normalized, dtype)):
        return None
    stats = (*tensor.shape[:-count], *([1] * count))
    return _new(tensor.shape, dtype), _new(stats, dtype), _new(stats, dtype)


def _batch_norm(
    tensor: Any,
    weight: Any,
    bias: Any,
    mean: Any,
    var: Any,
    training: bool,
    _momentum: Any,
    _eps: Any,
) -> Any:
    """(output, save_mean, save_invstd) of a BatchNorm in eval mode, with running statistics."""
    if training or not (_floating(tensor) and tensor.dtype in _WIDE) or tensor.dim() < 2:
        return None
    channels, dtype = (tensor.shape[1],), tensor.dtype
    if mean is None or var is None:
        return None
    if not all(_optional(t, channels, dtype) for t in (weight, bias, mean, var)):
        return None
    return _new(tensor.shape, dtype), _new(channels, dtype), _new(channels, dtype)


def _group_norm(
    tensor: Any, weight: Any, bias: Any, n: Any, c: Any, hxw: Any, groups: Any, _eps: Any
) -> Any:
    """(output, mean, rstd) of a GroupNorm."""
    if not (_floating(tensor) and tensor.dtype in _WIDE) or tensor.dim() < 2:
        return None
    shape, dtype = tuple(tensor.shape), tensor.dtype
    if (n, c, hxw) != (shape[0], shape[1], math.prod(shape[2:])):
        return None
    if not (isinstance(groups, int) and groups > 0 and c % groups == 0):
        return None
    if not (_optional(weight, (c,), dtype) and _optional(bias, (c,), dtype)):
        return None
    return _new(shape, dtype), _new((n, groups), dtype), _new((n, groups), dtype)


#: The answered ops. Each answer returns None where it is not sure: the plain kernel answers.
ANSWERS: dict[Any, Callable[..., Any]] = {
    aten.addmm.default: _addmm,
    aten.relu.default: _unary,
    aten.sigmoid.default: _unary,
    aten.tanh.default: _unary,
    aten.relu_.default: _unary_,
    aten.sigmoid_.default: _unary_,
    aten.tanh_.default: _unary_,
    aten.add.Tensor: _binary,
    aten.sub.Tensor: _binary,
    aten.mul.Tensor: _binary,
    aten.add_.Tensor: _binary_,
    aten.mul_.Tensor: _binary_,
    aten.mul.Scalar: _scale,
    aten._log_softmax.default: _softmax,
    aten._safe_softmax.default: _softmax,
    aten.mean.dim: _mean,
    aten.native_layer_norm.default: _layer_norm,
    aten.native_batch_norm.default: _batch_norm,
    aten.native_group_norm.default: _group_norm,
}


class FastMeta(TorchDispatchMode):
    """While active (on this thread), the ops of `ANSWERS` on meta tensors are answered
    directly where the answer is sure; every other op runs as it would without it.

    owner: the class of the module run under it, told on exit whether anything was answered
    (see `run_context`); `answered` counts the answers given.
    """

    def __init__(self, owner: type | None = None) -> None:
        super().__init__()
        self.answered = 0
        self._owner = owner

    def __torch_dispatch__(
        self, func: Any, types: Any, args: tuple[Any, ...] = (), kwargs: dict | None = None
    ) -> Any:
        kwargs = kwargs or {}
        answer = ANSWERS.get(func)
        if answer is not None:
            try:
                result = answer(*args, **kwargs)
            except TypeError:  # a call of another form than the answer's: the plain kernel
                result = None
            if result is not None:
                self.answered += 1
                return result
        return func(*args, **kwargs)

    def __exit__(self, *exc: Any) -> Any:
        if self._owner is not None:
            _idle[self._owner] = 0 if self.answered else _idle.get(self._owner, 0) + 1
        return super().__exit__(*exc)


#: Per module class, how many runs in a row under `FastMeta` it answered nothing.
_idle: dict[type, int] = {}
#: After this many, a class runs without the mode: the dispatch through Python costs every
#: op a few microseconds, a loss where torch's own meta kernels are fast (a convolution).
IDLE_RUNS = 8


def run_context(module: nn.Module) -> AbstractContextManager[Any]:
    """Where to run `module` on meta tensors: under `FastMeta`, unless the runs of its class
    have needed no answer (`IDLE_RUNS` in a row); the outputs are the same either way."""
    owner = type(module)
    if _idle.get(owner, 0) >= IDLE_RUNS:
        return nullcontext()
    return FastMeta(owner)


# --- building modules --------------------------------------------------------------------------

#: nn.init functions that only write values: on a meta tensor there are none to write. Those
#: that compute fans need a tensor of two dimensions or more (else torch raises: left to it).
_FILLS = {nn.init.uniform_, nn.init.constant_, nn.init.ones_, nn.init.zeros_}
_FANS = {
    nn.init.kaiming_uniform_,
    nn.init.kaiming_normal_,
    nn.init.xavier_uniform_,
    nn.init.xavier_normal_,
}


def _skips_init(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The tensor an nn.init call would fill, when it is a meta tensor whose filling can be
    skipped; else None."""
    tensor = args[0] if args else kwargs.get("tensor")
    if not isinstance(tensor, torch.Tensor) or not tensor.is_meta or tensor.numel() == 0:
        return None  # torch warns about a tensor without elements: it may, as before
    if func in _FILLS:
        return tensor
    if func in _FANS and tensor.dim() >= 2:
        return tensor
    if func is nn.init.normal_:
        std = args[2] if len(args) > 2 else kwargs.get("std", 1.0)
        return tensor if _real(std) and std >= 0 else None
    return None


class MetaBuild(TorchFunctionMode):
    """While active (on this thread), tensor constructors make meta tensors (as under
    ``torch.device("meta")``) and the nn.init functions that fill parameters return them
    unfilled: a module's constructor runs, and its parameters get their exact shapes, without
    the cost of initialising values a meta tensor does not have."""

    def __init__(self, device: bool = True) -> None:
        super().__init__()
        use = device and _device_constructors is not None  # MetaBuild is only made when it is
        self._constructors = _device_constructors() if use else frozenset()  # type: ignore[misc]

    def __torch_function__(
        self, func: Any, types: Any, args: tuple[Any, ...] = (), kwargs: dict | None = None
    ) -> Any:
        kwargs = kwargs or {}
        if func in _FILLS or func in _FANS or func is nn.init.normal_:
            tensor = _skips_init(func, args, kwargs)
            if tensor is not None:
                return tensor
        elif func in self._constructors and kwargs.get("device") is None:
            kwargs["device"] = META
        return func(*args, **kwargs)


def build_context() -> AbstractContextManager[Any]:
    """Where to build a layer's module for inference: on the meta device, unfilled."""
    if _device_constructors is not None:
        return MetaBuild()
    stack = ExitStack()
    stack.enter_context(META)
    stack.enter_context(MetaBuild(device=False))
    return stack
