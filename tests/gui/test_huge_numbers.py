"""Numbers beyond what a Qt spin box holds (2**31 - 1 for whole numbers) are shown as written,
with the reason, in every number field: a layer's parameter in the Inspector, a training setting,
a data setting. Nothing raises and nothing is clamped silently; the first entry replaces them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")


from netstudio.gui.document import Document
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"


def write_project(folder: Path, change) -> Path:
    content = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(content)
    path = folder / "huge.net"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def window(blank_window: MainWindow) -> MainWindow:
    """The window, with no PyTorch: a 10**12-wide layer is never built here."""
    return blank_window


def shown_text(widget: Any) -> str:
    return widget.lineEdit().text().removesuffix(widget.suffix())


def test_selecting_a_layer_wider_than_a_spin_box_shows_its_width(
    hands, qtbot, window: MainWindow
) -> None:
    """The node of the issue: out_features 10**12 (a run then failed out of memory). The
    catalogue may refuse such a width in a file today; the Inspector must still show any
    value a node holds, so it is put into the graph directly."""
    project = load_project(EXAMPLE)
    project.graph.node("fc1").params["out_features"] = 10**12
    with qtbot.captureExceptions() as exceptions:
        window.set_document(Document(project, analysis=False))
        window.scene.select_nodes(["fc1"])
        qtbot.wait(10)
    assert exceptions == []

    inspector = window.inspector
    assert inspector.node_id == "fc1" and inspector.currentWidget() is inspector.scroll
    box = inspector.editors["out_features"].widget
    error = inspector.errors["out_features"]
    assert shown_text(box) == "1000000000000"  # not clamped to what a spin box holds
    assert not error.isHidden() and "1000000000000" in error.text()
    assert error.text() in box.toolTip()
    box.clearFocus()  # leaving the field is no edit
    document = window.document
    assert document.undo_stack.count() == 0
    assert document.graph.node("fc1").params["out_features"] == 10**12

    hands.type_into(box, "256")
    assert document.graph.node("fc1").params["out_features"] == 256
    assert error.isHidden() and shown_text(box) == "256"
    assert not box.property("problem")


def test_training_and_data_numbers_beyond_their_spin_boxes_are_shown_with_the_reason(
    hands, qtbot, window: MainWindow, tmp_path: Path
) -> None:
    def enlarge(content: dict) -> None:
        content["training"] = {"seed": 3_000_000_000}
        content["data"] = {"source": "xor", "params": {"noise": 1e300}, "seed": 3_000_000_000}

    path = write_project(tmp_path, enlarge)
    with qtbot.captureExceptions() as exceptions:
        assert window.open_file(path)
        qtbot.wait(10)
    assert exceptions == []

    seed = window.training_ui.panel.form.editors["seed"].widget
    assert shown_text(seed) == "3000000000"  # a seed torch takes, beyond a spin box
    assert seed.property("problem").startswith("3000000000 is beyond what this field can hold")
    data_seed = window.evaluation_ui.data_panel.seed_spin
    assert shown_text(data_seed) == "3000000000"
    assert "at most 2147483647" in data_seed.toolTip()
    noise = window.evaluation_ui.data_panel.editors["noise"]
    assert shown_text(noise.widget) == "1e+300"
    assert "1e+300" in noise.problem  # beyond the field's range (or the source's, if bounded)

    hands.type_into(data_seed, "7")  # the first entry replaces the value through one undoable edit
    document = window.document
    assert document.project.data["seed"] == 7 and not data_seed.property("problem")
    document.undo_stack.undo()
    assert document.project.data["seed"] == 3_000_000_000
    assert shown_text(data_seed) == "3000000000"
