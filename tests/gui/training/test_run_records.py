"""A finished run is a record, never an undo step: Ctrl+Z and later edits never take it away; the
project is modified until saved (title, closing, autosave); deleting and renaming a run in the
Runs table stay undoable, and undoing a delete puts the run back in its place, runs added since
included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netstudio.gui.commands import MoveNodesCommand, RenameCommand
from netstudio.gui.document import Document
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.run_table import NAME
from netstudio.gui.panels.runs_panel import RunHistoryPanel
from netstudio.gui.recovery import Autosave
from netstudio.io import Project, load_project

RUN_TIMEOUT = 30_000
CTRL = Qt.KeyboardModifier.ControlModifier


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        action(window, "train_start").trigger()
    return done.args[0]


def press_on_canvas(qtbot, window: MainWindow, key: Qt.Key, modifiers=CTRL) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, key, modifiers)


def table_names(window: MainWindow) -> list[str]:
    model = window.evaluation_ui.runs_panel.model
    return [model.text(row, NAME) for row in range(model.rowCount())]


def test_undo_after_a_run_keeps_it_and_saving_keeps_it(
    qtbot, window: MainWindow, open_example, monkeypatch
) -> None:
    path = open_example("digits_mlp.net", {"epochs": 1})
    document = window.document
    document.push(MoveNodesCommand(document.graph, {"fc1": ((0.0, 0.0), (40.0, 0.0))}))
    run = train(qtbot, window)
    record = run.record
    assert document.project.runs == [record] and table_names(window) == ["Run 1"]
    assert document.undo_stack.undoText().startswith("Move")  # not "Add Run 1"

    # Ctrl+Z on the canvas undoes the move, back to the state the file holds, and the run
    # stays: in the project, in the table, and the project still has unsaved changes.
    press_on_canvas(qtbot, window, Qt.Key.Key_Z)
    assert document.undo_stack.isClean() and document.graph.node("fc1").position != (40.0, 0.0)
    assert document.project.runs == [record] and table_names(window) == ["Run 1"]
    assert document.modified and window.windowTitle().startswith("digits_mlp.net*")
    press_on_canvas(qtbot, window, Qt.Key.Key_Z)  # nothing left to undo
    press_on_canvas(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    document.push(RenameCommand(document.graph, "fc2", "classifier"))
    for _ in range(3):
        press_on_canvas(qtbot, window, Qt.Key.Key_Z)
    assert document.project.runs == [record] and table_names(window) == ["Run 1"]

    # Closing asks about the unsaved run; autosave sees it.
    asked: list[str] = []

    def cancel(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    assert not window.close() and asked and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)

    action(window, "file_save").trigger()
    assert not document.modified and not window.windowTitle().startswith("digits_mlp.net*")
    assert [r["name"] for r in load_project(path).runs] == ["Run 1"]
    assert window.open_file(path)
    assert [r["name"] for r in window.document.project.runs] == ["Run 1"]
    assert table_names(window) == ["Run 1"] and not window.document.modified


def test_a_run_marks_the_project_modified_until_saved(qtbot, tmp_path: Path) -> None:
    document = Document(Project(), analysis=False)
    autosave = Autosave(tmp_path / "recovery")
    autosave.watch(document)
    states: list[bool] = []
    document.modified_changed.connect(states.append)
    with qtbot.waitSignal(document.runs_changed):
        document.add_run({"name": "Run 1", "epochs": []})
    assert document.modified and states == [True] and document.undo_stack.count() == 0
    recovered = autosave.save_now()  # autosave keeps the unsaved run
    assert recovered is not None and "Run 1" in recovered.read_text(encoding="utf-8")
    document.save(tmp_path / "p.net")
    assert not document.modified and states == [True, False]
    assert not recovered.exists()  # saved: nothing left to recover
    # After a save, an edit and its undo leave the project as saved; a run added in between
    # keeps it modified, whatever the undo stack says.
    document.add_run({"name": "Run 2", "epochs": []})
    document.undo_stack.setClean()
    assert document.modified
    document.save()
    assert not document.modified
    assert [r["name"] for r in load_project(tmp_path / "p.net").runs] == ["Run 1", "Run 2"]


def test_a_graph_edit_does_not_redraw_the_runs_table(qtbot, mlp_graph) -> None:
    document = Document(Project(graph=mlp_graph), analysis=False)
    panel = RunHistoryPanel()
    qtbot.addWidget(panel)
    panel.set_document(document)
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    document.push(RenameCommand(mlp_graph, "fc1", "hidden"))
    document.undo_stack.undo()
    assert resets == []
    document.add_run({"name": "Run 1", "epochs": []})
    assert resets == [1] and panel.model.rowCount() == 1


def test_undoing_a_delete_after_a_later_run_puts_it_back_in_place(qtbot) -> None:
    first, second = {"name": "Run 1", "epochs": []}, {"name": "Run 2", "epochs": []}
    document = Document(Project(runs=[first, second]), analysis=False)
    panel = RunHistoryPanel()
    qtbot.addWidget(panel)
    panel.set_document(document)
    panel.select_rows([0])
    panel.delete_button.click()
    assert document.project.runs == [second]
    third = {"name": "Run 3", "epochs": []}
    document.add_run(third)
    assert [panel.model.text(row, NAME) for row in range(3) if row < 2] == ["Run 2", "Run 3"]
    document.undo_stack.undo()
    runs = document.project.runs
    assert runs[0] is first and runs[1] is second and runs[2] is third
    assert [panel.model.text(row, NAME) for row in range(3)] == ["Run 1", "Run 2", "Run 3"]
    document.undo_stack.redo()
    assert document.project.runs == [second, third] and document.project.runs[1] is third
    # Renaming stays an undo step, and the table follows it.
    panel.model.setData(panel.model.index(1, NAME), "Baseline")
    assert third["name"] == "Baseline" and panel.model.text(1, NAME) == "Baseline"
    document.undo_stack.undo()
    assert third["name"] == "Run 3" and panel.model.text(1, NAME) == "Run 3"
