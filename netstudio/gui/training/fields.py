"""Editors for the fields of `TrainingConfig`, built from the pydantic model itself.

Each `FieldEditor` edits one dotted path (``optimizer.lr``): its range comes from the field's
``ge``/``gt``/``le``/``lt`` constraints, its tooltip from the field's description, so the form
and the file reader can never disagree about what is allowed. A number beyond what its spin box
holds (a seed of 10**12) is shown as written and marked, never raised or clamped silently; an
entry a field cannot take (-5 epochs) stays as typed and `invalid` says why and what is allowed.
"""

from __future__ import annotations

from typing import Any, get_args

import annotated_types as at
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.field_marks import describe
from netstudio.gui.number_boxes import FloatSpinBox, IntSpinBox, ShowsAnyValue
from netstudio.gui.search_fields import offer_setting
from netstudio.gui.training.field_docs import tooltip
from netstudio.training.config import TrainingConfig

INT_LIMIT = 2**31 - 1
#: The fields' words are translated in the context "TrainingFields" (the editors are
#: QObjects of several classes: one context for all of them).
translate = QCoreApplication.translate


def field_info(path: str, model: type[BaseModel] = TrainingConfig) -> FieldInfo:
    """The pydantic field at a dotted `path` of `model` (through optional sections such as
    ``gan``, typed `GanConfig | None`)."""
    *parents, name = path.split(".")
    for part in parents:
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            annotation = next(
                arg
                for arg in get_args(annotation)
                if isinstance(arg, type) and issubclass(arg, BaseModel)
            )
        model = annotation
    return model.model_fields[name]


def bounds(info: FieldInfo) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low is exclusive, high is exclusive) from the field's constraints."""
    low = high = None
    low_open = high_open = False
    for item in info.metadata:
        if isinstance(item, at.Ge):
            low = item.ge
        elif isinstance(item, at.Gt):
            low, low_open = item.gt, True
        elif isinstance(item, at.Le):
            high = item.le
        elif isinstance(item, at.Lt):
            high, high_open = item.lt, True
    return low, high, low_open, high_open


