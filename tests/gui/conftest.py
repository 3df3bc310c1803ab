"""GUI tests run offscreen: no display is needed (CI has none). `hands` drives the window the
way a person does, for the tests that walk a whole story; `digits_window` is the digits example
open in a shown window.

(pytest runs with --import-mode=importlib: what tests share reaches them as fixtures.)"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from netstudio.gui.canvas.view import LAYER_MIME
from netstudio.gui.main_window import MainWindow
from netstudio.gui.training import session as session_module

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class Hands:
    """What a person's hands do in the window: a menu action, typing into a field, a layer
    dragged from the palette onto the canvas, a wire dragged from port to port."""

    @staticmethod
    def action(window: MainWindow, name: str) -> QAction:
        found = window.findChild(QAction, name)
        assert found is not None, name
        return found

    @staticmethod
    def type_into(widget: QWidget, text: str, enter: bool = True) -> None:
        """Select what the field holds, type `text` over it, and press Enter (unless not)."""
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Backspace)
        QTest.keyClicks(widget, text)
        if enter:
            QTest.keyClick(widget, Qt.Key.Key_Return)

    @staticmethod
    def drop_layer(window: MainWindow, type_id: str, offset: QPoint) -> str:
        """Drop a layer dragged from the palette at `offset` from the view's centre; its id."""
        view = window.view
        before = {node.id for node in window.document.graph}
        mime = QMimeData()
        mime.setData(LAYER_MIME, type_id.encode())
        point = view.viewport().rect().center() + offset
        view.dropEvent(
            QDropEvent(
                QPointF(point),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
        (new,) = [node.id for node in window.document.graph if node.id not in before]
        return new

    @staticmethod
    def wire(window: MainWindow, src: str, dst: str) -> None:
        """Drag from `src`'s output port to `dst`'s input port."""
        view, scene = window.view, window.scene
        start = scene.port(src, "out", False).scene_anchor()
        end = scene.port(dst, "in", True).scene_anchor()
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(view.viewport(), left, none, view.mapFromScene(start))
        for i in range(1, 7):
            QTest.mouseMove(view.viewport(), view.mapFromScene(start + (end - start) * (i / 6)))
        QTest.mouseRelease(view.viewport(), left, none, view.mapFromScene(end))


#: How long a modal dialog may wait for an answer before the watchdog closes it.
MODAL_PATIENCE_S = 20.0


@pytest.fixture(autouse=True)
def modal_watchdog(qapp: QApplication) -> Iterator[None]:
    """Fail, instead of hanging, a test that opens a modal dialog it does not answer.

    Offscreen nobody clicks: an unanswered `exec()` would hold the whole run until CI's limit.
    The watchdog's timer fires inside the dialog's own event loop, closes a dialog that waited
    longer than `MODAL_PATIENCE_S`, and the test fails naming it."""
    seen: dict[int, float] = {}
    stuck: list[str] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            seen.clear()
            return
        first = seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - first < MODAL_PATIENCE_S:
            return
        text = modal.text() if isinstance(modal, QMessageBox) else ""
        stuck.append(f"{type(modal).__name__} “{modal.windowTitle()}” {text}".strip())
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
    assert not stuck, f"a modal dialog waited for an answer no test gave: {stuck}"


@pytest.fixture
def hands() -> type[Hands]:
    return Hands


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


@pytest.fixture
def blank_window(qtbot, monkeypatch) -> MainWindow:
    """A shown main window with a new project and no PyTorch (no shape is ever inferred, so a
    layer of any size is never built). Closing it with changes discards them."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    window = MainWindow(analysis_ready=False)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def digits_window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    """The digits example (a copy) open in a shown main window; no PyTorch needed. Closing it
    with changes discards them."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    path = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
    assert window.open_file(path)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def chinese() -> Iterator[None]:
    """Simplified Chinese installed for one test, before its window is built (English, the
    tests' language, again after)."""
    from netstudio.gui import i18n

    i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """English installed as the app installs it at start, so every test reads what a person
    reads ("1 test sample could not be read", not "1 test sample(s)"), whichever test ran
    first in its process."""
    from netstudio.gui import i18n

    i18n.install("en")
