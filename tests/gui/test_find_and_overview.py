"""Finding a layer (Edit > Find Layer, Ctrl+F), the overview map (View > Overview) and how a
project opens: its saved view, else fitted when it fits legibly, else its Input at a legible
zoom with no node cut at the far edge and the overview shown."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from netstudio.core.graph import NetworkGraph
from netstudio.gui.canvas.find import DIMMED
from netstudio.gui.canvas.view import LEGIBLE_ZOOM, OPEN_ZOOM
from netstudio.gui.document import Document
from netstudio.gui.examples_dialog import open_example
from netstudio.gui.main_window import MainWindow
from netstudio.io import Project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings, monkeypatch) -> MainWindow:
    """A shown window (no PyTorch) with the MNIST MLP open: input → fc1 → relu1 → fc2 → relu2
    → fc3 → output."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    win = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert open_example(win, EXAMPLES / "mnist_mlp.net")
    qtbot.wait(10)
    return win


def chain(count: int) -> Project:
    """Input → Linear × (count - 2) → Output, left to right, 240 apart."""
    project = Project(name="Chain")
    graph: NetworkGraph = project.graph
    ids = [graph.add_node("Input", position=(0, 0)).id]
    for i in range(1, count - 1):
        ids.append(graph.add_node("Linear", position=(240 * i, 0)).id)
    ids.append(graph.add_node("Output", position=(240 * (count - 1), 0)).id)
    for a, b in itertools.pairwise(ids):
        graph.connect(a, "out", b, "in")
    return project


def show(qtbot, window: MainWindow, project: Project) -> None:
    window.set_document(Document(project, analysis=False))
    qtbot.wait(20)  # the project's own view is set once the event loop runs


def visible(window: MainWindow):
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


# --- find ----------------------------------------------------------------------------------


