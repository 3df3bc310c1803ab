"""The Search panel's charts: the best objective so far, the running trial's curve, the
parameter importances and a parallel-coordinates plot of the completed trials (pyqtgraph).

Each curve is made once and given new data (`setData`) as trials end. The importances are
Optuna's (``get_param_importances``), computed from the study's database off the GUI thread
once `IMPORTANCE_TRIALS` trials have completed, and again as more complete.

The plots are built when the charts are first on screen (`when_first_shown`; or when a plot is
first read): most windows never search, and four plots are a good part of the window's building
time. Until then the charts keep what they were given (the trials, the running trial's values,
the importances) and draw it when built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QWidget

from netstudio.gui.background import LatestJob
from netstudio.gui.panels.first_shown import when_first_shown
from netstudio.gui.panels.plots import PLOT_MINIMUM, make_plot, series_colour, set_bars

#: Completed trials before the parameter importances are worth computing.
IMPORTANCE_TRIALS = 3


def short_target(target: str) -> str:
    """A target as the charts and the trial table name it: a setting by its last name
    (``lr``), a node's parameter in full (``fc1.out_features``)."""
    from netstudio.search.targets import SETTINGS

    head, _, last = target.rpartition(".")
    return last if head.split(".", 1)[0] in SETTINGS else target


