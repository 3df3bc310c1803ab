"""Puts the data, run history, evaluation and Try it panels into the main window.

The window calls `install_evaluation(self)` once, after `install_training` (its session feeds
Evaluation and Try it) and before its menus (so the new docks are listed under View ▸ Panels),
and ``window.evaluation_ui.set_document`` for each project. The Data panel replaces the data
dock's placeholder; Data preview, Runs, Evaluation and Try it are bottom docks, tabified with
Summary.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from netstudio.gui.document import Document
from netstudio.gui.evaluation.panel import EvaluationPanel
from netstudio.gui.evaluation.try_it import TryItPanel
from netstudio.gui.panels.data_panel import DataPanel
from netstudio.gui.panels.runs_panel import RunHistoryPanel


class EvaluationUi:
    """What `install_evaluation` added to a window, and the glue between the pieces."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.data_panel = DataPanel(window)
        self.data_panel.ready = lambda: bool(window.analysis_ready)
        old = window.data_dock.widget()
        window.data_dock.setWidget(self.data_panel)
        if old is not None:
            old.deleteLater()
        self.runs_panel = RunHistoryPanel(window)
        self.evaluation = EvaluationPanel(window)
        self.try_it = TryItPanel(window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        docks = [
            ("data_preview_dock", "Data preview", self.data_panel.preview),
            ("runs_dock", "Runs", self.runs_panel),
            ("evaluation_dock", "Evaluation", self.evaluation),
            ("try_it_dock", "Try it", self.try_it),
        ]
        after: QDockWidget = getattr(window, "curves_dock", None) or window.problems_dock
        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget in docks:
            dock = window._dock(name, title, widget, bottom)
            window.tabifyDockWidget(after, dock)
            self.docks[name] = after = dock
        window.summary_dock.raise_()
        self.runs_panel.run_opened.connect(self.show_run)
        # The training session comes with training (install_training); without it the panels
        # still show data and history, and a reopened run's weights.
        session = getattr(window, "training_session", None)
        if session is not None:
            session.run_finished.connect(self._on_finished)

    def set_document(self, document: Document) -> None:
        """A project was opened: its data and runs; the previous project's run is forgotten."""
        self.data_panel.set_document(document)
        self.runs_panel.set_document(document)
        self.evaluation.clear()
        self.try_it.set_run(_NoRun())

    def show_run(self, finished: Any) -> None:
        """Show a run in Evaluation and Try it, and bring Evaluation to the front."""
        document = self.window.document
        self.evaluation.show_run(finished)
        self.try_it.set_run(finished, document.graph if document is not None else None)
        if finished.result.predictions is not None:
            dock = self.docks["evaluation_dock"]
            dock.show()
            dock.raise_()

    def _on_finished(self, finished: Any) -> None:
        self.show_run(finished)


class _NoRun:
    """The empty state for Try it (no model)."""

    record: dict[str, Any] = {}  # noqa: RUF012 - read only
    model = None
    data = None


def install_evaluation(window: Any) -> EvaluationUi:
    """Add the panels to `window`; sets ``window.evaluation_ui``, ``window.data_panel``,
    ``window.runs_panel``, ``window.evaluation_panel`` and ``window.try_it_panel``."""
    ui = EvaluationUi(window)
    window.evaluation_ui = ui
    window.data_panel = ui.data_panel
    window.runs_panel = ui.runs_panel
    window.evaluation_panel = ui.evaluation
    window.try_it_panel = ui.try_it
    return ui
