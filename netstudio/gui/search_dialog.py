"""The "Search this…" dialog: the range (low, high, log, a step for whole numbers) or the list
of choices a search tries for one field.

It opens filled in sensibly: a field already searched shows its domain; otherwise a positive
number gets a log range a decade (a factor of 4 for whole numbers) either side of its value,
kept within the field's bounds, a fraction (a field at most 1) a linear range from half to
double its value, and a choice every choice. What the person enters is checked as the search will check it (the
section's model, then the target's own bounds and choices), and a domain the target does not
take is refused with the reason on a line under the fields, changing nothing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.field_marks import format_value, message_line, show_message
from netstudio.gui.search_fields import SearchSpot

if TYPE_CHECKING:
    from netstudio.gui.document import Document


def suggested_domain(spot: SearchSpot) -> dict[str, Any]:
    """The domain the dialog proposes for a field not searched yet (module docstring)."""
    if spot.kind == "choice":
        return {"kind": "choice", "values": list(spot.choices) or [spot.value]}
    value = spot.value if isinstance(spot.value, (int, float)) else None
    low, high = spot.low, spot.high
    if spot.kind == "float" and high is not None and high <= 1:  # a fraction: half to double
        start = low if low is not None else 0.0
        if value is None or value <= 0:
            return {"kind": "float", "low": float(start), "high": high / 2, "log": False}
        return {"kind": "float", "low": max(start, value / 2), "high": min(high, value * 2)}
    if value is not None and value > 0:
        factor = 4 if spot.kind == "int" else 10
        lo, hi = value / factor, value * factor
        if low is not None:
            lo = max(lo, low if low > 0 else value / factor)
        if high is not None:
            hi = min(hi, high)
        if spot.kind == "int":
            lo, hi = max(1, math.ceil(lo)), max(1, math.floor(hi))
        return {"kind": spot.kind, "low": lo, "high": max(lo, hi), "log": lo > 0 and hi > lo}
    lo = low if low is not None else 0
    hi = high if high is not None else (lo + 10 if spot.kind == "int" else lo + 1)
    return {"kind": spot.kind, "low": lo, "high": hi, "log": False}


def _number(text: str, whole: bool) -> int | float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    value = float(text)
    if whole:
        if not value.is_integer():
            message = QCoreApplication.translate("SearchDialog", "'{text}' is not a whole number")
            raise ValueError(message.format(text=text))
        return int(value)
    return value


def _refusal(item: Any) -> str:
    """One pydantic error of the search section's model, for the person: the section's own
    refusal (a `Message`, pydantic keeps the exception) translated, else pydantic's text."""
    error = (item.get("ctx") or {}).get("error")
    if isinstance(error, ValueError) and len(error.args) == 1 and isinstance(error.args[0], str):
        return i18n.translated(error.args[0])
    return str(item["msg"]).removeprefix("Value error, ")


