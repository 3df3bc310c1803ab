"""A crosshair readout for the plots of one view (the Curves, the Runs overlay): under the mouse, a vertical line and the values of
each curve of that plot at that point (the nearest sample), in the curves' own colours.

The plot's legend steps aside while its readout shows (the readout names the same curves in the
same colours). It costs nothing while the mouse is elsewhere: the line and the label are hidden items, and
the work happens on mouse moves over the plots only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QColor

from netstudio.gui import i18n
from netstudio.gui.style import with_alpha


@dataclass
class Series:
    """One curve's data as the readout sees it (the full data, not what is drawn)."""

    name: str
    x: np.ndarray
    y: np.ndarray
    colour: QColor


#: The series a plot shows, by plot key.
SeriesOf = Callable[[str], list[Series]]


class Crosshair(QObject):
    """Hover readout over the plots of `view` (see module docstring); `attach` after (re)building
    the plots."""

    def __init__(self, view: pg.GraphicsView, series: SeriesOf, text: QColor, base: QColor) -> None:
        super().__init__(view)
        self.view = view
        self.series = series
        self.text = text
        self.base = base
        self.plots: dict[str, pg.PlotItem] = {}
        self.lines: dict[str, pg.InfiniteLine] = {}
        self.labels: dict[str, pg.TextItem] = {}
        view.scene().sigMouseMoved.connect(self.move_to)
        view.viewport().installEventFilter(self)

    def attach(self, plots: dict[str, pg.PlotItem]) -> None:
        self.plots = dict(plots)
        self.lines.clear()
        self.labels.clear()
        pen = pg.mkPen(with_alpha(self.text, 0.45), width=1)
        for key, plot in plots.items():
            line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
            label = pg.TextItem(anchor=(0, 0), fill=pg.mkBrush(with_alpha(self.base, 0.85)))
            for item in (line, label):
                item.setZValue(20)
                item.hide()
                plot.addItem(item, ignoreBounds=True)
            self.lines[key], self.labels[key] = line, label

    def move_to(self, scene_pos: QPointF) -> None:
        """Show the readout of the plot under `scene_pos` (scene coordinates); hide the rest."""
        shown = None
        for key, plot in self.plots.items():
            box = plot.getViewBox()
            if box.sceneBoundingRect().contains(scene_pos):
                shown = key
                self._show(key, box.mapSceneToView(scene_pos).x())
        for key in self.plots:
            if key != shown:
                self._hide(key)

    def hide(self) -> None:
        for key in self.plots:
            self._hide(key)

    def _hide(self, key: str) -> None:
        self.lines[key].hide()
        self.labels[key].hide()
        self._legend(key, True)

    def _legend(self, key: str, visible: bool) -> None:
        """The readout names the curves in their colours: the legend steps aside meanwhile."""
        legend = self.plots[key].legend
        if legend is not None:
            legend.setVisible(visible)

    def readout(self, key: str, x: float) -> list[tuple[str, float, float, QColor]]:
        """(name, sample x, value, colour) of each curve of plot `key` at its sample nearest
        to `x`."""
        values = []
        for series in self.series(key):
            if not series.x.size:
                continue
            i = int(np.clip(np.searchsorted(series.x, x), 1, series.x.size - 1))
            if series.x.size == 1 or abs(series.x[i - 1] - x) <= abs(series.x[i] - x):
                i -= 1
            if np.isfinite(series.y[i]):
                values.append((series.name, float(series.x[i]), float(series.y[i]), series.colour))
        return values

    def _show(self, key: str, x: float) -> None:
        line, label = self.lines[key], self.labels[key]
        values = self.readout(key, x)
        if not values:
            self._hide(key)
            return
        at = values[0][1]  # the sample's own x: a whole epoch on the per-epoch plots
        line.setPos(at)
        epoch = self.tr("epoch {epoch}").format(epoch=_figure(at))
        rows = [f"<span style='color:{self.text.name()}'>{html.escape(epoch)}</span>"]
        rows += [
            f"<span style='color:{colour.name()}'>{html.escape(name)} {_figure(value)}</span>"
            for name, _, value, colour in values
        ]
        label.setHtml("<br>".join(rows))
        (x0, x1), (_, y1) = self.plots[key].getViewBox().viewRange()
        label.setAnchor((1, 0) if at > (x0 + x1) / 2 else (0, 0))  # away from the edge
        label.setPos(at, y1)
        line.show()
        label.show()
        self._legend(key, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.hide()
        return super().eventFilter(watched, event)


def _figure(value: float) -> str:
    """A value of the readout: four significant digits, as the locale writes them."""
    return i18n.locale().toString(float(value), "g", 4)
