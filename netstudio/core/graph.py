"""The network graph: layer nodes with typed ports, wired output port to input port.

`NetworkGraph` keeps a networkx `MultiDiGraph` underneath, checks every edit, and announces each
change as a plain-Python event (`graph.events.node_added` ...) that views and the shape
inference subscribe to. It knows nothing of Qt or torch.
"""

from __future__ import annotations

import keyword
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from netstudio.core import graph_messages as said
from netstudio.core import param_messages as words
from netstudio.core.blocks import BLOCK, block_ports
from netstudio.core.catalogue import LayerSpec, catalogue
from netstudio.core.errors import (
    CycleError,
    GraphError,
    NameInUseError,
    ParamError,
    PortError,
    PortInUseError,
    UnknownNodeError,
)
from netstudio.core.events import GraphEvents

if TYPE_CHECKING:
    from netstudio.core.blocks import Library

Position = tuple[float, float]


@dataclass(eq=False)
class Node:
    """A layer placed in the graph. `id` never changes; `name` is what the person sees."""

    id: str
    type_id: str
    name: str
    params: dict[str, Any]
    position: Position = (0.0, 0.0)
    #: The graph the node is in: a Block node finds its network through the graph's library.
    owner: NetworkGraph | None = field(default=None, repr=False, compare=False)

    @property
    def spec(self) -> LayerSpec:
        return catalogue().get(self.type_id)

    @property
    def input_ports(self) -> tuple[str, ...]:
        if self.type_id == BLOCK:
            return block_ports(self, self._library)[0]
        return self.spec.input_ports(self.params)

    @property
    def output_ports(self) -> tuple[str, ...]:
        if self.type_id == BLOCK:
            return block_ports(self, self._library)[1]
        return self.spec.outputs

    @property
    def _library(self) -> Library | None:
        return self.owner.library if self.owner is not None else None

    @property
    def label(self) -> str:
        """How messages name the node: ``Linear 'fc1'``."""
        return f"{self.spec.name} '{self.name}'"

    def __repr__(self) -> str:
        return f"Node({self.id!r}, {self.type_id}, name={self.name!r})"


@dataclass(frozen=True, order=True)
class Edge:
    """A wire from an output port of `src` to an input port of `dst`."""

    src: str
    src_port: str
    dst: str
    dst_port: str

    def __str__(self) -> str:
        return f"{self.src}.{self.src_port} → {self.dst}.{self.dst_port}"


@dataclass(frozen=True)
class Verdict:
    """The answer of `can_connect`: ok, or the error that `connect` would raise."""

    ok: bool
    reason: str = ""
    error: GraphError | None = field(default=None, compare=False)

    def __bool__(self) -> bool:
        return self.ok


_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$")


