"""TorchScript, ONNX and weights: every example, each checked against the compiled model."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from netstudio.core.compiler import compile_graph
from netstudio.export import ExportError, export_project
from netstudio.export.formats import compiled_model, example_inputs
from netstudio.io import load_project


@pytest.mark.filterwarnings("ignore:`torch.jit.load` is deprecated:FutureWarning")
def test_torchscript_matches_the_compiled_model(example: Path, tmp_path: Path) -> None:
    project = load_project(example)
    path = export_project(project, "torchscript", tmp_path / "model.pt")[0]
    loaded = torch.jit.load(str(path))
    model = compiled_model(project.graph, seed=0)
    x = example_inputs(project.graph, batch=5)  # another batch size than the trace's
    with torch.no_grad():
        torch.testing.assert_close(loaded(*x), model(*x), atol=1e-5, rtol=1e-5)


def test_onnx_matches_the_compiled_model(example: Path, tmp_path: Path) -> None:
    onnxruntime = pytest.importorskip("onnxruntime")
    onnx = pytest.importorskip("onnx")
    project = load_project(example)
    path = export_project(project, "onnx", tmp_path / "model.onnx")[0]
    onnx.checker.check_model(str(path))
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    model = compiled_model(project.graph, seed=project.training.get("seed", 0))
    for batch in (1, 7):  # the batch dimension is dynamic
        x = example_inputs(project.graph, batch=batch)
        feed = {arg.name: t.numpy() for arg, t in zip(session.get_inputs(), x, strict=True)}
        (got,) = session.run(None, feed)
        with torch.no_grad():
            torch.testing.assert_close(torch.from_numpy(got), model(*x), atol=1e-5, rtol=1e-4)


def test_weights_are_the_seeded_initialisation(example: Path, tmp_path: Path) -> None:
    project = load_project(example)
    path = export_project(project, "weights", tmp_path / "w.safetensors")[0]
    state = load_file(str(path))
    torch.manual_seed(project.training.get("seed", 0))
    model = compile_graph(project.graph)
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
