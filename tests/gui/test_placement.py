"""Placement follows the person: a layer added from the palette (double-click, Enter in its
search) or with Tab quick-add goes after the selected layer, wired to it, where the layout
would put it, free of every other layer, as one undo step; with nothing selected it goes at the
cursor or the view's centre, on free canvas. The empty-canvas hint goes with the first layer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QCursor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netstudio.core.graph import Edge
from netstudio.gui.main_window import MainWindow
from netstudio.io import dumps_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mnist_mlp.net"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    """The MNIST MLP (input → fc1 → relu1 → fc2 → relu2 → fc3 → output, in one row) open in a
    shown window at 100 %, centred on fc1; no PyTorch needed."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    path = Path(shutil.copy(EXAMPLE, tmp_path / "mnist_mlp.net"))
    win = MainWindow(
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        analysis_ready=False,
    )
    qtbot.addWidget(win)
    assert win.open_file(path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(10)  # the project's own view is set once shown
    win.view.set_zoom(1.0)
    win.view.centre_on_node("fc1")
    return win


def new_node(window: MainWindow, before: set[str]) -> str:
    (node_id,) = [node.id for node in window.document.graph if node.id not in before]
    return node_id


def assert_free(window: MainWindow, node_id: str) -> None:
    """The node's drawn rectangle touches no other node's."""
    rect = window.scene.nodes[node_id].sceneBoundingRect()
    for other, item in window.scene.nodes.items():
        if other != node_id:
            assert not rect.intersects(item.sceneBoundingRect()), (node_id, other)


def assert_in_view(window: MainWindow, node_id: str) -> None:
    view = window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.nodes[node_id].sceneBoundingRect().center())


def assert_one_step(window: MainWindow, before: str) -> None:
    window.document.undo_stack.undo()
    assert dumps_project(window.document.project) == before


def double_click_in_palette(window: MainWindow, type_id: str) -> None:
    palette = window.palette_panel
    index = palette.index_of(type_id)
    palette.tree.scrollTo(index)
    point = palette.tree.visualRect(index).center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(palette.tree.viewport(), left, none, point)
    QTest.mouseDClick(palette.tree.viewport(), left, none, point)


def tab_quick_add(window: MainWindow, at: QPointF, search: str) -> None:
    """Tab with the cursor at scene point `at`, type `search`, Enter."""
    view = window.view
    window.activateWindow()
    view.setFocus()
    QCursor.setPos(view.viewport().mapToGlobal(view.mapFromScene(at)))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    popup = window.editing.popup
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.search, search)
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert not popup.isVisible()


def test_a_palette_double_click_adds_after_the_selected_layer_as_a_branch(
    window: MainWindow,
) -> None:
    """fc1 already feeds relu1: the Dropout is a second branch from fc1, one column on, clear
    of relu1, wired, selected, one undo step."""
    scene, graph = window.scene, window.document.graph
    before, ids = dumps_project(window.document.project), {n.id for n in graph}
    scene.select_nodes(["fc1"])
    double_click_in_palette(window, "Dropout")
    node_id = new_node(window, ids)
    assert graph.node(node_id).type_id == "Dropout"
    assert Edge("fc1", "out", node_id, "in") in graph.edges()
    assert Edge("fc1", "out", "relu1", "in") in graph.edges()  # the old wire stays
    fc1, new = graph.node("fc1").position, graph.node(node_id).position
    assert new[0] == graph.node("relu1").position[0]  # the next column
    assert new[1] > fc1[1]  # beside relu1, below it
    assert_free(window, node_id)
    assert_in_view(window, node_id)
    assert scene.selected_node_ids() == [node_id]
    assert window.document.undo_stack.undoText() == f"Add {graph.node(node_id).label}"
    assert_one_step(window, before)


def test_adding_again_builds_a_chain_after_the_new_layer(window: MainWindow) -> None:
    """The added layer is selected, so the next one goes after it: a chain grows rightwards,
    each wired to the one before."""
    graph = window.document.graph
    graph_ids = {n.id for n in graph}
    window.scene.select_nodes(["relu2"])
    palette = window.palette_panel
    chain = ["relu2"]
    for type_id in ("Linear", "ReLU", "Linear"):
        palette.search.setFocus()
        QTest.keyClicks(palette.search, type_id.lower())
        QTest.keyClick(palette.search, Qt.Key.Key_Return)
        palette.search.clear()
        node_id = new_node(window, graph_ids)
        graph_ids.add(node_id)
        assert graph.node(node_id).type_id == type_id
        assert Edge(chain[-1], "out", node_id, "in") in graph.edges()
        assert graph.node(node_id).position[0] > graph.node(chain[-1]).position[0]
        assert_free(window, node_id)
        chain.append(node_id)


