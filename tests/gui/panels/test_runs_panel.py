"""The Runs panel: the history table, differing settings, rename/delete as undo steps, the
curves overlay, CSV export, reopening weights, and the history surviving save and reopen."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

from PySide6.QtCore import QPointF, Qt

from netstudio.gui.document import Document
from netstudio.gui.evaluation.run_weights import record_figures
from netstudio.gui.panels.run_table import NAME, SETTINGS, differing_settings
from netstudio.gui.panels.runs_panel import RunHistoryPanel
from netstudio.io import Project, load_project, save_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.results import EpochMetrics


def _record(number: int, lr: float, epochs: int, accuracies: list[float]) -> dict:
    training = TrainingConfig.model_validate({"optimizer": {"lr": lr}, "epochs": epochs})
    history = [
        EpochMetrics(
            i + 1, 1.0 / (i + 1), acc - 0.02, 1.1 / (i + 1), acc, lr, 0.5, 1000.0
        ).to_dict()
        for i, acc in enumerate(accuracies)
    ]
    return {
        "id": f"20261122-12030{number}",
        "name": f"Run {number}",
        "started": f"2026-11-22T12:03:0{number}",
        "seconds": 12.3 * number,
        "status": "finished",
        "data": DataConfig().model_dump(mode="json"),
        "training": training.model_dump(mode="json"),
        "epochs": history,
        "best_epoch": len(accuracies),
        **record_figures(history, len(accuracies), "finished", training.model_dump(mode="json")),
        "test_accuracy": accuracies[-1] - 0.01,
        "test_loss": 0.2,
        "run_dir": None,
        "error": None,
    }


def _panel(qtbot, runs: list[dict], path: Path | None = None) -> tuple[RunHistoryPanel, Document]:
    project = Project(runs=runs, path=path)
    document = Document(project, analysis=False)
    panel = RunHistoryPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 240)
    panel.set_document(document)
    return panel, document


def _runs() -> list[dict]:
    return [_record(1, 0.001, 10, [0.8, 0.9, 0.93]), _record(2, 0.01, 20, [0.85, 0.95])]


def test_rows_show_each_run_and_the_settings_that_differ(qtbot) -> None:
    panel, _ = _panel(qtbot, _runs())
    model = panel.model
    assert model.rowCount() == 2
    assert differing_settings(model.runs) == ["training.optimizer.lr", "training.epochs"]
    assert model.text(0, SETTINGS) == "lr 0.001, epochs 10"
    assert model.text(1, SETTINGS) == "lr 0.01, epochs 20"
    assert [model.text(1, c) for c in range(8) if c != SETTINGS] == [
        "Run 2", "2026-11-22 12:03", "finished", "last, epoch 2", "95.0%", "94.0%", "24.6 s"
    ]  # fmt: skip
    assert not panel.empty.isVisibleTo(panel)


def test_an_empty_history_says_how_to_get_runs(qtbot) -> None:
    panel, _ = _panel(qtbot, [])
    assert panel.empty.isVisibleTo(panel) and "F5" in panel.empty.text()
    assert not panel.open_button.isEnabled() and not panel.export_button.isEnabled()


def test_selected_runs_are_overlaid_in_the_plot(qtbot) -> None:
    panel, _ = _panel(qtbot, _runs())
    panel.select_rows([0, 1])
    assert [len(curve.xData) for curve in panel.curves] == [3, 2]
    assert list(panel.curves[1].yData) == [0.85, 0.95]
    panel.metric_combo.setCurrentIndex(1)  # validation loss
    assert list(panel.curves[0].yData) == [1.1, 0.55, 1.1 / 3]


def test_the_overlay_reads_each_run_under_the_mouse_in_its_colour(qtbot) -> None:
    panel, _ = _panel(qtbot, _runs())
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_rows([0, 1])
    box = panel.plot.getPlotItem().getViewBox()
    box.autoRange()  # what the next paint would do
    panel.crosshair.move_to(box.mapViewToScene(QPointF(2.1, 0.9)))
    label = panel.crosshair.labels["overlay"]
    assert label.isVisible()
    text = label.textItem.toPlainText()
    assert "epoch 2" in text and "Run 1 0.9" in text and "Run 2 0.95" in text
    colours = [c.opts["pen"].color().name() for c in panel.curves]
    assert all(colour in label.textItem.toHtml() for colour in colours)


def test_rename_in_place_is_one_undo_step(qtbot) -> None:
    panel, document = _panel(qtbot, _runs())
    index = panel.model.index(0, NAME)
    assert panel.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert panel.model.setData(index, "Baseline")
    assert document.project.runs[0]["name"] == "Baseline"
    assert panel.model.text(0, NAME) == "Baseline"
    assert document.modified
    document.undo_stack.undo()
    assert document.project.runs[0]["name"] == "Run 1"
    assert panel.model.text(0, NAME) == "Run 1"


def test_delete_is_undoable_and_keeps_the_order(qtbot) -> None:
    runs = [*_runs(), _record(3, 0.1, 5, [0.5])]
    panel, document = _panel(qtbot, runs)
    panel.select_rows([0, 2])
    panel.delete_button.click()
    assert [r["name"] for r in document.project.runs] == ["Run 2"]
    assert panel.model.rowCount() == 1
    document.undo_stack.undo()
    assert [r["name"] for r in document.project.runs] == ["Run 1", "Run 2", "Run 3"]
    document.undo_stack.redo()
    assert [r["name"] for r in document.project.runs] == ["Run 2"]


def test_export_writes_one_row_per_run_per_epoch(qtbot, tmp_path: Path) -> None:
    panel, _ = _panel(qtbot, _runs())
    panel.select_rows([0, 1])
    target = tmp_path / "metrics.csv"
    panel.export_selected(str(target))
    with open(target, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["name"], r["epoch"]) for r in rows] == [
        ("Run 1", "1"), ("Run 1", "2"), ("Run 1", "3"), ("Run 2", "1"), ("Run 2", "2")
    ]  # fmt: skip
    assert float(rows[4]["val_accuracy"]) == 0.95 and rows[4]["run"] == "20261122-120302"
    assert "Wrote 5 rows" in panel.message.text()


def test_the_history_survives_save_and_reopen(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "toy.net"
    runs = _runs()
    save_project(Project(runs=copy.deepcopy(runs)), path)
    project = load_project(path)
    assert project.runs == runs
    panel, _ = _panel(qtbot, project.runs, path)
    assert panel.model.text(1, SETTINGS) == "lr 0.01, epochs 20"


def test_open_weights_without_a_folder_says_so(qtbot) -> None:
    panel, _ = _panel(qtbot, _runs())
    panel.select_rows([0])
    panel.open_button.click()
    qtbot.waitUntil(lambda: not panel.opener.busy)
    assert "has no run folder" in panel.message.text()


def test_open_weights_loads_them_or_names_what_does_not_fit(
    qtbot, tmp_path: Path, mlp_graph
) -> None:
    from netstudio.core.compiler import compile_graph
    from netstudio.training.checkpoints import save_weights

    folder = tmp_path / "toy.runs" / "20261122-120301"
    model = compile_graph(mlp_graph)
    save_weights(model, folder / "last.safetensors")  # the weights the run ended with
    record = _record(1, 0.001, 10, [0.9])
    record["run_dir"] = "toy.runs/20261122-120301"
    record["data"] = {**record["data"], "source": "mnist", "root": str(tmp_path)}  # not there
    panel, document = _panel(qtbot, [record], tmp_path / "toy.net")
    document.project.graph = mlp_graph
    panel.select_rows([0])
    with qtbot.waitSignal(panel.run_opened, timeout=20000) as signal:
        panel.open_button.click()
    opened = signal.args[0]
    state = opened.model.state_dict()
    assert all((state[k] == v).all() for k, v in model.state_dict().items())
    assert opened.data is None and "could not be loaded" in opened.result.failure.message

    mlp_graph.set_params("fc2", {"out_features": 64})  # the architecture changed
    panel.open_button.click()
    qtbot.waitUntil(lambda: not panel.opener.busy, timeout=20000)
    assert "do not fit this network" in panel.message.text()
    assert "fc2.weight" in panel.message.text()


def _trial_run(number: int, width: int) -> dict:
    record = _record(number, 0.001, 10, [0.8, 0.9])
    record["name"] = f"Trial {number} of digits"
    record["trial"] = {
        "study": "digits",
        "number": number,
        "params": {"training.optimizer.lr": 0.001, "fc1.out_features": width},
    }
    return record


def test_a_trial_run_says_its_trial_and_the_widths_it_tried(qtbot, tmp_path: Path) -> None:
    from netstudio.gui.panels.run_table import TRIAL

    panel, document = _panel(qtbot, _runs())
    panel.show()
    assert panel.table.isColumnHidden(TRIAL)  # runs trained by hand: no Trial column
    runs = [_trial_run(3, 64), _trial_run(4, 128), _record(1, 0.001, 10, [0.8, 0.9])]
    document.project.runs = runs
    panel.refresh()
    model = panel.model
    assert not panel.table.isColumnHidden(TRIAL)
    assert model.headerData(TRIAL, Qt.Orientation.Horizontal) == "Trial"
    assert [model.text(row, TRIAL) for row in range(3)] == ["3 of digits", "4 of digits", ""]
    tip = model.data(model.index(0, TRIAL), Qt.ItemDataRole.ToolTipRole)
    assert "fc1.out_features = 64" in tip and "training.optimizer.lr = 0.001" in tip
    # The width a trial tried is a setting of its run: it is what differs between them.
    assert model.text(0, SETTINGS) == "fc1.out_features 64"
    assert model.text(1, SETTINGS) == "fc1.out_features 128"
    assert model.text(2, SETTINGS) == "fc1.out_features –"

    path = tmp_path / "tagged.net"
    save_project(document.project, path)
    again = load_project(path)
    assert [run.get("trial") for run in again.runs] == [r.get("trial") for r in runs]
