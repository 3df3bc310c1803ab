"""The network tabs above the canvas (issue 15): one per network, the main one starred; choosing
one shows it on the canvas and in the panels; add, rename, duplicate, delete and set as main
are each one undo step, and delete refuses the main network and one a Block uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "residual_blocks.net"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    """residual_blocks.net (a copy) open in a shown window, PyTorch loaded; each name asked
    is answered from `window.answers`."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    answers: list[str] = []

    def get_text(parent, title, label, mode, text=""):
        return (answers.pop(0), True) if answers else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    win.answers = answers  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    assert win.open_file(Path(shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)))
    win.show()
    qtbot.waitExposed(win)
    return win


def _tabs(window: MainWindow) -> list[str]:
    bar = window.network_tabs.bar
    return [bar.tabText(i) for i in range(bar.count())]


def _click_tab(window: MainWindow, index: int, double: bool = False) -> None:
    bar = window.network_tabs.bar
    click = QTest.mouseDClick if double else QTest.mouseClick
    click(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
          bar.tabRect(index).center())  # fmt: skip


def test_choosing_a_tab_shows_that_network_on_the_canvas_and_in_the_panels(
    window: MainWindow,
) -> None:
    document = window.document
    assert _tabs(window) == ["★ main", "res_block"]
    assert "blocks" in window.scene.nodes
    _click_tab(window, 1)
    assert document.shown_name == "res_block"
    shown = document.project.networks["res_block"]
    assert sorted(window.scene.nodes) == sorted(n.id for n in shown)
    assert document.info("conv1").output.shape[1:] == (16, 8, 8)  # fed what reaches the block
    assert not document.problems
    # Train checks the main network, whichever tab is shown (the block's output is no class
    # score the loss could take).
    assert window.training_ui.session.problems() == []
    model = window.summary.model()
    rows = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "conv1" in rows and "blocks" not in rows  # the Summary lists the shown network
    window.scene.select_nodes(["conv1"])
    assert window.inspector.node_id == "conv1"
    _click_tab(window, 0)
    assert document.shown_name == "main" and "blocks" in window.scene.nodes
    assert window.inspector.node_id is None


def test_add_rename_duplicate_delete_and_set_main_are_each_one_undo_step(
    window: MainWindow, hands
) -> None:
    document, project = window.document, window.document.project
    undo = hands.action(window, "edit_undo")
    window.answers += ["stage2"]  # type: ignore[attr-defined]
    window.network_tabs.add_button.click()
    assert _tabs(window) == ["★ main", "res_block", "stage2"]
    assert document.shown_name == "stage2" and sorted(window.scene.nodes) == ["x", "y"]
    undo.trigger()
    assert _tabs(window) == ["★ main", "res_block"] and document.shown_name == "main"

    _click_tab(window, 1)
    window.answers += ["residual"]  # type: ignore[attr-defined]
    _click_tab(window, 1, double=True)  # rename the tab
    assert _tabs(window) == ["★ main", "residual"]
    assert project.graph.node("blocks").params["network"] == "residual"
    assert document.main_info("blocks").error is None  # the block finds its renamed network
    undo.trigger()
    assert _tabs(window) == ["★ main", "res_block"]
    assert project.graph.node("blocks").params["network"] == "res_block"

    status = window.statusBar()
    hands.action(window, "model_delete_network").trigger()  # res_block is shown: a Block uses it
    assert "A Block in 'main' uses 'res_block'" in status.currentMessage()
    _click_tab(window, 0)
    hands.action(window, "model_delete_network").trigger()
    assert "is the main network" in status.currentMessage()
    assert list(project.networks) == ["main", "res_block"]

    _click_tab(window, 1)
    window.answers += ["res_copy"]  # type: ignore[attr-defined]
    hands.action(window, "model_duplicate_network").trigger()
    assert _tabs(window) == ["★ main", "res_block", "res_copy"]
    copy = project.networks["res_copy"]
    assert [n.id for n in copy] == [n.id for n in project.networks["res_block"]]
    assert copy is not project.networks["res_block"]
    hands.action(window, "model_delete_network").trigger()  # the copy is shown and unused
    assert _tabs(window) == ["★ main", "res_block"] and document.shown_name == "main"
    undo.trigger()
    assert _tabs(window) == ["★ main", "res_block", "res_copy"]

    _click_tab(window, 2)
    hands.action(window, "model_set_main_network").trigger()
    assert _tabs(window) == ["main", "res_block", "★ res_copy"]
    assert project.main == "res_copy" and project.graph is copy
    undo.trigger()
    assert project.main == "main" and _tabs(window)[0] == "★ main"


def test_f2_on_the_tabs_renames_the_network_and_saving_keeps_every_network(
    window: MainWindow, hands
) -> None:
    window.network_tabs.bar.setFocus()
    _click_tab(window, 1)
    window.answers += ["stage"]  # type: ignore[attr-defined]
    QTest.keyClick(window.network_tabs.bar, Qt.Key.Key_F2)
    assert _tabs(window) == ["★ main", "stage"]
    hands.action(window, "file_save").trigger()
    saved = load_project(window.document.path)
    assert list(saved.networks) == ["main", "stage"]
    assert saved.graph.node("blocks").params == {"network": "stage", "repeat": 3}


def test_a_block_tab_chosen_before_pytorch_loads_gets_the_blocks_shapes_after(
    qtbot, tmp_path: Path
) -> None:
    win = MainWindow(analysis_ready=False)
    qtbot.addWidget(win)
    assert win.open_file(Path(shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)))
    win.document.show_network("res_block")
    assert win.document.info("conv1") is None  # no shapes yet
    win.set_analysis_ready()
    assert win.document.info("x").output.shape[1:] == (16, 8, 8)  # not the data's (1, 8, 8)
    assert not win.document.problems


def test_while_a_run_trains_the_networks_and_blocks_cannot_be_edited(
    window: MainWindow, hands
) -> None:
    names = ("model_new_network", "model_rename_network", "model_duplicate_network",
             "model_delete_network", "model_set_main_network", "model_make_block",
             "model_ungroup")  # fmt: skip
    window.training_ui.lock.set_locked(True)
    assert not any(hands.action(window, name).isEnabled() for name in names)
    window.training_ui.lock.set_locked(False)
    assert all(hands.action(window, name).isEnabled() for name in names)
    # The "+" button follows its action's state but keeps its "+" (it read "New Network" after
    # a run, when it took the action's text).
    button = window.network_tabs.add_button
    window.training_ui.lock.set_locked(True)
    assert not button.isEnabled() and button.text() == "+"
    window.training_ui.lock.set_locked(False)
    assert button.isEnabled() and button.text() == "+"
