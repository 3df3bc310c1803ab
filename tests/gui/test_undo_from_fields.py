"""Undo and Redo reach the project from every panel: Ctrl+Z pressed right after an edit in an
Inspector, Training or Data field (the focus still there) undoes that edit and the field shows
the undone value at once; Ctrl+Shift+Z and Ctrl+Y redo it. An entry still being typed is first
committed, then undone: one Ctrl+Z always undoes the last committed project edit, and each
typed entry is a step of its own (steps of a spin box in a row merge). A field that does not
edit the project (the layer search) keeps its own text undo."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from netstudio.gui.main_window import MainWindow
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.results import EpochMetrics

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(digits_window: MainWindow) -> MainWindow:
    return digits_window


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """Press a key where the person's focus is (asserted to be `widget`)."""
    assert QApplication.focusWidget() is widget
    QTest.keyClick(widget, key, modifiers)


def shown(widget) -> str:
    return widget.lineEdit().text().removesuffix(widget.suffix())


def select_fc1(window: MainWindow):
    window.scene.select_nodes(["fc1"])
    return window.inspector.editors["out_features"].widget


def test_undo_and_redo_from_an_inspector_field(hands, window: MainWindow) -> None:
    box = select_fc1(window)
    graph, stack = window.document.graph, window.document.undo_stack
    hands.type_into(box, "64")
    assert graph.node("fc1").params["out_features"] == 64 and stack.count() == 1

    press(box, Qt.Key.Key_Z)
    assert graph.node("fc1").params["out_features"] == 128
    assert shown(box) == "128" and box.hasFocus()
    press(box, Qt.Key.Key_Z, CTRL | SHIFT)
    assert graph.node("fc1").params["out_features"] == 64 and shown(box) == "64"
    press(box, Qt.Key.Key_Z)
    press(box, Qt.Key.Key_Y)  # the other redo key
    assert graph.node("fc1").params["out_features"] == 64 and shown(box) == "64"


def test_an_entry_being_typed_is_committed_then_undone(hands, window: MainWindow) -> None:
    box = select_fc1(window)
    graph, stack = window.document.graph, window.document.undo_stack
    hands.type_into(box, "64")
    hands.type_into(box, "32", enter=False)  # still typing
    press(box, Qt.Key.Key_Z)
    # "32" was committed as its own edit, then undone: back to 64, not to 128.
    assert graph.node("fc1").params["out_features"] == 64 and shown(box) == "64"
    assert stack.count() == 2 and stack.index() == 1
    press(box, Qt.Key.Key_Z)
    assert graph.node("fc1").params["out_features"] == 128 and shown(box) == "128"


