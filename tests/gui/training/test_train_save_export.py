"""New → build → Train → Save As → Export with the run's weights, the way a person does it:
saving brings the run beside the new file, and the export finds it and writes its weights."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QSpinBox
from safetensors.torch import load_file

from netstudio.gui import project_files
from netstudio.gui.document import Document
from netstudio.gui.evaluation.reopen import run_folder
from netstudio.gui.export_dialog import LATEST_RUN, ExportDialog
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

RUN_TIMEOUT = 60_000


def test_a_run_trained_before_the_first_save_is_saved_with_it_and_exported(
    hands, qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    # New, and the digits MLP built from the palette: Input (64) → Linear (10) → Output.
    hands.action(window, "file_new").trigger()
    window.resize(1400, 900)
    window.view.set_zoom(0.8)
    source = hands.drop_layer(window, "Input", QPoint(-300, 0))
    linear = hands.drop_layer(window, "Linear", QPoint(0, 0))
    output = hands.drop_layer(window, "Output", QPoint(300, 0))
    hands.wire(window, source, linear)
    hands.wire(window, linear, output)
    graph = window.document.graph
    assert [(e.src, e.dst) for e in graph.edges()] == [(source, linear), (linear, output)]
    window.scene.select_nodes([source])
    hands.type_into(window.inspector.editors["shape"].widget, "64")  # the digits' 8×8 pixels
    assert list(graph.node(source).params["shape"]) == [64]
    hands.type_into(window.findChild(QSpinBox, "training_epochs"), "2")

    # Train (F5): an unsaved project's run goes to the per-user folder.
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    run = finished.args[0]
    assert run.record["status"] == "finished", run.record["error"]
    scratch = Path(run.record["run_dir"])
    assert scratch.parent == tmp_path / "unsaved-runs" and (scratch / "last.safetensors").is_file()
    trained = load_file(scratch / "last.safetensors")

    # Save As: the run comes along, beside the new file, and the record names it there.
    target = tmp_path / "projects" / "my"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    hands.action(window, "file_save_as").trigger()
    saved = target.with_suffix(".net")
    assert window.document.path == saved and not window.document.modified
    beside = tmp_path / "projects" / "my.runs" / scratch.name
    assert (beside / "last.safetensors").is_file() and (beside / "epochs.csv").is_file()
    assert not scratch.exists()  # moved: nothing is left behind in the per-user folder
    record = window.document.project.runs[0]
    assert record is run.record  # the very record the Runs table shows (and undo holds)
    assert record["run_dir"] == f"my.runs/{scratch.name}"
    assert load_project(saved).runs[0]["run_dir"] == f"my.runs/{scratch.name}"
    assert window.evaluation_ui.runs_panel.model.rowCount() == 1
    assert run_folder(record, window.document.path) == beside  # where Open weights looks

    # File > Export, the latest run's trained weights, as a safetensors file.
    hands.action(window, "file_export").trigger()
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.weights.model().item(LATEST_RUN).isEnabled()
    assert "Run 1" in dialog.weights.itemText(LATEST_RUN)
    dialog.format.setCurrentIndex(dialog.format.findData("weights"))
    dialog.weights.setCurrentIndex(LATEST_RUN)
    exported = tmp_path / "out" / "my.safetensors"
    exported.parent.mkdir()
    dialog.path.setText(str(exported))
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=30_000
    )
    assert dialog.written == [exported], dialog.status.text()
    assert "--" not in dialog.status.text()

    weights = load_file(exported)
    assert weights.keys() == trained.keys() and weights
    for name, tensor in trained.items():
        assert torch.equal(weights[name], tensor), name

    # And as plain PyTorch: the exported file's class is named after the project file, and its
    # load_model() reads the run's weights from beside it.
    dialog.format.setCurrentIndex(dialog.format.findData("python"))
    dialog.weights.setCurrentIndex(LATEST_RUN)
    script = tmp_path / "out" / "my_model.py"
    dialog.path.setText(str(script))
    dialog.written = []
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=30_000
    )
    assert script in dialog.written, dialog.status.text()
    spec = importlib.util.spec_from_file_location("exported_my_model", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.load_model()
    assert type(model).__name__ == "My"
    for name, tensor in trained.items():
        assert torch.equal(model.state_dict()[name], tensor), name
    dialog.close()


def test_export_without_trained_runs_says_what_to_do_in_the_apps_words(
    hands, qtbot, window: MainWindow, open_example, tmp_path: Path
) -> None:
    open_example("spiral_toy.net")
    window.document.project.runs.append(
        {"name": "Run 1", "status": "failed", "run_dir": "spiral_toy.runs/gone"}
    )
    hands.action(window, "file_export").trigger()
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert not dialog.weights.model().item(LATEST_RUN).isEnabled()
    dialog.weights.setCurrentIndex(LATEST_RUN)  # forced: the dialog still says why
    dialog.path.setText(str(tmp_path / "m.py"))
    dialog.export_button.click()
    text = dialog.status.text()
    assert "no run has trained weights" in text and "Train ▸ Train" in text
    assert "--" not in text and "netstudio" not in text
    dialog.close()


def fake_run(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "last.safetensors").write_bytes(b"weights")
    return folder


def test_a_save_that_fails_keeps_every_run_reachable(
    hands, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        project_files, "show_message", lambda _w, title, text, *a: shown.append((title, text))
    )
    hands.action(window, "file_new").trigger()
    scratch = fake_run(tmp_path / "unsaved-runs" / "r1")
    record = {"id": "r1", "name": "Run 1", "status": "finished", "run_dir": str(scratch)}
    window.document.project.runs.append(record)

    def refuse(self, path=None) -> None:
        raise OSError(f"cannot write {path}: permission denied")

    monkeypatch.setattr(Document, "save", refuse)
    target = tmp_path / "projects" / "my.net"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    hands.action(window, "file_save_as").trigger()
    assert shown == [("Cannot save project", f"cannot write {target}: permission denied")]
    assert window.document.path is None
    moved = tmp_path / "projects" / "my.runs" / "r1"
    assert record["run_dir"] == str(moved)  # absolute: found without the file that was not written
    assert (moved / "last.safetensors").is_file()


def test_a_run_folder_gone_missing_is_said_after_saving(
    hands, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        project_files, "show_message", lambda _w, title, text, *a: shown.append((title, text))
    )
    hands.action(window, "file_new").trigger()
    gone = tmp_path / "unsaved-runs" / "r9"
    record = {"id": "r9", "name": "Run 9", "status": "finished", "run_dir": str(gone)}
    window.document.project.runs.append(record)
    target = tmp_path / "my.net"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    hands.action(window, "file_save_as").trigger()
    assert window.document.path == target and target.is_file()
    assert record["run_dir"] == str(gone)  # left as it was
    ((title, text),) = shown
    assert title == "Some runs stayed where they were"
    assert "Run 9" in text and "missing" in text and "--" not in text
