"""An auto Input (``shape`` left empty) takes the data's sample shape, which its caller gives."""

from __future__ import annotations

from netstudio.core.catalogue import TensorInfo, catalogue
from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference, is_auto_input, with_input_shape
from netstudio.core.validation import validate


def auto_mlp() -> NetworkGraph:
    """Input (auto) → Flatten → Linear(10) → Output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")
    graph.add_node("Flatten", node_id="flat")
    graph.add_node("Linear", node_id="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output")
    graph.connect("input", "out", "flat", "in")
    graph.connect("flat", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    return graph


def test_a_new_input_is_auto_and_its_subtitle_says_so() -> None:
    spec = catalogue().get("Input")
    assert spec.param("shape").default is None and spec.param("shape").auto
    graph = auto_mlp()
    assert is_auto_input(graph.node("input"))
    assert spec.describe(graph.node("input").params) == "Input · auto"


def test_an_auto_input_takes_the_data_shape_and_the_layers_follow() -> None:
    graph = auto_mlp()
    inference = ShapeInference(graph, data_shape=(1, 8, 8))
    assert inference.info("input").output == TensorInfo((2, 1, 8, 8))
    assert inference.info("input").resolved["shape"] == (1, 8, 8)
    assert inference.info("fc").resolved["in_features"] == 64
    assert graph.node("input").params["shape"] is None  # resolved, never written to the graph
    assert validate(graph, inference) == []


def test_a_new_data_shape_reanalyses_the_auto_input_and_what_follows() -> None:
    graph = auto_mlp()
    inference = ShapeInference(graph, data_shape=(1, 8, 8))
    inference.update()
    assert inference.set_data_shape((2,)) is True
    changed = inference.update()
    assert {"input", "flat", "fc"} <= changed
    assert inference.info("fc").resolved["in_features"] == 2
    assert inference.set_data_shape((2,)) is False  # the same shape: nothing to do
    assert inference.update() == set()


def test_an_explicit_input_keeps_its_shape_whatever_the_data() -> None:
    graph = auto_mlp()
    graph.set_params("input", {"shape": [784]})
    inference = ShapeInference(graph, data_shape=(1, 8, 8))
    inference.update()
    assert inference.set_data_shape((3, 32, 32)) is False  # no auto Input takes it
    assert inference.info("input").output == TensorInfo((2, 784))
    assert not is_auto_input(graph.node("input"))


def test_an_auto_input_without_a_known_data_shape_is_an_error_naming_it() -> None:
    graph = auto_mlp()
    problems = validate(graph)
    assert [p.node_id for p in problems] == ["input"]
    assert "takes its shape from the data" in problems[0].message
    assert "set the shape" in problems[0].message


def test_with_input_shape_gives_a_copy_that_compiles_without_the_data() -> None:
    graph = auto_mlp()
    fixed = with_input_shape(graph, (1, 8, 8))
    assert fixed is not graph and graph.node("input").params["shape"] is None
    assert fixed.node("input").params["shape"] == (1, 8, 8)
    assert [n.id for n in fixed.nodes()] == [n.id for n in graph.nodes()]
    assert fixed.edges() == graph.edges()
    model = compile_graph(fixed)
    assert model.fc.in_features == 64
    explicit = auto_mlp()
    explicit.set_params("input", {"shape": [64]})
    assert with_input_shape(explicit, (1, 8, 8)) is explicit  # nothing auto: the graph itself
