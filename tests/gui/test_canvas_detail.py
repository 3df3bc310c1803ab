"""How the canvas draws nodes and wires: names whole at every zoom (or a block with the name on
hover), shapes on wires where legible, ports on the top and bottom when the network flows top to
bottom (one undo step with the layout, kept in the file), and wires that never pass under a
node, after the layout and after a person moves nodes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QPainterPath, QPainterPathStroker
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netstudio.gui.canvas.edge_item import EdgeItem
from netstudio.gui.canvas.node_item import DETAIL_ZOOM, LEGIBLE_PX, WIDTH, NodeItem, NodeText
from netstudio.gui.canvas.scene import CanvasScene
from netstudio.gui.commands import DisconnectCommand, MoveNodesCommand
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "netstudio" / "examples"


@pytest.fixture
def open_example(qtbot, tmp_path: Path, monkeypatch):
    """Open a copy of an example in a shown window (no PyTorch: shapes stay unknown)."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)

    def opener(name: str) -> MainWindow:
        path = Path(shutil.copy(EXAMPLES / name, tmp_path / name))
        assert window.open_file(path)
        qtbot.wait(1)  # the view is set on the next turn of the event loop
        return window

    return opener


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def painted_texts(window: MainWindow, monkeypatch) -> dict[str, tuple[float, NodeText]]:
    """Paint the canvas and note, for each node painted, the zoom its painter had and what it
    wrote."""
    seen: dict[str, tuple[float, NodeText]] = {}
    original = NodeItem.drawn_text

    def spy(item: NodeItem, lod: float) -> NodeText:
        text = original(item, lod)
        seen[item.node_id] = (lod, text)
        return text

    monkeypatch.setattr(NodeItem, "drawn_text", spy)
    for item in window.scene.nodes.values():
        item.update()  # past the cache: paint again at this zoom
    window.view.grab()
    monkeypatch.setattr(NodeItem, "drawn_text", original)
    return seen


def assert_names_whole(item: NodeItem, lod: float, text: NodeText) -> None:
    if text.name:
        assert "".join(text.name) == item.title, (item.title, text)
        assert text.name_px * lod >= LEGIBLE_PX - 1e-6, (item.title, lod, text)
    else:
        assert text.block, (item.title, lod, text)  # no name written: a block, named on hover
    if text.extra and text.block:
        assert text.extra_px * lod >= LEGIBLE_PX - 1e-6


def test_at_the_fit_zoom_every_name_is_whole_or_the_node_a_block(open_example, monkeypatch):
    window = open_example("residual_cnn.net")
    trigger(window, "view_fit")
    seen = painted_texts(window, monkeypatch)
    assert set(seen) == set(window.scene.nodes)  # the whole network is on screen
    for node_id, (lod, text) in seen.items():
        assert lod == pytest.approx(window.view.zoom)
        assert_names_whole(window.scene.nodes[node_id], lod, text)
    # So far out the cards are blocks; each names itself on hover.
    assert window.view.zoom < DETAIL_ZOOM
    for item in window.scene.nodes.values():
        assert item.title in item.toolTip() and item.subtitle in item.toolTip()


@pytest.mark.parametrize("zoom", [0.15, 0.3, 0.5, DETAIL_ZOOM, 1.0, 2.0])
def test_names_are_never_cut_at_any_zoom(open_example, monkeypatch, zoom: float) -> None:
    window = open_example("residual_cnn.net")
    window.view.set_zoom(zoom)
    window.view.centerOn(window.view.network_rect().center())
    seen = painted_texts(window, monkeypatch)
    assert seen
    for node_id, (lod, text) in seen.items():
        assert_names_whole(window.scene.nodes[node_id], lod, text)
        assert text.block == (zoom < DETAIL_ZOOM)
        if not text.block:  # the card's details: the subtitle shortened before the name
            assert text.extra == window.scene.nodes[node_id].subtitle or text.extra.endswith("…")


def test_a_long_name_shrinks_then_wraps_then_the_card_becomes_a_block(blank_window) -> None:
    window = blank_window
    node_id = window.editing.add_layer("Conv2d")
    assert node_id is not None
    item = window.scene.nodes[node_id]
    item.set_text("a_rather_long_layer_name_with_parts", "Conv2d · 32, 3×3, pad 1")
    at_100 = item.drawn_text(1.0)
    assert not at_100.block and len(at_100.name) == 2  # smaller, on two lines, whole
    assert "".join(at_100.name) == item.title and at_100.name_px < 12
    far = item.drawn_text(0.15)
    assert far.block and not far.name and far.extra == "Conv"  # a short label from its type
    item.set_text("fc", "Linear · 10 units")
    assert item.drawn_text(0.2) == NodeText(True, ("fc",), item.drawn_text(0.2).name_px)
    assert item.drawn_text(1.0).name == ("fc",) and item.drawn_text(1.0).name_px == 12