class SearchCharts(QWidget):
    """The four charts of a search (see module docstring). `study` gives the study's database
    URL and name, where the importances are read from."""

    def __init__(self, parent: QWidget | None, study: Callable[[], tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("search_charts")
        self.study = study
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        #: The plots, by name, and their curves, once built (`_build`).
        self._plots: dict[str, pg.PlotWidget] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        #: The parameter importances last computed ({} until enough trials completed).
        self.importances: dict[str, float] = {}
        self._importances_for = 0
        self._importance = LatestJob(self)
        self._running: list[float] = []
        #: The running trial's title ("" before any), and the completed trials and goal shown.
        self._running_title = ""
        self._done: list[dict[str, Any]] = []
        self._goal = "minimize"
        self._first_shown = when_first_shown(self, self._build)

    # --- the plots, built on first show --------------------------------------------------------

    @property
    def best_plot(self) -> pg.PlotWidget:
        """The best objective so far, trial by trial (and each trial's value)."""
        return self._plot("best")

    @property
    def running_plot(self) -> pg.PlotWidget:
        """The running trial's objective, epoch by epoch."""
        return self._plot("running")

    @property
    def importance_plot(self) -> pg.PlotWidget:
        """The parameters' importances, as bars."""
        return self._plot("importance")

    @property
    def parallel_plot(self) -> pg.PlotWidget:
        """Parallel coordinates of the completed trials."""
        return self._plot("parallel")

    def _plot(self, name: str) -> pg.PlotWidget:
        if not self._plots:
            self._first_shown.build()
        return self._plots[name]

    def minimumSizeHint(self) -> QSize:
        """Before the plots are built, the size they will take: the window lays out its docks
        the same whether the charts were built or not."""
        if self._plots:
            return super().minimumSizeHint()
        grid, (width, height) = self._grid, PLOT_MINIMUM
        return QSize(2 * width + grid.horizontalSpacing(), 2 * height + grid.verticalSpacing())

    def sizeHint(self) -> QSize:
        return super().sizeHint() if self._plots else self.minimumSizeHint()

    def _build(self) -> None:
        """Make the four plots and draw what the charts were given so far."""
        best = make_plot(self, x=self.tr("trial"), y=self.tr("best so far"))
        self._curves["best"] = best.plot([], [], pen=series_colour(0), symbol="o", symbolSize=5)
        self._curves["trials"] = best.plot(
            [], [], pen=None, symbol="x", symbolSize=6, symbolPen=series_colour(1)
        )
        running = make_plot(self, x=self.tr("epoch"), y=self.tr("this trial"))
        self._curves["running"] = running.plot(
            [], [], pen=series_colour(2), symbol="o", symbolSize=4
        )
        importance = make_plot(self, y=self.tr("importance"))
        importance.setObjectName("search_importances")
        parallel = make_plot(self)
        parallel.setObjectName("search_parallel")
        parallel.getPlotItem().getAxis("left").setTicks(
            [[(0, self.tr("low")), (1, self.tr("high"))]]
        )
        grid = self._grid
        grid.addWidget(best, 0, 0)
        grid.addWidget(running, 0, 1)
        grid.addWidget(importance, 1, 0)
        grid.addWidget(parallel, 1, 1)
        for plot in (best, running, importance):
            plot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        if self.isVisible():  # at once: a layout shows the widgets added to it later
            for plot in (best, running, importance, parallel):
                plot.show()
        self._plots.update(best=best, running=running, importance=importance, parallel=parallel)
        self._draw_running()
        if self._done:
            self._draw_trials()
        if self.importances:
            self._draw_importances()

    # --- what the search reports ---------------------------------------------------------------

    def trial_started(self, number: int) -> None:
        """A new trial runs: its curve starts empty."""
        self._running = []
        self._running_title = self.tr("trial {number}").format(number=number)
        if self._plots:
            self._draw_running()

    def epoch_ended(self, value: float) -> None:
        """The running trial's objective after its latest epoch."""
        self._running.append(value)
        if self._plots:
            self._draw_running()

    def _draw_running(self) -> None:
        self._curves["running"].setData(list(range(1, len(self._running) + 1)), self._running)
        if self._running_title:
            self._plots["running"].getPlotItem().setTitle(self._running_title)

    def show_trials(self, trials: dict[int, dict[str, Any]], goal: str) -> None:
        """Show `trials` (by number, as the trial table has them), better being `goal`."""
        done = [
            trials[n]
            for n in sorted(trials)
            if trials[n].get("state") == "complete"
            and isinstance(trials[n].get("value"), (int, float))
        ]
        self._done, self._goal = done, goal
        if self._plots:
            self._draw_trials()
        if len(done) >= IMPORTANCE_TRIALS and len(done) != self._importances_for:
            self._importances_for = len(done)
            url, name = self.study()
            self._importance.submit(
                lambda: param_importances(url, name), self._show_importances, lambda _e: None
            )
        elif len(done) < IMPORTANCE_TRIALS:
            self._importances_for = 0
            self._show_importances({})

    def _draw_trials(self) -> None:
        done, goal = self._done, self._goal
        xs, best, shown = [], [], None
        for trial in done:
            value = trial["value"]
            if shown is None or (value > shown if goal == "maximize" else value < shown):
                shown = value
            xs.append(trial["number"])
            best.append(shown)
        self._curves["best"].setData(xs, best)
        self._curves["trials"].setData(xs, [t["value"] for t in done])
        self._show_parallel(done, goal)

    def _show_importances(self, importances: dict[str, float]) -> None:
        self.importances = dict(importances)
        if self._plots:
            self._draw_importances()

    def _draw_importances(self) -> None:
        importances = self.importances
        if importances:
            names = [short_target(name) for name in importances]
            set_bars(self.importance_plot, list(importances.values()), names)
        else:
            self.importance_plot.getPlotItem().clear()

    def _show_parallel(self, done: list[dict[str, Any]], goal: str) -> None:
        """One line per completed trial across its parameters (each scaled from its lowest to
        its highest value tried), darker the better its objective."""
        plot = self.parallel_plot.getPlotItem()
        plot.clear()
        names = sorted({name for t in done for name in (t.get("params") or {})})
        if not done or not names:
            return
        scales = [_scale([t["params"].get(name) for t in done]) for name in names]
        values = [t["value"] for t in done]
        low, high = min(values), max(values)
        for trial in done:
            share = (trial["value"] - low) / (high - low) if high > low else 1.0
            if goal != "maximize":
                share = 1 - share
            colour = series_colour(0)
            colour.setAlphaF(0.2 + 0.8 * share)
            ys = [
                scale(trial["params"].get(name)) for name, scale in zip(names, scales, strict=True)
            ]
            plot.plot(list(range(len(names))), ys, pen=colour)
        ticks = [(i, short_target(name)[-12:]) for i, name in enumerate(names)]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setXRange(-0.3, len(names) - 0.7, padding=0)


def _scale(values: list[Any]) -> Callable[[Any], float]:
    """A function that places one of `values` between 0 and 1: numbers by their span, other
    choices by their order."""
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) == len(values):
        low, high = min(numbers), max(numbers)
        return lambda v: (v - low) / (high - low) if high > low else 0.5
    order = sorted({str(v) for v in values})
    return lambda v: order.index(str(v)) / max(1, len(order) - 1)


def param_importances(url: str, name: str) -> dict[str, float]:
    """How much each searched parameter explains of the objective so far (Optuna's fANOVA
    importances), most important first; run off the GUI thread."""
    import optuna

    from netstudio.search.study import open_storage

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    study = optuna.load_study(study_name=name, storage=open_storage(url))
    return dict(optuna.importance.get_param_importances(study))
