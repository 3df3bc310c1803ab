"""Live shape inference: run each layer's real torch module on `meta` tensors.

Meta tensors carry shapes and dtypes but no data, so a forward pass costs a fraction of a
millisecond per layer and gives exactly the shapes torch will produce: there are no
hand-written shape rules here (a recurrent layer runs one step of its sequence, see `_run`).
`ShapeInference` subscribes to a graph's events and, on `update()`, recomputes only the nodes
downstream of an edit, stopping where a node's inputs, parameters and name are unchanged. It
also fills the `auto` parameters (``in_features``, ``in_channels`` ...) from the upstream shape,
and gives an auto Input (``shape`` left empty) the data's sample shape: the caller, who knows
the data, passes that shape in (`data_shape`); this module never loads data.

Sizes are bounded before anything is built: every number is within its catalogue range, and a
layer whose parameter count would pass `MAX_LAYER_PARAMS` is an error, not a module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from netstudio.core.catalogue import LayerSpec, TensorInfo
from netstudio.core.errors import CycleError
from netstudio.core.events import Event, Handler
from netstudio.core.graph import Edge, NetworkGraph, Node

if TYPE_CHECKING:
    import torch
    from torch import nn

#: Batch size of the meta tensors; displayed as N. Two, not one, so a layer that mixes the
#: batch into other dimensions shows up.
META_BATCH = 2

#: The most parameters one layer may have (16 GiB as float32). Checked before the layer's module
#: is built, even on the meta device, so that no constructor ever sees absurd sizes.
MAX_LAYER_PARAMS = 2**32


@dataclass
class NodeInfo:
    """What inference found for one node.

    outputs: tensor per output port (empty when unknown); inputs: tensor per input port (None
    where nothing arrives); resolved: the parameters with the `auto` ones filled in.
    pending: inputs are missing or wrong upstream, so nothing is known and there is no error
    of this node's own.
    """

    outputs: dict[str, TensorInfo] = field(default_factory=dict)
    inputs: tuple[TensorInfo | None, ...] = ()
    resolved: dict[str, Any] = field(default_factory=dict)
    param_count: int = 0
    trainable_count: int = 0
    macs: int | None = None
    error: str | None = None
    pending: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.pending

    @property
    def output(self) -> TensorInfo | None:
        """The tensor on the first output port or, for an Output node, the tensor it receives."""
        if self.outputs:
            return next(iter(self.outputs.values()))
        if self.ok and self.inputs and self.inputs[0] is not None:
            return self.inputs[0]
        return None


def _torch():
    import torch

    return torch


def dtype_of(name: str) -> torch.dtype:
    torch = _torch()
    return {
        "float32": torch.float32,
        "int64": torch.int64,
        "float16": torch.float16,
        "bfloat16": torch.bfloat16,
        "float64": torch.float64,
        "bool": torch.bool,
        "int32": torch.int32,
    }.get(name, torch.float32)


def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _ranks(ranks: Sequence[int]) -> str:
    words = [f"{r}-D" for r in ranks]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].rstrip(".")


def _with_steps(tensor: TensorInfo, steps: int) -> TensorInfo:
    """`tensor` of a one-step run with its step dimension (1) as long as the real input's."""
    shape = list(tensor.shape)
    shape[1] = steps
    return TensorInfo(tuple(shape), tensor.dtype)


def is_auto_input(node: Node) -> bool:
    """Whether `node` is an Input whose shape follows the data (its ``shape`` left empty)."""
    return node.spec.role == "input" and node.params.get("shape") is None


def with_input_shape(graph: NetworkGraph, shape: Sequence[int] | None) -> NetworkGraph:
    """`graph` with its auto Inputs given `shape`: for code that reads an Input's shape from
    the graph alone (an exported file's example input). `graph` itself when it has no auto
    Input or `shape` is None; otherwise a copy with the same ids, names, places and wires."""
    if shape is None or not any(is_auto_input(node) for node in graph.inputs()):
        return graph
    copy = NetworkGraph()
    for node in graph.nodes():
        params = dict(node.params)
        if is_auto_input(node):
            params["shape"] = tuple(shape)
        copy.add_node(
            node.type_id, name=node.name, params=params, position=node.position, node_id=node.id
        )
    for edge in graph.edges():
        copy.connect(edge.src, edge.src_port, edge.dst, edge.dst_port)
    return copy


