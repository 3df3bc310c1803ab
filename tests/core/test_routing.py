"""Wire routing: the direct curve where nothing is in the way, else a detour through a free lane
that passes under no node, in both flows, for any node positions."""

from __future__ import annotations

import random

import pytest

from netstudio.core.routing import (
    MARGIN,
    Flow,
    Rect,
    SpatialGrid,
    inflate,
    path_hits,
    route,
    segment_hits,
)

WIDTH, HEIGHT = 160.0, 72.0


def card(x: float, y: float, height: float = HEIGHT) -> Rect:
    return (x, y, x + WIDTH, y + height)


def ports(source: Rect, target: Rect, flow: Flow) -> tuple[tuple[float, float], ...]:
    """The output port of `source` and the input port of `target` in `flow`."""
    if flow == "right":
        return (source[2], (source[1] + source[3]) / 2), (target[0], (target[1] + target[3]) / 2)
    return ((source[0] + source[2]) / 2, source[3]), ((target[0] + target[2]) / 2, target[1])


def chain(count: int, flow: Flow) -> list[Rect]:
    """Cards in a straight line along the flow, 80 px apart."""
    if flow == "right":
        return [card(i * 240.0, 0.0) for i in range(count)]
    return [card(0.0, i * 150.0) for i in range(count)]


def under_a_node(points, nodes: list[Rect]) -> int:
    """How many nodes the path passes under (their edges, where ports sit, do not count)."""
    return path_hits(points, [inflate(r, -1.0) for r in nodes])


@pytest.mark.parametrize("flow", ["right", "down"])
def test_a_clear_way_is_the_direct_curve(flow: Flow) -> None:
    a, b = chain(2, flow)
    start, end = ports(a, b, flow)
    found = route(start, end, [card(0, 400), card(600, 600)], flow, [a, b])
    assert found.direct
    assert found.start == start and found.end == end
    # It leaves and enters along the flow.
    axis = 0 if flow == "right" else 1
    assert found.points[1][axis] > start[axis] and found.points[2][axis] < end[axis]
    assert found.points[1][1 - axis] == start[1 - axis]


@pytest.mark.parametrize("flow", ["right", "down"])
def test_a_skip_over_a_chain_detours_beside_it(flow: Flow) -> None:
    nodes = chain(6, flow)
    source, target, between = nodes[0], nodes[-1], nodes[1:-1]
    start, end = ports(source, target, flow)
    found = route(start, end, between, flow, [source, target])
    assert not found.direct
    assert found.start == start and found.end == end
    assert under_a_node(found.polyline(), nodes) == 0
    # Every piece is straight across or along, and the lane keeps its distance from the chain.
    for (x0, y0), (x1, y1) in zip(found.points, found.points[1:], strict=False):
        assert x0 == x1 or y0 == y1
    across = 1 if flow == "right" else 0
    lane = min(found.points, key=lambda p: p[across])[across]
    assert (
        lane <= min(r[across] for r in between) - MARGIN + 1e-9
        or lane >= max(r[across + 2] for r in between) + MARGIN - 1e-9
    )


@pytest.mark.parametrize("flow", ["right", "down"])
def test_the_detour_takes_the_shorter_side(flow: Flow) -> None:
    nodes = chain(4, flow)
    source, target = nodes[0], nodes[-1]
    # A tall node in between reaches far out on the "after" side only.
    wall = (240.0, -20.0, 400.0, 900.0) if flow == "right" else (-20.0, 150.0, 900.0, 222.0)
    start, end = ports(source, target, flow)
    found = route(start, end, [*nodes[1:-1], wall], flow, [source, target])
    across = 1 if flow == "right" else 0
    assert min(p[across] for p in found.points) < start[across]  # went round the near side
    assert max(p[across] for p in found.points) < 100
    assert under_a_node(found.polyline(), [*nodes, wall]) == 0


@pytest.mark.parametrize("flow", ["right", "down"])
def test_a_wire_back_against_the_flow_goes_round_both_its_nodes(flow: Flow) -> None:
    nodes = chain(4, flow)
    source, target = nodes[-1], nodes[0]
    start, end = ports(source, target, flow)
    found = route(start, end, nodes[1:-1], flow, [source, target])
    assert not found.direct
    assert under_a_node(found.polyline(), nodes) == 0


def test_a_lane_between_two_rows_is_used_when_it_is_shortest() -> None:
    # Two rows of cards; a wire from the top row's first card to the bottom row's last one
    # runs in the channel between the rows.
    top = [card(i * 240.0, 0.0) for i in range(5)]
    bottom = [card(i * 240.0, 160.0) for i in range(5)]
    source, target = top[0], bottom[-1]
    start, end = ports(source, target, "right")
    others = [r for r in [*top, *bottom] if r not in (source, target)]
    found = route(start, end, others, "right", [source, target])
    assert under_a_node(found.polyline(), [*top, *bottom]) == 0
    lane_heights = {p[1] for p in found.points[1:-1]}
    assert any(HEIGHT < y < 160.0 for y in lane_heights)


