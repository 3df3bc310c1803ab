"""Whole-graph checks: what makes a network unable to run, each with the node and the fix.

Structure comes from networkx (cycles, reachability); shape problems come from the shape
inference, which ran the real layers. The same list feeds `netstudio check`, the Problems
dock and the compiler's refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from netstudio.core.events import Subscriptions
from netstudio.core.graph import Edge, NetworkGraph, Node
from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.core.shapes import ShapeInference

Severity = Literal["error", "warning"]

# The messages of these checks (netstudio.core.messages): English here, translated in the GUI.
NO_INPUT = Template(
    "validation.no-input",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "the network has no Input node: add one from the Input/Output category and wire it to "
        "the first layer",
    ),
)
NO_OUTPUT = Template(
    "validation.no-output",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation", "the network has no Output node: add one and wire the last layer into it"
    ),
)
CYCLE = Template(
    "validation.cycle",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "{node} is part of a cycle ({loop}): networks here must not loop; remove one of these "
        "wires",
    ),
)
INPUT_NOT_CONNECTED = Template(
    "validation.input-not-connected",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation", "the input of {node} is not connected: wire a layer's output into it"
    ),
)
INPUT_NOT_CONNECTED_VARIADIC = Template(
    "validation.input-not-connected-variadic",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "the input of {node} is not connected: wire a layer's output into it, or lower its "
        "number of inputs",
    ),
)
PORT_NOT_CONNECTED = Template(
    "validation.port-not-connected",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation", "input '{port}' of {node} is not connected: wire a layer's output into it"
    ),
)
PORT_NOT_CONNECTED_VARIADIC = Template(
    "validation.port-not-connected-variadic",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "input '{port}' of {node} is not connected: wire a layer's output into it, or lower its "
        "number of inputs",
    ),
)
TOO_MANY_WIRES = Template(
    "validation.too-many-wires",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "input '{port}' of {node} has {count} wires; an input takes exactly one: remove the "
        "extra wires (use an Add or Concat to join branches)",
    ),
)
UNKNOWN_PORT = Template(
    "validation.unknown-port",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation", "a wire goes into '{port}', which {node} does not have: remove it"
    ),
)
INPUT_FEEDS_NOTHING = Template(
    "validation.input-feeds-nothing",
    "Validation",
    QT_TRANSLATE_NOOP("Validation", "{node} feeds nothing: wire it to a layer or delete it"),
)
RESULT_UNUSED = Template(
    "validation.result-unused",
    "Validation",
    QT_TRANSLATE_NOOP(
        "Validation",
        "{node} does not lead to any Output, so its result is unused: wire it onward or delete it",
    ),
)
NOT_REACHED = Template(
    "validation.not-reached",
    "Validation",
    QT_TRANSLATE_NOOP("Validation", "no Input reaches {node}: it never gets data"),
)


@dataclass(frozen=True)
class Problem:
    """One finding. `node_id` is None for problems of the whole graph (printed as "graph").

    `message` is English; a `netstudio.core.messages.Message` (a str) where the GUI can show
    it translated (the checks of this module), a plain str elsewhere (not translated yet)."""

    severity: Severity
    node_id: str | None
    message: str

    @property
    def where(self) -> str:
        return self.node_id or "graph"

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def validate(graph: NetworkGraph, inference: ShapeInference | None = None) -> list[Problem]:
    """Every problem of `graph`, errors first, each node's problems in graph order."""
    if inference is None:
        inference = ShapeInference(graph)
        try:
            inference.update()
        finally:
            inference.close()
    else:
        inference.update()
    return validate_analysed(graph, inference, network_structure(graph))


#: What `network_structure` finds: the problems before the shapes' (Input/Output nodes,
#: cycles, wiring) and after them (reachability), in `validate`'s order.
Structure = tuple[list[Problem], list[Problem]]


def network_structure(graph: NetworkGraph) -> Structure:
    """The problems of `graph` that its wiring alone decides, whatever its inputs' shapes: a
    block's network has the same ones in every copy, so they are found once per revision of
    it (`netstudio.core.blocks.Library.structure`), not once per copy."""
    return _io_nodes(graph) + _cycles(graph) + _ports(graph), _unreachable(graph)


