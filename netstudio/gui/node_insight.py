"""What the Inspector shows under a node's parameters: its preview enlarged, and its health.

Preview: the node's output for the sample the canvas shows, every channel of it (a card shows
the first 16), with its value range and NaN/inf counts in words, and Previous/Next to show
another training sample. Health: the node's statistics epoch by epoch (activation std, zero
fraction, gradient norm, update ratio) as small curves, made once and fed with `setData`.
Its words are in the app's language (context ``NodeInsight``; the statistics' names are the
``HealthView``'s). The health curves are built when a node first has a history to show (or when
`plots` is first read): most windows never record health, and the plots are costly to build.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui.health_view import STATISTICS, HealthView, statistic_name
from netstudio.gui.preview_images import preview_image, preview_texts
from netstudio.gui.previews import CanvasPreviews
from netstudio.gui.training.plot_style import series_colours, style_plot

#: The enlarged preview's width in pixels (its height follows its shape, at most this much).
ENLARGED = 280
CURVE_HEIGHT = 70


class NodeInsight(QWidget):
    """One node's preview and health history (see module docstring)."""

    def __init__(
        self, previews: CanvasPreviews, health: HealthView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.previews, self.health = previews, health
        self.node_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.preview_box = QGroupBox(self.tr("Preview"), self)
        box = QVBoxLayout(self.preview_box)
        row = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"), self.preview_box)
        self.previous_button.setObjectName("preview_previous")
        self.previous_button.setToolTip(self.tr("Show the previous training sample on every layer"))
        self.next_button = QPushButton(self.tr("Next ▶"), self.preview_box)
        self.next_button.setObjectName("preview_next")
        self.next_button.setToolTip(self.tr("Show the next training sample on every layer"))
        self.previous_button.clicked.connect(lambda: previews.step_sample(-1))
        self.next_button.clicked.connect(lambda: previews.step_sample(1))
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        box.addLayout(row)
        self.sample_label = QLabel(self.preview_box)
        self.sample_label.setObjectName("preview_sample")
        self.sample_label.setWordWrap(True)
        box.addWidget(self.sample_label)
        self.picture = QLabel(self.preview_box)
        self.picture.setObjectName("preview_enlarged")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.picture)
        self.range_label = QLabel(self.preview_box)
        self.range_label.setObjectName("preview_range")
        self.range_label.setWordWrap(True)
        self.range_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.range_label)
        layout.addWidget(self.preview_box)

        self.health_box = QGroupBox(self.tr("Training health"), self)
        self._health_column = QVBoxLayout(self.health_box)
        self._plots: dict[str, pg.PlotWidget] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        layout.addWidget(self.health_box)
        previews.updated.connect(self.refresh)
        health.changed.connect(self.refresh)

    @property
    def plots(self) -> dict[str, pg.PlotWidget]:
        """The health curves' plots, by statistic (built on first use)."""
        if not self._plots:
            self._build_plots()
        return self._plots

    def _build_plots(self) -> None:
        curves = self._health_column
        colour = series_colours()[0]
        for key, (_, log) in STATISTICS.items():
            plot = pg.PlotWidget(self.health_box)
            plot.setObjectName(f"health_curve_{key}")
            plot.setFixedHeight(CURVE_HEIGHT)
            style_plot(plot.getPlotItem(), self.tr("epoch"), "", small=True)
            title = self.tr("{statistic} (log)") if log else "{statistic}"
            plot.setTitle(title.format(statistic=statistic_name(key)), size="8pt")
            plot.setLogMode(y=log)
            plot.setMouseEnabled(False, False)
            self.curves[key] = plot.plot(pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=4)
            self._plots[key] = plot
            curves.addWidget(plot)

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id
        self.refresh()

    def refresh(self) -> None:
        self._show_preview()
        self._show_health()

    def _show_preview(self) -> None:
        previews = self.previews
        preview = previews.previews.get(self.node_id or "")
        self.preview_box.setVisible(previews.shown)
        self.sample_label.setText(previews.sample_text or self.tr("Computing…"))
        self.sample_label.setToolTip(previews.sample_text)
        if preview is None:
            self.picture.clear()
            self.range_label.setText("")
            return
        span, alert = preview_texts(preview)
        self.range_label.setText(alert or span)
        if preview.value is None:
            self.picture.clear()
            return
        image = preview_image(preview.value, aspect=1.0, channels=None)
        pixmap = QPixmap.fromImage(image)
        scale = max(1, ENLARGED // max(image.width(), image.height(), 1))
        self.picture.setPixmap(
            pixmap.scaled(
                image.width() * scale if image.height() > 1 else ENLARGED,
                image.height() * scale if image.height() > 1 else 24,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )

    def _show_health(self) -> None:
        histories = {}
        for key, (_, log) in STATISTICS.items():
            xs, ys = self.health.history(self.node_id or "", key)
            if log:  # a log axis has no place for 0
                kept = [(x, y) for x, y in zip(xs, ys, strict=True) if y > 0]
                xs, ys = [x for x, _ in kept], [y for _, y in kept]
            histories[key] = (xs, ys)
        shown = any(xs for xs, _ in histories.values())
        if shown or self._plots:
            plots = self.plots
            for key, (xs, ys) in histories.items():
                self.curves[key].setData(xs, ys)
                plots[key].setVisible(bool(xs))
        self.health_box.setVisible(shown)
