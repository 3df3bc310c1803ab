"""Training health at far zoom: zoomed out so far that the cards are plain blocks, a person who
colours the nodes by a statistic still sees it: the health colour fills each block, and the
number is written in the block's tooltip (never colour alone)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPointF

from tests.shots import save_shot

ZOOM = 0.2


def _run_with_health(tmp_path: Path) -> Path:
    """A run folder whose health.json says fc1 and relu1's zero fractions (as a run writes it)."""
    run_dir = tmp_path / "runs" / "run-1"
    run_dir.mkdir(parents=True)
    nodes = {
        "fc1": {"mean": 0.1, "std": 1.0, "zeros": 0.0, "grad_norm": 0.5, "update_ratio": 1e-3},
        "relu1": {"mean": 0.0, "std": 0.1, "zeros": 0.92},
    }
    health = {"epochs": [{"epoch": 1, "recordings": 4, "nodes": nodes}], "warnings": []}
    (run_dir / "health.json").write_text(json.dumps(health), encoding="utf-8")
    return run_dir


def _block_colour(window, node_id: str):
    """The colour most of the block's pixels have on screen (its text and outline are few),
    above its preview when previews are on."""
    view, card = window.view, window.scene.nodes[node_id]
    image = view.viewport().grab().toImage()
    rect = card.sceneBoundingRect()
    if card.preview_shown:
        rect.setBottom(card.mapToScene(card.preview_rect().topLeft()).y())
    top_left = view.mapFromScene(rect.topLeft() + QPointF(8, 8))
    bottom_right = view.mapFromScene(rect.bottomRight() - QPointF(8, 8))
    counts: Counter[tuple[int, ...]] = Counter()
    for x in range(top_left.x(), bottom_right.x()):
        for y in range(top_left.y(), bottom_right.y()):
            counts[image.pixelColor(x, y).getRgb()[:3]] += 1
    return counts.most_common(1)[0][0]


def test_far_out_the_health_colour_fills_each_block_and_the_number_is_on_hover(
    digits_window, hands, tmp_path
):
    window = digits_window
    window.inside.health.load_run(_run_with_health(tmp_path), "run 1")
    hands.action(window, "view_colour_zeros").trigger()
    window.view.set_zoom(ZOOM)
    window.view.centerOn(window.scene.nodes["relu1"])
    relu1, fc1 = window.scene.nodes["relu1"], window.scene.nodes["fc1"]
    assert relu1.drawn_text(window.view.zoom).block  # far out: plain blocks

    assert relu1.health_colour is not None and fc1.health_colour is not None
    assert _block_colour(window, "relu1") == relu1.health_colour.getRgb()[:3]
    assert _block_colour(window, "fc1") == fc1.health_colour.getRgb()[:3]
    assert relu1.health_colour != fc1.health_colour  # 92 % and 0 % differ
    assert "Zero fraction: 92 %" in relu1.toolTip() and "Zero fraction: 0 %" in fc1.toolTip()
    save_shot(window, "health_far_zoom")

    # Not coloured (View > Colour Nodes By > none): the block takes its category colour again.
    hands.action(window, "view_colour_none").trigger()
    assert relu1.health_colour is None
    assert _block_colour(window, "relu1") == relu1.colour.getRgb()[:3]