def test_shapes_on_wires_are_written_where_legible_and_on_hover_always(open_example) -> None:
    window = open_example("mnist_mlp.net")
    edge = next(iter(window.scene.edges.values()))
    edge.set_label("N×256", invalid=False)
    edge.setToolTip("fc1.out → relu1.in · N×256")
    assert edge.drawn_label(1.0) == "N×256"
    assert edge.drawn_label(DETAIL_ZOOM * 0.9) == ""
    assert "N×256" in edge.toolTip()


# --- flow --------------------------------------------------------------------------------------


def ports_on_edges(scene: CanvasScene, flow: str) -> None:
    for item in scene.nodes.values():
        rect = item.sceneBoundingRect()
        top, bottom = item.scenePos().y(), item.scenePos().y() + item.height
        left, right = item.scenePos().x(), item.scenePos().x() + WIDTH
        for port in item.ports():
            anchor = port.scene_anchor()
            if flow == "down":
                assert anchor.y() == (top if port.is_input else bottom)
                assert left < anchor.x() < right
            else:
                assert anchor.x() == (left if port.is_input else right)
                assert top < anchor.y() < bottom
        assert rect.isValid()


def test_top_to_bottom_layout_moves_the_ports_in_one_undo_step(open_example, tmp_path) -> None:
    window = open_example("residual_cnn.net")
    scene, stack = window.scene, window.document.undo_stack
    ports_on_edges(scene, "right")
    before = {n.id: n.position for n in window.document.graph}
    count = stack.count()

    trigger(window, "model_auto_layout_down")
    assert stack.count() == count + 1 and stack.undoText() == "Auto-layout"
    assert scene.flow == "down" and window.document.project.view["flow"] == "down"
    ports_on_edges(scene, "down")
    add = scene.nodes["block1_add"]
    xs = sorted(p.scene_anchor().x() for p in add.inputs.values())
    assert len(xs) == 2 and xs[1] - xs[0] >= 20  # spread along the top edge
    for edge in scene.edges.values():  # wires leave downwards and come in from above
        (x0, y0), (x1, y1) = edge.route.points[0], edge.route.points[1]
        assert x1 == pytest.approx(x0) and y1 > y0
        (x2, y2), (x3, y3) = edge.route.points[-2], edge.route.points[-1]
        assert x2 == pytest.approx(x3) and y2 < y3

    stack.undo()  # the moves and the flow together
    assert scene.flow == "right" and "flow" not in window.document.project.view
    assert {n.id: n.position for n in window.document.graph} == before
    ports_on_edges(scene, "right")
    stack.redo()
    assert scene.flow == "down"
    ports_on_edges(scene, "down")

    # The file keeps the flow: reopened, the ports are on the top and bottom again.
    path = tmp_path / "down.net"
    window.document.save(path)
    assert load_project(path).view_settings().flow == "down"
    assert window.open_file(path)
    assert window.scene.flow == "down"
    ports_on_edges(window.scene, "down")

    trigger(window, "model_auto_layout")  # Ctrl+L: back to left to right
    assert window.scene.flow == "right" and window.document.project.view["flow"] == "right"
    ports_on_edges(window.scene, "right")


def test_wires_are_drawn_port_to_port_in_the_top_to_bottom_flow(open_example, hands) -> None:
    window = open_example("mnist_mlp.net")
    trigger(window, "model_auto_layout_down")
    graph = window.document.graph
    (edge,) = [e for e in graph.edges() if e.src == "fc1"]
    assert window.document.push(DisconnectCommand(graph, edge)) is None
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes["fc1"].sceneBoundingRect().center())
    hands.wire(window, "fc1", "relu1")
    assert edge in graph.edges()
    assert window.document.undo_stack.undoText().startswith("Connect")


# --- routing on the canvas ---------------------------------------------------------------------


