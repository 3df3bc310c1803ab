"""The generic Function layer: an allowlisted torch op with JSON constants, like any layer."""

from __future__ import annotations

import json

import pytest
import torch

from netstudio.core.compiler import CompileError, compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.modules import FunctionCall
from netstudio.core.shapes import ShapeInference
from netstudio.io import Project, dumps_project, loads_project


def function_graph(shape: tuple[int, ...], inputs: int = 1, **params: object) -> NetworkGraph:
    """Input → (Function fed `inputs` times by the input) → Output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": shape})
    node = graph.add_node("Function", node_id="fn", params={"inputs": inputs, **params})
    for port in node.input_ports:
        graph.connect("input", "out", "fn", port)
    graph.add_node("Output", node_id="output")
    graph.connect("fn", "out", "output", "in")
    return graph


def test_defaults_call_relu_on_the_input() -> None:
    module = FunctionCall("torch.nn.functional.relu")
    x = torch.randn(4, 3)
    assert torch.equal(module(x), torch.relu(x))


def test_a_method_with_json_arguments_compiles_and_infers_its_shape() -> None:
    graph = function_graph(
        (4, 6, 6), function="method:mean", args="[[2, 3]]", kwargs='{"keepdim": true}'
    )
    inference = ShapeInference(graph)
    assert inference.info("fn").output.shape == (2, 4, 1, 1)
    assert graph.node("fn").spec.describe(graph.node("fn").params) == "Function · mean"
    model = compile_graph(graph, inference)
    x = torch.randn(3, 4, 6, 6)
    assert torch.equal(model(x), x.mean((2, 3), keepdim=True))


def test_input_slots_tuples_slices_and_items() -> None:
    x = torch.randn(2, 5, 8)
    last = FunctionCall(
        "operator.getitem", args=json.dumps([{"$tuple": [{"$slice": [None, None, None]}, -1]}])
    )
    assert torch.equal(last(x), x[:, -1])
    swapped = FunctionCall("torch.sub", inputs=2, args='[{"$input": 1}, {"$input": 0}]')
    y = torch.randn(2, 5, 8)
    assert torch.equal(swapped(x, y), y - x)
    second = FunctionCall("method:chunk", args="[2]", kwargs='{"dim": 2}', item=1)
    assert torch.equal(second(x), x.chunk(2, dim=2)[1])
    cast = FunctionCall("method:to", kwargs='{"dtype": {"$dtype": "float64"}}')
    assert cast(x).dtype == torch.float64


def test_two_inputs_wired_into_one_function_node() -> None:
    graph = function_graph((3,), inputs=2, function="torch.maximum")
    assert graph.node("fn").input_ports == ("in1", "in2")
    x = torch.randn(4, 3)
    assert torch.equal(compile_graph(graph)(x), x)


@pytest.mark.parametrize(
    "name",
    [
        "builtins.eval",
        "os.system",
        "torch.load",
        "torch.save",
        "torch.from_file",
        "torch.manual_seed",
        "torch.nn.Linear",
        "torch._C._nn.gelu",
        "operator.setitem",
        "operator.attrgetter",
        "method:__class__",
        "method:numpy",
        "method:register_hook",
        "eval",
        "",
    ],
)
def test_names_outside_the_allowlist_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="is not allowed"):
        FunctionCall(name)


def test_a_refused_name_in_a_graph_names_the_node() -> None:
    graph = function_graph((3,), function="torch.load")
    inference = ShapeInference(graph)
    error = inference.info("fn").error
    assert error is not None
    assert "Function 'fn'" in error
    assert "'torch.load' is not allowed" in error
    with pytest.raises(CompileError) as caught:
        compile_graph(graph)
    assert caught.value.node_id == "fn"


def test_bad_json_and_slots_are_errors_not_evaluated() -> None:
    with pytest.raises(ValueError, match="args is not valid JSON"):
        FunctionCall("torch.add", args="[__import__('os')]")
    with pytest.raises(ValueError, match="kwargs must be a JSON object"):
        FunctionCall("torch.add", kwargs="[1]")
    with pytest.raises(ValueError, match="refers to input 1"):
        FunctionCall("torch.add", args='[{"$input": 0}, {"$input": 1}]')
    with pytest.raises(ValueError, match="not a torch dtype"):
        FunctionCall("method:to", args='[{"$dtype": "Tensor"}]')


def test_saves_and_loads_in_a_net_file_and_computes_the_same() -> None:
    graph = function_graph(
        (4, 6), function="torch.nn.functional.hardtanh", kwargs='{"min_val": -0.5}'
    )
    text = dumps_project(Project(graph=graph, name="fn"))
    loaded = loads_project(text).graph
    assert loaded.node("fn").params == graph.node("fn").params
    x = torch.randn(2, 4, 6)
    assert torch.equal(compile_graph(loaded)(x), torch.nn.functional.hardtanh(x, min_val=-0.5))
    assert dumps_project(Project(graph=loaded, name="fn")) == text
