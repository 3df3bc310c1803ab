"""The Training panel's settings: edits are undoable project changes, only the parameters that
apply are shown, the device list shows this machine, the LR preview follows the schedule."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel

from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.devices import device_choices
from netstudio.training import devices
from netstudio.training.devices import DeviceInfo

H100 = DeviceInfo("cuda:0", "NVIDIA H100", 80 * 1024**3)


def test_an_edit_is_one_undoable_change_of_the_training_section(window, open_example) -> None:
    open_example("spiral_toy.net")
    form = window.training_ui.panel.form
    document = window.document
    epochs = form.editors["epochs"].widget
    epochs.setValue(12)
    epochs.setValue(15)  # the same field again: merged into one step
    assert document.project.training["epochs"] == 15 and document.modified
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change epochs"
    document.undo_stack.undo()
    assert document.project.training["epochs"] == 60
    assert epochs.value() == 60  # the form follows undo
    assert window.training_ui.session.training_config().epochs == 60


def test_only_the_chosen_optimizers_parameters_show(window, open_example) -> None:
    open_example("spiral_toy.net")
    form = window.training_ui.panel.form

    def shown(path: str) -> bool:
        layout, widget = form._rows[path]
        return layout.isRowVisible(widget)

    assert shown("optimizer.betas") and not shown("optimizer.momentum")
    assert shown("loss.label_smoothing") and not shown("loss.huber_delta")
    assert shown("schedule.min_lr") and not shown("schedule.step_size")  # cosine
    box = form.editors["optimizer.type"].widget
    box.setCurrentIndex(box.findData("sgd"))
    assert window.document.project.training["optimizer"]["type"] == "sgd"
    assert shown("optimizer.momentum") and shown("optimizer.nesterov")
    assert not shown("optimizer.betas")
    # Nesterov without momentum is refused by the settings model: shown, not stored.
    form.editors["optimizer.nesterov"].widget.setChecked(True)
    assert "nesterov" in form.error.text() and form.error.isVisible()
    assert "nesterov" not in window.document.project.training["optimizer"]


def test_the_device_list_shows_this_machine(window, monkeypatch) -> None:
    field = window.training_ui.panel.form.device
    field.refresh()
    labels = field.labels()
    assert "CPU" in labels
    assert any("none here" in label for label in labels)  # this machine has no CUDA GPU
    model = field.box.model()
    assert isinstance(model, QStandardItemModel)
    absent = [i for i in range(field.box.count()) if "none here" in field.box.itemText(i)]
    assert all(not model.item(i).isEnabled() for i in absent)

    monkeypatch.setattr(devices, "available_devices", lambda: [DeviceInfo("cpu", "CPU"), H100])
    field.refresh()
    assert "NVIDIA H100 (80 GB)" in field.labels()
    assert field.labels()[0] == "Auto — NVIDIA H100 (80 GB)"
    cuda = field.box.findData("cuda")
    assert model.item(cuda).isEnabled()
    window.training_ui.panel.form.set_section({"device": "cuda"})
    assert window.training_ui.panel.form.editors["mixed_precision"].widget.isEnabled()
    window.training_ui.panel.form.set_section({"device": "cpu"})
    assert not window.training_ui.panel.form.editors["mixed_precision"].widget.isEnabled()


def test_a_window_made_after_pytorch_loaded_lists_this_machine_at_once(window) -> None:
    # The fixture's window starts with PyTorch loaded: its first project was analysed before
    # the panel listened, and the list must still be this machine's, not the generic one.
    field = window.training_ui.panel.form.device
    assert field.devices is not None and "CPU" in field.labels()
    assert window.training_ui.device_combo.box.count() == field.box.count()


def test_device_choices_before_torch_has_loaded() -> None:
    assert [value for value, _label, ok in device_choices(None) if ok] == [
        "auto",
        "cpu",
        "cuda",
        "mps",
    ]


def test_the_lr_preview_follows_the_schedule(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 20})
    preview = window.training_ui.panel.form.preview
    qtbot.waitUntil(lambda: preview.rates is not None and len(preview.rates) == 20)
    assert preview.rates[0] > preview.rates[-1]  # cosine decays
    box = window.training_ui.panel.form.editors["schedule.type"].widget
    box.setCurrentIndex(box.findData("none"))
    qtbot.waitUntil(
        lambda: preview.rates is not None and preview.rates.min() == preview.rates.max()
    )
    x, y = preview.curve.getData()
    assert len(x) == 20 and y[0] == 0.01


def test_the_lr_preview_waits_for_the_window_to_have_loaded_pytorch(qtbot, tmp_path) -> None:
    """While the window's warm-up thread is still importing torch (analysis not ready), the
    preview must not start a job that imports it too; it draws once the window is ready."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(win)
    win.show()
    preview = win.training_ui.panel.form.preview
    win.training_ui.panel.form.set_section({"epochs": 7})
    qtbot.wait(50)
    assert preview.rates is None and not preview.jobs.busy
    win.set_analysis_ready("")
    qtbot.waitUntil(lambda: preview.rates is not None and len(preview.rates) == 7)
