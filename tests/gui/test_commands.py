"""Undo commands: each edit undoes to exactly the graph before it, and a refused edit leaves
no trace in the history."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("PySide6")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from netstudio.core.errors import CycleError, NameInUseError, ParamError, PortInUseError
from netstudio.core.graph import Edge, NetworkGraph
from netstudio.gui.commands import (
    AddNodeCommand,
    ConnectCommand,
    DeleteCommand,
    DisconnectCommand,
    GraphCommand,
    MoveNodesCommand,
    RemoveNodesCommand,
    RenameCommand,
    SetParamsCommand,
    push,
)


def snapshot(graph: NetworkGraph) -> dict[str, Any]:
    """Everything a file would keep of the graph, in file order."""
    return {
        "nodes": [
            (n.id, n.type_id, n.name, tuple(sorted(n.params.items(), key=str)), n.position)
            for n in graph.nodes()
        ],
        "edges": list(graph.edges()),
    }


def test_add_node_undo_redo_keeps_its_id_and_name(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    command = AddNodeCommand(mlp_graph, "Linear", (40.0, 80.0), params={"out_features": 32})
    assert push(stack, command) is None
    node_id, name = command.node_id, command.name
    assert mlp_graph.node(node_id).params["out_features"] == 32
    stack.undo()
    assert node_id not in mlp_graph
    stack.redo()
    assert mlp_graph.node(node_id).name == name
    assert mlp_graph.node(node_id).position == (40.0, 80.0)
    assert "Add Linear" in stack.undoText()


def test_remove_nodes_undo_restores_nodes_and_wires_exactly(mlp_graph: NetworkGraph) -> None:
    mlp_graph.set_params("fc2", {"bias": False})
    mlp_graph.move("fc2", (480.0, 12.5))
    before = snapshot(mlp_graph)
    stack = QUndoStack()
    assert push(stack, RemoveNodesCommand(mlp_graph, ["fc2", "relu1"])) is None
    assert "fc2" not in mlp_graph and len(mlp_graph.edges()) == 3
    stack.undo()
    assert snapshot(mlp_graph) == before
    stack.redo()
    assert "relu1" not in mlp_graph


def test_a_refused_connection_leaves_no_history(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    push(stack, DisconnectCommand(mlp_graph, Edge("input", "out", "fc1", "in")))
    stack.undo()
    mlp_graph.disconnect(Edge("input", "out", "fc1", "in"))
    assert isinstance(push(stack, ConnectCommand(mlp_graph, "fc3", "out", "fc1", "in")), CycleError)
    error = push(stack, ConnectCommand(mlp_graph, "input", "out", "fc2", "in"))
    assert isinstance(error, PortInUseError)
    assert stack.count() == 1 and stack.canRedo(), "a refused edit keeps the redo history"
    assert mlp_graph.is_acyclic()


def test_connect_and_disconnect_undo(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    edge = Edge("relu1", "out", "fc2", "in")
    push(stack, DisconnectCommand(mlp_graph, edge))
    assert mlp_graph.edge_into("fc2", "in") is None
    push(stack, ConnectCommand(mlp_graph, "input", "out", "fc2", "in"))
    assert mlp_graph.edge_into("fc2", "in").src == "input"
    stack.undo()
    stack.undo()
    assert mlp_graph.edge_into("fc2", "in") == edge


def test_move_of_many_nodes_is_one_step(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    moves = {"fc1": ((0.0, 0.0), (100.0, 0.0)), "fc2": ((0.0, 0.0), (200.0, 50.0))}
    push(stack, MoveNodesCommand(mlp_graph, moves))
    assert stack.count() == 1 and stack.undoText() == "Move 2 nodes"
    assert mlp_graph.node("fc2").position == (200.0, 50.0)
    stack.undo()
    assert mlp_graph.node("fc1").position == (0.0, 0.0)


def test_set_params_undo_and_refusal(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    push(stack, SetParamsCommand(mlp_graph, "fc1", {"out_features": 64}))
    assert mlp_graph.node("fc1").params["out_features"] == 64
    stack.undo()
    assert mlp_graph.node("fc1").params["out_features"] == 256
    error = push(stack, SetParamsCommand(mlp_graph, "fc1", {"out_features": 0}))
    assert isinstance(error, ParamError) and "at least 1" in str(error)
    assert stack.count() == 1 and stack.index() == 0 and stack.canRedo()


def test_rename_undo_and_name_clash(mlp_graph: NetworkGraph) -> None:
    stack = QUndoStack()
    push(stack, RenameCommand(mlp_graph, "fc1", "hidden"))
    assert mlp_graph.node("fc1").name == "hidden"
    assert isinstance(push(stack, RenameCommand(mlp_graph, "fc2", "hidden")), NameInUseError)
    stack.undo()
    assert mlp_graph.node("fc1").name == "fc1"
    assert stack.count() == 1


def test_delete_of_nodes_and_wires_is_one_step(mlp_graph: NetworkGraph) -> None:
    before = snapshot(mlp_graph)
    stack = QUndoStack()
    lone = Edge("fc3", "out", "output", "in")
    attached = Edge("input", "out", "fc1", "in")
    push(stack, DeleteCommand(mlp_graph, ["fc1"], [lone, attached]))
    assert stack.count() == 1
    assert "fc1" not in mlp_graph and mlp_graph.edge_into("output", "in") is None
    stack.undo()
    assert snapshot(mlp_graph) == before


# --- property: random edits, then undo them all -------------------------------------------------

LAYERS = ("Linear", "ReLU", "Dropout", "Add", "Flatten")
EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            ("add", "remove", "connect", "disconnect", "move", "params", "rename", "delete")
        ),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    min_size=1,
    max_size=25,
)


def random_edit(graph: NetworkGraph, kind: str, a: int, b: int) -> GraphCommand | None:
    ids = [n.id for n in graph.nodes()]
    edges = graph.edges()
    if kind == "add" or not ids:
        return AddNodeCommand(graph, LAYERS[a % len(LAYERS)], (float(a), float(b)))
    first, second = graph.node(ids[a % len(ids)]), graph.node(ids[b % len(ids)])
    if kind == "remove":
        return RemoveNodesCommand(graph, [first.id])
    if kind == "connect" and first.output_ports and second.input_ports:
        port = second.input_ports[b % len(second.input_ports)]
        return ConnectCommand(graph, first.id, first.output_ports[0], second.id, port)
    if kind == "disconnect" and edges:
        return DisconnectCommand(graph, edges[a % len(edges)])
    if kind == "move":
        return MoveNodesCommand(graph, {first.id: (first.position, (float(b), float(a)))})
    if kind == "params" and first.type_id == "Linear":
        return SetParamsCommand(graph, first.id, {"out_features": 1 + b % 50})
    if kind == "params" and first.type_id == "Dropout":
        return SetParamsCommand(graph, first.id, {"p": (b % 10) / 10})
    if kind == "rename":
        return RenameCommand(graph, first.id, f"n{b % 7}")
    if kind == "delete":
        return DeleteCommand(graph, [first.id] if a % 2 else [], edges[:1])
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_random_edits_undo_all_to_the_original(edits) -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": (8,)})
    graph.add_node("Linear", node_id="fc", name="fc", params={"out_features": 4})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("input", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    original = snapshot(graph)
    stack = QUndoStack()
    for kind, a, b in edits:
        command = random_edit(graph, kind, a, b)
        if command is not None and not (isinstance(command, DeleteCommand) and not command.parts):
            push(stack, command)
        assert graph.is_acyclic()
    final = snapshot(graph)
    while stack.canUndo():
        stack.undo()
    assert snapshot(graph) == original
    while stack.canRedo():
        stack.redo()
    assert snapshot(graph) == final
