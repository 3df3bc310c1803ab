"""Auto-layout: a layered (Sugiyama) drawing of the network, left to right or top to bottom.

The method is Graphviz dot's (Gansner, Koutsofios, North and Vo, "A technique for drawing
directed graphs", 1993), in four steps:

1. **Layering.** Every node gets a rank so that each wire points forward and the wires are as
   short as they can be, counted in ranks: a linear program whose matrix is totally unimodular,
   so its optimal vertex is whole numbers (dot solves the same program by network simplex).
   A second Input that feeds only a late Concat therefore sits just before it; among equally
   short layerings, a node with as many wires in as out goes as early as it can, so a side
   branch (a ResNet's downsample) starts beside its source.
2. **Dummy nodes.** A wire that spans several ranks gets a point in every rank in between, so
   it owns a lane there: nothing else is placed on it and it never runs under a node. The long
   wires from one output port share their lane as far as they go together (one bus, not a fan:
   a DenseNet stays small enough to lay out in about a second).
3. **Crossing reduction.** Barycentre sweeps down and up, each followed by swapping neighbours
   in a layer while that removes crossings; the best order seen is kept. Ports count: an Add's
   ``in1`` source sorts above (left of) its ``in2`` source.
4. **Coordinates.** A second linear program (dot's again) places nodes and lanes across the
   layers so that the wires, weighted, are as straight as they can be: 8 between two lane points
   (long wires stay straight), 2 at a lane's ends, 1 between two nodes, and the main chain (the
   path through the most nodes) weighs more than all other wires together, so it is one
   straight line and branches and skip connections run beside it. Nodes keep their sizes and
   gaps, so none overlap.

Why not a layout library: grandalf, the one pure-Python Sugiyama package, has had no release
since January 2023, knows nothing of ports, and places coordinates by Brandes–Köpf, whose
balanced result averages the alignments to either input of a merge (an Add), which bends the
main chain at every residual block. networkx gives the graph structure; scipy's HiGHS solver (scipy
is already there for scikit-learn) solves both programs: the whole layout of a 150-node
MobileNetV2 takes about 20 ms, a 1,000-node network about 60 ms (benchmarks/bench_layout.py).
Weakly connected parts are laid out alone and set side by side.

Pure Python over the core graph, no Qt: the editor applies `layered_positions` as one move
command, imported networks are laid out with it before they open, and `layered_layout` also
returns the bend points that wires spanning several layers pass through.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import networkx as nx

from netstudio.core.errors import CycleError
from netstudio.core.graph import Edge, NetworkGraph, Node, Position

COLUMN = 240.0
ROW = 130.0
Direction = Literal["right", "down"]
Size = tuple[float, float]
#: A wire named as its parts: source node, output port, target node, input port.
WireKey = tuple[str, str, str, str]

#: A node card's geometry, the canvas's (gui/canvas/node_item.py draws with these) and the
#: layout's when no sizes are passed: 160 wide; a 24 header, a body with one 20-high row per
#: port on its busier side (at least 26 high) and a 22 footer.
NODE_WIDTH = 160.0
HEADER = 24.0
FOOTER = 22.0
PORT_SPACING = 20.0
MIN_BODY = 26.0
#: While previews are on (View > Previews), a card grows by this much between its body and
#: its footer: a picture of the node's output for one sample, and its value range.
PREVIEW = 72.0
#: Least space between two nodes in a layer, between a node and a wire's lane, between two
#: lanes, between two layers, and between two unconnected parts of the network.
NODE_GAP = 30.0
LANE_GAP = 30.0
LANE = 20.0
LAYER_GAP = 40.0
PART_GAP = 80.0
#: Crossing-reduction sweeps (alternately down and up), at most; most graphs settle in a few,
#: and the sweeps stop after this many in a row that found no fewer crossings.
SWEEPS = 12
PATIENCE = 4
#: Weights of a wire's straightness: between two lane points, a lane's end, two nodes.
_LANE_WEIGHT, _END_WEIGHT, _WIRE_WEIGHT = 8.0, 2.0, 1.0


def card_height(inputs: int, outputs: int, direction: Direction, preview: bool = False) -> float:
    """How tall a node card is: its body has a row per port on its busier side when the ports
    are on the sides (direction "right"); with the ports on the top and bottom it needs no
    more than one. With `preview` (previews shown), it has room for one (`PREVIEW`)."""
    rows = 1 if direction == "down" else max(inputs, outputs, 1)
    return HEADER + max(MIN_BODY, rows * PORT_SPACING + 6) + FOOTER + (PREVIEW if preview else 0)


def node_size(node: Node, preview: bool = False) -> Size:
    """Width and height the canvas gives `node` with its ports on its sides (and room for a
    preview, when previews are shown)."""
    inputs, outputs = len(node.input_ports), len(node.output_ports)
    return (NODE_WIDTH, card_height(inputs, outputs, "right", preview))


@dataclass(frozen=True)
class Layout:
    """Where everything goes: top-left node positions and the bend points of long wires.

    `routes` holds, for each wire spanning more than one layer, the points it passes through
    between its ports, in scene coordinates: two per layer it crosses (where it enters and
    leaves the layer's band), in its own lane. `sizes` are the node sizes the layout kept apart.
    """

    positions: dict[str, Position]
    routes: dict[WireKey, list[Position]]
    sizes: dict[str, Size]
    direction: Direction

    @staticmethod
    def empty(direction: Direction = "right") -> Layout:
        return Layout({}, {}, {}, direction)


def wire_key(edge: Edge) -> WireKey:
    return (edge.src, edge.src_port, edge.dst, edge.dst_port)


def layered_positions(
    graph: NetworkGraph,
    column: float = COLUMN,
    row: float = ROW,
    direction: Direction = "right",
    *,
    sizes: Mapping[str, Size] | None = None,
) -> dict[str, Position]:
    """New top-left positions for every node; empty for an empty or cyclic graph.

    The positions of `layered_layout` (see there).
    """
    return layered_layout(graph, column, row, direction, sizes=sizes).positions


def layered_layout(
    graph: NetworkGraph,
    column: float = COLUMN,
    row: float = ROW,
    direction: Direction = "right",
    *,
    sizes: Mapping[str, Size] | None = None,
) -> Layout:
    """Lay `graph` out in layers (see module docstring); empty for an empty or cyclic graph.

    `direction` "right" puts the layers in columns `column` apart (siblings at least `row`
    apart, centre to centre); "down" puts them in rows `row` apart (siblings at least `column`
    apart). A layer or a pair of siblings too big for that spacing gets more room. `sizes` maps
    node ids to (width, height); a node missing from it gets `node_size`. The first node in
    topological order keeps its place, so the network does not jump away.
    """
    try:
        order = graph.topological_order()
    except CycleError:
        return Layout.empty(direction)
    if not order:
        return Layout.empty(direction)
    given = sizes or {}
    size = {n: tuple(given[n]) if n in given else node_size(graph.node(n)) for n in order}
    if direction == "right":
        flow_size = {n: s[0] for n, s in size.items()}
        cross_size = {n: s[1] for n, s in size.items()}
        pitch = (column, row)
    else:
        flow_size = {n: s[1] for n, s in size.items()}
        cross_size = {n: s[0] for n, s in size.items()}
        pitch = (row, column)
    place = {n: i for i, n in enumerate(order)}
    parts = sorted(
        (
            sorted(part, key=place.__getitem__)
            for part in nx.weakly_connected_components(graph.nx_graph)
        ),
        key=lambda part: place[part[0]],
    )
    flow: dict[str, float] = {}
    cross: dict[str, float] = {}
    routes: dict[WireKey, list[tuple[float, float]]] = {}
    start = 0.0
    for part in parts:
        drawn = _Part(graph, part, flow_size, cross_size, pitch)
        low, high = drawn.extent
        for n in part:
            flow[n] = drawn.flow[n]
            cross[n] = drawn.cross[n] - low + start
        for key, points in drawn.routes.items():
            routes[key] = [(f, c - low + start) for f, c in points]
        start += high - low + PART_GAP

    def xy(f: float, c: float) -> Position:
        return (f, c) if direction == "right" else (c, f)

    anchor = graph.node(order[0]).position
    first = xy(flow[order[0]], cross[order[0]])
    dx, dy = anchor[0] - first[0], anchor[1] - first[1]

    def moved(f: float, c: float) -> Position:
        x, y = xy(f, c)
        return (round(x + dx, 2), round(y + dy, 2))

    return Layout(
        positions={n: moved(flow[n], cross[n]) for n in order},
        routes={key: [moved(f, c) for f, c in points] for key, points in routes.items()},
        sizes={n: (float(s[0]), float(s[1])) for n, s in size.items()},
        direction=direction,
    )


class _Part:
    """One weakly connected part laid out on its own, in (flow, cross) coordinates.

    Vertices are numbered: the part's nodes first (in topological order), then the dummies.
    `flow` and `cross` give each node's top-left along and across the layers; `routes` the bend
    points of long wires; `extent` the part's reach across the layers.
    """

    def __init__(
        self,
        graph: NetworkGraph,
        ids: Sequence[str],
        flow_size: Mapping[str, float],
        cross_size: Mapping[str, float],
        pitch: tuple[float, float],
    ) -> None:
        self.ids = list(ids)
        self.real = len(self.ids)
        wires = self._wires(graph)
        self.rank = _ranks(self.real, [(u, v) for _, u, v, _, _ in wires])
        self.size = [cross_size[n] for n in self.ids]
        segments = self._lanes(wires, _main_chain(self.real, wires))
        count = len(self.rank)
        self.up: list[list[tuple[int, float, float]]] = [[] for _ in range(count)]
        self.down: list[list[tuple[int, float, float]]] = [[] for _ in range(count)]
        for (a, b), (fa, fb, _) in segments.items():
            self.down[a].append((b, fb, fa))
            self.up[b].append((a, fa, fb))
        layers = _reduce_crossings(self._first_order(), self.up, self.down)
        centre = _cross_centres(
            layers, list(segments), self._weights(segments), self.size, self.real, pitch[1]
        )
        # Along the layers: each band as thick as its thickest node, `pitch[0]` apart at least.
        thick = [0.0] * len(layers)
        for v, n in enumerate(self.ids):
            thick[self.rank[v]] = max(thick[self.rank[v]], flow_size[n])
        band = [0.0] * len(layers)
        for r in range(1, len(layers)):
            band[r] = band[r - 1] + max(pitch[0], thick[r - 1] + LAYER_GAP)
        self.flow = {
            n: band[self.rank[v]] + (thick[self.rank[v]] - flow_size[n]) / 2
            for v, n in enumerate(self.ids)
        }
        self.cross = {n: centre[v] - self.size[v] / 2 for v, n in enumerate(self.ids)}
        self.routes: dict[WireKey, list[tuple[float, float]]] = {}
        for (edge, *_), chain in zip(wires, self.chains, strict=True):
            if chain:
                self.routes[wire_key(edge)] = [
                    point
                    for d in chain
                    for point in (
                        (band[self.rank[d]], centre[d]),
                        (band[self.rank[d]] + thick[self.rank[d]], centre[d]),
                    )
                ]
        self.extent = (
            min(centre[v] - self.size[v] / 2 for v in range(count)),
            max(centre[v] + self.size[v] / 2 for v in range(count)),
        )

    def _wires(self, graph: NetworkGraph) -> list[tuple[Edge, int, int, float, float]]:
        """(edge, source vertex, target vertex, port fraction at each end), by source port."""
        index = {n: i for i, n in enumerate(self.ids)}
        wires = []
        for v, node_id in enumerate(self.ids):
            ins = graph.node(node_id).input_ports
            for edge in graph.in_edges(node_id):
                outs = graph.node(edge.src).output_ports
                fu, fv = _fraction(outs, edge.src_port), _fraction(ins, edge.dst_port)
                wires.append((edge, index[edge.src], v, fu, fv))
        # Out-going wires by port, then by target: the first order follows the ports.
        wires.sort(key=lambda w: (w[1], w[3], w[2], w[4]))
        return wires

    def _lanes(
        self, wires: Sequence[tuple[Edge, int, int, float, float]], main: set[int]
    ) -> dict[tuple[int, int], tuple[float, float, bool]]:
        """Dummies for the long wires; the segments between next layers.

        A segment is (upper vertex, lower vertex): (port fraction at each end, on the main
        chain). The long wires from one output port share one lane, each leaving it at its
        target's layer, so a source feeding many later layers (a DenseNet's) draws one bus,
        not a fan. `self.chains` gets each wire's dummies.
        """
        segments: dict[tuple[int, int], tuple[float, float, bool]] = {}
        self.chains: list[list[int]] = []
        lanes: dict[tuple[int, str], list[int]] = {}
        for w, (edge, u, v, fu, fv) in enumerate(wires):
            span = self.rank[v] - self.rank[u]
            lane = lanes.setdefault((u, edge.src_port), [])
            while len(lane) < span - 1:
                lane.append(len(self.rank))
                self.rank.append(self.rank[u] + len(lane))
                self.size.append(0.0)
            chain = lane[: span - 1]
            self.chains.append(chain)
            path = [u, *chain, v]
            for i, (a, b) in enumerate(pairwise(path)):
                on_main = w in main or segments.get((a, b), (0.0, 0.0, False))[2]
                segments[(a, b)] = (fu if i == 0 else 0.0, fv if i == span - 1 else 0.0, on_main)
        return segments

    def _weights(
        self, segments: Mapping[tuple[int, int], tuple[float, float, bool]]
    ) -> list[float]:
        """How much each segment's straightness counts (see module docstring)."""
        weights = []
        for a, b in segments:
            dummies = (a >= self.real) + (b >= self.real)
            weights.append((_WIRE_WEIGHT, _END_WEIGHT, _LANE_WEIGHT)[dummies])
        # The main chain outweighs every other wire together: it is one straight line.
        heavy = sum(weights) + 1.0
        return [
            heavy if on_main else weight
            for weight, (_, _, on_main) in zip(weights, segments.values(), strict=True)
        ]

    def _first_order(self) -> list[list[int]]:
        """Layers filled depth first from each source, following out-going ports in order."""
        layers: list[list[int]] = [[] for _ in range(max(self.rank) + 1)]
        seen = [False] * len(self.rank)
        for root in range(self.real):
            if seen[root]:
                continue
            stack = [root]
            while stack:
                v = stack.pop()
                if seen[v]:
                    continue
                seen[v] = True
                layers[self.rank[v]].append(v)
                stack.extend(w for w, _, _ in reversed(self.down[v]) if not seen[w])
        return layers


