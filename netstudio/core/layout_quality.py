"""How well a layout reads, measured: crossings, wire length, wires under nodes, overlaps.

Used by the layout tests and `benchmarks/bench_layout.py` to compare layouts. A wire is drawn
as straight segments from its output port through its route points (`Layout.routes`) to its
input port. Ports sit where the canvas puts them: on the node's right and left sides, spread
`PORT_SPACING` apart about the middle, when the layers run left to right; on its bottom and top
edges the same way when they run top to bottom.

Definitions:
- **crossings**: over every unordered pair of wires, the number of points where a segment of one
  crosses a segment of the other properly (each at an interior point, not at an end, not
  overlapping along a line). Two wires leaving the same port never cross there.
- **wire length**: the sum of every wire's segment lengths.
- **under a node**: a wire one of whose segments passes through the inside of a node other than
  the two it joins (the node's rectangle shrunk by half a pixel, so touching is not under).
- **overlap**: two nodes whose rectangles share more than a hairline of area.
"""

from __future__ import annotations

from itertools import combinations, pairwise

from netstudio.core.graph import Edge, NetworkGraph, Position
from netstudio.core.layout import PORT_SPACING, Layout, wire_key
from netstudio.core.routing import segment_hits

Segment = tuple[Position, Position]


def port_point(
    graph: NetworkGraph, layout: Layout, node_id: str, port: str, is_input: bool
) -> Position:
    """Where the wire of `port` meets its node, in scene coordinates."""
    node = graph.node(node_id)
    ports = node.input_ports if is_input else node.output_ports
    index = ports.index(port) if port in ports else 0
    offset = (index - (len(ports) - 1) / 2) * PORT_SPACING
    (x, y), (w, h) = layout.positions[node_id], layout.sizes[node_id]
    if layout.direction == "right":
        return (x if is_input else x + w, y + h / 2 + offset)
    return (x + w / 2 + offset, y if is_input else y + h)


def wire_points(graph: NetworkGraph, layout: Layout, edge: Edge) -> list[Position]:
    """The wire's polyline: output port, route points, input port."""
    return [
        port_point(graph, layout, edge.src, edge.src_port, False),
        *layout.routes.get(wire_key(edge), []),
        port_point(graph, layout, edge.dst, edge.dst_port, True),
    ]


def _segments(points: list[Position]) -> list[Segment]:
    return list(pairwise(points))


def _side(a: Position, b: Position, c: Position) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross(s: Segment, t: Segment) -> bool:
    """Whether two segments cross at a point inside both."""
    d1, d2 = _side(*t, s[0]), _side(*t, s[1])
    d3, d4 = _side(*s, t[0]), _side(*s, t[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def crossings(graph: NetworkGraph, layout: Layout) -> int:
    """Proper crossings between wires (see module docstring)."""
    wires = [_segments(wire_points(graph, layout, e)) for e in graph.edges()]
    boxes = [_box([p for s in segs for p in s]) for segs in wires]
    total = 0
    for i, j in combinations(range(len(wires)), 2):
        if _apart(boxes[i], boxes[j]):
            continue
        total += sum(1 for s in wires[i] for t in wires[j] if _cross(s, t))
    return total


def wire_length(graph: NetworkGraph, layout: Layout) -> float:
    """Total length of every wire's segments."""
    return sum(
        ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
        for e in graph.edges()
        for a, b in _segments(wire_points(graph, layout, e))
    )


def wires_under_nodes(graph: NetworkGraph, layout: Layout) -> list[tuple[Edge, str]]:
    """Each (wire, node) where the wire passes under a node that is not one of its ends."""
    rects = {
        n: (x + 0.5, y + 0.5, x + w - 0.5, y + h - 0.5)
        for n, ((x, y), (w, h)) in ((n, (p, layout.sizes[n])) for n, p in layout.positions.items())
    }
    found = []
    for edge in graph.edges():
        segments = _segments(wire_points(graph, layout, edge))
        for node_id, rect in rects.items():
            if node_id in (edge.src, edge.dst):
                continue
            if any(segment_hits(a, b, rect) for a, b in segments):
                found.append((edge, node_id))
    return found


def overlaps(layout: Layout) -> list[tuple[str, str]]:
    """Pairs of nodes whose rectangles overlap."""
    boxes = sorted(
        (x, y, x + layout.sizes[n][0], y + layout.sizes[n][1], n)
        for n, (x, y) in layout.positions.items()
    )
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b[0] >= a[2] - 0.5:
                break
            if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[2], b[2]) - b[0] > 0.5:
                found.append((a[4], b[4]))
    return found


def _box(points: list[Position]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _apart(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
