"""How a field says what is wrong with its value, and the words for values and ranges.

A marked field is never colour alone: red text, an error icon inside a text or number field,
the reason first in its tooltip, and, where a form has room, a message line under the field.
Fields inside a widget that `holds_project_fields` edit the project, so the window's Undo and
Redo keys undo the project's edit from them.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui.icons import icon
from netstudio.gui.style import ERROR_COLOUR

#: The objectName of the error icon a marked text or number field shows (`mark_problem`).
PROBLEM_ICON = "problem_icon"
#: A widget property: the fields inside a widget that has it edit the project
#: (`holds_project_fields`).
PROJECT_FIELDS = "holds_project_fields"

translate = QCoreApplication.translate  # the context: "FieldMarks"


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe(value: Any) -> str:
    """Any value as text: numbers and lists of numbers as typed in a field, text as it is,
    anything else as the file writes it (JSON)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    numbers = value if isinstance(value, (list, tuple)) else [value]
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
        return format_value(value)
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def mark_problem(widget: QWidget, problem: str) -> None:
    """Show `problem` on `widget`: red text, an error icon in a text or number field, the
    reason first in its tooltip; empty: unmark.

    The rest of the tooltip stays whatever the widget's owner last set.
    """
    was = widget.property("problem") or ""
    if not problem and not was:
        return
    tip = widget.toolTip()
    if was and tip.startswith(was):
        tip = tip.removeprefix(was).lstrip("\n")
    widget.setProperty("problem", problem)
    widget.setToolTip(f"{problem}\n\n{tip}" if problem and tip else problem or tip)
    palette = QPalette()  # nothing set: the widget follows its parent's palette again
    if problem:
        palette = widget.palette()
        red = QColor(ERROR_COLOUR)
        for role in ("Text", "WindowText", "ButtonText"):
            palette.setColor(getattr(QPalette.ColorRole, role), red)
    widget.setPalette(palette)
    _show_problem_icon(widget, problem)


@cache
def _problem_icon() -> QIcon:
    return icon("error", QColor(ERROR_COLOUR))


def _show_problem_icon(widget: QWidget, problem: str) -> None:
    """An error icon at the end of a text or number field while it shows a problem: the mark
    is never colour alone."""
    edit: QLineEdit | None = widget if isinstance(widget, QLineEdit) else None
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
    if edit is None:
        return
    action = edit.findChild(QAction, PROBLEM_ICON)
    if action is None:
        if not problem:
            return
        action = QAction(_problem_icon(), "", edit)
        action.setObjectName(PROBLEM_ICON)
        edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(problem)
    action.setVisible(bool(problem))


def message_line(parent: QWidget | None = None) -> QLabel:
    """A line under a field that says why its entry was not taken; hidden while empty."""
    label = QLabel(parent)
    label.setObjectName("field_message")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def show_message(label: QLabel, message: str) -> None:
    """Show `message` on a `message_line` ("" hides it)."""
    label.setText(message)
    label.setVisible(bool(message))


def with_message_line(field: QWidget, parent: QWidget | None = None) -> tuple[QWidget, QLabel]:
    """`field` above its `message_line`, as one widget to place in a form row."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    label = message_line(box)
    column.addWidget(label)
    return box, label


def holds_project_fields(widget: QWidget) -> None:
    """Say that the text and number fields inside `widget` edit the project: the window's
    Undo and Redo keys then undo the project's last edit from them (`edits_project`)."""
    widget.setProperty(PROJECT_FIELDS, True)


def edits_project(widget: QWidget) -> bool:
    """Whether `widget` lies inside one that `holds_project_fields`."""
    current: QWidget | None = widget
    while current is not None:
        if current.property(PROJECT_FIELDS):
            return True
        current = current.parentWidget()
    return False


def beyond_range(value: float, low: float, high: float) -> str:
    """Why a spin box from `low` to `high` cannot hold `value` ("" when it can)."""
    if low <= value <= high:
        return ""
    if value > high:
        text = translate(
            "FieldMarks",
            "{value} is beyond what this field can hold (at most {limit}); it is kept until "
            "you enter another number",
        )
        return text.format(value=format_value(value), limit=format_value(high))
    text = translate(
        "FieldMarks",
        "{value} is beyond what this field can hold (at least {limit}); it is kept until you "
        "enter another number",
    )
    return text.format(value=format_value(value), limit=format_value(low))


def allowed_range(
    low: float | None,
    high: float | None,
    low_open: bool = False,
    high_open: bool = False,
    whole: bool = False,
    unit: str = "",
) -> str:
    """The numbers a field takes, in words: "a whole number from 0 to 90 %", "a number greater
    than 0", "a whole number of at least 1"."""
    kind = (
        translate("FieldMarks", "a whole number") if whole else translate("FieldMarks", "a number")
    )
    unit = f" {unit.strip()}" if unit.strip() else ""
    if low is not None and high is not None and not (low_open or high_open):
        text = translate("FieldMarks", "{kind} from {low} to {high}{unit}")
        return text.format(kind=kind, low=format_value(low), high=format_value(high), unit=unit)
    lowest = format_value(low) if low is not None else ""
    highest = format_value(high) if high is not None else ""
    if low is not None and high is not None:
        first = (
            translate("FieldMarks", "greater than {low}")
            if low_open
            else translate("FieldMarks", "of at least {low}")
        )
        second = (
            translate("FieldMarks", "less than {high}", "after 'greater than' or 'at least'")
            if high_open
            else translate("FieldMarks", "at most {high}", "after 'greater than' or 'at least'")
        )
        bounds = translate("FieldMarks", "{first} and {second}").format(
            first=first.format(low=lowest), second=second.format(high=highest)
        )
    elif low is not None:
        bounds = (
            translate("FieldMarks", "greater than {low}")
            if low_open
            else translate("FieldMarks", "of at least {low}")
        ).format(low=lowest)
    elif high is not None:
        bounds = (
            translate("FieldMarks", "less than {high}")
            if high_open
            else translate("FieldMarks", "of at most {high}")
        ).format(high=highest)
    else:
        return kind + unit
    return translate("FieldMarks", "{kind} {bounds}{unit}").format(
        kind=kind, bounds=bounds, unit=unit
    )
