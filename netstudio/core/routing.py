"""Wires that never pass under a node: the way a wire goes, from the geometry of the nodes alone.

A wire leaves its output port in the flow's direction (rightwards when the network flows left to
right, downwards when it flows top to bottom) and enters its input port the same way. Where the
smooth direct curve between the two ports keeps clear of every other node, that curve is the
wire. Where a node is in the way, the wire takes a detour: a short straight stub out of the
port, a turn into a free lane beside the nodes in between (above or below them in a
left-to-right flow, left or right of them in a top-to-bottom one, whichever is shorter), along
the lane, and back into the input port. The detour is a list of corner points; the canvas draws
it with rounded corners.

The positions of the nodes are whatever they are: the auto-layout's, or wherever a person
dragged them. Nothing here knows the graph; the canvas asks for the nodes near a wire through
`SpatialGrid`, a bucket grid that finds the rectangles in an area without looking at all of
them, so routing a wire costs about as much on a 2,000-node canvas as on a 20-node one.

Pure Python, no Qt: rectangles are ``(left, top, right, bottom)`` tuples in scene coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import Generic, Literal, TypeVar

Point = tuple[float, float]
#: ``(left, top, right, bottom)``.
Rect = tuple[float, float, float, float]
#: Which way the network flows: inputs to outputs left to right, or top to bottom.
Flow = Literal["right", "down"]
#: The nodes whose rectangles meet an area (an area in, rectangles out).
ObstacleFinder = Callable[[Rect], Iterable[Rect]]

#: The direct curve keeps this far from the other nodes, or the wire takes a detour.
CLEARANCE = 3.0
#: A detour's lanes keep this far from the nodes they pass where there is room ...
MARGIN = 14.0
#: ... and at least this far where there is not.
NARROW = 6.0
#: A detour leaves its output port, and enters its input port, straight for this long.
STUB = 10.0
#: The direct curve is checked as this many straight pieces.
SAMPLES = 24
#: At most this many detours, shortest first, are checked; where none is clear (nodes piled on
#: one another) the one passing under the fewest nodes is taken.
TRIES = 8
#: A detour is looked for in at most this many lanes nearest its ports (and the outermost two).
LANES = 4
#: How far around the two ports the first look for obstacles reaches.
REACH = 200.0


@dataclass(frozen=True)
class Route:
    """The way one wire goes.

    direct: the smooth curve; `points` are then the cubic Bézier's four points (start, two
    control points, end). Otherwise a detour: `points` are the start, the corners and the end
    of a path of straight pieces, each horizontal or vertical.
    """

    points: tuple[Point, ...]
    direct: bool

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    def polyline(self, samples: int = SAMPLES) -> list[Point]:
        """The route as straight pieces (the curve sampled `samples` times when direct)."""
        if self.direct:
            p0, p1, p2, p3 = self.points
            return bezier_points(p0, p1, p2, p3, samples)
        return list(self.points)

    def bounds(self) -> Rect:
        """The rectangle the route stays in (for the direct curve, its control points')."""
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return (min(xs), min(ys), max(xs), max(ys))


# --- geometry ----------------------------------------------------------------------------------


def inflate(rect: Rect, by: float) -> Rect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


def overlaps(a: Rect, b: Rect) -> bool:
    """Whether two rectangles share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segment_hits(p: Point, q: Point, rect: Rect) -> bool:
    """Whether the segment from `p` to `q` passes through the inside of `rect` (touching its
    edge does not count). Liang-Barsky clipping."""
    left, top, right, bottom = rect
    if max(p[0], q[0]) <= left or min(p[0], q[0]) >= right:
        return False
    if max(p[1], q[1]) <= top or min(p[1], q[1]) >= bottom:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, room in (
        (-dx, p[0] - left),
        (dx, right - p[0]),
        (-dy, p[1] - top),
        (dy, bottom - p[1]),
    ):
        if step == 0:
            if room <= 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def path_hits(points: Sequence[Point], rects: Iterable[Rect]) -> int:
    """How many of `rects` the path of straight pieces through `points` passes through."""
    pieces = [
        (a, b, min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        for a, b in pairwise(points)
    ]
    left = min(p[2] for p in pieces)
    top = min(p[3] for p in pieces)
    right = max(p[4] for p in pieces)
    bottom = max(p[5] for p in pieces)
    count = 0
    for rect in rects:
        r_left, r_top, r_right, r_bottom = rect
        if not (left < r_right and r_left < right and top < r_bottom and r_top < bottom):
            continue
        for a, b, x0, y0, x1, y1 in pieces:
            if not (x0 < r_right and r_left < x1 and y0 < r_bottom and r_top < y1):
                continue
            # A level or upright piece whose box meets the inside passes through it.
            if x0 == x1 or y0 == y1 or segment_hits(a, b, rect):
                count += 1
                break
    return count


def _size(span: range) -> int:
    """How many cells a span covers (`len` of a range that large overflows: a node may sit at
    1e308 in a file)."""
    return max(0, span.stop - span.start)


def _distance(a: float, b: float) -> float:
    return abs(a - b)


def bezier_points(p0: Point, p1: Point, p2: Point, p3: Point, samples: int) -> list[Point]:
    """`samples` + 1 points along the cubic Bézier p0..p3, both ends included."""
    points = []
    for i in range(samples + 1):
        t = i / samples
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        points.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return points


def direct_controls(start: Point, end: Point, flow: Flow = "right") -> tuple[Point, Point]:
    """The two control points of the direct curve: it leaves `start` and enters `end` along the
    flow, and loops round when `end` lies behind `start`."""
    if flow == "down":
        (c1y, c1x), (c2y, c2x) = direct_controls(start[::-1], end[::-1], "right")
        return (c1x, c1y), (c2x, c2y)
    dx = end[0] - start[0]
    reach = max(40.0, abs(dx) * 0.5) if dx >= 0 else max(80.0, abs(dx) * 0.35 + 60.0)
    return (start[0] + reach, start[1]), (end[0] - reach, end[1])


def direct_route(start: Point, end: Point, flow: Flow = "right") -> Route:
    """The smooth curve from `start` to `end`, whatever is in the way (a wire being drawn)."""
    c1, c2 = direct_controls(start, end, flow)
    return Route((start, c1, c2, end), direct=True)


# --- routing -----------------------------------------------------------------------------------


def route(
    start: Point,
    end: Point,
    obstacles: Sequence[Rect] | ObstacleFinder,
    flow: Flow = "right",
    ends: Sequence[Rect] = (),
) -> Route:
    """The way a wire from output port `start` to input port `end` goes (see module docstring).

    obstacles: the rectangles of the nodes the wire must not pass under, or a function that
    gives those meeting an area (asked again for a wider area when a detour reaches further).
    ends: the rectangles of the wire's own two nodes; the wire may touch their edges (its ports
    are there) but not cross them.
    """
    find = obstacles if callable(obstacles) else _finder(obstacles)
    if flow == "down":
        swapped = route(
            _swap(start),
            _swap(end),
            lambda area: [_swap_rect(r) for r in find(_swap_rect(area))],
            "right",
            [_swap_rect(r) for r in ends],
        )
        return Route(tuple(_swap(p) for p in swapped.points), swapped.direct)
    own = [inflate(r, -1.0) for r in ends]
    direct = direct_route(start, end)
    box = direct.bounds()
    near = [inflate(r, CLEARANCE) for r in find(inflate(box, CLEARANCE)) if r not in ends]
    near += [r for r in own if overlaps(r, box)]
    if not near or path_hits(direct.polyline(), near) == 0:
        return direct
    reach = REACH
    area = inflate(_box(start, end), reach)
    for _ in range(8):  # the look widens fast: a few rounds cover any canvas
        found = _detour(start, end, [r for r in find(area) if r not in ends], own)
        bounds = inflate(found.bounds(), MARGIN * 2)
        if _contains(area, bounds):
            return found
        reach *= 2
        area = union(area, inflate(bounds, reach))
    return found


def _detour(start: Point, end: Point, nodes: list[Rect], own: list[Rect]) -> Route:
    """The shortest clear detour in a left-to-right flow round `nodes` and the wire's own
    nodes (`own`, shrunk a pixel: the ports on their edges)."""
    walls = [*[inflate(r, NARROW - 1.0) for r in nodes], *own]
    best: tuple[int, float, list[Point]] = (len(walls) + 1, math.inf, [start, end])
    candidates = sorted(_detours(start, end, [*nodes, *own]), key=lambda c: c[0])
    for cost, points in candidates[:TRIES]:
        hits = path_hits(points, walls)
        if hits == 0:
            return Route(tuple(_simplify(points)), direct=False)
        if (hits, cost) < best[:2]:
            best = (hits, cost, points)
    return Route(tuple(_simplify(best[2])), direct=False)


def _detours(start: Point, end: Point, nodes: list[Rect]) -> list[tuple[float, list[Point]]]:
    """Candidate detours, each with its cost (its length): out of the port along a stub, across
    to a lane, along it, across to the input port's stub and into the port. For each lane the
    two cross legs step aside, away from the ports, past the nodes standing in their way, and
    the lane is then looked for again over the legs' new span."""
    sx, sy = start
    ex, ey = end
    first, last = sx + STUB, ex - STUB
    found = []
    lanes = _lanes(min(first, last), max(first, last), sy, ey, nodes)
    # The lanes nearest the ports, and the outermost two (always clear along their length).
    nearest = sorted(lanes, key=lambda y: abs(sy - y) + abs(ey - y))[:LANES]
    for lane in dict.fromkeys([*nearest, lanes[0], lanes[-1]]):
        x1, x2 = first, last
        for _ in range(3):
            x1 = _free_line(x1, sy, lane, nodes, 1.0)
            x2 = _free_line(x2, lane, ey, nodes, -1.0)
            around = _lanes(min(x1, x2), max(x1, x2), sy, ey, nodes)
            moved = min(around, key=partial(_distance, lane))
            if moved == lane:
                break
            lane = moved
        points = [start, (x1, sy), (x1, lane), (x2, lane), (x2, ey), end]
        found.append(
            (sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairwise(points)), points)
        )
    return found


