"""The document: every edit is analysed and announced; modified state follows the history."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from netstudio.core.graph import NetworkGraph
from netstudio.core.layout import layered_positions
from netstudio.gui.commands import AddNodeCommand, RenameCommand, SetParamsCommand
from netstudio.gui.document import Document
from netstudio.io import Project, load_project


def test_an_edit_is_analysed_and_announced(qtbot, mlp_graph: NetworkGraph) -> None:
    document = Document(Project(graph=mlp_graph, data={"source": "mnist"}))
    with qtbot.waitSignal(document.analysed) as signal:
        document.push(SetParamsCommand(mlp_graph, "fc2", {"out_features": 64}))
    changed, problems = signal.args
    assert {"fc2", "relu2", "fc3"} <= changed and "fc1" not in changed
    assert problems == []
    assert document.info("fc3").param_count == 64 * 10 + 10


def test_analysis_waits_for_pytorch(qtbot, mlp_graph: NetworkGraph) -> None:
    document = Document(Project(graph=mlp_graph), analysis=False)
    assert document.info("fc1") is None and not document.analysed_once
    document.push(AddNodeCommand(mlp_graph, "ReLU", (0.0, 0.0)))
    assert document.problems == []
    with qtbot.waitSignal(document.analysed) as signal:
        document.enable_analysis()
    changed, problems = signal.args
    assert changed == {n.id for n in mlp_graph}
    assert any("not connected" in p.message for p in problems)


def test_modified_follows_the_undo_history(qtbot, mlp_graph: NetworkGraph, tmp_path: Path) -> None:
    document = Document(Project(graph=mlp_graph, name="MLP"))
    states: list[bool] = []
    document.modified_changed.connect(states.append)
    document.push(RenameCommand(mlp_graph, "fc1", "hidden"))
    assert document.modified and document.file_name == "MLP"
    document.undo_stack.undo()
    assert not document.modified
    document.undo_stack.redo()
    path = tmp_path / "mlp.net"
    with qtbot.waitSignal(document.path_changed):
        document.save(path)
    assert not document.modified and document.file_name == "mlp.net"
    assert load_project(path).graph.node("fc1").name == "hidden"
    document.undo_stack.undo()
    assert document.modified
    assert states == [True, False, True, False, True]


def test_a_refused_edit_changes_nothing(mlp_graph: NetworkGraph) -> None:
    document = Document(Project(graph=mlp_graph))
    error = document.push(RenameCommand(mlp_graph, "fc1", "fc2"))
    assert error is not None and "already named" in str(error)
    assert document.undo_stack.count() == 0 and not document.modified


def test_layered_positions_follow_the_data_flow(mlp_graph: NetworkGraph) -> None:
    mlp_graph.move("input", (100.0, 50.0))
    positions = layered_positions(mlp_graph)
    order = mlp_graph.topological_order()
    assert positions["input"] == (100.0, 50.0)
    assert [positions[n][0] for n in order] == [100.0 + 240 * i for i in range(len(order))]
    assert {positions[n][1] for n in order} == {50.0}
