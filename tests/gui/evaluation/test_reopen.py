"""Reopening a run's weights says which problem it met: a network changed since the run (undo
the changes) or a weights file that cannot be read at all (train again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.gui.evaluation.reopen import ReopenError, reopen_run
from netstudio.io import load_project
from netstudio.training.checkpoints import save_weights

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.fixture
def run(tmp_path: Path) -> tuple[dict, NetworkGraph, Path]:
    """A run record whose folder holds last.safetensors of the digits MLP, and the graph."""
    project = load_project(EXAMPLES / "digits_mlp.net")
    folder = tmp_path / "run"
    folder.mkdir()
    save_weights(compile_graph(project.graph), folder / "last.safetensors")
    record = {"name": "Run 1", "run_dir": str(folder), "data": project.data}
    return record, project.graph, folder


@pytest.mark.parametrize(
    "damage",
    [lambda b: b[: len(b) // 2], lambda b: b"", lambda b: b"not weights at all" * 10],
    ids=["truncated", "empty", "garbage"],
)
def test_a_damaged_weights_file_is_not_blamed_on_the_network(run, damage) -> None:
    record, graph, folder = run
    path = folder / "last.safetensors"
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ReopenError) as caught:
        reopen_run(record, graph, None)
    message = str(caught.value)
    assert f"cannot read the weights in {path}: the file is damaged" in message
    assert "Train the network again" in message
    assert "Undo" not in message and "\n" not in message


def test_weights_of_another_network_say_to_undo_the_changes(run) -> None:
    record, graph, _ = run
    graph.set_params("fc1", {"out_features": 100})
    with pytest.raises(ReopenError) as caught:
        reopen_run(record, graph, None)
    message = str(caught.value)
    assert "do not fit this network" in message and "fc1.weight (128, 64) vs (100, 64)" in message
    assert "Undo the changes to the network" in message


def test_a_run_that_never_trained_says_so_rather_than_moved(run) -> None:
    record, graph, folder = run
    (folder / "last.safetensors").unlink()  # as a run failing before its first epoch leaves it
    with pytest.raises(ReopenError, match="Run 1 ended before it trained an epoch"):
        reopen_run({**record, "status": "failed", "epochs": []}, graph, None)


def test_a_run_of_a_project_with_blocks_reopens_with_its_networks(tmp_path: Path) -> None:
    """Open in the Runs panel compiles the worker's copy of the network; the copy keeps the
    networks its blocks use, so a run of residual_blocks.net opens (it failed with a Block
    that had no ports before)."""
    from netstudio.gui.training.session import training_copy

    project = load_project(EXAMPLES / "residual_blocks.net")
    folder = tmp_path / "run"
    folder.mkdir()
    save_weights(compile_graph(training_copy(project)), folder / "last.safetensors")
    record = {"name": "Run 1", "run_dir": str(folder), "data": project.data}
    finished = reopen_run(record, training_copy(project), None)
    assert finished.result.failure is None
    assert finished.result.test_accuracy is not None
