"""Saving and opening again loses nothing and changes no byte."""

from __future__ import annotations

import json
from pathlib import Path

from netstudio.core.catalogue import catalogue
from netstudio.core.graph import NetworkGraph
from netstudio.io import (
    CURRENT_VERSION,
    Project,
    dumps_project,
    load_project,
    loads_project,
    project_to_dict,
    save_project,
)


def graph_summary(graph: NetworkGraph) -> tuple[list[tuple], list[tuple]]:
    nodes = [(n.id, n.type_id, n.name, n.params, n.position) for n in graph.nodes()]
    edges = [(e.src, e.src_port, e.dst, e.dst_port) for e in graph.edges()]
    return nodes, edges


def test_every_layer_type_is_in_the_fixture(every_layer_project: Project) -> None:
    types = {node.type_id for node in every_layer_project.graph.nodes()}
    assert types == set(catalogue().type_ids())


def test_save_load_save_is_identical(every_layer_project: Project, tmp_path: Path) -> None:
    first = tmp_path / "first.net"
    save_project(every_layer_project, first)
    loaded = load_project(first)
    assert loaded.path == first
    second = tmp_path / "second.net"
    save_project(loaded, second)
    assert second.read_bytes() == first.read_bytes()
    assert graph_summary(loaded.graph) == graph_summary(every_layer_project.graph)
    assert loaded.problems == []
    assert loaded.path == second  # saving moves the project to where it was saved


def test_load_save_of_a_canonical_file_is_byte_identical(
    every_layer_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "model.net"
    path.write_bytes(dumps_project(every_layer_project).encode("utf-8"))
    before = path.read_bytes()
    save_project(load_project(path))
    assert path.read_bytes() == before


def test_sections_are_kept_verbatim_in_their_key_order(every_layer_project: Project) -> None:
    loaded = loads_project(dumps_project(every_layer_project))
    assert loaded.name == "Réseau ✓ every layer"
    assert loaded.description == "first line\nsecond line"
    assert list(loaded.data) == ["val_fraction", "source", "params"]
    assert list(loaded.data["params"]) == ["zeta", "alpha"]
    assert loaded.data == every_layer_project.data
    assert loaded.training == every_layer_project.training
    assert loaded.training["optimizer"]["betas"] == [0.8, 0.9]  # not made a tuple
    assert type(loaded.training["optimizer"]["lr"]) is int  # not made 1.0
    assert loaded.runs == every_layer_project.runs
    assert loaded.view == every_layer_project.view


def test_file_layout_is_canonical(every_layer_project: Project) -> None:
    text = dumps_project(every_layer_project)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Réseau ✓" in text  # UTF-8, not \u escapes
    assert '\n  "format": "netstudio",\n' in text  # 2-space indent
    raw = json.loads(text)
    assert list(raw) == [
        "format",
        "version",
        "name",
        "description",
        "networks",
        "main",
        "data",
        "training",
        "runs",
        "view",
    ]
    assert raw["version"] == CURRENT_VERSION
    assert [list(network) for network in raw["networks"]] == [["name", "graph"]]
    assert raw["main"] == "main"
    graph = every_layer_project.graph
    for written, node in zip(raw["networks"][0]["graph"]["nodes"], graph.nodes(), strict=True):
        assert list(written) == ["id", "type", "name", "params", "position"]
        assert list(written["params"]) == list(node.spec.param_names())
    edges = raw["networks"][0]["graph"]["edges"]
    assert len(edges) == len(graph.edges())
    assert all(list(edge) == ["from", "from_port", "to", "to_port"] for edge in edges)
    assert any(e["to"] == "add1" and e["to_port"] == "in3" for e in edges)  # variadic port


def test_values_are_written_as_json(mlp_graph: NetworkGraph) -> None:
    raw = project_to_dict(Project(mlp_graph))
    nodes = {node["id"]: node for node in raw["networks"][0]["graph"]["nodes"]}
    assert nodes["input"]["params"] == {"shape": [784], "dtype": "float32"}  # tuple -> list
    assert nodes["fc1"]["params"]["in_features"] is None  # auto, left for the shapes to fill
    assert nodes["fc1"]["position"] == [0.0, 0.0]
    assert raw["networks"][0]["graph"]["edges"][0] == {
        "from": "input",
        "from_port": "out",
        "to": "fc1",
        "to_port": "in",
    }


def test_a_hand_written_file_with_defaults_left_out_opens() -> None:
    text = json.dumps(
        {
            "format": "netstudio",
            "version": 1,
            "graph": {
                "nodes": [
                    {"id": "input", "type": "Input", "params": {"shape": [3, 32, 32]}},
                    {"id": "conv", "type": "Conv2d", "name": "conv 1", "position": [10, 20]},
                ],
                "edges": [{"from": "input", "from_port": "out", "to": "conv", "to_port": "in"}],
            },
        }
    )
    project = loads_project(text)
    assert project.name == "Untitled"
    assert project.data == {} and project.runs == []
    conv = project.graph.node("conv")
    assert conv.name == "conv 1"
    assert conv.position == (10.0, 20.0)
    assert conv.params["kernel_size"] == (3, 3)
    assert project.graph.node("input").name == "input"  # no name: the id


def test_short_lists_stay_on_one_line(tmp_path) -> None:
    from netstudio.core.graph import NetworkGraph
    from netstudio.io import Project, dumps_project, loads_project

    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3, 32, 32]}, position=(1.5, -2))
    graph.add_node("Conv2d", node_id="conv", params={"kernel_size": [5, 3]})
    text = dumps_project(Project(graph=graph, description="a [1,\n2] list in text"))
    assert '"shape": [3, 32, 32]' in text
    assert '"position": [1.5, -2.0]' in text
    assert '"kernel_size": [5, 3]' in text
    assert dumps_project(loads_project(text)) == text
