"""One run, one set of figures: the Runs table, Evaluation (after the run and after Open
weights), Try it and the status line show the figures of the weights the run ended with, and
each says which ("best, epoch 1" or "last, epoch 3")."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PySide6.QtGui import QAction

from netstudio.gui.evaluation.run_weights import RunWeights, describe_epochs
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.run_table import TEST, VAL, WEIGHTS
from netstudio.training.checkpoints import read_weights

RUN_TIMEOUT = 30_000


def early_stopping(enabled: bool) -> dict:
    """Settings under which epoch 1 stays the best (no later epoch improves the validation
    loss by 10), so the best and the last epoch differ."""
    return {
        "epochs": 3,
        "regularization": {
            "early_stopping": {"enabled": enabled, "patience": 5, "min_delta": 10.0}
        },
    }


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.findChild(QAction, "train_start").trigger()
    return done.args[0]


def open_weights(qtbot, window: MainWindow):
    panel = window.evaluation_ui.runs_panel
    panel.select_rows([0])
    with qtbot.waitSignal(panel.run_opened, timeout=RUN_TIMEOUT) as opened:
        panel.open_button.click()
    return opened.args[0]


@pytest.mark.parametrize(
    ("enabled", "label"), [(False, "last, epoch 3"), (True, "best, epoch 1")], ids=["last", "best"]
)
def test_every_view_shows_the_same_figures_of_the_same_weights(
    qtbot, window: MainWindow, open_example, enabled: bool, label: str
) -> None:
    path = open_example("digits_mlp.net", early_stopping(enabled))
    run = train(qtbot, window)
    record = run.record
    assert record["best"]["epoch"] == 1 and record["last"]["epoch"] == 3
    assert record["weights"] == label.split(",")[0]
    table = window.evaluation_ui.runs_panel.model
    accuracy = table.text(0, TEST)
    assert table.text(0, WEIGHTS) == label and accuracy.endswith("%")
    epoch = int(label.rsplit(" ", 1)[1])
    val = record["epochs"][epoch - 1]["val_accuracy"]
    assert table.text(0, VAL) == f"{val:.1%}"
    assert "Best epoch 1" in describe_epochs(record) and "Last epoch 3" in describe_epochs(record)

    shown = f"weights: {label} · test accuracy {accuracy}"
    evaluation = window.evaluation_ui.evaluation_panel
    assert shown in evaluation.header.text()
    assert f"test accuracy {accuracy} (weights: {label})" in window.training_ui.panel.status.text()
    assert window.evaluation_ui.try_it_panel.source.text() == f"Run 1 · {shown}"

    evaluation.clear()
    opened = open_weights(qtbot, window)
    assert shown in evaluation.header.text()  # the same figure, the same words
    assert window.evaluation_ui.try_it_panel.source.text() == f"Run 1 · {shown}"
    assert f"({label})" in window.evaluation_ui.runs_panel.message.text()
    # Open weights loaded the weights the run ended with, not its best epoch's.
    folder = path.parent / record["run_dir"]
    loaded = opened.model.state_dict()
    last = read_weights(folder / "last.safetensors")
    assert all(torch.equal(loaded[name], value) for name, value in last.items())
    best = read_weights(folder / "best.safetensors")
    same_as_best = all(torch.equal(loaded[name], value) for name, value in best.items())
    assert same_as_best is enabled


def _epochs(count: int) -> list[dict]:
    return [
        {"epoch": i + 1, "val_accuracy": 0.5 + i / 10, "val_loss": 1.0 / (i + 1)}
        for i in range(count)
    ]


def _training(enabled: bool, restore: bool = True) -> dict:
    return {"regularization": {"early_stopping": {"enabled": enabled, "restore_best": restore}}}


@pytest.mark.parametrize(
    ("status", "training", "expected"),
    [
        ("finished", _training(True), ("best", 2, 0.6)),
        ("early_stopped", _training(True), ("best", 2, 0.6)),
        ("finished", _training(True, restore=False), ("last", 4, 0.8)),
        ("finished", _training(False), ("last", 4, 0.8)),
        ("failed", _training(True), ("last", 4, 0.8)),  # a failed run restores nothing
    ],
)
def test_records_written_before_the_weights_key_are_read_from_their_settings(
    status: str, training: dict, expected: tuple
) -> None:
    record = {"status": status, "training": training, "epochs": _epochs(4), "best_epoch": 2}
    record["test_accuracy"] = 0.7
    weights = RunWeights.of(record)
    assert weights is not None
    assert (weights.kind, weights.epoch, weights.val_accuracy) == expected
    assert weights.test_accuracy == 0.7


def test_a_run_without_epochs_has_no_weights_to_name(tmp_path: Path) -> None:
    assert RunWeights.of({"status": "failed", "epochs": [], "training": _training(True)}) is None
    assert "no weights" in describe_epochs({"epochs": []})
