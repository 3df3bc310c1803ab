"""One editor widget per parameter kind, chosen from the parameter's `ParamSpec`.

Whole numbers get a spin box with the spec's range, real numbers a spin box that shows
``1e-05`` as written, switches a check box, choices a combo box, and tuples ("3, 3") or values
that may be left empty (``auto``, ``none``) a line edit. An editor emits `committed` with the
value as typed; checking it is the graph's job.

Showing a value never raises. One the editor cannot show as it is (the wrong type in a file
edited by hand, out of the parameter's range, beyond what a Qt spin box holds) is shown as
written where the widget allows, in red, with the reason in its tooltip and the editor's
`problem`; the person's first entry replaces it through the usual `committed`.

Typing never changes silently: a number entry the field cannot take (-5 where 1 or more is
allowed) stays as typed, marked, and `invalid` says why and what is allowed; nothing is
committed until the entry is valid.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPalette, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.errors import ParamError
from netstudio.core.params import ParamSpec
from netstudio.gui.icons import icon
from netstudio.gui.style import ERROR_COLOUR

INT_LIMIT = 2**31 - 1
#: The objectName of the error icon a marked text or number field shows (`mark_problem`).
PROBLEM_ICON = "problem_icon"
#: A widget property: the fields inside a widget that has it edit the project
#: (`holds_project_fields`).
PROJECT_FIELDS = "holds_project_fields"
_SPLIT = re.compile(r"[\s,×xX*]+")


class ParseError(ValueError):
    """Text that is not a value of the parameter's kind; the message says what to type."""


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
    limit = f"at most {format_value(high)}" if value > high else f"at least {format_value(low)}"
    return (
        f"{format_value(value)} is beyond what this field can hold ({limit}); "
        "it is kept until you enter another number"
    )


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
    kind = "a whole number" if whole else "a number"
    unit = f" {unit.strip()}" if unit.strip() else ""
    if low is not None and high is not None and not (low_open or high_open):
        return f"{kind} from {format_value(low)} to {format_value(high)}{unit}"
    parts = []
    if low is not None:
        parts.append(f"{'greater than' if low_open else 'of at least'} {format_value(low)}")
    if high is not None:
        parts.append(f"{'less than' if high_open else 'of at most'} {format_value(high)}")
    if len(parts) == 2:
        parts[1] = parts[1].removeprefix("of ")
    return " ".join([kind, " and ".join(parts)]).strip() + unit


def parse_value(spec: ParamSpec, text: str) -> Any:
    """The value `text` stands for, for this parameter (empty text: None)."""
    text = text.strip()
    if not text:
        return None
    tokens = [t for t in _SPLIT.split(text) if t]
    numbers: list[int | float] = []
    for token in tokens:
        try:
            numbers.append(int(token))
        except ValueError:
            try:
                numbers.append(float(token))
            except ValueError:
                example = "3, 3" if spec.kind in ("ints", "floats") else "64"
                raise ParseError(
                    f"'{spec.display_name}' takes numbers, e.g. {example}; '{token}' is not one"
                ) from None
    if spec.kind in ("ints", "floats"):
        return tuple(numbers)
    if len(numbers) != 1:
        raise ParseError(f"'{spec.display_name}' takes one number, got {len(numbers)}")
    return numbers[0]