def validate_analysed(
    graph: NetworkGraph, inference: ShapeInference, structure: Structure
) -> list[Problem]:
    """`validate` of `graph` whose `network_structure` is known already: its shape and block
    problems, from `inference` (brought up to date), between that structure's."""
    inference.update()
    before, after = structure
    found = [*before, *_shapes(graph, inference), *_blocks(graph, inference), *after]
    return sorted(found, key=lambda p: p.severity != "error")


def _io_nodes(graph: NetworkGraph) -> list[Problem]:
    return _io_problems(bool(graph.inputs()), bool(graph.outputs()))


def _io_problems(has_input: bool, has_output: bool) -> list[Problem]:
    found = []
    if not has_input:
        found.append(Problem("error", None, NO_INPUT()))
    if not has_output:
        found.append(Problem("error", None, NO_OUTPUT()))
    return found


def _cycles(graph: NetworkGraph) -> list[Problem]:
    g = graph.nx_graph
    if nx.is_directed_acyclic_graph(g):
        return []
    found = []
    for component in nx.strongly_connected_components(g):
        members = [n for n in g if n in component]
        if len(members) == 1 and not g.has_edge(members[0], members[0]):
            continue
        path = [u for u, *_ in nx.find_cycle(g.subgraph(members), source=members[0])]
        loop = " → ".join(graph.node(n).name for n in [*path, path[0]])
        for node_id in members:
            found.append(
                Problem("error", node_id, CYCLE(node=graph.node(node_id).label, loop=loop))
            )
    return found


def _ports(graph: NetworkGraph) -> list[Problem]:
    found = []
    for node in graph.nodes():
        found += _node_ports(graph, node)
    return found


def _node_ports(graph: NetworkGraph, node: Node) -> list[Problem]:
    """The wiring problems of one node: its inputs, and an Input that feeds nothing."""
    found = []
    ports = node.input_ports
    wired: dict[str, int] = {}
    for _, _, edge in graph.nx_graph.in_edges(node.id, keys=True):
        wired[edge.dst_port] = wired.get(edge.dst_port, 0) + 1
    for port in ports:
        count = wired.get(port, 0)
        if count == 0:
            if len(ports) > 1:
                template = PORT_NOT_CONNECTED_VARIADIC if node.spec.variadic else PORT_NOT_CONNECTED
                message = template(port=port, node=node.label)
            else:
                template = (
                    INPUT_NOT_CONNECTED_VARIADIC if node.spec.variadic else INPUT_NOT_CONNECTED
                )
                message = template(node=node.label)
            found.append(Problem("error", node.id, message))
        elif count > 1:
            message = TOO_MANY_WIRES(port=port, node=node.label, count=count)
            found.append(Problem("error", node.id, message))
    for port in wired:
        if port not in ports:
            found.append(Problem("error", node.id, UNKNOWN_PORT(port=port, node=node.label)))
    if node.spec.role == "input" and not graph.out_edges(node.id):
        found.append(Problem("warning", node.id, INPUT_FEEDS_NOTHING(node=node.label)))
    return found


def _shapes(graph: NetworkGraph, inference: ShapeInference) -> list[Problem]:
    found = []
    for node in graph.nodes():
        info = inference.info(node.id)
        if info.error:
            found.append(Problem("error", node.id, info.error))
    return found


def _blocks(graph: NetworkGraph, inference: ShapeInference) -> list[Problem]:
    """A Block whose network is missing or uses itself, where its shapes do not say so
    already (they cannot while its inputs are not wired)."""
    from netstudio.core.blocks import block_problem, own_name

    library = graph.library
    into = own_name(library, graph) if library is not None else None
    found = []
    for node_id in sorted(inference.block_ids, key=graph.place):
        node = graph.node(node_id)
        problem = block_problem(library, into, node)
        if problem is not None and inference.info(node.id).error != problem:
            found.append(Problem("error", node.id, problem))
    return found


def _unreachable(graph: NetworkGraph) -> list[Problem]:
    inputs = {n.id for n in graph.inputs()}
    outputs = {n.id for n in graph.outputs()}
    if not inputs or not outputs:
        return []
    fed, used = _reach(graph, inputs, outputs)
    found = []
    for node in graph.nodes():
        problem = _node_unreachable(graph, node, fed, used)
        if problem is not None:
            found.append(problem)
    return found


