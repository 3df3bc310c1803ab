"""The Curves panel's tools: a bar with the smoothing of the per-batch loss (TensorBoard's
0-0.99 weight of the past) and a log scale for the losses; and saving from the context menu,
the whole panel as a PNG or one plot's data as CSV (the full data, not the downsampled drawing).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QSlider, QWidget

from netstudio.gui import i18n
from netstudio.gui.dialogs import show_message

if TYPE_CHECKING:
    from netstudio.gui.training.curves import CurvesPanel

#: The smoothing at start: the weight of the past in the smoothed per-batch loss.
DEFAULT_SMOOTHING = 0.95


class CurveControls(QWidget):
    """Smoothing slider and log-scale switch; the panel listens to the two signals."""

    smoothing_changed = Signal(float)
    log_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curve_controls")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        label = QLabel(self.tr("Smoothing"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("curve_smoothing")
        self.slider.setRange(0, 99)
        self.slider.setValue(round(DEFAULT_SMOOTHING * 100))
        self.slider.setFixedWidth(110)
        self.slider.setToolTip(
            self.tr(
                "Smoothing of the per-batch loss: the weight of the past in its moving average "
                "(0 shows every batch as it is)"
            )
        )
        label.setBuddy(self.slider)
        self.value = QLabel(self)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("0.00") + 2)
        self.log = QCheckBox(self.tr("Log scale (loss)"), self)
        self.log.setObjectName("curve_log_scale")
        self.log.setToolTip(self.tr("Draw the losses on a logarithmic scale"))
        for widget in (label, self.slider, self.value, self.log):
            layout.addWidget(widget)
        self._show_value(self.slider.value())
        self.slider.valueChanged.connect(self._on_slider)
        self.log.toggled.connect(self.log_changed)

    @property
    def smoothing(self) -> float:
        return self.slider.value() / 100

    def _on_slider(self, value: int) -> None:
        self._show_value(value)
        self.smoothing_changed.emit(value / 100)

    def _show_value(self, value: int) -> None:
        self.value.setText(i18n.locale().toString(value / 100, "f", 2))


def moving_average(values: np.ndarray, smoothing: float, start: float | None = None) -> np.ndarray:
    """The exponential moving average of `values` with `smoothing` the weight of the past,
    continuing from `start` (the last smoothed value) when given; NaNs are carried over."""
    out = np.empty_like(values, dtype=float)
    ema = start
    keep = 1.0 - smoothing
    for i, value in enumerate(values.tolist()):
        if value == value:  # not NaN
            ema = value if ema is None else smoothing * ema + keep * value
        out[i] = np.nan if ema is None else ema
    return out


def write_csv(path: Path, header: Sequence[str], columns: Sequence[np.ndarray]) -> None:
    """`columns` side by side under `header`; a missing value is an empty cell."""
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for row in zip(*columns, strict=True):
            writer.writerow(["" if not np.isfinite(v) else f"{float(v):.6g}" for v in row])


class CurveMenu(QObject):
    """The Curves panel's context menu: Save Image as PNG, and the data of the plot under the
    mouse as CSV."""

    def __init__(self, panel: CurvesPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        panel.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self.menu(event.pos()).exec(event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def plot_at(self, pos: QPoint) -> str | None:
        """The key of the plot at `pos` (view coordinates), if any."""
        scene_pos = self.panel.view.mapToScene(pos)
        for key, plot in self.panel.plots.items():
            if plot.sceneBoundingRect().contains(scene_pos):
                return key
        return None

    def menu(self, pos: QPoint) -> QMenu:
        menu = QMenu(self.panel)
        menu.addAction(self.tr("Save Image as PNG…"), self.save_png)
        key = self.plot_at(pos)
        if key is not None:
            text = self.tr("Save “{plot}” Data as CSV…").format(plot=self.panel.title(key))
            action = menu.addAction(text)
            action.triggered.connect(lambda: self.save_csv(key))
        return menu

    def save_png(self, path: Path | None = None) -> bool:
        """The panel's plots as a PNG at `path` (asked for when None)."""
        panel = self.panel
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                panel, self.tr("Save the curves"), "curves.png", self.tr("PNG image (*.png)")
            )
            if not name:
                return False
            path = Path(name)
        if panel.view.grab().save(str(path), "PNG"):
            return True
        why = self.tr(
            "{path} could not be written: check that the folder exists and can be written to"
        )
        show_message(panel, self.tr("Cannot save the image"), why.format(path=path))
        return False

    def save_csv(self, plot: str, path: Path | None = None) -> bool:
        """`plot`'s full data as CSV at `path` (asked for when None)."""
        panel = self.panel
        if path is None:
            title = self.tr("Save “{plot}” data").format(plot=panel.title(plot))
            name, _ = QFileDialog.getSaveFileName(
                panel, title, f"{plot}.csv", self.tr("CSV (*.csv)")
            )
            if not name:
                return False
            path = Path(name)
        header, columns = panel.table(plot)
        try:
            write_csv(path, header, columns)
        except OSError as error:
            why = self.tr("{path}: {error}", "a file and why it could not be written")
            show_message(
                panel,
                self.tr("Cannot save the data"),
                why.format(path=path, error=error.strerror or error),
            )
            return False
        return True
