"""The data, run history, evaluation and Try it panels of the main window.

The window builds one `EvaluationUi` after its `TrainingUi` (whose session feeds Evaluation and
Try it) and before its menus (so the new docks are listed under View ▸ Panels), holds it as
``window.evaluation_ui`` and calls its `set_document` for each project. The Data panel replaces
the data dock's placeholder; Data preview, Runs, Evaluation and Try it are bottom docks, tabified
with Summary after the Curves dock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from netstudio.gui.document import Document
from netstudio.gui.evaluation.panel import EvaluationPanel
from netstudio.gui.evaluation.try_it import TryItPanel
from netstudio.gui.panels.data_panel import DataPanel
from netstudio.gui.panels.runs_panel import RunHistoryPanel

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow
    from netstudio.gui.training.session import FinishedRun
    from netstudio.gui.training.ui import TrainingUi


class EvaluationUi:
    """The window's data, runs and evaluation part, and the glue between its pieces.

    `training`: the window's training part; its finished runs are shown in Evaluation and Try
    it, and the docks here are tabbed after its Curves dock.
    """

    def __init__(self, window: MainWindow, training: TrainingUi) -> None:
        self.window = window
        self.data_panel = DataPanel(window)
        self.data_panel.ready = lambda: bool(window.analysis_ready)
        old = window.data_dock.widget()
        window.data_dock.setWidget(self.data_panel)
        if old is not None:
            old.deleteLater()
        self.runs_panel = RunHistoryPanel(window)
        self.evaluation_panel = EvaluationPanel(window)
        self.try_it_panel = TryItPanel(window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
        docks = [
            (
                "data_preview_dock",
                translate("EvaluationUi", "Data preview"),
                self.data_panel.preview,
            ),
            ("runs_dock", translate("EvaluationUi", "Runs"), self.runs_panel),
            ("evaluation_dock", translate("EvaluationUi", "Evaluation"), self.evaluation_panel),
            ("try_it_dock", translate("EvaluationUi", "Try it"), self.try_it_panel),
        ]
        after = training.curves_dock
        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget in docks:
            dock = window.add_dock(name, title, widget, bottom)
            window.tabifyDockWidget(after, dock)
            self.docks[name] = after = dock
        window.summary_dock.raise_()
        self.runs_panel.run_opened.connect(self.show_run)
        training.session.run_finished.connect(self.show_run)

    def set_document(self, document: Document) -> None:
        """A project was opened: its data and runs; the previous project's run is forgotten."""
        self.data_panel.set_document(document)
        self.runs_panel.set_document(document)
        self.evaluation_panel.clear()
        self.try_it_panel.set_run(_NoRun())

    def show_run(self, finished: FinishedRun) -> None:
        """Show a run in Evaluation and Try it, and bring Evaluation to the front."""
        document = self.window.document
        self.evaluation_panel.show_run(finished)
        self.try_it_panel.set_run(finished, document.graph if document is not None else None)
        if finished.result.predictions is not None:
            self.window.show_dock(self.docks["evaluation_dock"])


class _NoRun:
    """The empty state for Try it (no model)."""

    record: dict[str, Any] = {}  # noqa: RUF012 - read only
    model = None
    data = None