def get_path(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data[part]
    return data


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `value` at a dotted path of a nested dict, creating the sections on the way."""
    *parents, name = path.split(".")
    for part in parents:
        inner = data.get(part)
        if not isinstance(inner, dict):  # absent, or an optional section held as None
            inner = data[part] = {}
        data = inner
    data[name] = value


def _label(path: str) -> str:
    """What the search calls the setting at `path`: its field's title, else its last name."""
    info = field_info(path)
    return info.title or path.rsplit(".", 1)[-1].replace("_", " ")


class FieldEditor(QObject):
    """One field's widget; `committed(path, value)` when the person changes it, and
    `invalid(path, why)` when an entry cannot be taken ("" once that is over)."""

    committed = Signal(str, object)
    invalid = Signal(str, str)

    def __init__(self, path: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.path = path
        self.widget = widget
        widget.setObjectName("training_" + path.replace(".", "_"))
        if not isinstance(widget, QCheckBox):  # fit the dock's ~290 px, whatever the range
            widget.setMinimumWidth(64)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        description = field_info(path).description
        if description:
            widget.setToolTip(tooltip(description))

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def typed(self) -> bool:
        """Whether the change being committed was typed and entered (an edit of its own),
        rather than stepped, chosen or set (which may merge with the one before)."""
        return isinstance(self.widget, ShowsAnyValue) and self.widget.typed_entry

    def _commit(self, value: Any) -> None:
        self.committed.emit(self.path, value)

    def _refused(self, reason: str) -> None:
        self.invalid.emit(self.path, reason)


def show_number(box: ShowsAnyValue, value: Any) -> None:
    """Show `value` in a spin box; never raises, whatever the value (see `ShowsAnyValue`)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        box.show_number(value)
    else:
        said = describe(value) or translate("TrainingFields", "nothing")
        box.show_text(
            describe(value),
            translate("TrainingFields", "{value} is not a number").format(value=said),
        )


class ChoiceField(FieldEditor):
    """A combo box of (value, label) choices."""

    def __init__(self, path: str, choices: list[tuple[str, str]], parent: QWidget) -> None:
        box = QComboBox(parent)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        for value, label in choices:
            box.addItem(label, value)
        super().__init__(path, box)
        box.currentIndexChanged.connect(lambda i: self._commit(box.itemData(i)))
        offer_setting(
            box,
            "training." + path,
            _label(path),
            "choice",
            choices=lambda: [box.itemData(i) for i in range(box.count())],
        )

    def set_value(self, value: Any) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(value)))
        box.blockSignals(False)

    def set_choices(self, choices: list[tuple[str, str]], value: Any) -> None:
        """Offer these choices now (the project's networks change), `value` chosen."""
        box: QComboBox = self.widget  # type: ignore[assignment]
        if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] != choices:
            box.blockSignals(True)
            box.clear()
            for data, label in choices:
                box.addItem(label, data)
            box.blockSignals(False)
        self.set_value(value)


class IntField(FieldEditor):
    def __init__(self, path: str, parent: QWidget, maximum: int | None = None) -> None:
        box = IntSpinBox(parent)
        low, high, low_open, high_open = bounds(field_info(path))
        low_i = int(low) + (1 if low_open else 0) if low is not None else -INT_LIMIT
        high_i = int(high) - (1 if high_open else 0) if high is not None else INT_LIMIT
        box.setRange(max(low_i, -INT_LIMIT), min(high_i, maximum or INT_LIMIT, INT_LIMIT))
        box.set_allowed(
            None if low is None else low_i,
            maximum if high is None else min(high_i, maximum or high_i),
        )
        box.setKeyboardTracking(False)
        box.setGroupSeparatorShown(True)
        super().__init__(path, box)
        box.valueChanged.connect(self._commit)
        box.refused.connect(self._refused)
        offer_setting(box, "training." + path, _label(path), "int", box.minimum(), box.maximum())

    def set_value(self, value: Any) -> None:
        box: IntSpinBox = self.widget  # type: ignore[assignment]
        show_number(box, value)


class FloatField(FieldEditor):
    """A real number; `optional` fields show "off" at the minimum and store None there."""

    def __init__(
        self, path: str, parent: QWidget, step: float = 0.01, optional: bool = False
    ) -> None:
        box = FloatSpinBox(parent)
        box.setDecimals(10)
        low, high, low_open, high_open = bounds(field_info(path))
        low_f = (low if low is not None else -1e12) + (1e-10 if low_open else 0.0)
        high_f = (high if high is not None else 1e12) - (1e-10 if high_open else 0.0)
        self.optional = optional
        if optional:  # 0 is written "off" and stored as None
            low, low_f, low_open = 0.0, 0.0, False
            box.off_text = translate("TrainingFields", "off")
        box.setRange(low_f, high_f)
        box.set_allowed(low, high, low_open, high_open)
        box.setSingleStep(step)
        box.setKeyboardTracking(False)
        super().__init__(path, box)
        box.valueChanged.connect(self._on_change)
        box.refused.connect(self._refused)
        offer_setting(box, "training." + path, _label(path), "float", low, high)

    def _on_change(self, value: float) -> None:
        box: FloatSpinBox = self.widget  # type: ignore[assignment]
        self._commit(None if self.optional and value <= box.minimum() else float(value))

    def set_value(self, value: Any) -> None:
        box: FloatSpinBox = self.widget  # type: ignore[assignment]
        show_number(box, box.minimum() if value is None else value)


class BoolField(FieldEditor):
    def __init__(self, path: str, text: str, parent: QWidget) -> None:
        box = QCheckBox(text, parent)
        super().__init__(path, box)
        box.toggled.connect(self._commit)

    def set_value(self, value: Any) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        box.blockSignals(True)
        box.setChecked(bool(value))
        box.blockSignals(False)


class NumbersField(FieldEditor):
    """A list of numbers typed as "30, 60" (multistep milestones) or a fixed-length tuple."""

    def __init__(self, path: str, parent: QWidget, kind: type = int, count: int | None = None):
        edit = QLineEdit(parent)
        self.kind = kind
        self.count = count
        super().__init__(path, edit)
        edit.editingFinished.connect(self._on_finished)

    def _on_finished(self) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        try:
            values = [self.kind(t) for t in edit.text().replace(",", " ").split()]
        except ValueError:
            why = translate("TrainingFields", "'{text}' is not a list of numbers")
            self.invalid.emit(self.path, why.format(text=edit.text()))
            return
        if self.count is not None and len(values) != self.count:
            why = translate("TrainingFields", "give {count} numbers, e.g. 0.9, 0.999")
            self.invalid.emit(self.path, why.format(count=i18n.number(self.count)))
            return
        self.invalid.emit(self.path, "")
        self._commit(values)

    def typed(self) -> bool:
        return True

    def set_value(self, value: Any) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        edit.setText(", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value))


class OptionalIntField(FieldEditor):
    """A whole number or nothing: blank or 0 is "off" (stored as None), e.g. gradual
    unfreezing's epochs; an entry it cannot take stays as typed, and `invalid` says why."""

    def __init__(self, path: str, parent: QWidget, off_text: str | None = None) -> None:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(off_text or translate("TrainingFields", "off"))
        _, high, _, _ = bounds(field_info(path))
        self.high = int(high) if high is not None else INT_LIMIT
        super().__init__(path, edit)
        edit.editingFinished.connect(self._on_finished)

    def _on_finished(self) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        text = edit.text().strip().replace(",", "")
        try:
            value = int(text) if text else 0
        except ValueError:
            value = -1
        if not 0 <= value <= self.high:
            shown = edit.text().strip()
            why = translate(
                "TrainingFields",
                "'{text}' is not a whole number from 1 to {high} (blank or 0: off). Not applied.",
            )
            self.invalid.emit(self.path, why.format(text=shown, high=i18n.number(self.high)))
            return
        self.invalid.emit(self.path, "")
        self._commit(value or None)

    def typed(self) -> bool:
        return True

    def set_value(self, value: Any) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        edit.setText(str(value) if isinstance(value, int) and value > 0 else "")
