"""The Curves panel: a run's loss, accuracy and learning rate, drawn live.

Four plots side by side: the training loss of every batch (faint) with its exponential moving
average, the training and validation loss per epoch, the accuracies per epoch, and the
learning rate. The curves are created once; metrics go into growing numpy buffers and a
single-shot timer redraws (`setData`) when something arrived, at most `REDRAW_HZ` times a second:
in the same wake-up of the GUI thread as the update it draws (every wake-up during a run takes
the interpreter from the training thread), and never while nothing arrives. The
plots downsample by peaks and clip to the view, so a run of 100,000 batches draws as fast as a
short one. A run's curves stay after it ends (failed runs included) until the next starts, or
until the window shows another project (`TrainingSession.document_changed`: it opens clean).

Gradual unfreezing (`fine_tuning.unfreeze_every`) is marked where it happened: an epoch that
arrives with `EpochMetrics.unfrozen` gets a dashed vertical line at its x on the loss and accuracy
plots (its point is the first one the newly learning layers moved), labelled with the nodes'
names in the open project ("unfroze conv2"; the id when no node has it), in the style's muted
colour. The markers go with the curves: cleared when a run starts or another project is shown.
This panel shows only the live (or last) run; stored runs are drawn by the Runs panel.

A GAN run (task "gan", `GanEpochMetrics`) draws the discriminator's and the generator's loss on
the epoch loss plot and D(x) / D(G(z)) (probabilities, 0..1) on the next one, in place of the
train/validation curves (its "train loss" is the generator's), with the plots' titles and
legends saying so; in place of the learning-rate plot (each network has its own fixed rate), the
grid of samples of the GAN's fixed noise batch that the epoch drew (`GanEpochMetrics.samples`)
is shown, replaced after every epoch.

The axes are not auto-ranged on every update (redrawing the axes was most of a plot's cost):
x spans the planned epochs from the start, y runs from 0 (or the lowest value, if negative) to
the highest value seen, growing only when a value goes beyond it; accuracy is 0..1. The axes
(with their grid lines) and titles are cached as pixmaps, re-rendered only when their range
changes: a repaint then blits them instead of drawing every tick label again (about 20 ms down
to 2 ms per repaint of the four plots). Nothing is redrawn while the panel is hidden (another
tab in front of it); it catches up when shown. The plots themselves are built when the panel is
first on screen (`when_first_shown`; or when `plots` / `curves` are first read): they are a good
part of the window's building time, and most windows are never trained in. Until then the
buffers, the planned epochs, the y extents, the run kind and the unfreezings are kept, and the
plots are built from them.

The tools (`curve_tools`, `panels.crosshair`): a smoothing slider for the per-batch loss, a log
scale for the losses, a crosshair readout under the mouse, and Save as PNG / CSV in the context
menu.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui.document import Document
from netstudio.gui.locale_axis import locale_axes
from netstudio.gui.panels.crosshair import Crosshair, Series
from netstudio.gui.panels.first_shown import when_first_shown
from netstudio.gui.style import CanvasTheme, with_alpha
from netstudio.gui.training.curve_tools import (
    DEFAULT_SMOOTHING,
    CurveControls,
    CurveMenu,
    moving_average,
)
from netstudio.gui.training.plot_style import series_colours, style_plot
from netstudio.gui.training.session import TrainingSession
from netstudio.training.gan_records import GanEpochMetrics
from netstudio.training.results import BatchMetrics, EpochMetrics

#: At most this many redraws a second: twice the worker's rate (`BATCH_INTERVAL`), so that each
#: update is drawn as it arrives, while bursts (a pause, the end of a run) are still throttled.
REDRAW_HZ = 10
#: Runs of up to this many epochs mark each epoch's value with a dot; longer runs draw plain
#: lines (the dots would merge into a thick line, and redrawing them costs more than the lines).
MARKED_EPOCHS = 40
#: A GAN's figures per epoch: (buffer and `GanEpochMetrics` field, name in legends, plot).
GAN_CURVES = (
    ("d_loss", "D loss", "loss"),
    ("g_loss", "G loss", "loss"),
    ("d_real", "D(x)", "accuracy"),
    ("d_fake", "D(G(z))", "accuracy"),
)
#: The curves a GAN run has no values for (its train loss is the G loss, drawn as such).
NOT_GAN = ("train_loss", "val_loss", "train_acc", "val_acc")
EPOCH_CURVES = (*NOT_GAN, *(name for name, _, _ in GAN_CURVES))
#: Each plot's series: (name in legends and readouts, buffer, column name in a CSV export).
#: The names are English, translated where shown (context "CurvesPanel"); the CSV columns stay
#: English: a file's header is read by scripts.
SERIES = {
    "batch": (
        (QT_TRANSLATE_NOOP("CurvesPanel", "loss"), "batch_loss", "loss"),
        (QT_TRANSLATE_NOOP("CurvesPanel", "smoothed"), "smoothed", "smoothed loss"),
    ),
    "loss": (
        (QT_TRANSLATE_NOOP("CurvesPanel", "train"), "train_loss", "train loss"),
        (QT_TRANSLATE_NOOP("CurvesPanel", "validation"), "val_loss", "validation loss"),
        (QT_TRANSLATE_NOOP("CurvesPanel", "D loss"), "d_loss", "D loss"),
        (QT_TRANSLATE_NOOP("CurvesPanel", "G loss"), "g_loss", "G loss"),
    ),
    "accuracy": (
        (QT_TRANSLATE_NOOP("CurvesPanel", "train"), "train_acc", "train accuracy"),
        (QT_TRANSLATE_NOOP("CurvesPanel", "validation"), "val_acc", "validation accuracy"),
        ("D(x)", "d_real", "D(x)"),  # formulas: the same in every language
        ("D(G(z))", "d_fake", "D(G(z))"),
    ),
    "lr": ((QT_TRANSLATE_NOOP("CurvesPanel", "learning rate"), "lr", "learning rate"),),
}
TITLES = {
    "batch": QT_TRANSLATE_NOOP("CurvesPanel", "Training loss per batch"),
    "loss": QT_TRANSLATE_NOOP("CurvesPanel", "Loss per epoch"),
    "accuracy": QT_TRANSLATE_NOOP("CurvesPanel", "Accuracy per epoch"),
    "lr": QT_TRANSLATE_NOOP("CurvesPanel", "Learning rate"),
}
#: The titles a GAN run gives its epoch plots.
GAN_TITLES = {
    "loss": QT_TRANSLATE_NOOP("CurvesPanel", "D and G loss per epoch"),
    "accuracy": QT_TRANSLATE_NOOP("CurvesPanel", "D(x) and D(G(z)) per epoch"),
}
#: Each plot's y axis label (x is always the epoch).
Y_LABELS = {
    "batch": QT_TRANSLATE_NOOP("CurvesPanel", "loss"),
    "loss": QT_TRANSLATE_NOOP("CurvesPanel", "loss"),
    "accuracy": QT_TRANSLATE_NOOP("CurvesPanel", "accuracy"),
    "lr": QT_TRANSLATE_NOOP("CurvesPanel", "learning rate"),
}
#: The side of the shown sample grid, in pixels.
SAMPLES_SIZE = 168
#: The plots the log-scale switch applies to.
LOSS_PLOTS = ("batch", "loss")
#: The plots that mark the epochs at which gradual unfreezing set more layers learning.
UNFREEZING_PLOTS = ("loss", "accuracy")


class Buffer:
    """x and y values that grow at the end; the arrays double when full (amortised O(1))."""

    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity)
        self._y = np.empty(capacity)
        self.size = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Append the points `x`, `y` (equal lengths; NaN where a value is missing)."""
        end = self.size + len(x)
        if end > len(self._x):
            capacity = max(end, 2 * len(self._x))
            self._x = np.concatenate([self._x[: self.size], np.empty(capacity - self.size)])
            self._y = np.concatenate([self._y[: self.size], np.empty(capacity - self.size)])
        self._x[self.size : end] = x
        self._y[self.size : end] = y
        self.size = end

    def clear(self) -> None:
        self.size = 0

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.size]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.size]


