"""Number fields never change what the person typed silently (-5 becoming 5, 0 becoming 1). An
entry a field cannot take stays as typed, marked (red, an error icon, a message line under the
field) with the reason and the allowed range; the project is unchanged and no undo step is
added until a valid entry is made, which commits as usual. Inspector, Training and Data panels
alike, with the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from netstudio.gui.field_marks import PROBLEM_ICON, allowed_range
from netstudio.gui.main_window import MainWindow
from netstudio.gui.number_boxes import IntSpinBox

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(digits_window: MainWindow) -> MainWindow:
    return digits_window


def shown(widget) -> str:
    return widget.lineEdit().text().removesuffix(widget.suffix())


def marked(widget, reason: str) -> bool:
    """Marked with `reason`: the problem in its tooltip and an error icon in the field."""
    icon = widget.findChild(QLineEdit).findChild(QAction, PROBLEM_ICON)
    return (
        widget.property("problem") == reason
        and reason in widget.toolTip()
        and icon is not None
        and icon.isVisible()
    )


def unmarked(widget) -> bool:
    icon = widget.findChild(QLineEdit).findChild(QAction, PROBLEM_ICON)
    return not widget.property("problem") and (icon is None or not icon.isVisible())


def message_under(widget: QWidget) -> str:
    """The text of the message line under a field ("" while it is hidden)."""
    line = widget.parentWidget().findChild(QWidget, "field_message")
    return line.text() if line.isVisibleTo(widget.window()) else ""


def test_an_inspector_entry_out_of_range_stays_as_typed_with_the_reason(
    hands,
    window: MainWindow,
) -> None:
    window.scene.select_nodes(["fc1"])
    box = window.inspector.editors["out_features"].widget
    graph, stack = window.document.graph, window.document.undo_stack

    hands.type_into(box, "-5")
    reason = window.inspector.errors["out_features"].text()
    assert reason.startswith("-5 is too small: allowed is a whole number ")
    assert ("of at least 1" in reason or "from 1 to" in reason) and "Not applied" in reason
    assert shown(box) == "-5"  # not 5, not 1, not 128
    assert message_under(box) == reason and marked(box, reason)
    assert graph.node("fc1").params["out_features"] == 128 and stack.count() == 0

    hands.type_into(box, "0")
    assert shown(box) == "0" and "0 is too small" in message_under(box)
    assert graph.node("fc1").params["out_features"] == 128 and stack.count() == 0
    box.clearFocus()  # leaving the field does not put anything back either
    assert shown(box) == "0" and graph.node("fc1").params["out_features"] == 128

    hands.type_into(box, "2.5")
    assert message_under(box).startswith("2.5 is not a whole number: allowed is")
    hands.type_into(box, "64")
    assert graph.node("fc1").params["out_features"] == 64 and stack.count() == 1
    assert shown(box) == "64" and message_under(box) == "" and unmarked(box)


def test_a_refused_entry_stays_through_other_edits_until_its_value_changes(
    hands,
    window: MainWindow,
) -> None:
    window.scene.select_nodes(["fc1"])
    box = window.inspector.editors["out_features"].widget
    hands.type_into(box, "64")
    hands.type_into(box, "-5")
    window.training_ui.panel.form.editors["epochs"].widget.setValue(30)  # an edit elsewhere
    assert shown(box) == "-5" and "too small" in message_under(box)

    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)  # undoes the epochs edit: fc1 did not change
    assert window.document.project.training["epochs"] == 20
    assert shown(box) == "-5" and "too small" in message_under(box)
    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)  # undoes 128 -> 64: the field follows
    assert window.document.graph.node("fc1").params["out_features"] == 128
    assert shown(box) == "128" and message_under(box) == "" and unmarked(box)


def test_training_entries_out_of_range_stay_as_typed_with_the_reason(
    hands, window: MainWindow
) -> None:
    project, stack = window.document.project, window.document.undo_stack
    before = dict(project.training)
    epochs = window.training_ui.panel.form.editors["epochs"].widget
    hands.type_into(epochs, "-5")
    assert shown(epochs) == "-5"
    reason = "-5 is too small: allowed is a whole number from 1 to 100000. Not applied."
    assert message_under(epochs) == reason and marked(epochs, reason)
    hands.type_into(epochs, "0")
    assert shown(epochs) == "0" and message_under(epochs).startswith("0 is too small")
    assert project.training == before and stack.count() == 0

    lr = window.training_ui.panel.form.editors["optimizer.lr"].widget
    hands.type_into(lr, "0")
    assert shown(lr) == "0"
    assert message_under(lr) == (
        "0 is too small: allowed is a number greater than 0 and at most 10. Not applied."
    )
    hands.type_into(lr, "abc")
    assert shown(lr) == "abc" and message_under(lr).startswith("'abc' is not a number")
    assert project.training == before and stack.count() == 0

    hands.type_into(epochs, "20")  # the value it holds: the mark goes, nothing is added
    assert message_under(epochs) == "" and unmarked(epochs) and stack.count() == 0
    hands.type_into(lr, "0.01")
    assert project.training["optimizer"]["lr"] == 0.01 and stack.count() == 1
    assert message_under(lr) == "" and unmarked(lr)


def test_data_entries_out_of_range_stay_as_typed_with_the_reason(hands, window: MainWindow) -> None:
    project, stack = window.document.project, window.document.undo_stack
    before = dict(project.data)
    val = window.evaluation_ui.data_panel.val_spin
    hands.type_into(val, "95")
    assert shown(val) == "95"
    reason = "95 is too large: allowed is a whole number from 0 to 90 %. Not applied."
    assert message_under(val) == reason and marked(val, reason)
    seed = window.evaluation_ui.data_panel.seed_spin
    hands.type_into(seed, "-5")
    assert shown(seed) == "-5" and message_under(seed).startswith("-5 is too small")
    rotation = window.evaluation_ui.data_panel.rotation_spin
    hands.type_into(rotation, "200")
    assert shown(rotation) == "200" and "from 0 to 180 °" in message_under(rotation)
    assert project.data == before and stack.count() == 0

    hands.type_into(rotation, "7.5")  # a fraction of a degree is kept, not rounded
    assert project.data["augment"]["rotation_degrees"] == 7.5 and shown(rotation) == "7.5"


def test_a_data_source_setting_out_of_range_stays_as_typed(hands, window: MainWindow) -> None:
    combo = window.evaluation_ui.data_panel.source_combo
    index = combo.findData("spiral")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    stack = window.document.undo_stack
    steps = stack.count()
    classes = window.evaluation_ui.data_panel.editors["classes"].widget
    hands.type_into(classes, "-5")
    assert shown(classes) == "-5" and message_under(classes).startswith("-5 is too small")
    assert "classes" not in window.document.project.data.get("params", {})
    assert stack.count() == steps
    reason = message_under(classes)
    hands.type_into(
        window.evaluation_ui.data_panel.seed_spin, "3"
    )  # another data edit refreshes the panel
    assert shown(classes) == "-5" and message_under(classes) == reason and marked(classes, reason)


def test_a_whole_number_box_on_its_own(hands, qtbot) -> None:
    box = IntSpinBox()
    qtbot.addWidget(box)
    box.setRange(1, 9)
    box.setSuffix(" px")
    box.setKeyboardTracking(False)
    box.setValue(4)
    box.show()
    committed: list[int] = []
    reasons: list[str] = []
    box.valueChanged.connect(committed.append)
    box.refused.connect(reasons.append)
    hands.type_into(box, "12")
    assert shown(box) == "12" and box.value() == 4 and committed == []
    assert reasons == ["12 is too large: allowed is a whole number from 1 to 9 px. Not applied."]
    box.stepBy(1)  # a step starts from the number held, and replaces the entry
    assert box.value() == 5 and committed == [5] and reasons[-1] == "" and unmarked(box)


def test_allowed_ranges_in_words() -> None:
    assert allowed_range(1, None, whole=True) == "a whole number of at least 1"
    assert allowed_range(0, 1, True, False) == "a number greater than 0 and at most 1"
    assert allowed_range(0, 90, whole=True, unit=" %") == "a whole number from 0 to 90 %"
    assert allowed_range(None, None) == "a number"
