"""Training health on the canvas: node cards coloured by a statistic, with the number written.

`HealthView` keeps the health of the run on show: the one training now (its epochs arrive from
the session), the one that just ended, or one opened from the Runs table (read from its
health.json). View > Colour Nodes By… picks the statistic (`STATISTICS`); every node card that
has it gets a badge of its colour with its value written on it, and says it in words on hover:
never colour alone. A legend in the canvas's corner says what the colours mean. The warnings
go to the Training health list (`health_list`); the Inspector draws a node's history.

Its words are in the app's language (context ``HealthView``): the statistics' names, the
values (the locale's numbers), the legend and the cards' tooltips.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.preview_images import significant

if TYPE_CHECKING:
    from netstudio.gui.canvas.scene import CanvasScene
    from netstudio.training.health_records import EpochHealth, HealthWarning, NodeStats

#: The statistics a card can be coloured by: key, name (English: `statistic_name` says it in
#: the app's language), and whether it spans decades (coloured on a log scale).
STATISTICS: dict[str, tuple[str, bool]] = {
    "std": (QT_TRANSLATE_NOOP("HealthView", "Activation std"), True),
    "zeros": (QT_TRANSLATE_NOOP("HealthView", "Zero fraction"), False),
    "grad_norm": (QT_TRANSLATE_NOOP("HealthView", "Gradient norm"), True),
    "update_ratio": (QT_TRANSLATE_NOOP("HealthView", "Update ratio"), True),
}
#: Each statistic's name in the middle of a sentence ("Nodes coloured by zero fraction").
IN_SENTENCE = {
    "std": QT_TRANSLATE_NOOP("HealthView", "activation std"),
    "zeros": QT_TRANSLATE_NOOP("HealthView", "zero fraction"),
    "grad_norm": QT_TRANSLATE_NOOP("HealthView", "gradient norm"),
    "update_ratio": QT_TRANSLATE_NOOP("HealthView", "update ratio"),
}
translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
#: The colour scale, low to high (viridis' ends and middle: readable in grey too).
SCALE = ("#440154", "#21918c", "#fde725")


def statistic_name(key: str) -> str:
    """Statistic `key`'s name (a title, a curve's), in the app's language."""
    return translate("HealthView", STATISTICS[key][0])


def stat_text(key: str, value: float) -> str:
    """A statistic's value as a card writes it: ``92 %`` for the zero fraction, else 2
    significant figures, in the locale's numbers."""
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else "inf"
    if key == "zeros":
        return translate("HealthView", "{percent} %").format(
            percent=i18n.number(round(value * 100))
        )
    return significant(value, 2)


def scale_colour(t: float) -> QColor:
    """The colour at `t` (0..1) of `SCALE`."""
    t = min(1.0, max(0.0, t))
    low, high = (SCALE[0], SCALE[1]) if t < 0.5 else (SCALE[1], SCALE[2])
    u = t * 2 if t < 0.5 else t * 2 - 1
    a, b = QColor(low), QColor(high)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * u,
        a.greenF() + (b.greenF() - a.greenF()) * u,
        a.blueF() + (b.blueF() - a.blueF()) * u,
    )


def legend_corner(legend: QWidget) -> QPoint:
    """The top left of the canvas's visible area in the legend's parent (the view: not its
    viewport, whose children scroll with the scene)."""
    parent = legend.parentWidget()
    viewport = getattr(parent, "viewport", None)
    return viewport().pos() if callable(viewport) else QPoint(0, 0)