def passes_under(scene: CanvasScene, edge: EdgeItem) -> list[str]:
    """The nodes, other than its own two, that the wire's drawn path passes under."""
    # The line itself (a path's `intersects` fills it: a detour's U would enclose the node).
    stroker = QPainterPathStroker()
    stroker.setWidth(1.0)
    path = stroker.createStroke(edge.mapToScene(edge.path()))
    found = []
    for node_id, item in scene.nodes.items():
        if node_id in (edge.edge.src, edge.edge.dst):
            continue
        rect = QRectF(item.scenePos().x(), item.scenePos().y(), WIDTH, item.height)
        body = QPainterPath()
        body.addRect(rect.adjusted(2, 2, -2, -2))
        if path.intersects(body):
            found.append(node_id)
    return found


@pytest.mark.parametrize("action", ["model_auto_layout", "model_auto_layout_down"])
def test_no_wire_passes_under_a_node_after_layout(open_example, action) -> None:
    examples = sorted(p.name for p in EXAMPLES.glob("*.net"))
    assert "residual_cnn.net" in examples  # skip connections, round the chain
    for example in examples:
        window = open_example(example)
        trigger(window, action)
        scene = window.scene
        assert scene.edges
        for edge in scene.edges.values():
            assert passes_under(scene, edge) == [], (example, edge.edge)


def test_a_node_moved_into_a_wires_way_is_gone_round(open_example) -> None:
    window = open_example("mnist_mlp.net")
    trigger(window, "model_auto_layout")
    scene, graph, document = window.scene, window.document.graph, window.document
    # Room between input and fc1: everything from fc1 on moves right.
    later = [n for n in graph.topological_order() if n != "input"]
    moves = {
        n: (graph.node(n).position, (graph.node(n).position[0] + 480, graph.node(n).position[1]))
        for n in later
    }
    document.push(MoveNodesCommand(graph, moves))
    wire = scene.edges[next(e for e in graph.edges() if e.src == "input")]
    assert wire.route.direct
    # The Output card moved (with the mouse) into that wire's way.
    window.view.set_zoom(0.5)
    window.view.centerOn(wire.point_at(0.5))
    output = scene.nodes["output"]
    grip = output.scenePos() + QPointF(WIDTH / 2, 10)
    target_centre = wire.point_at(0.5)
    drop = target_centre + (grip - output.sceneBoundingRect().center())
    view, viewport = window.view, window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    view.centerOn((grip + drop) / 2)
    QTest.mousePress(viewport, left, none, view.mapFromScene(grip))
    for i in range(1, 7):
        QTest.mouseMove(viewport, view.mapFromScene(grip + (drop - grip) * (i / 6)))
    assert wire.route.direct  # not while it is dragged
    QTest.mouseRelease(viewport, left, none, view.mapFromScene(drop))
    assert graph.node("output").position != moves["output"][1]
    assert not wire.route.direct and passes_under(scene, wire) == []
    # Moved away again (undo), the wire is the direct curve once more.
    document.undo_stack.undo()
    assert wire.route.direct


def ends_on_ports(edge: EdgeItem) -> bool:
    path = edge.path()
    start, end = path.pointAtPercent(0), path.pointAtPercent(1)
    return (start - edge.source.scene_anchor()).manhattanLength() < 0.01 and (
        end - edge.target.scene_anchor()
    ).manhattanLength() < 0.01


def test_wires_follow_a_group_dragged_together(open_example) -> None:
    window = open_example("residual_cnn.net")
    trigger(window, "model_auto_layout")
    scene, view = window.scene, window.view
    block = ["block1_conv1", "block1_bn1", "block1_relu1", "block1_conv2", "block1_bn2"]
    scene.select_nodes(block)
    grabbed = scene.nodes["block1_bn1"]
    view.set_zoom(0.5)
    view.centerOn(grabbed.sceneBoundingRect().center())
    grip = grabbed.scenePos() + QPointF(WIDTH / 2, 10)
    viewport = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, view.mapFromScene(grip))
    for i in range(1, 5):
        QTest.mouseMove(viewport, view.mapFromScene(grip + QPointF(0, 60 * i)))
        assert all(ends_on_ports(edge) for edge in scene.edges.values())
    QTest.mouseRelease(viewport, left, none, view.mapFromScene(grip + QPointF(0, 240)))
    assert window.document.undo_stack.undoText() == "Move 5 nodes"
    for edge in scene.edges.values():
        assert ends_on_ports(edge) and passes_under(scene, edge) == [], edge.edge
