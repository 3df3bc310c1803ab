"""The toolbar's device choice ("Device: [Auto ▾]" after Train, Pause and Stop).

It edits the same setting as the Training panel's Device field, the open project's
``training.device``, and lists the same choices (`device_choices`, filled by
`fill_device_box`; the list becomes this machine's once the panel's field has asked PyTorch).
A choice is one undoable edit of the training section (`SetSectionCommand`, as the panel's form
pushes it), so the panel shows it; an edit in the panel, or undo and redo, shows here. It is
disabled while a run trains (editing is locked) and with no project open.
"""

from __future__ import annotations

import copy

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui.commands import SetSectionCommand
from netstudio.gui.document import Document
from netstudio.gui.training.devices import DeviceField, device_choices, fill_device_box
from netstudio.training.config import TrainingConfig

TOOLTIP = QT_TRANSLATE_NOOP(
    "DeviceCombo",
    "The device the next run trains on: Auto picks the GPU when there is one, else the CPU "
    "(the Training panel's Device setting)",
)


class DeviceCombo(QWidget):
    """A "Device:" label and combo box for the open project's ``training.device``."""

    def __init__(self, field: DeviceField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar_device")
        self.field = field
        self.document: Document | None = None
        self.running = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 4, 0)
        layout.setSpacing(4)
        self.label = QLabel(self.tr("Device:"), self)
        self.box = QComboBox(self)
        self.box.setObjectName("toolbar_device_combo")
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.box)
        layout.addWidget(self.label)
        layout.addWidget(self.box)
        tip = self.tr(TOOLTIP)
        self.setToolTip(tip)
        self.box.setToolTip(tip)
        fill_device_box(self.box, device_choices(field.devices))
        self.box.currentIndexChanged.connect(self._on_chosen)
        field.refreshed.connect(self._on_devices)
        self._update_enabled()

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.edited.disconnect(self.show_device)
        self.document = document
        if document is not None:
            document.edited.connect(self.show_device)
        self.show_device()
        self._update_enabled()

    def set_running(self, running: bool) -> None:
        self.running = running
        self._update_enabled()

    def device(self) -> str:
        """The project's device setting ("auto" when it has none, or its settings are invalid,
        as the Training panel's form shows it then)."""
        document = self.document
        if document is None:
            return "auto"
        try:
            return TrainingConfig.model_validate(document.project.training).device
        except ValidationError:
            return TrainingConfig().device

    def show_device(self) -> None:
        box = self.box
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(self.device())))
        box.blockSignals(False)

    def _on_devices(self) -> None:
        fill_device_box(self.box, device_choices(self.field.devices))
        self.show_device()

    def _update_enabled(self) -> None:
        self.setEnabled(self.document is not None and not self.running)

    def _on_chosen(self, index: int) -> None:
        document = self.document
        value = self.box.itemData(index)
        if document is None or self.running or value == self.device():
            self.show_device()
            return
        section = copy.deepcopy(document.project.training)
        section["device"] = value
        text = self.tr("Change device")
        document.undo_stack.push(SetSectionCommand(document, "training", section, text))
