"""Auto-layout, old against new: `python benchmarks/bench_layout.py`.

For every example project and for torchvision's resnet18, mobilenet_v2 and googlenet (imported
without weights, nothing downloaded; googlenet's four-branch blocks are where crossings can
happen), in both directions, prints the node count and, for the layout
before issue 13 (one barycentre sweep, nodes on a grid: `old_positions`, copied from it) and
for today's `layered_layout`:
- crossings: proper crossings between wires;
- length: total wire length in scene pixels;
- under: (wire, node) pairs where a wire passes under a node other than its two ends.
A wire is straight segments from its output port through its route points (the new layout's
bend points; the old one had none) to its input port; `netstudio.core.layout_quality` defines
each figure exactly. Both layouts are measured with the same node sizes and port places.

Then times `layered_layout` on the 500- and 1,000-node networks of bench_graph_edits (the
repeated residual block and the all-different chain), goals under 300 ms and under 1 s, and on
torchvision's densenet121 (433 nodes, 967 wires: every layer of a dense block feeds every later
one, the densest network the importer takes), laid out as its import does.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from bench_graph_edits import build, build_varied

from netstudio.core.errors import CycleError
from netstudio.core.graph import NetworkGraph, Position
from netstudio.core.layout import Direction, Layout, layered_layout, node_size
from netstudio.core.layout_quality import crossings, overlaps, wire_length, wires_under_nodes
from netstudio.importing.torchvision_models import from_torchvision
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[1] / "netstudio" / "examples"
#: The spacing the editor asks for in each direction (gui/editing.py `auto_layout`).
SPACING: dict[Direction, dict[str, float]] = {"right": {}, "down": {"column": 240.0, "row": 150.0}}


def old_positions(
    graph: NetworkGraph, column: float = 240.0, row: float = 130.0, direction: Direction = "right"
) -> dict[str, Position]:
    """The layout before issue 13, unchanged: depth columns, one barycentre sweep."""
    try:
        order = graph.topological_order()
    except CycleError:
        return {}
    if not order:
        return {}
    depth: dict[str, int] = {}
    for node_id in order:
        depth[node_id] = max((depth[p] + 1 for p in graph.predecessors(node_id)), default=0)
    columns: dict[int, list[str]] = {}
    for node_id in order:
        columns.setdefault(depth[node_id], []).append(node_id)
    slot: dict[str, float] = {}
    for level in sorted(columns):
        members = columns[level]
        keys = {}
        for index, node_id in enumerate(members):
            feeds = [slot[p] for p in graph.predecessors(node_id) if p in slot]
            keys[node_id] = (sum(feeds) / len(feeds) if feeds else float(index), index)
        members.sort(key=keys.__getitem__)
        for i, node_id in enumerate(members):
            slot[node_id] = i - (len(members) - 1) / 2
    first = graph.node(order[0]).position
    if direction == "down":
        origin = (first[0] - slot[order[0]] * column, first[1])
        return {
            node_id: (origin[0] + slot[node_id] * column, origin[1] + depth[node_id] * row)
            for node_id in order
        }
    origin = (first[0], first[1] - slot[order[0]] * row)
    return {
        node_id: (origin[0] + depth[node_id] * column, origin[1] + slot[node_id] * row)
        for node_id in order
    }


def networks() -> list[tuple[str, NetworkGraph]]:
    found = [(path.stem, load_project(path).graph) for path in sorted(EXAMPLES.glob("*.net"))]
    for name in ("resnet18", "mobilenet_v2", "googlenet"):
        found.append((name, from_torchvision(name, (3, 64, 64), blocks=False).project.graph))
    return found


def figures(graph: NetworkGraph, layout: Layout) -> str:
    return (
        f"{crossings(graph, layout):5d} {wire_length(graph, layout):9.0f} "
        f"{len(wires_under_nodes(graph, layout)):5d} {len(overlaps(layout)):5d}"
    )


def compare(nets: list[tuple[str, NetworkGraph]], direction: Direction) -> None:
    print(f"\nLayers {'left to right' if direction == 'right' else 'top to bottom'}")
    head = "cross    length under overl"
    print(f"{'network':<20} {'nodes':>5}   old: {head}   new: {head}")
    for name, graph in nets:
        sizes = {n.id: node_size(n) for n in graph}
        old = Layout(
            old_positions(graph, direction=direction, **SPACING[direction]), {}, sizes, direction
        )
        new = layered_layout(graph, direction=direction, **SPACING[direction])
        print(
            f"{name:<20} {len(graph):5d}        {figures(graph, old)}        {figures(graph, new)}"
        )


def timing(label: str, graph: NetworkGraph, goal_ms: float) -> None:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        layered_layout(graph)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    verdict = "ok" if median < goal_ms else "OVER"
    print(f"  {label:<36} {median:8.1f} ms (goal < {goal_ms:.0f} ms) {verdict}")


def main() -> int:
    nets = networks()
    for direction in ("right", "down"):
        compare(nets, direction)
    print("\nTime to lay out (median of 5)")
    layered_layout(build(20))  # the solver's first import is not the layout's cost
    for nodes, goal in ((500, 300.0), (1000, 1000.0)):
        timing(f"{nodes} nodes, repeated residual block", build(nodes), goal)
        timing(f"{nodes} nodes, all-different chain", build_varied(nodes), goal)
    timing(
        "densenet121 (433 nodes, 967 wires)",
        from_torchvision("densenet121", (3, 64, 64), blocks=False).project.graph,
        1000.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
