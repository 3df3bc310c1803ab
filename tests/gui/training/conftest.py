"""Fixtures for training from the GUI: a shown main window with an example project copied to a
temporary folder (its runs land there), and a guarantee that no run outlives its test."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox

from netstudio.gui.main_window import MainWindow
from netstudio.gui.training import session as session_module

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> Iterator[MainWindow]:
    """An empty main window; unsaved changes are discarded on closing, runs of unsaved
    projects go under tmp_path."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)

    def no_message(box: QMessageBox) -> int:  # a test must not hang on a modal message
        raise AssertionError(f"message box shown: {box.text()} {box.detailedText()}")

    monkeypatch.setattr(QMessageBox, "exec", no_message)
    monkeypatch.setattr(session_module, "unsaved_runs_root", lambda: tmp_path / "unsaved-runs")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    session = win.training_ui.session
    session.shutdown()
    assert session.worker_thread is None and not session.running


@pytest.fixture
def open_example(window: MainWindow, tmp_path: Path) -> Callable[..., Path]:
    """Copy an example into tmp_path, with `training` settings merged in, and open it."""

    def open_(name: str, training: dict[str, Any] | None = None, **sections: Any) -> Path:
        data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        data["training"] = {**data["training"], **(training or {})}
        if "graph" in sections:  # the main network's graph (file format 3)
            data["networks"][0]["graph"] = sections.pop("graph")
        data.update(sections)
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        assert window.open_file(path)
        return path

    return open_


def copy_example(name: str, folder: Path) -> Path:
    return Path(shutil.copy(EXAMPLES / name, folder / name))


class FakeSession(QObject):
    """The session's signals alone, for the Curves panel without a run."""

    running_changed = Signal(bool)
    run_started = Signal(object)
    batches_ended = Signal(object)
    epochs_ended = Signal(object)
    document_changed = Signal(object)
    config = None


@pytest.fixture
def fake_session() -> FakeSession:
    return FakeSession()
