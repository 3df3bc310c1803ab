"""The device choice: auto, the CPU, and the GPUs this machine has, named with their memory.

Devices this machine lacks stay listed, greyed out ("none here"), so a project made on another
machine still shows what it asks for. The Training panel's Device field and the toolbar's
device combo (`device_combo.py`) list the same choices, filled by `fill_device_box`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from netstudio.gui.training.fields import FieldEditor

#: The device choices' words are translated in the context "Devices". A GPU's own name
#: ("NVIDIA H100 (80 GB)", from `netstudio.training.devices`) stays as it is.
translate = QCoreApplication.translate


def device_choices(devices: list[Any] | None) -> list[tuple[str, str, bool]]:
    """(value, label, available) for each entry; `devices` from `available_devices()`, None
    while it is not known yet (PyTorch still loading): then every entry is offered."""
    cpu = translate("Devices", "CPU")
    if devices is None:
        return [("auto", translate("Devices", "Auto"), True), ("cpu", cpu, True),
                ("cuda", translate("Devices", "CUDA GPU"), True),
                ("mps", translate("Devices", "Apple GPU (MPS)"), True)]  # fmt: skip
    gpus = [d for d in devices if d.id.startswith("cuda")]
    mps = [d for d in devices if d.id == "mps"]
    best = gpus[0].describe() if gpus else mps[0].describe() if mps else cpu
    cuda_label = gpus[0].describe() if gpus else translate("Devices", "CUDA GPU — none here")
    if len(gpus) > 1:
        cuda_label = translate("Devices", "{gpu} (first of {count})").format(
            gpu=cuda_label, count=len(gpus)
        )
    mps_label = mps[0].describe() if mps else translate("Devices", "Apple GPU (MPS) — none here")
    return [
        ("auto", translate("Devices", "Auto — {device}").format(device=best), True),
        ("cpu", cpu, True),
        ("cuda", cuda_label, bool(gpus)),
        ("mps", mps_label, bool(mps)),
    ]


def fill_device_box(box: QComboBox, choices: list[tuple[str, str, bool]]) -> None:
    """Put `choices` in `box`, the unavailable ones disabled, keeping its current value; no
    signals are emitted."""
    box.blockSignals(True)
    current = box.currentData()
    box.clear()
    model = box.model()
    for value, label, available in choices:
        box.addItem(label, value)
        if not available and isinstance(model, QStandardItemModel):
            item = model.item(box.count() - 1)
            item.setEnabled(False)
            item.setToolTip(translate("Devices", "This machine has no such device"))
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


class DeviceField(FieldEditor):
    """The ``device`` field as a combo box of `device_choices`; `refreshed` once it lists
    this machine's devices."""

    refreshed = Signal()

    def __init__(self, parent: QWidget) -> None:
        box = QComboBox(parent)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        super().__init__("device", box)
        self.devices: list[Any] | None = None
        fill_device_box(box, device_choices(None))
        box.currentIndexChanged.connect(lambda i: self._commit(box.itemData(i)))

    @property
    def box(self) -> QComboBox:
        return self.widget  # type: ignore[return-value]

    def refresh(self) -> None:
        """Ask PyTorch which devices this machine has (cheap once torch is imported)."""
        from netstudio.training.devices import available_devices

        self.devices = available_devices()
        fill_device_box(self.box, device_choices(self.devices))
        self.refreshed.emit()

    def labels(self) -> list[str]:
        return [self.box.itemText(i) for i in range(self.box.count())]

    def has_cuda(self, choice: str) -> bool:
        """Whether `choice` trains on a CUDA GPU here (mixed precision needs one)."""
        if self.devices is None:
            return choice == "cuda"
        gpus = any(d.id.startswith("cuda") for d in self.devices)
        return gpus and choice in ("auto", "cuda")

    def set_value(self, value: Any) -> None:
        box = self.box
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(value)))
        box.blockSignals(False)
