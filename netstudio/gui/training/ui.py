"""Training in the main window: the session, the Training panel, the Curves dock, the
Train/Pause/Stop actions, the toolbar's device combo, the editing lock, the status-bar progress
and failure reporting (the node at fault is selected, centred and flashes).

The window builds one `TrainingUi` after its docks and before its menus (so the Curves dock is
listed under View ▸ Panels) and holds it as ``window.training_ui``; it puts `device_combo` on
its toolbar and calls ``panel.set_document`` and ``session.set_document`` for each project. The
status bar shows, during a run, a small progress bar (the Training panel's fraction) and the
device with the panel's progress line ("cpu · Epoch 3/10 · …"; while a slow load runs, how far
it is: "Loading the data — decoding images: 1,234 / 5,000 files · ETA 0:07"), both hidden
between runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from netstudio.gui.progress_line import ProgressLine
from netstudio.gui.status_text import StatusText
from netstudio.gui.training.curves import CurvesPanel
from netstudio.gui.training.device_combo import DeviceCombo
from netstudio.gui.training.lock import EditLock
from netstudio.gui.training.panel import LOCKED_TEXT, TrainingPanel, tr_text
from netstudio.gui.training.session import FinishedRun, TrainingSession
from netstudio.training.results import RunInfo

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

#: The words of the window's training part are translated in the context "TrainingUi".
translate = QCoreApplication.translate
#: Width and height of the status bar's progress bar, in pixels.
PROGRESS_SIZE = (120, 10)


class TrainingUi:
    """The window's training part, and the glue between its pieces (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        a = window.menu_actions
        self.session = session = TrainingSession(parent=window)
        self.panel = TrainingPanel(session, [a.train, a.pause, a.stop], window)
        # The LR preview imports torch: not before the window's warm-up thread has loaded it.
        self.panel.form.preview.ready = lambda: bool(window.analysis_ready)
        self.panel.form.preview.set_config(self.panel.form.config)
        old = window.training_dock.widget()
        window.training_dock.setWidget(self.panel)
        if old is not None:
            old.deleteLater()
        self.curves = CurvesPanel(session, window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        title = translate("TrainingUi", "Curves")
        self.curves_dock = window.add_dock("curves_dock", title, self.curves, bottom)
        window.tabifyDockWidget(window.problems_dock, self.curves_dock)
        window.summary_dock.raise_()
        self.lock = EditLock(window)
        # The window puts it on its toolbar, after Train, Pause and Stop.
        self.device_combo = DeviceCombo(self.panel.form.device, window)
        self.progress = ProgressLine(window, height=PROGRESS_SIZE[1])
        self.progress.setObjectName("training_status_progress")
        self.progress.setRange(0, self.panel.progress.maximum())
        self.progress.setFixedSize(*PROGRESS_SIZE)
        self.progress.hide()
        self.status = StatusText(parent=window)
        self.status.setObjectName("training_status_label")
        self.status.hide()
        self._device = ""
        bar = window.statusBar()
        bar.addWidget(self.progress)
        bar.addWidget(self.status, 1)

        a.train.setEnabled(True)
        a.train.triggered.connect(self.train)
        a.pause.triggered.connect(session.toggle_pause)
        a.stop.triggered.connect(session.stop)
        session.running_changed.connect(self._on_running)
        session.about_to_train.connect(self._paint_now)
        session.run_started.connect(self._on_run_started)
        session.loading_progressed.connect(self._on_loading)
        session.paused_changed.connect(self._on_paused)
        session.batches_ended.connect(self._on_batches)
        session.run_finished.connect(self._on_finished)
        self.panel.document_changed.connect(self.device_combo.set_document)
        self._on_running(False)

    def train(self) -> None:
        """Start a run (F5); when it cannot start, the Training panel says why."""
        if not self.session.start():
            self.window.show_dock(self.window.training_dock)

    def _on_running(self, running: bool) -> None:
        a = self.window.menu_actions
        a.train.setEnabled(not running)
        a.pause.setEnabled(running)
        a.stop.setEnabled(running)
        self._on_paused(False)
        self.lock.set_locked(running)
        self.device_combo.set_running(running)
        self._device = ""
        self.status.setText(tr_text(LOCKED_TEXT))
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.status.setVisible(running)
        if running:
            self.window.show_dock(self.curves_dock)

    def _paint_now(self) -> None:
        """Lay out and paint the window's run state (the locked editor, the Curves raised)
        before the run's thread starts: done later, that work would compete with the first
        batches."""
        window = self.window
        if window.isVisible():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            window.repaint()

    def _on_loading(self, _progress: Any) -> None:
        # The panel has taken the report already (it connected first): show what it shows.
        if self._device:
            return  # the run has started
        self.progress.setValue(self.panel.progress.value())
        self.status.setText(_locked(self.panel.status.text()))

    def _on_run_started(self, info: RunInfo) -> None:
        self._device = info.device
        self.status.setText(f"{info.device} · {tr_text(LOCKED_TEXT)}")

    def _on_paused(self, paused: bool) -> None:
        pause = self.window.menu_actions.pause
        if paused:
            pause.setText(translate("TrainingUi", "&Resume"))
            pause.setStatusTip(translate("TrainingUi", "Resume training"))
        else:
            pause.setText(translate("TrainingUi", "&Pause"))
            pause.setStatusTip(translate("TrainingUi", "Pause training"))
        tip = translate("TrainingUi", "{tip} ({keys})", "a tooltip and its shortcut")
        pause.setToolTip(tip.format(tip=pause.statusTip(), keys="F6"))

    def _on_batches(self, _batches: list[Any]) -> None:
        # The panel has taken these batches already (it connected first): show what it shows.
        self.progress.setValue(self.panel.progress.value())
        text = self.panel.status.text()
        device = f"{self._device} · " if self._device else ""
        self.status.setText(device + _locked(text))

    def _on_finished(self, run: FinishedRun) -> None:
        error = run.record["error"]
        window = self.window
        window.statusBar().showMessage(self.panel.status.text(), 10000)
        if error is None:
            return
        window.show_dock(window.training_dock)
        node_id = error.get("node_id")
        if node_id and window.document is not None and node_id in window.document.graph:
            window.reveal_node(node_id, flash=True)


def _locked(status: str) -> str:
    """ "Epoch 3/10 · … — editing locked": the run's state, and that the network cannot be
    edited now."""
    return translate("TrainingUi", "{status} — editing locked").format(status=status)
