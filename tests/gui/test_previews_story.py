"""Previews on the canvas: a person opens a small CNN on the digits, sees every layer's output
for a real sample on its card, edits a layer (only what is downstream is computed again), steps
to the next sample, and meets a layer that fails on the sample (named on the card and in
Problems, with the fix)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton

from netstudio.gui.canvas.node_item import SMALLEST_CARD
from netstudio.gui.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _node(node_id: str, type_id: str, params: dict[str, Any], x: float) -> dict[str, Any]:
    return {"id": node_id, "type": type_id, "name": node_id, "params": params, "position": [x, 0]}


def _project(tmp_path: Path, nodes: list[dict[str, Any]], data: dict[str, Any]) -> Path:
    """The digits example with this chain of nodes as its network."""
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    edges = [
        {"from": a["id"], "from_port": "out", "to": b["id"], "to_port": "in"}
        for a, b in itertools.pairwise(nodes)
    ]
    project["networks"][0]["graph"] = {"nodes": nodes, "edges": edges}
    project["data"] = {**project["data"], **data}
    path = tmp_path / "inside.net"
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def _wait_previews(qtbot, window: MainWindow) -> None:
    previews = window.previews
    qtbot.waitUntil(lambda: bool(previews.previews) and not previews.busy, timeout=30_000)


def test_previews_show_each_layer_output_and_follow_edits_and_samples(
    window, qtbot, hands, tmp_path
):
    import torch

    from netstudio.core.previews import PreviewEngine
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    nodes = [
        _node("input", "Input", {"shape": [1, 8, 8], "dtype": "float32"}, 0),
        _node("conv", "Conv2d", {"out_channels": 4, "kernel_size": 3, "padding": 1}, 240),
        _node("relu", "ReLU", {}, 480),
        _node("flat", "Flatten", {}, 720),
        _node("fc", "Linear", {"out_features": 10}, 960),
        _node("output", "Output", {}, 1200),
    ]
    path = _project(tmp_path, nodes, {})
    assert window.open_file(path)
    assert hands.action(window, "view_previews").isChecked()  # a small network: on by default
    _wait_previews(qtbot, window)
    previews, scene = window.previews, window.scene

    # Every card shows a picture and the value range; the values are the engine's own.
    data = load_data(DataConfig.model_validate(window.document.project.data), path.parent)
    engine = PreviewEngine(window.document.graph, data.train.x[0])
    expected = engine.update()
    engine.close()
    for node_id in ("input", "conv", "relu", "fc", "output"):
        item = scene.nodes[node_id]
        assert item.preview_shown and item.preview_pixmap is not None, node_id
        assert torch.equal(previews.previews[node_id].value, expected[node_id].value), node_id
        assert " .. " in item.preview_text and not item.preview_alert
    assert previews.previews["conv"].shape == (1, 4, 8, 8)
    assert previews.sample_text.startswith("training sample 1 of")

    # An edit of conv: conv and what follows it are computed again, the Input is not.
    before = previews.previews["input"]
    window.scene.select_nodes(["conv"])
    hands.type_into(window.inspector.editors["out_channels"].widget, "6")
    qtbot.waitUntil(lambda: previews.previews["conv"].shape == (1, 6, 8, 8), timeout=30_000)
    _wait_previews(qtbot, window)
    assert previews.computed == 5  # conv, relu, flat, fc, output
    assert previews.previews["input"] is before

    # Next sample (in the Inspector): every node shows the new sample's values.
    old = previews.previews["input"].value
    window.inspector.insight.findChild(QPushButton, "preview_next").click()
    qtbot.waitUntil(lambda: previews.sample_text.startswith("training sample 2"), timeout=30_000)
    assert not torch.equal(previews.previews["input"].value, old)
    assert previews.computed == len(window.document.graph)
    enlarged = window.inspector.insight.picture.pixmap()
    assert not enlarged.isNull() and enlarged.width() > 100  # every channel, enlarged

    # Previews off: the cards lose the room they took.
    height = scene.nodes["conv"].height
    hands.action(window, "view_previews").trigger()
    assert scene.nodes["conv"].height < height and not scene.nodes["conv"].preview_shown


def test_a_layer_failing_on_the_sample_shows_on_its_card_and_in_problems(window, qtbot, tmp_path):
    nodes = [
        _node("input", "Input", {"shape": [64], "dtype": "int64"}, 0),
        _node("embed", "Embedding", {"num_embeddings": 1, "embedding_dim": 2}, 240),
        _node("flat", "Flatten", {}, 480),
        _node("fc", "Linear", {"out_features": 10}, 720),
        _node("output", "Output", {}, 960),
    ]
    assert window.open_file(_project(tmp_path, nodes, {}))
    _wait_previews(qtbot, window)
    card = window.scene.nodes["embed"]
    # The first sample's normalised pixels, as whole numbers, are 0 and 1: index 1 needs two.
    assert "the sample holds index 1 but num_embeddings is 1" in card.preview_alert
    assert "raise num_embeddings to at least 2" in card.preview_alert
    assert "raise num_embeddings" in card.toolTip()
    assert "no preview" in window.scene.nodes["fc"].preview_text  # nothing reaches it
    listed = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("raise num_embeddings to at least 2" in text for text in listed), listed


def test_previews_are_off_by_default_on_a_large_network(blank_window, tmp_path):
    from netstudio.core.graph import NetworkGraph
    from netstudio.gui.previews import DEFAULT_LIMIT
    from netstudio.io import Project, save_project

    graph = NetworkGraph()
    previous = graph.add_node("Input", node_id="input", params={"shape": [8]}).id
    for i in range(DEFAULT_LIMIT):
        previous_node = graph.add_node("ReLU", position=(i * 200.0, 0))
        graph.connect(previous, "out", previous_node.id, "in")
        previous = previous_node.id
    path = tmp_path / "large.net"
    save_project(Project(graph=graph, name="large"), path)
    assert blank_window.open_file(path)
    assert not blank_window.menu_actions.previews.isChecked()
    card = blank_window.scene.nodes["input"]
    assert not card.preview_shown and card.height == SMALLEST_CARD


def test_a_preview_with_nan_and_inf_says_so_in_words_and_marks_them():
    import torch

    from netstudio.core.previews import NodePreview
    from netstudio.gui.preview_images import NOT_FINITE, preview_image
    from netstudio.gui.previews import preview_texts

    value = torch.tensor([[1.0, float("nan"), -2.0, float("inf"), float("nan")]])
    preview = NodePreview("fc", value, (1, 5), -2.0, 1.0, nan=2, inf=1)
    span, alert = preview_texts(preview)
    assert span == "-2 .. 1" and alert == "2 NaN, 1 inf · -2 .. 1"
    image = preview_image(value)
    assert (image.width(), image.height()) == (5, 1)
    assert image.pixelColor(1, 0).getRgb()[:3] == NOT_FINITE
    assert image.pixelColor(0, 0).getRgb()[:3] != NOT_FINITE
