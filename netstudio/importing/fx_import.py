"""Importing an `nn.Module`: traced by torch.fx into catalogue layers and Function nodes.

Modules with a catalogue layer (Linear, Conv2d, BatchNorm2d ...) stay whole (fx leaves) and
become that layer with the same settings and weights; every other module is traced into, so
it ends up as the layers and ops it is made of. Functional ops become the layer that does the
same when there is one (``F.relu`` → ReLU, ``x + y`` → Add, ``torch.cat`` → Concat, ``view``
→ Reshape) and a generic Function node otherwise. The model is run once on an example batch
(in eval mode, restored after) to learn every tensor's shape; Python numbers computed from
shapes are kept as constants, except the batch size, which no layer may depend on.
"""

from __future__ import annotations

import inspect
import json
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netstudio.core.shapes import dtype_name
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.function_rules import RESHAPES, Ref, layer_for_op, op_name
from netstudio.importing.module_rules import (
    RETURNS_STATE,
    UnsupportedSetting,
    has_layer,
    layer_for_module,
)
from netstudio.importing.result import ImportedModel

if TYPE_CHECKING:
    from torch import fx, nn

#: Batch size of the example run. Dimension 0 of every tensor is this, and only this.
BATCH = 2


class _Batch:
    """The batch size as a traced Python number (``x.size(0)``)."""

    def __repr__(self) -> str:
        return "<batch size>"


class _FromBatch:
    """A number computed from the batch size (``x.size(0) * 2``)."""


#: Stack frames of torch itself, left out when an error says where in the model an op is.
_TORCH_INTERNALS = ("/torch/fx/", "/torch/nn/modules/module.py")

BATCH_SIZE = _Batch()
FROM_BATCH = _FromBatch()


class _Meta:
    """What the example run saw of a tensor: shape and dtype."""

    def __init__(self, shape: tuple[int, ...], dtype: str) -> None:
        self.shape, self.dtype = shape, dtype


def _summary(value: Any) -> Any:
    import torch

    if isinstance(value, torch.Tensor):
        return _Meta(tuple(value.shape), dtype_name(value.dtype))
    if isinstance(value, torch.Size):
        return tuple(value)
    if isinstance(value, (tuple, list)):
        return type(value)(_summary(v) for v in value)
    return value


def _trace(module: nn.Module, source: str) -> fx.GraphModule:
    from torch import fx

    class Tracer(fx.Tracer):
        def is_leaf_module(self, m: nn.Module, qualified_name: str) -> bool:
            return has_layer(m)

    tracer = Tracer()
    tracer.record_stack_traces = True
    try:
        graph = tracer.trace(module)
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        raise ModelImportError(
            f"{source}: torch.fx cannot trace {type(module).__name__}: {reason}. "
            "Data-dependent control flow cannot be traced (an `if` or loop on tensor values); "
            "move it out of forward or make it depend on constructor settings only"
        ) from None
    return fx.GraphModule(tracer.root, graph, class_name=type(module).__name__)


def _example_run(gm: fx.GraphModule, module: nn.Module, example: Any, source: str) -> dict:
    """Run `gm` on `example` in eval mode without gradients; each fx node's `_summary`."""
    import torch
    from torch import fx

    seen: dict[fx.Node, Any] = {}

    class Recorder(fx.Interpreter):
        def run_node(self, n: fx.Node) -> Any:
            result = super().run_node(n)
            seen[n] = _summary(result)
            return result

    modes = {m: m.training for m in module.modules()}
    module.eval()
    try:
        with torch.no_grad():
            Recorder(gm).run(example)
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        raise ModelImportError(
            f"{source}: the model fails on an input of shape {tuple(example.shape)}: {reason}; "
            "check --input-shape (one sample, without the batch dimension)"
        ) from None
    finally:
        for m, training in modes.items():
            m.training = training
    return seen


