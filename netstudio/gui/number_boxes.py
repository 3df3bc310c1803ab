"""Spin boxes that never change a number silently (see `ShowsAnyValue`)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QSpinBox,
    QWidget,
)

from netstudio.gui.field_marks import (
    allowed_range,
    beyond_range,
    format_value,
    mark_problem,
)

INT_LIMIT = 2**31 - 1

translate = QCoreApplication.translate  # the context: "NumberBoxes"


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
            what = translate("NumberBoxes", "The field is empty")
        elif number is None:
            what = translate("NumberBoxes", "'{entry}' is not a number")
        elif not math.isfinite(number):
            what = translate("NumberBoxes", "{entry} is not a finite number")
        elif self.whole_numbers and not number.is_integer():
            what = translate("NumberBoxes", "{entry} is not a whole number")
        elif number < low or number > high:
            a_low, a_high, low_open, high_open = allowed
            below = a_low is not None and (number <= a_low if low_open else number < a_low)
            above = a_high is not None and (number >= a_high if high_open else number > a_high)
            if not (below or above):  # the setting takes it, this field cannot hold it
                if number < low:
                    beyond = translate(
                        "NumberBoxes",
                        "{entry} is beyond what this field can hold (at least {limit}). "
                        "Not applied.",
                    )
                    return beyond.format(entry=shown, limit=format_value(low))
                beyond = translate(
                    "NumberBoxes",
                    "{entry} is beyond what this field can hold (at most {limit}). Not applied.",
                )
                return beyond.format(entry=shown, limit=format_value(high))
            if number < low:
                what = translate("NumberBoxes", "{entry} is too small")
            else:
                what = translate("NumberBoxes", "{entry} is too large")
        elif isinstance(self, QDoubleSpinBox) and number != 0:
            finest = format_value(10.0 ** -self.decimals())
            what = translate(
                "NumberBoxes", "{entry} is finer than this field holds (steps of {finest})"
            ).format(entry="{entry}", finest=finest)
        else:
            what = translate("NumberBoxes", "'{entry}' cannot be read as a number")
        refused = translate("NumberBoxes", "{what}: allowed is {allowed}. Not applied.")
        return refused.format(what=what.format(entry=shown), allowed=words)

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
