"""Runs that cannot start or that fail: the reason is shown with its fix, the node at fault is
selected on the canvas and flashes, and what the run had measured is kept."""

from __future__ import annotations

import json
from itertools import pairwise

from netstudio.gui.main_window import MainWindow

RUN_TIMEOUT = 30_000


def _chain(*nodes: tuple[str, str, dict]) -> dict:
    return {
        "nodes": [
            {"id": i, "type": t, "name": i, "params": p, "position": [240.0 * k, 0.0]}
            for k, (i, t, p) in enumerate(nodes)
        ],
        "edges": [
            {"from": a[0], "from_port": "out", "to": b[0], "to_port": "in"}
            for a, b in pairwise(nodes)
        ],
    }


def test_a_diverging_run_says_the_loss_became_nan(qtbot, window, open_example) -> None:
    open_example(
        "spiral_toy.net",
        {"epochs": 3, "optimizer": {"type": "sgd", "lr": 10, "momentum": 0.9},
         "schedule": {"type": "none"}},
    )  # fmt: skip
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.menu_actions.train.trigger()
    record = done.args[0].record
    assert record["status"] == "failed" and record["error"]["kind"] == "nan"
    banner = window.training_ui.panel.failure
    assert banner.isVisible()
    text = banner.label.text()
    assert "The loss stopped being a number" in text and "Lower the learning rate" in text
    assert window.document.project.runs == [record]
    assert json.dumps(record)  # JSON-able, non-finite values left out
    assert not window.training_ui.session.running and window.menu_actions.train.isEnabled()


def test_a_runtime_error_selects_names_and_flashes_the_node(qtbot, window, open_example) -> None:
    graph = _chain(
        ("input", "Input", {"shape": [2], "dtype": "int64"}),
        ("embed", "Embedding", {"num_embeddings": 1, "embedding_dim": 4}),
        ("flat", "Flatten", {}),
        ("fc", "Linear", {"out_features": 3}),
        ("output", "Output", {}),
    )
    open_example("spiral_toy.net", {"epochs": 2}, graph=graph)
    assert window.training_ui.session.problems() == []
    item = window.scene.nodes["embed"]
    severity = item.severity
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.menu_actions.train.trigger()
    error = done.args[0].record["error"]
    assert error["node_id"] == "embed"
    assert window.scene.selected_node_ids() == ["embed"]
    assert "embed" in window.training_ui.panel.failure.label.text()
    assert item.flashing and item.flash_lit
    assert not window.scene.nodes["fc"].flashing
    qtbot.waitUntil(lambda: not item.flash_lit, timeout=2000)  # it blinks off
    qtbot.waitUntil(lambda: item.flash_lit or not item.flashing, timeout=2000)  # and on again
    qtbot.waitUntil(lambda: not item.flashing, timeout=3000)
    assert not item.flash_lit and item.severity == severity and item.isSelected()


def test_missing_dataset_files_are_a_data_failure(qtbot, window, open_example) -> None:
    open_example("mnist_mlp.net", {"epochs": 1}, data={"source": "mnist", "root": "nowhere"})
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.menu_actions.train.trigger()
    run = done.args[0]
    assert run.record["error"]["kind"] == "data" and run.model is None and run.data is None
    assert "could not be loaded" in window.training_ui.panel.failure.label.text()
    assert window.document.project.runs == [run.record]


def test_cross_entropy_on_one_unit_refuses_to_start(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 1})
    document = window.document
    from netstudio.gui.commands import SetParamsCommand

    document.push(SetParamsCommand(document.graph, "fc3", {"out_features": 1}))
    panel = window.training_ui.panel
    assert panel.checks.isVisible()
    assert "one score per class" in panel.checks.label.text()
    assert "3 units" in panel.checks.label.text()
    window.menu_actions.train.trigger()
    assert not window.training_ui.session.running and document.project.runs == []
    document.undo_stack.undo()
    assert not panel.checks.isVisible()


def test_graph_errors_must_be_fixed_first(qtbot, window: MainWindow, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 1})
    window.document.graph.disconnect(window.document.graph.in_edges("output")[0])
    window.document.analyse()
    problems = window.training_ui.session.problems()
    assert problems and "fix the problems first" in problems[0]
    assert not window.training_ui.session.start()


def test_revealing_a_problem_does_not_flash(window, open_example) -> None:
    open_example("spiral_toy.net")
    window.reveal_node("fc1")
    assert window.scene.selected_node_ids() == ["fc1"]
    assert not window.scene.nodes["fc1"].flashing