def from_module(
    module: nn.Module,
    input_shape: Sequence[int],
    *,
    name: str | None = None,
    dtype: str | None = None,
    source: str | None = None,
) -> ImportedModel:
    """Import `module` as a project whose compiled graph gives the same outputs.

    input_shape: one sample's shape, without the batch dimension. dtype: the Input's element
    type; by default int64 when the input goes straight into an Embedding, else float32.
    source: how messages name the model (default: its class name).
    Raises ModelImportError saying which op or module could not be imported, and why.
    """
    import torch

    source = source or type(module).__name__
    shape = tuple(int(d) for d in input_shape)
    if not shape or any(d < 1 for d in shape):
        raise ModelImportError(f"{source}: input shape {shape} needs positive sizes")
    gm = _trace(module, source)
    inputs = [n.name for n in gm.graph.nodes if n.op == "placeholder" and not n.args]
    if len(inputs) > 1:
        raise ModelImportError(
            f"{source}: forward takes {len(inputs)} tensors ({', '.join(inputs)}): NetStudio "
            "imports models with one input; give the others defaults"
        )
    dtype = dtype or _guess_dtype(gm)
    if dtype == "int64":
        example = torch.zeros((BATCH, *shape), dtype=torch.int64)
    else:
        example = torch.randn((BATCH, *shape))
    seen = _example_run(gm, module, example, source)
    assembly = GraphAssembly(source)
    refs = _Translator(gm, seen, assembly, shape, dtype).run()
    outputs = [(ref.node_id, ref.port) for ref in refs]
    return assembly.finish(name or type(module).__name__, outputs, f"Imported from {source}.")


def _guess_dtype(gm: fx.GraphModule) -> str:
    from torch import nn

    for node in gm.graph.nodes:
        if node.op == "placeholder":
            for user in node.users:
                module = gm.get_submodule(str(user.target)) if user.op == "call_module" else None
                if isinstance(module, nn.Embedding):
                    return "int64"
            break
    return "float32"


class _Results:
    """A traced tuple of tensors (``x.chunk(2)``, an LSTM's ``(output, state)``)."""

    def __init__(self, translator: _Translator, n: fx.Node, args: Any, kwargs: Any) -> None:
        self.translator, self.n, self.args, self.kwargs = translator, n, args, kwargs
        self.count = len(translator.seen[n])
        self._items: dict[int, Ref] = {}

    def item(self, index: int, at: fx.Node) -> Ref:
        if isinstance(index, bool) or not isinstance(index, int):
            raise self.translator.error(at, "indexes a tuple of tensors with a non-number")
        index = index + self.count if index < 0 else index
        if index not in self._items:
            self._items[index] = self.translator.op_node(
                self.n, self.args, self.kwargs, item=index, name=at.name
            )
        return self._items[index]

    def all(self) -> tuple[Ref, ...]:
        return tuple(self.item(i, self.n) for i in range(self.count))


class _State(_Results):
    """A recurrent layer's ``(output, hidden state)``: only the output is passed on."""

    def __init__(self, translator: _Translator, n: fx.Node, output: Ref) -> None:
        self.translator, self.n, self.output = translator, n, output
        self.count = 2

    def item(self, index: int, at: fx.Node) -> Any:
        if index in (0, -2):
            return self.output
        return _Unusable(  # an error only when used: ``out, _ = self.lstm(x)`` is fine
            self.translator.error(
                at,
                "uses the hidden state of a recurrent layer: NetStudio's RNN, LSTM and GRU "
                "layers pass on the output sequence only",
            )
        )

    def all(self) -> tuple[Ref, ...]:
        return (self.item(0, self.n), self.item(1, self.n))


class _Unusable:
    """A traced value NetStudio cannot pass on; `error` is raised where it is used."""

    def __init__(self, error: ModelImportError) -> None:
        self.error = error


def _check_usable(value: Any) -> None:
    for v in _walk(value):
        if isinstance(v, _Unusable):
            raise v.error


