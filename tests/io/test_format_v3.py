"""Format version 3: a project holds named networks; version 2 files migrate to it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from netstudio.core.graph import NetworkGraph
from netstudio.io import (
    CURRENT_VERSION,
    Project,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    save_project,
)
from netstudio.io.migrations import migrate

from .conftest import as_version_2

Raw = dict[str, Any]


def two_networks() -> Project:
    """main: Input(8) -> Block of 'stage' ×2 -> Linear(3) -> Output; stage: Linear-ReLU."""
    stage = NetworkGraph()
    stage.add_node("Input", node_id="x", params={"shape": None})
    stage.add_node("Linear", node_id="fc", params={"out_features": 8})
    stage.add_node("ReLU", node_id="act")
    stage.add_node("Output", node_id="y")
    for src, dst in (("x", "fc"), ("fc", "act"), ("act", "y")):
        stage.connect(src, "out", dst, "in")
    main = NetworkGraph()
    project = Project(main, name="Two networks", networks={"main": main, "stage": stage})
    main.add_node("Input", node_id="input", params={"shape": [8]})
    main.add_node("Block", node_id="stage1", params={"network": "stage", "repeat": 2})
    main.add_node("Linear", node_id="head", params={"out_features": 3})
    main.add_node("Output", node_id="output")
    main.connect("input", "out", "stage1", "x")
    main.connect("stage1", "y", "head", "in")
    main.connect("head", "out", "output", "in")
    return project


def two_networks_file() -> Raw:
    return json.loads(dumps_project(two_networks()))


def problems_of(raw: Raw) -> list[str]:
    """Every problem of the file `raw`, read leniently, as ``path: message``."""
    return [str(p) for p in loads_project(json.dumps(raw), strict=False).problems]


# --- the format --------------------------------------------------------------------------------


def test_a_project_of_two_networks_is_written_in_file_order_with_its_main() -> None:
    raw = two_networks_file()
    assert raw["version"] == CURRENT_VERSION == 3
    assert list(raw)[:6] == ["format", "version", "name", "description", "networks", "main"]
    assert [network["name"] for network in raw["networks"]] == ["main", "stage"]
    assert raw["main"] == "main"
    block = raw["networks"][0]["graph"]["nodes"][1]
    assert block["type"] == "Block" and block["params"] == {"network": "stage", "repeat": 2}


def test_open_and_save_of_a_version_3_file_changes_no_byte(tmp_path: Path) -> None:
    path = tmp_path / "two.net"
    save_project(two_networks(), path)
    before = path.read_bytes()
    project = load_project(path)
    assert list(project.networks) == ["main", "stage"] and project.main == "main"
    assert project.graph is project.networks["main"]
    assert all(graph.library is project.networks for graph in project.networks.values())
    save_project(project)
    assert path.read_bytes() == before


def test_a_wire_into_a_block_finds_the_ports_of_a_network_later_in_the_file() -> None:
    project = loads_project(json.dumps(two_networks_file()))
    block = project.graph.node("stage1")
    assert (block.input_ports, block.output_ports) == (("x",), ("y",))
    assert [str(edge) for edge in project.graph.in_edges("head")] == ["stage1.y → head.in"]


def test_a_project_made_from_one_graph_has_one_network_named_main(
    mlp_graph: NetworkGraph,
) -> None:
    project = Project(mlp_graph)
    assert dict(project.networks) == {"main": mlp_graph} and project.main == "main"
    assert mlp_graph.library is project.networks


# --- migration ---------------------------------------------------------------------------------


def test_version_2_becomes_one_network_named_main_in_the_graphs_place(
    mlp_graph: NetworkGraph,
) -> None:
    v3 = json.loads(dumps_project(Project(mlp_graph, name="MLP", data={"source": "digits"})))
    v2 = as_version_2(v3)
    before = copy.deepcopy(v2)
    migrated = migrate(v2)
    assert v2 == before  # the migration leaves its input alone
    assert migrated == v3
    assert list(migrated) == list(v3)


def test_a_version_2_file_read_and_written_is_version_3_with_the_same_main_graph(
    mlp_graph: NetworkGraph,
) -> None:
    v3_text = dumps_project(Project(mlp_graph, name="MLP"))
    v2 = as_version_2(json.loads(v3_text))
    project = loads_project(json.dumps(v2, indent=2))
    assert list(project.networks) == ["main"]
    assert dumps_project(project) == v3_text
    assert json.loads(dumps_project(project))["networks"][0]["graph"] == v2["graph"]


def test_a_version_2_file_without_a_graph_gets_one_empty_main_network() -> None:
    project = loads_project(json.dumps({"format": "netstudio", "version": 2, "name": "empty"}))
    assert list(project.networks) == ["main"] and len(project.graph) == 0


def test_a_problem_of_a_version_2_file_names_the_path_it_has(mlp_file: Raw) -> None:
    mlp_file["graph"]["nodes"][1]["type"] = "Lineer"
    assert problems_of(mlp_file)[0].startswith("graph.nodes[1].type: unknown layer type")


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2nd stage", "a network name is a word of letters, digits and '_' that does not start"),
        ("", "a network needs a name"),
        (5, "must be text, got 5"),
        ("x" * 65, "a network name has at most 64 characters"),
    ],
)
def test_a_bad_network_name_is_named_with_its_path(name: Any, expected: str) -> None:
    raw = two_networks_file()
    raw["networks"][1]["name"] = name
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(raw), source="bad.net")
    first = str(caught.value.problems[0])
    assert first.startswith("networks[1].name: ") and expected in first


def test_two_networks_of_one_name_are_refused_naming_both() -> None:
    raw = two_networks_file()
    raw["networks"].append(copy.deepcopy(raw["networks"][1]))
    assert problems_of(raw) == [
        "networks[2].name: another network (networks[1]) is already named 'stage': give each "
        "network its own name"
    ]


def test_a_main_that_names_no_network_is_refused_and_read_leniently_as_the_first() -> None:
    raw = two_networks_file()
    raw["main"] = "trunk"
    assert problems_of(raw) == [
        "main: there is no network named 'trunk' (networks: main, stage): name the network "
        "that trains"
    ]
    project = loads_project(json.dumps(raw), strict=False)
    assert project.main == "main" and project.graph is project.networks["main"]


# --- lenient reading ---------------------------------------------------------------------------


def test_a_bad_node_is_named_with_its_network_and_the_rest_is_kept() -> None:
    raw = two_networks_file()
    raw["networks"][1]["graph"]["nodes"][2]["type"] = "Relu"
    raw["networks"][1]["graph"]["nodes"][1]["position"] = "here"
    project = loads_project(json.dumps(raw), strict=False)
    assert [str(p).split(":")[0] for p in project.problems] == [
        "networks[1].graph.nodes[1].position",
        "networks[1].graph.nodes[2].type",
    ]
    assert [n.id for n in project.networks["stage"].nodes()] == ["x", "y"]
    assert len(project.graph) == 4 and len(project.graph.edges()) == 3  # main is whole


def test_a_network_with_a_bad_name_is_left_out_and_the_others_kept() -> None:
    raw = two_networks_file()
    raw["networks"][0]["name"] = "main network"
    raw["main"] = "stage"
    project = loads_project(json.dumps(raw), strict=False)
    assert [p.path for p in project.problems] == ["networks[0].name"]
    assert list(project.networks) == ["stage"] and project.main == "stage"
    assert [n.id for n in project.graph.nodes()] == ["x", "fc", "act", "y"]


def test_a_problem_after_a_network_left_out_names_its_place_in_the_file() -> None:
    raw = two_networks_file()
    raw["networks"].insert(0, "not a network")
    raw["networks"][2]["graph"]["edges"][0]["to"] = "nowhere"
    project = loads_project(json.dumps(raw), strict=False)
    assert [p.path for p in project.problems] == ["networks[0]", "networks[2].graph.edges[0].to"]
    assert list(project.networks) == ["main", "stage"]
