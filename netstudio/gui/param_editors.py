"""One editor widget per parameter kind, chosen from the parameter's `ParamSpec`.

Whole numbers get a spin box with the spec's range, real numbers a spin box that shows
``1e-05`` as written, switches a check box, choices a combo box, and tuples ("3, 3") or values
that may be left empty (``auto``, ``none``) a line edit. An editor emits `committed` with the
value as typed; checking it is the graph's job.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from netstudio.core.params import ParamSpec

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


class FloatSpinBox(QDoubleSpinBox):
    """A spin box for real numbers written compactly (0.001, 1e-05), not with fixed decimals."""

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


class ParamEditor(QObject):
    """The editor of one parameter: `widget` to place in a form, `committed` on a change."""

    committed = Signal(str, object)

    def __init__(self, spec: ParamSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget = self._make(parent)
        self.widget.setToolTip(spec.doc)
        self.widget.setObjectName(f"param_{spec.name}")
        self.widget.setAccessibleName(spec.display_name)

    def _make(self, parent: QWidget) -> QWidget:
        raise NotImplementedError

    def set_value(self, value: Any, implied: Any = None) -> None:
        """Show `value` without committing it; `implied` is what an empty auto field means."""
        raise NotImplementedError

    def _commit(self, value: Any) -> None:
        self.committed.emit(self.spec.name, value)


class IntEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = QSpinBox(parent)
        low = self.spec.minimum if self.spec.minimum is not None else -INT_LIMIT
        high = self.spec.maximum if self.spec.maximum is not None else INT_LIMIT
        box.setRange(int(low), int(high))
        box.setKeyboardTracking(False)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        box.valueChanged.connect(self._commit)
        return box

    def set_value(self, value: Any, implied: Any = None) -> None:
        box: QSpinBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        box.setValue(int(value))
        box.blockSignals(False)


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

    def set_value(self, value: Any, implied: Any = None) -> None:
        box: FloatSpinBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        box.setValue(float(value))
        box.blockSignals(False)


class BoolEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = QCheckBox(parent)
        box.toggled.connect(self._commit)
        return box

    def set_value(self, value: Any, implied: Any = None) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        box.setChecked(bool(value))
        box.blockSignals(False)


class ChoiceEditor(ParamEditor):
    def _make(self, parent: QWidget) -> QWidget:
        box = QComboBox(parent)
        for choice in self.spec.choices:
            box.addItem(str(choice))
        box.activated.connect(lambda index: self._commit(self.spec.choices[index]))
        return box

    def set_value(self, value: Any, implied: Any = None) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        if value in self.spec.choices:
            box.setCurrentIndex(self.spec.choices.index(value))
        box.blockSignals(False)


class LineEditor(ParamEditor):
    """Tuples, text, and numbers that may be left empty for ``auto`` or ``none``."""

    #: The text could not be read as a value; the message says what to type.
    invalid = Signal(str, str)

    def _make(self, parent: QWidget) -> QWidget:
        edit = QLineEdit(parent)
        edit.editingFinished.connect(self._on_finished)
        self._shown = ""
        return edit

    def set_value(self, value: Any, implied: Any = None) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        if self.spec.auto:
            known = format_value(implied)
            edit.setPlaceholderText(f"auto ({known})" if known else "auto")
        elif self.spec.accepts_none:
            edit.setPlaceholderText("none")
        self._shown = value if self.spec.kind == "str" else format_value(value)
        edit.setText(self._shown)

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
