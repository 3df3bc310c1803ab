"""The generated wave-shape sequences: layout, balance, seeding, and that the shapes differ."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from netstudio.training.data_config import DataConfig
from netstudio.training.sequence_source import WAVES, waves
from netstudio.training.sources import DataError, get_source, load_data


def test_sequences_are_registered_with_a_form() -> None:
    source = get_source("sequences")
    assert not source.needs_root
    assert source.defaults() == {"samples": 1200, "length": 40, "noise": 0.3}


def test_samples_are_steps_by_one_feature_in_balanced_classes() -> None:
    params = {"samples": 300, "length": 25}
    data = load_data(DataConfig(source="sequences", params=params))
    assert data.input_shape == (25, 1) and data.classes == list(WAVES)
    assert data.task == "classification" and data.target_size == 3
    assert len(data.train) + len(data.val) + len(data.test) == 300
    assert data.train.x.dtype == torch.float32 and data.train.y.dtype == torch.int64
    y = torch.cat([data.train.y, data.val.y, data.test.y])
    assert torch.bincount(y).tolist() == [100, 100, 100]
    assert data.mean is not None and len(data.mean) == 1  # one feature, normalised
    assert data.train.x.mean().item() == pytest.approx(0, abs=1e-5)


def test_the_seed_decides_the_waves() -> None:
    params = {"samples": 60}
    first = load_data(DataConfig(source="sequences", params=params, seed=7))
    again = load_data(DataConfig(source="sequences", params=params, seed=7))
    other = load_data(DataConfig(source="sequences", params=params, seed=8))
    assert torch.equal(first.train.x, again.train.x)
    assert not torch.equal(first.train.x, other.train.x)


def test_without_noise_each_class_has_its_shape() -> None:
    x, y = waves(30, 200, noise=0.0, seed=0)
    assert x.shape == (30, 200, 1) and x.dtype == np.float32
    for sample, label in zip(x[:, :, 0], y, strict=True):
        amplitude = np.abs(sample).max()
        assert 0.5 <= amplitude <= 1.5
        levels = np.unique(np.round(sample / amplitude, 4))
        if WAVES[label] == "square":
            assert set(levels) == {-1.0, 1.0}
        else:  # sine and sawtooth sweep through many values; the sawtooth rises in steps
            assert len(levels) > 20
            rising = np.mean(np.diff(sample) > 0)
            assert rising > 0.9 if WAVES[label] == "sawtooth" else 0.3 < rising < 0.7


def test_bad_parameters_are_reported() -> None:
    with pytest.raises(DataError, match="length"):
        load_data(DataConfig(source="sequences", params={"length": 1}))
    with pytest.raises(DataError, match="did you mean 'noise'"):
        load_data(DataConfig(source="sequences", params={"nois": 0.1}))
