"""The canvas, driven with the mouse: wires drawn port to port, refusals, node drags, drops,
deletes, and the shapes and problems the items show."""

from __future__ import annotations

from itertools import pairwise

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from netstudio.core.graph import Edge, NetworkGraph
from netstudio.gui.canvas.port_item import PortState
from netstudio.gui.canvas.scene import CanvasScene
from netstudio.gui.canvas.view import LAYER_MIME, MAX_ZOOM, CanvasView
from netstudio.gui.commands import AddNodeCommand, ConnectCommand, SetParamsCommand
from netstudio.gui.document import Document
from netstudio.io import Project

CHAIN = ("input", "fc1", "relu1", "fc2", "relu2", "fc3", "output")


@pytest.fixture
def document(mlp_graph: NetworkGraph) -> Document:
    for i, node_id in enumerate(CHAIN):
        mlp_graph.move(node_id, (i * 240.0, 0.0))
    return Document(Project(graph=mlp_graph, name="MLP", data={"source": "mnist"}))


@pytest.fixture
def canvas(qtbot, document: Document) -> tuple[CanvasView, CanvasScene]:
    view = CanvasView()
    scene = CanvasScene(document)
    view.setScene(scene)
    view.resize(1300, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(0.7)
    view.centerOn(scene.nodes["relu2"].sceneBoundingRect().center())
    return view, scene


def at(view: CanvasView, point: QPointF) -> QPoint:
    return view.mapFromScene(point)


def drag(view: CanvasView, start: QPointF, end: QPointF, release: bool = True) -> None:
    viewport = view.viewport()
    QTest.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, start)
    )
    for i in range(1, 6):
        QTest.mouseMove(viewport, at(view, start + (end - start) * (i / 5)))
    if release:
        QTest.mouseRelease(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, end)
        )


def port_pos(scene: CanvasScene, node_id: str, port: str, is_input: bool) -> QPointF:
    item = scene.port(node_id, port, is_input)
    assert item is not None
    return item.scene_anchor()


def add(document: Document, type_id: str, name: str, x: float, y: float) -> str:
    command = AddNodeCommand(document.graph, type_id, (x, y), name=name)
    assert document.push(command) is None
    return command.node_id


def test_scene_shows_every_node_and_wire_with_shapes(canvas) -> None:
    _, scene = canvas
    assert set(scene.nodes) == set(CHAIN)
    assert len(scene.edges) == 6
    fc1 = scene.nodes["fc1"]
    assert (fc1.title, fc1.subtitle) == ("fc1", "Linear · 256 units")
    assert (fc1.shape_text, fc1.params_text) == ("N×256", "201 k")
    assert scene.edges[Edge("input", "out", "fc1", "in")].label == "N×784"
    assert scene.port("fc1", "out", False).connected


def test_connect_two_ports_with_the_mouse(canvas, document: Document) -> None:
    view, scene = canvas
    act = add(document, "ReLU", "act", 5 * 240.0, 200.0)
    drag(view, port_pos(scene, "fc2", "out", False), port_pos(scene, act, "in", True))
    assert document.graph.edge_into(act, "in") == Edge("fc2", "out", act, "in")
    assert Edge("fc2", "out", act, "in") in scene.edges
    assert document.undo_stack.undoText() == "Connect fc2 → act"
    assert scene.nodes[act].shape_text == "N×128"


def test_a_wire_can_be_drawn_backwards_from_an_input(canvas, document: Document) -> None:
    view, scene = canvas
    act = add(document, "ReLU", "act", 5 * 240.0, 200.0)
    drag(view, port_pos(scene, act, "in", True), port_pos(scene, "relu2", "out", False))
    assert document.graph.edge_into(act, "in") == Edge("relu2", "out", act, "in")


def test_compatible_ports_light_up_while_dragging(canvas, document: Document) -> None:
    view, scene = canvas
    act = add(document, "ReLU", "act", 5 * 240.0, 200.0)
    start, end = port_pos(scene, "fc2", "out", False), port_pos(scene, act, "in", True)
    drag(view, start, end - QPointF(60, 0), release=False)
    assert scene.port(act, "in", True).state is PortState.COMPATIBLE
    assert scene.port("fc3", "in", True).state is PortState.DIMMED  # already wired
    assert scene.port("fc1", "in", True).state is PortState.DIMMED  # would make a cycle
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, end)
    )
    assert all(p.state is PortState.NORMAL for i in scene.nodes.values() for p in i.ports())


def test_a_cycle_is_refused_with_the_reason(canvas, document: Document) -> None:
    view, scene = canvas
    merge = add(document, "Add", "merge", 4 * 240.0, 220.0)
    act = add(document, "ReLU", "act", 5 * 240.0, 220.0)
    document.push(ConnectCommand(document.graph, "fc2", "out", merge, "in1"))
    document.push(ConnectCommand(document.graph, merge, "out", act, "in"))
    messages: list[str] = []
    scene.message.connect(messages.append)
    edges_before, steps_before = set(document.graph.edges()), document.undo_stack.count()
    drag(view, port_pos(scene, act, "out", False), port_pos(scene, merge, "in2", True))
    assert set(document.graph.edges()) == edges_before
    assert document.undo_stack.count() == steps_before
    assert messages and "cycle" in messages[-1]


