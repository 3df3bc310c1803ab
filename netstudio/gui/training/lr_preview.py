"""A small plot of the learning rate over the planned epochs, updated as the schedule changes.

The curve comes from `netstudio.training.objectives.lr_group_preview` (the run's own schedule
code, stepped on a dummy optimizer), computed off the GUI thread; of rapid edits only the latest
is drawn. When layers have their own learning-rate multipliers (fine-tuning), there is one
curve per parameter group ("× 0.1", "× 1"), and gradual unfreezing marks the epochs at which a
frozen layer starts to learn with dashed vertical lines. Nothing is computed until `ready()` says PyTorch has loaded: the window loads it behind
itself on a thread of its own, and ``"torch" in sys.modules`` is true while that import is still
under way (a second thread importing a half-loaded torch can fail). `ready` says no until its
owner sets it (the window: to its analysis-ready flag), and `set_config` is called again once
it is.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.locale_axis import locale_axes
from netstudio.gui.training.plot_style import series_colours, style_plot
from netstudio.training.config import TrainingConfig

#: Batches per epoch the preview assumes (one-cycle schedules step per batch).
PREVIEW_STEPS = 10


def compute_preview(config: TrainingConfig) -> dict[float, np.ndarray]:
    """The learning rate at the start of each epoch, by learning-rate multiplier (1 always
    among them), on a worker thread: uses torch."""
    from netstudio.training.objectives import lr_group_preview

    steps = PREVIEW_STEPS if config.epochs <= 500 else 1
    groups = lr_group_preview(config, steps_per_epoch=steps)
    return {m: np.asarray(rates, dtype=float) for m, rates in groups.items()}


def unfreezing_epochs(config: TrainingConfig) -> list[int]:
    """The epochs (1-based) at whose start gradual unfreezing lets one more frozen layer
    learn, as far as the settings tell (one per frozen node, within the planned epochs)."""
    tuning = config.fine_tuning
    every = tuning.unfreeze_every
    if not every or not tuning.frozen:
        return []
    return [step * every + 1 for step in range(1, len(tuning.frozen) + 1)
            if step * every < config.epochs]  # fmt: skip


class LrPreview(pg.PlotWidget):
    """The preview plot (see module docstring); `rates` holds the curve drawn last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems=locale_axes())
        self.setObjectName("lr_preview")
        self.setFixedHeight(120)
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        style_plot(self.getPlotItem(), self.tr("epoch"), "", small=True)
        self.getPlotItem().setTitle(self.tr("Learning rate per epoch"), size="8pt")
        i18n.ensure_installed()  # English's plural forms ("1 epoch") when built alone
        self.curve = self.plot([], [], pen=pg.mkPen(series_colours()[2], width=2))
        #: The curves of the other parameter groups, by multiplier, and the unfreezing marks.
        self.group_curves: dict[float, pg.PlotDataItem] = {}
        self.markers: list[pg.InfiniteLine] = []
        self.legend: pg.LegendItem | None = None
        self.jobs = LatestJob(self)
        #: The ×1 curve drawn last, and every group's curve by multiplier.
        self.rates: np.ndarray | None = None
        self.groups: dict[float, np.ndarray] = {}
        self._shown: str | None = None
        #: Whether torch may be imported now (see module docstring).
        self.ready: Callable[[], bool] = lambda: False

    def set_config(self, config: TrainingConfig) -> None:
        """Draw the curve for `config`; nothing until `ready()` (call again once it is)."""
        key = config.model_dump_json(include={"optimizer", "schedule", "epochs", "fine_tuning"})
        if key == self._shown or not self.ready():
            return
        self._shown = key
        marks = unfreezing_epochs(config)
        self.jobs.submit(lambda: compute_preview(config), lambda g: self._show(g, marks))

    def _show(self, groups: dict[float, np.ndarray], marks: list[int]) -> None:
        self.groups = groups
        rates = self.rates = groups.get(1.0, next(iter(groups.values())))
        epochs = np.arange(1, len(rates) + 1)
        self.curve.setData(epochs, rates)
        plot = self.getPlotItem()
        for multiplier in [m for m in self.group_curves if m not in groups or m == 1.0]:
            plot.removeItem(self.group_curves.pop(multiplier))
        colours = series_colours()
        others = [m for m in groups if m != 1.0]
        for i, multiplier in enumerate(others):
            curve = self.group_curves.get(multiplier)
            if curve is None:
                pen = pg.mkPen(colours[(3 + i) % len(colours)], width=2)
                curve = self.group_curves[multiplier] = self.plot([], [], pen=pen)
            curve.setData(epochs, groups[multiplier])
        self._show_legend(others)
        for line in self.markers:
            plot.removeItem(line)
        self.markers = []
        for epoch in marks:
            line = pg.InfiniteLine(
                epoch, angle=90, pen=pg.mkPen(colours[1], width=1, style=Qt.PenStyle.DashLine)
            )
            plot.addItem(line)
            self.markers.append(line)
        number = i18n.locale().toString
        tip = (
            self.tr("Learning rate from {start} to {end} over %Ln epoch(s)", "", len(rates)).format(
                start=number(float(rates[0]), "g", 3), end=number(float(rates[-1]), "g", 3)
            )
            if len(rates)
            else ""
        )
        if others:
            multipliers = ", ".join(f"× {i18n.number(m)}" for m in others)
            tip += self.tr("; layers with a multiplier: {multipliers}").format(
                multipliers=multipliers
            )
        if marks:
            epochs = ", ".join(i18n.number(epoch) for epoch in marks)
            tip += "\n" + self.tr(
                "Dashed lines: one more frozen layer learns from epoch {epochs}"
            ).format(epochs=epochs)
        self.setToolTip(tip)

    def _show_legend(self, others: list[float]) -> None:
        """A legend naming the groups, only while there are several."""
        plot = self.getPlotItem()
        if not others:
            if self.legend is not None:
                self.legend.setVisible(False)
            return
        if self.legend is None:
            self.legend = plot.addLegend(offset=(-4, 4), labelTextSize="7pt")
        self.legend.clear()
        self.legend.setVisible(True)
        self.legend.addItem(self.curve, "× 1")
        for multiplier in others:
            self.legend.addItem(self.group_curves[multiplier], f"× {multiplier:g}")
