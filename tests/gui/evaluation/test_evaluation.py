"""Evaluation after a run: the confusion matrix leads to its samples, per-class scores, the
regression scatter, reconstructions, and Try it's drawing pad predicting a class."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from netstudio.gui.evaluation.panel import CLASSIFICATION, EMPTY, REGRESSION, EvaluationPanel
from netstudio.gui.evaluation.try_it import TryItPanel
from netstudio.gui.training.session import FinishedRun
from netstudio.io import load_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.metrics import Predictions, regression_report
from netstudio.training.results import RunResult, TrainingFailure
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

EXAMPLES = __import__("pathlib").Path(__file__).parents[3] / "examples"


@pytest.fixture(scope="module")
def digits_run():
    """The digits MLP example trained for two epochs (a second or two)."""
    project = load_project(EXAMPLES / "digits_mlp.net")
    data = load_data(DataConfig.model_validate(project.data))
    config = TrainingConfig.model_validate({**project.training, "epochs": 2, "device": "cpu"})
    trainer = Trainer(project.graph, data, config)
    result = trainer.run()
    assert result.status == "finished"
    record = {"name": "Run 1", "training": config.model_dump(mode="json"), "data": project.data}
    return FinishedRun(record, result, trainer.model.cpu().eval(), data), project.graph


def _panel(qtbot) -> EvaluationPanel:
    panel = EvaluationPanel()
    qtbot.addWidget(panel)
    panel.resize(1300, 300)
    panel.show()
    return panel


def test_a_calm_empty_state_before_any_run(qtbot) -> None:
    panel = _panel(qtbot)
    assert panel.stack.currentIndex() == EMPTY
    assert panel.empty.text().startswith("Train the network to see how it does")


def test_a_confusion_matrix_click_opens_that_cells_samples(qtbot, digits_run) -> None:
    finished, _ = digits_run
    panel = _panel(qtbot)
    panel.show_run(finished)
    assert panel.stack.currentIndex() == CLASSIFICATION
    report, predictions = finished.result.report, finished.result.predictions
    assert (
        panel.report.rowCount() == 10 and panel.report.item(3, 4).text() == f"{report.support[3]:,}"
    )
    confusion = np.array(report.confusion)
    off = np.argwhere((confusion > 0) & ~np.eye(10, dtype=bool))
    cells = [tuple(off[0]) if len(off) else (0, 1), (2, 2)]
    for true, pred in cells:
        view = panel.matrix
        rect = view.visualRect(view.model().index(true, pred))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        expected = predictions.misclassified(true, pred)
        assert panel.samples.indices == [int(i) for i in expected]
        assert len(expected) == confusion[true, pred]
        assert panel.samples.grid.count == len(expected)
        assert f"{len(expected)} sample" in panel.samples.title.text()
        if len(expected):
            caption = panel.samples.grid.rows[0][1][0].caption
            assert f"true {report.classes[true]}" in caption and "%" in caption


def test_a_failed_run_says_why(qtbot) -> None:
    failure = TrainingFailure("nan", "the loss became NaN at epoch 1, batch 3")
    result = RunResult(status="failed", failure=failure)
    panel = _panel(qtbot)
    panel.show_run(FinishedRun({"name": "Run 4"}, result, None, None))
    assert panel.stack.currentIndex() == EMPTY
    assert "Run 4 has no test predictions: the loss became NaN" in panel.header.text()


def test_regression_shows_predicted_against_true(qtbot) -> None:
    rng = np.random.default_rng(0)
    true = rng.normal(size=(40, 1)).astype(np.float32)
    predicted = true + rng.normal(scale=0.1, size=(40, 1)).astype(np.float32)
    result = RunResult(
        status="finished",
        predictions=Predictions(true, predicted),
        report=regression_report(true, predicted),
    )
    record = {"name": "Run 2", "training": {"task": "regression", "loss": {"type": "mse"}}}
    panel = _panel(qtbot)
    panel.show_run(FinishedRun(record, result, None, None))
    assert panel.stack.currentIndex() == REGRESSION
    assert len(panel.scatter_points.data) == 40
    assert "R²" in panel.header.text()


def test_try_it_predicts_what_is_drawn(qtbot, digits_run) -> None:
    finished, graph = digits_run
    panel = TryItPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 280)
    panel.show()
    panel.set_run(finished, graph)
    assert panel.image_shape == (1, 8, 8) and panel.shape == (64,)
    pad = panel.pad
    w, h = pad.width(), pad.height()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h // 5))
    for i in range(1, 12):
        QTest.mouseMove(pad, QPoint(w // 2, h // 5 + i * h // 18))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h * 4 // 5))
    assert not pad.is_empty
    sample = pad.sample(8, 8)
    assert sample.shape == (8, 8) and sample.max() > 0.3 and sample[:, 0].max() < 0.05
    qtbot.waitUntil(lambda: panel.probabilities is not None and not panel.job.busy, timeout=5000)
    probs = panel.probabilities
    assert probs.shape == (10,) and abs(float(probs.sum()) - 1) < 1e-5
    assert panel.answer.text().startswith(str(int(np.argmax(probs))))

    panel.pad.clear()
    qtbot.waitUntil(lambda: panel.answer.text() == "Draw something…")
