"""The toolbar's device combo: it lists the Training panel's device choices, shows the open
project's device, a choice is one undo step that the panel shows, an edit in the panel (or undo)
shows in it, and it is disabled while a run trains."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QToolBar

from netstudio.gui.main_window import MainWindow
from netstudio.training import devices
from netstudio.training.devices import DeviceInfo

H100 = DeviceInfo("cuda:0", "NVIDIA H100", 80 * 1024**3)
RUN_TIMEOUT = 30_000


def _labels(window: MainWindow) -> list[str]:
    box = window.training_ui.device_combo.box
    return [box.itemText(i) for i in range(box.count())]


def test_it_sits_after_stop_on_the_toolbar(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "main_toolbar")
    actions = toolbar.actions()
    ui = window.training_ui
    device = next(action for action in actions if action.objectName() == "train_device")
    assert device.isVisible()
    assert actions.index(device) == actions.index(window.menu_actions.stop) + 1
    combo = ui.device_combo
    assert combo.isVisible() and combo.parent() is toolbar
    assert combo.label.text() == "Device:" and "trains on" in combo.box.toolTip()


def test_it_lists_the_same_devices_as_the_panel(window: MainWindow, monkeypatch) -> None:
    field = window.training_ui.panel.form.device
    assert _labels(window) == field.labels()
    monkeypatch.setattr(devices, "available_devices", lambda: [DeviceInfo("cpu", "CPU"), H100])
    field.refresh()
    labels = _labels(window)
    assert labels == field.labels()
    assert labels[0] == "Auto — NVIDIA H100 (80 GB)" and "NVIDIA H100 (80 GB)" in labels
    box = window.training_ui.device_combo.box
    model = box.model()
    assert isinstance(model, QStandardItemModel)
    mps = box.findData("mps")
    assert "none here" in box.itemText(mps) and not model.item(mps).isEnabled()
    assert model.item(mps).toolTip() == "This machine has no such device"
    assert model.item(box.findData("cuda")).isEnabled()


def test_it_follows_the_project_and_a_choice_is_one_undo_step(window, open_example) -> None:
    open_example("spiral_toy.net", {"device": "cpu"})
    combo = window.training_ui.device_combo
    panel_box = window.training_ui.panel.form.device.box
    assert combo.box.currentData() == "cpu" and combo.isEnabled()
    document = window.document
    combo.box.setCurrentIndex(combo.box.findData("auto"))
    assert document.project.training["device"] == "auto"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change device"
    assert panel_box.currentData() == "auto"  # the panel shows it
    document.undo_stack.undo()
    assert document.project.training["device"] == "cpu"
    assert combo.box.currentData() == panel_box.currentData() == "cpu"
    document.undo_stack.redo()
    assert combo.box.currentData() == "auto"

    # An edit in the panel shows in the toolbar.
    panel_box.setCurrentIndex(panel_box.findData("cpu"))
    assert document.project.training["device"] == "cpu" and combo.box.currentData() == "cpu"

    # Another project: the combo shows its device.
    open_example("digits_mlp.net", {"device": "auto"})
    assert window.document is not document and combo.box.currentData() == "auto"


def test_it_is_disabled_while_a_run_trains(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 200, "batch_size": 8})
    combo = window.training_ui.device_combo
    assert combo.isEnabled()
    window.menu_actions.train.trigger()
    assert window.training_ui.session.running and not combo.isEnabled()
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT):
        window.menu_actions.stop.trigger()
    assert combo.isEnabled()


def test_it_is_disabled_with_no_project_open(window) -> None:
    combo = window.training_ui.device_combo
    combo.set_document(None)
    assert not combo.isEnabled()
    combo.box.setCurrentIndex(combo.box.findData("cpu"))  # nothing to edit: shows auto again
    assert combo.box.currentData() == "auto"
    combo.set_document(window.document)
    assert combo.isEnabled()