def _fraction(ports: Sequence[str], port: str) -> float:
    """Where `port` sits on its node's side, from -0.5 (first) to 0.5 (last), 0 when alone."""
    if len(ports) < 2 or port not in ports:
        return 0.0
    return (ports.index(port) / (len(ports) - 1) - 0.5) * 0.8


def _ranks(count: int, wires: Sequence[tuple[int, int]]) -> list[int]:
    """Ranks 0.. with every wire going at least one rank forward and the wires shortest.

    Among equally short layerings, a vertex that can move earlier at no cost does, so a side
    branch (a ResNet's downsample) starts beside its source rather than just before its end.
    """
    if not wires:
        return [0] * count
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    cost = np.zeros(count)
    rows, cols, vals = [], [], []
    for i, (u, v) in enumerate(wires):
        cost[v] += 1.0
        cost[u] -= 1.0
        rows += [i, i]
        cols += [u, v]
        vals += [1.0, -1.0]
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(wires), count))
    result = linprog(
        cost, A_ub=matrix, b_ub=-np.ones(len(wires)), bounds=(0, None), method="highs-ds"
    )
    if result.status != 0:  # cannot happen for a DAG; the longest path from the sources does
        return _longest_path_ranks(count, wires)
    rank = [round(x) for x in result.x]
    # Equally short: a vertex with as many wires in as out may go as early as its sources
    # allow (vertices are numbered in topological order).
    preds: list[list[int]] = [[] for _ in range(count)]
    outs = [0] * count
    for u, v in wires:
        preds[v].append(u)
        outs[u] += 1
    for v in range(count):
        if preds[v] and len(preds[v]) == outs[v]:
            rank[v] = max(rank[u] + 1 for u in preds[v])
    low = min(rank)
    return [r - low for r in rank]


