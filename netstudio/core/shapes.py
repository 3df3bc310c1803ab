"""Live shape inference: run each layer's real torch module on `meta` tensors.

Meta tensors carry shapes and dtypes but no data, so a forward pass costs a fraction of a
millisecond per layer and gives exactly the shapes torch will produce: there are no
hand-written shape rules here (a recurrent layer runs one step of its sequence, see `_run`).
The modules are built without filling their parameters, and the few aten ops whose meta
kernels are slow Python decompositions are answered per op by `netstudio.core.meta_run`, with
exactly what those kernels return: the module's own forward still runs.
`ShapeInference` subscribes to a graph's events and, on `update()`, recomputes only the nodes
downstream of an edit, stopping where a node's inputs, parameters and name are unchanged. It
also fills the `auto` parameters (``in_features``, ``in_channels`` ...) from the upstream shape,
and gives an auto Input (``shape`` left empty) the data's sample shape: the caller, who knows
the data, passes that shape in (`data_shape`); this module never loads data.

Sizes are bounded before anything is built: every number is within its catalogue range, and a
layer whose parameter count would pass `MAX_LAYER_PARAMS` is an error, not a module.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from netstudio.core.blocks import BLOCK, BlockCopies
from netstudio.core.catalogue import LayerSpec, TensorInfo
from netstudio.core.errors import CycleError
from netstudio.core.events import Event, Subscriptions
from netstudio.core.graph import Edge, NetworkGraph, Node
from netstudio.core.messages import Count, Message
from netstudio.core.module_messages import first_line
from netstudio.core.shape_messages import (
    BATCH_DIMENSION,
    CANNOT_TAKE,
    CANNOT_TAKE_INPUT,
    EXPECTS_RANK,
    EXPECTS_RANK_HINT,
    INPUT_SHAPE_CLASH,
    MODULE_REFUSED,
    NEEDS_FLOAT,
    NEEDS_LONG,
    NEEDS_ONE_SHAPE,
    PARAM_CLASH,
    SHAPE_UNKNOWN,
    TOO_BIG,
    both,
    either,
)

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
    #: What counting this node's MACs takes (module, meta-run inputs, steps) until they are
    #: counted (see `ShapeInference.count_macs`).
    mac_job: tuple[Any, tuple[TensorInfo, ...], int] | None = field(
        default=None, compare=False, repr=False
    )
    #: A Block node's copies, one analysis of its network each, in order (a copy whose inputs
    #: are the previous copy's is that same analysis); empty for other nodes. They are the
    #: analyses the inference keeps for the block, brought up to date with it, not snapshots.
    copies: tuple[ShapeInference, ...] = field(default=(), compare=False, repr=False)

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
    return words[0] if len(words) == 1 else either(", ".join(words[:-1]), words[-1])


def _first_line(error: BaseException) -> str:
    said = first_line(error)
    return said if isinstance(said, Message) else said.rstrip(".")


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
    copy = NetworkGraph(graph.library)  # its blocks use the project's networks
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
    feeds: the tensor each Input node takes, by node id, in place of its own shape (a network
    analysed as a block's copy takes what arrives at the block). Block nodes are analysed
    through `netstudio.core.blocks.infer_block`, and again when a network of the graph's
    library changes; each Block's copies stay alive between updates (`BlockCopies`), so
    an edit re-infers in each copy only what it reaches.
    """

    #: Build modules without filling their meta parameters and run them under
    #: `meta_run.FastMeta`, which answers the aten ops whose meta kernels are slow Python
    #: decompositions; False builds and runs them plainly (what the tests compare it with).
    fast_meta: bool = True

    def __init__(
        self,
        graph: NetworkGraph,
        batch_size: int = META_BATCH,
        *,
        data_shape: Sequence[int] | None = None,
        feeds: Mapping[str, TensorInfo] | None = None,
    ) -> None:
        self.graph = graph
        self.batch_size = batch_size
        self._data_shape = tuple(data_shape) if data_shape is not None else None
        self._feeds: dict[str, TensorInfo] = dict(feeds or {})
        self._blocks: set[str] = {n.id for n in graph.nodes() if n.type_id == BLOCK}
        #: Each Block node's copies, kept between updates (see `BlockCopies`).
        self._copies: dict[str, BlockCopies] = {}
        self._infos: dict[str, NodeInfo] = {}
        self._keys: dict[str, Any] = {}
        #: Each node's analysis before its current one, by key: an undo, or fixing the edit
        #: that broke everything downstream, brings back earlier inputs; their answers are
        #: reused instead of running every layer downstream again.
        self._previous: dict[str, tuple[Any, NodeInfo]] = {}
        self._modules: dict[Any, tuple[nn.Module, int, int]] = {}
        self._runs: dict[tuple[int, tuple[TensorInfo, ...]], list[TensorInfo]] = {}
        #: MACs per sample, by (module, inputs of its meta run, steps): counted apart from the
        #: shapes (see `count_macs`).
        self._mac_counts: dict[tuple[int, tuple[TensorInfo, ...], int], int] = {}
        #: The analysed nodes whose MACs are still to count, in the order analysed.
        self._mac_jobs: dict[str, None] = {}
        self._dirty: set[str] = set(n.id for n in graph.nodes())
        #: A topological order kept edit by edit (see `_topological_order`): `_order[i]` is
        #: the node at place i (None where a node was removed), `_place` each node's place.
        self._order: list[str | None] | None = None
        self._place: dict[str, int] = {}
        self._new_edges: list[Edge] = []
        self._cyclic: set[str] = set()
        self.recomputed = 0
        #: updated(changed_ids): an `update()` changed these nodes' infos (whoever asked for it).
        self.updated = Event("updated")
        events = graph.events
        self._subscriptions = Subscriptions(
            [  # type: ignore[arg-type]  # bound methods are Handlers
                (events.node_added, self._on_node_added),
                (events.node_removed, self._on_node_removed),
                (events.edge_added, self._on_edge_added),
                (events.edge_removed, self._on_edge_removed),
                (events.params_changed, self._on_node_changed),
                (events.renamed, self._on_node_changed),
                (events.cleared, self._on_cleared),
            ]
            + ([(graph.library.changed, self._on_library_changed)] if graph.library else [])
        )

    def close(self) -> None:
        """Stop listening to the graph (and the copies of its blocks to their networks)."""
        self._subscriptions.close()
        self._drop_copies()

    def share_memo(self, other: ShapeInference) -> None:
        """Remember built modules, meta runs and MAC counts together with `other` (of the same
        batch size): the copies of a block see the same layers, often with the same shapes."""
        assert other.batch_size == self.batch_size
        self._modules = other._modules
        self._runs = other._runs
        self._mac_counts = other._mac_counts

    def block_copies(self, node_id: str, network: NetworkGraph) -> BlockCopies:
        """The kept copies of Block `node_id`, analyses of `network` (made afresh when the
        block now stands for another network)."""
        kept = self._copies.get(node_id)
        if kept is None or kept.graph is not network:
            if kept is not None:
                kept.close()
            kept = self._copies[node_id] = BlockCopies(self, network)
        return kept

    def _drop_copies(self, node_id: str | None = None) -> None:
        for key in [node_id] if node_id is not None else list(self._copies):
            kept = self._copies.pop(key, None)
            if kept is not None:
                kept.close()

    # --- events --------------------------------------------------------------------------------

    def _on_library_changed(self, _name: str) -> None:
        self._dirty |= self._blocks  # unchanged blocks keep their analysis (see `_block_key`)

    def _on_node_added(self, node: Node) -> None:
        if node.type_id == BLOCK:
            self._blocks.add(node.id)
        if self._order is not None and node.id not in self._place:
            self._place[node.id] = len(self._order)  # nothing reads from it yet: last is fine
            self._order.append(node.id)
        self._dirty.add(node.id)

    def _on_node_removed(self, node: Node) -> None:
        if self._order is not None:
            place = self._place.pop(node.id, None)
            if place is not None:
                self._order[place] = None
            if self._cyclic:
                self._order = None
        self._dirty.discard(node.id)
        self._blocks.discard(node.id)
        self._drop_copies(node.id)
        self._infos.pop(node.id, None)
        self._keys.pop(node.id, None)
        self._previous.pop(node.id, None)
        self._mac_jobs.pop(node.id, None)

    def _on_edge_added(self, edge: Edge) -> None:
        if self._order is not None:
            self._new_edges.append(edge)
        self._dirty.add(edge.dst)

    def _on_edge_removed(self, edge: Edge) -> None:
        if self._cyclic:
            self._order = None  # removing a wire may break a cycle: order it all again
        self._dirty.add(edge.dst)

    def _on_node_changed(self, node: Node, _old: Any = None) -> None:
        self._dirty.add(node.id)

    def _on_cleared(self) -> None:
        self._order = None
        self._blocks.clear()
        self._drop_copies()
        self._mac_jobs.clear()
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

    def set_feeds(self, feeds: Mapping[str, TensorInfo]) -> None:
        """The tensors the Input nodes take are now `feeds` (see the class docstring): the
        Inputs whose tensor changed (and what follows them) are analysed on the next
        `update()`."""
        if feeds == self._feeds:
            return
        changed = {
            n for n in feeds.keys() | self._feeds.keys() if feeds.get(n) != self._feeds.get(n)
        }
        self._dirty |= {n for n in changed if n in self.graph}
        self._feeds = dict(feeds)

    # --- queries -------------------------------------------------------------------------------

    @property
    def block_ids(self) -> set[str]:
        """The ids of the graph's Block nodes."""
        return set(self._blocks)

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    def info(self, node_id: str) -> NodeInfo:
        """The node's info, brought up to date first."""
        self.update()
        return self._infos[node_id]

    def known(self, node_id: str) -> NodeInfo | None:
        """The node's info as far as it is known now, without updating (None: not analysed
        yet). For a caller showing a large network while it is analysed a slice at a time."""
        return self._infos.get(node_id)

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
        """MACs per sample of the whole network, every node counted (see `count_macs`)."""
        self.update()
        self.count_macs()
        return sum(info.macs or 0 for info in self._infos.values())

    @property
    def macs_pending(self) -> bool:
        """Whether some analysed node's MACs are still to count."""
        return bool(self._mac_jobs)

    def count_macs(self, deadline: float | None = None) -> set[str]:
        """Count the MACs of the analysed nodes that lack them; returns the ids counted.

        Shapes come from a meta run without a counter; MACs need torch's FlopCounterMode, whose
        decomposed kernels cost most of a layer's analysis, so they are counted here, apart:
        the editor calls this a slice at a time after the shapes are shown (`deadline`: a
        `time.perf_counter()` value after which it stops, the rest left for the next call),
        `netstudio check` all at once. Remembered per module, input shapes and steps.
        """
        counted: set[str] = set()
        for node_id in list(self._mac_jobs):
            if deadline is not None and counted and time.perf_counter() > deadline:
                break
            del self._mac_jobs[node_id]
            info = self._infos.get(node_id)
            if info is None or info.mac_job is None or info.macs is not None:
                continue
            module, inputs, steps = info.mac_job
            key = (id(module), inputs, steps)
            macs = self._mac_counts.get(key) if not info.copies else None
            if info.copies:  # a block: the work of each of its copies
                macs = sum(copy.total_macs() for copy in info.copies)
            if macs is None:
                try:
                    macs = self._count_once(module, inputs) * steps
                except Exception:  # shapes ran; a counter's own failure leaves MACs unknown
                    continue
                if len(self._mac_counts) > 16384:
                    self._mac_counts.clear()
                self._mac_counts[key] = macs
            info.macs = macs
            info.mac_job = None
            counted.add(node_id)
        return counted

    def order(self) -> list[str]:
        """Every node id, each after the nodes it reads from (cyclic nodes last)."""
        self.update()
        self._topological_order()
        assert self._order is not None
        return [node_id for node_id in self._order if node_id is not None]

    def cyclic_nodes(self) -> set[str]:
        self.update()
        return set(self._cyclic)

    def would_accept(self, node: Node, inputs: Sequence[TensorInfo | None]) -> str | None:
        """The error `node` would have with these inputs, or None (for wire previews)."""
        info = self._compute(node, tuple(inputs), keep=False)
        return info.error

    # --- the work ------------------------------------------------------------------------------

    def _topological_order(self) -> dict[str, int]:
        """Each node's place in a topological order (cyclic nodes last), kept edit by edit.

        A new node goes last; a removed one leaves a hole; a new wire that points backwards
        reorders only the nodes between its ends (Pearce and Kelly's dynamic topological
        sort), so an edit does not sort the whole graph again. Where the graph has a cycle
        (only a loaded file can), the order is made again from scratch after each edit.
        """
        if self._order is not None:
            for edge in self._new_edges:
                if not self._keep_order(edge):
                    self._order = None
                    break
        self._new_edges.clear()
        if self._order is None:
            try:
                order = self.graph.topological_order()
                self._cyclic = set()
            except CycleError:
                g = self.graph.nx_graph
                self._cyclic = {
                    n for comp in nx.strongly_connected_components(g) if len(comp) > 1 for n in comp
                }
                self._cyclic |= {n for n in g if g.has_edge(n, n)}
                rest = g.subgraph(n for n in g if n not in self._cyclic)
                order = list(nx.topological_sort(rest)) + sorted(self._cyclic)
            self._order = list(order)
            self._place = {node_id: i for i, node_id in enumerate(order)}
        elif len(self._order) > 2 * len(self._place) + 64:  # mostly holes: close them up
            kept = [n for n in self._order if n is not None]
            self._order = list(kept)
            self._place = {node_id: i for i, node_id in enumerate(kept)}
        return self._place

    def _keep_order(self, edge: Edge) -> bool:
        """Make the order hold with `edge` added; False when it closes a cycle (or its ends are
        unknown), and the order must be made from scratch."""
        place, order = self._place, self._order
        assert order is not None
        if self._cyclic or edge.src not in place or edge.dst not in place:
            return False  # cyclic nodes are last in no order: a new wire may close another
        low, high = place[edge.dst], place[edge.src]
        if high < low:
            return True  # the wire points forward in the order already
        graph = self.graph.nx_graph
        forward: set[str] = set()
        stack = [edge.dst]
        while stack:  # what the wire's end feeds, up to the wire's start
            node = stack.pop()
            if node in forward:
                continue
            if node == edge.src:
                return False  # a cycle
            forward.add(node)
            stack.extend(n for n in graph.successors(node) if place[n] <= high)
        backward: set[str] = set()
        stack = [edge.src]
        while stack:  # what feeds the wire's start, back to the wire's end
            node = stack.pop()
            if node in backward:
                continue
            backward.add(node)
            stack.extend(n for n in graph.predecessors(node) if place[n] >= low)
        moved = sorted(backward, key=place.__getitem__) + sorted(forward, key=place.__getitem__)
        places = sorted(place[n] for n in moved)
        for node, at in zip(moved, places, strict=True):
            place[node] = at
            order[at] = node
        return True

    def update(self, deadline: float | None = None) -> set[str]:
        """Recompute what the edits since the last call affect; returns the ids that changed.

        deadline: a `time.perf_counter()` value; past it, the update stops after the node at
        hand and leaves the rest for the next call (`dirty` stays true), so that a caller can
        show a large network a slice at a time. Nodes are done in data-flow order, so what
        is done is final.
        """
        if not self._dirty:
            return set()
        changed: set[str] = set()
        dirty = self._dirty
        place = self._topological_order()
        queue = [(place[n], n) for n in dirty if n in place]
        heapq.heapify(queue)
        while queue:
            _, node_id = heapq.heappop(queue)
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
                self._feeds.get(node_id),
                self._block_key(node),
            )
            if self._keys.get(node_id) == key:
                continue
            old = self._infos.get(node_id)
            earlier = self._previous.get(node_id)
            if earlier is not None and earlier[0] == key and node.type_id != BLOCK:
                # (a Block's copies are live analyses: its info is made again from them)
                info = earlier[1]
            else:
                info = self._compute(node, inputs, cyclic=node_id in self._cyclic)
                self.recomputed += 1
            if old is not None and node_id in self._keys:
                self._previous[node_id] = (self._keys[node_id], old)
            self._infos[node_id] = info
            self._keys[node_id] = key
            if info.mac_job is not None and info.macs is None:
                self._mac_jobs[node_id] = None
            else:
                self._mac_jobs.pop(node_id, None)
            changed.add(node_id)
            if old is None or old.outputs != info.outputs:
                for successor in self.graph.successors(node_id):
                    if successor not in dirty:
                        dirty.add(successor)
                        heapq.heappush(queue, (place[successor], successor))
            if deadline is not None and queue and time.perf_counter() > deadline:
                break
        else:
            dirty.clear()
        if changed:
            self.updated.emit(changed)
        return changed

    def _block_key(self, node: Node) -> tuple[tuple[str, int], ...]:
        """What a Block node's analysis depends on beyond its own parameters and inputs: the
        revision of every network it reaches through blocks; () for other nodes."""
        library = self.graph.library
        if node.type_id != BLOCK or library is None:
            return ()
        from netstudio.core.blocks import reached_networks

        return tuple((name, library.revision(name)) for name in reached_networks(library, node))

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
        self,
        node: Node,
        inputs: tuple[TensorInfo | None, ...],
        cyclic: bool = False,
        *,
        keep: bool = True,
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
        if node.type_id == BLOCK:
            from netstudio.core.blocks import infer_block

            return infer_block(self, node, tuple(known), keep=keep)
        problem = self._check_inputs(node, spec, known)
        if problem:
            return NodeInfo(inputs=inputs, resolved=dict(node.params), error=problem)
        try:
            resolved, implied = resolve_params(spec, node.params, known)
        except (IndexError, ValueError) as error:
            return NodeInfo(
                inputs=inputs,
                resolved=dict(node.params),
                error=CANNOT_TAKE_INPUT(node=node.label, input=str(known[0]), error=str(error)),
            )
        for name, value in implied.items():
            given = node.params.get(name)
            if given is not None and given != value and spec.param(name).auto:
                return NodeInfo(
                    inputs=inputs,
                    resolved=resolved,
                    error=PARAM_CLASH(
                        node=node.label, name=name, given=str(given), value=str(value)
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
                error=MODULE_REFUSED(node=node.label, reason=_first_line(error)),
            )
        too_big = self._too_big(node, count)
        if too_big:
            return NodeInfo(inputs=inputs, resolved=resolved, error=too_big)
        if spec.elementwise:  # the input's tensor, and no work to count (see LayerSpec)
            return NodeInfo(
                outputs={spec.outputs[0]: known[0]},
                inputs=inputs,
                resolved=resolved,
                param_count=count,
                trainable_count=trainable,
                macs=0,
            )
        try:
            out, job = self._run(module, known, spec.stepwise)
        except Exception as error:
            return NodeInfo(
                inputs=inputs,
                resolved=resolved,
                param_count=count,
                trainable_count=trainable,
                error=CANNOT_TAKE(
                    node=node.label,
                    inputs=", ".join(str(t) for t in known),
                    error=_first_line(error),
                ),
            )
        moved = next((t for t in out if t.rank == 0 or t.shape[0] != self.batch_size), None)
        if moved is not None:
            return NodeInfo(
                inputs=inputs,
                resolved=resolved,
                param_count=count,
                trainable_count=trainable,
                error=BATCH_DIMENSION(node=node.label),
            )
        outputs = dict(zip(spec.outputs, out, strict=False))
        return NodeInfo(
            outputs=outputs,
            inputs=inputs,
            resolved=resolved,
            param_count=count,
            trainable_count=trainable,
            mac_job=job,
        )

    def _input(self, node: Node) -> NodeInfo:
        """An Input's tensor: its own shape, or the data's when it is auto."""
        resolved = dict(node.params)
        shape = node.params.get("shape")
        feed = self._feeds.get(node.id)
        if feed is not None:
            if shape is not None and tuple(shape) != feed.shape[1:]:
                return NodeInfo(
                    resolved=resolved,
                    error=INPUT_SHAPE_CLASH(
                        node=node.label, shape=str(TensorInfo((0, *shape))), feed=str(feed)
                    ),
                )
            resolved["shape"] = feed.shape[1:]
            return NodeInfo(outputs={"out": feed}, resolved=resolved)
        if shape is None:
            if self._data_shape is None:
                return NodeInfo(
                    resolved=resolved,
                    error=SHAPE_UNKNOWN(node=node.label),
                )
            shape = resolved["shape"] = self._data_shape
        return NodeInfo(
            outputs={"out": TensorInfo((self.batch_size, *shape), node.params["dtype"])},
            resolved=resolved,
        )

    def _check_inputs(self, node: Node, spec: LayerSpec, inputs: Sequence[TensorInfo]) -> str:
        first = inputs[0]
        if spec.input_ranks and first.rank not in spec.input_ranks:
            if spec.rank_hint is not None:
                return EXPECTS_RANK_HINT(
                    node=node.label,
                    ranks=_ranks(spec.input_ranks),
                    got=str(first),
                    hint=spec.rank_hint.message(node.name),
                )
            return EXPECTS_RANK(node=node.label, ranks=_ranks(spec.input_ranks), got=str(first))
        if spec.same_input_shapes and len({t.shape for t in inputs}) > 1:
            return NEEDS_ONE_SHAPE(node=node.label, shapes=both([str(t) for t in inputs]))
        is_int = first.dtype.startswith("int")
        if spec.input_dtype == "float" and is_int:
            return NEEDS_FLOAT(node=node.label, dtype=first.dtype, name=node.name)
        if spec.input_dtype == "long" and not is_int:
            return NEEDS_LONG(node=node.label, dtype=first.dtype)
        return ""

    @staticmethod
    def _too_big(node: Node, count: int) -> str:
        """The error of a layer with more than `MAX_LAYER_PARAMS` parameters, else ""."""
        if count <= MAX_LAYER_PARAMS:
            return ""
        gib = count * 4 / 2**30
        return TOO_BIG(
            node=node.label, count=Count(count), gib=Count(round(gib)), most=Count(MAX_LAYER_PARAMS)
        )

    def _module(self, spec: LayerSpec, resolved: Mapping[str, Any]) -> tuple[nn.Module, int, int]:
        key = (spec.type_id, _freeze(dict(resolved)))
        cached = self._modules.get(key)
        if cached is None:
            with self._building():
                module = spec.create_module(resolved)
            module.eval()
            count = sum(p.numel() for p in module.parameters())
            trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
            cached = (module, count, trainable)
            if len(self._modules) > 4096:
                self._modules.clear()
                self._runs.clear()
                self._mac_counts.clear()
            self._modules[key] = cached
        return cached

    def _run(
        self, module: nn.Module, inputs: Sequence[TensorInfo], stepwise: bool = False
    ) -> tuple[list[TensorInfo], tuple[nn.Module, tuple[TensorInfo, ...], int]]:
        """Output shapes of `module` on `inputs`, and what counting its MACs takes (the module,
        the inputs of its meta run, the steps to multiply by). Remembered per module and input
        shapes: a network repeats its blocks, and a meta run costs a fraction of a millisecond.

        stepwise: the layer repeats one cell along dimension 1 (see `LayerSpec.stepwise`). On
        the meta device torch runs such a cell one step at a time, milliseconds a step and
        layer, so it runs one step here: outputs of the input's rank get their steps back, and
        the work is the one step's times the steps.
        """
        steps = inputs[0].shape[1] if stepwise and inputs[0].rank >= 2 else 1
        run = tuple(inputs)
        if steps > 1:
            first = inputs[0]
            run = (TensorInfo((first.shape[0], 1, *first.shape[2:]), first.dtype), *inputs[1:])
        key = (id(module), run)  # modules stay alive in `_modules` while remembered
        known = self._runs.get(key)
        if known is None:
            if len(self._runs) > 16384:
                self._runs.clear()
            known = self._run_once(module, run)
            self._runs[key] = known
        outs = list(known)
        if steps > 1:
            rank = inputs[0].rank
            outs = [
                _with_steps(t, steps) if t.rank == rank and t.shape[1] == 1 else t for t in outs
            ]
        return outs, (module, run, steps)

    def _building(self) -> AbstractContextManager[Any]:
        """Where modules are built: on the meta device, their parameters unfilled (see
        `meta_run.MetaBuild`), or plainly under ``torch.device("meta")`` without `fast_meta`."""
        if not self.fast_meta:
            return _torch().device("meta")
        from netstudio.core.meta_run import build_context

        return build_context()

    def _fast_meta(self, module: nn.Module) -> AbstractContextManager[Any]:
        """Where `module` runs: under the dispatch mode that answers slow meta kernels
        directly (`meta_run.run_context`), or plainly when `fast_meta` is off."""
        if not self.fast_meta:
            return nullcontext()
        from netstudio.core.meta_run import run_context

        return run_context(module)

    def _meta_inputs(self, inputs: Sequence[TensorInfo]) -> list[torch.Tensor]:
        torch = _torch()
        return [torch.empty(t.shape, dtype=dtype_of(t.dtype), device="meta") for t in inputs]

    def _run_once(self, module: nn.Module, inputs: Sequence[TensorInfo]) -> list[TensorInfo]:
        """The output tensors of one meta run (shapes and dtypes, no work counted)."""
        torch = _torch()
        tensors = self._meta_inputs(inputs)
        with torch.no_grad(), self._fast_meta(module):
            result = module(*tensors)
        results = result if isinstance(result, (tuple, list)) else (result,)
        return [TensorInfo(tuple(r.shape), dtype_name(r.dtype)) for r in results]

    def _count_once(self, module: nn.Module, inputs: Sequence[TensorInfo]) -> int:
        """MACs per sample of one meta run, counted by torch's FlopCounterMode."""
        torch = _torch()
        from torch.utils.flop_counter import FlopCounterMode

        counter = FlopCounterMode(display=False)
        with torch.no_grad(), self._fast_meta(module), counter:  # the counter sees each op first
            module(*self._meta_inputs(inputs))
        return counter.get_total_flops() // 2 // max(1, self.batch_size)
