"""Autosave and crash recovery: unsaved work is written to a recovery file, offered back after a
crash, and kept until the person saves or discards it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from netstudio.gui import project_files as project_files_module
from netstudio.gui import recovery as recovery_module
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.dialogs import Restore, SaveOver, ask_save_over
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
    asked_over = answer_save_over(monkeypatch, SaveOver.CANCEL)
    assert second.files.save()  # its own file, unchanged since the autosave: no question
    assert asked_over == []
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


def answer_save_over(monkeypatch, answer: SaveOver) -> list[tuple[Path, str]]:
    asked: list[tuple[Path, str]] = []

    def ask(parent, path, warning):
        asked.append((path, warning))
        return answer

    monkeypatch.setattr(project_files_module, "ask_save_over", ask)
    return asked


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Folder A holds the project worked on; folder B a different project of the same name."""
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir()
    b.mkdir()
    shutil.copy(EXAMPLE, a / "proj.net")
    other = load_project(EXAMPLE)
    other.name = "Someone else's project"
    (b / "proj.net").write_text(dumps_project(other), encoding="utf-8")
    return a, b


def crash_in_folder_a(make_window, a: Path, monkeypatch) -> Path:
    """Open A/proj.net by a relative path, edit, autosave, crash; returns the recovery file."""
    monkeypatch.chdir(a)
    first = make_window()
    assert first.open_file(Path("proj.net"))
    edit(first)
    recovery = first.autosave.save_now()
    assert recovery is not None
    crash(first)
    return recovery


def test_restore_in_another_folder_saves_to_the_original_file_not_the_one_there(
    make_window, two_folders: tuple[Path, Path], monkeypatch
) -> None:
    a, b = two_folders
    crash_in_folder_a(make_window, a, monkeypatch)
    b_bytes = (b / "proj.net").read_bytes()

    monkeypatch.chdir(b)  # the app starts again in a folder with another proj.net
    answer_restore(monkeypatch, Restore.RESTORE)
    asked = answer_save_over(monkeypatch, SaveOver.CANCEL)
    second = make_window()
    assert offer_recovery(second)
    assert second.document.path == (a / "proj.net").resolve()
    assert second.files.save()  # A's file is unchanged since the autosave: no question
    assert asked == []
    assert (b / "proj.net").read_bytes() == b_bytes
    assert load_project(a / "proj.net").graph.node("fc1").params["out_features"] == 321


def test_restore_asks_before_saving_over_a_file_changed_since_the_autosave(
    make_window, two_folders: tuple[Path, Path], monkeypatch
) -> None:
    a, b = two_folders
    recovery = crash_in_folder_a(make_window, a, monkeypatch)
    shutil.copy(b / "proj.net", a / "proj.net")  # another program wrote A/proj.net meanwhile
    replaced = (a / "proj.net").read_bytes()

    answer_restore(monkeypatch, Restore.RESTORE)
    asked = answer_save_over(monkeypatch, SaveOver.CANCEL)
    second = make_window()
    assert offer_recovery(second)
    assert not second.files.save()
    assert [path for path, _ in asked] == [(a / "proj.net").resolve()]
    assert "changed since the autosave" in asked[0][1]
    assert (a / "proj.net").read_bytes() == replaced
    assert recovery.is_file()  # nothing saved: the work is still recoverable

    second.autosave.save_now()  # a second crash must not forget that the file was not checked
    crash(second)
    answer_restore(monkeypatch, Restore.RESTORE)
    third = make_window()
    assert offer_recovery(third)
    assert third.document.save_warning

    asked = answer_save_over(monkeypatch, SaveOver.SAVE)
    assert third.files.save()
    assert len(asked) == 1 and not third.document.save_warning
    assert load_project(a / "proj.net").graph.node("fc1").params["out_features"] == 321
    assert not recovery.exists()


def test_an_old_note_with_a_relative_path_asks_before_saving(
    make_window, two_folders: tuple[Path, Path], monkeypatch
) -> None:
    """A note written before paths were stored absolute, with a hash: the path as typed."""
    a, b = two_folders
    recovery = crash_in_folder_a(make_window, a, monkeypatch)
    note = recovery.with_suffix(".json")
    old = json.loads(note.read_text(encoding="utf-8"))
    del old["sha256"]
    old["path"] = "proj.net"
    note.write_text(json.dumps(old), encoding="utf-8")
    b_bytes = (b / "proj.net").read_bytes()

    monkeypatch.chdir(b)
    asked_restore = answer_restore(monkeypatch, Restore.RESTORE)
    asked = answer_save_over(monkeypatch, SaveOver.CANCEL)
    second = make_window()
    assert offer_recovery(second)  # still offered
    assert asked_restore == ["proj.net"]
    assert not second.files.save()
    assert [path for path, _ in asked] == [b / "proj.net"]
    assert (b / "proj.net").read_bytes() == b_bytes

    saved_as = b / "restored.net"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved_as), ""))
    answer_save_over(monkeypatch, SaveOver.SAVE_AS)
    assert second.files.save()
    assert second.document.path == saved_as and not second.document.save_warning
    assert load_project(saved_as).graph.node("fc1").params["out_features"] == 321
    assert (b / "proj.net").read_bytes() == b_bytes


def test_restoring_a_project_whose_file_is_gone_asks_before_saving(
    make_window, two_folders: tuple[Path, Path], monkeypatch
) -> None:
    a, _ = two_folders
    crash_in_folder_a(make_window, a, monkeypatch)
    (a / "proj.net").unlink()
    answer_restore(monkeypatch, Restore.RESTORE)
    asked = answer_save_over(monkeypatch, SaveOver.CANCEL)
    second = make_window()
    assert offer_recovery(second)
    assert not second.files.save()
    assert len(asked) == 1 and "is gone" in asked[0][1]
    assert not (a / "proj.net").exists()


@pytest.mark.parametrize(
    ("button", "answer"),
    [("Save There", SaveOver.SAVE), ("Save As…", SaveOver.SAVE_AS), ("Cancel", SaveOver.CANCEL)],
)
def test_the_save_over_question_names_the_file_and_why(
    qtbot, tmp_path: Path, button: str, answer: SaveOver
) -> None:
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "save_over_box"
        seen.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, click)
    path = tmp_path / "proj.net"
    assert ask_save_over(None, path, "has changed since the autosave") is answer
    assert seen and str(path) in seen[0] and "has changed since the autosave" in seen[0]
