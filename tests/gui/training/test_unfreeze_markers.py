"""Gradual unfreezing on the live curves: each epoch that set frozen layers learning is marked
with a dashed line on the loss and accuracy plots, labelled with the nodes' names; the marks go
when the next run starts.

The spiral toy has three Linear layers (fc1, fc2, fc3): freezing all of them is refused before a
run starts, so fc3 learns throughout and fc1, fc2 are unfrozen one an epoch."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette

from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.curves import UNFREEZING_PLOTS
from netstudio.training.results import EpochMetrics

from .conftest import EXAMPLES

RUN_TIMEOUT = 60_000
TUNING = {"epochs": 3, "fine_tuning": {"frozen": ["fc1", "fc2"], "unfreeze_every": 1}}


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.findChild(type(window.menu_actions.train), "train_start").trigger()
    return done.args[0]


def marks(window: MainWindow) -> dict[str, list[tuple[float, str]]]:
    """Each plot's unfreezing lines: (x, label), left to right."""
    curves = window.training_ui.curves
    return {
        key: sorted(
            (line.value(), line.label.toPlainText())
            for line in curves.plots[key].items
            if isinstance(line, pg.InfiniteLine) and line in curves.markers
        )
        for key in UNFREEZING_PLOTS
    }


def test_each_unfreezing_is_marked_with_the_node_names(
    qtbot, window: MainWindow, open_example, tmp_path: Path
) -> None:
    raw = json.loads((EXAMPLES / "spiral_toy.net").read_text(encoding="utf-8"))
    graph = raw["networks"][0]["graph"]
    for node in graph["nodes"]:
        if node["id"] == "fc1":
            node["name"] = "hidden"  # a name that is not the id: the label shows the name
    open_example("spiral_toy.net", TUNING, graph=graph)
    qtbot.waitUntil(lambda: window.document.analysed_once, timeout=RUN_TIMEOUT)
    ui = window.training_ui
    ui.curves_dock.show()
    ui.curves_dock.raise_()

    finished = train(qtbot, window)
    assert [e.get("unfrozen", []) for e in finished.record["epochs"]] == [[], ["fc2"], ["fc1"]]
    qtbot.waitUntil(lambda: ui.curves.buffers["train_loss"].size == 3, timeout=RUN_TIMEOUT)
    # fc2 is last in the model, so it learns first (at epoch 2), then fc1 (at epoch 3).
    expected = [(2.0, "unfroze fc2"), (3.0, "unfroze hidden")]
    assert marks(window) == {"loss": expected, "accuracy": expected}
    assert ui.curves.unfreezings == [(2, "unfroze fc2"), (3, "unfroze hidden")]

    shot = os.environ.get("NETSTUDIO_SHOT")  # set to look at the marks: a PNG of the dock
    if shot:
        ui.curves_dock.setFloating(True)  # a floating dock, to see it at a usual size
        ui.curves_dock.resize(1200, 340)
        qtbot.wait(100)
        ui.curves.redraw()
        ui.curves_dock.grab().save(shot)

    # The next run starts clean: only its own marks (none here, nothing frozen) are drawn.
    window.document.project.training["fine_tuning"] = {}
    train(qtbot, window)
    assert marks(window) == {"loss": [], "accuracy": []}
    assert ui.curves.unfreezings == []


def test_unfreezing_marks_survive_a_palette_change_and_clear_on_another_project(
    window: MainWindow, open_example
) -> None:
    open_example("spiral_toy.net", TUNING)
    curves = window.training_ui.curves
    curves.add_epochs(
        [EpochMetrics(2, 1.0, 0.5, 1.1, 0.4, 1e-3, 1.0, 100.0, unfrozen=("fc2", "gone"))]
    )
    assert marks(window)["loss"] == [(2.0, "unfroze fc2, gone")]  # an unknown id as itself

    palette = curves.palette()  # a palette change rebuilds the plots
    palette.setColor(QPalette.ColorRole.Window, QColor("#202225"))
    curves.setPalette(palette)
    assert marks(window)["accuracy"] == [(2.0, "unfroze fc2, gone")]

    open_example("spiral_toy.net", TUNING)  # another project shown: the last run is forgotten
    assert marks(window) == {"loss": [], "accuracy": []}
