"""Python export of blocks: one class per block network, built once per copy, with the compiled
model's state_dict keys and outputs (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from netstudio.core.blocks import Library
from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.export import ExportError, export_project
from netstudio.export.formats import example_inputs
from netstudio.io import Project, load_project, loads_project

RESIDUAL = Path(__file__).resolve().parents[2] / "examples" / "residual_blocks.net"


def _dense(fc: str = "fc") -> NetworkGraph:
    """x -> Linear `fc` (6, its in_features auto) -> ReLU -> y."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="x", params={"shape": None})
    graph.add_node("Linear", node_id=fc, params={"out_features": 6})
    graph.add_node("ReLU", node_id="act")
    graph.add_node("Output", node_id="y")
    for src, dst in (("x", fc), (fc, "act"), ("act", "y")):
        graph.connect(src, "out", dst, "in")
    return graph


def _mix(f: str = "f") -> NetworkGraph:
    """Two inputs, two outputs: p = Linear `fa`(a) + Linear `fb`(b), q = `fb`(b)."""
    graph = NetworkGraph()
    for node_id in ("a", "b"):
        graph.add_node("Input", node_id=node_id, params={"shape": None})
        graph.add_node("Linear", node_id=f"{f}{node_id}", params={"out_features": 5})
        graph.connect(node_id, "out", f"{f}{node_id}", "in")
    graph.add_node("Add", node_id="s")
    graph.add_node("Output", node_id="p")
    graph.add_node("Output", node_id="q")
    graph.connect(f"{f}a", "out", "s", "in1")
    graph.connect(f"{f}b", "out", "s", "in2")
    graph.connect("s", "out", "p", "in")
    graph.connect(f"{f}b", "out", "q", "in")
    return graph


def _nested_project(mix_repeat: int, fc: str = "fc") -> Project:
    """main: Input(4) -> Block of 'pair' ×2 (each a Block of 'dense' ×2) -> Block of 'mix'
    ×`mix_repeat` (its second input the Input) -> two Outputs. The copies of 'dense' take 4 or
    6 features, those of 'mix' 6 and 4, then 5 and 5: their sizes differ from copy to copy.
    `fc`: the name of the Linear layers (a long one makes every line wrap)."""
    main, pair = NetworkGraph(), NetworkGraph()
    mix = _mix("f" if fc == "fc" else f"{fc}_")
    library = Library({"main": main, "dense": _dense(fc), "pair": pair, "mix": mix})
    pair.add_node("Input", node_id="x", params={"shape": None})
    pair.add_node("Block", node_id="inner", params={"network": "dense", "repeat": 2})
    pair.add_node("Output", node_id="y")
    pair.connect("x", "out", "inner", "x")
    pair.connect("inner", "y", "y", "in")
    main.add_node("Input", node_id="input", params={"shape": [4]})
    main.add_node("Block", node_id="stages", params={"network": "pair", "repeat": 2})
    main.add_node("Block", node_id="mixer", params={"network": "mix", "repeat": mix_repeat})
    main.add_node("Output", node_id="o1")
    main.add_node("Output", node_id="o2")
    main.connect("input", "out", "stages", "x")
    main.connect("stages", "y", "mixer", "a")
    main.connect("input", "out", "mixer", "b")
    main.connect("mixer", "p", "o1", "in")
    main.connect("mixer", "q", "o2", "in")
    return Project(networks=library, name="nested")


def _same_outputs(project: Project, exported: torch.nn.Module) -> None:
    torch.manual_seed(5)
    compiled = compile_graph(project.graph).eval()
    assert list(exported.state_dict()) == list(compiled.state_dict())
    exported.load_state_dict(compiled.state_dict())
    x = example_inputs(project.graph, batch=3)
    with torch.no_grad():
        torch.testing.assert_close(exported.eval()(*x), compiled(*x))


def test_a_block_network_is_one_class_built_once_per_copy(tmp_path: Path, load_module) -> None:
    project = load_project(RESIDUAL)
    path = export_project(project, "python", tmp_path / "residual.py")[0]
    text = path.read_text()
    assert text.count("class ResBlock(nn.Module):") == 1
    assert "    def __init__(self) -> None:" in text  # every copy the same: no arguments
    assert "        self.blocks = nn.Sequential(*[ResBlock() for _ in range(3)])\n" in text
    assert "        blocks = self.blocks(stem_relu)  # (N, 16, 8, 8)\n" in text
    assert text.index("class ResBlock(") < text.index("class ResidualBlocks(")
    _same_outputs(project, load_module(path).ResidualBlocks())


def test_sizes_that_differ_between_copies_become_constructor_arguments(
    tmp_path: Path, load_module, ruff
) -> None:
    """Nested blocks, copies of other sizes, several inputs and outputs: one class per
    network, the compiled state_dict keys (``stages.1.inner.0.fc.weight``), the same outputs."""
    for repeat in (1, 2):
        project = _nested_project(repeat)
        path = export_project(project, "python", tmp_path / f"nested_{repeat}.py")[0]
        text = path.read_text()
        assert "    def __init__(self, fc_in_features: int) -> None:" in text
        assert "        self.fc = nn.Linear(fc_in_features, 6)\n" in text
        assert "    def __init__(self, inner_0_fc_in_features: int) -> None:" in text
        assert (
            "        self.stages = nn.Sequential(Pair(inner_0_fc_in_features=4), "
            "Pair(inner_0_fc_in_features=6))\n"
        ) in text
        assert "        return mixer_p, mixer_q\n" in text
        if repeat == 2:  # copies of two inputs: a loop feeds each copy's outputs to the next
            assert "        for block in self.mixer:\n" in text
        else:
            assert "        self.mixer = nn.ModuleList([Mix()])\n" in text
        _same_outputs(project, load_module(path).Nested())
    assert ruff(tmp_path) == ""


def test_long_block_arguments_are_wrapped_as_ruff_formats_them(tmp_path: Path, ruff) -> None:
    long = "fully_connected_with_a_long_name"
    for repeat in (1, 2):
        export_project(_nested_project(repeat, fc=long), "python", tmp_path / f"n{repeat}.py")
    assert ruff(tmp_path) == ""


def test_the_training_script_of_a_project_with_blocks_builds_the_compiled_model(
    tmp_path: Path, load_module
) -> None:
    project = load_project(RESIDUAL)
    path = export_project(project, "python", tmp_path / "train.py", with_training=True)[0]
    module = load_module(path)
    assert callable(module.main)
    _same_outputs(project, module.load_model(None))


def test_a_block_class_never_takes_the_name_of_a_class_the_file_defines(
    tmp_path: Path, load_module
) -> None:
    """A network named ``schedule`` beside the training code's own ``Schedule`` class."""
    text = RESIDUAL.read_text(encoding="utf-8").replace('"res_block"', '"schedule"')
    project = loads_project(text)
    assert project.graph.node("blocks").params["network"] == "schedule"
    path = export_project(project, "python", tmp_path / "train.py", with_training=True)[0]
    text = path.read_text()
    assert "class ScheduleBlock(nn.Module):" in text and "class Schedule:" in text
    _same_outputs(project, load_module(path).load_model(None))


def test_a_main_class_named_like_a_helper_of_the_training_code_is_refused(
    tmp_path: Path,
) -> None:
    project = load_project(RESIDUAL)
    project.name = "Schedule"
    with pytest.raises(ExportError, match="would be named Schedule, like another definition"):
        export_project(project, "python", tmp_path / "train.py", with_training=True)
    assert not (tmp_path / "train.py").exists()
