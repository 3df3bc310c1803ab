"""Editing gestures on the canvas: a node dropped onto a wire goes into it, quick-add with Tab
or from a wire dropped on empty canvas, Space+drag pans, top-to-bottom auto-layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QCursor, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netstudio.core.graph import Edge
from netstudio.gui.canvas.node_item import WIDTH
from netstudio.gui.canvas.view import LAYER_MIME
from netstudio.gui.main_window import MainWindow
from netstudio.gui.palette import TYPE_ROLE
from netstudio.io import dumps_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mnist_mlp.net"
WIRE = Edge("relu1", "out", "fc2", "in")


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    discard = QMessageBox.StandardButton.Discard  # closing with edits asks; tests discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    path = tmp_path / "mnist_mlp.net"
    shutil.copy(EXAMPLE, path)
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_file(path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.view.set_zoom(1.0)
    win.view.centerOn(win.scene.edges[WIRE].point_at(0.5))
    return win


def drag(window: MainWindow, start: QPointF, end: QPointF, steps: int = 6) -> None:
    view, viewport = window.view, window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, view.mapFromScene(start))
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, view.mapFromScene(start + (end - start) * (i / steps)))
    QTest.mouseRelease(viewport, left, none, view.mapFromScene(end))


def test_a_free_node_dragged_onto_a_wire_goes_into_it(window: MainWindow) -> None:
    document, scene = window.document, window.scene
    before = dumps_project(document.project)
    middle = scene.edges[WIRE].point_at(0.5)
    node_id = window.editing.add_layer("Dropout", middle + QPointF(0, 300))
    item = scene.nodes[node_id]
    grip = item.scenePos() + QPointF(WIDTH / 2, 12)
    target = middle + (grip - item.sceneBoundingRect().center())
    drag(window, grip, target)
    graph = document.graph
    assert WIRE not in graph.edges()
    assert Edge("relu1", "out", node_id, "in") in graph.edges()
    assert Edge(node_id, "out", "fc2", "in") in graph.edges()
    assert document.undo_stack.undoText() == f"Insert {graph.node(node_id).name} into wire"
    assert not scene.edges[Edge(node_id, "out", "fc2", "in")].drop_target
    document.undo_stack.undo()  # the insert, with its move
    assert WIRE in graph.edges() and not graph.in_edges(node_id)
    document.undo_stack.undo()  # the add
    assert dumps_project(document.project) == before


def test_a_layer_dropped_from_the_palette_onto_a_wire_goes_into_it(window: MainWindow) -> None:
    document, view = window.document, window.view
    before = dumps_project(document.project)
    mime = QMimeData()
    mime.setData(LAYER_MIME, b"BatchNorm1d")
    point = view.mapFromScene(window.scene.edges[WIRE].point_at(0.5))
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    graph = document.graph
    new = next(n for n in graph if n.type_id == "BatchNorm1d")
    assert graph.predecessors(new.id) == ["relu1"] and graph.successors(new.id) == ["fc2"]
    assert document.info("fc2").error is None  # the shapes still fit through it
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert dumps_project(document.project) == before


def test_a_layer_that_cannot_sit_in_a_wire_is_added_unwired(window: MainWindow) -> None:
    middle = window.scene.edges[WIRE].point_at(0.5)
    node_id = window.editing.add_layer("Input", middle)
    assert node_id is not None and WIRE in window.document.graph.edges()
    assert "unwired" in window.statusBar().currentMessage()


def test_tab_opens_quick_add_and_enter_adds_the_layer_there(qtbot, window: MainWindow) -> None:
    view = window.view
    window.activateWindow()
    view.setFocus()
    spot = view.viewport().rect().center() + view.viewport().rect().topLeft()
    QCursor.setPos(view.viewport().mapToGlobal(spot))
    count = len(window.document.graph)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    popup = window.editing.popup
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.search, "conv2d")
    assert popup.tree.currentIndex().data(TYPE_ROLE) == "Conv2d"
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert not popup.isVisible()
    graph = window.document.graph
    assert len(graph) == count + 1
    new = next(n for n in graph if n.type_id == "Conv2d")
    assert window.scene.selected_node_ids() == [new.id]
    assert window.document.undo_stack.undoText().startswith("Add")


def test_quick_add_escape_adds_nothing(window: MainWindow) -> None:
    count = len(window.document.graph)
    popup = window.editing.quick_add(window.view.visible_centre())
    QTest.keyClicks(popup.search, "linear")
    QTest.keyClick(popup.search, Qt.Key.Key_Escape)
    assert not popup.isVisible() and len(window.document.graph) == count


def test_a_wire_dropped_on_empty_canvas_offers_connected_layers(window: MainWindow) -> None:
    scene, graph = window.scene, window.document.graph
    before = {node.id for node in graph}
    out_port = scene.port("fc2", "out", False)
    assert out_port is not None
    origin = out_port.scene_anchor()
    drag(window, origin, origin + QPointF(120, 260))
    popup = window.editing.popup
    assert popup is not None and popup.isVisible()
    listed = {index.data(TYPE_ROLE) for index in popup.layer_rows()}
    assert "ReLU" in listed and "Input" not in listed  # an Input takes no wire
    assert "fc2" in popup.title.text()
    popup.choose("ReLU")
    (new,) = [n for n in graph if n.id not in before]
    assert new.type_id == "ReLU"
    assert Edge("fc2", "out", new.id, "in") in graph.edges()
    window.document.undo_stack.undo()
    assert new.id not in graph


def test_space_drag_pans_without_selecting(qtbot, window: MainWindow) -> None:
    view = window.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    empty = view.mapToScene(view.viewport().rect().topLeft()) + QPointF(30, 30)
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    QTest.keyPress(view, Qt.Key.Key_Space)
    drag(window, empty, empty + QPointF(150, 90))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != (h, v)
    assert window.scene.selectedItems() == []
    assert window.document.undo_stack.count() == 0


def test_top_to_bottom_layout_is_one_step(window: MainWindow) -> None:
    action = window.findChild(QAction, "model_auto_layout_down")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()
    graph = window.document.graph
    order = graph.topological_order()
    xs = {graph.node(n).position[0] for n in order}
    ys = [graph.node(n).position[1] for n in order]
    assert len(xs) == 1 and ys == sorted(ys) and len(set(ys)) == len(ys)
    assert window.document.undo_stack.undoText() == "Auto-layout"
