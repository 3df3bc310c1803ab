"""Imported networks laid out to be read: the layered layout, wrapped into rows when it is long.

`netstudio.core.layout.layered_layout` draws a network's layers left to right; an imported
ResNet-18 is then one row 15,000 px long and 200 px tall, a MobileNetV2 37,000 px, which no
window shows legibly. `wrapped_positions` cuts the layers into rows the way text wraps: each
row runs left to right, the next row starts under the previous one, and as many rows are made
as bring the drawing near a screen's shape (`ASPECT`). A cut goes between two layers, where
the fewest wires cross it (between two residual blocks, not through one), near where an even
split would put it; within a row the layout is the layered one, main chain straight. A network
short enough (`ONE_ROW`) keeps its one row. No Qt here.
"""

from __future__ import annotations

import math

from netstudio.core.graph import NetworkGraph, Position
from netstudio.core.layout import layered_layout

#: The drawing's width over its height that the rows aim at (a screen's shape).
ASPECT = 1.6
#: A network whose layers span at most this many pixels stays one row (about ten layers).
ONE_ROW = 2400.0
#: Space between two rows: the wire from the end of one row to the start of the next runs here.
ROW_GAP = 100.0
#: How far from an even split a cut may move to cross fewer wires, as a share of a row.
_SLACK = 0.35


def wrapped_positions(graph: NetworkGraph) -> dict[str, Position]:
    """Top-left positions for every node (see module docstring); empty for an empty or cyclic
    graph, like `layered_positions`."""
    return wrapped_layout(graph)[0]


def wrapped_layout(graph: NetworkGraph) -> tuple[dict[str, Position], dict[str, int]]:
    """`wrapped_positions`, and the row of every node (0 for the first)."""
    layout = layered_layout(graph, direction="right")
    positions, sizes = layout.positions, layout.sizes
    if not positions:
        return {}, {}
    left = {n: x for n, (x, _) in positions.items()}
    right = {n: x + sizes[n][0] for n, x in left.items()}
    start, end = min(left.values()), max(right.values())
    top = min(y for _, y in positions.values())
    thickness = max(y + sizes[n][1] for n, (_, y) in positions.items()) - top
    rows = round(math.sqrt((end - start) / (ASPECT * (thickness + ROW_GAP))))
    if end - start <= ONE_ROW or rows < 2:
        return positions, dict.fromkeys(positions, 0)
    cuts = _cuts(graph, left, right, rows)
    row_of = {n: sum(1 for cut in cuts if left[n] > cut) for n in positions}
    members: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
    for n, r in row_of.items():
        members[r].append(n)
    shift: list[tuple[float, float]] = []  # what each row's nodes move by
    below = top  # where the next row starts
    for nodes in members:
        row_top = min(positions[n][1] for n in nodes)
        row_bottom = max(positions[n][1] + sizes[n][1] for n in nodes)
        shift.append((start - min(left[n] for n in nodes), below - row_top))
        below += row_bottom - row_top + ROW_GAP
    wrapped = {
        n: (round(x + shift[row_of[n]][0], 2), round(y + shift[row_of[n]][1], 2))
        for n, (x, y) in positions.items()
    }
    return wrapped, row_of


def _cuts(
    graph: NetworkGraph, left: dict[str, float], right: dict[str, float], rows: int
) -> list[float]:
    """Where to cut the layers into `rows` rows: x positions between layers, each near an even
    split and crossed by as few wires as there are near it."""
    spans = sorted((left[n], right[n]) for n in left)
    gaps: list[float] = []  # the middle of every stretch of x that no node covers
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a > reach:
            gaps.append((reach + a) / 2)
        reach = max(reach, b)
    middle = {n: (left[n] + right[n]) / 2 for n in left}
    wires = [(middle[e.src], middle[e.dst]) for e in graph.edges()]

    def crossing(cut: float) -> int:
        return sum(1 for a, b in wires if min(a, b) < cut < max(a, b))

    start, end = spans[0][0], reach
    row = (end - start) / rows
    cuts: list[float] = []
    for k in range(1, rows):
        target = start + k * row
        near = [c for c in gaps if abs(c - target) <= _SLACK * row and (not cuts or c > cuts[-1])]
        if near:
            cuts.append(min(near, key=lambda c: (crossing(c), abs(c - target))))
    return cuts
