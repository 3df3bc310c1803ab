"""pyqtgraph plots dressed in the application's light or dark palette."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from netstudio.gui.style import is_dark, with_alpha

#: Series colours: train, validation, learning rate (the same calm colours as the canvas).
TRAIN_COLOUR = "#4a78b0"
VAL_COLOUR = "#c46d45"
LR_COLOUR = "#5a9650"
DARK_TRAIN_COLOUR = "#7fa7db"
DARK_VAL_COLOUR = "#e59470"
DARK_LR_COLOUR = "#86c27b"


def series_colours() -> tuple[QColor, QColor, QColor]:
    """(train, validation, learning rate) colours for the current palette."""
    if is_dark():
        return QColor(DARK_TRAIN_COLOUR), QColor(DARK_VAL_COLOUR), QColor(DARK_LR_COLOUR)
    return QColor(TRAIN_COLOUR), QColor(VAL_COLOUR), QColor(LR_COLOUR)


def style_plot(plot: pg.PlotItem, x_label: str, y_label: str, small: bool = False) -> None:
    """Background, axes, grid and labels of `plot` from the application palette."""
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    view = plot.getViewBox()
    view.setBackgroundColor(base)
    widget = plot.getViewWidget()
    if widget is not None:
        widget.setBackground(base)
    font = QFont(QApplication.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() - (2.0 if small else 1.0)))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(with_alpha(text, 0.45)))
        axis.setTextPen(pg.mkPen(with_alpha(text, 0.8)))
        axis.setStyle(tickFont=font, tickTextOffset=3)
        axis.enableAutoSIPrefix(False)  # 0.001, not "1 (×0.001)"
    label_style = {"color": with_alpha(text, 0.8).name(), "font-size": f"{font.pointSizeF():.0f}pt"}
    for side, label in (("bottom", x_label), ("left", y_label)):
        if label:
            plot.setLabel(side, label, **label_style)
        else:
            plot.getAxis(side).showLabel(False)
    plot.showGrid(x=True, y=True, alpha=0.15)
