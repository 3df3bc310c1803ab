"""The first window trains here and now, offline, from whatever folder the app was started in;
a project's data folder resolves against the project file's folder (or the example it was
opened from), never the working folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox, QWidget

from netstudio.gui import app as app_module
from netstudio.gui.app import open_start_project
from netstudio.gui.data_messages import data_error_text
from netstudio.gui.examples_dialog import open_example
from netstudio.gui.main_window import MainWindow
from netstudio.gui.style import ERROR_COLOUR
from netstudio.training.loaded_data import DataError, DataFix

RUN_TIMEOUT = 60_000


def data_panel(window: MainWindow):
    return window.evaluation_ui.data_panel


def wait_for_data(qtbot, window: MainWindow) -> str:
    """The Data panel's status once its preview has loaded (or failed)."""
    panel = data_panel(window)
    qtbot.waitUntil(
        lambda: not panel.loader.busy and panel.status.text() != "Loading…", timeout=20_000
    )
    return panel.status.text()


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.parametrize("installed", [True, False], ids=["example", "builtin"])
def test_the_first_window_trains_offline_from_any_working_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, installed: bool
) -> None:
    if not installed:  # the example files are not there: the built-in network opens
        monkeypatch.setattr(app_module, "EXAMPLE", tmp_path / "missing.net")
    elsewhere = tmp_path / "started here"
    (elsewhere / "data").mkdir(parents=True)  # a "data" folder here must not matter
    monkeypatch.chdir(elsewhere)
    assert open_start_project(window, None)  # what `netstudio` with no file does
    document = window.document
    assert document.path is None, "saving must not overwrite the shipped example"
    assert document.project.name == "Digits MLP"
    assert len(document.graph) == (6 if installed else 5)
    assert window.windowTitle() == "Digits MLP — NetStudio"

    status = wait_for_data(qtbot, window)
    panel = data_panel(window)
    assert status.startswith("Digits (8×8)") and ERROR_COLOUR not in panel.status.styleSheet()

    epochs = window.findChild(QSpinBox, "training_epochs")  # fewer epochs: a fast test
    type_into(epochs, "3")
    assert document.project.training["epochs"] == 3
    session = window.training_ui.session
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        QTest.keyClick(window.view, Qt.Key.Key_F5)
    record = finished.args[0].record
    assert record["status"] in ("finished", "early_stopped"), record["error"]
    assert record["test_accuracy"] is not None and record["test_accuracy"] > 0.5
    assert len(record["epochs"]) == 3
    assert Path(record["run_dir"]).parent == tmp_path / "unsaved-runs"
    assert list(elsewhere.iterdir()) == [elsewhere / "data"]  # nothing written where it started
    assert ERROR_COLOUR not in panel.status.styleSheet()


def test_an_example_reads_the_data_beside_it_not_the_working_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    shelf = tmp_path / "examples"
    (shelf / "data").mkdir(parents=True)
    rows = ["a,b,label"] + [f"{i % 3 + i / 100},{i % 5},{'xyz'[i % 3]}" for i in range(60)]
    (shelf / "data" / "table.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = {
        "format": "netstudio",
        "version": 1,
        "name": "Table",
        "graph": {"nodes": [], "edges": []},
        "data": {"source": "csv", "root": "data", "params": {"file": "table.csv"}},
    }
    example = shelf / "table.net"
    example.write_text(json.dumps(project), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # tmp_path/data does not exist: only the example's folder has it

    assert open_example(window, example)
    assert window.document.path is None
    assert window.document.project.data["root"] == str(shelf / "data")
    status = wait_for_data(qtbot, window)
    assert status.startswith("CSV table.csv: "), status
    assert ERROR_COLOUR not in data_panel(window).status.styleSheet()


def test_an_unsaved_project_with_a_relative_folder_says_so_in_the_apps_words(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "data" / "MNIST" / "raw").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    window.new_project()
    window.document.project.data = {"source": "mnist", "root": "data"}
    data_panel(window).refresh()
    status = wait_for_data(qtbot, window)
    assert "has not been saved yet" in status and "File ▸ Save As…" in status
    assert "“…” button beside Folder" in status
    assert "--" not in status and str(tmp_path) not in status
    assert ERROR_COLOUR in data_panel(window).status.styleSheet()


def test_data_errors_name_the_apps_controls_never_command_line_options() -> None:
    error = DataError(
        "MNIST not found under /d/MNIST/raw: expected t10k-labels-idx1-ubyte. Put the files there",
        fixes=(DataFix.CHOOSE_FOLDER, DataFix.DOWNLOAD),
    )
    text = data_error_text(error)
    assert text == (
        "MNIST not found under /d/MNIST/raw: expected t10k-labels-idx1-ubyte. Put the files "
        "there. Choose the folder that holds them with the “…” button beside Folder in the "
        "Data panel, or tick “download” in the Data panel to fetch them when online."
    )
    assert "in the Data panel" not in data_error_text(error, in_data_panel=True)
    assert data_error_text(ValueError("plain")) == "plain"
    for fix in DataFix:
        assert "--" not in data_error_text(DataError("x", fixes=(fix,)))
