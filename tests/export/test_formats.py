"""PyTorch 2, TorchScript, ONNX and weights: every example, each checked against the compiled
model. Every example's ONNX file is checked by tests/importing/test_onnx_round_trip.py, which
also reads it back (one ONNX export per example, the slowest of the formats)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.export import ExportError, export_project
from netstudio.export.formats import compiled_model, example_inputs
from netstudio.io import Project, load_project
from netstudio.training.starting_weights import read_starting_weights, start_from

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _expected(project: Project, seed: int = 0) -> torch.fx.GraphModule:
    """The compiled network as an export holds it: seeded, then the project's starting weights
    (transfer_digits.net has its backbone's beside it)."""
    model = compiled_model(project.graph, seed=seed)
    start_from(model, read_starting_weights(project))
    return model


def test_pt2_loads_back_and_matches_the_compiled_model_for_any_batch(
    example: Path, tmp_path: Path
) -> None:
    """Every example exports with a dynamic batch (the LSTM too): no static fallback."""
    project = load_project(example)
    path = export_project(project, "pt2", tmp_path / "model.pt2")[0]
    assert path == tmp_path / "model.pt2" and sorted(tmp_path.iterdir()) == [path]
    program = torch.export.load(path)
    assert isinstance(program, torch.export.ExportedProgram)
    loaded = program.module()
    model = _expected(project, seed=project.training.get("seed", 0))
    for batch in (1, 3):  # the export traced a batch of 2
        x = example_inputs(project.graph, batch=batch)
        with torch.no_grad():
            got, expected = loaded(*x), model(*x)
        assert got.shape == expected.shape and got.shape[0] == batch
        assert (got - expected).abs().max().item() < 1e-5


def test_pt2_with_trained_weights_holds_them(tmp_path: Path) -> None:
    project = load_project(EXAMPLES / "sequence_lstm.net")
    model = compile_graph(project.graph)
    trained = {k: v + 0.25 for k, v in model.state_dict().items()}
    save_file(trained, str(tmp_path / "w.safetensors"))
    path = export_project(
        project, "pt2", tmp_path / "lstm.pt2", weights=tmp_path / "w.safetensors"
    )[0]
    state = torch.export.load(path).state_dict
    assert state.keys() == trained.keys()  # the LSTM's weights are parameters, not constants
    for key, value in trained.items():
        assert torch.equal(state[key], value), key


def test_pt2_of_a_network_that_fixes_the_batch_size_says_what_to_change(tmp_path: Path) -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": (3, 4)})
    graph.add_node(
        "Function", node_id="fn", params={"function": "method:reshape", "args": "[2, 12]"}
    )
    graph.connect("input", "out", "fn", graph.node("fn").input_ports[0])
    graph.add_node("Output", node_id="output")
    graph.connect("fn", "out", "output", "in")
    target = tmp_path / "fixed.pt2"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="fixed batch size") as raised:
        export_project(Project(graph=graph), "pt2", target)
    assert "make it -1" in str(raised.value) and "\n" not in str(raised.value)
    assert target.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [target]


@pytest.mark.filterwarnings("ignore:`torch.jit.load` is deprecated:FutureWarning")
def test_torchscript_matches_the_compiled_model(example: Path, tmp_path: Path) -> None:
    project = load_project(example)
    path = export_project(project, "torchscript", tmp_path / "model.pt")[0]
    loaded = torch.jit.load(str(path))
    model = _expected(project)
    x = example_inputs(project.graph, batch=5)  # another batch size than the trace's
    with torch.no_grad():
        torch.testing.assert_close(loaded(*x), model(*x), atol=1e-5, rtol=1e-5)


def test_weights_are_the_seeded_initialisation(example: Path, tmp_path: Path) -> None:
    """... with the project's starting weights where it has them."""
    project = load_project(example)
    path = export_project(project, "weights", tmp_path / "w.safetensors")[0]
    state = load_file(str(path))
    torch.manual_seed(project.training.get("seed", 0))
    model = compile_graph(project.graph)
    start_from(model, read_starting_weights(project))
    assert state.keys() == model.state_dict().keys()
    for key, value in model.state_dict().items():
        assert torch.equal(state[key], value), key


def test_onnx_without_onnxscript_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "onnxscript", None)  # import onnxscript now fails
    project = load_project(Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net")
    with pytest.raises(ExportError, match=r'pip install "netstudio\[onnx\]"'):
        export_project(project, "onnx", tmp_path / "model.onnx")
    assert not (tmp_path / "model.onnx").exists()