class _Translator:
    """Walks the traced fx graph in order and builds the NetStudio graph (see module doc)."""

    def __init__(
        self,
        gm: fx.GraphModule,
        seen: dict,
        assembly: GraphAssembly,
        shape: tuple[int, ...],
        dtype: str,
    ) -> None:
        self.gm, self.seen, self.assembly = gm, seen, assembly
        self.shape, self.dtype = shape, dtype
        self.env: dict[fx.Node, Any] = {}
        self.calls: dict[str, int] = {}

    def run(self) -> list[Ref]:
        from torch import fx

        outputs: list[Ref] = []
        for n in self.gm.graph.nodes:
            _check_usable([self.env[arg] for arg in n.all_input_nodes])
            if n.op == "output":
                found = fx.node.map_arg(n.args[0], self.env.__getitem__)
                outputs = self._output_refs(n, found)
                continue
            handler = {
                "placeholder": self._placeholder,
                "get_attr": self._get_attr,
                "call_module": self._call_module,
            }.get(n.op, self._call_op)
            self.env[n] = handler(n)
        for target, count in self.calls.items():
            if count > 1 and self.gm.get_submodule(target).state_dict():
                self.assembly.notes.append(
                    f"self.{target} is used {count} times: each use became its own layer with "
                    "a copy of the weights (they train separately)"
                )
        return outputs

    # --- errors ----------------------------------------------------------------------------

    def error(self, n: fx.Node, message: str) -> ModelImportError:
        where = ""
        lines = [
            line
            for line in (n.stack_trace or "").splitlines()
            if "File " in line and not any(part in line for part in _TORCH_INTERNALS)
        ]
        if lines:
            where = " at " + lines[-1].strip().replace("File ", "", 1)
        return ModelImportError(
            f"{self.assembly.source}: '{n.name}' ({self._describe(n)}){where} {message}"
        )

    def _describe(self, n: fx.Node) -> str:
        if n.op == "call_module":
            return f"self.{n.target}: nn.{type(self.gm.get_submodule(str(n.target))).__name__}"
        if n.op == "call_method":
            return f".{n.target}()"
        if n.op == "get_attr":
            return f"self.{n.target}"
        return getattr(n.target, "__module__", "") + "." + getattr(n.target, "__name__", "?")

    # --- nodes -----------------------------------------------------------------------------

    def _placeholder(self, n: fx.Node) -> Any:
        if n.args:  # an optional argument: its default is a constant
            return n.args[0]
        node_id = self.assembly.add(
            "Input", {"shape": self.shape, "dtype": self.dtype}, "input", origin="the input"
        )
        return Ref(node_id, "out", (BATCH, *self.shape), self.dtype)

    def _get_attr(self, n: fx.Node) -> Any:
        raise self.error(
            n,
            "reads a parameter or tensor attribute directly in forward: NetStudio layers own "
            "their weights; wrap it in a module (nn.Linear, nn.Conv2d ...) or compute it from "
            "the input",
        )

    def _call_module(self, n: fx.Node) -> Any:
        from torch import fx

        module = self.gm.get_submodule(str(n.target))
        args = fx.node.map_arg(n.args, self.env.__getitem__)
        if len(args) != 1 or n.kwargs or not isinstance(args[0], Ref):
            raise self.error(n, "is called with more than one tensor: pass it one input")
        try:
            type_id, params = layer_for_module(module)
        except UnsupportedSetting as error:
            raise self.error(n, f"cannot be imported: {error}") from None
        self.calls[str(n.target)] = self.calls.get(str(n.target), 0) + 1
        x = args[0]
        node_id = self.assembly.add(
            type_id,
            params,
            str(n.target),
            [(x.node_id, x.port)],
            weights=module.state_dict(),
            origin=f"self.{n.target}",
        )
        result = self.seen[n]
        if type_id in RETURNS_STATE:
            return _State(self, n, Ref(node_id, "out", result[0].shape, result[0].dtype))
        return Ref(node_id, "out", result.shape, result.dtype)

    def _call_op(self, n: fx.Node) -> Any:
        from torch import fx

        args = fx.node.map_arg(n.args, self.env.__getitem__)
        kwargs = fx.node.map_arg(n.kwargs, self.env.__getitem__)
        if n.target is operator.getitem and isinstance(args[0], _Results):
            return args[0].item(args[1], n)
        args, kwargs = _expand(args), _expand(kwargs)
        result = self.seen[n]
        if isinstance(result, _Meta):
            return self.op_node(n, args, kwargs)
        if isinstance(result, (tuple, list)) and any(isinstance(r, _Meta) for r in result):
            return _Results(self, n, args, kwargs)
        return self._number(n, args, kwargs, result)

    def _number(self, n: fx.Node, args: Any, kwargs: Any, result: Any) -> Any:
        """A Python value: shapes (the batch size kept symbolic) or a constant."""
        first = args[0] if args else None
        if isinstance(first, Ref):
            sizes = (BATCH_SIZE, *first.shape[1:])
            if n.op == "call_method" and n.target == "size":
                dim = args[1] if len(args) > 1 else kwargs.get("dim")
                return sizes if dim is None else sizes[dim]
            if n.target is getattr and args[1] == "shape":
                return sizes
            if (n.target is getattr and args[1] in ("ndim", "dtype", "is_cuda")) or (
                n.op == "call_method" and n.target in ("dim", "ndimension")
            ):
                return result
            raise self.error(
                n,
                "turns tensor values into a Python value: the network would depend on the "
                "data it was traced with; keep the computation in tensors",
            )
        if n.target is operator.getitem and isinstance(first, tuple) and _mentions_batch(first):
            return first[args[1]]
        if _mentions_batch((args, kwargs)):
            return FROM_BATCH
        return result

    def op_node(
        self, n: fx.Node, args: Any, kwargs: Any, *, item: int | None = None, name: str = ""
    ) -> Ref:
        """The layer or Function node for the tensor op `n`; returns its output."""
        result = self.seen[n] if item is None else self.seen[n][item]
        try:
            function = op_name(n.op, n.target)
        except ValueError as error:
            raise self.error(
                n,
                f"cannot be imported: {error}; NetStudio calls public functions of torch, "
                "torch.nn.functional and operator, and tensor methods",
            ) from None
        refs = list(dict.fromkeys(_refs((args, kwargs))))
        if not refs:
            raise self.error(n, "makes a tensor that does not come from the input")
        ports = [(r.node_id, r.port) for r in refs]
        name = name or n.name
        if function in RESHAPES and item is None:
            if result.shape[0] != BATCH or refs[0].shape[0] != BATCH:
                raise self.error(n, "reshapes across the batch dimension: keep dimension 0")
            node_id = self.assembly.add(
                "Reshape", {"shape": result.shape[1:]}, name, ports[:1], origin=n.name
            )
            return Ref(node_id, "out", result.shape, result.dtype)
        if _mentions_batch((args, kwargs)):
            raise self.error(
                n,
                "uses the batch size as a number: a layer must work for any batch size; "
                "write it without x.size(0) (e.g. x.flatten(1) instead of "
                "x.view(x.size(0), -1))",
            )
        mapped = layer_for_op(function, args, kwargs) if item is None else None
        if mapped is not None:
            type_id, params, inputs = mapped
            node_id = self.assembly.add(
                type_id, params, name, [(r.node_id, r.port) for r in inputs], origin=n.name
            )
            return Ref(node_id, "out", result.shape, result.dtype)
        args, kwargs = _out_of_place(n, args, kwargs)
        try:
            params = {
                "function": function,
                "args": json.dumps(_encode(list(args), refs)),
                "kwargs": json.dumps(_encode(dict(kwargs), refs)),
                "item": item,
            }
        except TypeError as error:
            raise self.error(n, f"has an argument NetStudio cannot store: {error}") from None
        node_id = self.assembly.add("Function", params, name, ports, origin=n.name)
        return Ref(node_id, "out", result.shape, result.dtype)

    def _output_refs(self, n: fx.Node, found: Any) -> list[Ref]:
        if isinstance(found, _Results):
            found = found.all()
        if isinstance(found, Ref):
            return [found]
        if isinstance(found, (tuple, list)) and all(isinstance(f, Ref) for f in found):
            return list(found)
        raise self.error(n, "returns something other than a tensor or a tuple of tensors")


