"""Story: a person opens residual_blocks.net (a residual block ×3) in the window: the Block node
shows its network, ×3, its shape and parameters on the canvas and in the Summary; Train runs it
and the run joins the Runs table; File > Export to Python writes a file whose class takes the
run's weights and computes what the run's network computes (issue 15)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import torch
from PySide6.QtWidgets import QSpinBox

from netstudio.core.compiler import compile_graph
from netstudio.export.formats import example_inputs
from netstudio.gui.export_dialog import LATEST_RUN, ExportDialog
from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.session import training_copy
from netstudio.io import load_project
from netstudio.training.checkpoints import read_weights

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "residual_blocks.net"
RUN_TIMEOUT = 60_000


def _example_copy(folder: Path, edit=None) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if edit is not None:
        edit(data)
    path = folder / EXAMPLE.name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _load(path: Path) -> ModuleType:
    """The exported file, imported as a module of its own."""
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_a_project_with_a_block_shows_trains_and_exports(
    qtbot, window: MainWindow, hands, tmp_path: Path
) -> None:
    path = _example_copy(tmp_path)
    assert window.open_file(path)
    document = window.document
    qtbot.waitUntil(lambda: document.analysed_once, timeout=RUN_TIMEOUT)
    assert [p.message for p in document.problems if p.severity == "error"] == []

    card = window.scene.nodes["blocks"]
    assert card.subtitle == "Block · res_block ×3"
    assert (card.shape_text, card.params_text) == ("N×16×8×8", "14 k")
    model = window.summary.model()
    (row,) = [r for r in range(model.rowCount()) if model.node_id(r) == "blocks"]
    cells = [model.index(row, column).data() for column in range(model.columnCount())]
    assert cells[1:4] == ["Block · res_block ×3", "N×16×8×8", "14,016"]

    hands.type_into(window.findChild(QSpinBox, "training_epochs"), "1")
    hands.type_into(window.findChild(QSpinBox, "training_batch_size"), "512")
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    record = finished.args[0].record
    assert record["status"] == "finished", record.get("error")
    assert window.evaluation_ui.runs_panel.table.model().rowCount() == 1
    trained = read_weights(path.parent / record["run_dir"] / "last.safetensors")
    assert any(key.startswith("blocks.2.conv2.") for key in trained)

    hands.action(window, "file_export").trigger()
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("python"))
    dialog.weights.setCurrentIndex(LATEST_RUN)
    target = tmp_path / "exported" / "residual.py"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=RUN_TIMEOUT
    )
    assert dialog.written == [target, target.with_suffix(".safetensors")], dialog.status.text()
    dialog.close()

    exported = _load(target).load_model().eval()  # the run's weights, beside the file
    network = compile_graph(document.graph)
    network.load_state_dict(trained)
    x = example_inputs(document.graph, batch=4)
    with torch.no_grad():
        torch.testing.assert_close(exported(x[0]), network.eval()(x[0]))


def test_an_error_inside_the_block_names_the_block_and_the_inner_node(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    def narrow_conv2(data: dict) -> None:
        (block,) = [n for n in data["networks"] if n["name"] == "res_block"]
        (conv2,) = [n for n in block["graph"]["nodes"] if n["id"] == "conv2"]
        conv2["params"]["out_channels"] = 8  # the Add gets 16 and 8 channels

    assert window.open_file(_example_copy(tmp_path, narrow_conv2))
    document = window.document
    qtbot.waitUntil(lambda: document.analysed_once, timeout=RUN_TIMEOUT)
    (problem,) = [p for p in document.problems if p.severity == "error"]
    assert problem.node_id == "blocks"
    assert problem.message.startswith("block 'blocks' (copy 1), node 'add': ")
    listed = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any(text.startswith("Block 'blocks' (copy 1), node 'add': ") for text in listed)


def test_the_training_copy_keeps_the_networks_its_blocks_use(tmp_path: Path) -> None:
    """The run trains on copies: the main network and, in a library of their own, the
    networks its blocks use (copied before the networks that use them)."""
    project = load_project(EXAMPLE)
    graph = training_copy(project)
    assert graph is not project.graph and graph.library is not project.networks
    assert list(graph.library) == ["res_block", "main"]
    assert graph.library["res_block"] is not project.networks["res_block"]
    torch.manual_seed(0)
    copied = compile_graph(graph)
    torch.manual_seed(0)
    original = compile_graph(project.graph)
    assert list(copied.state_dict()) == list(original.state_dict())
    project.networks["res_block"].set_params("conv1", {"out_channels": 8})
    assert graph.library["res_block"].node("conv1").params["out_channels"] == 16