def test_a_detour_reaching_past_the_first_look_asks_for_more_nodes() -> None:
    # A wall of cards, touching, taller than the first area looked at: the finder is asked
    # again wider, and the wire goes round the whole wall.
    wall = [card(240.0, -2000.0 + i * HEIGHT) for i in range(60)]
    source, target = card(0, 0), card(480, 0)
    grid: SpatialGrid[int] = SpatialGrid()
    for i, rect in enumerate(wall):
        grid.set(i, rect)
    asked: list[Rect] = []

    def find(area: Rect) -> list[Rect]:
        asked.append(area)
        return [wall[i] for i in grid.query(area)]

    start, end = ports(source, target, "right")
    found = route(start, end, find, "right", [source, target])
    assert len(asked) > 1
    assert under_a_node(found.polyline(), [*wall, source, target]) == 0


@pytest.mark.parametrize("seed", range(4))
def test_no_route_passes_under_a_node_in_layered_grids(seed: int) -> None:
    """Wires between any two cards of random layered arrangements (gaps between columns and
    rows like the auto-layout's, cards of several heights), both flows."""
    rng = random.Random(seed)
    for _ in range(60):
        flow: Flow = rng.choice(["right", "down"])
        nodes = []
        for i in range(8):
            for j in range(4):
                if rng.random() < 0.5:
                    if flow == "right":
                        nodes.append(card(i * 240.0, j * 140.0, rng.choice([72.0, 92.0, 112.0])))
                    else:
                        nodes.append(card(j * 240.0, i * 150.0))
        if len(nodes) < 2:
            continue
        source, target = rng.sample(nodes, 2)
        start, end = ports(source, target, flow)
        others = [r for r in nodes if r not in (source, target)]
        found = route(start, end, others, flow, [source, target])
        assert under_a_node(found.polyline(), nodes) == 0, (flow, source, target, found)


def test_segment_hits_counts_the_inside_only() -> None:
    rect = (0.0, 0.0, 10.0, 10.0)
    assert segment_hits((-5, 5), (15, 5), rect)
    assert segment_hits((5, 5), (6, 6), rect)  # wholly inside
    assert not segment_hits((-5, 0), (15, 0), rect)  # along an edge
    assert not segment_hits((-5, -5), (-1, 20), rect)
    assert not segment_hits((10, 5), (20, 5), rect)  # from the edge outwards


def test_spatial_grid_finds_moves_and_forgets() -> None:
    grid: SpatialGrid[str] = SpatialGrid(cell=100.0)
    grid.set("a", (0, 0, 50, 50))
    grid.set("b", (1000, 1000, 1200, 1100))
    grid.set("c", (-500, 80, 900, 120))  # spans many cells
    grid.set("d", (-1e5, -1e5, 1e5, -5e4))  # spans too many: kept aside
    assert sorted(grid.query((10, 10, 20, 20))) == ["a"]
    assert sorted(grid.query((0, 0, 2000, 2000))) == ["a", "b", "c"]
    assert grid.query((0, -6e4, 10, -5.5e4)) == ["d"]
    assert grid.query((60, 60, 70, 70)) == []  # near a, in its cell, but outside it
    grid.set("a", (1050, 1050, 1060, 1060))
    assert sorted(grid.query((1000, 1000, 1100, 1100))) == ["a", "b"]
    assert grid.query((10, 10, 20, 20)) == []
    grid.discard("b")
    assert "b" not in grid and grid.rect("b") is None
    assert sorted(grid.query((1000, 1000, 1100, 1100))) == ["a"]
    assert sorted(grid.query((-1e6, -1e6, 1e6, 1e6))) == ["a", "c", "d"]  # more cells than filed
    grid.set("d", (0, 0, 10, 10))  # no longer big
    assert grid.query((0, 0, 5, 5)) == ["d"] and grid.query((0, -6e4, 10, -5.5e4)) == []
    grid.clear()
    assert len(grid) == 0 and grid.query((-1e6, -1e6, 1e6, 1e6)) == []


def test_a_node_placed_at_the_edge_of_the_floats_is_filed_and_found() -> None:
    """A file may place a node at 1e308: its span of cells is too large for `len`."""
    grid: SpatialGrid[str] = SpatialGrid()
    grid.set("far", (1e308, 0.0, 1e308 + 160, 80.0))
    grid.set("near", (0.0, 0.0, 160.0, 80.0))
    assert grid.query((-1e308, -10.0, 1e308, 100.0)) != []
    assert grid.query((0.0, 0.0, 50.0, 50.0)) == ["near"]
