"""Every kind of bad file is refused with one clear line naming what is wrong and where."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netstudio.io import CURRENT_VERSION, FileProblem, ProjectFileError, load_project, loads_project

Raw = dict[str, Any]


def refusal(content: str | bytes | Raw) -> ProjectFileError:
    """The error of reading `content` (a dict is written as JSON first), as from 'bad.net'."""
    text = json.dumps(content) if isinstance(content, dict) else content
    with pytest.raises(ProjectFileError) as caught:
        loads_project(text, source="bad.net")
    error = caught.value
    line = str(error)
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("bad.net: ")
    assert error.file == Path("bad.net")
    return error


def truncated(text: str) -> str:
    return text[: len(text) // 2]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "bad.net: the file is empty"),
        ("", "bad.net: the file is empty"),
        (b"  \n\t\r\n ", "bad.net: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bad.net: not a NetStudio project: not text"),
        (b"\x00\x01\x02\x03", "bad.net: not a NetStudio project: not text"),
        ("hello world", "bad.net: not valid JSON at line 1 column 1: Expecting value"),
        ('{"format": "netstudio"} x', "not valid JSON at line 1 column 25: Extra data"),
        ('{"a": NaN}', "not valid JSON: NaN is not a JSON number"),
        ('{"a": 1e999}', "not valid JSON: 1e999 is too large a number"),
        ("[1, 2]", "not a NetStudio project: the file holds a list, not a project object"),
        ('"netstudio"', 'not a NetStudio project: the file holds "netstudio", not a project'),
        ('{"format": "keras", "version": 1}', 'its "format" is "keras", not "netstudio"'),
        ('{"name": "x", "version": 1}', 'not a NetStudio project: it has no "format" key'),
    ],
)
def test_unreadable_text_is_refused(content: str | bytes, expected: str) -> None:
    assert expected in str(refusal(content))


def test_truncated_file_says_so(mlp_file: Raw) -> None:
    text = json.dumps(mlp_file, indent=2)
    for cut in (text[: len(text) // 2], text[:-3], text[: text.index('"fc1"') + 3]):
        message = str(refusal(cut))
        assert "not valid JSON at line" in message
        assert message.endswith("the file ends too early (truncated?)")


def test_newer_version_names_both_versions(mlp_file: Raw) -> None:
    mlp_file["version"] = 7
    assert str(refusal(mlp_file)) == (
        "bad.net: written by a newer NetStudio (file format version 7; this NetStudio reads "
        f"versions up to {CURRENT_VERSION}): update NetStudio to open it"
    )


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1", 'version: must be a whole number, got "1"'),
        (1.0, "version: must be a whole number, got 1.0"),
        (True, "version: must be a whole number, got true"),
        (None, "version: must be a whole number, got null"),
        (-1, "version: unknown file format version -1"),
    ],
)
def test_bad_version_is_named(mlp_file: Raw, version: Any, expected: str) -> None:
    mlp_file["version"] = version
    assert expected in str(refusal(mlp_file))


def test_missing_version_is_named(mlp_file: Raw) -> None:
    del mlp_file["version"]
    assert "bad.net: version: missing" in str(refusal(mlp_file))


def set_at(*path_and_value: Any) -> Callable[[Raw], None]:
    """A change of the file: set the value at a path (keys and indexes), the last item."""
    *path, key, value = path_and_value

    def change(raw: Raw) -> None:
        target = raw
        for part in path:
            target = target[part]
        target[key] = value

    return change


def delete_at(*path: Any) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        target = raw
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


NODES = ("graph", "nodes")
EDGES = ("graph", "edges")

# The MLP file: nodes input, fc1, relu1, fc2, relu2, fc3, output; edges chain them in order.
CASES = [
    (
        "position as text",
        set_at(*NODES, 1, "position", "0,0"),
        'graph.nodes[1].position: must be a list [...], got "0,0"',
    ),
    (
        "coordinate as text",
        set_at(*NODES, 1, "position", [0, "3"]),
        'graph.nodes[1].position[1]: must be a number, got "3"',
    ),
    (
        "position of 3 numbers",
        set_at(*NODES, 1, "position", [0.0, 1.0, 2.0]),
        "graph.nodes[1].position: takes 2 items, got 3",
    ),
    (
        "param as text",
        set_at(*NODES, 1, "params", "out_features", "256"),
        "graph.nodes[1].params.out_features: Linear 'fc1': 'out_features' must be a whole "
        "number, got '256'",
    ),
    (
        "param out of range",
        set_at(*NODES, 1, "params", "out_features", 0),
        "graph.nodes[1].params.out_features: Linear 'fc1': 'out_features' must be at least 1",
    ),
    (
        "unknown layer type",
        set_at(*NODES, 1, "type", "Lineer"),
        "graph.nodes[1].type: unknown layer type 'Lineer'; did you mean 'Linear'?",
    ),
    (
        "unknown param",
        set_at(*NODES, 1, "params", "out_feature", 3),
        "graph.nodes[1].params.out_feature: Linear 'fc1': Linear has no parameter "
        "'out_feature'; did you mean 'out_features'?",
    ),
    (
        "unknown top-level key",
        set_at("trainig", {}),
        "trainig: unknown key; did you mean 'training'?",
    ),
    (
        "unknown node key",
        set_at(*NODES, 0, "postion", [1.0, 2.0]),
        "graph.nodes[0].postion: unknown key; did you mean 'position'?",
    ),
    (
        "unknown edge key",
        set_at(*EDGES, 0, "form", "input"),
        "graph.edges[0].form: unknown key; did you mean 'from'? (keys here: from, from_port, to, "
        "to_port)",
    ),
    ("missing type", delete_at(*NODES, 2, "type"), "graph.nodes[2].type: missing"),
    ("missing edge end", delete_at(*EDGES, 0, "to"), "graph.edges[0].to: missing"),
    ("empty id", set_at(*NODES, 0, "id", ""), "graph.nodes[0].id: must not be empty"),
    ("id as number", set_at(*NODES, 0, "id", 5), "graph.nodes[0].id: must be text, got 5"),
    (
        "id with a space",
        set_at(*NODES, 0, "id", "my input"),
        "graph.nodes[0].id: node id 'my input' may hold only letters",
    ),
    (
        "params not an object",
        set_at(*NODES, 1, "params", [256]),
        "graph.nodes[1].params: must be an object {...}, got a list",
    ),
    ("graph not an object", set_at("graph", []), "graph: must be an object {...}, got a list"),
    (
        "nodes not a list",
        set_at("graph", "nodes", {}),
        "graph.nodes: must be a list [...], got an object",
    ),
    ("data not an object", set_at("data", []), "data: must be an object {...}, got a list"),
    ("runs not a list", set_at("runs", {}), "runs: must be a list [...], got an object"),
    ("run not an object", set_at("runs", [1]), "runs[0]: must be an object {...}, got 1"),
    ("name not text", set_at("name", None), "name: must be text, got null"),
    (
        "duplicate id",
        set_at(*NODES, 3, "id", "fc1"),
        "graph.nodes[3].id: another node (graph.nodes[1]) already has the id 'fc1'",
    ),
    (
        "duplicate name",
        set_at(*NODES, 3, "name", "fc1"),
        "graph.nodes[3].name: another node (graph.nodes[1]) is already named 'fc1'",
    ),
    (
        "edge to a missing node",
        set_at(*EDGES, 1, "to", "fc9"),
        "graph.edges[1].to: there is no node 'fc9'",
    ),
    (
        "edge from a missing node",
        set_at(*EDGES, 1, "from", "fc9"),
        "graph.edges[1].from: there is no node 'fc9'",
    ),
    (
        "missing input port",
        set_at(*EDGES, 1, "to_port", "input"),
        "graph.edges[1].to_port: ReLU 'relu1' has no input port 'input' (inputs: in)",
    ),
    (
        "missing output port",
        set_at(*EDGES, 1, "from_port", "output"),
        "graph.edges[1].from_port: Linear 'fc1' has no output port 'output' (outputs: out)",
    ),
    (
        "input wired twice",
        set_at(*EDGES, 2, "to", "fc1"),
        "graph.edges[2].to_port: input 'in' of Linear 'fc1' is already wired from 'input' "
        "(graph.edges[0]): an input takes one wire",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_value_is_named_with_its_path(
    mlp_file: Raw, change: Callable[[Raw], None], expected: str
) -> None:
    change(mlp_file)
    error = refusal(mlp_file)
    assert expected in str(error.problems[0])
    assert expected in str(error)
    # No follow-on noise; but after an id is spoiled, wires naming the old id are truly broken.
    follow_ons = [p for p in error.problems[1:] if "there is no node" not in p.message]
    assert follow_ons == []
    if ".id" not in error.problems[0].path:
        assert len(error.problems) == 1, error.problems


def test_every_problem_is_reported(mlp_file: Raw) -> None:
    mlp_file["graph"]["nodes"][1]["type"] = "Conv4d"
    mlp_file["graph"]["nodes"][3]["params"]["bias"] = "yes"
    mlp_file["graph"]["edges"].append(
        {"from": "relu2", "from_port": "out", "to": "nowhere", "to_port": "in"}
    )
    error = refusal(mlp_file)
    assert [p.path for p in error.problems] == [
        "graph.nodes[1].type",
        "graph.nodes[3].params.bias",
        "graph.edges[6].to",
    ]
    assert "did you mean 'Conv" in error.problems[0].message
    line = str(error)
    assert line.startswith("bad.net: graph.nodes[1].type: unknown layer type 'Conv4d'")
    assert line.endswith(" (and 2 more problems)")


def test_structural_and_meaning_problems_are_reported_together(mlp_file: Raw) -> None:
    mlp_file["graph"]["nodes"][1]["position"] = "here"
    mlp_file["graph"]["nodes"][3]["params"]["out_features"] = -1
    mlp_file["graph"]["nodes"][3]["params"]["bais"] = True
    error = refusal(mlp_file)
    assert [p.path for p in error.problems] == [
        "graph.nodes[1].position",
        "graph.nodes[3].params.out_features",
        "graph.nodes[3].params.bais",
    ]


def test_problem_and_error_text() -> None:
    problem = FileProblem("graph.nodes[2].type", "unknown layer type 'Conv4d'")
    assert str(problem) == "graph.nodes[2].type: unknown layer type 'Conv4d'"
    assert str(FileProblem("", "the file is empty")) == "the file is empty"
    two = ProjectFileError([problem, FileProblem("x", "y")])
    assert str(two) == "graph.nodes[2].type: unknown layer type 'Conv4d' (and 1 more problem)"
    named = ProjectFileError(FileProblem("name", "line\nbreak"), Path("a.net"))
    assert str(named) == "a.net: name: line break"


def test_unreadable_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=r"missing\.net: cannot read: No such file"):
        load_project(tmp_path / "missing.net")
    with pytest.raises(ProjectFileError, match=r": cannot read: Is a directory"):
        load_project(tmp_path)


def test_a_failed_load_leaves_the_file_untouched(mlp_file: Raw, tmp_path: Path) -> None:
    broken = copy.deepcopy(mlp_file)
    broken["graph"]["nodes"][1]["type"] = "Nope"
    path = tmp_path / "broken.net"
    path.write_text(json.dumps(broken, indent=2), encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(ProjectFileError):
        load_project(path)
    load_project(path, strict=False)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == ["broken.net"]
