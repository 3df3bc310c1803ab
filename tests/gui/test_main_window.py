"""The main window end to end: the example opens, layers are added from the palette, keys and
actions edit and undo, files open and save, bad files are explained, unsaved work is asked
about."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from netstudio.gui.canvas.node_item import WIDTH
from netstudio.gui.canvas.view import LAYER_MIME
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.main_window import MainWindow
from netstudio.io import dumps_project, load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mnist_mlp.net"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "mnist_mlp.net"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    """Every message box shown: (title, text, details). None blocks: unsaved changes are
    discarded unless a test answers the question otherwise."""
    shown: list[tuple[str, str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    answer_save_prompt(monkeypatch, QMessageBox.StandardButton.Discard)
    return shown


@pytest.fixture
def window(qtbot, example: Path, settings: QSettings, messages) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_file(example)
    win.show()
    qtbot.waitExposed(win)
    return win


def answer_save_prompt(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_opens_the_example_with_its_nodes_and_totals(window: MainWindow) -> None:
    assert len(window.scene.nodes) == 7 and len(window.scene.edges) == 6
    assert window.windowTitle() == "mnist_mlp.net — NetStudio"
    assert window.validity_label.text() == "✓ valid · 235,146 params · 918.5 KB"
    assert window.scene.nodes["fc1"].shape_text == "N×256"
    assert window.summary.model().rowCount() == 8
    total = window.summary.model().index(7, 3).data()
    assert total == "235,146"


def test_a_layer_chosen_in_the_palette_lands_in_the_view(window: MainWindow) -> None:
    palette = window.palette_panel
    QTest.keyClicks(palette.search, "dropout")
    QTest.keyClick(palette.search, Qt.Key.Key_Return)
    ids = window.scene.selected_node_ids()
    assert len(ids) == 1 and window.document.graph.node(ids[0]).type_id == "Dropout"
    item = window.scene.nodes[ids[0]]
    assert (
        window.view.mapToScene(window.view.viewport().rect())
        .boundingRect()
        .contains(item.sceneBoundingRect().center())
    )
    assert window.inspector.node_id == ids[0]
    assert window.windowTitle() == "mnist_mlp.net* — NetStudio"
    action(window, "edit_undo").trigger()
    assert ids[0] not in window.document.graph
    assert window.windowTitle() == "mnist_mlp.net — NetStudio"


def test_a_layer_dropped_on_the_canvas_is_placed_where_dropped(window: MainWindow) -> None:
    view = window.view
    mime = QMimeData()
    mime.setData(LAYER_MIME, b"Conv2d")
    point = view.viewport().rect().center() + QPointF(50, 80).toPoint()
    view.dropEvent(
        QDropEvent(
            QPointF(point),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    node = next(n for n in window.document.graph if n.type_id == "Conv2d")
    target = view.mapToScene(point)
    assert abs(node.position[0] + WIDTH / 2 - target.x()) <= 20
    assert abs(node.position[1] - target.y()) <= 60
    assert window.document.undo_stack.undoText().startswith("Add Conv2d")


def test_delete_key_and_undo_redo_keys(qtbot, window: MainWindow, example: Path) -> None:
    """Delete a node in the middle, undo: saving gives the original file byte for byte."""
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    before = dumps_project(window.document.project)
    window.scene.select_nodes(["fc2"])
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert "fc2" not in window.document.graph
    assert window.validity_label.text().startswith("✗ ")
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "fc2" in window.document.graph
    assert dumps_project(window.document.project) == before
    window.document.save()
    assert example.read_bytes() == EXAMPLE.read_bytes()  # the very same file bytes
    QTest.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "fc2" not in window.document.graph


def test_save_and_open_round_trip(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    document = window.document
    document.push(SetParamsCommand(document.graph, "fc1", {"out_features": 300}))
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action(window, "file_save_as").trigger()
    saved = tmp_path / "copy.net"
    assert saved.is_file() and window.windowTitle() == "copy.net — NetStudio"
    assert load_project(saved).graph.node("fc1").params["out_features"] == 300
    assert window.open_file(saved)
    assert window.document.graph.node("fc1").params["out_features"] == 300
    assert not window.document.modified
    assert dumps_project(window.document.project).encode() == saved.read_bytes()


def test_save_writes_to_the_same_file(window: MainWindow, example: Path) -> None:
    window.document.push(SetParamsCommand(window.document.graph, "fc2", {"bias": False}))
    assert window.document.modified
    action(window, "file_save").trigger()
    assert not window.document.modified
    assert load_project(example).graph.node("fc2").params["bias"] is False


def test_a_bad_file_is_explained_and_the_app_goes_on(
    window: MainWindow, tmp_path: Path, messages
) -> None:
    bad = tmp_path / "broken.net"
    bad.write_text('{"format": "netstudio", "version": 1, "graph": ', encoding="utf-8")
    document = window.document
    assert not window.open_file(bad)
    title, text, _ = messages[-1]
    assert title == "Cannot open project" and "broken.net" in text and "JSON" in text
    assert window.document is document and len(window.scene.nodes) == 7
    assert bad.read_text(encoding="utf-8").endswith('"graph": ')


def test_a_partly_readable_file_opens_with_its_problems(
    window: MainWindow, example: Path, tmp_path: Path, messages
) -> None:
    data = json.loads(example.read_text(encoding="utf-8"))
    data["networks"][0]["graph"]["nodes"][3]["type"] = "Lineer"
    partial = tmp_path / "partial.net"
    partial.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(partial)
    title, text, details = messages[-1]
    assert title == "Project opened with problems" and "Lineer" in details
    assert "1 part of partial.net could not be read" in text
    assert "fc2" not in window.document.graph and len(window.document.graph) == 6
    assert window.document.modified and window.windowTitle().startswith("partial.net*")
    listed = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any(line.startswith("file: ") and "Lineer" in line for line in listed)


def test_closing_with_unsaved_changes_asks(window: MainWindow, example: Path, monkeypatch) -> None:
    window.document.push(SetParamsCommand(window.document.graph, "fc3", {"out_features": 12}))
    asked = answer_save_prompt(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert asked and "mnist_mlp.net" in asked[0] and window.isVisible()
    answer_save_prompt(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.close()
    assert load_project(example).graph.node("fc3").params["out_features"] == 12


def test_discarding_changes_leaves_the_file(window: MainWindow, example: Path, monkeypatch) -> None:
    before = example.read_bytes()
    window.document.push(SetParamsCommand(window.document.graph, "fc3", {"out_features": 12}))
    answer_save_prompt(monkeypatch, QMessageBox.StandardButton.Discard)
    action(window, "file_new").trigger()
    assert len(window.document.graph) == 0 and window.windowTitle() == "Untitled — NetStudio"
    assert example.read_bytes() == before


def test_actions_have_standard_shortcuts_and_tooltips(window: MainWindow) -> None:
    expected = {
        "file_new": QKeySequence.StandardKey.New,
        "file_open": QKeySequence.StandardKey.Open,
        "file_save": QKeySequence.StandardKey.Save,
        "file_close": QKeySequence.StandardKey.Close,
        "edit_undo": QKeySequence.StandardKey.Undo,
        "edit_delete": QKeySequence.StandardKey.Delete,
        "edit_select_all": QKeySequence.StandardKey.SelectAll,
    }
    for name, key in expected.items():
        found = action(window, name)
        assert QKeySequence.keyBindings(key)[0] in found.shortcuts(), name
    open_action = action(window, "file_open")
    assert open_action.toolTip() == "Open a project (Ctrl+O)"
    assert "Ctrl+Z" in action(window, "edit_undo").toolTip()
    assert QKeySequence("Ctrl+=") in action(window, "view_zoom_in").shortcuts()
    assert action(window, "view_fit").shortcut() == QKeySequence("F")
    assert action(window, "train_start").shortcut() == QKeySequence("F5")


def test_double_clicking_a_problem_reveals_its_node(window: MainWindow) -> None:
    window.document.push(SetParamsCommand(window.document.graph, "fc2", {"in_features": 7}))
    assert window.validity_label.text() == "✗ 1 error"
    assert window.problems_dock.windowTitle() == "Problems (1)"
    item = window.problems.item(0)
    assert "fc2" in item.text()
    window.view.centerOn(-3000, -3000)
    window.problems.itemDoubleClicked.emit(item)
    assert window.scene.selected_node_ids() == ["fc2"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.nodes["fc2"].sceneBoundingRect().center())
    assert window.inspector.node_id == "fc2"


def test_auto_layout_is_one_undo_step(window: MainWindow) -> None:
    graph = window.document.graph
    for i, node in enumerate(list(graph)):
        graph.move(node.id, ((i * 97) % 400, (i * 53) % 300))
    window.document.undo_stack.clear()
    action(window, "model_auto_layout").trigger()
    xs = [graph.node(n).position[0] for n in graph.topological_order()]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Auto-layout"


def test_docks_close_and_come_back_from_the_view_menu(window: MainWindow) -> None:
    toggle = window.inspector_dock.toggleViewAction()
    toggle.trigger()
    assert not window.inspector_dock.isVisible()
    toggle.trigger()
    assert window.inspector_dock.isVisible()
    menu_actions = [
        a.text()
        for a in window.findChild(type(window.menuBar().actions()[0].menu()), "menu_view").actions()
    ]
    assert "&Panels" in menu_actions


def test_window_layout_is_remembered(qtbot, window: MainWindow, settings: QSettings) -> None:
    window.layers_dock.hide()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.layers_dock.isVisible()
    assert again.inspector_dock.isVisible()


def test_double_clicking_a_node_offers_to_rename_it(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    view.centre_on_node("fc1")
    point = view.mapFromScene(scene.nodes["fc1"].scenePos() + QPointF(60, 40))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)  # fmt: skip
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point)  # fmt: skip
    assert window.inspector.node_id == "fc1"
    qtbot.waitUntil(lambda: window.inspector.name_edit.hasFocus())
    assert window.inspector.name_edit.selectedText() == "fc1"
