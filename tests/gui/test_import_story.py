"""Story: a person imports their own small PyTorch CNN with File > Import…, keeps the data that
matches its input (the 8×8 digits), and presses Train: the run is in the Runs table, and it
started from the imported weights (its first batch's loss is theirs on that batch)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import torch
from PySide6.QtWidgets import QSpinBox

from netstudio.core.compiler import compile_graph
from netstudio.gui.import_dialog import PYTHON, ImportDialog
from netstudio.gui.main_window import MainWindow
from netstudio.training.checkpoints import read_weights
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data

RUN_TIMEOUT = 60_000

MODEL = """
import torch
from torch import nn


class TinyCNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 4 * 4, 10)

    def forward(self, x):
        x = nn.functional.max_pool2d(torch.relu(self.conv(x)), 2)
        return self.fc(torch.flatten(x, 1))
"""


@pytest.fixture
def window(blank_window: MainWindow, qtbot) -> MainWindow:
    """The blank window once PyTorch has loaded (as the app does behind its first window)."""
    blank_window.set_analysis_ready()
    yield blank_window
    session = blank_window.training_ui.session
    session.shutdown()
    assert session.worker_thread is None and not session.running


def test_an_imported_cnn_trains_on_the_matching_data_from_its_own_weights(
    qtbot, window: MainWindow, hands, tmp_path: Path
) -> None:
    source = tmp_path / "tiny_cnn.py"
    source.write_text(MODEL, encoding="utf-8")

    hands.action(window, "file_import").trigger()
    dialog = window.findChild(ImportDialog, "import_dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentIndex() == PYTHON
    hands.type_into(dialog.py_file, str(source), enter=False)
    hands.type_into(dialog.py_class, "TinyCNN", enter=False)
    hands.type_into(dialog.py_shape, "1, 8, 8", enter=False)
    assert dialog.data.currentIndex() == 0  # kept: the data that fits the input
    assert dialog.data.currentText() == "Matching the input (Digits (8×8))"
    with qtbot.waitSignal(dialog.imported, timeout=RUN_TIMEOUT) as imported:
        dialog.import_button.click()
    path = imported.args[0]
    assert path == tmp_path / "tiny_cnn.net"

    document = window.document
    assert document.path == path
    assert document.project.data == {"source": "digits"}
    assert document.project.training["loss"] == {"type": "cross_entropy"}
    stored = read_weights(path.with_suffix(".safetensors"))
    assert set(document.starting_weights) == set(stored) and len(stored) == 4
    qtbot.waitUntil(lambda: document.analysed_once, timeout=RUN_TIMEOUT)
    assert not [p for p in document.graph_problems if p.severity == "error"]

    # One short epoch in one batch: the first batch is the whole training split.
    hands.type_into(window.findChild(QSpinBox, "training_epochs"), "1")
    hands.type_into(window.findChild(QSpinBox, "training_batch_size"), "4096")
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    record = finished.args[0].record
    assert record["status"] == "finished", record.get("error")

    table = window.evaluation_ui.runs_panel.table
    assert table.model().rowCount() == 1
    with open(path.parent / record["run_dir"] / "batches.csv", newline="") as handle:
        first = float(next(csv.DictReader(handle))["loss"])
    model = compile_graph(document.graph)
    model.load_state_dict(stored)
    train = load_data(DataConfig(source="digits"), tmp_path).train
    with torch.no_grad():
        expected = float(torch.nn.functional.cross_entropy(model(train.x), train.y))
    torch.testing.assert_close(first, expected, rtol=1e-5, atol=0)
