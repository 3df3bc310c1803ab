"""Story: a person opens the digits example, selects two layers on the canvas, Model > Make Block
(names it block1) and sees one Block node in their place with its shape; double-clicks it to
open its tab, changes a layer inside, comes back to the main tab and sees the Block follow;
undoes that; saves, and the file holds both networks; then Ungroup gives the original file's
bytes back (issue 15). Also what Make Block refuses, and why (Ungroup of a block that
repeats: test_blocks_ungroup_story.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox

from netstudio.core.blocks import BLOCK
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    """A shown window with PyTorch loaded (shapes are inferred); names asked are answered
    with what the test puts in `window.answers` (else the name offered)."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    answers: list[str] = []

    def get_text(parent, title, label, mode, text=""):
        asked.append((title, text))
        return (answers.pop(0) if answers else text), True

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    win.answers, win.asked = answers, asked  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open(window: MainWindow, tmp_path: Path, name: str) -> Path:
    path = Path(shutil.copy(EXAMPLES / name, tmp_path / name))
    assert window.open_file(path)
    return path


def _blocks(window: MainWindow) -> list[str]:
    return [n.id for n in window.document.graph.nodes() if n.type_id == BLOCK]


def _double_click(window: MainWindow, node_id: str) -> None:
    view = window.view
    item = window.scene.nodes[node_id]
    point = view.mapFromScene(item.sceneBoundingRect().center())
    view.centerOn(item)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point)  # fmt: skip


def test_make_block_open_edit_undo_save_and_ungroup_gives_the_file_back(
    window: MainWindow, hands, qtbot, tmp_path: Path
) -> None:
    path = _open(window, tmp_path, "digits_mlp.net")
    original = path.read_bytes()
    document = window.document
    window.scene.select_nodes(["fc1", "relu1"])
    hands.action(window, "model_make_block").trigger()
    assert window.asked[-1] == ("Make Block", "block1")  # type: ignore[attr-defined]
    (block,) = _blocks(window)
    assert [n.id for n in document.graph.nodes()] == ["input", block, "dropout", "fc2", "output"]
    assert document.info(block).output.shape[1:] == (128,)
    assert document.info(block).param_count == 64 * 128 + 128
    assert window.scene.selected_node_ids() == [block]
    combo = window.inspector.findChild(QComboBox, "param_network")
    assert combo is not None and combo.currentText() == "block1"
    assert [window.network_tabs.bar.tabText(i) for i in range(2)] == ["★ main", "block1"]

    _double_click(window, block)  # opens the block's tab
    assert document.shown_name == "block1"
    assert window.network_tabs.bar.currentIndex() == 1
    assert sorted(window.scene.nodes) == ["fc1", "relu1", "x", "y"]
    assert document.info("x").output.shape[1:] == (64,)  # what arrives at the block
    window.scene.select_nodes(["fc1"])
    hands.type_into(window.inspector.editors["out_features"].widget, "32")
    assert document.graph.node("fc1").params["out_features"] == 32

    window.network_tabs.bar.setCurrentIndex(0)  # back to the main tab
    assert document.shown_name == "main" and block in window.scene.nodes
    assert document.info(block).output.shape[1:] == (32,)
    assert document.info(block).param_count == 64 * 32 + 32
    assert not [p for p in document.problems if p.severity == "error"]

    hands.action(window, "edit_undo").trigger()  # undoes the edit inside the block
    assert document.project.networks["block1"].node("fc1").params["out_features"] == 128
    assert document.info(block).output.shape[1:] == (128,)

    hands.action(window, "file_save").trigger()
    saved = load_project(path)
    assert list(saved.networks) == ["main", "block1"]
    assert [n.id for n in saved.networks["block1"].nodes()] == ["x", "fc1", "relu1", "y"]

    window.scene.select_nodes([block])
    hands.action(window, "model_ungroup").trigger()
    assert "Ungrouped block1" in window.statusBar().currentMessage()
    assert list(document.project.networks) == ["main"]
    hands.action(window, "file_save").trigger()
    assert path.read_bytes() == original

    hands.action(window, "edit_undo").trigger()  # the ungroup, one step
    assert _blocks(window) == [block] and list(document.project.networks) == ["main", "block1"]
    hands.action(window, "edit_undo").trigger()  # the make block, one step
    assert _blocks(window) == [] and list(document.project.networks) == ["main"]
    assert [n.id for n in document.graph.nodes()] == [
        "input", "fc1", "relu1", "dropout", "fc2", "output"
    ]  # fmt: skip


def test_make_block_refuses_what_cannot_be_one_block(
    window: MainWindow, hands, tmp_path: Path
) -> None:
    _open(window, tmp_path, "digits_mlp.net")
    make = hands.action(window, "model_make_block")
    status = window.statusBar()
    window.scene.clearSelection()
    make.trigger()
    assert "Select the layers" in status.currentMessage()
    window.scene.select_nodes(["input", "fc1"])
    make.trigger()
    assert "leave the Input and Output nodes out" in status.currentMessage()
    window.scene.select_nodes(["fc1", "fc2"])  # relu1 and dropout lie between them
    make.trigger()
    assert "feeds it again" in status.currentMessage()
    assert _blocks(window) == [] and list(window.document.project.networks) == ["main"]
    assert not window.document.undo_stack.count()
    assert window.asked == []  # type: ignore[attr-defined]  # refused before asking a name


def test_a_blocks_network_cannot_loop(window: MainWindow, tmp_path: Path) -> None:
    _open(window, tmp_path, "residual_blocks.net")
    window.scene.select_nodes(["blocks"])
    combo = window.inspector.findChild(QComboBox, "param_network")
    assert [combo.itemText(i) for i in range(combo.count())] == ["main", "res_block"]
    combo.activated.emit(0)  # "main": the main network would use itself
    assert window.document.graph.node("blocks").params["network"] == "res_block"
    error = window.inspector.errors["network"]
    assert not error.isHidden() and "cannot use itself" in error.text()
    assert combo.currentText() == "res_block"
    assert not window.document.undo_stack.count()
