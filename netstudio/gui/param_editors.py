"""One editor widget per parameter kind, chosen from the parameter's `ParamSpec`.

Whole numbers get a spin box with the spec's range, real numbers a spin box that shows
``1e-05`` as written, switches a check box, choices a combo box, and tuples ("3, 3") or values
that may be left empty (``auto``, ``none``) a line edit. An editor emits `committed` with the
value as typed; checking it is the graph's job.

Showing a value never raises. One the editor cannot show as it is (the wrong type in a file
edited by hand, out of the parameter's range, beyond what a Qt spin box holds) is shown as
written where the widget allows, in red, with the reason in its tooltip and the editor's
`problem`; the person's first entry replaces it through the usual `committed`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from netstudio.core.errors import ParamError
from netstudio.core.params import ParamSpec
from netstudio.gui.style import ERROR_COLOUR

INT_LIMIT = 2**31 - 1
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
    """Show `problem` on `widget`: red text, the reason first in its tooltip; empty: unmark.

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


def beyond_range(value: float, low: float, high: float) -> str:
    """Why a spin box from `low` to `high` cannot hold `value` ("" when it can)."""
    if low <= value <= high:
        return ""
    limit = f"at most {format_value(high)}" if value > high else f"at least {format_value(low)}"
    return (
        f"{format_value(value)} is beyond what this field can hold ({limit}); "
        "it is kept until you enter another number"
    )


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
    """What a spin box needs to show a value it cannot hold (beyond its range, or not a number
    at all) as written, marked with the reason, instead of raising or clamping it silently.

    Underneath, the box holds a number it can (`fallback`). The person's first action on it,
    typing or a step, is announced with `valueChanged` even when the number they enter equals
    that one, so the value that could not be shown is always replaced by what they chose.
    Concrete boxes call `_start_showing_any` once built.
    """

    _unfit: str | None = None
    _acted = False

    def _start_showing_any(self: Any) -> None:
        self.lineEdit().textEdited.connect(self._on_typed)
        self.valueChanged.connect(self._on_value_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def show_number(self: Any, value: float) -> str:
        """Show `value` without signals; one beyond the range is shown as written, marked, and
        the reason returned ("" when it fits)."""
        low, high = self.minimum(), self.maximum()
        problem = beyond_range(value, low, high)
        if problem:
            self.show_text(format_value(value), problem, high if value > high else low)
            return problem
        self._unfit, self._acted = None, False
        with QSignalBlocker(self):
            self.setValue(value)
        mark_problem(self, "")
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
        return super().validate(text, pos)

    def stepBy(self: Any, steps: int) -> None:
        if self._unfit is not None:
            self._unfit, self._acted = None, True
        super().stepBy(steps)
        self._on_editing_finished()  # a step that did not change the number still replaces

    def _bare(self: Any, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix())

    def _on_typed(self, _text: str) -> None:
        if self._unfit is not None:
            self._unfit, self._acted = None, True

    def _on_value_changed(self, _value: float) -> None:
        self._acted = False  # announced

    def _on_editing_finished(self: Any) -> None:
        if self._acted:
            self._acted = False
            self.valueChanged.emit(self.value())


class IntSpinBox(ShowsAnyValue, QSpinBox):
    """A whole-number spin box that shows values it cannot hold (see `ShowsAnyValue`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_showing_any()


class _CompactSpinBox(QDoubleSpinBox):
    """Real numbers written compactly (0.001, 1e-05), not with fixed decimals."""

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped or stripped in ("-", ".", "-.") or stripped.endswith(("e", "e-", "E")):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class FloatSpinBox(ShowsAnyValue, _CompactSpinBox):
    """A spin box for real numbers written compactly (0.001, 1e-05), not with fixed decimals,
    that shows values it cannot hold (see `ShowsAnyValue`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_showing_any()


class ParamEditor(QObject):
    """The editor of one parameter: `widget` to place in a form, `committed` on a change."""

    committed = Signal(str, object)

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
        mark_problem(self.widget, self.problem)

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


class IntEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = IntSpinBox(parent)
        low = self.spec.minimum if self.spec.minimum is not None else -INT_LIMIT
        high = self.spec.maximum if self.spec.maximum is not None else INT_LIMIT
        box.setRange(max(int(low), -INT_LIMIT), min(int(high), INT_LIMIT))
        box.setKeyboardTracking(False)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        box.valueChanged.connect(self._commit)
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
        box.setSingleStep(0.05 if high <= 1 else 0.1)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(self._commit)
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

    #: The text could not be read as a value; the message says what to type.
    invalid = Signal(str, str)

    def _make(self, parent: QWidget) -> QWidget:
        edit = QLineEdit(parent)
        edit.editingFinished.connect(self._on_finished)
        self._shown = ""
        return edit

    def _show(self, value: Any, implied: Any) -> str:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        if self.spec.auto:
            known = format_value(implied)
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
            return
        if self.spec.kind == "str":
            self._commit(text)
            return
        try:
            value = parse_value(self.spec, text)
        except ParseError as error:
            self.invalid.emit(self.spec.name, str(error))
            return
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