def _free_line(x: float, y0: float, y1: float, nodes: list[Rect], step: float) -> float:
    """The nearest x from `x` on (rightwards for `step` 1, leftwards for -1) where an upright
    line from `y0` to `y1` keeps clear of the nodes."""
    low, high = min(y0, y1), max(y0, y1)
    spans = [
        (r[0] - NARROW, r[2] + NARROW)
        for r in nodes
        if r[1] - NARROW < high and low < r[3] + NARROW
    ]
    # Met in the order the line steps over them.
    spans.sort(key=lambda span: span[0] if step > 0 else -span[1])
    for left, right in spans:
        if left < x < right:
            x = right + (MARGIN - NARROW) if step > 0 else left - (MARGIN - NARROW)
    return x


def _lanes(x1: float, x2: float, sy: float, ey: float, nodes: list[Rect]) -> list[float]:
    """Heights of free horizontal lanes from `x1` to `x2`: in each gap between the nodes there,
    the place nearest the two ports (kept `MARGIN` from the nodes where the gap is wide enough,
    else in its middle), and the nearest above and below them all."""
    spans = sorted(
        (r[1] - NARROW, r[3] + NARROW) for r in nodes if r[0] - NARROW < x2 and x1 < r[2] + NARROW
    )
    if not spans:
        return [(sy + ey) / 2]
    gaps: list[tuple[float, float]] = [(-math.inf, spans[0][0])]
    bottom = spans[0][1]
    for top, low in spans[1:]:
        if top > bottom:
            gaps.append((bottom, top))
        bottom = max(bottom, low)
    gaps.append((bottom, math.inf))
    lo, hi = min(sy, ey), max(sy, ey)
    keep = MARGIN - NARROW
    lanes = []
    for top, low in gaps:
        a, b = top + keep, low - keep
        if a > b:  # a narrow gap: its middle
            a = b = (top + low) / 2
        lanes.append(min(max((lo + hi) / 2, a), b) if a <= hi and lo <= b else (b if b < lo else a))
    return lanes


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three in a line."""
    out: list[Point] = []
    for p in points:
        if out and math.isclose(out[-1][0], p[0]) and math.isclose(out[-1][1], p[1]):
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (math.isclose(a[0], b[0]) and math.isclose(b[0], p[0])) or (
                math.isclose(a[1], b[1]) and math.isclose(b[1], p[1])
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def _box(a: Point, b: Point) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _contains(outer: Rect, inner: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _swap(p: Point) -> Point:
    return (p[1], p[0])


def _swap_rect(r: Rect) -> Rect:
    return (r[1], r[0], r[3], r[2])


def _finder(rects: Sequence[Rect]) -> ObstacleFinder:
    return lambda area: [r for r in rects if overlaps(r, area)]


# --- finding nodes near a wire -----------------------------------------------------------------

K = TypeVar("K", bound=Hashable)


class SpatialGrid(Generic[K]):
    """Rectangles by key in a grid of square buckets: finding those that meet an area looks
    only at the buckets the area covers. Moving a rectangle re-files it. A rectangle spanning
    more than `BIG` buckets (a wire across the whole canvas) is kept aside and looked at on
    every search instead: filing it would cost more than the few of them cost to check."""

    BIG = 64

    def __init__(self, cell: float = 256.0) -> None:
        self.cell = cell
        self._rects: dict[K, Rect] = {}
        self._cells: dict[tuple[int, int], set[K]] = {}
        self._big: set[K] = set()

    def __len__(self) -> int:
        return len(self._rects)

    def __contains__(self, key: object) -> bool:
        return key in self._rects

    def rect(self, key: K) -> Rect | None:
        return self._rects.get(key)

    def _span(self, rect: Rect) -> tuple[range, range]:
        c = self.cell
        return (
            range(math.floor(rect[0] / c), math.floor(rect[2] / c) + 1),
            range(math.floor(rect[1] / c), math.floor(rect[3] / c) + 1),
        )

    def set(self, key: K, rect: Rect) -> None:
        """File `key` under `rect` (moving it when it was filed elsewhere)."""
        old = self._rects.get(key)
        if old == rect:
            return
        if old is not None:
            self.discard(key)
        self._rects[key] = rect
        columns, rows = self._span(rect)
        if _size(columns) * _size(rows) > self.BIG:
            self._big.add(key)
            return
        for i in columns:
            for j in rows:
                self._cells.setdefault((i, j), set()).add(key)

    def discard(self, key: K) -> None:
        rect = self._rects.pop(key, None)
        if rect is None:
            return
        if key in self._big:
            self._big.discard(key)
            return
        columns, rows = self._span(rect)
        for i in columns:
            for j in rows:
                bucket = self._cells.get((i, j))
                if bucket is not None:
                    bucket.discard(key)
                    if not bucket:
                        del self._cells[(i, j)]

    def clear(self) -> None:
        self._rects.clear()
        self._cells.clear()
        self._big.clear()

    def query(self, area: Rect) -> list[K]:
        """The keys whose rectangles meet `area` (sharing more than an edge)."""
        columns, rows = self._span(area)
        keys: set[K] = set(self._big)
        if _size(columns) * _size(rows) > len(self._cells):
            for bucket in self._cells.values():
                keys |= bucket
        else:
            for i in columns:
                for j in rows:
                    cell = self._cells.get((i, j))
                    if cell:
                        keys |= cell
        rects = self._rects
        return [k for k in keys if overlaps(rects[k], area)]
