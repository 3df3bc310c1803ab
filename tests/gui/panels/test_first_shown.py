"""The window's plots are built when their tab is first brought to the front, and what reached
them before is drawn then: a person sees the same panels, the window is cheaper to build."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from netstudio.gui.health_view import STATISTICS
from netstudio.gui.icons import icon
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.first_shown import when_first_shown
from netstudio.training.results import EpochMetrics


def test_a_widget_behind_a_tab_is_built_when_its_tab_comes_to_the_front(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    docks = []
    for name in ("front", "back"):
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        dock.setWidget(QWidget(dock))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        docks.append(dock)
    front, back = docks
    window.tabifyDockWidget(front, back)
    front.raise_()
    built: list[str] = []
    when_first_shown(front.widget(), lambda: built.append("front"))
    when_first_shown(back.widget(), lambda: built.append("back"))
    window.show()
    qtbot.waitExposed(window)
    assert built == ["front"]  # the back tab's widget had a show event too, off screen
    back.raise_()
    qtbot.waitUntil(lambda: built == ["front", "back"])
    front.raise_()
    back.raise_()
    qtbot.wait(10)
    assert built == ["front", "back"]  # once each


def test_code_that_needs_the_parts_builds_them_at_once(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    built: list[int] = []
    first = when_first_shown(widget, lambda: built.append(1))
    first.build()
    widget.show()
    assert built == [1] and first.done


def test_curves_and_search_charts_fed_while_hidden_are_drawn_when_shown(
    qtbot, window: MainWindow
) -> None:
    curves = window.training_ui.curves
    charts = window.search_ui.panel.charts
    assert not curves._built and not charts._plots  # behind Summary: not built with the window
    assert window.evaluation_ui.evaluation_panel._scatter is None
    assert window.evaluation_ui.try_it_panel._chart is None
    assert not window.inside.insight._plots

    curves.set_epochs(4)
    losses = [2.0 * math.exp(-e / 2) for e in (1, 2, 3)]
    curves.add_epochs(
        [EpochMetrics(e, loss, 0.5, loss, 0.5, 0.01, 1.0, 10.0) for e, loss in enumerate(losses, 1)]
    )
    trials = {n: {"number": n, "state": "complete", "value": 1 / (n + 1)} for n in range(3)}
    charts.show_trials(trials, "minimize")
    assert not curves._built and not charts._plots

    window.show_dock(window.training_ui.curves_dock)
    qtbot.waitUntil(lambda: curves._built)
    x, y = curves._curves["train_loss"].getData()
    assert list(x) == [1, 2, 3] and list(y) == losses
    assert curves._plots["loss"].getViewBox().viewRange()[0][1] >= 4  # the planned epochs
    window.show_dock(window.search_ui.dock)
    qtbot.waitUntil(lambda: bool(charts._plots))
    x, best = charts._curves["best"].getData()
    assert list(x) == [0, 1, 2] and list(best) == [1, 1 / 2, 1 / 3]
    # Reading a plot builds it, shown or not.
    assert window.evaluation_ui.evaluation_panel.scatter.objectName() == "regression_scatter"
    assert window.evaluation_ui.try_it_panel.chart.objectName() == "try_it_chart"
    assert set(window.inside.insight.plots) == set(STATISTICS)


def test_icons_are_drawn_once_per_colour() -> None:
    first, again = icon("train"), icon("train")
    assert not first.isNull() and first.cacheKey() == again.cacheKey()
    red = icon("train", QColor("red"))
    assert red.cacheKey() != first.cacheKey()
    image = red.pixmap(24).toImage()
    point = image.pixelColor(_inked(image))
    assert point.red() > 200 and point.green() < 60


def _inked(image: QImage) -> QPoint:
    """A pixel the icon draws on (alpha above half)."""
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).alpha() > 128:
                return QPoint(x, y)
    raise AssertionError("the icon draws nothing")
