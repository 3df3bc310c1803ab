"""Whole-graph validation: every kind of problem, each naming the node and the fix."""

from __future__ import annotations

from netstudio.core.graph import Edge, NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import Problem, errors, validate, warnings


def chain(*types: str) -> NetworkGraph:
    graph = NetworkGraph()
    previous = None
    for i, type_id in enumerate(types):
        params = {"shape": [16]} if type_id == "Input" else {}
        node = graph.add_node(type_id, node_id=f"n{i}", params=params)
        if previous is not None:
            graph.connect(previous, "out", node.id, node.input_ports[0])
        previous = node.id
    return graph


def by_node(problems: list[Problem]) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for problem in problems:
        found.setdefault(problem.node_id, []).append(problem.message)
    return found


def test_a_valid_chain_has_no_problems() -> None:
    assert validate(chain("Input", "Linear", "ReLU", "Output")) == []


def test_missing_input_and_output() -> None:
    graph = NetworkGraph()
    graph.add_node("ReLU")
    found = errors(validate(graph))
    messages = [p.message for p in found if p.node_id is None]
    assert any("no Input node" in m for m in messages)
    assert any("no Output node" in m for m in messages)
    assert str(found[0]).startswith("error: graph: ")


def test_unconnected_input_port_names_the_node_and_port() -> None:
    graph = chain("Input", "Linear", "Output")
    graph.add_node("Add", node_id="join")
    graph.connect("n1", "out", "join", "in1")
    found = by_node(errors(validate(graph)))
    assert any("input 'in2' of Add 'join' is not connected" in m for m in found["join"])
    assert any("lower its number of inputs" in m for m in found["join"])


def test_an_input_wired_twice_in_a_file_is_an_error() -> None:
    graph = chain("Input", "Linear", "Output")
    graph.add_node("ReLU", node_id="extra")
    graph.connect("n0", "out", "extra", "in")
    graph._add_edge(Edge("n1", "out", "extra", "in"))  # only a hand-edited file can do this
    found = by_node(errors(validate(graph)))
    assert any("has 2 wires" in m for m in found["extra"])


def test_cycle_names_every_node_on_it() -> None:
    graph = chain("Input", "Add", "ReLU", "Output")
    graph._add_edge(Edge("n2", "out", "n1", "in2"))  # as a loaded file could hold
    found = by_node(errors(validate(graph)))
    for node_id in ("n1", "n2"):
        assert any(
            "part of a cycle" in m and "remove one of these wires" in m for m in found[node_id]
        )


def test_shape_error_comes_from_inference_with_the_fix() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3, 32, 32]})
    graph.add_node("Conv2d", node_id="conv")
    graph.add_node("Linear", node_id="fc1")
    graph.add_node("Output", node_id="output")
    graph.connect("input", "out", "conv", "in")
    graph.connect("conv", "out", "fc1", "in")
    graph.connect("fc1", "out", "output", "in")
    found = by_node(errors(validate(graph)))
    assert found["fc1"] == [
        "Linear 'fc1' expects 2-D or 3-D input, got (N, 32, 30, 30): insert a Flatten before 'fc1'"
    ]


def test_dead_end_and_unfed_nodes_are_warnings_not_errors() -> None:
    graph = chain("Input", "Linear", "Output")
    graph.add_node("ReLU", node_id="dead")
    graph.connect("n1", "out", "dead", "in")
    graph.add_node("Input", node_id="spare", params={"shape": [4]})
    found = validate(graph)
    assert errors(found) == []
    warned = by_node(warnings(found))
    assert any("does not lead to any Output" in m for m in warned["dead"])
    assert any("feeds nothing" in m for m in warned["spare"])


def test_errors_come_before_warnings() -> None:
    graph = chain("Input", "Linear", "Output")
    graph.add_node("ReLU", node_id="dead")
    graph.connect("n1", "out", "dead", "in")
    graph.add_node("Linear", node_id="lonely")
    severities = [p.severity for p in validate(graph)]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert "error" in severities and "warning" in severities


def test_validate_reuses_a_live_inference() -> None:
    graph = chain("Input", "Linear", "ReLU", "Output")
    inference = ShapeInference(graph)
    validate(graph, inference)
    before = inference.recomputed
    validate(graph, inference)
    assert inference.recomputed == before
    graph.set_params("n1", {"out_features": 3})
    validate(graph, inference)
    assert inference.recomputed > before
