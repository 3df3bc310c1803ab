"""A small plot of the learning rate over the planned epochs, updated as the schedule changes.

The curve comes from `netstudio.training.objectives.lr_preview` (the run's own schedule code,
stepped on a dummy optimizer), computed off the GUI thread; of rapid edits only the latest is
drawn. Nothing is computed until `ready()` says PyTorch has loaded: the window loads it behind
itself on a thread of its own, and ``"torch" in sys.modules`` is true while that import is still
under way (a second thread importing a half-loaded torch can fail). `ready` says no until its
owner sets it (the window: to its analysis-ready flag), and `set_config` is called again once
it is.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from netstudio.gui.background import LatestJob
from netstudio.gui.training.plot_style import series_colours, style_plot
from netstudio.training.config import TrainingConfig

#: Batches per epoch the preview assumes (one-cycle schedules step per batch).
PREVIEW_STEPS = 10


def compute_preview(config: TrainingConfig) -> np.ndarray:
    """The learning rate at the start of each epoch (on a worker thread: uses torch)."""
    from netstudio.training.objectives import lr_preview

    steps = PREVIEW_STEPS if config.epochs <= 500 else 1
    return np.asarray(lr_preview(config, steps_per_epoch=steps), dtype=float)


class LrPreview(pg.PlotWidget):
    """The preview plot (see module docstring); `rates` holds the curve drawn last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lr_preview")
        self.setFixedHeight(120)
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        style_plot(self.getPlotItem(), "epoch", "", small=True)
        self.getPlotItem().setTitle("Learning rate per epoch", size="8pt")
        self.curve = self.plot([], [], pen=pg.mkPen(series_colours()[2], width=2))
        self.jobs = LatestJob(self)
        self.rates: np.ndarray | None = None
        self._shown: str | None = None
        #: Whether torch may be imported now (see module docstring).
        self.ready: Callable[[], bool] = lambda: False

    def set_config(self, config: TrainingConfig) -> None:
        """Draw the curve for `config`; nothing until `ready()` (call again once it is)."""
        key = config.model_dump_json(include={"optimizer", "schedule", "epochs"})
        if key == self._shown or not self.ready():
            return
        self._shown = key
        self.jobs.submit(lambda: compute_preview(config), self._show)

    def _show(self, rates: np.ndarray) -> None:
        self.rates = rates
        self.curve.setData(np.arange(1, len(rates) + 1), rates)
        self.setToolTip(
            f"Learning rate from {rates[0]:.3g} to {rates[-1]:.3g} over {len(rates)} epochs"
            if len(rates)
            else ""
        )
