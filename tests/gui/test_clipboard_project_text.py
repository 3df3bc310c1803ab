"""A whole project file pasted as text gives its main network's nodes: format 3 (named
networks, the main one wherever it is in the list) and format 2 (one ``graph``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData

from netstudio.gui.clipboard import graph_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _pasted(data: object) -> dict | None:
    mime = QMimeData()
    mime.setText(json.dumps(data))
    return graph_data(mime)


def test_a_version_3_project_pastes_its_main_network(qapp) -> None:
    project = json.loads((EXAMPLES / "residual_blocks.net").read_text(encoding="utf-8"))
    project["networks"].reverse()  # the main network is not the first one
    assert [n["name"] for n in project["networks"]] == ["res_block", "main"]
    graph = _pasted(project)
    assert graph is not None
    assert [node["id"] for node in graph["nodes"]][:2] == ["input", "stem"]
    assert any(node["type"] == "Block" for node in graph["nodes"])


def test_a_version_2_project_pastes_its_graph(qapp) -> None:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    (main,) = project.pop("networks")
    old = {**project, "version": 2, "graph": main["graph"]}
    del old["main"]
    graph = _pasted(old)
    assert graph is not None and graph["nodes"] == main["graph"]["nodes"]


def test_a_project_without_a_network_pastes_nothing(qapp) -> None:
    assert _pasted({"format": "netstudio", "version": 3, "networks": [], "main": "main"}) is None
    assert _pasted({"format": "netstudio", "version": 3, "networks": [{"name": "x"}]}) is None
