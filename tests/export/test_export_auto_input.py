"""Exporting a project whose Input is auto: the exported code and files take the data's shape."""

from __future__ import annotations

from pathlib import Path

import torch
from safetensors.torch import load_file

from netstudio.core.graph import NetworkGraph
from netstudio.export import export_project
from netstudio.io import Project


def _project() -> Project:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="pixels")  # auto: the digits' 1×8×8
    graph.add_node("Flatten", node_id="flat", name="flat")
    graph.add_node("Linear", node_id="fc", name="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("input", "out", "flat", "in")
    graph.connect("flat", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    return Project(graph=graph, name="auto digits", data={"source": "digits"})


def test_weights_and_python_of_an_auto_input_take_the_data_shape(
    tmp_path: Path, load_module
) -> None:
    project = _project()
    weights = export_project(project, "weights", tmp_path / "w.safetensors")[0]
    assert load_file(weights)["fc.weight"].shape == (10, 64)
    script = export_project(project, "python", tmp_path / "auto_digits.py")[0]
    module = load_module(script)
    model = module.load_model()
    assert model(torch.zeros(3, 1, 8, 8)).shape == (3, 10)
    assert project.graph.node("input").params["shape"] is None  # the project keeps "auto"


def test_torchscript_of_an_auto_input_traces_with_the_data_shape(tmp_path: Path) -> None:
    path = export_project(_project(), "torchscript", tmp_path / "m.pt")[0]
    assert path.is_file() and path.stat().st_size > 0
