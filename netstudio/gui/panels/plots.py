"""pyqtgraph plots that look like the rest of the window: palette colours, small fonts, one
colour per class (the same class has the same colour in every plot), bar charts with names."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from netstudio.gui.locale_axis import locale_axes

#: Calm, distinct colours for classes and runs (Tableau 10), reused in order.
SERIES_COLOURS = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
    "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


#: A plot's smallest size (width, height) in pixels.
PLOT_MINIMUM = (120, 90)


def series_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])


def make_plot(parent: QWidget | None = None, *, x: str = "", y: str = "") -> pg.PlotWidget:
    """A plot on the palette's base colour with muted axes and optional axis labels."""
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    # Without menus from the start: building the view's menu, only to drop it, is a third of
    # a plot's cost.
    widget = pg.PlotWidget(parent, background=base, enableMenu=False, axisItems=locale_axes())
    widget.setMinimumSize(*PLOT_MINIMUM)
    plot = widget.getPlotItem()
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    muted = QColor(text)
    muted.setAlphaF(0.7)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(muted)
        axis.setPen(muted)
        axis.setTickFont(font)
    style = {"color": muted.name(), "font-size": f"{font.pointSizeF():.0f}pt"}
    if x:
        plot.setLabel("bottom", x, **style)
    if y:
        plot.setLabel("left", y, **style)
    return widget


def set_bars(
    widget: pg.PlotWidget, values: Sequence[float], names: Sequence[str], coloured: bool = True
) -> pg.BarGraphItem:
    """Replace the plot's content with one bar per value, named on the x axis."""
    plot = widget.getPlotItem()
    plot.clear()
    brushes = [series_colour(i) if coloured else series_colour(0) for i in range(len(values))]
    bars = pg.BarGraphItem(
        x=list(range(len(values))), height=list(values), width=0.75, brushes=brushes, pen=None
    )
    plot.addItem(bars)
    step = max(1, len(names) // 12)
    ticks = [(i, str(names[i])[:10]) for i in range(0, len(names), step)]
    plot.getAxis("bottom").setTicks([ticks])
    plot.setXRange(-0.6, len(values) - 0.4, padding=0)
    plot.setYRange(0, max(values, default=1) * 1.08 or 1, padding=0)
    return bars
