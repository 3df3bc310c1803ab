"""NetworkGraph: every edit is checked, and announced by exactly the right events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netstudio.core.errors import (
    CycleError,
    GraphError,
    NameInUseError,
    ParamError,
    PortError,
    PortInUseError,
    UnknownLayerError,
    UnknownNodeError,
)
from netstudio.core.events import Event
from netstudio.core.graph import Edge, NetworkGraph, Verdict, python_name


class Recorder:
    """Subscribes to every event of a graph and keeps (event name, *arguments) in order."""

    def __init__(self, graph: NetworkGraph) -> None:
        self.calls: list[tuple[Any, ...]] = []
        for event in graph.events.all():
            event.connect(self._handler(event.name))

    def _handler(self, name: str):
        def record(*args: Any) -> None:
            self.calls.append((name, *args))

        return record

    def names(self) -> list[str]:
        return [call[0] for call in self.calls]


def snapshot(graph: NetworkGraph) -> tuple[Any, ...]:
    """Everything an edit could change, to show that a refused edit changed nothing."""
    return (
        [(n.id, n.name, n.type_id, dict(n.params), n.position) for n in graph.nodes()],
        graph.edges(),
    )


@pytest.fixture
def recorder(mlp_graph: NetworkGraph) -> Recorder:
    return Recorder(mlp_graph)


# --- adding --------------------------------------------------------------------------------


def test_add_node_emits_node_added_once_with_the_node() -> None:
    graph = NetworkGraph()
    recorder = Recorder(graph)
    node = graph.add_node("Linear", params={"out_features": 5}, position=(10, 20))
    assert recorder.calls == [("node_added", node)]
    assert node.params == {"in_features": None, "out_features": 5, "bias": True}
    assert node.position == (10.0, 20.0)
    assert graph.node(node.id) is node
    assert node.label == f"Linear '{node.name}'"


def test_automatic_names_are_unique_and_numbered_per_type() -> None:
    graph = NetworkGraph()
    names = [graph.add_node(t).name for t in ("Linear", "Linear", "Conv2d", "Input", "Linear")]
    assert names == ["fc1", "fc2", "conv1", "input1", "fc3"]
    assert [n.id for n in graph.nodes()] == names
    graph.remove_node("fc1")
    assert graph.add_node("Linear").name == "fc1"


def test_automatic_names_skip_ids_still_in_use() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear")
    graph.rename("fc1", "classifier")
    node = graph.add_node("Linear")
    assert node.name == "fc2"
    assert graph.node_by_name("classifier").id == "fc1"


def test_a_taken_name_raises_name_in_use_and_changes_nothing(mlp_graph: NetworkGraph) -> None:
    recorder = Recorder(mlp_graph)
    before = snapshot(mlp_graph)
    with pytest.raises(NameInUseError, match="already named 'fc1'"):
        mlp_graph.add_node("Linear", name="fc1")
    with pytest.raises(NameInUseError):
        mlp_graph.add_node("Linear", name="  fc1 ")
    with pytest.raises(NameInUseError, match="needs a name"):
        mlp_graph.add_node("Linear", name="   ")
    with pytest.raises(NameInUseError, match="longer than 64"):
        mlp_graph.add_node("Linear", name="x" * 65)
    assert recorder.calls == []
    assert snapshot(mlp_graph) == before


def test_a_name_is_stripped_and_the_id_made_safe() -> None:
    graph = NetworkGraph()
    node = graph.add_node("Linear", name="  hidden layer ")
    assert node.name == "hidden layer"
    assert node.id == "hidden_layer"
    assert graph.add_node("Linear", name="2nd").id == "n2nd"


def test_add_node_refusals_emit_nothing() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", node_id="fc")
    recorder = Recorder(graph)
    with pytest.raises(UnknownLayerError, match="did you mean 'Linear'"):
        graph.add_node("Linaer")
    with pytest.raises(ParamError, match=r"^Linear 'big': 'out_features' must be at least 1"):
        graph.add_node("Linear", name="big", params={"out_features": 0})
    with pytest.raises(GraphError, match="id 'fc' already exists"):
        graph.add_node("Linear", node_id="fc")
    with pytest.raises(GraphError, match="may hold only letters"):
        graph.add_node("Linear", node_id="bad id")
    assert recorder.calls == []
    assert len(graph) == 1


# --- removing ------------------------------------------------------------------------------


def test_remove_node_emits_edge_removed_for_each_wire_then_node_removed(
    mlp_graph: NetworkGraph, recorder: Recorder
) -> None:
    relu1 = mlp_graph.node("relu1")
    node, removed = mlp_graph.remove_node("relu1")
    into, out_of = Edge("fc1", "out", "relu1", "in"), Edge("relu1", "out", "fc2", "in")
    assert node is relu1
    assert removed == [into, out_of]
    assert recorder.calls == [
        ("edge_removed", into),
        ("edge_removed", out_of),
        ("node_removed", relu1),
    ]
    assert "relu1" not in mlp_graph
    assert into not in mlp_graph.edges()
    assert out_of not in mlp_graph.edges()
    assert mlp_graph.edge_into("fc2", "in") is None
    with pytest.raises(UnknownNodeError):
        mlp_graph.node_by_name("relu1")


def test_remove_node_with_fan_out_removes_every_wire(mlp_graph: NetworkGraph) -> None:
    mlp_graph.add_node("Output", node_id="probe")
    mlp_graph.connect("fc1", "out", "probe", "in")
    recorder = Recorder(mlp_graph)
    _, removed = mlp_graph.remove_node("fc1")
    assert removed == [
        Edge("input", "out", "fc1", "in"),
        Edge("fc1", "out", "relu1", "in"),
        Edge("fc1", "out", "probe", "in"),
    ]
    assert recorder.names() == ["edge_removed"] * 3 + ["node_removed"]
    assert mlp_graph.out_edges("input") == []


def test_remove_unknown_node_raises_and_emits_nothing(
    mlp_graph: NetworkGraph, recorder: Recorder
) -> None:
    with pytest.raises(UnknownNodeError, match="no node 'fc9'") as caught:
        mlp_graph.remove_node("fc9")
    assert caught.value.node_id == "fc9"
    assert recorder.calls == []


def test_remove_node_with_a_self_loop_from_a_loaded_file() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", node_id="fc")
    loop = Edge("fc", "out", "fc", "in")
    graph._add_edge(loop)  # as a file reader would, to report the cycle rather than lose it
    recorder = Recorder(graph)
    node, removed = graph.remove_node("fc")
    assert removed == [loop]
    assert recorder.calls == [("edge_removed", loop), ("node_removed", node)]
    assert len(graph) == 0


def test_clear_emits_cleared_only(mlp_graph: NetworkGraph, recorder: Recorder) -> None:
    mlp_graph.clear()
    assert recorder.calls == [("cleared",)]
    assert len(mlp_graph) == 0
    assert mlp_graph.edges() == []
    assert mlp_graph.add_node("Linear", name="fc1").id == "fc1"


# --- wiring --------------------------------------------------------------------------------


def test_connect_and_disconnect_emit_the_edge() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")
    graph.add_node("Linear", node_id="fc1")
    recorder = Recorder(graph)
    edge = graph.connect("input", "out", "fc1", "in")
    assert edge == Edge("input", "out", "fc1", "in")
    assert str(edge) == "input.out → fc1.in"
    assert recorder.calls == [("edge_added", edge)]
    assert graph.edge_into("fc1", "in") == edge
    assert graph.in_edges("fc1") == [edge]
    assert graph.out_edges("input") == [edge]
    graph.disconnect(edge)
    assert recorder.calls == [("edge_added", edge), ("edge_removed", edge)]
    assert graph.edges() == []
    assert graph.edge_into("fc1", "in") is None


def test_disconnect_of_a_missing_wire_raises(mlp_graph: NetworkGraph, recorder: Recorder) -> None:
    with pytest.raises(GraphError, match="no wire"):
        mlp_graph.disconnect(Edge("input", "out", "fc2", "in"))
    assert recorder.calls == []


@pytest.fixture
def merge_graph(mlp_graph: NetworkGraph) -> NetworkGraph:
    """The MLP with an Add between input and fc1 (in2 free) and an unwired Linear 'spare'."""
    mlp_graph.add_node("Linear", node_id="spare", name="spare")
    mlp_graph.add_node("Add", node_id="add", name="add")
    mlp_graph.disconnect(Edge("input", "out", "fc1", "in"))
    mlp_graph.connect("input", "out", "add", "in1")
    mlp_graph.connect("add", "out", "fc1", "in")
    return mlp_graph


@pytest.mark.parametrize(
    ("wire", "error", "message"),
    [
        (("nope", "out", "fc1", "in"), UnknownNodeError, "there is no node 'nope'"),
        (("input", "out", "nope", "in"), UnknownNodeError, "there is no node 'nope'"),
        (
            ("input", "y", "fc1", "in"),
            PortError,
            "Input 'input' has no output port 'y' (outputs: out)",
        ),
        (("fc1", "out", "fc3", "x"), PortError, "Linear 'fc3' has no input port 'x' (inputs: in)"),
        (("fc1", "out", "add", "in3"), PortError, "has no input port 'in3' (inputs: in1, in2)"),
        (("output", "out", "fc1", "in"), PortError, "has no output port 'out' (outputs: none)"),
        (("fc1", "out", "input", "in"), PortError, "has no input port 'in' (inputs: none)"),
        (
            ("input", "out", "fc2", "in"),
            PortInUseError,
            "input 'in' of Linear 'fc2' is already wired from 'relu1': remove that wire first",
        ),
        (("spare", "out", "spare", "in"), CycleError, "Linear 'spare' cannot feed itself"),
        (("fc3", "out", "add", "in2"), CycleError, "would make a cycle: 'add' already feeds 'fc3'"),
    ],
    ids=[
        "unknown-src",
        "unknown-dst",
        "missing-output-port",
        "missing-input-port",
        "merge-port-beyond-inputs",
        "output-has-no-output",
        "input-has-no-input",
        "port-in-use",
        "self-loop",
        "cycle",
    ],
)
def test_connect_errors_and_can_connect_agree(
    merge_graph: NetworkGraph, wire: tuple[str, str, str, str], error: type, message: str
) -> None:
    before = snapshot(merge_graph)
    recorder = Recorder(merge_graph)

    verdict = merge_graph.can_connect(*wire)
    assert isinstance(verdict, Verdict)
    assert not verdict
    assert message in verdict.reason
    assert type(verdict.error) is error
    assert snapshot(merge_graph) == before
    assert recorder.calls == []

    with pytest.raises(error) as caught:
        merge_graph.connect(*wire)
    assert str(caught.value) == verdict.reason
    assert snapshot(merge_graph) == before
    assert recorder.calls == []


def test_connect_errors_name_the_node_at_fault(merge_graph: NetworkGraph) -> None:
    faults = {
        ("fc3", "out", "add", "in2"): "add",  # cycle: the node that already feeds the source
        ("spare", "out", "spare", "in"): "spare",
        ("input", "out", "fc2", "in"): "fc2",
        ("fc1", "out", "fc3", "x"): "fc3",
        ("input", "y", "fc1", "in"): "input",
        ("nope", "out", "fc1", "in"): "nope",
    }
    for wire, node_id in faults.items():
        assert merge_graph.can_connect(*wire).error.node_id == node_id, wire


def test_can_connect_says_yes_without_wiring(mlp_graph: NetworkGraph) -> None:
    mlp_graph.add_node("Output", node_id="probe")
    recorder = Recorder(mlp_graph)
    before = snapshot(mlp_graph)
    verdict = mlp_graph.can_connect("fc2", "out", "probe", "in")
    assert verdict == Verdict(True)
    assert verdict
    assert verdict.error is None
    assert snapshot(mlp_graph) == before
    assert recorder.calls == []


def test_outputs_fan_out_but_inputs_take_one_wire(mlp_graph: NetworkGraph) -> None:
    mlp_graph.add_node("Output", node_id="probe")
    mlp_graph.connect("fc1", "out", "probe", "in")
    assert mlp_graph.successors("fc1") == ["relu1", "probe"]
    assert mlp_graph.predecessors("probe") == ["fc1"]


# --- parameters ----------------------------------------------------------------------------


def test_set_params_emits_params_changed_with_the_old_params(
    mlp_graph: NetworkGraph, recorder: Recorder
) -> None:
    fc3 = mlp_graph.node("fc3")
    old_params = dict(fc3.params)
    returned = mlp_graph.set_params("fc3", {"out_features": 20})
    assert returned == old_params
    assert fc3.params["out_features"] == 20
    assert recorder.calls == [("params_changed", fc3, old_params)]


@pytest.mark.parametrize(
    "changes", [{}, {"out_features": 10}, {"out_features": 10.0, "bias": True}]
)
def test_set_params_with_unchanged_values_emits_nothing(
    mlp_graph: NetworkGraph, recorder: Recorder, changes: dict[str, Any]
) -> None:
    params = dict(mlp_graph.node("fc3").params)
    assert mlp_graph.set_params("fc3", changes) == params
    assert recorder.calls == []
    assert type(mlp_graph.node("fc3").params["out_features"]) is int


@pytest.mark.parametrize(
    ("changes", "param", "message"),
    [
        ({"out_features": 0}, "out_features", "Linear 'fc3': 'out_features' must be at least 1"),
        ({"out_features": 2.5}, "out_features", "'out_features' must be a whole number"),
        ({"bias": 1}, "bias", "'bias' must be true or false"),
        ({"units": 3}, "units", "Linear has no parameter 'units'"),
        ({"out_feature": 3}, "out_feature", "did you mean 'out_features'?"),
    ],
)
def test_set_params_refusals_name_node_and_parameter_and_change_nothing(
    mlp_graph: NetworkGraph, recorder: Recorder, changes: dict, param: str, message: str
) -> None:
    before = snapshot(mlp_graph)
    with pytest.raises(ParamError) as caught:
        mlp_graph.set_params("fc3", changes)
    assert message in str(caught.value)
    assert caught.value.node_id == "fc3"
    assert caught.value.param == param
    assert snapshot(mlp_graph) == before
    assert recorder.calls == []


def test_lowering_a_merges_inputs_while_a_dropped_port_is_wired_raises() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")
    merge = graph.add_node("Concat", node_id="cat", params={"inputs": 3})
    assert merge.input_ports == ("in1", "in2", "in3")
    for port in merge.input_ports:
        graph.connect("input", "out", "cat", port)
    recorder = Recorder(graph)
    before = snapshot(graph)
    with pytest.raises(ParamError, match="input 'in3' still has a wire") as caught:
        graph.set_params("cat", {"inputs": 2})
    assert (caught.value.node_id, caught.value.param) == ("cat", "inputs")
    assert snapshot(graph) == before
    assert recorder.calls == []

    graph.disconnect(Edge("input", "out", "cat", "in3"))
    recorder.calls.clear()
    graph.set_params("cat", {"inputs": 2})
    assert recorder.names() == ["params_changed"]
    assert merge.input_ports == ("in1", "in2")
    assert not graph.can_connect("input", "out", "cat", "in3")
    graph.set_params("cat", {"inputs": 4})
    assert merge.input_ports == ("in1", "in2", "in3", "in4")
    assert graph.can_connect("input", "out", "cat", "in4")
    assert [e.dst_port for e in graph.in_edges("cat")] == ["in1", "in2"]


# --- renaming and moving -------------------------------------------------------------------


def test_rename_emits_renamed_with_the_old_name(
    mlp_graph: NetworkGraph, recorder: Recorder
) -> None:
    fc1 = mlp_graph.node("fc1")
    assert mlp_graph.rename("fc1", " hidden ") == "fc1"
    assert recorder.calls == [("renamed", fc1, "fc1")]
    assert fc1.name == "hidden"
    assert fc1.id == "fc1"
    assert mlp_graph.node_by_name("hidden") is fc1
    with pytest.raises(UnknownNodeError):
        mlp_graph.node_by_name("fc1")
    # the old name is free again
    assert mlp_graph.add_node("Linear", name="fc1").name == "fc1"


def test_rename_to_the_same_name_emits_nothing(mlp_graph: NetworkGraph, recorder: Recorder) -> None:
    assert mlp_graph.rename("fc1", "fc1") == "fc1"
    assert recorder.calls == []


def test_rename_to_a_taken_name_raises(mlp_graph: NetworkGraph, recorder: Recorder) -> None:
    with pytest.raises(NameInUseError, match="already named 'fc2'") as caught:
        mlp_graph.rename("fc1", "fc2")
    assert caught.value.node_id == "fc1"
    with pytest.raises(NameInUseError, match="needs a name"):
        mlp_graph.rename("fc1", " ")
    assert mlp_graph.node("fc1").name == "fc1"
    assert recorder.calls == []


def test_move_emits_node_moved_with_the_old_position(
    mlp_graph: NetworkGraph, recorder: Recorder
) -> None:
    fc1 = mlp_graph.node("fc1")
    assert mlp_graph.move("fc1", (120, -40.5)) == (0.0, 0.0)
    assert fc1.position == (120.0, -40.5)
    assert recorder.calls == [("node_moved", fc1, (0.0, 0.0))]
    assert mlp_graph.move("fc1", (120.0, -40.5)) == (120.0, -40.5)
    assert len(recorder.calls) == 1


# --- reading -------------------------------------------------------------------------------


def test_topological_order_follows_the_wires_not_the_insertion_order() -> None:
    graph = NetworkGraph()
    for node_id, type_id in (("out", "Output"), ("fc2", "Linear"), ("fc1", "Linear")):
        graph.add_node(type_id, node_id=node_id)
    graph.add_node("Input", node_id="x")
    graph.connect("x", "out", "fc1", "in")
    graph.connect("fc1", "out", "fc2", "in")
    graph.connect("fc2", "out", "out", "in")
    assert graph.topological_order() == ["x", "fc1", "fc2", "out"]


def test_topological_order_keeps_insertion_order_between_independent_nodes(
    mlp_graph: NetworkGraph,
) -> None:
    mlp_graph.add_node("Input", node_id="side")
    order = mlp_graph.topological_order()
    assert order == ["input", "fc1", "relu1", "fc2", "relu2", "fc3", "output", "side"]
    for edge in mlp_graph.edges():
        assert order.index(edge.src) < order.index(edge.dst)


def test_topological_order_of_a_cyclic_graph_raises_cycle_error() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", node_id="a")
    graph.add_node("Linear", node_id="b")
    graph.connect("a", "out", "b", "in")
    graph._add_edge(Edge("b", "out", "a", "in"))  # only a loaded file can do this
    assert not graph.is_acyclic()
    with pytest.raises(CycleError):
        graph.topological_order()


def test_reading_helpers(mlp_graph: NetworkGraph) -> None:
    assert len(mlp_graph) == 7
    assert [n.id for n in mlp_graph] == ["input", "fc1", "relu1", "fc2", "relu2", "fc3", "output"]
    assert [n.id for n in mlp_graph.inputs()] == ["input"]
    assert [n.id for n in mlp_graph.outputs()] == ["output"]
    assert mlp_graph.descendants("fc2") == {"relu2", "fc3", "output"}
    assert mlp_graph.is_acyclic()
    assert mlp_graph.nx_graph.number_of_edges() == 6
    with pytest.raises(UnknownNodeError):
        mlp_graph.in_edges("nope")


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("fc1", "fc1"),
        ("hidden layer", "hidden_layer"),
        ("1st", "_1st"),
        ("class", "class_"),
        ("forward", "forward_"),
        ("--", "layer"),
        ("ﬁ", "fi"),
        ("fc²", "fc2"),
        ("ｆｃ1", "fc1"),
        ("café", "cafe"),
        ("層", "layer"),
        ("conv層2", "conv_2"),
    ],
)
def test_python_name(name: str, ident: str) -> None:
    assert python_name(name) == ident


def test_event_connects_once_and_disconnects() -> None:
    event = Event("node_added")
    calls: list[int] = []

    @event.connect
    def handler(value: int) -> None:
        calls.append(value)

    event.connect(handler)
    event.emit(1)
    event.disconnect(handler)
    event.disconnect(handler)
    event.emit(2)
    assert calls == [1]


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_positions_must_be_finite(bad: float) -> None:
    graph = NetworkGraph()
    node = graph.add_node("ReLU")
    with pytest.raises(GraphError, match="finite"):
        graph.move(node.id, (bad, 0.0))
    with pytest.raises(GraphError, match="finite"):
        graph.add_node("ReLU", position=(0.0, bad))
    assert node.position == (0.0, 0.0)
    assert len(graph) == 1


def test_names_are_one_printable_line() -> None:
    graph = NetworkGraph()
    node = graph.add_node("ReLU")
    with pytest.raises(NameInUseError, match="printable"):
        graph.rename(node.id, "two\nlines")


def test_a_node_restored_at_its_place_gives_back_the_same_order() -> None:
    from netstudio.io import graph_to_dict, load_project

    example = Path(__file__).resolve().parents[2] / "examples" / "residual_cnn.net"
    graph = load_project(example).graph
    before = graph_to_dict(graph)
    middle = before["nodes"][len(before["nodes"]) // 2]["id"]
    node = graph.node(middle)
    places = {e: graph.place(e) for e in graph.in_edges(middle) + graph.out_edges(middle)}
    place = graph.place(middle)
    graph.remove_node(middle)
    graph.add_node(
        node.type_id,
        name=node.name,
        params=node.params,
        node_id=node.id,
        position=node.position,
        place=place,
    )
    for edge, edge_place in places.items():
        graph.connect(edge.src, edge.src_port, edge.dst, edge.dst_port, place=edge_place)
    assert graph_to_dict(graph) == before
    assert graph.place(middle) == place
