"""Where a new layer goes: after the layer the person is working on, or on free canvas.

A layer added with a node selected goes where a layered layout would put the next layer (one
column to the right when the network flows left to right, one row below when it flows top to
bottom), moved sideways until it overlaps no other layer, so a branch from a node that already
feeds something lands beside the existing successor instead of on top of it. A layer added
with nothing selected goes at the point asked for (the cursor, the view's centre), or the
nearest free spot on the grid. Pure geometry over rectangles: the editor measures the nodes on
the canvas and pushes the position it gets back as part of one undo command.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from netstudio.core.graph import Position
from netstudio.core.layout import Direction

#: A node's rectangle on the canvas: left, top, width, height.
Rect = tuple[float, float, float, float]
#: Clear space kept between a placed node and its neighbours.
GAP = 20.0
#: Distance between a node and the one after it, edge to edge (a layout's column or row gap).
STEP = 80.0
#: How far (in grid steps) the search for a free spot goes before it gives up looking.
REACH = 60


def overlaps(rect: Rect, others: Sequence[Rect], gap: float = GAP) -> bool:
    """Whether `rect`, grown by `gap` on every side, touches any of `others`."""
    x, y, w, h = rect
    return any(
        x - gap < ox + ow and ox < x + w + gap and y - gap < oy + oh and oy < y + h + gap
        for ox, oy, ow, oh in others
    )


def free_spot(
    want: Position, size: tuple[float, float], others: Sequence[Rect], grid: float = 20.0
) -> Position:
    """The grid point nearest `want` (a top-left corner) where a node of `size` overlaps none
    of `others`; `want` itself, snapped, when it is free or nothing is free within reach."""
    start = _snap(want, grid)
    near = _near(start, size, others, grid * REACH)
    for dx, dy in _rings(REACH):
        spot = (start[0] + dx * grid, start[1] + dy * grid)
        if not overlaps((*spot, *size), near):
            return spot
    return start


def after(
    anchor: Rect,
    size: tuple[float, float],
    others: Sequence[Rect],
    flow: Direction = "right",
    grid: float = 20.0,
) -> Position:
    """Where the layer after the node at `anchor` goes: one step along `flow`, lined up with
    `anchor`, else moved across the flow (first below or right, then above or left, nearest
    first) to the first place that overlaps none of `others`."""
    x, y, w, h = anchor
    if flow == "down":
        start = _snap((x + (w - size[0]) / 2, y + h + STEP), grid)
        across = (grid, 0.0)
    else:
        start = _snap((x + w + STEP, y + (h - size[1]) / 2), grid)
        across = (0.0, grid)
    near = _near(start, size, others, grid * REACH)
    for k in range(REACH):
        for sign in (1, -1) if k else (1,):
            spot = (start[0] + sign * k * across[0], start[1] + sign * k * across[1])
            if not overlaps((*spot, *size), near):
                return spot
    return free_spot(start, size, others, grid)


def _snap(point: Position, grid: float) -> Position:
    return (round(point[0] / grid) * grid, round(point[1] / grid) * grid)


def _near(
    start: Position, size: tuple[float, float], others: Sequence[Rect], reach: float
) -> list[Rect]:
    """The rectangles a search from `start` within `reach` can run into (the rest cannot
    matter, and a big network has many)."""
    x, y = start
    area = (x - reach, y - reach, size[0] + 2 * reach, size[1] + 2 * reach)
    return [rect for rect in others if overlaps(rect, [area], GAP)]


def _rings(reach: int) -> Iterator[tuple[int, int]]:
    """Grid offsets from (0, 0) outwards, ring by ring up to `reach` steps away, the nearest of
    each ring first (below and right first among equals): only as many as a search needs."""
    yield (0, 0)
    for r in range(1, reach + 1):
        ring = [(dx, dy) for dx in range(-r, r + 1) for dy in (-r, r)]
        ring += [(dx, dy) for dx in (-r, r) for dy in range(-r + 1, r)]
        ring.sort(key=lambda d: (math.hypot(*d), -d[1], -d[0]))
        yield from ring
