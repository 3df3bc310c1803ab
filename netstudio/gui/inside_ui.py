"""See inside the network: the window's previews, training health and their menus, connected.

It gathers what the main window holds for issue "see inside the network": the canvas previews
(`previews`), the health of the run on show (`health_view`) with its Training health list beside
Problems (`health_list`) and the Inspector's enlarged preview and health curves
(`node_insight`). It connects them to the menus (View > Previews, View > Colour Nodes By…,
Train > Record Layer Health), to the training session (its epochs, the run that ended), to the
Runs table (an opened run: its health.json, and its weights for the previews), to Try it (the
drawn or dropped input flows through every node of the canvas) and to the Data preview (a
sample picked there is shown on every node). Its words: context ``InsideUi``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu

from netstudio.gui import i18n
from netstudio.gui.evaluation.run_weights import run_name
from netstudio.gui.health_list import HealthList
from netstudio.gui.health_view import HealthView
from netstudio.gui.node_insight import NodeInsight

if TYPE_CHECKING:
    from netstudio.gui.canvas.scene import CanvasScene
    from netstudio.gui.document import Document
    from netstudio.gui.main_window import MainWindow


class InsideUi(QObject):
    """Previews and training health in the main window (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._document: Document | None = None
        self.previews = window.previews
        self.health = HealthView(self)
        self.health_list = HealthList(self.health, window)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.health_dock = window.add_dock(
            "health_dock", self.tr("Training health"), self.health_list, bottom
        )
        window.tabifyDockWidget(window.problems_dock, self.health_dock)
        window.problems_dock.raise_()
        self.insight = NodeInsight(self.previews, self.health)
        window.inspector.insight = self.insight
        actions = window.menu_actions
        for key, action in actions.colour_by.items():
            action.toggled.connect(lambda on, key=key: on and self.health.set_colour_by(key))
        session = window.training_ui.session
        actions.record_health.toggled.connect(lambda on: setattr(session, "record_health", on))
        session.run_started.connect(lambda _info: self.health.start_run())
        session.epochs_ended.connect(
            lambda metrics: self.health.add_epochs(metrics, self.tr("Training"))
        )
        session.run_finished.connect(self._run_finished)
        evaluation = window.evaluation_ui
        evaluation.runs_panel.run_opened.connect(self._run_opened)
        evaluation.try_it_panel.predicted.connect(self._tried)
        evaluation.data_panel.preview.sample_picked.connect(self._sample_picked)
        self.health_list.node_activated.connect(window.reveal_node)

    def add_menus(self) -> None:
        """View > Colour Nodes By… after View > Previews; Train > Record Layer Health."""
        window, actions = self.window, self.window.menu_actions
        view = window.menuBar().findChild(QMenu, "menu_view")
        if view is not None:
            colours = QMenu(self.tr("&Colour Nodes By"), view)
            colours.setObjectName("menu_colour_by")
            colours.addActions(list(actions.colour_by.values()))
            after = view.actions()[view.actions().index(actions.previews) + 1]
            view.insertMenu(after, colours)
        train = window.menuBar().findChild(QMenu, "menu_train")
        if train is not None:
            train.addSeparator()
            train.addAction(actions.record_health)

    def set_document(self, document: Document, scene: CanvasScene) -> None:
        """Another project: no run's health is on show yet; another network of the same
        project: its cards are coloured by the same run's health."""
        if document is self._document:
            self.health.scene = scene
            self.health.recolour()
            return
        self._document = document
        self.health.set_scene(scene, self.window.view)

    # --- what happens elsewhere ----------------------------------------------------------------

    def _run_finished(self, finished: Any) -> None:
        self.health.show_result(finished.result, run_name(finished.record))

    def _run_opened(self, finished: Any) -> None:
        """A run opened from the Runs table: its health, and its weights on the previews."""
        self.health.load_run(finished.result.run_dir, run_name(finished.record))
        self.previews.weights_model = finished.model
        self._use_weights(finished.model)

    def _use_weights(self, model: Any) -> None:
        if model is None:
            return
        from netstudio.core.previews import weights_by_node

        self.previews.set_weights(weights_by_node(model))

    def _sample_picked(self, index: int) -> None:
        """A sample chosen in the Data preview ("Use for Previews"): every node shows it
        (View > Previews is turned on when it was off)."""
        previews = self.window.menu_actions.previews
        if not previews.isChecked():
            previews.setChecked(True)
        self.previews.show_sample(index)
        self.window.statusBar().showMessage(
            self.tr("Previews show training sample {index} on every layer").format(
                index=i18n.number(index + 1)
            ),
            8000,
        )

    def _tried(self, _probabilities: Any) -> None:
        """Try it answered: show its input (normalised as the model gets it) on every node."""
        import torch

        from netstudio.gui.evaluation.inference import normalise

        panel = self.window.evaluation_ui.try_it_panel
        sample = panel.sample()
        if sample is None:
            return
        if self.previews.weights_model is not panel.model:
            self.previews.weights_model = panel.model
            self._use_weights(panel.model)
        x = normalise(torch.from_numpy(sample).float().unsqueeze(0), panel.data)[0]
        self.previews.show_input(x)
