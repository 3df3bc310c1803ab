"""Whole-graph checks: what makes a network unable to run, each with the node and the fix.

Structure comes from networkx (cycles, reachability); shape problems come from the shape
inference, which ran the real layers. The same list feeds `netstudio check`, the Problems
dock and the compiler's refusal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding. `node_id` is None for problems of the whole graph (printed as "graph")."""

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
    found: list[Problem] = []
    found += _io_nodes(graph)
    found += _cycles(graph)
    found += _ports(graph)
    found += _shapes(graph, inference)
    found += _unreachable(graph)
    return sorted(found, key=lambda p: p.severity != "error")


def _io_nodes(graph: NetworkGraph) -> list[Problem]:
    found = []
    if not graph.inputs():
        found.append(
            Problem(
                "error",
                None,
                "the network has no Input node: add one from the "
                "Input/Output category and wire it to the first layer",
            )
        )
    if not graph.outputs():
        found.append(
            Problem(
                "error",
                None,
                "the network has no Output node: add one and wire the last layer into it",
            )
        )
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
                Problem(
                    "error",
                    node_id,
                    f"{graph.node(node_id).label} is part of a cycle ({loop}): networks here must "
                    "not loop; remove one of these wires",
                )
            )
    return found


def _ports(graph: NetworkGraph) -> list[Problem]:
    found = []
    for node in graph.nodes():
        ports = node.input_ports
        wired: dict[str, int] = {}
        for _, _, edge in graph.nx_graph.in_edges(node.id, keys=True):
            wired[edge.dst_port] = wired.get(edge.dst_port, 0) + 1
        for port in ports:
            count = wired.get(port, 0)
            if count == 0:
                what = f"input '{port}' of" if len(ports) > 1 else "the input of"
                found.append(
                    Problem(
                        "error",
                        node.id,
                        f"{what} {node.label} is not connected: wire a layer's output into it"
                        + (", or lower its number of inputs" if node.spec.variadic else ""),
                    )
                )
            elif count > 1:
                found.append(
                    Problem(
                        "error",
                        node.id,
                        f"input '{port}' of {node.label} has {count} wires; an input takes exactly "
                        "one: remove the extra wires (use an Add or Concat to join branches)",
                    )
                )
        for port in wired:
            if port not in ports:
                found.append(
                    Problem(
                        "error",
                        node.id,
                        f"a wire goes into '{port}', which {node.label} does not have: remove it",
                    )
                )
        if node.spec.role == "input" and not graph.out_edges(node.id):
            found.append(
                Problem(
                    "warning",
                    node.id,
                    f"{node.label} feeds nothing: wire it to a layer or delete it",
                )
            )
    return found


def _shapes(graph: NetworkGraph, inference: ShapeInference) -> list[Problem]:
    found = []
    for node in graph.nodes():
        info = inference.info(node.id)
        if info.error:
            found.append(Problem("error", node.id, info.error))
    return found


def _unreachable(graph: NetworkGraph) -> list[Problem]:
    g = graph.nx_graph
    inputs = [n.id for n in graph.inputs()]
    outputs = [n.id for n in graph.outputs()]
    if not inputs or not outputs:
        return []
    fed: set[str] = set(inputs)
    for node_id in inputs:
        fed |= nx.descendants(g, node_id)
    used: set[str] = set(outputs)
    for node_id in outputs:
        used |= nx.ancestors(g, node_id)
    found = []
    for node in graph.nodes():
        if node.spec.role == "input":
            continue
        if node.id not in used and node.spec.role != "output":
            found.append(
                Problem(
                    "warning",
                    node.id,
                    f"{node.label} does not lead to any Output, so its result is unused: wire it "
                    "onward or delete it",
                )
            )
        elif (
            node.id not in fed
            and node.input_ports
            and all(graph.edge_into(node.id, p) is not None for p in node.input_ports)
        ):
            found.append(
                Problem(
                    "warning",
                    node.id,
                    f"no Input reaches {node.label}: it never gets data",
                )
            )
    return found