def _longest_path_ranks(count: int, wires: Sequence[tuple[int, int]]) -> list[int]:
    """Each vertex one rank after its deepest source (vertices numbered in topological order)."""
    rank = [0] * count
    preds: list[list[int]] = [[] for _ in range(count)]
    for u, v in wires:
        preds[v].append(u)
    for v in range(count):
        rank[v] = max((rank[u] + 1 for u in preds[v]), default=0)
    return rank


def _main_chain(count: int, wires: Sequence[tuple[Edge, int, int, float, float]]) -> set[int]:
    """Indices of the wires on the path through the most nodes; ties follow the first ports."""
    best = [1] * count
    via: list[int | None] = [None] * count
    for w, (_, u, v, _, _) in sorted(enumerate(wires), key=lambda item: (item[1][2], item[1][4])):
        if best[u] + 1 > best[v]:
            best[v], via[v] = best[u] + 1, w
    end = max(range(count), key=lambda v: (best[v], -v))
    chain = set()
    step = via[end]
    while step is not None:
        chain.add(step)
        step = via[wires[step][1]]
    return chain


def _reduce_crossings(
    layers: list[list[int]],
    up: Sequence[Sequence[tuple[int, float, float]]],
    down: Sequence[Sequence[tuple[int, float, float]]],
) -> list[list[int]]:
    """Barycentre sweeps with transposition (see module docstring); the best order found."""
    pos = [0] * len(up)
    for layer in layers:
        for i, v in enumerate(layer):
            pos[v] = i
    best = [list(layer) for layer in layers]
    fewest = _crossings(layers, down, pos)
    since = 0  # sweeps since the last improvement
    for sweep in range(SWEEPS):
        if fewest == 0 or since == PATIENCE:
            break
        if sweep % 2 == 0:
            for layer in layers[1:]:
                _sort_layer(layer, up, pos)
        else:
            for layer in reversed(layers[:-1]):
                _sort_layer(layer, down, pos)
        _transpose(layers, up, down, pos)
        found = _crossings(layers, down, pos)
        since += 1
        if found < fewest:
            fewest, best, since = found, [list(layer) for layer in layers], 0
    return best


