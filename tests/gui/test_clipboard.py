"""Copy, cut, paste and duplicate (one undo step each, also between two windows), snapping
to the grid, and the recent-files menu."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from netstudio.core.graph import Edge
from netstudio.gui.clipboard import GRAPH_MIME, graph_data
from netstudio.gui.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, tmp_path: Path, settings: QSettings, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)

    def make(example: str = "mnist_mlp.net") -> MainWindow:
        path = tmp_path / example
        if not path.exists():
            shutil.copy(EXAMPLES / example, path)
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert window.open_file(path)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def test_copy_puts_net_json_on_the_clipboard(make_window) -> None:
    window = make_window()
    window.scene.select_nodes(["fc1", "relu1"])
    trigger(window, "edit_copy")
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(GRAPH_MIME)
    data = json.loads(mime.text())
    assert [n["id"] for n in data["nodes"]] == ["fc1", "relu1"]
    assert data["edges"] == [{"from": "fc1", "from_port": "out", "to": "relu1", "to_port": "in"}]


def test_paste_is_one_step_with_fresh_names(make_window) -> None:
    window = make_window()
    graph = window.document.graph
    window.scene.select_nodes(["fc1", "relu1"])
    trigger(window, "edit_copy")
    trigger(window, "edit_paste")
    selected = set(window.scene.selected_node_ids())
    pasted = [node.id for node in graph if node.id in selected]
    assert len(pasted) == 2 and len(graph) == 9
    names = {graph.node(i).name for i in pasted}
    assert not names & {"fc1", "relu1"}
    first, second = (graph.node(i) for i in pasted)
    assert graph.edge_into(second.id, "in") == Edge(first.id, "out", second.id, "in")
    assert first.position == (240.0 + 40, 0.0 + 40)
    assert first.params["out_features"] == 256
    stack = window.document.undo_stack
    assert stack.undoText() == "Paste 2 nodes"
    stack.undo()
    assert len(graph) == 7
    stack.redo()
    assert {graph.node(i).name for i in pasted} == names


def test_paste_into_another_window(make_window) -> None:
    source = make_window()
    target = make_window("cifar10_cnn.net")
    source.scene.select_nodes(["fc2", "relu2", "fc3"])
    trigger(source, "edit_copy")
    count = len(target.document.graph)
    trigger(target, "edit_paste")
    assert len(target.document.graph) == count + 3
    assert target.document.undo_stack.count() == 1


def test_cut_and_duplicate(make_window) -> None:
    window = make_window()
    graph = window.document.graph
    window.scene.select_nodes(["relu2"])
    trigger(window, "edit_duplicate")
    copy = window.scene.selected_node_ids()[0]
    assert graph.node(copy).type_id == "ReLU" and copy != "relu2"
    window.scene.select_nodes(["fc3"])
    trigger(window, "edit_cut")
    assert "fc3" not in graph
    assert graph_data(QApplication.clipboard().mimeData())["nodes"][0]["id"] == "fc3"
    assert window.document.undo_stack.count() == 2


def test_pasting_text_that_is_not_a_network_changes_nothing(make_window) -> None:
    window = make_window()
    QApplication.clipboard().setText("hello")
    trigger(window, "edit_paste")
    assert len(window.document.graph) == 7 and window.document.undo_stack.count() == 0
    assert "no layers" in window.statusBar().currentMessage()


def test_moved_nodes_snap_to_the_grid(make_window) -> None:
    window = make_window()
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    view.centre_on_node("fc2")
    grip = scene.nodes["fc2"].scenePos() + QPointF(70, 10)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(grip))  # fmt: skip
    for step in range(1, 4):
        QTest.mouseMove(viewport, view.mapFromScene(grip + QPointF(11 * step, 9 * step)))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       view.mapFromScene(grip + QPointF(33, 27)))  # fmt: skip
    x, y = window.document.graph.node("fc2").position
    assert x % 20 == 0 and y % 20 == 0 and (x, y) != (720.0, 0.0)
    assert scene.nodes["fc2"].pos() == QPointF(x, y)


def test_recent_files_menu(make_window, tmp_path: Path, monkeypatch) -> None:
    window = make_window()
    other = tmp_path / "cifar10_cnn.net"
    shutil.copy(EXAMPLES / "cifar10_cnn.net", other)
    assert window.open_file(other)
    assert [p.name for p in window.files.recent()] == ["cifar10_cnn.net", "mnist_mlp.net"]
    menu = window.findChild(QMenu, "menu_recent")
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries] == ["&1 cifar10_cnn.net", "&2 mnist_mlp.net"]
    entries[1].trigger()
    assert window.document.file_name == "mnist_mlp.net"
    (tmp_path / "cifar10_cnn.net").unlink()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(box.text()) or 0)
    window.files.open_recent(other)
    assert messages and [p.name for p in window.files.recent()] == ["mnist_mlp.net"]
