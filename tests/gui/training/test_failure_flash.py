"""A run that fails naming a node: the node is selected, centred, and flashes its outline,
then looks as before."""

from __future__ import annotations

from itertools import pairwise

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


def test_the_node_at_fault_flashes(qtbot, window, open_example) -> None:
    graph = _chain(
        ("input", "Input", {"shape": [2], "dtype": "int64"}),
        ("embed", "Embedding", {"num_embeddings": 1, "embedding_dim": 4}),
        ("flat", "Flatten", {}),
        ("fc", "Linear", {"out_features": 3}),
        ("output", "Output", {}),
    )
    open_example("spiral_toy.net", {"epochs": 2}, graph=graph)
    item = window.scene.nodes["embed"]
    severity = item.severity
    with qtbot.waitSignal(window.training_session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.actions.train.trigger()
    assert done.args[0].record["error"]["node_id"] == "embed"
    assert window.scene.selected_node_ids() == ["embed"]
    assert item.flashing and item.flash_lit
    assert not window.scene.nodes["fc"].flashing
    qtbot.waitUntil(lambda: not item.flash_lit, timeout=2000)  # it blinks off
    qtbot.waitUntil(lambda: item.flash_lit or not item.flashing, timeout=2000)  # and on again
    qtbot.waitUntil(lambda: not item.flashing, timeout=3000)
    assert not item.flash_lit and item.severity == severity and item.isSelected()


def test_revealing_a_problem_does_not_flash(window, open_example) -> None:
    open_example("spiral_toy.net")
    window.reveal_node("fc1")
    assert window.scene.selected_node_ids() == ["fc1"]
    assert not window.scene.nodes["fc1"].flashing
