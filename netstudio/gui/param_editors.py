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

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from netstudio.core.errors import ParamError
from netstudio.core.params import ParamSpec
from netstudio.gui.field_marks import beyond_range, describe, format_value, mark_problem
from netstudio.gui.i18n import translated
from netstudio.gui.number_boxes import INT_LIMIT, FloatSpinBox, IntSpinBox
from netstudio.gui.palette import layer_text, param_words
from netstudio.gui.search_fields import offer_node_param

_SPLIT = re.compile(r"[\s,×xX*]+")
translate = QCoreApplication.translate  # the context: "ParamEditors"


class ParseError(ValueError):
    """Text that is not a value of the parameter's kind; the message says what to type."""


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
                message = translate(
                    "ParamEditors", "'{name}' takes numbers, e.g. {example}; '{token}' is not one"
                )
                raise ParseError(
                    message.format(name=param_words(spec), example=example, token=token)
                ) from None
    if spec.kind in ("ints", "floats"):
        return tuple(numbers)
    if len(numbers) != 1:
        message = translate("ParamEditors", "'{name}' takes one number, got {count}")
        raise ParseError(message.format(name=param_words(spec), count=len(numbers)))
    return numbers[0]


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
        self.widget.setToolTip(layer_text(spec.doc))
        self.widget.setObjectName(f"param_{spec.name}")
        self.widget.setAccessibleName(param_words(spec))
        kind = {"int": "int", "float": "float", "choice": "choice"}.get(spec.kind)
        if kind is not None and not spec.accepts_none:  # "Search this…" on its context menu
            offer_node_param(
                self.widget,
                spec.name,
                spec.display_name,
                kind,  # type: ignore[arg-type]
                spec.minimum,
                spec.maximum,
                list(spec.choices or []),
            )

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
            self.problem = translated(error.message)
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
            # a choice that is a word has a translation (a data source's "regression"); a
            # layer's choices are PyTorch's values ("zeros", "tanh") and show as they are
            box.addItem(QCoreApplication.translate("Choices", str(choice)), choice)
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
            if known:
                edit.setPlaceholderText(
                    translate("ParamEditors", "auto ({value})").format(value=known)
                )
            else:
                edit.setPlaceholderText(translate("ParamEditors", "auto"))
        elif self.spec.accepts_none:
            edit.setPlaceholderText(translate("ParamEditors", "none"))
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