class HealthView(QObject):
    """The run's health on show, and the canvas's colouring by it (see module docstring)."""

    #: The health on show changed (a new epoch, another run): lists and curves redraw.
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.epochs: list[EpochHealth] = []
        self.warnings: list[HealthWarning] = []
        #: Where the health on show comes from ("" when none): for the list's heading.
        self.source = ""
        #: The statistic the cards are coloured by (None: not coloured).
        self.colour_by: str | None = None
        self.scene: CanvasScene | None = None
        self.legend: QLabel | None = None
        #: The colouring's range (low, high) as the legend shows it.
        self.span: tuple[float, float] | None = None

    # --- what it shows -------------------------------------------------------------------------

    def set_scene(self, scene: CanvasScene, legend_parent: QWidget) -> None:
        """Colour the cards of `scene` (another project: nothing on show until it trains)."""
        self.scene = scene
        if self.legend is None:
            self.legend = QLabel(legend_parent)
            self.legend.setObjectName("health_legend")
            self.legend.setAutoFillBackground(True)
            self.legend.setMargin(4)
            self.legend.hide()
        self.show([], [], "")

    def show(
        self, epochs: Sequence[EpochHealth], warnings: Sequence[HealthWarning], source: str
    ) -> None:
        self.epochs, self.warnings, self.source = list(epochs), list(warnings), source
        self.recolour()
        self.changed.emit()

    def add_epochs(self, metrics: Sequence[Any], source: str) -> None:
        """Epochs of the run training now (EpochMetrics; those without health are skipped)."""
        found = [m.health for m in metrics if getattr(m, "health", None) is not None]
        if not found:
            return
        self.show([*self.epochs, *found], list(found[-1].warnings), source)

    def start_run(self) -> None:
        """A run starts: the health of the one before is no longer on show."""
        self.show([], [], "")

    def show_result(self, result: Any, source: str) -> None:
        """A run that ended (its RunResult): its health, and the warnings as they stood."""
        if result.health:
            self.show(result.health, result.health_warnings, source)

    def load_run(self, run_dir: Path | None, source: str) -> None:
        """A run opened from the Runs table: its health.json, if it recorded health."""
        from netstudio.training.health_records import EpochHealth, HealthWarning

        if run_dir is None:
            return self.show([], [], "")
        try:
            data = json.loads((run_dir / "health.json").read_text(encoding="utf-8"))
            epochs = [EpochHealth.from_dict(e) for e in data.get("epochs") or []]
            warnings = [HealthWarning.from_dict(w) for w in data.get("warnings") or []]
        except (OSError, ValueError, KeyError, TypeError):
            epochs, warnings = [], []  # the run recorded no health (or its file is damaged)
        self.show(epochs, warnings, source)
        return None

    def history(self, node_id: str, key: str) -> tuple[list[int], list[float]]:
        """A node's statistic epoch by epoch (the epochs that have it)."""
        xs, ys = [], []
        for epoch in self.epochs:
            stats = epoch.nodes.get(node_id)
            value = getattr(stats, key, None) if stats is not None else None
            if value is not None:
                xs.append(epoch.epoch)
                ys.append(float(value))
        return xs, ys

    def latest(self, node_id: str) -> NodeStats | None:
        """A node's statistics in the newest epoch that recorded any."""
        for epoch in reversed(self.epochs):
            if node_id in epoch.nodes:
                return epoch.nodes[node_id]
        return None

    # --- colouring -----------------------------------------------------------------------------

    def set_colour_by(self, key: str | None) -> None:
        """Colour the cards by statistic `key` (one of `STATISTICS`; None: no colours)."""
        self.colour_by = key
        self.recolour()

    def recolour(self) -> None:
        scene, key = self.scene, self.colour_by
        if scene is None:
            return
        values: dict[str, float] = {}
        if key is not None:
            for node_id in scene.nodes:
                stats = self.latest(node_id)
                value = getattr(stats, key, None) if stats is not None else None
                if value is not None:
                    values[node_id] = float(value)
        log = STATISTICS[key][1] if key in STATISTICS else False
        label = statistic_name(key) if key in STATISTICS else ""
        finite = [v for v in values.values() if math.isfinite(v) and (v > 0 or not log)]
        if key == "zeros":
            low, high = 0.0, 1.0
        elif finite:
            low, high = min(finite), max(finite)
        else:
            low = high = 0.0
        self.span = (low, high) if values else None

        def position(value: float) -> float:
            if not math.isfinite(value):
                return 1.0
            if log:
                if value <= 0 or low <= 0:
                    return 0.0
                a, b, v = math.log10(low), math.log10(high), math.log10(value)
            else:
                a, b, v = low, high, value
            return 0.5 if b <= a else (v - a) / (b - a)

        for node_id, item in scene.nodes.items():
            value = values.get(node_id)
            if value is None:
                item.set_health(None)
                continue
            text = stat_text(key or "", value)
            tip = self.tr("{statistic}: {value}", "a card's tooltip").format(
                statistic=label, value=text
            )
            item.set_health(scale_colour(position(value)), text, tip)
        self._draw_legend(label, log)

    def _draw_legend(self, label: str, log: bool) -> None:
        legend = self.legend
        if legend is None:
            return
        if self.span is None or self.colour_by is None:
            legend.hide()
            return
        low, high = self.span
        key = self.colour_by
        bar = QPixmap(120, 10)
        painter = QPainter(bar)
        gradient = QLinearGradient(0, 0, 120, 0)
        for i, colour in enumerate(SCALE):
            gradient.setColorAt(i / (len(SCALE) - 1), QColor(colour))
        painter.fillRect(bar.rect(), gradient)
        painter.end()
        named = translate("HealthView", IN_SENTENCE[key])
        if log:
            tip = self.tr("Nodes coloured by {statistic} (log scale): the newest epoch's values")
            # The bar sits on the empty line between the name and the numbers at its two ends.
            text = self.tr("<b>{statistic}</b> (log scale)<br><br>{low} … {high}")
        else:
            tip = self.tr("Nodes coloured by {statistic}: the newest epoch's values")
            text = self.tr("<b>{statistic}</b><br><br>{low} … {high}")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setToolTip(tip.format(statistic=named))
        legend.setText(
            text.format(statistic=label, low=stat_text(key, low), high=stat_text(key, high))
        )
        bar_label = legend.findChild(QLabel, "health_legend_bar") or QLabel(legend)
        bar_label.setObjectName("health_legend_bar")
        bar_label.setPixmap(bar)
        legend.adjustSize()
        legend.resize(max(legend.width(), 136), legend.height())
        bar_label.setGeometry(8, legend.height() // 2 - 5, 120, 10)
        corner = legend_corner(legend)
        legend.move(corner.x() + 12, corner.y() + 12)
        legend.show()
        legend.raise_()
