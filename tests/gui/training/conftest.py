"""Fixtures for training from the GUI: a shown main window with an example project copied to a
temporary folder (its runs land there), and a guarantee that no run outlives its test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


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
