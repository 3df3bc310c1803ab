"""The layers torchvision's classifiers use (ReLU6, Hardswish, ZeroPad2d, LayerNorm2d, ...)
export as readable Python that computes what the compiled model computes."""

from __future__ import annotations

from pathlib import Path

import torch

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.export import export_project
from netstudio.export.formats import example_inputs
from netstudio.io import Project

#: (type id, params): a chain over a 4×6×6 image; Permute goes channels last and back.
CHAIN = (
    ("ZeroPad2d", {"padding": (1, 0, 2, 1)}),
    ("Conv2d", {"out_channels": 8, "kernel_size": (3, 3)}),
    ("LayerNorm2d", {}),
    ("ReLU6", {}),
    ("Hardtanh", {"min_val": -0.5, "max_val": 2.0}),
    ("Hardswish", {}),
    ("Mish", {}),
    ("Softplus", {"beta": 2.0}),
    ("PReLU", {"num_parameters": 8}),
    ("StochasticDepth", {"p": 0.3}),
    ("Permute", {"dims": (0, 2, 3, 1)}),
    ("Permute", {"dims": (0, 3, 1, 2)}),
    ("AdaptiveMaxPool2d", {"output_size": (2, 2)}),
    ("Hardsigmoid", {}),
)


def _graph() -> NetworkGraph:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="image", params={"shape": (4, 6, 6)})
    previous = "input"
    for i, (type_id, params) in enumerate(CHAIN):
        node = graph.add_node(type_id, node_id=f"n{i}", params=params)
        graph.connect(previous, "out", node.id, "in")
        previous = node.id
    graph.add_node("Output", node_id="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def test_the_new_layers_export_and_compute_the_same(tmp_path: Path, load_module, ruff) -> None:
    project = Project(graph=_graph(), name="torchvision layers")
    path = export_project(project, "python", tmp_path / "layers.py")[0]
    text = path.read_text()
    assert "nn.ReLU6()" in text and "nn.ZeroPad2d((1, 0, 2, 1))" in text
    assert "nn.PReLU(num_parameters=8)" in text
    assert ".permute(0, 2, 3, 1)" in text
    assert "class LayerNorm2d(nn.LayerNorm):" in text
    assert "class StochasticDepth(nn.Module):" in text
    assert ruff(path) == ""

    module = load_module(path)
    exported = module.TorchvisionLayers().eval()
    torch.manual_seed(0)
    compiled = compile_graph(project.graph).eval()
    with torch.no_grad():
        for p in compiled.parameters():
            p.add_(0.1 * torch.randn(p.shape))
    exported.load_state_dict(compiled.state_dict())
    x = example_inputs(project.graph, batch=3)
    with torch.no_grad():
        torch.testing.assert_close(exported(*x), compiled(*x), atol=1e-5, rtol=1e-5)