def test_a_port_in_use_is_refused(canvas, document: Document) -> None:
    view, scene = canvas
    messages: list[str] = []
    scene.message.connect(messages.append)
    drag(view, port_pos(scene, "relu1", "out", False), port_pos(scene, "fc3", "in", True))
    assert document.graph.edge_into("fc3", "in").src == "relu2"
    assert messages and "already wired" in messages[-1]


def test_dragging_nodes_is_one_undoable_move(canvas, document: Document) -> None:
    view, scene = canvas
    scene.nodes["fc2"].setSelected(True)
    scene.nodes["relu2"].setSelected(True)
    grip = scene.nodes["fc2"].scenePos() + QPointF(80, 10)
    drag(view, grip, grip + QPointF(60, 100))
    stack = document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move 2 nodes"
    fc2 = document.graph.node("fc2").position
    assert fc2[0] == pytest.approx(720 + 60, abs=2) and fc2[1] == pytest.approx(100, abs=2)
    assert document.graph.node("fc1").position == (240.0, 0.0)
    stack.undo()
    assert document.graph.node("fc2").position == (720.0, 0.0)
    assert scene.nodes["relu2"].pos() == QPointF(960.0, 0.0)
    stack.redo()
    assert scene.nodes["fc2"].pos().y() == pytest.approx(100, abs=2)


def test_delete_then_undo_restores_the_graph(canvas, document: Document) -> None:
    _, scene = canvas
    before = (
        {n.id: (n.name, dict(n.params), n.position) for n in document.graph},
        set(document.graph.edges()),
    )
    scene.nodes["fc2"].setSelected(True)
    scene.edges[Edge("fc3", "out", "output", "in")].setSelected(True)
    assert scene.delete_selection()
    assert "fc2" not in scene.nodes and len(scene.edges) == 3
    document.undo_stack.undo()
    after = (
        {n.id: (n.name, dict(n.params), n.position) for n in document.graph},
        set(document.graph.edges()),
    )
    assert after == before
    assert set(scene.edges) == before[1]
    assert scene.nodes["fc2"].shape_text == "N×128"


def test_a_layer_dropped_from_the_palette(canvas) -> None:
    view, _ = canvas
    dropped: list[tuple[str, QPointF]] = []
    view.layer_dropped.connect(lambda type_id, pos: dropped.append((type_id, pos)))
    mime = QMimeData()
    mime.setData(LAYER_MIME, b"Conv2d")
    point = QPointF(300, 200)
    event = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert dropped and dropped[0][0] == "Conv2d"
    assert dropped[0][1] == view.mapToScene(point.toPoint())


def test_an_invalid_node_is_marked_and_its_wire_dashed(canvas, document: Document) -> None:
    _, scene = canvas
    document.push(SetParamsCommand(document.graph, "fc2", {"in_features": 100}))
    fc2 = scene.nodes["fc2"]
    assert fc2.severity == "error" and "in_features = 100" in fc2.toolTip()
    assert scene.edges[Edge("relu1", "out", "fc2", "in")].invalid
    assert not scene.edges[Edge("fc1", "out", "relu1", "in")].invalid
    document.undo_stack.undo()
    assert fc2.severity is None and not scene.edges[Edge("relu1", "out", "fc2", "in")].invalid


def test_an_unconnected_layer_shows_its_problem(canvas, document: Document) -> None:
    _, scene = canvas
    node_id = add(document, "Linear", "loose", 0.0, 300.0)
    item = scene.nodes[node_id]
    assert item.severity == "error" and "not connected" in item.toolTip()
    assert item.shape_text == "?"


def test_zoom_is_clamped_and_fit_shows_everything(canvas) -> None:
    view, scene = canvas
    for _ in range(30):
        view.zoom_in()
    assert view.zoom == pytest.approx(MAX_ZOOM)
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect())


def test_edge_items_follow_their_nodes(canvas, document: Document) -> None:
    _, scene = canvas
    edge = scene.edges[Edge("fc1", "out", "relu1", "in")]
    document.graph.move("relu1", (480.0, 300.0))
    end = edge.target.scene_anchor()
    assert end.y() > 300
    assert edge.boundingRect().contains(end)


def test_chain_fixture_is_a_valid_network(document: Document) -> None:
    assert not [p for p in document.problems if p.severity == "error"]
    assert [e.src for e in document.graph.edges()] == [a for a, _ in pairwise(CHAIN)]


def test_escape_cancels_a_wire(canvas, document: Document) -> None:
    view, scene = canvas
    act = add(document, "ReLU", "act", 5 * 240.0, 200.0)
    end = port_pos(scene, act, "in", True)
    drag(view, port_pos(scene, "fc2", "out", False), end, release=False)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert scene.port(act, "in", True).state is PortState.NORMAL
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, end)
    )
    assert document.graph.edge_into(act, "in") is None
