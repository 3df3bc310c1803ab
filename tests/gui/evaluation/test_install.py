"""The data, runs, evaluation and Try it panels in the main window, fed by the training
session."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings

from netstudio.gui.evaluation.panel import CLASSIFICATION, EMPTY
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.data_panel import DataPanel
from netstudio.gui.training.session import FinishedRun
from netstudio.training.metrics import Predictions, classification_report
from netstudio.training.results import RunResult


def test_the_panels_sit_in_their_docks_and_follow_the_session(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    assert isinstance(window.data_dock.widget(), DataPanel)
    docks = ("data_preview_dock", "runs_dock", "evaluation_dock", "try_it_dock")
    assert all(window.evaluation_ui.docks[name].widget() is not None for name in docks)
    assert window.evaluation_ui.evaluation_panel.stack.currentIndex() == EMPTY
    document = window.document
    assert (
        window.evaluation_ui.runs_panel.document is document
        and window.evaluation_ui.data_panel.document is document
    )

    targets = np.array([0, 1, 1, 0])
    predicted = np.array([0, 1, 0, 0])
    result = RunResult(
        status="finished",
        test_accuracy=0.75,
        predictions=Predictions(targets, predicted, np.full(4, 0.9)),
        report=classification_report(targets, predicted, ["no", "yes"]),
    )
    record = {
        "id": "20261122-120301", "name": "Run 1", "started": "2026-11-22T12:03:01",
        "seconds": 1.0, "status": "finished", "data": {}, "training": {}, "epochs": [],
        "best_epoch": None, "best_val_accuracy": None, "best_val_loss": None,
        "test_accuracy": 0.75, "test_loss": 0.5, "run_dir": None, "error": None,
    }  # fmt: skip
    finished = FinishedRun(record, result, None, None)
    window.training_ui.session.run_finished.emit(finished)
    assert window.evaluation_ui.evaluation_panel.stack.currentIndex() == CLASSIFICATION
    assert (
        window.evaluation_ui.evaluation_panel.matrix.model().data(
            window.evaluation_ui.evaluation_panel.matrix.model().index(1, 0)
        )
        == "1"
    )
    assert (
        window.evaluation_ui.try_it_panel.model is None
    )  # no model: Try it stays in its empty state

    window.new_project()
    assert window.evaluation_ui.evaluation_panel.stack.currentIndex() == EMPTY
    assert window.evaluation_ui.runs_panel.document is window.document
    qtbot.waitUntil(lambda: not window.evaluation_ui.data_panel.loader.busy, timeout=20000)