def _sort_layer(
    layer: list[int], neighbours: Sequence[Sequence[tuple[int, float, float]]], pos: list[int]
) -> None:
    """Order `layer` by its neighbours' mean place; vertices with none keep their slots."""
    key = {}
    for v in layer:
        around = neighbours[v]
        if around:
            key[v] = (sum(pos[w] + far for w, far, _ in around) / len(around), pos[v])
    moving = iter(sorted(key, key=key.__getitem__))
    layer[:] = [next(moving) if v in key else v for v in layer]
    for i, v in enumerate(layer):
        pos[v] = i


def _transpose(
    layers: list[list[int]],
    up: Sequence[Sequence[tuple[int, float, float]]],
    down: Sequence[Sequence[tuple[int, float, float]]],
    pos: list[int],
) -> None:
    """Swap neighbours in a layer while that lowers the crossings with both next layers."""

    def crossed(v: int, w: int) -> int:
        """Crossings between v's wires and w's when v comes first."""
        total = 0
        for side in (up, down):
            for a, fa, _ in side[v]:
                here = pos[a] + fa
                total += sum(1 for b, fb, _ in side[w] if here > pos[b] + fb)
        return total

    # Only layers next to a swap can gain from another pass.
    waiting = {k for k, layer in enumerate(layers) if len(layer) > 1}
    for _ in range(4):
        if not waiting:
            return
        swapped: set[int] = set()
        for k in sorted(waiting):
            layer = layers[k]
            for i in range(len(layer) - 1):
                v, w = layer[i], layer[i + 1]
                if crossed(w, v) < crossed(v, w):
                    layer[i], layer[i + 1] = w, v
                    pos[v], pos[w] = i + 1, i
                    swapped.add(k)
        waiting = {j for k in swapped for j in (k - 1, k, k + 1) if 0 <= j < len(layers)}
        waiting = {k for k in waiting if len(layers[k]) > 1}