class ShowsAnyValue:
    """What a spin box needs so that it never changes a number silently.

    A value it cannot hold (beyond its range, or not a number at all: a file edited by hand)
    is shown as written and marked with the reason (`show_text`), never raised or clamped.
    The person's first action on it, typing or a step, is announced with `valueChanged` even
    when the number they enter equals the one held underneath (`fallback`), so such a value is
    always replaced by what they chose.

    What the person types stays as typed. An entry the box cannot take (out of range, not a
    number, a fraction in a whole-number field) is not clamped, corrected or put back when the
    entry ends (Enter, leaving the field): it stays on show, marked, and `refused` says why and
    what is allowed (`set_allowed`); nothing is announced, so nothing is committed, and the box
    still holds the number last shown. The next valid entry or step clears it (`refused("")`).

    Concrete boxes declare ``refused = Signal(str)`` and call `_start_showing_any` once built.
    """

    whole_numbers = False
    _unfit: str | None = None
    _acted = False
    _typing = False
    _refusal = ""
    _allowed: tuple[float | None, float | None, bool, bool] | None = None

    def _start_showing_any(self: Any) -> None:
        # The entry it cannot take is kept as typed: never corrected to the nearest bound.
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.lineEdit().textEdited.connect(self._on_typed)
        self.valueChanged.connect(self._on_value_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def set_allowed(
        self,
        low: float | None,
        high: float | None,
        low_open: bool = False,
        high_open: bool = False,
    ) -> None:
        """The numbers the setting takes (None: no bound; open: the bound itself is not), for
        the reason given when an entry is refused; by default, the box's own range."""
        self._allowed = (low, high, low_open, high_open)

    @property
    def refusal(self) -> str:
        """Why the entry on show was not taken ("" when it was, or none is pending)."""
        return self._refusal

    @property
    def typed_entry(self) -> bool:
        """Whether the value being announced was typed (and entered), not stepped or set: a
        typed entry is an edit of its own, steps in a row may merge into one."""
        return self._typing

    def show_number(self: Any, value: float) -> str:
        """Show `value` without signals; one beyond the range is shown as written, marked, and
        the reason returned ("" when it fits).

        Showing the number the box already holds again keeps a refused entry on show: what the
        person typed is not wiped because something else in the project changed.
        """
        low, high = self.minimum(), self.maximum()
        problem = beyond_range(value, low, high)
        if problem:
            self.show_text(format_value(value), problem, high if value > high else low)
            return problem
        if self._refusal and value == self.value():
            return ""
        self._unfit, self._acted = None, False
        with QSignalBlocker(self):
            self.setValue(value)
        mark_problem(self, "")
        self._forget_refusal()
        return ""

    def show_text(self: Any, text: str, problem: str, fallback: float | None = None) -> None:
        """Show `text` in place of a number, marked with `problem`, without signals; `fallback`
        (a number the box holds; default its minimum) is what it holds underneath."""
        with QSignalBlocker(self):
            self._unfit = None
            self.setValue(self.minimum() if fallback is None else fallback)
            self._unfit, self._acted = text, False
            self.lineEdit().setText(self.prefix() + text + self.suffix())
        mark_problem(self, problem)
        self._forget_refusal()

    @property
    def shows_unfit(self) -> bool:
        """Whether the box shows a value it cannot hold (see `show_text`)."""
        return self._unfit is not None

    def textFromValue(self: Any, value: float) -> str:
        return self._unfit if self._unfit is not None else super().textFromValue(value)

    def valueFromText(self: Any, text: str) -> Any:
        if self._unfit is not None and self._bare(text) == self._unfit:
            return self.value()
        return super().valueFromText(text)

    def validate(self: Any, text: str, pos: int) -> object:
        if self._unfit is not None and self._bare(text) == self._unfit:
            return QValidator.State.Acceptable, text, pos
        state, text, pos = super().validate(text, pos)
        if state != QValidator.State.Acceptable:
            # Any key may be typed: an entry that cannot be taken is refused, with the
            # reason, when it ends (`fixup`), never dropped key by key (-5 becoming 5).
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self: Any, text: str) -> str:
        """Called when an entry ends that the box cannot take: keep it on show, refused."""
        self._refuse(self._bare(text))
        return text

    def stepBy(self: Any, steps: int) -> None:
        if self._unfit is not None:
            self._unfit, self._acted = None, True
        self._typing = False
        super().stepBy(steps)
        self._on_editing_finished()  # a step that did not change the number still replaces

    def _bare(self: Any, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix())

    def _refuse(self: Any, text: str) -> None:
        reason = self._why_not(text)
        self._unfit, self._acted, self._refusal = text, False, reason
        mark_problem(self, reason)
        self.refused.emit(reason)

    def _forget_refusal(self: Any) -> None:
        if self._refusal:
            self._refusal = ""
            self.refused.emit("")

    def _number(self: Any, text: str) -> float | None:
        """The number `text` stands for, if any (group separators allowed)."""
        text = text.strip().replace(self.locale().groupSeparator(), "")
        try:
            return float(text)
        except ValueError:
            return None

    def _why_not(self: Any, text: str) -> str:
        """Why the box cannot take the entry `text`, with the numbers it takes."""
        low, high = self.minimum(), self.maximum()
        allowed = self._allowed or (low, high, False, False)
        words = allowed_range(*allowed, whole=self.whole_numbers, unit=self.suffix())
        number = self._number(text)
        shown = text.strip()
        if not shown:
            what = "The field is empty"
        elif number is None:
            what = f"'{shown}' is not a number"
        elif not math.isfinite(number):
            what = f"{shown} is not a finite number"
        elif self.whole_numbers and not number.is_integer():
            what = f"{shown} is not a whole number"
        elif number < low or number > high:
            a_low, a_high, low_open, high_open = allowed
            below = a_low is not None and (number <= a_low if low_open else number < a_low)
            above = a_high is not None and (number >= a_high if high_open else number > a_high)
            if not (below or above):  # the setting takes it, this field cannot hold it
                limit = f"at most {format_value(high)}"
                if number < low:
                    limit = f"at least {format_value(low)}"
                return f"{shown} is beyond what this field can hold ({limit}). Not applied."
            what = f"{shown} is too {'small' if number < low else 'large'}"
        elif isinstance(self, QDoubleSpinBox) and number != 0:
            finest = format_value(10.0 ** -self.decimals())
            what = f"{shown} is finer than this field holds (steps of {finest})"
        else:
            what = f"'{shown}' cannot be read as a number"
        return f"{what}: allowed is {words}. Not applied."

    def _on_typed(self, _text: str) -> None:
        self._typing = True
        if self._unfit is not None:
            self._unfit, self._acted = None, True

    def _on_value_changed(self, _value: float) -> None:
        self._acted = False  # announced

    def _on_editing_finished(self: Any) -> None:
        if self._unfit is None and self._refusal:  # a valid entry or step replaced it
            mark_problem(self, "")
            self._forget_refusal()
        if self._acted:
            self._acted = False
            self.valueChanged.emit(self.value())
        self._typing = False  # the entry has ended