def test_palette_enter_with_nothing_selected_lands_free_at_the_centre(
    window: MainWindow,
) -> None:
    """The view is centred on fc1: the new layer goes next to it, not on it, unwired."""
    graph = window.document.graph
    before, ids = dumps_project(window.document.project), {n.id for n in graph}
    window.scene.clearSelection()
    QTest.keyClicks(window.palette_panel.search, "batchnorm1")
    QTest.keyClick(window.palette_panel.search, Qt.Key.Key_Return)
    node_id = new_node(window, ids)
    assert not graph.in_edges(node_id) and not graph.out_edges(node_id)
    assert_free(window, node_id)
    assert_in_view(window, node_id)
    centre = window.view.visible_centre()
    placed = window.scene.nodes[node_id].sceneBoundingRect().center()
    assert (placed - centre).manhattanLength() < 300  # near the centre, not far away
    assert_one_step(window, before)


def test_tab_quick_add_adds_after_the_selected_layer(window: MainWindow) -> None:
    graph = window.document.graph
    before, ids = dumps_project(window.document.project), {n.id for n in graph}
    window.scene.select_nodes(["fc3"])
    tab_quick_add(window, window.view.visible_centre() + QPointF(0, 200), "dropout")
    assert "fc3" in window.editing.popup.title.text()
    node_id = new_node(window, ids)
    assert Edge("fc3", "out", node_id, "in") in graph.edges()
    assert graph.node(node_id).position[0] > graph.node("fc3").position[0]
    assert_free(window, node_id)
    assert_in_view(window, node_id)
    assert window.scene.selected_node_ids() == [node_id]
    assert_one_step(window, before)


def test_tab_quick_add_with_nothing_selected_lands_free_at_the_cursor(
    window: MainWindow,
) -> None:
    """The cursor is over relu1: the layer goes beside it, near the cursor, unwired."""
    graph = window.document.graph
    before, ids = dumps_project(window.document.project), {n.id for n in graph}
    window.scene.clearSelection()
    cursor = window.scene.nodes["relu1"].sceneBoundingRect().center()
    tab_quick_add(window, cursor, "conv2d")
    node_id = new_node(window, ids)
    assert graph.node(node_id).type_id == "Conv2d"
    assert not graph.in_edges(node_id) and not graph.out_edges(node_id)
    assert_free(window, node_id)
    placed = window.scene.nodes[node_id].sceneBoundingRect().center()
    assert (placed - cursor).manhattanLength() < 250
    assert_one_step(window, before)


def test_a_layer_after_one_with_no_output_comes_unwired_and_free(window: MainWindow) -> None:
    graph = window.document.graph
    ids = {n.id for n in graph}
    window.scene.select_nodes(["output"])
    double_click_in_palette(window, "Linear")
    node_id = new_node(window, ids)
    assert not graph.in_edges(node_id)
    assert graph.node(node_id).position[0] > graph.node("output").position[0]
    assert_free(window, node_id)
    assert window.statusBar().currentMessage() == ""  # nothing refused: nothing to say


def test_after_a_top_to_bottom_layout_the_layer_goes_below(hands, window: MainWindow) -> None:
    graph = window.document.graph
    hands.action(window, "model_auto_layout_down").trigger()
    ids = {n.id for n in graph}
    window.scene.select_nodes(["relu1"])
    double_click_in_palette(window, "GELU")
    node_id = new_node(window, ids)
    assert Edge("relu1", "out", node_id, "in") in graph.edges()
    relu1, new = graph.node("relu1").position, graph.node(node_id).position
    assert new[1] > relu1[1]
    assert_free(window, node_id)


# --- the empty-canvas hint -----------------------------------------------------------------


def hint_pixels(window: MainWindow) -> int:
    """How many pixels of the canvas's middle band are drawn in the hint's text colour: the
    window as it is on screen (what was painted, not a fresh render)."""
    view = window.view
    image: QImage = window.screen().grabWindow(window.winId()).toImage()
    ratio = image.devicePixelRatio()
    centre = view.viewport().mapTo(window, view.viewport().rect().center())
    band = QRect(centre - QPoint(300, 30), centre + QPoint(300, 30))
    background, text = QColor(view.theme.background), QColor(view.theme.text)
    full = _distance(background, text)
    count = 0
    for x in range(band.left(), band.right(), 2):
        for y in range(band.top(), band.bottom(), 2):
            pixel = image.pixelColor(int(x * ratio), int(y * ratio))
            count += _distance(pixel, background) > 0.35 * full
    return count


def _distance(a: QColor, b: QColor) -> float:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_the_empty_canvas_hint_goes_with_the_first_layer(qtbot, blank_window: MainWindow) -> None:
    window = blank_window
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: hint_pixels(window) > 100)
    # Far from the hint's text, so only a full repaint takes the text away.
    far = window.view.mapToScene(window.view.viewport().rect().topLeft()) + QPointF(-600, -400)
    window.editing.add_layer("Linear", far)
    qtbot.waitUntil(lambda: hint_pixels(window) == 0)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: hint_pixels(window) > 100)
