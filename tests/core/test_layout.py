"""Auto-layout: layered, nodes apart, wires in lanes clear of nodes, the main chain straight."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pytest

from netstudio.core.graph import Edge, NetworkGraph
from netstudio.core.layout import Layout, layered_layout, layered_positions, node_size, wire_key
from netstudio.core.layout_quality import (
    crossings,
    overlaps,
    wire_points,
    wires_under_nodes,
)
from netstudio.io import load_project

EXAMPLES = sorted((Path(__file__).parents[2] / "netstudio" / "examples").glob("*.net"))
IMPORTED = ("resnet18", "mobilenet_v2")
#: The spacing the editor asks for in each direction (gui/editing.py `auto_layout`).
SPACING = {"right": {}, "down": {"column": 240.0, "row": 150.0}}


@pytest.fixture(scope="module")
def imported() -> dict[str, NetworkGraph]:
    """torchvision's resnet18 and mobilenet_v2 as imported (no weights: nothing downloaded)."""
    pytest.importorskip("torchvision")
    from netstudio.importing.torchvision_models import from_torchvision

    return {
        name: from_torchvision(name, (3, 32, 32), blocks=False).project.graph for name in IMPORTED
    }


def residual_graph() -> NetworkGraph:
    """Input → fc1 → relu → fc2 → add.in2, with the skip Input → add.in1, → Output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [16]})
    for node_id in ("fc1", "fc2"):
        graph.add_node("Linear", node_id=node_id, params={"out_features": 16})
    graph.add_node("ReLU", node_id="relu")
    graph.add_node("Add", node_id="add")
    graph.add_node("Output", node_id="output")
    for src, dst, port in (
        ("input", "fc1", "in"),
        ("fc1", "relu", "in"),
        ("relu", "fc2", "in"),
        ("fc2", "add", "in2"),
        ("input", "add", "in1"),
        ("add", "output", "in"),
    ):
        graph.connect(src, "out", dst, port)
    return graph


def centre(layout: Layout, node_id: str) -> tuple[float, float]:
    (x, y), (w, h) = layout.positions[node_id], layout.sizes[node_id]
    return (x + w / 2, y + h / 2)


def assert_reads_well(graph: NetworkGraph, layout: Layout) -> None:
    assert set(layout.positions) == {n.id for n in graph}
    assert overlaps(layout) == []
    under = [f"{edge} under {node}" for edge, node in wires_under_nodes(graph, layout)]
    assert under == []


@pytest.mark.parametrize("direction", ["right", "down"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_have_no_overlap_and_no_wire_under_a_node(path: Path, direction: str) -> None:
    graph = load_project(path).graph
    assert_reads_well(graph, layered_layout(graph, direction=direction, **SPACING[direction]))


@pytest.mark.parametrize("direction", ["right", "down"])
@pytest.mark.parametrize("name", IMPORTED)
def test_imported_torchvision_models_read_well(
    imported: dict[str, NetworkGraph], name: str, direction: str
) -> None:
    graph = imported[name]
    layout = layered_layout(graph, direction=direction, **SPACING[direction])
    assert_reads_well(graph, layout)
    assert crossings(graph, layout) == 0
    # The longest path (through the main convolutions, not the skips) is one straight line.
    axis = 1 if direction == "right" else 0
    chain = nx.dag_longest_path(graph.nx_graph)
    assert len(chain) > len(graph) / 2
    assert {centre(layout, n)[axis] for n in chain} == {centre(layout, chain[0])[axis]}


def test_given_sizes_are_kept_apart() -> None:
    graph = residual_graph()
    sizes = {n.id: (160.0, 300.0) if n.id == "fc1" else (220.0, 90.0) for n in graph}
    for direction in ("right", "down"):
        layout = layered_layout(graph, direction=direction, sizes=sizes)
        assert layout.sizes == sizes
        assert_reads_well(graph, layout)


def test_the_main_chain_of_an_mlp_is_one_straight_line(mlp_graph: NetworkGraph) -> None:
    order = mlp_graph.topological_order()
    layout = layered_layout(mlp_graph)
    assert {centre(layout, n)[1] for n in order} == {centre(layout, "input")[1]}
    xs = [centre(layout, n)[0] for n in order]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert layout.routes == {}


def test_down_puts_the_layers_in_rows(mlp_graph: NetworkGraph) -> None:
    order = mlp_graph.topological_order()
    layout = layered_layout(mlp_graph, direction="down")
    assert {centre(layout, n)[0] for n in order} == {centre(layout, "input")[0]}
    ys = [layout.positions[n][1] for n in order]
    assert all(b - a >= 130.0 for a, b in itertools.pairwise(ys))
    graph = residual_graph()
    layout = layered_layout(graph, direction="down")
    for edge in graph.edges():  # every wire runs down: its target's row is below its source's
        top = layout.positions[edge.dst][1]
        assert top > layout.positions[edge.src][1] + layout.sizes[edge.src][1]


@pytest.mark.parametrize("direction", ["right", "down"])
def test_a_skip_connection_gets_a_lane_beside_the_chain(direction: str) -> None:
    graph = residual_graph()
    layout = layered_layout(graph, direction=direction)
    across = 1 if direction == "right" else 0
    chain = ["input", "fc1", "relu", "fc2", "add", "output"]
    line = centre(layout, "input")[across]
    assert {centre(layout, n)[across] for n in chain} == {line}
    skip = layout.routes[("input", "out", "add", "in1")]
    # two points in each of the three layers it passes (fc1's, relu's and fc2's), in one lane
    assert len(skip) == 6 and len({p[across] for p in skip}) == 1
    lane = skip[0][across]
    # in1 comes first: its lane is above the chain (left of it, top to bottom), clear of it
    assert line - lane >= node_size(graph.node("fc1"))[across] / 2 + 20
    assert wires_under_nodes(graph, layout) == []
    points = wire_points(graph, layout, Edge("input", "out", "add", "in1"))
    assert points[1:-1] == skip


def test_an_add_input_order_decides_the_side_of_its_sources() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [8]})
    graph.add_node("Linear", node_id="a", params={"out_features": 8})
    graph.add_node("Tanh", node_id="b")
    graph.add_node("Add", node_id="add")
    graph.connect("input", "out", "a", "in")
    graph.connect("input", "out", "b", "in")
    graph.connect("a", "out", "add", "in2")  # wired first, but into the second port
    graph.connect("b", "out", "add", "in1")
    layout = layered_layout(graph)
    assert centre(layout, "b")[1] < centre(layout, "a")[1]
    assert crossings(graph, layout) == 0


def test_unconnected_parts_sit_side_by_side(mlp_graph: NetworkGraph) -> None:
    mlp_graph.add_node("Input", node_id="input2", params={"shape": [4]})
    mlp_graph.add_node("Linear", node_id="lone", params={"out_features": 2})
    mlp_graph.connect("input2", "out", "lone", "in")
    mlp_graph.add_node("Tanh", node_id="unwired")
    layout = layered_layout(mlp_graph)
    assert overlaps(layout) == []
    assert layout.positions["unwired"][1] > layout.positions["lone"][1]
    first = {layout.positions[n][1] for n in ("input", "fc1", "output")}
    second = {layout.positions[n][1] for n in ("input2", "lone")}
    assert len(first) == len(second) == 1
    assert second.pop() >= first.pop() + node_size(mlp_graph.node("fc1"))[1]
    assert layout.positions["input2"][0] == layout.positions["input"][0]


def test_a_late_second_input_sits_just_before_its_use() -> None:
    graph = residual_graph()
    graph.add_node("Input", node_id="extra", params={"shape": [16]})
    graph.add_node("Add", node_id="add2")
    last = graph.edge_into("output", "in")
    assert last is not None
    graph.disconnect(last)
    graph.connect("add", "out", "add2", "in1")
    graph.connect("extra", "out", "add2", "in2")
    graph.connect("add2", "out", "output", "in")
    layout = layered_layout(graph)
    assert layout.positions["extra"][0] == layout.positions["add"][0]
    assert ("extra", "out", "add2", "in2") not in layout.routes


def test_the_first_node_keeps_its_place(mlp_graph: NetworkGraph) -> None:
    mlp_graph.move("input", (-75.0, 310.0))
    for direction in ("right", "down"):
        assert layered_positions(mlp_graph, direction=direction)["input"] == (-75.0, 310.0)


def test_the_same_graph_gives_the_same_layout() -> None:
    path = next(p for p in EXAMPLES if p.stem == "residual_cnn")
    first = layered_layout(load_project(path).graph, direction="down")
    again = layered_layout(load_project(path).graph, direction="down")
    assert first == again
    assert first.routes  # the residual blocks' skips have lanes


def test_empty_and_cyclic_graphs_give_nothing() -> None:
    graph = NetworkGraph()
    assert layered_positions(graph) == {}
    graph.add_node("Linear", node_id="a")
    graph.add_node("Linear", node_id="b")
    graph.connect("a", "out", "b", "in")
    graph._add_edge(Edge("b", "out", "a", "in"))  # only a loaded file can do this
    assert layered_layout(graph) == Layout.empty()
    assert layered_positions(graph, direction="down") == {}


def test_a_wire_key_names_the_ports() -> None:
    assert wire_key(Edge("a", "out", "b", "in2")) == ("a", "out", "b", "in2")
