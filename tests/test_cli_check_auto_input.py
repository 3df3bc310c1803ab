"""`netstudio check` on a project whose Input is auto: the shape comes from its data settings."""

from __future__ import annotations

from pathlib import Path

from netstudio.cli import main
from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, save_project


def _project(tmp_path: Path, data: dict) -> Path:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")  # auto: no shape
    graph.add_node("Flatten", node_id="flat")
    graph.add_node("Linear", node_id="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output")
    graph.connect("input", "out", "flat", "in")
    graph.connect("flat", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    path = tmp_path / "auto.net"
    save_project(Project(graph=graph, name="auto", data=data), path)
    return path


def test_check_prints_the_data_shape_of_an_auto_input(tmp_path: Path, capsys) -> None:
    code = main(["check", str(_project(tmp_path, {"source": "digits"}))])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "input input: auto, the data's samples: 1×8×8" in out
    assert "N×1×8×8" in out and "N×64" in out
    assert "650 parameters" in out  # 64 × 10 + 10: in_features came from the data


def test_check_follows_the_chosen_data(tmp_path: Path, capsys) -> None:
    code = main(["check", str(_project(tmp_path, {"source": "spiral"}))])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "the data's samples: 2" in out and "30 parameters" in out


def test_check_of_an_auto_input_without_usable_data_names_the_input(tmp_path: Path, capsys) -> None:
    path = _project(tmp_path, {"source": "csv", "params": {"file": "missing.csv"}})
    code = main(["check", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert any(
        line.startswith("error: input: ") and "takes its shape from the data" in line
        for line in out.splitlines()
    ), out
