"""Small torch modules for catalogue layers that torch has no single module for.

Imported only when a module is built (this file imports torch).
"""

from __future__ import annotations

import importlib
import json
import operator
from collections.abc import Callable, Sequence
from typing import Any

import torch
from torch import nn

from netstudio.core import module_messages as words
from netstudio.core.shape_messages import both


class Reshape(nn.Module):
    """Reshape every sample to `shape`, keeping the batch dimension (-1 infers one size)."""

    def __init__(self, shape: Sequence[int]) -> None:
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.shape)

    def extra_repr(self) -> str:
        return f"shape={self.shape}"


class Add(nn.Module):
    """Element-wise sum of its inputs (a residual join)."""

    def __init__(self, inputs: int = 2) -> None:
        super().__init__()
        self.inputs = inputs

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Multiply(nn.Module):
    """Element-wise product of its inputs (gating). Inputs have one rank; each dimension
    after the batch matches or is 1 in all but one of them, so a (N, C, 1, 1) gate scales
    each channel. The batch is left out of the check: exporters keep it symbolic."""

    def __init__(self, inputs: int = 2) -> None:
        super().__init__()
        self.inputs = inputs

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        if not torch.jit.is_tracing() and self.mismatched(xs):
            raise ValueError(words.CANNOT_MULTIPLY(shapes=both([str(tuple(x.shape)) for x in xs])))
        out = xs[0]
        for x in xs[1:]:
            out = out * x
        return out

    @staticmethod
    def mismatched(xs: Sequence[torch.Tensor]) -> bool:
        """Whether the inputs differ in rank, or in a size after the batch other than 1."""
        if len({x.dim() for x in xs}) > 1:
            return True
        sizes = zip(*(x.shape[1:] for x in xs), strict=True)
        return any(len({int(d) for d in column if d != 1}) > 1 for column in sizes)


