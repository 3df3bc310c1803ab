"""A streamed test image that cannot be read is left out of the test pass; the run's predictions
say which test samples they are about (`Predictions.positions`), so each stays with its sample
(the Evaluation gallery reads ``data.test`` at those positions)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.metrics import Predictions
from netstudio.training.sources import load_data
from netstudio.training.streaming import StreamSplit
from netstudio.training.trainer import Trainer
from tests.training.test_streaming import _mlp, _noise_folder


def test_predictions_skip_a_test_image_left_out_and_keep_their_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 1)
    root = _noise_folder(tmp_path, per_class=40)  # 120 images: 1 may be left out
    config = DataConfig(
        source="image_folder", params={"resize": 4}, streaming="always", normalize=False
    )  # type: ignore[arg-type]
    data = load_data(config, data_root=root)
    test = data.test
    assert isinstance(test, StreamSplit) and len(test) > 10
    labels = test.y.numpy()
    # a sample whose neighbour has another class: a prediction one place off shows
    broken = next(i for i in range(len(labels) - 1) if labels[i] != labels[i + 1])
    Path(test.paths[broken]).write_bytes(b"not an image")

    training = TrainingConfig(device="cpu", batch_size=16, epochs=1)
    result = Trainer(_mlp(3 * 4 * 4, 3), data, training).run()

    assert result.failure is None, result.failure
    predictions = result.predictions
    assert predictions is not None and predictions.positions is not None
    kept = [i for i in range(len(test)) if i != broken]
    assert predictions.positions.tolist() == kept
    assert np.array_equal(predictions.targets, labels[predictions.positions])
    rows = np.arange(len(kept))
    assert np.array_equal(labels[predictions.sample_positions(rows)], predictions.targets)
    assert sum(result.report.support) == len(kept)  # the report counts the samples predicted
    assert any(str(test.paths[broken]) in note for note in result.notes)


def test_predictions_without_positions_are_about_the_split_in_order() -> None:
    plain = Predictions(np.array([2, 0, 1]), np.array([2, 1, 1]))
    assert plain.sample_positions(np.array([0, 2])).tolist() == [0, 2]
    moved = Predictions(np.array([2, 0, 1]), np.array([2, 1, 1]), positions=np.array([0, 2, 3]))
    assert moved.sample_positions(moved.misclassified()).tolist() == [2]
