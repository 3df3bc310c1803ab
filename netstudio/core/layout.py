"""Auto-layout: layers placed in layers by depth, left to right or top to bottom.

Each node goes one layer after the deepest node feeding it; within a layer nodes are ordered
by where their inputs sit (one barycentre sweep), so wires cross little. Pure Python over the
core graph: the editor applies the result as one move command, and imported networks are laid
out with it before they open.
"""

from __future__ import annotations

from typing import Literal

from netstudio.core.errors import CycleError
from netstudio.core.graph import NetworkGraph, Position

COLUMN = 240.0
ROW = 130.0
Direction = Literal["right", "down"]


def layered_positions(
    graph: NetworkGraph,
    column: float = COLUMN,
    row: float = ROW,
    direction: Direction = "right",
) -> dict[str, Position]:
    """New top-left positions for every node; empty for an empty or cyclic graph.

    `direction` "right" puts the layers in columns `column` apart (siblings `row` apart);
    "down" puts them in rows `row` apart (siblings `column` apart). The first node in
    topological order keeps its place, so the network does not jump away.
    """
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