class SearchDialog(QDialog):
    """Choose what the search tries for one field (module docstring). `chosen(domain)` on OK,
    `chosen(None)` on Stop searching."""

    chosen = Signal(object)

    def __init__(
        self,
        spot: SearchSpot,
        document: Document,
        domain: dict[str, Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search {label}").format(label=spot.label))
        self.spot = spot
        self.document = document
        shown = domain or suggested_domain(spot)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Try values of <b>{label}</b> (<code>{target}</code>, now {value}) in the "
                "project's search."
            ).format(
                label=spot.label,
                target=spot.target,
                value=format_value(spot.value) or self.tr("unset"),
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.range_button = QRadioButton(self.tr("A range"), self)
        self.range_button.setObjectName("search_as_range")
        self.list_button = QRadioButton(self.tr("A list of values"), self)
        self.list_button.setObjectName("search_as_list")
        group = QButtonGroup(self)
        group.addButton(self.range_button)
        group.addButton(self.list_button)
        self.range_button.setVisible(spot.kind != "choice")
        self.list_button.setVisible(spot.kind != "choice")
        layout.addWidget(self.range_button)
        form = QFormLayout()
        self.low = QLineEdit(self)
        self.low.setObjectName("search_low")
        self.high = QLineEdit(self)
        self.high.setObjectName("search_high")
        self.log = QCheckBox(self.tr("Log scale (as even for 1e-4…1e-3 as for 1e-2…1e-1)"), self)
        self.log.setObjectName("search_log")
        self.step = QLineEdit(self)
        self.step.setObjectName("search_step")
        self.step.setPlaceholderText(self.tr("every whole number"))
        form.addRow(self.tr("Low"), self.low)
        form.addRow(self.tr("High"), self.high)
        form.addRow("", self.log)
        if spot.kind == "int":
            form.addRow(self.tr("Step"), self.step)
        else:
            self.step.hide()
        self.range_box = QWidget(self)
        self.range_box.setLayout(form)
        layout.addWidget(self.range_box)
        layout.addWidget(self.list_button)
        self.values = QLineEdit(self)
        self.values.setObjectName("search_values")
        self.values.setPlaceholderText(self.tr("e.g. 32, 64, 128"))
        self.choices = QListWidget(self)
        self.choices.setObjectName("search_choices")
        for choice in spot.choices:
            item = QListWidgetItem(format_value(choice), self.choices)
            item.setData(Qt.ItemDataRole.UserRole, choice)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(self.values if spot.kind != "choice" else self.choices)
        self.values.setVisible(spot.kind != "choice")
        self.choices.setVisible(spot.kind == "choice")
        self.message = message_line(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Search"))
        ok.setObjectName("search_ok")
        self.stop_button: QPushButton | None = None
        if domain is not None:
            self.stop_button = buttons.addButton(
                self.tr("Stop searching"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.stop_button.setObjectName("search_stop_searching")
            self.stop_button.clicked.connect(self._stop_searching)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(shown)
        self.range_button.toggled.connect(self._update_enabled)
        self._update_enabled()

    def _fill(self, domain: dict[str, Any]) -> None:
        if domain.get("kind") == "choice":
            self.list_button.setChecked(True)
            values = domain.get("values") or []
            self.values.setText(", ".join(format_value(v) for v in values))
            for row in range(self.choices.count()):
                item = self.choices.item(row)
                chosen = item.data(Qt.ItemDataRole.UserRole) in values
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            return
        self.range_button.setChecked(True)
        self.low.setText(format_value(domain.get("low")))
        self.high.setText(format_value(domain.get("high")))
        self.log.setChecked(bool(domain.get("log")))
        self.step.setText(format_value(domain.get("step")))

    def _update_enabled(self, *_: Any) -> None:
        as_range = self.range_button.isChecked() and self.spot.kind != "choice"
        self.range_box.setEnabled(as_range)
        self.values.setEnabled(not as_range)

    def domain(self) -> dict[str, Any]:
        """The domain as entered (ValueError with the reason when the text is not numbers)."""
        spot, whole = self.spot, self.spot.kind == "int"
        if spot.kind == "choice":
            values = [
                self.choices.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.choices.count())
                if self.choices.item(row).checkState() == Qt.CheckState.Checked
            ]
            return {"kind": "choice", "values": values}
        if self.list_button.isChecked():
            texts = [t for t in self.values.text().replace(";", ",").split(",") if t.strip()]
            try:
                numbers = [_number(t, whole) for t in texts]
            except ValueError:
                message = self.tr("'{text}' is not a list of numbers")
                raise ValueError(message.format(text=self.values.text())) from None
            return {"kind": "choice", "values": numbers}
        try:
            low, high = _number(self.low.text(), whole), _number(self.high.text(), whole)
            step = _number(self.step.text(), whole) if whole else None
        except ValueError as error:
            message = self.tr("{error}: give numbers such as 0.001 or 1e-4")
            raise ValueError(message.format(error=error)) from None
        if low is None or high is None:
            raise ValueError(self.tr("give both ends of the range"))
        domain: dict[str, Any] = {"kind": spot.kind, "low": low, "high": high}
        if self.log.isChecked():
            domain["log"] = True
        if step is not None and step != 1:
            domain["step"] = step
        return domain

    def problem(self, domain: dict[str, Any]) -> str:
        """Why the search cannot try `domain` for this field ("" when it can)."""
        from pydantic import ValidationError

        from netstudio.search.config import SearchParameter
        from netstudio.search.targets import search_config, search_problems

        try:
            parameter = SearchParameter.model_validate(
                {"target": self.spot.target, "domain": domain}
            )
        except ValidationError as error:
            return _refusal(error.errors(include_url=False)[0])
        try:
            config = search_config(self.document.project)
        except ValidationError:
            from netstudio.search.config import SearchConfig

            config = SearchConfig()
        config = config.model_copy(update={"parameters": [parameter], "sampler": "tpe"})
        found = search_problems(config, self.document.project)
        return i18n.translated(found[0].message) if found else ""

    def accept(self) -> None:
        try:
            domain = self.domain()
        except ValueError as error:
            self._say(str(error))
            return
        problem = self.problem(domain)
        if problem:
            self._say(problem)
            return
        self.chosen.emit(domain)
        super().accept()

    def _say(self, text: str) -> None:
        """Show why the entry is refused, the dialog grown to fit its lines (it was sized
        without them)."""
        show_message(self.message, text)
        layout = self.layout()
        if layout is not None:
            layout.activate()
            height = layout.totalHeightForWidth(self.width())
            if height > self.height():
                self.resize(self.width(), height)

    def _stop_searching(self) -> None:
        self.chosen.emit(None)
        super().accept()
