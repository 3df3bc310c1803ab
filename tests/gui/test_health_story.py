"""Training health in the app: a person trains the digits network with a ReLU that can never
pass anything (it follows a LogSoftmax, whose outputs are all negative), reads the Training
health list, colours the nodes by their zero fraction, and later opens the run from the Runs
table: the warnings come back."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RUN_TIMEOUT = 60_000


def _dead_relu_project(tmp_path: Path) -> Path:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    graph = project["networks"][0]["graph"]
    by_id = {node["id"]: node for node in graph["nodes"]}
    by_id["fc1"]["params"]["out_features"] = 16
    by_id["dropout"].update(type="LogSoftmax", name="logsoftmax", params={})  # all < 0
    by_id["dropout"]["id"] = "logsoftmax"
    for edge in graph["edges"]:  # fc1 → logsoftmax → relu1 → fc2
        for end in ("from", "to"):
            if edge[end] == "dropout":
                edge[end] = "logsoftmax"
    graph["edges"] = [
        {"from": "input", "from_port": "out", "to": "fc1", "to_port": "in"},
        {"from": "fc1", "from_port": "out", "to": "logsoftmax", "to_port": "in"},
        {"from": "logsoftmax", "from_port": "out", "to": "relu1", "to_port": "in"},
        {"from": "relu1", "from_port": "out", "to": "fc2", "to_port": "in"},
        {"from": "fc2", "from_port": "out", "to": "output", "to_port": "in"},
    ]
    project["training"] = {**project["training"], "epochs": 1, "batch_size": 256}
    path = tmp_path / "dead_relu.net"
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def test_training_health_names_the_dead_relu_colours_it_and_comes_back_with_the_run(
    window, qtbot, hands, tmp_path, monkeypatch
):
    from netstudio.training import health

    # Record every batch: the 3 % budget may allow none on so short a run.
    monkeypatch.setattr(health, "HealthOptions", functools.partial(health.HealthOptions, every=1))
    path = _dead_relu_project(tmp_path)
    assert window.open_file(path)
    assert hands.action(window, "train_record_health").isChecked()  # on by default
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT):
        hands.action(window, "train_start").trigger()

    listed = window.inside.health_list.messages()
    expected = "relu1: 100 % of outputs have been zero since epoch 1 — lower the learning rate"
    assert any(text.startswith(expected) and "LeakyReLU" in text for text in listed), listed
    assert (session.last_run.result.run_dir / "health.json").exists()

    # Colour by zero fraction: the dead ReLU's card carries the colour and the number.
    hands.action(window, "view_colour_zeros").trigger()
    card = window.scene.nodes["relu1"]
    assert card.health_colour is not None and card.health_text == "100 %"
    assert "Zero fraction: 100 %" in card.toolTip()
    assert window.inside.health.legend is not None and window.inside.health.legend.isVisible()
    fc2 = window.scene.nodes["fc2"]
    assert fc2.health_colour is not None and fc2.health_text != "100 %"

    # Double-clicking the warning selects the node; the Inspector draws its history.
    health_list = window.inside.health_list.list
    item = next(
        health_list.item(i)
        for i in range(health_list.count())
        if "relu1" in health_list.item(i).text()
    )
    health_list.itemDoubleClicked.emit(item)
    assert window.scene.selected_node_ids() == ["relu1"]
    assert window.inside.insight.plots["zeros"].isVisibleTo(window.inside.insight)

    # Later: the project saved and opened again shows no health, until the run is opened
    # from the Runs table.
    hands.action(window, "file_save").trigger()
    assert window.open_file(path)
    assert not any("relu1" in text for text in window.inside.health_list.messages())
    panel = window.evaluation_ui.runs_panel
    assert panel.model.rowCount() == 1
    panel.select_rows([0])
    with qtbot.waitSignal(panel.run_opened, timeout=RUN_TIMEOUT):
        panel.open_button.click()
    listed = window.inside.health_list.messages()
    assert any(text.startswith(expected) for text in listed), listed

    # Try it, layer by layer: what the person draws flows through every node of the canvas,
    # with the opened run's weights.
    import torch

    from netstudio.gui.evaluation.inference import normalise

    window.show_dock(window.findChild(QDockWidget, "try_it_dock"))
    try_it = window.evaluation_ui.try_it_panel
    pad = try_it.pad
    w, h = pad.width(), pad.height()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h // 5))
    for i in range(1, 12):
        QTest.mouseMove(pad, QPoint(w // 2, h // 5 + i * h // 18))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h * 4 // 5))
    previews = window.previews
    qtbot.waitUntil(
        lambda: previews.sample_text == "the input in Try it" and not previews.busy,
        timeout=RUN_TIMEOUT,
    )
    drawn = normalise(torch.from_numpy(try_it.sample()).float().unsqueeze(0), try_it.data)
    assert torch.allclose(previews.previews["input"].value.flatten(), drawn.flatten())
    assert previews.weights_model is try_it.model
    from netstudio.core.previews import weights_by_node

    fc1 = weights_by_node(try_it.model)["fc1"]  # the preview's fc1 is the trained fc1
    expected = torch.nn.functional.linear(drawn.reshape(1, -1), fc1["weight"], fc1["bias"])
    assert torch.allclose(previews.previews["fc1"].value, expected, atol=1e-5)
