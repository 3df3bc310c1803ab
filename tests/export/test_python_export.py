"""The python export: a readable class that computes what the compiled model computes."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.export import export_project
from netstudio.export.formats import example_inputs
from netstudio.export.python_file import python_source
from netstudio.io import Project, load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _trained_weights(project: Project, path: Path) -> dict[str, torch.Tensor]:
    """Weights unlike a fresh initialisation (another seed, BatchNorm statistics moved)."""
    torch.manual_seed(123)
    model = compile_graph(project.graph)
    state = {
        k: v + (0.01 * torch.randn(v.shape)).to(v.dtype) for k, v in model.state_dict().items()
    }
    save_file(state, str(path))
    return state


def test_every_example_exports_a_class_with_the_compiled_outputs(
    example: Path, tmp_path: Path, load_module
) -> None:
    project = load_project(example)
    weights = tmp_path / "trained.safetensors"
    state = _trained_weights(project, weights)
    written = export_project(project, "python", tmp_path / "model.py", weights=weights)
    assert written == [tmp_path / "model.py", tmp_path / "model.safetensors"]
    text = written[0].read_text()
    assert "netstudio" not in text.replace("NetStudio", "")

    module = load_module(written[0])
    exported = module.load_model().eval()  # reads model.safetensors beside the file
    compiled = compile_graph(project.graph)
    compiled.load_state_dict(state)
    compiled.eval()
    assert set(exported.state_dict()) == set(compiled.state_dict())
    x = example_inputs(project.graph, batch=4)
    with torch.no_grad():
        torch.testing.assert_close(exported(*x), compiled(*x), atol=1e-5, rtol=1e-5)


def test_layers_are_constructor_calls_with_inferred_sizes() -> None:
    project = load_project(EXAMPLES / "mnist_mlp.net")
    text, model = python_source(project)
    assert model.class_name == "MnistMlp"
    assert "class MnistMlp(nn.Module):" in text
    assert "        self.fc1 = nn.Linear(784, 256)\n" in text  # in_features as inferred
    assert "        fc1 = self.fc1(input_)  # (N, 256)\n" in text
    assert "def forward(self, input_: torch.Tensor) -> torch.Tensor:" in text


def _merge_graph() -> NetworkGraph:
    """Every NetStudio module kind: merges, a reshape, attention and a recurrent layer."""
    graph = NetworkGraph()
    add = graph.add_node
    add("Input", node_id="input", name="features", params={"shape": (8,)})
    add("Linear", node_id="a", name="a", params={"out_features": 16})
    add("Linear", node_id="b", name="b", params={"out_features": 16})
    add("Multiply", node_id="gate", name="gate")
    add("Add", node_id="sum", name="sum")
    add("Concat", node_id="join", name="join")
    add("Reshape", node_id="steps", name="steps", params={"shape": (4, 8)})
    add("MultiheadAttention", node_id="attn", name="attn", params={"num_heads": 2})
    add("GRU", node_id="gru", name="gru", params={"hidden_size": 12, "output": "last"})
    add("Output", node_id="output", name="output")
    for src, dst, port in (
        ("input", "a", "in"),
        ("input", "b", "in"),
        ("a", "gate", "in1"),
        ("b", "gate", "in2"),
        ("gate", "sum", "in1"),
        ("a", "sum", "in2"),
        ("sum", "join", "in1"),
        ("b", "join", "in2"),
        ("join", "steps", "in"),
        ("steps", "attn", "in"),
        ("attn", "gru", "in"),
        ("gru", "output", "in"),
    ):
        graph.connect(src, "out", dst, port)
    return graph


def test_netstudio_modules_become_expressions_or_copied_classes(
    tmp_path: Path, load_module, ruff
) -> None:
    project = Project(graph=_merge_graph(), name="gated sequence")
    path = export_project(project, "python", tmp_path / "gated.py")[0]
    text = path.read_text()
    assert "        gate = a * b" in text
    assert "        sum_ = gate + a" in text or "        sum = gate + a" in text
    assert "torch.cat([" in text and "dim=1)" in text
    assert ".reshape(" in text
    assert "class Recurrent(nn.Module):" in text and "class SelfAttention(nn.Module):" in text
    assert "class Add(" not in text and "class Concat(" not in text
    assert ruff(path) == ""

    module = load_module(path)
    exported = module.GatedSequence().eval()
    torch.manual_seed(0)
    compiled = compile_graph(project.graph).eval()
    exported.load_state_dict(compiled.state_dict())
    x = example_inputs(project.graph, batch=3)
    with torch.no_grad():
        torch.testing.assert_close(exported(*x), compiled(*x), atol=1e-5, rtol=1e-5)


def test_generated_files_are_ruff_clean(tmp_path: Path, ruff) -> None:
    """Every example, as a model file and as a training script, passes ruff unchanged."""
    for example in sorted(EXAMPLES.glob("*.net")):
        project = load_project(example)
        for training in (False, True):
            name = f"{example.stem}{'_train' if training else ''}.py"
            export_project(project, "python", tmp_path / name, with_training=training)
    assert len(list(tmp_path.glob("*.py"))) >= 16
    assert ruff(tmp_path) == ""


@pytest.mark.parametrize("name", ["", "1 layer", "MNIST MLP", "CIFAR-10 CNN", "ResNet small"])
def test_class_names_come_from_the_project_name(name: str) -> None:
    from netstudio.export.code import class_name

    expected = {"": "Net", "1 layer": "Net1Layer", "MNIST MLP": "MnistMlp"}
    expected |= {"CIFAR-10 CNN": "Cifar10Cnn", "ResNet small": "ResNetSmall"}
    assert class_name(name) == expected[name]


@pytest.mark.parametrize(
    ("name", "file", "script", "expected"),
    [
        ("Untitled", "my_net.net", "model.py", "MyNet"),  # an unnamed project: its file's name
        ("", "digits-v2.net", "model.py", "DigitsV2"),
        ("Untitled", None, "digits.py", "Digits"),  # never saved: the file being written
        ("MNIST MLP", "other.net", "model.py", "MnistMlp"),  # a name given wins
    ],
)
def test_the_class_is_named_after_the_project_else_its_file(
    name: str, file: str | None, script: str, expected: str, tmp_path: Path, load_module
) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.name = name
    project.path = tmp_path / file if file else None
    written = export_project(project, "python", tmp_path / script)
    module = load_module(written[0])
    assert isinstance(getattr(module, expected)(), torch.nn.Module)
    assert "Untitled" not in written[0].read_text()
