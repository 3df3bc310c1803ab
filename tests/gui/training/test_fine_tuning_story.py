"""Fine-tuning from the app, through its widgets: a layer frozen with the Inspector's Trainable
switch stays bitwise the same in the run's weights while the others learn; a layer's LR ×;
freezing several at once; every layer frozen refused in the app's words; Model > Load weights…
with its report, kept beside the project on Save and read back on opening; a malicious .pth
refused with nothing changed; Fit to data as one undo step."""

from __future__ import annotations

from pathlib import Path

import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog

from netstudio.gui import load_weights_dialog
from netstudio.gui.main_window import MainWindow
from netstudio.training.checkpoints import read_weights
from netstudio.training.starting_weights import project_model

RUN_TIMEOUT = 60_000
#: The digits MLP: fc1 is 64 -> 128, fc2 128 -> 10.
FC1_PARAMS = 64 * 128 + 128
FC2_PARAMS = 128 * 10 + 10


def ready(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.document.analysed_once, timeout=RUN_TIMEOUT)


def select(window: MainWindow, *node_ids: str) -> None:
    window.scene.select_nodes(list(node_ids))


def tick(qtbot, box: QCheckBox) -> None:
    """Click a check box on its box, as a person does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(7, box.height() // 2))


def tuning(window: MainWindow) -> dict:
    return window.document.project.training.get("fine_tuning", {})


def press(window: MainWindow, hands, name: str) -> None:
    hands.action(window, name).trigger()


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.findChild(type(window.menu_actions.train), "train_start").trigger()
    return done.args[0]


def run_weights(path: Path, record: dict) -> dict[str, torch.Tensor]:
    return read_weights(path.parent / record["run_dir"] / "last.safetensors")


def test_a_layer_frozen_in_the_inspector_does_not_learn(
    qtbot, window: MainWindow, open_example, hands
) -> None:
    path = open_example("digits_mlp.net", {"epochs": 2})
    ready(qtbot, window)
    document, inspector = window.document, window.inspector
    stack = document.undo_stack

    select(window, "fc1")
    assert inspector.node_id == "fc1" and inspector.trainable.isChecked()
    tick(qtbot, inspector.trainable)
    assert tuning(window)["frozen"] == ["fc1"] and stack.count() == 1
    item = window.scene.nodes["fc1"]
    assert item.frozen and "frozen" in item.toolTip()
    assert not window.scene.nodes["fc2"].frozen
    total = FC1_PARAMS + FC2_PARAMS
    assert f"{total:,} params ({FC1_PARAMS:,} frozen)" in window.validity_label.text()
    summary = window.summary.table
    assert summary.frozen == {"fc1"}

    select(window, "fc2")
    assert inspector.node_id == "fc2" and inspector.trainable.isChecked()
    hands.type_into(inspector.lr_edit, "0.5")
    assert tuning(window)["lr_multipliers"] == {"fc2": 0.5} and stack.count() == 2
    assert "learning rate × 0.5" in window.scene.nodes["fc2"].toolTip()
    preview = window.training_ui.panel.form.preview
    qtbot.waitUntil(lambda: set(preview.groups) == {0.5, 1.0}, timeout=RUN_TIMEOUT)
    assert preview.groups[0.5][0] == 0.5 * preview.groups[1.0][0]  # one curve per group

    # An entry the field cannot take stays on show, says why, and changes nothing.
    hands.type_into(inspector.lr_edit, "0")
    assert "allowed is more than 0" in inspector.errors["lr ×"].text()
    assert tuning(window)["lr_multipliers"] == {"fc2": 0.5} and stack.count() == 2

    press(window, hands, "edit_undo")
    assert "lr_multipliers" not in tuning(window) and inspector.lr_edit.text() == ""
    press(window, hands, "edit_undo")
    assert "fine_tuning" not in document.project.training
    assert not item.frozen and "frozen" not in item.toolTip()
    assert "frozen" not in window.validity_label.text() and summary.frozen == set()
    press(window, hands, "edit_redo")
    press(window, hands, "edit_redo")
    assert tuning(window) == {"frozen": ["fc1"], "lr_multipliers": {"fc2": 0.5}}
    assert item.frozen and f"({FC1_PARAMS:,} frozen)" in window.validity_label.text()
    assert inspector.lr_edit.text() == "0.5"

    start = project_model(document.project).state_dict()  # what the run starts from
    run = train(qtbot, window)
    assert run.record["status"] == "finished", run.record["error"]
    after = run_weights(path, run.record)
    assert torch.equal(after["fc1.weight"], start["fc1.weight"])
    assert torch.equal(after["fc1.bias"], start["fc1.bias"])
    assert not torch.equal(after["fc2.weight"], start["fc2.weight"])


def test_several_layers_frozen_at_once_and_all_frozen_is_refused_in_the_apps_words(
    qtbot, window: MainWindow, open_example, hands
) -> None:
    open_example("digits_mlp.net", {"epochs": 1})
    ready(qtbot, window)
    inspector, stack = window.inspector, window.document.undo_stack
    select(window, "fc1", "relu1", "fc2")
    assert inspector.currentWidget() is inspector.selection_page
    assert "2 of them have parameters" in inspector.selection_label.text()
    qtbot.mouseClick(inspector.freeze_button, Qt.MouseButton.LeftButton)
    assert tuning(window)["frozen"] == ["fc1", "fc2"] and stack.count() == 1
    assert f"({FC1_PARAMS + FC2_PARAMS:,} frozen)" in window.validity_label.text()

    assert not window.training_ui.session.start()
    text = window.training_ui.panel.checks.label.text()
    assert "every layer that learns is frozen" in text.lower()
    assert "Trainable in the Inspector" in text
    assert "fine_tuning" not in text and "--" not in text

    press(window, hands, "edit_undo")  # the one step freed both
    assert "fine_tuning" not in window.document.project.training

    # The canvas menu's "Freeze everything before this layer": one step.
    select(window, "output")
    assert hands.action(window, "model_freeze_before").isEnabled()
    press(window, hands, "model_freeze_before")
    assert tuning(window)["frozen"] == ["fc1", "fc2"] and stack.count() == 1
    assert "Froze 2 layers before output" in window.statusBar().currentMessage()


def test_gradual_unfreezing_is_set_in_the_training_panel(
    qtbot, window: MainWindow, open_example, hands
) -> None:
    open_example("digits_mlp.net", {"epochs": 6})
    ready(qtbot, window)
    select(window, "fc1")
    tick(qtbot, window.inspector.trainable)
    form = window.training_ui.panel.form
    field = form.editors["fine_tuning.unfreeze_every"].widget
    hands.type_into(field, "2")
    assert tuning(window)["unfreeze_every"] == 2
    qtbot.waitUntil(lambda: len(form.preview.markers) == 1, timeout=RUN_TIMEOUT)
    assert form.preview.markers[0].value() == 3  # fc1 learns from epoch 3
    hands.type_into(field, "x")
    assert "not a whole number" in form.messages["fine_tuning.unfreeze_every"].text()
    assert tuning(window)["unfreeze_every"] == 2
    hands.type_into(field, "")
    assert tuning(window).get("unfreeze_every") is None

    statistics = form.editors["fine_tuning.frozen_batchnorm_eval"].widget
    assert statistics.isChecked()  # frozen BatchNorm keeps its statistics unless told
    steps = window.document.undo_stack.count()
    statistics.click()
    assert tuning(window)["frozen_batchnorm_eval"] is False
    assert window.document.undo_stack.count() == steps + 1
    hands.action(window, "edit_undo").trigger()
    assert tuning(window).get("frozen_batchnorm_eval", True) is True and statistics.isChecked()


def pretrained(project, folder: Path) -> tuple[Path, dict[str, torch.Tensor]]:
    """Weights of the digits network as a file, each tensor a value of its own."""
    state = project_model(project).state_dict()
    tensors = {k: torch.full_like(v, 0.25 + i) for i, (k, v) in enumerate(state.items())}
    from safetensors.torch import save_file

    path = folder / "pretrained.safetensors"
    save_file(tensors, str(path))
    return path, tensors


def test_loaded_weights_are_kept_beside_the_project_and_train_starts_from_them(
    qtbot, window: MainWindow, open_example, hands, tmp_path: Path, monkeypatch
) -> None:
    path = open_example("digits_mlp.net", {"epochs": 1})
    ready(qtbot, window)
    document = window.document
    source, tensors = pretrained(document.project, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    press(window, hands, "model_load_weights")
    dialog = window.weights.dialog
    assert dialog is not None and dialog.isVisible()
    report = dialog.details.toPlainText()
    assert "Matched: 4" in report and "fc1.weight (128×64)" in report
    assert "Missing from the file (they keep their values): 0" in report
    assert dialog.load_button.text() == "Load 4 tensors" and document.starting_weights == {}
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert window.weights.dialog is None
    assert set(document.starting_weights) == set(tensors) and document.modified
    assert "starts from loaded weights (4 tensors)" in window.validity_label.text()
    press(window, hands, "edit_undo")
    assert document.starting_weights == {} and "loaded" not in window.validity_label.text()
    press(window, hands, "edit_redo")
    assert len(document.starting_weights) == 4

    press(window, hands, "file_save")
    beside = path.with_suffix(".safetensors")
    assert beside.is_file() and not document.modified
    assert window.open_file(path)
    reopened = window.document
    assert reopened is not document
    ready(qtbot, window)
    assert all(torch.equal(reopened.starting_weights[k], v) for k, v in tensors.items())
    assert "starts from loaded weights (4 tensors)" in window.validity_label.text()

    # Train starts from them: a frozen fc1 keeps the loaded values, fc2 learns from its own.
    select(window, "fc1")
    tick(qtbot, window.inspector.trainable)
    run = train(qtbot, window)
    assert run.record["status"] == "finished", run.record["error"]
    after = run_weights(path, run.record)
    assert torch.equal(after["fc1.weight"], tensors["fc1.weight"])
    assert not torch.equal(after["fc2.weight"], tensors["fc2.weight"])


def test_a_partial_load_says_what_does_not_match(
    qtbot, window: MainWindow, open_example, hands, tmp_path: Path
) -> None:
    open_example("digits_mlp.net")
    ready(qtbot, window)
    source, _ = pretrained(window.document.project, tmp_path)
    editor = window.inspector
    select(window, "fc2")
    hands.type_into(editor.editors["out_features"].widget, "5")
    dialog = window.weights.load(source)
    assert dialog is not None
    assert dialog.load_button.text() == "Load matched 2 tensors"
    assert "Another shape: 2" in dialog.details.toPlainText()
    assert "fc2.weight: (10×128) in the file, (5×128) here" in dialog.details.toPlainText()
    steps = window.document.undo_stack.count()
    dialog.reject()
    assert window.document.starting_weights == {}
    assert window.document.undo_stack.count() == steps


class _RunsCode:
    """What a malicious pickle holds: unpickling it would call Path.touch(marker)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_malicious_pth_is_refused_and_nothing_changes(
    qtbot, window: MainWindow, open_example, hands, tmp_path: Path, monkeypatch
) -> None:
    open_example("digits_mlp.net")
    ready(qtbot, window)
    marker = tmp_path / "code-ran"
    bad = tmp_path / "model.pth"
    torch.save({"fc1.weight": _RunsCode(marker)}, bad)  # PyTorch's own format, with code
    said: list[str] = []
    monkeypatch.setattr(
        load_weights_dialog.dialogs, "show_message", lambda _w, _t, text, *a, **k: said.append(text)
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    document = window.document
    press(window, hands, "model_load_weights")
    assert len(said) == 1 and "model.pth was refused" in said[0]
    assert "Nothing was changed" in said[0]
    assert not marker.exists() and window.weights.dialog is None
    assert document.starting_weights == {} and document.undo_stack.count() == 0
    assert not document.modified


def test_fit_to_data_sets_the_head_and_drops_its_starting_weights_in_one_step(
    qtbot, window: MainWindow, open_example, hands, tmp_path: Path
) -> None:
    open_example("digits_mlp.net")
    ready(qtbot, window)
    document, inspector = window.document, window.inspector
    source, _ = pretrained(document.project, tmp_path)
    dialog = window.weights.load(source)
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    select(window, "fc2")
    hands.type_into(inspector.editors["out_features"].widget, "5")
    assert document.graph.node("fc2").params["out_features"] == 5
    steps = document.undo_stack.count()

    assert inspector.fit_button is not None
    qtbot.mouseClick(inspector.fit_button, Qt.MouseButton.LeftButton)
    assert document.graph.node("fc2").params["out_features"] == 10
    assert set(document.starting_weights) == {"fc1.weight", "fc1.bias"}
    assert document.undo_stack.count() == steps + 1
    assert "fc2 now has 10 units" in window.statusBar().currentMessage()
    press(window, hands, "edit_undo")
    assert document.graph.node("fc2").params["out_features"] == 5
    assert len(document.starting_weights) == 4

    select(window, "relu1")  # no head: nothing to fit
    assert not hands.action(window, "model_fit_head").isEnabled()