def _node_unreachable(
    graph: NetworkGraph, node: Node, fed: set[str], used: set[str]
) -> Problem | None:
    """Whether `node` is cut off: `fed` are the nodes an Input reaches, `used` those that
    reach an Output."""
    role = node.spec.role
    if role == "input":
        return None
    if node.id not in used and role != "output":
        return Problem("warning", node.id, RESULT_UNUSED(node=node.label))
    ports = node.input_ports
    if node.id not in fed and ports and all(graph.edge_into(node.id, p) is not None for p in ports):
        return Problem("warning", node.id, NOT_REACHED(node=node.label))
    return None


class Validator:
    """`validate`, kept up to date edit by edit: what the editor calls after every change.

    Wiring, shape and reachability problems are kept per node and recomputed only for the nodes
    an edit touched (the graph's events say which, and the shape inference's `updated`); cycles
    are searched for only when an added wire has a path back (or while the graph has one);
    reachability is extended from the added wires, and computed afresh only after something
    was removed. The answer is the same list, in the same order, as `validate` on the same
    graph.
    """

    def __init__(self, graph: NetworkGraph, inference: ShapeInference) -> None:
        self.graph = graph
        self.inference = inference
        self._ports: dict[str, list[Problem]] = {}
        self._shape_errors: dict[str, Problem] = {}
        self._shapes_dirty: set[str] = set()
        self._unreached: dict[str, Problem] = {}
        self._cycle_problems: list[Problem] = []
        self._inputs: set[str] = set()
        self._outputs: set[str] = set()
        self._fed: set[str] = set()
        self._used: set[str] = set()
        #: Nodes whose wiring, or whose reachability problem, must be looked at again.
        self._ports_dirty: set[str] = set()
        self._reach_dirty: set[str] = set()
        self._cycles_dirty = True
        #: Reachability must be computed afresh (something was removed), else grown from
        #: `_added_edges`.
        self._reach_stale = True
        self._added_edges: list[Edge] = []
        self._connected = False
        self._reset()
        events = graph.events
        self._subscriptions = Subscriptions(
            [
                (events.node_added, self._on_node_added),
                (events.node_removed, self._on_node_removed),
                (events.edge_added, self._on_edge_added),
                (events.edge_removed, self._on_edge_removed),
                (events.params_changed, self._on_node_changed),
                (events.renamed, self._on_node_changed),
                (events.cleared, self._reset),
                (inference.updated, self._on_shapes_updated),
            ]
        )

    def close(self) -> None:
        """Stop listening to the graph."""
        self._subscriptions.close()

    # --- events --------------------------------------------------------------------------------

    def _reset(self) -> None:
        self._ports.clear()
        self._unreached.clear()
        self._cycle_problems = []
        self._cycles_dirty = True
        self._reach_stale = True
        self._added_edges.clear()
        nodes = list(self.graph.nodes())
        self._inputs = {n.id for n in nodes if n.spec.role == "input"}
        self._outputs = {n.id for n in nodes if n.spec.role == "output"}
        self._ports_dirty = {n.id for n in nodes}
        self._shape_errors.clear()
        self._shapes_dirty = set(self._ports_dirty)
        self._reach_dirty = set(self._ports_dirty)
        self._fed = set()
        self._used = set()
        self._connected = False

    def _on_node_added(self, node: Node) -> None:
        role = node.spec.role
        if role == "input":
            self._inputs.add(node.id)
            self._reach_stale = True
        elif role == "output":
            self._outputs.add(node.id)
            self._reach_stale = True
        self._ports_dirty.add(node.id)
        self._reach_dirty.add(node.id)
        self._shapes_dirty.add(node.id)

    def _on_node_removed(self, node: Node) -> None:
        self._inputs.discard(node.id)
        self._outputs.discard(node.id)
        self._ports.pop(node.id, None)
        self._unreached.pop(node.id, None)
        self._shape_errors.pop(node.id, None)
        self._shapes_dirty.discard(node.id)
        self._ports_dirty.discard(node.id)
        self._reach_dirty.discard(node.id)
        self._fed.discard(node.id)
        self._used.discard(node.id)
        self._reach_stale = True

    def _on_edge_added(self, edge: Edge) -> None:
        self._ports_dirty.update((edge.src, edge.dst))
        self._reach_dirty.add(edge.dst)
        self._added_edges.append(edge)

    def _on_edge_removed(self, edge: Edge) -> None:
        self._ports_dirty.update((edge.src, edge.dst))
        self._reach_dirty.add(edge.dst)
        self._reach_stale = True

    def _on_node_changed(self, node: Node, _old: object = None) -> None:
        self._ports_dirty.add(node.id)
        self._reach_dirty.add(node.id)

    def _on_shapes_updated(self, changed: set[str]) -> None:
        self._shapes_dirty |= changed

    # --- the answer ----------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Every problem of the graph, as `validate` gives it."""
        graph = self.graph
        self.inference.update()
        for node_id in self._ports_dirty:
            found = _node_ports(graph, graph.node(node_id))
            if found:
                self._ports[node_id] = found
            else:
                self._ports.pop(node_id, None)
        self._ports_dirty.clear()
        added, self._added_edges = self._added_edges, []
        if self._cycles_dirty or self._cycle_problems or _may_loop(graph, added):
            self._cycle_problems = _cycles(graph)
            self._cycles_dirty = False
        self._update_reach(added)
        place = graph.place
        found = _io_problems(bool(self._inputs), bool(self._outputs))
        found += self._cycle_problems
        for node_id in sorted(self._ports, key=place):
            found += self._ports[node_id]
        for node_id in self._shapes_dirty:
            error = self.inference.info(node_id).error
            if error:
                self._shape_errors[node_id] = Problem("error", node_id, error)
            else:
                self._shape_errors.pop(node_id, None)
        self._shapes_dirty.clear()
        found += [self._shape_errors[n] for n in sorted(self._shape_errors, key=place)]
        found += _blocks(graph, self.inference)
        found += [self._unreached[n] for n in sorted(self._unreached, key=place)]
        return sorted(found, key=lambda p: p.severity != "error")

    def _update_reach(self, added: list[Edge]) -> None:
        graph = self.graph
        connected = bool(self._inputs) and bool(self._outputs)
        if self._reach_stale:
            fed, used = (
                (_reach(graph, self._inputs, self._outputs)) if connected else (set(), set())
            )
            self._reach_dirty |= (fed ^ self._fed) | (used ^ self._used)
            if connected != self._connected:
                self._reach_dirty = set(graph.nx_graph)
                self._connected = connected
            self._fed, self._used = fed, used
            self._reach_stale = False
        elif connected:
            g = graph.nx_graph
            for edge in added:
                if edge.src in self._fed:
                    self._reach_dirty |= _spread(g.successors, edge.dst, self._fed)
                if edge.dst in self._used:
                    self._reach_dirty |= _spread(g.predecessors, edge.src, self._used)
        for node_id in self._reach_dirty:
            problem = None
            if connected:
                problem = _node_unreachable(graph, graph.node(node_id), self._fed, self._used)
            if problem is not None:
                self._unreached[node_id] = problem
            else:
                self._unreached.pop(node_id, None)
        self._reach_dirty.clear()


def _may_loop(graph: NetworkGraph, added: list[Edge]) -> bool:
    """Whether wires `added` to a graph without a cycle may have closed one: a cycle through
    a new wire is a path back from its end to its start."""
    g = graph.nx_graph
    return any(e.src not in g or e.dst not in g or nx.has_path(g, e.dst, e.src) for e in added)


def _reach(graph: NetworkGraph, inputs: set[str], outputs: set[str]) -> tuple[set[str], set[str]]:
    """The nodes an Input reaches and the nodes that reach an Output (ends included)."""
    g = graph.nx_graph
    fed: set[str] = set(inputs)
    for node_id in inputs:
        fed |= nx.descendants(g, node_id)
    used: set[str] = set(outputs)
    for node_id in outputs:
        used |= nx.ancestors(g, node_id)
    return fed, used


def _spread(neighbours: Callable[[str], Iterable[str]], start: str, reached: set[str]) -> set[str]:
    """Add to `reached` `start` and all it leads to (through `neighbours`) not in it yet;
    returns the nodes added."""
    if start in reached:
        return set()
    added = {start}
    stack = [start]
    while stack:
        for other in neighbours(stack.pop()):
            if other not in reached and other not in added:
                added.add(other)
                stack.append(other)
    reached |= added
    return added
