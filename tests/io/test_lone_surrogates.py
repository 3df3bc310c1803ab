"""Text that is not characters stops at the file: a lone surrogate (``"\\ud800"`` in JSON).

Read as it was, it made `check` and export die with UnicodeEncodeError tracebacks and autosave
stop without a word. Now the reader replaces it and names its JSON path (a strict read refuses
the file), and the writer refuses to save one, saying where it is.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from netstudio.core.graph import NetworkGraph
from netstudio.io import (
    Project,
    ProjectFileError,
    dumps_project,
    graph_from_dict,
    load_project,
    loads_project,
    save_project,
)
from netstudio.io.writer import STALE_TEMP_SECONDS

LONE = "\ud800"


def spoiled(mlp_file: dict[str, Any], tmp_path: Path, **changes: Any) -> Path:
    """The MLP file with top-level `changes` and, under "node_name", the first node renamed;
    written with JSON escapes, as a file on disk holds a lone surrogate."""
    node_name = changes.pop("node_name", None)
    mlp_file.update(changes)
    if node_name is not None:
        mlp_file["graph"]["nodes"][0]["name"] = node_name
    path = tmp_path / "odd.net"
    path.write_text(json.dumps(mlp_file), encoding="ascii")  # ensure_ascii: "\ud800" escapes
    return path


def encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"name": f"MLP {LONE}"}, "name: "),
        ({"description": f"ok\n{LONE}x"}, "description: "),
        ({"node_name": f"in{LONE}"}, "graph.nodes[0].name: "),
        ({"data": {f"k{LONE}": 1}}, 'data["k\\\\ud800"]: '),
    ],
)
def test_a_strict_read_refuses_a_lone_surrogate_naming_its_json_path(
    mlp_file: dict[str, Any], tmp_path: Path, change: dict[str, Any], where: str
) -> None:
    path = spoiled(mlp_file, tmp_path, **change)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    message = str(caught.value)
    assert encodes(message)  # printing it cannot fail
    assert f"odd.net: {where}" in message
    assert "lone surrogate (\\ud800)" in message
    assert all(encodes(str(problem)) for problem in caught.value.problems)


def test_a_lenient_read_replaces_it_and_lists_the_problem(
    mlp_file: dict[str, Any], tmp_path: Path
) -> None:
    path = spoiled(mlp_file, tmp_path, name=f"MLP {LONE}", description=f"{LONE}{LONE}")
    project = load_project(path, strict=False)
    assert project.name == "MLP \ufffd"
    assert project.description == "\ufffd\ufffd"
    assert [p.path for p in project.problems] == ["name", "description"]
    assert "retype this text" in project.problems[0].message
    save_project(project, tmp_path / "saved.net")  # what autosave does: it works again
    assert load_project(tmp_path / "saved.net").name == "MLP \ufffd"


def test_a_raw_surrogate_in_text_is_caught_as_well(mlp_file: dict[str, Any]) -> None:
    text = json.dumps(mlp_file, ensure_ascii=False).replace('"MNIST MLP"', f'"a{LONE}"')
    with pytest.raises(ProjectFileError, match=r"^name: the text \"a\\ud800\""):
        loads_project(text)


def test_a_pasted_graph_with_a_lone_surrogate_is_refused(mlp_file: dict[str, Any]) -> None:
    section = mlp_file["graph"]
    section["nodes"][1]["id"] = f"fc{LONE}"
    target = NetworkGraph()
    with pytest.raises(ProjectFileError, match=r"^graph\.nodes\[1\]\.id: ") as caught:
        graph_from_dict(section, target)
    assert encodes(str(caught.value))
    assert len(target) == 0


@pytest.mark.parametrize("field", ["name", "description"])
def test_the_writer_refuses_a_lone_surrogate_naming_where(
    mlp_graph: NetworkGraph, tmp_path: Path, field: str
) -> None:
    project = Project(mlp_graph, name="MLP")
    setattr(project, field, f"x{LONE}")
    with pytest.raises(ValueError, match=rf"at {field}: retype that text$"):
        dumps_project(project)
    with pytest.raises(ValueError, match="lone surrogate"):  # a ValueError, as the GUI expects
        save_project(project, tmp_path / "out.net")
    assert list(tmp_path.iterdir()) == []


# --- temporary files of killed saves ------------------------------------------------------------


def test_a_save_removes_the_temp_files_of_saves_killed_earlier(
    mlp_graph: NetworkGraph, tmp_path: Path
) -> None:
    path = tmp_path / "model [1].net"
    killed = tmp_path / ".model [1].net.k1ll3d.tmp"  # what mkstemp left when the process died
    killed.write_bytes(b'{"format": "netst')
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(killed, (old, old))
    busy = tmp_path / ".model [1].net.n0w.tmp"  # another window saving this very moment
    busy.write_bytes(b"{")
    other = tmp_path / ".other.net.x.tmp"
    other.write_bytes(b"{")
    os.utime(other, (old, old))
    save_project(Project(mlp_graph), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, busy.name, other.name])
