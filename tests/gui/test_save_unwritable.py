"""Saving into a folder that cannot be written: a message naming the folder, the document stays
modified, nothing is lost (the edit, the run and its folder), and a later Save As elsewhere
writes it all. Opening a file with a wrong setting shows it and keeps the rest editable."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.main_window import MainWindow
from netstudio.gui.training import session as session_module
from netstudio.io import load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every message box shown, (title, text); none blocks."""
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: discard)
    return shown


@pytest.fixture
def window(qtbot, tmp_path: Path, messages, monkeypatch) -> MainWindow:
    monkeypatch.setattr(session_module, "unsaved_runs_root", lambda: tmp_path / "unsaved-runs")
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def save_as(window: MainWindow, monkeypatch, target: Path) -> None:
    """File > Save As, choosing `target` in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action(window, "file_save_as").trigger()


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder, os.W_OK):  # root writes anyway
            pytest.skip("this user can write into a read-only folder")
        yield folder
    finally:
        folder.chmod(stat.S_IRWXU)


def a_run_of_the_unsaved_project(window: MainWindow, tmp_path: Path) -> tuple[dict, Path]:
    """A finished run's record and folder, as training an unsaved project leaves them."""
    folder = tmp_path / "unsaved-runs" / "20260101-120000"
    folder.mkdir(parents=True)
    (folder / "last.safetensors").write_bytes(b"weights")
    record = {"id": folder.name, "name": "Run 1", "status": "finished", "run_dir": str(folder)}
    window.document.add_run(record)
    return record, folder


def edited_project(window: MainWindow, tmp_path: Path) -> tuple[dict, Path]:
    """The digits example opened as a template (no file yet), fc1 edited, a run added."""
    template = tmp_path / "template" / "digits_mlp.net"
    template.parent.mkdir()
    shutil.copy(EXAMPLE, template)
    assert window.open_file(template)
    document = window.document
    document.push(SetParamsCommand(document.graph, "fc1", {"out_features": 96}))
    return a_run_of_the_unsaved_project(window, tmp_path)


@pytest.mark.parametrize("where", ["file in place of the folder", "read-only folder"])
def test_save_as_into_a_folder_that_cannot_be_written(
    window: MainWindow, tmp_path: Path, monkeypatch, messages, where: str, request
) -> None:
    if where == "read-only folder":
        folder = request.getfixturevalue("read_only_folder")
    else:
        folder = tmp_path / "notes.txt"  # a file: no one, root included, can save "into" it
        folder.write_text("notes", encoding="utf-8")
    record, run_folder = edited_project(window, tmp_path)
    document = window.document
    path_before = document.path
    messages.clear()

    save_as(window, monkeypatch, folder / "digits.net")

    (title, text), *_ = messages
    assert title == "Cannot save project"
    assert str(folder) in text and "choose another folder" in text
    assert "--" not in text  # app words, no command-line flags
    assert document.modified and window.windowTitle().split(" ")[0].endswith("*")
    assert document.path == path_before
    assert document.graph.node("fc1").params["out_features"] == 96  # nothing lost
    assert document.project.runs == [record]
    assert (run_folder / "last.safetensors").read_bytes() == b"weights"
    assert not (folder / "digits.net").exists()

    # Saving somewhere writable keeps the edit and brings the run along.
    target = tmp_path / "projects" / "digits.net"
    target.parent.mkdir()
    messages.clear()
    save_as(window, monkeypatch, target)
    assert messages == [] and not document.modified and document.path == target
    saved = load_project(target)
    assert saved.graph.node("fc1").params["out_features"] == 96
    assert saved.runs[0]["run_dir"] == "digits.runs/20260101-120000"
    assert (target.parent / "digits.runs" / "20260101-120000" / "last.safetensors").is_file()


def test_a_wrong_setting_opens_shown_and_the_rest_stays_usable(
    window: MainWindow, tmp_path: Path, messages
) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["training"]["optimizer"]["lr"] = -1
    raw["training"]["optimizer"]["momentun"] = 0.9
    path = tmp_path / "wrong.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    before = path.read_bytes()

    assert window.open_file(path)

    title, text = messages[-1]
    assert title == "Project opened with problems"
    assert "training.optimizer.lr: must be greater than 0, got -1" in text
    training = window.document.project.training
    assert training["optimizer"] == {"type": "adam"}  # lr at its default, the typo gone
    assert training["epochs"] == raw["training"]["epochs"]  # the rest as in the file
    assert len(window.document.graph) == 6
    listed = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("training.optimizer.lr" in line for line in listed), listed
    assert path.read_bytes() == before