def test_undo_of_a_rename_from_the_name_field(hands, window: MainWindow) -> None:
    select_fc1(window)
    name = window.inspector.name_edit
    hands.type_into(name, "hidden", enter=False)
    press(name, Qt.Key.Key_Z)
    assert window.document.graph.node("fc1").name == "fc1"
    assert name.text() == "fc1"  # the field follows the undo though it has the focus
    press(name, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.document.graph.node("fc1").name == "hidden" and name.text() == "hidden"


def test_undo_and_redo_from_a_training_field(hands, window: MainWindow) -> None:
    project = window.document.project
    lr = window.training_ui.panel.form.editors["optimizer.lr"].widget
    hands.type_into(lr, "0.01")
    assert project.training["optimizer"]["lr"] == 0.01
    press(lr, Qt.Key.Key_Z)
    assert project.training["optimizer"]["lr"] == 0.002 and shown(lr) == "0.002"
    press(lr, Qt.Key.Key_Z, CTRL | SHIFT)
    assert project.training["optimizer"]["lr"] == 0.01 and shown(lr) == "0.01"

    epochs = window.training_ui.panel.form.editors["epochs"].widget
    hands.type_into(epochs, "7", enter=False)
    press(epochs, Qt.Key.Key_Z)  # commits 7, then undoes it
    assert project.training["epochs"] == 20 and shown(epochs) == "20"


def test_undo_and_redo_from_data_fields(hands, window: MainWindow) -> None:
    project = window.document.project
    val = window.evaluation_ui.data_panel.val_spin
    hands.type_into(val, "25")
    assert project.data["val_fraction"] == 0.25
    press(val, Qt.Key.Key_Z)
    assert project.data["val_fraction"] == 0.1 and shown(val) == "10"
    press(val, Qt.Key.Key_Y)
    assert project.data["val_fraction"] == 0.25 and shown(val) == "25"

    rotation = window.evaluation_ui.data_panel.rotation_spin
    hands.type_into(rotation, "7.5", enter=False)
    press(rotation, Qt.Key.Key_Z)
    assert "rotation_degrees" not in project.data.get("augment", {}) and shown(rotation) == "0"
    press(rotation, Qt.Key.Key_Z, CTRL | SHIFT)
    assert project.data["augment"]["rotation_degrees"] == 7.5 and shown(rotation) == "7.5"


def a_run() -> dict:
    """A finished run's record, as the Runs table lists it."""
    epoch = EpochMetrics(1, 0.5, 0.8, 0.6, 0.75, 0.002, 0.5, 1000.0).to_dict()
    return {
        "id": "20260101-120000", "name": "Run 1", "started": "2026-01-01T12:00:00",
        "seconds": 1.0, "status": "finished", "data": DataConfig().model_dump(mode="json"),
        "training": TrainingConfig().model_dump(mode="json"), "epochs": [epoch],
        "best_epoch": 1, "best_val_accuracy": 0.75, "best_val_loss": 0.6,
        "test_accuracy": 0.7, "test_loss": 0.6, "run_dir": None, "error": None,
    }  # fmt: skip


def test_undo_from_the_runs_table(hands, qtbot, window: MainWindow) -> None:
    window.document.add_run(a_run())
    box = select_fc1(window)
    hands.type_into(box, "64")
    with qtbot.waitActive(window):
        window.activateWindow()
    dock = window.findChild(QDockWidget, "runs_dock")
    dock.show()
    dock.raise_()
    table = window.findChild(QWidget, "runs_table")
    qtbot.waitUntil(table.isVisible)
    table.setFocus()
    press(table, Qt.Key.Key_Z)
    assert window.document.graph.node("fc1").params["out_features"] == 128


def test_a_field_that_is_not_the_projects_keeps_its_own_undo(hands, window: MainWindow) -> None:
    box = select_fc1(window)
    hands.type_into(box, "64")
    search = window.findChild(QWidget, "layer_search")
    hands.type_into(search, "conv", enter=False)
    press(search, Qt.Key.Key_Z)
    assert window.document.graph.node("fc1").params["out_features"] == 64
    assert len(window.document.graph) == 6  # nothing was added by an Enter either
    assert search.text() == ""


def test_the_undo_action_still_names_what_it_undoes(hands, window: MainWindow) -> None:
    box = select_fc1(window)
    hands.type_into(box, "64")
    undo = window.findChild(QAction, "edit_undo")
    assert undo.isEnabled() and "Change fc1 out features" in undo.text()


def test_steps_in_a_row_merge_and_each_typed_entry_is_its_own_step(
    hands, window: MainWindow
) -> None:
    stack = window.document.undo_stack
    epochs = window.training_ui.panel.form.editors["epochs"].widget
    epochs.setFocus()
    for _ in range(3):
        QTest.keyClick(epochs, Qt.Key.Key_Up)  # spinning: one undo step
    assert window.document.project.training["epochs"] == 23 and stack.count() == 1
    hands.type_into(epochs, "30")
    hands.type_into(epochs, "40")
    assert stack.count() == 3
    press(epochs, Qt.Key.Key_Z)
    assert window.document.project.training["epochs"] == 30 and shown(epochs) == "30"
    press(epochs, Qt.Key.Key_Z)
    assert window.document.project.training["epochs"] == 23 and shown(epochs) == "23"
    press(epochs, Qt.Key.Key_Z)
    assert window.document.project.training["epochs"] == 20 and shown(epochs) == "20"


def test_undo_from_a_field_in_a_floating_dock(hands, qtbot, window: MainWindow) -> None:
    dock = window.findChild(QDockWidget, "inspector_dock")
    dock.setFloating(True)
    qtbot.waitExposed(dock)
    box = select_fc1(window)
    dock.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock)
    hands.type_into(box, "64")
    press(box, Qt.Key.Key_Z)
    assert window.document.graph.node("fc1").params["out_features"] == 128
    assert shown(box) == "128"