def resolve_params(
    spec: LayerSpec, params: Mapping[str, Any], inputs: Sequence[TensorInfo]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fill `auto` parameters left at None from `inputs`.

    Returns (resolved params, the values the inputs imply for every auto parameter).
    """
    resolved = dict(params)
    implied: dict[str, Any] = {}
    if spec.autofill is not None and inputs:
        implied = spec.autofill(inputs)
        for name, value in implied.items():
            if resolved.get(name) is None:
                resolved[name] = value
    return resolved, implied


class ShapeInference:
    """Keeps a `NodeInfo` for every node of `graph` up to date (see module docstring).

    data_shape: one sample's shape of the data the network trains on (no batch dimension), the
    shape of every auto Input; None when it is not known (an auto Input is then an error).
    """

    def __init__(
        self,
        graph: NetworkGraph,
        batch_size: int = META_BATCH,
        *,
        data_shape: Sequence[int] | None = None,
    ) -> None:
        self.graph = graph
        self.batch_size = batch_size
        self._data_shape = tuple(data_shape) if data_shape is not None else None
        self._infos: dict[str, NodeInfo] = {}
        self._keys: dict[str, Any] = {}
        #: Each node's analysis before its current one, by key: an undo, or fixing the edit
        #: that broke everything downstream, brings back earlier inputs; their answers are
        #: reused instead of running every layer downstream again.
        self._previous: dict[str, tuple[Any, NodeInfo]] = {}
        self._modules: dict[Any, tuple[nn.Module, int, int]] = {}
        self._runs: dict[tuple[int, tuple[TensorInfo, ...]], tuple[list[TensorInfo], int]] = {}
        self._dirty: set[str] = set(n.id for n in graph.nodes())
        self._order: list[str] | None = None
        self._cyclic: set[str] = set()
        self.recomputed = 0
        #: updated(changed_ids): an `update()` changed these nodes' infos (whoever asked for it).
        self.updated = Event("updated")
        events = graph.events
        self._subscriptions: list[tuple[Event, Handler]] = [
            (events.node_added, self._on_node_added),
            (events.node_removed, self._on_node_removed),
            (events.edge_added, self._on_edge),
            (events.edge_removed, self._on_edge),
            (events.params_changed, self._on_node_changed),
            (events.renamed, self._on_node_changed),
            (events.cleared, self._on_cleared),
        ]
        for event, handler in self._subscriptions:
            event.connect(handler)

    def close(self) -> None:
        """Stop listening to the graph."""
        for event, handler in self._subscriptions:
            event.disconnect(handler)

    # --- events --------------------------------------------------------------------------------

    def _on_node_added(self, node: Node) -> None:
        self._order = None
        self._dirty.add(node.id)

    def _on_node_removed(self, node: Node) -> None:
        self._order = None
        self._dirty.discard(node.id)
        self._infos.pop(node.id, None)
        self._keys.pop(node.id, None)
        self._previous.pop(node.id, None)

    def _on_edge(self, edge: Edge) -> None:
        self._order = None
        self._dirty.add(edge.dst)

    def _on_node_changed(self, node: Node, _old: Any = None) -> None:
        self._dirty.add(node.id)

    def _on_cleared(self) -> None:
        self._order = None
        self._dirty.clear()
        self._infos.clear()
        self._keys.clear()
        self._previous.clear()

    # --- the data ------------------------------------------------------------------------------

    @property
    def data_shape(self) -> tuple[int, ...] | None:
        return self._data_shape

    def set_data_shape(self, shape: Sequence[int] | None) -> bool:
        """The data's sample shape changed to `shape`: its auto Inputs (and what follows them)
        are analysed again on the next `update()`. Returns whether any auto Input takes it."""
        shape = tuple(shape) if shape is not None else None
        if shape == self._data_shape:
            return False
        self._data_shape = shape
        auto = {node.id for node in self.graph.inputs() if is_auto_input(node)}
        self._dirty |= auto
        return bool(auto)

    # --- queries -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    def info(self, node_id: str) -> NodeInfo:
        """The node's info, brought up to date first."""
        self.update()
        return self._infos[node_id]

    def infos(self) -> dict[str, NodeInfo]:
        self.update()
        return dict(self._infos)

    def edge_tensor(self, edge: Edge) -> TensorInfo | None:
        """The tensor that flows along a wire, when known."""
        self.update()
        info = self._infos.get(edge.src)
        return info.outputs.get(edge.src_port) if info else None

    def total_params(self) -> int:
        self.update()
        return sum(info.param_count for info in self._infos.values())

    def total_macs(self) -> int:
        self.update()
        return sum(info.macs or 0 for info in self._infos.values())

    def cyclic_nodes(self) -> set[str]:
        self.update()
        return set(self._cyclic)

    def would_accept(self, node: Node, inputs: Sequence[TensorInfo | None]) -> str | None:
        """The error `node` would have with these inputs, or None (for wire previews)."""
        info = self._compute(node, tuple(inputs))
        return info.error

    # --- the work ------------------------------------------------------------------------------

    def _topological_order(self) -> list[str]:
        if self._order is None:
            try:
                self._order = self.graph.topological_order()
                self._cyclic = set()
            except CycleError:
                g = self.graph.nx_graph
                self._cyclic = {
                    n for comp in nx.strongly_connected_components(g) if len(comp) > 1 for n in comp
                }
                self._cyclic |= {n for n in g if g.has_edge(n, n)}
                rest = g.subgraph(n for n in g if n not in self._cyclic)
                self._order = list(nx.topological_sort(rest)) + sorted(self._cyclic)
        return self._order

    def update(self) -> set[str]:
        """Recompute what the edits since the last call affect; returns the ids that changed."""
        if not self._dirty:
            return set()
        changed: set[str] = set()
        dirty = self._dirty
        for node_id in self._topological_order():
            if node_id not in dirty:
                continue
            dirty.discard(node_id)
            node = self.graph.node(node_id)
            inputs = self._gather_inputs(node)
            data = self._data_shape if is_auto_input(node) else None
            key = (
                node.name,
                node.type_id,
                _freeze(node.params),
                inputs,
                node_id in self._cyclic,
                data,
            )
            if self._keys.get(node_id) == key:
                continue
            old = self._infos.get(node_id)
            earlier = self._previous.get(node_id)
            if earlier is not None and earlier[0] == key:
                info = earlier[1]
            else:
                info = self._compute(node, inputs, cyclic=node_id in self._cyclic)
                self.recomputed += 1
            if old is not None and node_id in self._keys:
                self._previous[node_id] = (self._keys[node_id], old)
            self._infos[node_id] = info
            self._keys[node_id] = key
            changed.add(node_id)
            if old is None or old.outputs != info.outputs:
                dirty.update(self.graph.successors(node_id))
        dirty.clear()
        if changed:
            self.updated.emit(changed)
        return changed

    def _gather_inputs(self, node: Node) -> tuple[TensorInfo | None, ...]:
        gathered: list[TensorInfo | None] = []
        for port in node.input_ports:
            edge = self.graph.edge_into(node.id, port)
            upstream = self._infos.get(edge.src) if edge is not None else None
            if edge is None or upstream is None:
                gathered.append(None)
            else:
                gathered.append(upstream.outputs.get(edge.src_port))
        return tuple(gathered)

    def _compute(
        self, node: Node, inputs: tuple[TensorInfo | None, ...], cyclic: bool = False
    ) -> NodeInfo:
        spec = node.spec
        if cyclic:
            return NodeInfo(inputs=inputs, resolved=dict(node.params), pending=True)
        if spec.role == "input":
            return self._input(node)
        if any(t is None for t in inputs) or not inputs:
            return NodeInfo(inputs=inputs, resolved=dict(node.params), pending=True)
        known: list[TensorInfo] = [t for t in inputs if t is not None]
        if spec.role == "output":
            return NodeInfo(inputs=inputs)
        problem = self._check_inputs(node, spec, known)
        if problem:
            return NodeInfo(inputs=inputs, resolved=dict(node.params), error=problem)
        try:
            resolved, implied = resolve_params(spec, node.params, known)
        except (IndexError, ValueError) as error:
            return NodeInfo(
                inputs=inputs,
                resolved=dict(node.params),
                error=f"{node.label} cannot take input {known[0]}: {error}",
            )
        for name, value in implied.items():
            given = node.params.get(name)
            if given is not None and given != value and spec.param(name).auto:
                return NodeInfo(
                    inputs=inputs,
                    resolved=resolved,
                    error=(
                        f"{node.label} has {name} = {given} but its input gives {value}: "
                        f"clear {name} to fill it from the input, or change the layer before"
                    ),
                )
        too_big = self._too_big(node, spec.weight_count(resolved) if spec.weight_count else 0)
        if too_big:
            return NodeInfo(inputs=inputs, resolved=resolved, error=too_big)
        try:
            module, count, trainable = self._module(spec, resolved)
        except Exception as error:  # a constructor's own check, e.g. heads must divide dim
            return NodeInfo(
                inputs=inputs,
                resolved=resolved,
                error=f"{node.label}: {_first_line(error)}: change its parameters",
            )
        too_big = self._too_big(node, count)
        if too_big:
            return NodeInfo(inputs=inputs, resolved=resolved, error=too_big)
        try:
            out, macs = self._run(module, known, spec.stepwise)
        except Exception as error:
            return NodeInfo(
                inputs=inputs,
                resolved=resolved,
                param_count=count,
                trainable_count=trainable,
                error=(
                    f"{node.label} cannot take input "
                    f"{', '.join(str(t) for t in known)}: {_first_line(error)}; "
                    "change its parameters or the layers before it"
                ),
            )
        moved = next((t for t in out if t.rank == 0 or t.shape[0] != self.batch_size), None)
        if moved is not None:
            return NodeInfo(
                inputs=inputs,
                resolved=resolved,
                param_count=count,
                trainable_count=trainable,
                error=f"{node.label} changes the batch dimension: a layer must act on each "
                "sample separately; change its parameters (dimension 0 is the batch)",
            )
        outputs = dict(zip(spec.outputs, out, strict=False))
        return NodeInfo(
            outputs=outputs,
            inputs=inputs,
            resolved=resolved,
            param_count=count,
            trainable_count=trainable,
            macs=macs,
        )

    def _input(self, node: Node) -> NodeInfo:
        """An Input's tensor: its own shape, or the data's when it is auto."""
        resolved = dict(node.params)
        shape = node.params.get("shape")
        if shape is None:
            if self._data_shape is None:
                return NodeInfo(
                    resolved=resolved,
                    error=(
                        f"{node.label} takes its shape from the data, and the shape of the "
                        "data's samples is not known: fix the data settings, or set the shape"
                    ),
                )
            shape = resolved["shape"] = self._data_shape
        return NodeInfo(
            outputs={"out": TensorInfo((self.batch_size, *shape), node.params["dtype"])},
            resolved=resolved,
        )

    def _check_inputs(self, node: Node, spec: LayerSpec, inputs: Sequence[TensorInfo]) -> str:
        first = inputs[0]
        if spec.input_ranks and first.rank not in spec.input_ranks:
            hint = spec.rank_hint.format(name=node.name)
            return f"{node.label} expects {_ranks(spec.input_ranks)} input, got {first}" + (
                f": {hint}" if hint else ""
            )
        if spec.same_input_shapes and len({t.shape for t in inputs}) > 1:
            shapes = " and ".join(str(t) for t in inputs)
            return (
                f"{node.label} needs inputs of one shape, got {shapes}: make the branches "
                "end in the same shape (e.g. a Linear or 1×1 Conv2d on one branch), or use Concat"
            )
        is_int = first.dtype.startswith("int")
        if spec.input_dtype == "float" and is_int:
            return (
                f"{node.label} needs floating-point input but gets {first.dtype} token ids: "
                f"insert an Embedding before '{node.name}', or set the Input's dtype to "
                "float32"
            )
        if spec.input_dtype == "long" and not is_int:
            return (
                f"{node.label} needs integer token ids but gets {first.dtype}: set the "
                "Input's dtype to int64"
            )
        return ""

    @staticmethod
    def _too_big(node: Node, count: int) -> str:
        """The error of a layer with more than `MAX_LAYER_PARAMS` parameters, else ""."""
        if count <= MAX_LAYER_PARAMS:
            return ""
        gib = count * 4 / 2**30
        return (
            f"{node.label} would have {count:,} parameters ({gib:,.0f} GiB as float32), more "
            f"than the {MAX_LAYER_PARAMS:,} one layer may have: make its sizes smaller"
        )

    def _module(self, spec: LayerSpec, resolved: Mapping[str, Any]) -> tuple[nn.Module, int, int]:
        key = (spec.type_id, _freeze(dict(resolved)))
        cached = self._modules.get(key)
        if cached is None:
            torch = _torch()
            with torch.device("meta"):
                module = spec.create_module(resolved)
            module.eval()
            count = sum(p.numel() for p in module.parameters())
            trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
            cached = (module, count, trainable)
            if len(self._modules) > 4096:
                self._modules.clear()
                self._runs.clear()
            self._modules[key] = cached
        return cached

    def _run(
        self, module: nn.Module, inputs: Sequence[TensorInfo], stepwise: bool = False
    ) -> tuple[list[TensorInfo], int]:
        """Output shapes and MACs of `module` on `inputs`. Remembered per module and input
        shapes: a network repeats its blocks, and a meta run costs about a millisecond.

        stepwise: the layer repeats one cell along dimension 1 (see `LayerSpec.stepwise`). On
        the meta device torch runs such a cell one step at a time, milliseconds a step and
        layer, so it runs one step here: outputs of the input's rank get their steps back, and
        the work is the one step's times the steps.
        """
        key = (id(module), tuple(inputs))  # modules stay alive in `_modules` while remembered
        known = self._runs.get(key)
        if known is None:
            if len(self._runs) > 16384:
                self._runs.clear()
            steps = inputs[0].shape[1] if stepwise and inputs[0].rank >= 2 else 1
            if steps > 1:
                first = inputs[0]
                one = TensorInfo((first.shape[0], 1, *first.shape[2:]), first.dtype)
                outs, macs = self._run_once(module, [one, *inputs[1:]])
                outs = [
                    _with_steps(t, steps) if t.rank == first.rank and t.shape[1] == 1 else t
                    for t in outs
                ]
                known = (outs, macs * steps)
            else:
                known = self._run_once(module, inputs)
            self._runs[key] = known
        return list(known[0]), known[1]

    def _run_once(
        self, module: nn.Module, inputs: Sequence[TensorInfo]
    ) -> tuple[list[TensorInfo], int]:
        torch = _torch()
        from torch.utils.flop_counter import FlopCounterMode

        tensors = [torch.empty(t.shape, dtype=dtype_of(t.dtype), device="meta") for t in inputs]
        counter = FlopCounterMode(display=False)
        with torch.no_grad(), counter:
            result = module(*tensors)
        results = result if isinstance(result, (tuple, list)) else (result,)
        outs = [TensorInfo(tuple(r.shape), dtype_name(r.dtype)) for r in results]
        macs = counter.get_total_flops() // 2 // max(1, self.batch_size)
        return outs, macs