def open_find(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_f_finds_layers_by_name_and_goes_through_them(qtbot, window: MainWindow) -> None:
    view, scene = window.view, window.scene
    bar = view.find_bar
    open_find(window)
    assert bar.isVisible() and bar.field.hasFocus()
    assert bar.geometry().right() > view.width() - 40 and bar.geometry().top() < 40  # top right
    view.centerOn(-3000, -3000)
    QTest.keyClicks(bar.field, "FC")  # any case
    assert bar.matches == ["fc1", "fc2", "fc3"]
    assert bar.count.text() == "1 of 3" and scene.selected_node_ids() == ["fc1"]
    assert visible(window).contains(scene.nodes["fc1"].sceneBoundingRect().center())
    assert window.inspector.node_id == "fc1"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3" and scene.selected_node_ids() == ["fc2"]
    assert visible(window).contains(scene.nodes["fc2"].sceneBoundingRect().center())
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # past the last: back to the first
    assert bar.count.text() == "1 of 3" and scene.selected_node_ids() == ["fc1"]
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "3 of 3" and scene.selected_node_ids() == ["fc3"]
    bar.previous_button.click()
    assert scene.selected_node_ids() == ["fc2"]


def test_find_by_layer_type_dims_the_rest_and_escape_gives_the_canvas_back(
    qtbot, window: MainWindow
) -> None:
    view, scene = window.view, window.scene
    bar = view.find_bar
    open_find(window)
    QTest.keyClicks(bar.field, "relu")  # the layer type: relu1 and relu2
    assert bar.matches == ["relu1", "relu2"] and bar.count.text() == "1 of 2"
    assert scene.nodes["relu2"].opacity() == 1.0
    assert scene.nodes["fc1"].opacity() == pytest.approx(DIMMED)
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert all(item.opacity() == 1.0 for item in scene.nodes.values())
    assert scene.selected_node_ids() == ["relu1"]  # what was found stays selected
    open_find(window)  # again: the text is kept, selected, ready to be typed over
    assert bar.field.selectedText() == "relu" and bar.count.text() == "1 of 2"


def test_find_says_when_nothing_matches(window: MainWindow) -> None:
    bar = window.view.find_bar
    window.scene.select_nodes(["fc2"])
    open_find(window)
    QTest.keyClicks(bar.field, "xyz")
    assert bar.count.text() == "No match" and bar.matches == []
    assert not bar.next_button.isEnabled()
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_node_ids() == ["fc2"]  # nothing found: nothing changed


def test_find_keeps_the_zoom_unless_the_layer_would_be_too_small(window: MainWindow) -> None:
    view, bar = window.view, window.view.find_bar
    view.set_zoom(0.8)
    open_find(window)
    QTest.keyClicks(bar.field, "fc2")
    assert view.zoom == pytest.approx(0.8)
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    view.set_zoom(0.2)
    open_find(window)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.zoom == pytest.approx(OPEN_ZOOM)
    assert visible(window).contains(window.scene.nodes["fc2"].sceneBoundingRect().center())


def test_find_is_in_the_edit_menu_with_ctrl_f_and_no_other_action_has_it(
    hands, window: MainWindow
) -> None:
    find = hands.action(window, "edit_find")
    assert QKeySequence("Ctrl+F") in find.shortcuts()
    assert find.toolTip() == "Find a layer on the canvas by name or type (Ctrl+F)"
    taken = [
        action.objectName()
        for action in window.menu_actions.all()
        if action is not find and QKeySequence("Ctrl+F") in action.shortcuts()
    ]
    assert taken == []
    assert find in window.findChild(QMenu, "menu_edit").actions()


# --- the overview map ----------------------------------------------------------------------


def test_a_large_network_opens_at_its_input_with_the_overview(qtbot, window: MainWindow) -> None:
    view = window.view
    show(qtbot, window, chain(300))
    assert view.zoom >= LEGIBLE_ZOOM
    shown = visible(window)
    input_rect = window.scene.nodes[next(iter(window.scene.nodes))].sceneBoundingRect()
    assert shown.contains(input_rect) and input_rect.left() - shown.left() < 200
    assert view.overview.isVisible()
    assert window.menu_actions.overview.isChecked()
    overview = view.overview
    corner = view.viewport().geometry().bottomRight()
    assert (corner - overview.geometry().bottomRight()).manhattanLength() < 40  # bottom right
    assert overview.bounds.contains(view.network_rect().adjusted(40, 40, -40, -40))


def test_clicking_and_dragging_in_the_overview_moves_the_view(qtbot, window: MainWindow) -> None:
    view = window.view
    show(qtbot, window, chain(300))
    overview = view.overview
    graph = window.document.graph
    far = window.scene.nodes[graph.topological_order()[250]].sceneBoundingRect().center()
    QTest.mouseClick(
        overview,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        overview.to_map(far).toPoint(),
    )
    assert (view.visible_centre() - far).manhattanLength() < 2 / overview.scale + 40
    outline = overview.visible_rect()
    assert outline.contains(overview.to_map(far))
    further = window.scene.nodes[graph.topological_order()[120]].sceneBoundingRect().center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(overview, left, none, overview.to_map(far).toPoint())
    for t in (0.25, 0.5, 0.75, 1.0):
        point = overview.to_map(far + (further - far) * t).toPoint()
        QTest.mouseMove(overview, point)
    QTest.mouseRelease(overview, left, none, overview.to_map(further).toPoint())
    assert (view.visible_centre() - further).manhattanLength() < 2 / overview.scale + 40


def test_the_overview_follows_edits_and_the_view(qtbot, window: MainWindow) -> None:
    view = window.view
    show(qtbot, window, chain(60))
    overview = view.overview
    assert overview.isVisible()
    before = overview.visible_rect()
    view.centerOn(view.visible_centre() + QPointF(2000, 0))
    assert overview.visible_rect().left() > before.left()
    far = QPointF(30_000 / 3, 4000)
    window.editing.add_layer("Linear", far)
    qtbot.waitUntil(lambda: overview.bounds.contains(far))


def test_the_overview_is_turned_off_and_on_and_remembered(
    qtbot, window: MainWindow, settings: QSettings
) -> None:
    view, toggle = window.view, window.menu_actions.overview
    show(qtbot, window, chain(100))
    assert view.overview.isVisible() and toggle.isChecked()
    toggle.trigger()  # the person turns it off
    assert not view.overview.isVisible()
    assert settings.value("view/overview") in (False, "false")
    show(qtbot, window, chain(100))
    assert not view.overview.isVisible() and not toggle.isChecked()
    toggle.trigger()  # and on again: shown even for a network that fits
    assert open_example(window, EXAMPLES / "sequence_lstm.net")
    qtbot.wait(20)
    assert view.overview.isVisible()
    again = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(again)
    assert again.view.overview_choice is True


def test_a_network_that_fits_opens_fitted_without_the_overview(qtbot, window: MainWindow) -> None:
    assert open_example(window, EXAMPLES / "sequence_lstm.net")
    qtbot.wait(20)
    view = window.view
    assert LEGIBLE_ZOOM <= view.zoom <= 1.0
    assert visible(window).contains(view.network_rect().adjusted(1, 1, -1, -1))
    assert not view.overview.isVisible() and not window.menu_actions.overview.isChecked()


def test_the_overview_draws_simplified_and_stays_cheap(qtbot, window: MainWindow) -> None:
    """A thousand nodes: the picture is drawn from rectangles, not by rendering the scene."""
    show(qtbot, window, chain(1000))
    overview = window.view.overview
    assert overview.isVisible()
    rendered = []
    window.scene.render = lambda *args, **kwargs: rendered.append(args)  # type: ignore[method-assign]
    overview.redraw()
    overview.repaint()
    assert rendered == []
    image = overview.grab().toImage()
    mid = overview.to_map(window.view.network_rect().center()).toPoint()
    assert image.pixelColor(mid) != image.pixelColor(QPoint(mid.x(), 4))  # a node is drawn


# --- opening -------------------------------------------------------------------------------


def test_the_residual_example_opens_legible_with_no_node_cut_at_the_edge(
    qtbot, window: MainWindow
) -> None:
    assert open_example(window, EXAMPLES / "residual_cnn.net")
    qtbot.wait(20)
    view, scene = window.view, window.scene
    assert view.zoom >= LEGIBLE_ZOOM
    shown = visible(window)
    inputs = [n.id for n in window.document.graph if n.type_id == "Input"]
    assert shown.contains(scene.nodes[inputs[0]].sceneBoundingRect())
    for item in scene.nodes.values():
        rect = item.sceneBoundingRect()
        across = rect.bottom() > shown.top() and rect.top() < shown.bottom()
        assert not (across and rect.left() < shown.right() < rect.right()), item.node_id
    assert view.overview.isVisible()


def test_an_example_with_a_saved_view_opens_in_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    data = json.loads((EXAMPLES / "residual_cnn.net").read_text(encoding="utf-8"))
    data["view"] = {"zoom": 0.7, "centre": [900.0, 60.0]}
    path = tmp_path / "viewed.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert open_example(window, path)
    view = window.view
    qtbot.waitUntil(lambda: view.zoom == pytest.approx(0.7))
    assert view.visible_centre().x() == pytest.approx(900, abs=2)
    assert view.visible_centre().y() == pytest.approx(60, abs=2)
