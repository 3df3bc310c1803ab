"""Old files open through the registered migrations; unknown versions are refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from netstudio.io import CURRENT_VERSION, ProjectFileError, dumps_project, load_project
from netstudio.io.migrations import migrate, migration

LEGACY_V0 = Path(__file__).parent / "fixtures" / "legacy_v0.net"


def legacy() -> dict[str, Any]:
    return json.loads(LEGACY_V0.read_text(encoding="utf-8"))


def test_version_0_file_opens_as_the_current_version() -> None:
    project = load_project(LEGACY_V0)
    graph = project.graph
    assert project.name == "Legacy MLP"
    assert project.problems == []
    assert project.data == {} and project.training == {} and project.runs == []
    assert [(n.id, n.type_id, n.name) for n in graph.nodes()] == [
        ("input", "Input", "input"),
        ("fc1", "Linear", "hidden"),
        ("act", "ReLU", "act"),  # a v0 layer without a name took its id
        ("drop", "Dropout", "drop"),
        ("fc2", "Linear", "logits"),
        ("output", "Output", "output"),
    ]
    assert graph.node("fc1").position == (200.5, 10.0)
    assert graph.node("fc2").params == {"in_features": None, "out_features": 10, "bias": False}
    assert graph.node("drop").params == {"p": 0.2}
    assert graph.node("input").params["shape"] == (784,)
    assert graph.topological_order() == ["input", "fc1", "act", "drop", "fc2", "output"]
    assert [(e.src, e.dst) for e in graph.edges()] == [
        ("input", "fc1"),
        ("fc1", "act"),
        ("act", "drop"),
        ("drop", "fc2"),
        ("fc2", "output"),
    ]


def test_version_0_file_is_saved_as_the_current_version() -> None:
    saved = json.loads(dumps_project(load_project(LEGACY_V0)))
    assert saved["version"] == CURRENT_VERSION
    assert "layers" not in saved and "links" not in saved
    assert saved["networks"][0]["graph"]["edges"][0] == {
        "from": "input",
        "from_port": "out",
        "to": "fc1",
        "to_port": "in",
    }


def test_migrate_leaves_its_input_alone() -> None:
    raw = legacy()
    before = copy.deepcopy(raw)
    migrated = migrate(raw)
    assert raw == before
    assert migrated["version"] == CURRENT_VERSION
    assert list(migrated)[:2] == ["format", "version"]
    assert migrate(migrated) == migrated  # already current: unchanged


def test_bad_version_0_file_is_reported_in_its_own_terms(tmp_path: Path) -> None:
    raw = legacy()
    raw["layers"][2]["x"] = "left"
    raw["links"][1] = ["fc1", "out", "act"]
    raw["colour"] = "blue"
    path = tmp_path / "old.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert [str(p) for p in caught.value.problems] == [
        'layers[2].x: must be a number, got "left"',
        "links[1]: needs 4 items, got 3",
        "colour: unknown key (keys here: format, version, name, layers, links)",
    ]


def test_version_0_meaning_problems_are_found_after_migration(tmp_path: Path) -> None:
    raw = legacy()
    raw["layers"][1]["layer"] = "Dense"
    path = tmp_path / "old.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    project = load_project(path, strict=False)
    assert [p.path for p in project.problems] == ["graph.nodes[1].type"]
    assert "fc1" not in project.graph


def test_a_migration_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        migration(0)(lambda raw: raw)
    with pytest.raises(ValueError, match="not older"):
        migration(CURRENT_VERSION)(lambda raw: raw)
