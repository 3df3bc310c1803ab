"""The main window is composed, not patched: it builds its training and evaluation parts and
holds them as typed attributes, keeps Qt's own `actions()`, and the training session reaches
nothing of the window (it is told the document; the window paints itself before a run)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from netstudio.gui.document import Document
from netstudio.gui.evaluation.ui import EvaluationUi
from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.session import TrainingSession
from netstudio.gui.training.ui import TrainingUi
from netstudio.io import Project

RUN_TIMEOUT = 30_000


def test_qt_actions_stay_qt_and_the_menu_actions_have_their_own_name(window: MainWindow) -> None:
    # QWidget.actions() is Qt's: the actions added to the window itself, a list.
    assert isinstance(window.actions(), list)
    train = window.findChild(QAction, "train_start")
    assert train is window.menu_actions.train
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert train in toolbar.actions() and window.menu_actions.stop in toolbar.actions()


def test_the_window_builds_and_holds_its_parts(window: MainWindow) -> None:
    training, evaluation = window.training_ui, window.evaluation_ui
    assert isinstance(training, TrainingUi) and isinstance(evaluation, EvaluationUi)
    assert window.training_dock.widget() is training.panel
    assert window.data_dock.widget() is evaluation.data_panel
    assert evaluation.docks["evaluation_dock"].widget() is evaluation.evaluation_panel
    # Nothing is set on the window from outside: each piece is reached through its part.
    patched = ("training_session", "training_panel", "curves_dock", "data_panel", "runs_panel",
               "evaluation_panel", "try_it_panel")  # fmt: skip
    assert not [name for name in patched if hasattr(window, name)]


def test_a_session_knows_the_document_it_is_told_and_no_window(qtbot) -> None:
    session = TrainingSession()
    assert session.document is None and not hasattr(session, "window")
    document = Document(Project())
    with qtbot.waitSignal(session.document_changed) as changed:
        session.set_document(document)
    assert session.document is document and changed.args == [document]
    # What it checks before a run is that document's (an empty network: no Input).
    assert "no Input node" in session.problems()[0]
    document.close()


def test_the_window_paints_its_run_state_before_the_run_starts(
    qtbot, window: MainWindow, open_example, monkeypatch
) -> None:
    open_example("digits_mlp.net", {"epochs": 1})
    session = window.training_ui.session
    seen: list[tuple[str, bool, bool, bool]] = []

    def state(event: str) -> tuple[str, bool, bool, bool]:
        thread = session.worker_thread
        started = thread is not None and (thread.isRunning() or thread.isFinished())
        return event, session.running, window.training_ui.lock.locked, started

    session.running_changed.connect(lambda running: seen.append(state(f"running {running}")))
    monkeypatch.setattr(window, "repaint", lambda: seen.append(state("repaint")))
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        qtbot.keyClick(window.view, Qt.Key.Key_F5)
    # Painted once, locked and running, before its thread started; not again at the end.
    assert seen[:2] == [("running True", True, True, False), ("repaint", True, True, False)]
    assert [event for event, *_ in seen] == ["running True", "repaint", "running False"]
    record = finished.args[0].record
    assert record["status"] == "finished" and window.document.project.runs == [record]
    assert window.evaluation_ui.runs_panel.model.rowCount() == 1
