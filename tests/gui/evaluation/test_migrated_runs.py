"""Run records of a version 1 file, brought to version 2 by the file layer, show the same weights
and figures in every view as the records as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.gui.evaluation.run_weights import RunWeights, describe_epochs
from netstudio.io import load_project

OLD_RUNS = Path(__file__).resolve().parents[2] / "io" / "fixtures" / "legacy_v1_runs.net"


@pytest.mark.parametrize("row", range(4))
def test_a_migrated_record_shows_what_the_old_one_did(row: int) -> None:
    old = json.loads(OLD_RUNS.read_text(encoding="utf-8"))["runs"][row]
    new = load_project(OLD_RUNS).runs[row]
    assert "best_val_accuracy" in old and "best_val_accuracy" not in new
    assert RunWeights.of(new) == RunWeights.of(old)
    assert describe_epochs(new) == describe_epochs(old)


def test_the_early_stopped_run_ended_with_its_best_epoch() -> None:
    weights = RunWeights.of(load_project(OLD_RUNS).runs[0])
    assert weights is not None and weights.label == "best, epoch 2"
    assert (weights.val_accuracy, weights.test_accuracy) == (0.9, 0.89)
