"""Seeing inside the network, in Chinese: a person trains the digits network whose ReLU can never
pass anything, reads the Training health list's warning in Chinese, colours the nodes by their
zero fraction (badge, tooltip and legend in Chinese, numbers as the locale writes them), looks at
the node in the Inspector, and opens the run again from the Runs table: the warning comes back in
Chinese from the code and arguments health.json keeps beside the English the CLI prints. A layer
that fails on the sample says why on its card and in Problems in Chinese, while the core's
message stays English.

NETSTUDIO_SHOTS=folder saves the screens shown to that folder (to look at them).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QGroupBox, QMenu, QPushButton, QWidget

from netstudio.gui.main_window import MainWindow
from tests.gui.test_health_story import RUN_TIMEOUT, _dead_relu_project
from tests.gui.test_previews_story import _node, _project, _wait_previews
from tests.shots import save_shot

DEAD_RELU_ZH = "relu1：自第 1 轮起，100% 的输出一直为零——请降低学习率，或改用 LeakyReLU"
DEAD_RELU_EN = (
    "relu1: 100 % of outputs have been zero since epoch 1 — lower the learning rate or try "
    "LeakyReLU"
)


@pytest.fixture(autouse=True)
def _in_chinese(chinese) -> None:
    """Every test here in Chinese: autouse fixtures come first, so the language is
    installed before the `window` fixture builds the window."""


def _shot(widget: QWidget, name: str) -> None:
    save_shot(widget, f"i18n_inside_{name}")


def test_training_health_in_chinese(
    window: MainWindow, qtbot, hands, tmp_path, monkeypatch
) -> None:
    from netstudio.training import health

    monkeypatch.setattr(health, "HealthOptions", functools.partial(health.HealthOptions, every=1))
    path = _dead_relu_project(tmp_path)
    assert window.open_file(path)
    inside = window.inside
    dock = window.findChild(QDockWidget, "health_dock")
    assert dock is not None and dock.windowTitle() == "训练健康状况"
    assert inside.health_list.heading.text().startswith(
        "请在勾选“训练 > 记录层的健康状况”后训练网络"
    )
    _shot(inside.health_list, "health_empty")
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT):
        hands.action(window, "train_start").trigger()

    # The warning in Chinese, the node's name as it is; the run's file keeps the English.
    assert DEAD_RELU_ZH in inside.health_list.messages()
    assert inside.health_list.heading.text().endswith("：第 1 轮")
    saved = json.loads((session.last_run.result.run_dir / "health.json").read_text("utf-8"))
    (dead,) = [w for w in saved["warnings"] if w["kind"] == "dead_relu"]
    assert dead["message"] == DEAD_RELU_EN and dead["code"] == "health.dead-relu"

    # View > Colour Nodes By > Zero fraction: badge, tooltip and legend in Chinese.
    colour_by = window.menuBar().findChild(QMenu, "menu_colour_by")
    assert colour_by is not None and colour_by.title() == "节点着色依据(&C)"
    hands.action(window, "view_colour_zeros").trigger()
    card = window.scene.nodes["relu1"]
    assert card.health_text == "100%"
    assert "零值比例：100%" in card.toolTip()
    legend = inside.health.legend
    assert legend is not None and legend.isVisible()
    assert legend.text() == "<b>零值比例</b><br><br>0% … 100%"
    assert legend.toolTip() == "节点按零值比例着色：取最新一轮的数值"
    hands.action(window, "view_colour_grad_norm").trigger()
    assert "（对数刻度）" in legend.text() and "梯度范数" in legend.text()
    hands.action(window, "view_colour_zeros").trigger()
    window.show_dock(dock)
    _shot(window, "health")

    # The warning leads to the node: the Inspector's preview and health curves in Chinese.
    listed = inside.health_list.list
    item = next(listed.item(i) for i in range(listed.count()) if "relu1" in listed.item(i).text())
    listed.itemDoubleClicked.emit(item)
    assert window.scene.selected_node_ids() == ["relu1"]
    insight = inside.insight
    titles = [box.title() for box in insight.findChildren(QGroupBox)]
    assert titles == ["预览", "训练健康状况"]
    assert insight.findChild(QPushButton, "preview_next").text() == "下一个 ▶"
    assert insight.plots["zeros"].getPlotItem().titleLabel.text == "零值比例"
    assert insight.plots["grad_norm"].getPlotItem().titleLabel.text == "梯度范数（对数）"
    _shot(insight, "insight")

    # Opened again from the Runs table: the warning read back from health.json, in Chinese.
    hands.action(window, "file_save").trigger()
    assert window.open_file(path)
    assert not any("relu1" in text for text in inside.health_list.messages())
    panel = window.evaluation_ui.runs_panel
    panel.select_rows([0])
    with qtbot.waitSignal(panel.run_opened, timeout=RUN_TIMEOUT):
        panel.open_button.click()
    assert DEAD_RELU_ZH in inside.health_list.messages()


def test_previews_in_chinese(window: MainWindow, qtbot, tmp_path) -> None:
    nodes = [
        _node("input", "Input", {"shape": [64], "dtype": "int64"}, 0),
        _node("embed", "Embedding", {"num_embeddings": 1, "embedding_dim": 2}, 240),
        _node("flat", "Flatten", {}, 480),
        _node("fc", "Linear", {"out_features": 10}, 720),
        _node("output", "Output", {}, 960),
    ]
    assert window.open_file(_project(tmp_path, nodes, {}))
    _wait_previews(qtbot, window)
    previews = window.previews

    # The layer that fails: its card and Problems in Chinese, with the fix; the core's English.
    zh = (
        "Embedding 'embed'：样本中有索引 1，但 num_embeddings 只有 1：请把 num_embeddings "
        "提高到至少 2，或检查数据的词元编号"
    )
    assert window.scene.nodes["embed"].preview_alert == zh
    assert window.scene.nodes["fc"].preview_text == "无预览：没有数据到达它的输入"
    input_card = window.scene.nodes["input"]
    low, high = input_card.preview_text.split(" .. ")
    assert float(low) <= float(high) and not input_card.preview_alert
    listed = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert zh in listed, listed
    assert previews.previews["embed"].error == (
        "Embedding 'embed': the sample holds index 1 but num_embeddings is 1: raise "
        "num_embeddings to at least 2, or check the data's token ids"
    )

    # The Inspector: which sample it is, in Chinese; Next shows the second one.
    window.scene.select_nodes(["input"])
    insight = window.inspector.insight
    sample = insight.sample_label
    assert re.fullmatch(r"第 1 个训练样本（共 [\d,]+ 个），标签 \d", sample.text()), sample.text()
    next_button = insight.findChild(QPushButton, "preview_next")
    assert (
        next_button.text() == "下一个 ▶" and next_button.toolTip() == "在每一层上显示下一个训练样本"
    )
    next_button.click()
    qtbot.waitUntil(lambda: sample.text().startswith("第 2 个训练样本"), timeout=30_000)
    _shot(window, "previews")


def test_an_old_run_folder_shows_its_health_warnings_as_written(
    digits_window: MainWindow, tmp_path: Path
) -> None:
    """A run recorded before health.json kept the warnings' codes holds only their English:
    opened in Chinese, those warnings read as they were written, beside a new one in Chinese."""
    run_dir = tmp_path / "run-old"
    run_dir.mkdir()
    nodes = {"relu1": {"mean": 0.0, "std": 0.0, "zeros": 1.0}}
    new = {
        "node_id": "relu1",
        "kind": "dead_relu",
        "message": DEAD_RELU_EN,
        "code": "health.dead-relu",
        "args": {"node": "relu1", "percent": "100", "epoch": 1},
    }
    words = (
        "fc1: each step changes its weights by 50 % of their size (about 0.1 % is healthy) — "
        "lower the learning rate"
    )
    old = {"node_id": "fc1", "kind": "large_updates", "message": words}
    health = {"epochs": [{"epoch": 1, "recordings": 2, "nodes": nodes}], "warnings": [old, new]}
    (run_dir / "health.json").write_text(json.dumps(health), encoding="utf-8")
    health_list = digits_window.inside.health_list
    digits_window.inside.health.load_run(run_dir, "运行 1")
    assert health_list.messages() == [words, DEAD_RELU_ZH]
    assert health_list.heading.text() == "运行 1：第 1 轮"