class NetworkGraph:
    """A directed acyclic graph of layer nodes (see module docstring).

    library: the named networks of the project this graph belongs to (its Block nodes use
    them); None for a graph on its own. A `Library` sets it when the graph is added to it.
    """

    def __init__(self, library: Library | None = None) -> None:
        self.library: Library | None = library
        self._g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._inputs: dict[tuple[str, str], Edge] = {}
        self._names: dict[str, str] = {}
        #: Each node's and wire's place in the file order. Undo puts a removed node back at its
        #: old place, so a delete and its undo give back the file byte for byte.
        self._places: dict[str | Edge, int] = {}
        self._next_place = 0
        self._unsettled = False
        self.events = GraphEvents()

    # --- reading -------------------------------------------------------------------------------

    @property
    def nx_graph(self) -> nx.MultiDiGraph:
        """The networkx graph underneath (node attribute ``node``, edge key the `Edge`).

        Read it, never edit it: edits go through this class so events fire.
        """
        self._settle()
        return self._g

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def __iter__(self) -> Iterator[Node]:
        return self.nodes()

    def nodes(self) -> Iterator[Node]:
        """Nodes in file order: the order they were added, a restored node at its old place."""
        self._settle()
        # types-networkx says ``nodes(data=key)`` gives each node's attribute dict; it gives the
        # value under `key`, here the Node.
        for _, node in self._g.nodes(data="node"):
            yield node  # type: ignore[misc]

    def node(self, node_id: str) -> Node:
        try:
            return self._g.nodes[node_id]["node"]
        except KeyError:
            raise UnknownNodeError(said.NO_NODE(id=node_id), node_id) from None

    def node_by_name(self, name: str) -> Node:
        node_id = self._names.get(name)
        if node_id is None:
            raise UnknownNodeError(said.NO_NODE_NAMED(name=name))
        return self.node(node_id)

    def edges(self) -> list[Edge]:
        """Wires grouped by source node (in node order), each group in the order added."""
        self._settle()
        return [key for _, _, key in self._g.edges(keys=True)]

    def in_edges(self, node_id: str) -> list[Edge]:
        """Wires into `node_id`, in the order of its input ports."""
        node = self.node(node_id)
        return [
            self._inputs[(node_id, p)] for p in node.input_ports if (node_id, p) in self._inputs
        ]

    def out_edges(self, node_id: str) -> list[Edge]:
        self.node(node_id)
        self._settle()
        return [key for _, _, key in self._g.out_edges(node_id, keys=True)]

    def edge_into(self, node_id: str, port: str) -> Edge | None:
        return self._inputs.get((node_id, port))

    def predecessors(self, node_id: str) -> list[str]:
        return list(dict.fromkeys(e.src for e in self.in_edges(node_id)))

    def successors(self, node_id: str) -> list[str]:
        self._settle()
        return list(dict.fromkeys(self._g.successors(node_id)))

    def inputs(self) -> list[Node]:
        return [n for n in self.nodes() if n.spec.role == "input"]

    def outputs(self) -> list[Node]:
        return [n for n in self.nodes() if n.spec.role == "output"]

    def is_acyclic(self) -> bool:
        return nx.is_directed_acyclic_graph(self._g)

    def topological_order(self) -> list[str]:
        """Node ids, every node after the nodes it reads from; ties keep insertion order.

        Raises CycleError when the graph has a cycle (possible only in a loaded file).
        """
        self._settle()
        order = {node_id: i for i, node_id in enumerate(self._g.nodes)}
        try:
            return list(nx.lexicographical_topological_sort(self._g, key=order.__getitem__))
        except nx.NetworkXUnfeasible:
            raise CycleError(said.HAS_CYCLE()) from None

    def descendants(self, node_id: str) -> set[str]:
        return nx.descendants(self._g, node_id)

    def place(self, item: str | Edge) -> int:
        """A node's (by id) or wire's place in the file order; pass it back to `add_node` or
        `connect` to restore the item where it was."""
        try:
            return self._places[item]
        except KeyError:
            raise UnknownNodeError(said.NO_ITEM(item=str(item))) from None

    def _claim_place(self, item: str | Edge, place: int | None) -> None:
        if place is None:
            place = self._next_place
        elif place < self._next_place:
            self._unsettled = True
        self._places[item] = place
        self._next_place = max(self._next_place, place + 1)

    def _settle(self) -> None:
        """Bring the networkx graph's order (which iteration follows) back to file order after
        items were restored at earlier places. Rebuilt in place: holders of `nx_graph` keep a
        valid reference."""
        if not self._unsettled:
            return
        self._unsettled = False
        place = self._places.__getitem__
        nodes = sorted(self._g.nodes(data=True), key=lambda item: place(item[0]))
        edges = sorted(self._g.edges(keys=True), key=lambda item: place(item[2]))
        self._g.clear()
        self._g.add_nodes_from(nodes)
        self._g.add_edges_from(edges)

    # --- naming --------------------------------------------------------------------------------

    def unique_name(self, stem: str) -> str:
        """`stem` followed by the smallest number not yet taken: fc1, fc2, ..."""
        stem = stem or "node"
        i = 1
        while f"{stem}{i}" in self._names or f"{stem}{i}" in self._g:
            i += 1
        return f"{stem}{i}"

    def _unique_id(self, wanted: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_\-.]", "_", wanted) or "node"
        if base[0].isdigit() or base[0] in "-.":
            base = "n" + base
        if base not in self._g:
            return base
        i = 2
        while f"{base}_{i}" in self._g:
            i += 1
        return f"{base}_{i}"

    # --- editing -------------------------------------------------------------------------------

    def add_node(
        self,
        type_id: str,
        *,
        name: str | None = None,
        params: Mapping[str, Any] | None = None,
        position: Iterable[float] = (0.0, 0.0),
        node_id: str | None = None,
        place: int | None = None,
    ) -> Node:
        """Place a new layer. Missing parameters take their defaults; all are checked.

        Without a name the node is named after its id, or else ``<stem><n>`` (fc1, conv2 ...).
        `place` puts it back at a place in the file order it had before (see `place()`).

        Raises UnknownLayerError, ParamError, NameInUseError, or GraphError for a taken id.
        """
        spec = catalogue().get(type_id)
        if name is None:
            if node_id is None or node_id in self._names:
                name = self.unique_name(spec.base_name)
            else:
                name = node_id
        name = name.strip()
        owner = f"{spec.name} '{name}'"
        self._check_name(name, None)
        checked = spec.check_params(params or {}, owner)
        if node_id is None:
            node_id = self._unique_id(name)
        elif node_id in self._g:
            raise GraphError(said.ID_TAKEN(id=node_id), node_id)
        elif not _ID_RE.match(node_id):
            raise GraphError(said.BAD_ID(id=node_id), node_id)
        node = Node(node_id, type_id, name, checked, _position(position, node_id), self)
        self._g.add_node(node_id, node=node)
        self._claim_place(node_id, place)
        self._names[name] = node_id
        self.events.node_added.emit(node)
        return node

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Delete a node and its wires (each announced first). Returns both, for undo."""
        node = self.node(node_id)
        removed = list(dict.fromkeys(self.in_edges(node_id) + self.out_edges(node_id)))
        for edge in removed:
            self.disconnect(edge)
        self._g.remove_node(node_id)
        del self._places[node_id]
        del self._names[node.name]
        self.events.node_removed.emit(node)
        return node, removed

    def check_connect(self, src: str, src_port: str, dst: str, dst_port: str) -> Edge:
        """Raise the error that `connect` would raise, or return the wire it would add."""
        source, target = self.node(src), self.node(dst)
        if src_port not in source.output_ports:
            ports = said.ports(source.output_ports)
            raise PortError(said.NO_OUTPUT_PORT(node=source.label, port=src_port, ports=ports), src)
        if dst_port not in target.input_ports:
            ports = said.ports(target.input_ports)
            raise PortError(said.NO_INPUT_PORT(node=target.label, port=dst_port, ports=ports), dst)
        if src == dst:
            raise CycleError(said.FEEDS_ITSELF(node=source.label), src)
        existing = self._inputs.get((dst, dst_port))
        if existing is not None:
            wired_from = self.node(existing.src).name
            raise PortInUseError(
                said.PORT_IN_USE(port=dst_port, node=target.label, wired_from=wired_from), dst
            )
        if nx.has_path(self._g, dst, src):
            cycle = said.MAKES_CYCLE(
                source=source.label,
                target=target.label,
                target_name=target.name,
                source_name=source.name,
            )
            raise CycleError(cycle, dst)
        return Edge(src, src_port, dst, dst_port)

    def can_connect(self, src: str, src_port: str, dst: str, dst_port: str) -> Verdict:
        """Whether `connect` would succeed, and if not, why (same checks, no exception)."""
        try:
            self.check_connect(src, src_port, dst, dst_port)
        except GraphError as error:
            return Verdict(False, error.message, error)
        return Verdict(True)

    def connect(
        self, src: str, src_port: str, dst: str, dst_port: str, *, place: int | None = None
    ) -> Edge:
        """Wire `src.src_port` to `dst.dst_port` (`place`: see `add_node`).

        Raises UnknownNodeError, PortError, PortInUseError or CycleError.
        """
        edge = self.check_connect(src, src_port, dst, dst_port)
        self._add_edge(edge, place)
        return edge

    def _add_edge(self, edge: Edge, place: int | None = None) -> None:
        self._g.add_edge(edge.src, edge.dst, key=edge)
        self._claim_place(edge, place)
        self._inputs[(edge.dst, edge.dst_port)] = edge
        self.events.edge_added.emit(edge)

    def disconnect(self, edge: Edge) -> None:
        if not self._g.has_edge(edge.src, edge.dst, key=edge):
            raise GraphError(said.NO_WIRE(edge=str(edge)), edge.dst)
        self._g.remove_edge(edge.src, edge.dst, key=edge)
        del self._places[edge]
        if self._inputs.get((edge.dst, edge.dst_port)) == edge:
            del self._inputs[(edge.dst, edge.dst_port)]
        self.events.edge_removed.emit(edge)

    def set_params(self, node_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Change some parameters of a node; returns the old values of all of them.

        Raises ParamError (naming the node and parameter); a merge cannot drop an input port
        that still has a wire.
        """
        node = self.node(node_id)
        spec = node.spec
        merged = {**node.params, **changes}
        try:
            checked = spec.check_params(merged, node.label)
        except ParamError as error:
            error.node_id = node_id
            raise
        if spec.variadic:
            kept = set(spec.input_ports(checked))
            for port in node.input_ports:
                if port not in kept and (node_id, port) in self._inputs:
                    raise ParamError(
                        words.INPUT_STILL_WIRED(owner=node.label, port=port), node_id, "inputs"
                    )
        if checked == node.params:
            return dict(node.params)
        old = node.params
        node.params = checked
        self.events.params_changed.emit(node, old)
        return dict(old)

    def rename(self, node_id: str, name: str) -> str:
        """Give a node a new unique name; returns the old one."""
        node = self.node(node_id)
        name = name.strip()
        if name == node.name:
            return name
        self._check_name(name, node_id)
        old = node.name
        del self._names[old]
        node.name = name
        self._names[name] = node_id
        self.events.renamed.emit(node, old)
        return old

    def move(self, node_id: str, position: Iterable[float]) -> Position:
        """Place a node at `position` on the canvas; returns the old position."""
        node = self.node(node_id)
        old = node.position
        new = _position(position, node_id)
        if new != old:
            node.position = new
            self.events.node_moved.emit(node, old)
        return old

    def clear(self) -> None:
        self._g.clear()
        self._inputs.clear()
        self._names.clear()
        self._places.clear()
        self._next_place = 0
        self._unsettled = False
        self.events.cleared.emit()

    def _check_name(self, name: str, node_id: str | None) -> None:
        if not name:
            raise NameInUseError(words.NO_NAME(), node_id)
        if any(not ch.isprintable() for ch in name):
            raise NameInUseError(words.NOT_PRINTABLE(), node_id)
        if len(name) > 64:
            raise NameInUseError(words.TOO_LONG(start=name[:20]), node_id)
        owner = self._names.get(name)
        if owner is not None and owner != node_id:
            raise NameInUseError(words.NAME_TAKEN(name=name), node_id)


def _position(position: Iterable[float], node_id: str | None) -> Position:
    x, y = (float(v) for v in position)
    if not (math.isfinite(x) and math.isfinite(y)):
        raise GraphError(said.NOT_FINITE_POINT(x=str(x), y=str(y)), node_id)
    return (x, y)


def python_name(name: str) -> str:
    """`name` made into an ASCII Python identifier (for module attributes and generated code).

    Compatibility forms and accents are folded first (``ﬁ`` gives ``fi``, ``fc²`` ``fc2``, ``é``
    ``e``): Python reads an identifier NFKC-normalised, so ``self.ﬁ`` in generated code *is*
    ``self.fi``, and a name kept as typed could call another layer. Other characters become
    ``_``. Two names may fold alike: whoever needs distinct identifiers numbers them.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ident = re.sub(r"\W", "_", folded.strip(), flags=re.ASCII).strip("_") or "layer"
    if ident[0].isdigit():
        ident = "_" + ident
    if keyword.iskeyword(ident) or ident in {"self", "forward", "training"}:
        ident += "_"
    return ident