class Concat(nn.Module):
    """Join its inputs along `dim` (1 = channels or features)."""

    def __init__(self, inputs: int = 2, dim: int = 1) -> None:
        super().__init__()
        self.inputs = inputs
        self.dim = dim

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        return torch.cat(xs, dim=self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Permute(nn.Module):
    """Reorder the dimensions of the input; `dims` counts the batch, which stays first."""

    def __init__(self, dims: Sequence[int]) -> None:
        super().__init__()
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(len(self.dims))) or self.dims[0] != 0:
            raise ValueError(words.PERMUTE_ORDER(dims=str(self.dims), last=len(self.dims) - 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != len(self.dims):
            raise ValueError(
                words.PERMUTE_RANK(dims=str(self.dims), count=len(self.dims), rank=x.dim())
            )
        return x.permute(*self.dims)

    def extra_repr(self) -> str:
        return f"dims={self.dims}"


class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels of each pixel of (N, C, H, W) (ConvNeXt's), weights as
    nn.LayerNorm's."""

    def __init__(
        self, num_channels: int, eps: float = 1e-6, elementwise_affine: bool = True
    ) -> None:
        super().__init__(num_channels, eps=eps, elementwise_affine=elementwise_affine)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.permute(0, 2, 3, 1)
        x = nn.functional.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


class StochasticDepth(nn.Module):
    """While training, drop a residual branch with probability p: for each sample ("row") or
    for the whole batch ("batch"), scaling what survives by 1 / (1 - p); as torchvision's."""

    def __init__(self, p: float, mode: str = "row") -> None:
        super().__init__()
        if not 0.0 <= p <= 1.0 or mode not in ("row", "batch"):
            raise ValueError(words.DROP_SETTINGS(p=str(p), mode=repr(mode)))
        self.p = p
        self.mode = mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return x
        survival = 1.0 - self.p
        size = [x.shape[0]] + [1] * (x.dim() - 1) if self.mode == "row" else [1] * x.dim()
        noise = torch.empty(size, dtype=x.dtype, device=x.device).bernoulli_(survival)
        if survival > 0.0:
            noise.div_(survival)
        return x * noise

    def extra_repr(self) -> str:
        return f"p={self.p}, mode={self.mode!r}"


class Recurrent(nn.Module):
    """An RNN, LSTM or GRU over (N, L, features) that passes on the whole sequence or the last step."""

    def __init__(self, cell: str, output: str = "sequence", **kwargs: object) -> None:
        super().__init__()
        cls = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}[cell]
        self.rnn = cls(batch_first=True, **kwargs)
        self.output = output

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        if self.output == "last":
            return out[:, -1]
        return out

    def extra_repr(self) -> str:
        return f"output={self.output!r}"


class SelfAttention(nn.Module):
    """Multi-head self-attention over (N, L, embed_dim): query, key and value are the input."""

    def __init__(
        self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True
    ) -> None:
        super().__init__()
        self.attn = nn.MultiheadAttention(
            embed_dim, num_heads, dropout=dropout, bias=bias, batch_first=True
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.attn(x, x, x, need_weights=False)[0]


class FunctionCall(nn.Module):
    """Call one allowlisted torch function or tensor method on its inputs (a traced op).

    `function` is a dotted name (``torch.transpose``, ``torch.nn.functional.hardtanh``,
    ``operator.getitem``) or ``method:<name>`` for a tensor method (``method:mean``).
    `args` and `kwargs` are JSON text for the constant arguments: ``{"$input": i}`` stands for
    the i-th wired input (without any, the inputs come first, then `args`), and
    ``{"$tuple": [...]}``, ``{"$slice": [start, stop, step]}``, ``{"$ellipsis": null}`` and
    ``{"$dtype": "float32"}`` for the Python values JSON has no word for. `item` picks one
    element of a tuple result (``chunk``, ``split``). Names outside the allowlist are refused,
    so a project file can call tensor operations only, never arbitrary code.
    """

    #: Namespaces whose public functions may be called, by dotted prefix.
    NAMESPACES = ("torch", "torch.nn.functional", "torch.special", "torch.linalg", "operator")
    #: operator functions on values (no attribute or item setters, no `call`).
    OPERATORS = frozenset(
        {
            *("abs", "add", "and_", "eq", "floordiv", "ge", "getitem", "gt", "invert", "le"),
            *("lshift", "lt", "matmul", "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow"),
            *("rshift", "sub", "truediv", "xor"),
        }
    )
    #: Public names that touch files, hooks or global state rather than compute on tensors.
    DENIED = frozenset(
        {
            *("from_file", "load", "save", "apply_", "map_", "map2_", "backward"),
            *("register_hook", "register_post_accumulate_grad_hook", "retain_grad", "numpy"),
            *("tolist", "item", "storage", "untyped_storage", "share_memory_", "data_ptr"),
            *("set_", "resize_", "resize_as_", "record_stream"),
        }
    )

    class Slot:
        """Where the i-th wired input goes among the arguments."""

        def __init__(self, index: int) -> None:
            self.index = index

    def __init__(
        self,
        function: str,
        inputs: int = 1,
        args: str = "[]",
        kwargs: str = "{}",
        item: int | None = None,
    ) -> None:
        super().__init__()
        self.function = function
        self.inputs = inputs
        self.item = item
        self.fn = self.resolve(function)
        self.slots: list[int] = []
        self.args = self.decode(self.parse(args, "args", list))
        self.kwargs = self.decode(self.parse(kwargs, "kwargs", dict))
        if any(i >= inputs for i in self.slots):
            raise ValueError(
                words.INPUT_OUT_OF_RANGE(function=function, index=max(self.slots), inputs=inputs)
            )

    @classmethod
    def resolve(cls, name: str) -> Callable[..., Any]:
        """The callable for an allowlisted `name`; ValueError saying why for any other."""
        refused = ValueError(
            words.NOT_ALLOWED(function=repr(name), namespaces=", ".join(cls.NAMESPACES))
        )
        if name.startswith("method:"):
            method = name.removeprefix("method:")
            if not method.isidentifier() or method.startswith("_") or method in cls.DENIED:
                raise refused
            if not callable(getattr(torch.Tensor, method, None)):
                raise ValueError(words.NO_METHOD(method=repr(method)))
            return lambda tensor, *args, **kwargs: getattr(tensor, method)(*args, **kwargs)
        namespace, _, attr = name.rpartition(".")
        if namespace not in cls.NAMESPACES or not attr.isidentifier():
            raise refused
        if attr.startswith("_") or attr in cls.DENIED:
            raise refused
        if namespace == "operator":
            if attr not in cls.OPERATORS:
                raise refused
            return getattr(operator, attr)
        fn = getattr(importlib.import_module(namespace), attr, None)
        if fn is None:
            raise ValueError(words.NO_FUNCTION(namespace=namespace, function=repr(attr)))
        if isinstance(fn, type) or not callable(fn):
            raise refused
        tensor_op = hasattr(torch._C._VariableFunctions, attr)
        if namespace == "torch" and not tensor_op and fn.__module__ != "torch.functional":
            raise refused
        return fn

    @staticmethod
    def parse(text: str, what: str, kind: type) -> Any:
        """`text` read as JSON, checked to be a list or an object (never evaluated)."""
        try:
            value = json.loads(text) if text.strip() else kind()
        except json.JSONDecodeError as error:
            raise ValueError(
                words.NOT_JSON(what=what, error=error.msg, column=error.colno)
            ) from None
        if not isinstance(value, kind):
            raise ValueError((words.NOT_A_LIST if kind is list else words.NOT_AN_OBJECT)(what=what))
        return value

    def decode(self, value: Any) -> Any:
        """JSON values made into Python ones; ``{"$input": i}`` becomes a `Slot`."""
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            key, inner = next(iter(value.items()))
            if key == "$input":
                if isinstance(inner, bool) or not isinstance(inner, int) or inner < 0:
                    raise ValueError(words.BAD_INPUT_SLOT(value=repr(inner)))
                self.slots.append(inner)
                return self.Slot(inner)
            if key == "$tuple":
                return tuple(self.decode(v) for v in inner)
            if key == "$slice":
                return slice(*inner)
            if key == "$ellipsis":
                return Ellipsis
            if key == "$dtype":
                dtype = getattr(torch, str(inner), None)
                if not isinstance(dtype, torch.dtype):
                    raise ValueError(words.NOT_A_DTYPE(value=repr(inner)))
                return dtype
        return {k: self.decode(v) for k, v in value.items()}

    def fill(self, value: Any, xs: Sequence[torch.Tensor]) -> Any:
        """`value` with each `Slot` replaced by its input tensor."""
        if isinstance(value, self.Slot):
            return xs[value.index]
        if isinstance(value, (list, tuple)):
            return type(value)(self.fill(v, xs) for v in value)
        if isinstance(value, dict):
            return {k: self.fill(v, xs) for k, v in value.items()}
        return value

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        args = self.fill(self.args, xs)
        kwargs = self.fill(self.kwargs, xs)
        if not self.slots:
            args = [*xs, *args]
        out = self.fn(*args, **kwargs)
        return out if self.item is None else out[self.item]

    def extra_repr(self) -> str:
        return f"{self.function!r}" + ("" if self.item is None else f", item={self.item}")