class IntSpinBox(ShowsAnyValue, QSpinBox):
    """A whole-number spin box that shows values it cannot hold and keeps entries it cannot
    take on show, refused with the reason (see `ShowsAnyValue`)."""

    #: Why the entry on show was not taken, with what is allowed ("": the refusal is over).
    refused = Signal(str)
    whole_numbers = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_showing_any()


class _CompactSpinBox(QDoubleSpinBox):
    """Real numbers written compactly (0.001, 1e-05), not with fixed decimals.

    `off_text` (when set) is what the minimum is written as ("off"), and read back as it.
    """

    off_text = ""

    def _plain(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def textFromValue(self, value: float) -> str:
        if self.off_text and value <= self.minimum():
            return self.off_text
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        plain = self._plain(text)
        if self.off_text and plain == self.off_text:
            return self.minimum()
        try:
            return float(plain)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        stripped = self._plain(text)
        if self.off_text and stripped == self.off_text:
            return QValidator.State.Acceptable, text, pos
        if not stripped or stripped in ("-", ".", "-.") or stripped.endswith(("e", "e-", "E")):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        finest = 10.0 ** -self.decimals()
        if value != 0 and abs(value) < finest / 2:  # it would be held as 0
            return QValidator.State.Intermediate, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class FloatSpinBox(ShowsAnyValue, _CompactSpinBox):
    """A spin box for real numbers written compactly (0.001, 1e-05), not with fixed decimals,
    that shows values it cannot hold and keeps entries it cannot take on show, refused with
    the reason (see `ShowsAnyValue`)."""

    #: Why the entry on show was not taken, with what is allowed ("": the refusal is over).
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_showing_any()


class ParamEditor(QObject):
    """The editor of one parameter: `widget` to place in a form, `committed` on a change."""

    committed = Signal(str, object)
    #: The entry could not be taken: (parameter name, why, in words); "" when that is over.
    invalid = Signal(str, str)

    def __init__(self, spec: ParamSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        #: Why the value shown is not one the parameter takes, in words ("" when it is).
        self.problem = ""
        self.widget = self._make(parent)
        self.widget.setToolTip(spec.doc)
        self.widget.setObjectName(f"param_{spec.name}")
        self.widget.setAccessibleName(spec.display_name)

    def _make(self, parent: QWidget) -> QWidget:
        raise NotImplementedError

    def set_value(self, value: Any, implied: Any = None) -> None:
        """Show `value` without committing it; `implied` is what an empty auto field means.

        Never raises: a value the parameter does not take, or the widget cannot hold, is shown
        as well as the widget can, marked, with the reason in `problem`.
        """
        try:
            checked = self.spec.check(value)
        except ParamError as error:
            self.problem = str(error)
            self._show_unfit(value)
        else:
            self.problem = self._show(checked, implied)
        # A refused entry the widget keeps on show (the value did not change) stays marked.
        mark_problem(self.widget, self.problem or getattr(self.widget, "refusal", ""))

    def _show(self, value: Any, implied: Any) -> str:
        """Show a value the parameter takes; the reason when the widget cannot hold it."""
        raise NotImplementedError

    def _show_unfit(self, value: Any) -> None:
        """Show a value the parameter does not take (`problem` says why)."""
        raise NotImplementedError

    def _fallback(self) -> float | None:
        """The default, as the number a spin box holds under a value it cannot show."""
        default = self.spec.default
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            return default
        return None

    def _commit(self, value: Any) -> None:
        self.committed.emit(self.spec.name, value)

    def _refused(self, reason: str) -> None:
        self.invalid.emit(self.spec.name, reason)


class IntEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = IntSpinBox(parent)
        low = self.spec.minimum if self.spec.minimum is not None else -INT_LIMIT
        high = self.spec.maximum if self.spec.maximum is not None else INT_LIMIT
        box.setRange(max(int(low), -INT_LIMIT), min(int(high), INT_LIMIT))
        box.set_allowed(self.spec.minimum, self.spec.maximum)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(self._commit)
        box.refused.connect(self._refused)
        return box

    def _show(self, value: Any, implied: Any) -> str:
        box: IntSpinBox = self.widget  # type: ignore[assignment]
        return box.show_number(value)

    def _show_unfit(self, value: Any) -> None:
        box: IntSpinBox = self.widget  # type: ignore[assignment]
        fallback = self._fallback()
        fits = fallback is not None and not beyond_range(fallback, box.minimum(), box.maximum())
        box.show_text(describe(value), self.problem, int(fallback) if fits else None)


class FloatEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = FloatSpinBox(parent)
        box.setDecimals(10)
        low = self.spec.minimum if self.spec.minimum is not None else -1e12
        high = self.spec.maximum if self.spec.maximum is not None else 1e12
        box.setRange(float(low), float(high))
        box.set_allowed(self.spec.minimum, self.spec.maximum)
        box.setSingleStep(0.05 if high <= 1 else 0.1)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(self._commit)
        box.refused.connect(self._refused)
        return box

    def _show(self, value: Any, implied: Any) -> str:
        box: FloatSpinBox = self.widget  # type: ignore[assignment]
        return box.show_number(float(value))

    def _show_unfit(self, value: Any) -> None:
        box: FloatSpinBox = self.widget  # type: ignore[assignment]
        fallback = self._fallback()
        fits = fallback is not None and not beyond_range(fallback, box.minimum(), box.maximum())
        box.show_text(describe(value), self.problem, float(fallback) if fits else None)


class BoolEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = QCheckBox(parent)
        box.toggled.connect(self._commit)
        return box

    def _show(self, value: Any, implied: Any) -> str:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(box):
            box.setChecked(value)
        return ""

    def _show_unfit(self, value: Any) -> None:
        self._show(self.spec.default is True, None)  # the first click writes a true or false


class ChoiceEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = QComboBox(parent)
        for choice in self.spec.choices:
            box.addItem(str(choice))
        box.activated.connect(lambda index: self._commit(self.spec.choices[index]))
        return box

    def _show(self, value: Any, implied: Any) -> str:
        box: QComboBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(box):
            box.setCurrentIndex(self.spec.choices.index(value))
        return ""

    def _show_unfit(self, value: Any) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(box):
            box.setCurrentIndex(-1)  # none chosen: picking any one writes it


class LineEditor(ParamEditor):
    """Tuples, text, and numbers that may be left empty for ``auto`` or ``none``."""

    def _make(self, parent: QWidget) -> QWidget:
        edit = QLineEdit(parent)
        edit.editingFinished.connect(self._on_finished)
        self._shown = ""
        return edit

    def _show(self, value: Any, implied: Any) -> str:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        if self.spec.auto:  # a shape reads as one: auto (1×8×8)
            known = (
                "×".join(map(format_value, implied))
                if isinstance(implied, (tuple, list))
                else format_value(implied)
            )
            edit.setPlaceholderText(f"auto ({known})" if known else "auto")
        elif self.spec.accepts_none:
            edit.setPlaceholderText("none")
        self._show_text(value if self.spec.kind == "str" else format_value(value))
        return ""

    def _show_unfit(self, value: Any) -> None:
        self._show_text(describe(value))

    def _show_text(self, text: str) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        self._shown = text
        edit.setText(text)

    def _on_finished(self) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        text = edit.text()
        if text == self._shown:
            self.invalid.emit(self.spec.name, "")  # back to the value on show
            return
        if self.spec.kind == "str":
            self._commit(text)
            return
        try:
            value = parse_value(self.spec, text)
        except ParseError as error:
            self.invalid.emit(self.spec.name, str(error))
            return
        self.invalid.emit(self.spec.name, "")
        self._commit(value)


def make_editor(spec: ParamSpec, parent: QWidget) -> ParamEditor:
    """The editor that fits `spec`."""
    if spec.kind == "bool":
        return BoolEditor(spec, parent)
    if spec.kind == "choice":
        return ChoiceEditor(spec, parent)
    if spec.accepts_none or spec.kind in ("ints", "floats", "str"):
        return LineEditor(spec, parent)
    if spec.kind == "int":
        return IntEditor(spec, parent)
    return FloatEditor(spec, parent)
