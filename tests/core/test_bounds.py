"""Bounded sizes: every number of a layer has a range, and absurd sizes are refused, never built.

A file may say ``num_layers: 2**63``; before the ranges, `check` spent minutes inside
``nn.LSTM.__init__``. A size within range can still make a layer with trillions of weights:
shape inference refuses it from the count the parameters imply, before any constructor runs.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from netstudio.cli import run_check
from netstudio.core.catalogue import Catalogue, LayerSpec, TensorInfo, catalogue
from netstudio.core.compiler import CompileError, compile_graph
from netstudio.core.errors import ParamError
from netstudio.core.graph import NetworkGraph
from netstudio.core.params import MAX_EXTENT, MAX_RANK, p_int
from netstudio.core.shapes import MAX_LAYER_PARAMS, ShapeInference

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NUMERIC = ("int", "float", "ints", "floats")


def single(shape: tuple[int, ...], type_id: str, **params: Any) -> NetworkGraph:
    """Input → one layer 'x' → Output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": shape})
    node = graph.add_node(type_id, node_id="x", name="x", params=params)
    for port in node.input_ports:
        graph.connect("input", "out", "x", port)
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("x", "out", "output", "in")
    return graph


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The type ids of every module built from the catalogue while the test runs."""
    calls: list[str] = []
    original = LayerSpec.create_module

    def create_module(self: LayerSpec, params: Any) -> Any:
        calls.append(self.type_id)
        return original(self, params)

    monkeypatch.setattr(LayerSpec, "create_module", create_module)
    return calls


# --- ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", list(catalogue()), ids=lambda s: s.type_id)
def test_every_numeric_layer_parameter_has_a_finite_range(spec: LayerSpec) -> None:
    for param in spec.params:
        if param.kind not in NUMERIC:
            continue
        assert param.minimum is not None and param.maximum is not None, param.name
        assert math.isfinite(param.maximum) and param.maximum <= MAX_EXTENT, param.name
        assert param.max_length <= MAX_RANK


def test_registering_a_number_without_a_maximum_is_refused() -> None:
    unbounded = LayerSpec("Thing", "Core", "a thing", params=(p_int("units", 4, "units"),))
    with pytest.raises(ValueError, match="'units' needs a minimum and a maximum"):
        Catalogue().register(unbounded)


@pytest.mark.parametrize(
    ("type_id", "name", "value", "expected"),
    [
        ("LSTM", "num_layers", 2**63, "'num_layers' must be at most 128, got 9223372036854775808"),
        ("Linear", "out_features", 10**12, "'out_features' must be at most 1048576"),
        ("Linear", "out_features", 10**400, "'out_features' must be at most 1048576"),
        ("Linear", "out_features", 1e300, "'out_features' must be at most 1048576"),
        ("Conv2d", "kernel_size", (2**40, 3), "'kernel_size' must be at most 65536"),
        ("Upsample", "scale_factor", 1e300, "'scale_factor' must be at most 1024"),
        ("Reshape", "shape", (1,) * 65, "'shape' takes at most 64 values, got 65"),
    ],
)
def test_absurd_numbers_are_refused_naming_the_node_and_the_range(
    type_id: str, name: str, value: Any, expected: str
) -> None:
    graph = NetworkGraph()
    with pytest.raises(ParamError, match=r"^\S+ 'big': ") as caught:
        graph.add_node(type_id, name="big", params={name: value})
    assert expected in str(caught.value)
    assert caught.value.param == name
    assert len(graph) == 0


def test_a_number_out_of_range_says_which_range_to_choose_from() -> None:
    with pytest.raises(ParamError, match=r"choose a value from 1 to 128$"):
        catalogue().get("GRU").check_params({"num_layers": 129}, "GRU 'gru'")


def _absurd_file(tmp_path: Path) -> Path:
    data = json.loads((EXAMPLES / "sequence_lstm.net").read_text(encoding="utf-8"))
    for node in data["networks"][0]["graph"]["nodes"]:
        if node["type"] == "LSTM":
            node["params"]["num_layers"] = 2**63
        if node["type"] == "Linear":
            node["params"]["out_features"] = 10**12
    path = tmp_path / "absurd.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_answers_absurd_sizes_at_once_naming_node_and_range(tmp_path: Path) -> None:
    """In a child process: before the ranges, this check did not end for minutes."""
    path = _absurd_file(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "netstudio", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "graph.nodes[1].params.num_layers: LSTM 'lstm'" in done.stderr
    assert "choose a value from 1 to 128" in done.stderr
    assert "(and 1 more problem)" in done.stderr  # out_features, listed in the error's problems


def test_check_of_a_layer_too_large_to_build_is_an_error_of_that_node(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], built: list[str]
) -> None:
    """Every size in range, yet 2**24 inputs times 2**20 units: refused, nothing built."""
    data = json.loads((EXAMPLES / "mnist_mlp.net").read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in data["networks"][0]["graph"]["nodes"]}
    first = next(node for node in nodes.values() if node["type"] == "Linear")
    next(node for node in nodes.values() if node["type"] == "Input")["params"]["shape"] = [2**24]
    first["params"].update(in_features=None, out_features=2**20)
    path = tmp_path / "huge.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run_check(path) == 1
    out = capsys.readouterr().out
    assert f"error: {first['id']}: Linear '{first['name']}' would have 17,592,187,092,992" in out
    assert f"more than the {MAX_LAYER_PARAMS:,} one layer may have" in out
    assert built == []  # the layers after it wait for it; none is built


@pytest.mark.parametrize(
    ("shape", "type_id", "params"),
    [
        ((2**24,), "Linear", {"out_features": 2**20}),
        ((2**20, 4, 4, 4), "Conv3d", {"out_channels": 2**20, "kernel_size": (2**16,) * 3}),
        ((4, 2**20), "LSTM", {"hidden_size": 2**20, "num_layers": 128}),
        ((4, 2**20), "TransformerEncoderLayer", {"nhead": 1, "dim_feedforward": 2**20}),
        ((2**24, 2**24), "LayerNorm", {"normalized_shape": (2**24, 2**24)}),
    ],
)
def test_shape_inference_refuses_a_huge_layer_without_building_it(
    shape: tuple[int, ...], type_id: str, params: dict[str, Any], built: list[str]
) -> None:
    graph = single(shape, type_id, **params)
    info = ShapeInference(graph).info("x")
    assert info.error is not None
    assert f"{type_id} 'x' would have " in info.error
    assert "make its sizes smaller" in info.error
    assert built == []
    with pytest.raises(CompileError, match=r"^x: .* would have "):
        compile_graph(graph)
    assert built == []


@pytest.mark.parametrize(
    ("shape", "type_id", "params"),
    [
        ((12,), "Linear", {"out_features": 5, "bias": False}),
        ((12, 9), "Conv1d", {"out_channels": 6, "kernel_size": 3, "groups": 3}),
        ((8, 9, 9), "Conv2d", {"out_channels": 4, "kernel_size": (3, 2), "groups": 4}),
        ((2, 5, 5, 5), "Conv3d", {"out_channels": 3, "kernel_size": 2, "bias": False}),
        ((6, 4, 4), "ConvTranspose2d", {"out_channels": 4, "kernel_size": 3, "groups": 2}),
        ((7, 10), "LSTM", {"hidden_size": 6, "num_layers": 3, "bidirectional": True}),
        ((7, 10), "GRU", {"hidden_size": 6, "num_layers": 2, "bias": False}),
        ((7, 10), "RNN", {"hidden_size": 5}),
        ((7, 12), "MultiheadAttention", {"num_heads": 3, "bias": False}),
        ((7, 12), "TransformerEncoderLayer", {"nhead": 2, "dim_feedforward": 20}),
        ((7, 12), "LayerNorm", {}),
        ((7, 12), "LayerNorm", {"elementwise_affine": False}),
    ],
)
def test_the_count_worked_out_beforehand_is_the_built_modules(
    shape: tuple[int, ...], type_id: str, params: dict[str, Any]
) -> None:
    spec = catalogue().get(type_id)
    assert spec.weight_count is not None
    info = ShapeInference(single(shape, type_id, **params)).info("x")
    assert info.ok, info.error
    assert spec.weight_count(info.resolved) == info.param_count


def test_the_embedding_count_is_the_built_modules() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="ids", params={"shape": (5,), "dtype": "int64"})
    graph.add_node("Embedding", node_id="x", params={"num_embeddings": 30, "embedding_dim": 7})
    graph.connect("ids", "out", "x", "in")
    info = ShapeInference(graph).info("x")
    assert catalogue().get("Embedding").weight_count(info.resolved) == info.param_count == 210


# --- recurrent layers run one step ------------------------------------------------------------


def test_a_long_sequence_runs_one_step_with_the_shapes_and_work_of_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On the meta device torch steps an LSTM in Python (milliseconds a step and layer): 1,000
    steps of 10 layers took half a minute. One step gives the same shapes and, times the steps,
    the same MACs."""
    seen: list[tuple[int, ...]] = []
    original = ShapeInference._run_once

    def run_once(self: ShapeInference, module: Any, inputs: Any) -> Any:
        seen.append(inputs[0].shape)
        return original(self, module, inputs)

    monkeypatch.setattr(ShapeInference, "_run_once", run_once)
    params = {"hidden_size": 6, "num_layers": 2, "bidirectional": True}
    inference = ShapeInference(single((1000, 3), "LSTM", **params))
    long = inference.info("x")
    assert seen == [(2, 1, 3)]
    assert long.output == TensorInfo((2, 1000, 12))
    assert inference.count_macs() == {"x"}

    short = ShapeInference(single((9, 3), "LSTM", **params))
    stepped = short.info("x")
    short.count_macs()
    module = next(iter(short._modules.values()))[0]
    monkeypatch.setattr(ShapeInference, "_run_once", original)
    outs = short._run_once(module, [TensorInfo((2, 9, 3))])  # all 9 steps
    macs = short._count_once(module, [TensorInfo((2, 9, 3))])
    assert [stepped.output] == outs
    assert stepped.macs == macs > 0
    assert long.macs * 9 == stepped.macs * 1000


def test_the_last_step_of_a_long_sequence_keeps_its_shape() -> None:
    info = ShapeInference(single((5000, 4), "GRU", hidden_size=8, output="last")).info("x")
    assert info.output == TensorInfo((2, 8))