def _crossings(
    layers: Sequence[Sequence[int]],
    down: Sequence[Sequence[tuple[int, float, float]]],
    pos: Sequence[int],
) -> int:
    """Pairs of segments that cross between each two next layers (shared ends do not)."""
    total = 0
    for layer in layers:
        ends = sorted((pos[v] + near, pos[w] + far) for v in layer for w, far, near in down[v])
        seen: list[float] = []
        for _, lower in ends:
            total += len(seen) - bisect_right(seen, lower)
            insort(seen, lower)
    return total


def _cross_centres(
    layers: Sequence[Sequence[int]],
    segments: Sequence[tuple[int, int]],
    weights: Sequence[float],
    size: Sequence[float],
    real: int,
    pitch: float,
) -> list[float]:
    """Centres across the layers: the weighted wires straightest, neighbours kept apart."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    count = len(size)

    def gap(a: int, b: int) -> float:
        if a < real and b < real:
            return max(pitch, (size[a] + size[b]) / 2 + NODE_GAP)
        if a < real or b < real:
            return (size[a] + size[b]) / 2 + LANE_GAP
        return LANE

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    bound: list[float] = []
    for j, (a, b) in enumerate(segments):
        # |c_a - c_b| <= t_j, as two inequalities
        for p, q in ((a, b), (b, a)):
            r = len(bound)
            rows += [r, r, r]
            cols += [p, q, count + j]
            vals += [1.0, -1.0, -1.0]
            bound.append(0.0)
    for layer in layers:
        for a, b in pairwise(layer):
            r = len(bound)
            rows += [r, r]
            cols += [a, b]
            vals += [1.0, -1.0]
            bound.append(-gap(a, b))
    packed = [0.0] * count
    for layer in layers:
        for a, b in pairwise(layer):
            packed[b] = packed[a] + gap(a, b)
    if not segments:
        return packed
    cost = np.concatenate([np.zeros(count), np.asarray(weights)])
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(bound), count + len(segments)))
    result = linprog(cost, A_ub=matrix, b_ub=np.asarray(bound), bounds=(0, None), method="highs")
    if result.status != 0:  # cannot happen (the packed places are feasible); keep them
        return packed
    return [round(float(x), 2) for x in result.x[:count]]
