"""A person's whole path through editing and undo, with the real widgets: open the digits
example, click fc1 on the canvas, edit it in the Inspector and undo there, edit the learning
rate and undo in the Training panel, try an epoch count the settings refuse, save with Ctrl+S
from the field, and find on disk exactly the values the window shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from netstudio.gui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_into(widget: QWidget, text: str, enter: bool = True) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, CTRL)
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """Press a key where the focus is, as a keyboard does."""
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)


def shown(widget) -> str:
    return widget.lineEdit().text().removesuffix(widget.suffix())


def test_edit_undo_in_the_panels_then_save(qtbot, tmp_path: Path, monkeypatch) -> None:
    def no_message(*args, **kwargs):
        raise AssertionError("no message box is expected on this path")

    monkeypatch.setattr(QMessageBox, "exec", no_message)
    discard = QMessageBox.StandardButton.Discard  # closing after a failure: no prompt
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    path = Path(shutil.copy(EXAMPLE, tmp_path / "digits.net"))
    assert window.open_file(path)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()

    # Click fc1 on the canvas: the Inspector shows it.
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    view.centre_on_node("fc1")
    point = view.mapFromScene(scene.nodes["fc1"].scenePos() + QPointF(60, 40))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)  # fmt: skip
    assert window.inspector.node_id == "fc1"
    units = window.inspector.editors["out_features"].widget

    # Inspector: 128 -> 64, then 32 typed; Ctrl+Z commits 32 and undoes it, in the field.
    type_into(units, "64")
    type_into(units, "32", enter=False)
    press(Qt.Key.Key_Z)
    assert shown(units) == "64" and units.hasFocus()
    press(Qt.Key.Key_Z)
    assert shown(units) == "128"
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(units) == "64"
    assert scene.nodes["fc1"].subtitle == "Linear · 64 units"  # the canvas follows

    # Training: the learning rate 0.002 -> 0.01, then 0.05 undone from the field.
    window.training_dock.raise_()
    lr = window.training_ui.panel.form.editors["optimizer.lr"].widget
    qtbot.waitUntil(lr.isVisible)
    type_into(lr, "0.01")
    type_into(lr, "0.05", enter=False)
    press(Qt.Key.Key_Z)
    assert shown(lr) == "0.01"

    # An epoch count the settings refuse stays as typed, with why, and is not saved.
    epochs = window.training_ui.panel.form.editors["epochs"].widget
    type_into(epochs, "-5")
    assert shown(epochs) == "-5" and "too small" in epochs.property("problem")

    # A batch size typed without Enter, then Ctrl+S from the field: saved as shown.
    batch = window.training_ui.panel.form.editors["batch_size"].widget
    type_into(batch, "64", enter=False)
    press(Qt.Key.Key_S)
    assert not window.document.modified

    saved = json.loads(path.read_text(encoding="utf-8"))
    fc1 = next(node for node in saved["networks"][0]["graph"]["nodes"] if node["id"] == "fc1")
    assert fc1["params"]["out_features"] == 64
    assert saved["training"]["optimizer"]["lr"] == 0.01
    assert saved["training"]["batch_size"] == 64
    assert saved["training"]["epochs"] == 20  # the refused -5 never reached the project