class CurvesPanel(QWidget):
    """The live curves of the session's current (or last) run (see module docstring)."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curves_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.controls = CurveControls(self)
        self.controls.smoothing_changed.connect(self.set_smoothing)
        self.controls.log_changed.connect(self.set_log_scale)
        layout.addWidget(self.controls)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("curves_view")
        self.view.ci.setContentsMargins(4, 4, 4, 4)
        self.view.ci.setSpacing(6)
        row.addWidget(self.view, 1)
        #: The latest epoch's sample grid of a GAN run (hidden for other runs).
        self.samples = QLabel(self)
        self.samples.setObjectName("curves_gan_samples")
        self.samples.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.samples.setFixedWidth(SAMPLES_SIZE + 8)
        self.samples.hide()
        row.addWidget(self.samples)
        #: The path of the grid shown (None: none yet).
        self.samples_path: Path | None = None
        #: Whether the run shown is a GAN's (its titles, legends and sample grid).
        self.gan = False
        names = ("batch_loss", "smoothed", "train_loss", "val_loss", "train_acc", "val_acc", "lr")
        names += tuple(name for name, _, _ in GAN_CURVES)
        self.buffers = {name: Buffer() for name in names}
        self.smoothing = DEFAULT_SMOOTHING
        self.log_scale = False
        self._epochs = 1
        self._ema: float | None = None
        self._dirty: set[str] = set()
        #: Each plot's y extent seen so far: lowest (at most 0), highest, lowest above 0.
        self._y: dict[str, tuple[float, float, float | None]] = {}
        #: The plots and curves, once built (see `plots` and `curves`).
        self._plots: dict[str, pg.PlotItem] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._built = False
        #: The run's unfreezings so far: (epoch, label), and their lines on `UNFREEZING_PLOTS`.
        self.unfreezings: list[tuple[int, str]] = []
        self.markers: list[pg.InfiniteLine] = []
        #: The project shown: the names of the nodes an unfreezing marker is labelled with.
        self.document: Document | None = None
        text = self.palette().text().color()
        self.crosshair = Crosshair(self.view, self.series, text, text)
        self.menu = CurveMenu(self)
        self._first_shown = when_first_shown(self, self._build)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.redraw)
        self._drawn_at = 0.0
        self.session = session
        session.running_changed.connect(self._on_running)
        session.run_started.connect(lambda info: self.set_epochs(info.epochs))
        session.batches_ended.connect(self.add_batches)
        session.epochs_ended.connect(self.add_epochs)
        session.document_changed.connect(self._on_document)

    # --- building ------------------------------------------------------------------------------

    @property
    def plots(self) -> dict[str, pg.PlotItem]:
        """The four plots by key (`TITLES`), built on first use."""
        self._ensure_built()
        return self._plots

    @property
    def curves(self) -> dict[str, pg.PlotDataItem]:
        """Each buffer's curve by the buffer's name, built on first use."""
        self._ensure_built()
        return self._curves

    def _ensure_built(self) -> None:
        if not self._built:
            self._first_shown.build()

    def _build(self) -> None:
        """(Re)build the plots and curves from what the panel holds, in the palette's colours."""
        self._built = True
        self.view.ci.clear()
        self._plots.clear()
        self._curves.clear()
        base = self.palette().color(self.backgroundRole())
        self.view.setBackground(base)
        train, val, lr = series_colours()
        for column, (key, title) in enumerate(TITLES.items()):
            plot = self.view.addPlot(row=0, col=column, enableMenu=False, axisItems=locale_axes())
            plot.setTitle(self.tr(title), size="9pt", color=self.palette().text().color().name())
            style_plot(plot, self.tr("epoch"), self.tr(Y_LABELS[key]), small=True)
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.hideButtons()
            plot.disableAutoRange()
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 1, padding=0.04)
            cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
            for item in (plot.getAxis("left"), plot.getAxis("bottom"), plot.titleLabel):
                item.setCacheMode(cached)
            self._plots[key] = plot
        for key in ("batch", "loss", "accuracy"):
            # Losses fall and accuracy rises: each legend sits where its curves are not.
            offset = (-4, -4) if key == "accuracy" else (-4, 4)
            legend = self._plots[key].addLegend(offset=offset, labelTextSize="8pt")
            legend.setBrush(with_alpha(base, 0.7))
        faint = with_alpha(train, 0.3)
        batch, smoothed = self.tr("batch"), self.tr("smoothed")
        train_name, val_name = self.tr("train"), self.tr("validation")
        self._curves["batch_loss"] = self._curve("batch", faint, 1, batch)
        self._curves["smoothed"] = self._curve("batch", train, 2, smoothed)
        self._curves["train_loss"] = self._curve("loss", train, 2, train_name, symbol=True)
        self._curves["val_loss"] = self._curve("loss", val, 2, val_name, symbol=True)
        self._curves["train_acc"] = self._curve("accuracy", train, 2, train_name, symbol=True)
        self._curves["val_acc"] = self._curve("accuracy", val, 2, val_name, symbol=True)
        self._curves["lr"] = self._curve("lr", lr, 2, None)
        for (name, _, plot), colour in zip(GAN_CURVES, (val, train, train, val), strict=True):
            self._curves[name] = self._curve(plot, colour, 2, None, symbol=True)
        self._show_gan(self.gan)
        self._apply_epochs()
        for key in self._plots:
            if key in LOSS_PLOTS:
                self._set_log(key)  # and its y range
            else:
                self._apply_y(key)
        self._dirty = set(self.buffers)
        self.crosshair.text = self.palette().text().color()
        self.crosshair.base = base
        self.crosshair.attach(self._plots)
        self.markers = []
        for epoch, label in self.unfreezings:
            self._add_markers(epoch, label)
        self.redraw()  # what arrived before

    def _curve(
        self, plot: str, colour: QColor, width: int, name: str | None, symbol: bool = False
    ) -> pg.PlotDataItem:
        pen = pg.mkPen(colour, width=width)
        options = {"symbol": "o", "symbolSize": 5, "symbolBrush": colour, "symbolPen": None}
        return self._plots[plot].plot([], [], pen=pen, name=name, **(options if symbol else {}))

    def _show_gan(self, gan: bool) -> None:
        """Title and legend the epoch plots for a GAN run (its four figures) or any other."""
        self.gan = gan
        if not gan:
            self.samples.hide()
        if not self._built:
            return  # `_build` titles them
        for key in GAN_TITLES:
            title = self.tr(GAN_TITLES[key] if gan else TITLES[key])
            self.plots[key].setTitle(title, size="9pt", color=self.palette().text().color().name())
            legend = self.plots[key].legend
            for label, buffer, _ in SERIES[key]:
                legend.removeItem(self.curves[buffer])
                if (buffer in NOT_GAN) != gan:
                    legend.addItem(self.curves[buffer], self.tr(label))
        y_label = self.tr("probability") if gan else self.tr(Y_LABELS["accuracy"])
        self.plots["accuracy"].getAxis("left").setLabel(y_label)
        # Two optimizers at their own fixed rates: the sample grid takes the rate plot's place.
        rate, layout = self.plots["lr"], self.view.ci
        if gan and rate in layout.items:
            layout.removeItem(rate)
        elif not gan and rate not in layout.items:
            layout.addItem(rate, row=0, col=len(TITLES) - 1)

    def _show_samples(self, path: Path) -> None:
        """Show the sample grid at `path` (a PNG the run wrote), scaled to the panel's size."""
        picture = QPixmap(str(path))
        if picture.isNull():
            return
        self.samples_path = path
        self.samples.setPixmap(
            picture.scaled(
                SAMPLES_SIZE,
                SAMPLES_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,  # pixels stay sharp
            )
        )
        epoch = path.stem.rsplit("_", 1)[-1].lstrip("0")
        self.samples.setToolTip(self.tr("The samples of epoch {epoch}").format(epoch=epoch))
        self.samples.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.redraw()  # what arrived while hidden

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._built:
            self._build()
        super().changeEvent(event)

    # --- data ----------------------------------------------------------------------------------

    def clear(self) -> None:
        for buffer in self.buffers.values():
            buffer.clear()
        for key in UNFREEZING_PLOTS if self._built else ():
            plot = self._plots[key]
            for line in self.markers:
                if line in plot.items:
                    plot.removeItem(line)
        self.markers = []
        self.unfreezings = []
        self._ema = None
        self._y.clear()
        self._dirty = set(self.buffers)
        self.samples_path = None
        self.samples.clear()
        self.samples.hide()

    def reset(self) -> None:
        """No run: empty curves on the axes of a fresh panel (another project is shown)."""
        self.clear()
        self.set_epochs(1)
        for plot in self._plots.values():
            plot.setYRange(0, 1, padding=0.04)
        self.redraw()  # now if shown, else when shown

    def set_epochs(self, epochs: int) -> None:
        """Span the x axes over the planned epochs (fixed for the run: no axis redraws), and
        mark the epochs with dots when they are few."""
        self._epochs = epochs
        self._apply_epochs()

    def _apply_epochs(self) -> None:
        """The planned epochs on the plots, once built."""
        epochs = self._epochs
        for plot in self._plots.values():
            plot.setXRange(0, max(1, epochs), padding=0.02)
        symbol = "o" if epochs <= MARKED_EPOCHS else None
        for name in EPOCH_CURVES if self._built else ():
            curve = self._curves[name]
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)

    def _on_document(self, document: Document | None) -> None:
        self.document = document
        self.reset()

    def _on_running(self, running: bool) -> None:
        if running:
            self.clear()
            config = self.session.config
            if config is not None:  # now, before the run starts, not as it starts
                self.set_epochs(config.epochs)
            self._show_gan(config is not None and config.task == "gan")
        else:
            self.redraw()

    def add_batches(self, batches: list[BatchMetrics]) -> None:
        if not batches:
            return
        x = np.array([m.epoch - 1 + m.batch / max(1, m.batches) for m in batches])
        loss = np.array([m.loss for m in batches], dtype=float)
        lr = np.array([m.lr for m in batches], dtype=float)
        smoothed = moving_average(loss, self.smoothing, self._ema)
        self._ema = _last_finite(smoothed, self._ema)
        b = self.buffers
        b["batch_loss"].extend(x, loss)
        b["smoothed"].extend(x, smoothed)
        b["lr"].extend(x, lr)
        self._dirty |= {"batch_loss", "smoothed", "lr"}
        self._grow("batch", loss)
        self._grow("lr", lr)
        self._schedule()

    def add_epochs(self, epochs: list[EpochMetrics]) -> None:
        if not epochs:
            return
        x = np.array([m.epoch for m in epochs], dtype=float)
        columns = {
            name: np.array([np.nan if v is None else v for v in values], dtype=float)
            for name, values in (
                ("train_loss", [m.train_loss for m in epochs]),
                ("val_loss", [m.val_loss for m in epochs]),
                ("train_acc", [m.train_accuracy for m in epochs]),
                ("val_acc", [m.val_accuracy for m in epochs]),
            )
        }
        gan = [m for m in epochs if isinstance(m, GanEpochMetrics)]
        if gan:
            if not self.gan:
                self._show_gan(True)
            for name in NOT_GAN:  # the G loss is drawn as such
                columns[name] = np.full(len(epochs), np.nan)
            for name, _, _ in GAN_CURVES:
                columns[name] = np.array([getattr(m, name, np.nan) for m in epochs], dtype=float)
            shown = [m.samples for m in gan if m.samples is not None]
            if shown:
                self._show_samples(Path(shown[-1]))
        for name, y in columns.items():
            self.buffers[name].extend(x, y)
        self._dirty |= set(columns)
        losses = [
            columns[n] for n in ("train_loss", "val_loss", "d_loss", "g_loss") if n in columns
        ]
        self._grow("loss", np.concatenate(losses))
        self._grow("accuracy", np.array([0.0, 1.0]))
        for metrics in epochs:
            if metrics.unfrozen:
                self.mark_unfreezing(metrics.epoch, metrics.unfrozen)
        self._schedule()

    def mark_unfreezing(self, epoch: int, node_ids: tuple[str, ...]) -> None:
        """Mark `epoch` (1-based), at whose start the nodes `node_ids` began to learn."""
        names = ", ".join(self._node_name(node_id) for node_id in node_ids)
        label = self.tr("unfroze {nodes}", "gradual unfreezing: layers that began to learn")
        label = label.format(nodes=names)
        self.unfreezings.append((epoch, label))
        self._add_markers(epoch, label)

    def _node_name(self, node_id: str) -> str:
        graph = self.document.graph if self.document is not None else None
        return graph.node(node_id).name if graph is not None and node_id in graph else node_id

    def _add_markers(self, epoch: int, label: str) -> None:
        """A dashed line at `epoch` on each of `UNFREEZING_PLOTS`, `label` written up along its
        left side from the top, on a veil of the background so that it reads over curves and
        legends. Before the plots are built, nothing: `_build` adds the markers of
        `unfreezings`."""
        if not self._built:
            return
        muted = CanvasTheme.from_palette(self.palette()).muted
        veil = pg.mkBrush(with_alpha(self.palette().color(self.backgroundRole()), 0.75))
        pen = pg.mkPen(muted, width=1, style=Qt.PenStyle.DashLine)
        # Text turned a quarter left: its right end at the top, its bottom edge on the line.
        options = {"position": 0.97, "color": muted, "angle": 90, "anchors": [(1, 1), (1, 1)]}
        for key in UNFREEZING_PLOTS:
            line = pg.InfiniteLine(
                epoch, angle=90, movable=False, pen=pen, label=label, labelOpts=options
            )
            line.label.fill = veil
            line.setZValue(15)  # over the legend, under the crosshair's readout
            self.plots[key].addItem(line, ignoreBounds=True)
            self.markers.append(line)

    def _grow(self, plot: str, values: np.ndarray) -> None:
        """Widen `plot`'s y range to take in `values` (it never shrinks during a run)."""
        finite = values[np.isfinite(values)]
        if not finite.size:
            return
        positive = finite[finite > 0]
        low, high = min(0.0, float(finite.min())), float(finite.max())
        least = float(positive.min()) if positive.size else None
        old = self._y.get(plot)
        if old is not None:
            known = least is None or (old[2] is not None and old[2] <= least)
            if old[0] <= low and high <= old[1] and known:
                return
            low, high = min(low, old[0]), max(high, old[1])
            least = min((v for v in (least, old[2]) if v is not None), default=None)
        self._y[plot] = (low, high, least)
        self._apply_y(plot)

    def _apply_y(self, plot: str) -> None:
        """Set `plot`'s y range from what it has seen (in log10 units on a log scale)."""
        extent = self._y.get(plot)
        if extent is None or not self._built:
            return
        low, high, least = extent
        if self.log_scale and plot in LOSS_PLOTS:
            if least is None:
                return
            low, high = np.log10(least), np.log10(max(high, least))
        self.plots[plot].setYRange(low, high if high > low else low + 1, padding=0.04)

    def _schedule(self) -> None:
        """Redraw once the updates queued now are all in, or when `REDRAW_HZ` allows."""
        if not self.timer.isActive():
            wait = self._drawn_at + 1 / REDRAW_HZ - time.perf_counter()
            self.timer.start(max(0, round(wait * 1000)))

    def redraw(self) -> None:
        """Copy the buffers that changed into their curves (nothing when none did, while the
        panel is hidden, or before its plots are built)."""
        if not self._dirty or not self.isVisible() or not self._built:
            return
        self._drawn_at = time.perf_counter()
        dirty, self._dirty = self._dirty, set()
        for name in dirty:
            buffer = self.buffers[name]
            x, y = buffer.x, buffer.y
            if name in EPOCH_CURVES and np.isnan(y).all():
                x, y = x[:0], y[:0]
            self.curves[name].setData(x, y)  # a missing value is left out, its neighbours joined

    # --- the tools -----------------------------------------------------------------------------

    def set_smoothing(self, smoothing: float) -> None:
        """Smooth the per-batch loss with `smoothing` (0-0.99), the whole run again."""
        self.smoothing = smoothing
        losses = self.buffers["batch_loss"]
        smoothed = moving_average(losses.y, smoothing)
        self.buffers["smoothed"].clear()
        self.buffers["smoothed"].extend(losses.x, smoothed)
        self._ema = _last_finite(smoothed, None)
        self._dirty.add("smoothed")
        self.redraw()

    def set_log_scale(self, on: bool) -> None:
        """Draw the losses on a log scale (or not)."""
        self.log_scale = on
        for key in LOSS_PLOTS:
            self._set_log(key)

    def _set_log(self, key: str) -> None:
        if not self._built:
            return  # `_build` sets it
        plot = self._plots[key]
        plot.setLogMode(False, self.log_scale)
        plot.disableAutoRange()  # setLogMode turns auto-range back on
        plot.setXRange(0, max(1, self._epochs), padding=0.02)
        self._apply_y(key)

    def series(self, plot: str) -> list[Series]:
        """The curves of `plot` as data (for the hover readout)."""
        return [
            Series(
                self.tr(name), self.buffers[buffer].x, self.buffers[buffer].y, self._colour(buffer)
            )
            for name, buffer, _ in self._shown_series(plot)
        ]

    def _shown_series(self, plot: str) -> list[tuple[str, str, str]]:
        """`plot`'s series of the run shown: a GAN's figures, or the others."""
        gan_buffers = {name for name, _, _ in GAN_CURVES}
        every = SERIES[plot]
        if not any(buffer in gan_buffers for _, buffer, _ in every):
            return list(every)
        return [entry for entry in every if (entry[1] in gan_buffers) == self.gan]

    def _colour(self, buffer: str) -> QColor:
        colour = QColor(self.curves[buffer].opts["pen"].color())
        colour.setAlphaF(1.0)
        return colour

    def title(self, plot: str) -> str:
        """`plot`'s title in the language installed."""
        return self.tr(TITLES[plot])

    def table(self, plot: str) -> tuple[list[str], list[np.ndarray]]:
        """`plot`'s data as CSV columns: the epoch, then each series."""
        shown = self._shown_series(plot)
        first = self.buffers[shown[0][1]]
        columns = [first.x] + [self.buffers[buffer].y for _, buffer, _ in shown]
        return ["epoch"] + [column for _, _, column in shown], columns


def _last_finite(values: np.ndarray, default: float | None) -> float | None:
    finite = values[np.isfinite(values)]
    return float(finite[-1]) if finite.size else default