def _expand(value: Any) -> Any:
    """`value` with every tuple-of-tensors result replaced by its items."""
    if isinstance(value, _Results):
        return value.all()
    if isinstance(value, tuple):
        return tuple(_expand(v) for v in value)
    if isinstance(value, list):
        return [_expand(v) for v in value]
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, slice):
        return slice(_expand(value.start), _expand(value.stop), _expand(value.step))
    return value


def _walk(value: Any):
    yield value
    if isinstance(value, (tuple, list)):
        for v in value:
            yield from _walk(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, slice):
        for v in (value.start, value.stop, value.step):
            yield from _walk(v)


def _refs(value: Any) -> list[Ref]:
    return [v for v in _walk(value) if isinstance(v, Ref)]


def _mentions_batch(value: Any) -> bool:
    return any(v is BATCH_SIZE or v is FROM_BATCH for v in _walk(value))


def _out_of_place(n: fx.Node, args: Any, kwargs: Any) -> tuple[Any, Any]:
    """Arguments with ``inplace=True`` turned off: a graph node never mutates its input."""
    if n.op != "call_function":
        return args, kwargs
    try:
        bound = inspect.signature(n.target).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return args, kwargs
    if bound.arguments.get("inplace") is True:
        bound.arguments["inplace"] = False
        return bound.args, bound.kwargs
    return args, kwargs


def _encode(value: Any, refs: list[Ref]) -> Any:
    """`value` as the Function layer's JSON (see `netstudio.core.modules.FunctionCall`)."""
    import torch

    if isinstance(value, Ref):
        return {"$input": refs.index(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v, refs) for v in value]}
    if isinstance(value, list):
        return [_encode(v, refs) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v, refs) for k, v in value.items()}
    if isinstance(value, slice):
        return {"$slice": [_encode(v, refs) for v in (value.start, value.stop, value.step)]}
    if value is Ellipsis:
        return {"$ellipsis": None}
    if isinstance(value, torch.dtype):
        return {"$dtype": dtype_name(value)}
    raise TypeError(f"{value!r} ({type(value).__name__})")
