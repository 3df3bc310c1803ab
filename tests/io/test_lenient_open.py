"""A partly broken file opens leniently with what can be read; a cyclic file opens at all."""

from __future__ import annotations

import json
from typing import Any

import pytest

from netstudio.io import ProjectFileError, dumps_project, loads_project

Raw = dict[str, Any]


def test_lenient_open_keeps_the_good_nodes_and_lists_the_problems(mlp_file: Raw) -> None:
    nodes = mlp_file["graph"]["nodes"]
    nodes[1]["type"] = "Lineer"  # fc1
    nodes[6]["position"] = "far away"  # output
    nodes[5]["params"]["out_features"] = "ten"  # fc3
    mlp_file["graph"]["edges"].append(
        {"from": "relu2", "from_port": "out", "to": "ghost", "to_port": "in"}
    )
    mlp_file["trainig"] = {"epochs": 3}
    project = loads_project(json.dumps(mlp_file), strict=False)

    assert [p.path for p in project.problems] == [
        "graph.nodes[6].position",
        "trainig",
        "graph.nodes[1].type",
        "graph.nodes[5].params.out_features",
        "graph.edges[6].to",
    ]
    graph = project.graph
    assert [n.id for n in graph.nodes()] == ["input", "relu1", "fc2", "relu2"]
    assert [(e.src, e.dst) for e in graph.edges()] == [("relu1", "fc2"), ("fc2", "relu2")]
    assert project.name == "MNIST MLP"


def test_a_bad_section_takes_its_default_when_lenient(mlp_file: Raw) -> None:
    mlp_file["data"] = ["not", "an", "object"]
    mlp_file["view"] = {"zoom": 2.0}
    project = loads_project(json.dumps(mlp_file), strict=False)
    assert [str(p) for p in project.problems] == ["data: must be an object {...}, got a list"]
    assert project.data == {}
    assert project.view == {"zoom": 2.0}
    assert len(project.graph) == 7


def test_unreadable_graph_section_opens_empty_when_lenient(mlp_file: Raw) -> None:
    mlp_file["graph"]["nodes"] = {"input": {}}
    project = loads_project(json.dumps(mlp_file), strict=False)
    assert [p.path for p in project.problems] == ["graph.nodes"]  # no noise about the wires
    assert len(project.graph) == 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[]",
        '{"format": "keras"}',
        '{"format": "netstudio", "version": 99}',
        '{"format": "netstudio", "version": "one"}',
    ],
)
def test_nothing_usable_raises_even_when_lenient(text: str) -> None:
    with pytest.raises(ProjectFileError):
        loads_project(text, strict=False)


def test_a_sound_file_has_no_problems_when_lenient(mlp_file: Raw) -> None:
    assert loads_project(json.dumps(mlp_file), strict=False).problems == []


def cyclic_file() -> Raw:
    def node(node_id: str, type_id: str = "Identity", **params: Any) -> Raw:
        return {"id": node_id, "type": type_id, "params": params}

    def wire(src: str, dst: str, port: str = "in") -> Raw:
        return {"from": src, "from_port": "out", "to": dst, "to_port": port}

    return {
        "format": "netstudio",
        "version": 1,
        "graph": {
            "nodes": [node("input", "Input"), node("add", "Add"), node("a"), node("b"), node("c")],
            "edges": [
                wire("input", "add", "in1"),
                wire("add", "a"),
                wire("a", "b"),
                wire("b", "add", "in2"),  # closes add -> a -> b -> add
                wire("c", "c"),  # feeds itself
            ],
        },
    }


def test_a_cycle_in_the_file_loads(tmp_path: Any) -> None:
    project = loads_project(json.dumps(cyclic_file()))
    graph = project.graph
    assert project.problems == []
    assert len(graph.edges()) == 5
    assert not graph.is_acyclic()
    assert graph.edge_into("add", "in2") is not None
    assert graph.edge_into("c", "in") is not None
    text = dumps_project(project)
    assert dumps_project(loads_project(text)) == text


def test_a_cycle_does_not_hide_an_input_wired_twice() -> None:
    raw = cyclic_file()
    raw["graph"]["edges"].append(
        {"from": "c", "from_port": "out", "to": "c", "to_port": "in"}
    )  # a second self-wire into the same input
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(raw))
    assert [p.path for p in caught.value.problems] == ["graph.edges[5].to_port"]
    assert "already wired from 'c' (graph.edges[4])" in caught.value.problems[0].message
