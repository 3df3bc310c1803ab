"""Autosave and crash recovery: unsaved work is written to a recovery file, offered back after a
crash, and kept until the person saves or discards it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from netstudio.gui import recovery as recovery_module
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.dialogs import Restore
from netstudio.gui.main_window import MainWindow
from netstudio.gui.recovery import offer_recovery, pending
from netstudio.io import dumps_project, load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mnist_mlp.net"


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "mnist_mlp.net"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def make_window(qtbot, tmp_path: Path, monkeypatch):
    discard = QMessageBox.StandardButton.Discard  # closing with edits asks; tests discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def make() -> MainWindow:
        window = MainWindow(settings, recovery_dir=tmp_path / "recovery")
        qtbot.addWidget(window)
        return window

    return make


def answer_restore(monkeypatch, answer: Restore) -> list[str]:
    asked: list[str] = []

    def ask(parent, name, when):
        asked.append(name)
        return answer

    monkeypatch.setattr(recovery_module, "ask_restore", ask)
    return asked


def crash(window: MainWindow) -> None:
    """What a crash leaves: the window gone without closing, its lock released by the OS."""
    assert window.autosave is not None
    window.autosave.timer.stop()
    if window.autosave._lock is not None:
        window.autosave._lock.unlock()  # the OS drops a dead process's lock


def edit(window: MainWindow) -> None:
    document = window.document
    assert document.push(SetParamsCommand(document.graph, "fc1", {"out_features": 321})) is None


def test_unsaved_work_is_autosaved_and_offered_after_a_crash(
    make_window, project_file: Path, monkeypatch
) -> None:
    first = make_window()
    assert first.open_file(project_file)
    assert first.autosave.save_now() is None  # nothing unsaved: nothing written
    edit(first)
    recovery = first.autosave.save_now()
    assert recovery is not None and recovery.is_file()
    assert first.autosave.timer.interval() == 60_000 and first.autosave.timer.isActive()
    assert pending(recovery.parent) == []  # its app is running: not offered
    edited = dumps_project(first.document.project)
    crash(first)

    asked = answer_restore(monkeypatch, Restore.RESTORE)
    second = make_window()
    assert offer_recovery(second)
    assert asked == ["mnist_mlp.net"]
    document = second.document
    assert document.modified and document.path == project_file
    assert document.graph.node("fc1").params["out_features"] == 321
    assert dumps_project(document.project) == edited
    assert project_file.read_bytes() == EXAMPLE.read_bytes()  # the person's file untouched
    assert recovery.is_file()  # kept until saved or discarded
    document.save()
    assert not recovery.exists()
    assert load_project(project_file).graph.node("fc1").params["out_features"] == 321


def test_later_keeps_the_recovery_file_and_discard_deletes_it(
    make_window, project_file: Path, monkeypatch
) -> None:
    first = make_window()
    assert first.open_file(project_file)
    edit(first)
    recovery = first.autosave.save_now()
    crash(first)
    answer_restore(monkeypatch, Restore.LATER)
    assert not offer_recovery(make_window())
    assert recovery.is_file()
    answer_restore(monkeypatch, Restore.DISCARD)
    assert not offer_recovery(make_window())
    assert not recovery.exists() and not recovery.with_suffix(".json").exists()


def test_closing_and_discarding_removes_the_recovery_file(make_window, project_file: Path) -> None:
    window = make_window()
    assert window.open_file(project_file)
    edit(window)
    recovery = window.autosave.save_now()
    assert recovery is not None
    window.close()  # the unsaved-changes question is answered Discard
    assert not recovery.exists()


def test_undo_back_to_the_saved_state_removes_the_recovery_file(
    make_window, project_file: Path
) -> None:
    window = make_window()
    assert window.open_file(project_file)
    edit(window)
    recovery = window.autosave.save_now()
    window.document.undo_stack.undo()
    assert not window.document.modified and not recovery.exists()


def test_an_unreadable_recovery_file_is_explained(make_window, tmp_path: Path, monkeypatch):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "broken-1234.net").write_text("{ not json", encoding="utf-8")
    answer_restore(monkeypatch, Restore.RESTORE)
    shown: list[str] = []
    monkeypatch.setattr(
        recovery_module, "show_message", lambda parent, title, text, *a: shown.append(text)
    )
    window = make_window()
    assert not offer_recovery(window)
    assert shown and "broken-1234.net" in shown[0]
