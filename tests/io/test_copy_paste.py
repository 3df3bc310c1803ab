"""The graph section alone: copying some nodes out, pasting them back in."""

from __future__ import annotations

import pytest

from netstudio.core.errors import UnknownNodeError
from netstudio.core.graph import NetworkGraph
from netstudio.io import ProjectFileError, graph_from_dict, graph_to_dict


def test_copy_keeps_only_the_chosen_nodes_and_wires_among_them(mlp_graph: NetworkGraph) -> None:
    data = graph_to_dict(mlp_graph, ["relu1", "fc1", "fc2"])
    assert [n["id"] for n in data["nodes"]] == ["fc1", "relu1", "fc2"]  # graph order
    assert [(e["from"], e["to"]) for e in data["edges"]] == [("fc1", "relu1"), ("relu1", "fc2")]


def test_copy_of_an_unknown_node_is_an_error(mlp_graph: NetworkGraph) -> None:
    with pytest.raises(UnknownNodeError):
        graph_to_dict(mlp_graph, ["fc1", "nope"])


def test_whole_graph_round_trips(mlp_graph: NetworkGraph) -> None:
    data = graph_to_dict(mlp_graph)
    copy = graph_from_dict(data)
    assert graph_to_dict(copy) == data


def test_paste_into_the_same_graph_renames_clashes(mlp_graph: NetworkGraph) -> None:
    added = []
    mlp_graph.events.node_added.connect(added.append)
    graph_from_dict(graph_to_dict(mlp_graph, ["fc1", "relu1"]), mlp_graph, rename=True)
    assert [(n.type_id, n.name) for n in added] == [("Linear", "fc4"), ("ReLU", "relu3")]
    new_fc, new_relu = (n.id for n in added)
    assert new_fc not in ("fc1", "fc2", "fc3") and new_relu not in ("relu1", "relu2")
    wires = [(e.src, e.dst) for e in mlp_graph.edges()]
    assert (new_fc, new_relu) in wires
    assert mlp_graph.node(new_fc).params == mlp_graph.node("fc1").params


def test_paste_is_all_or_nothing(mlp_graph: NetworkGraph) -> None:
    data = graph_to_dict(mlp_graph, ["fc1", "relu1"])
    before = graph_to_dict(mlp_graph)
    with pytest.raises(ProjectFileError) as caught:
        graph_from_dict(data, mlp_graph)  # ids taken, and no renaming asked for
    assert caught.value.problems[0].path == "graph.nodes[0].id"
    assert "already exists" in caught.value.problems[0].message
    assert graph_to_dict(mlp_graph) == before

    data["nodes"].append({"id": "x", "type": "Nope"})
    with pytest.raises(ProjectFileError, match=r"graph\.nodes\[2\]\.type: unknown layer type"):
        graph_from_dict(data, mlp_graph, rename=True)
    assert graph_to_dict(mlp_graph) == before


def test_paste_of_something_else_is_refused() -> None:
    with pytest.raises(ProjectFileError, match=r"graph: must be an object"):
        graph_from_dict(["not", "a", "graph"])  # type: ignore[arg-type]
