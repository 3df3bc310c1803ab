"""Toy sets and digits: shapes, class balance, seeded splits, normalisation from train only."""

from __future__ import annotations

import pytest
import torch

from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import RawData, feature_stats, prepare
from netstudio.training.sources import DataError, load_data

TOYS = {
    "spiral": ({"classes": 4, "points_per_class": 50}, 200, 4),
    "moons": ({"samples": 300}, 300, 2),
    "circles": ({"samples": 300}, 300, 2),
    "xor": ({"samples": 300}, 300, 2),
    "blobs": ({"classes": 5, "samples": 300}, 300, 5),
}


def _all_y(data) -> torch.Tensor:
    return torch.cat([data.train.y, data.val.y, data.test.y])


@pytest.mark.parametrize("source", sorted(TOYS))
def test_toy_sets_are_balanced_2d_classification(source: str) -> None:
    params, total, classes = TOYS[source]
    data = load_data(DataConfig(source=source, params=params))
    assert data.task == "classification" and data.input_shape == (2,)
    assert data.num_classes == classes == data.target_size
    assert len(data.train) + len(data.val) + len(data.test) == total
    assert data.train.x.dtype == torch.float32 and data.train.y.dtype == torch.int64
    counts = torch.bincount(_all_y(data), minlength=classes)
    assert counts.max() - counts.min() <= 1
    # stratified: every split holds every class in about the same share
    train_counts = torch.bincount(data.train.y, minlength=classes)
    assert train_counts.max() - train_counts.min() <= 2


@pytest.mark.parametrize("source", sorted(TOYS))
def test_toy_sets_follow_the_seed(source: str) -> None:
    params = TOYS[source][0]
    first = load_data(DataConfig(source=source, params=params, seed=3))
    again = load_data(DataConfig(source=source, params=params, seed=3))
    other = load_data(DataConfig(source=source, params=params, seed=4))
    assert torch.equal(first.train.x, again.train.x)
    assert not torch.equal(first.train.x, other.train.x)


def test_digits_split_sizes_and_stratification() -> None:
    data = load_data(DataConfig())
    assert data.input_shape == (1, 8, 8) and data.classes == [str(i) for i in range(10)]
    # 1797 digits: 20% test (360), then 10% of the rest for validation (144)
    assert (len(data.train), len(data.val), len(data.test)) == (1293, 144, 360)
    for split, size in ((data.train, 1293), (data.val, 144), (data.test, 360)):
        share = torch.bincount(split.y, minlength=10).float() / size
        assert share.min() > 0.08 and share.max() < 0.12  # each digit is ~10% everywhere


def test_splits_do_not_overlap_and_change_with_the_seed() -> None:
    config = DataConfig(normalize=False)
    data = load_data(config)
    rows = {tuple(x.flatten().tolist()) for x in data.train.x}
    assert not any(tuple(x.flatten().tolist()) in rows for x in data.test.x[:50])
    other = load_data(config.model_copy(update={"seed": 1}))
    assert not torch.equal(data.test.x, other.test.x)


def test_digits_without_normalisation_are_in_unit_range() -> None:
    data = load_data(DataConfig(normalize=False))
    assert data.mean is None and data.std is None
    assert data.train.x.min() >= 0 and data.train.x.max() <= 1


def test_normalisation_uses_train_statistics_only() -> None:
    raw = load_data(DataConfig(normalize=False))
    data = load_data(DataConfig())
    mean, std = feature_stats(raw.train.x)
    assert data.mean == pytest.approx(mean.tolist()) and data.std == pytest.approx(std.tolist())
    assert data.train.x.mean().item() == pytest.approx(0, abs=1e-5)
    assert data.train.x.std(correction=0).item() == pytest.approx(1, abs=1e-4)
    # validation and test use the train statistics, not their own
    assert torch.allclose(data.test.x, (raw.test.x - mean.view(1, 1, 1, 1)) / std.view(1, 1, 1, 1))
    assert torch.allclose(data.denormalize(data.test.x), raw.test.x, atol=1e-5)


def test_vector_features_are_normalised_per_feature() -> None:
    data = load_data(DataConfig(source="blobs"))
    assert len(data.mean) == 2
    assert torch.allclose(data.train.x.mean(0), torch.zeros(2), atol=1e-5)


def test_no_validation_split_gives_an_empty_one() -> None:
    data = load_data(DataConfig(source="moons", val_fraction=0))
    assert len(data.val) == 0 and data.val.x.shape == (0, 2)
    assert len(data.train) == 400


def test_constant_feature_is_not_divided_by_zero() -> None:
    x = torch.stack([torch.arange(20.0), torch.full((20,), 3.0)], dim=1)
    raw = RawData("t", "classification", x, torch.arange(20) % 2, classes=["a", "b"])
    data = prepare(raw, DataConfig(), "t")
    assert torch.isfinite(data.train.x).all() and data.std[1] == 1.0


def test_too_few_examples_is_a_data_error() -> None:
    raw = RawData("tiny", "classification", torch.zeros(1, 2), torch.zeros(1, dtype=torch.long))
    with pytest.raises(DataError, match="too few"):
        prepare(raw, DataConfig(), "t")


def test_a_class_with_one_example_still_splits() -> None:
    y = torch.tensor([0] * 30 + [1])
    raw = RawData("rare", "classification", torch.randn(31, 2), y, classes=["a", "b"])
    data = prepare(raw, DataConfig(), "t")
    assert len(data.train) + len(data.val) + len(data.test) == 31


def test_digits_keeps_the_digits_listed_relabelled_in_their_order() -> None:
    data = load_data(DataConfig(params={"digits": [7, 5, 9]}, test_fraction=0.2))
    assert data.classes == ["7", "5", "9"] and data.num_classes == 3
    every = load_data(DataConfig(test_fraction=0.2))
    everything = torch.cat([every.train.y, every.val.y, every.test.y])
    counts = torch.bincount(everything, minlength=10)
    kept = torch.bincount(_all_y(data), minlength=3)
    assert kept.tolist() == [int(counts[7]), int(counts[5]), int(counts[9])]


@pytest.mark.parametrize(
    ("digits", "message"),
    [
        ([5, 5, 6], "lists 5 more than once"),
        ([4], "needs at least 2"),
        ([3, 10], "at most 9"),
        ("5-9", "list of numbers"),
    ],
)
def test_bad_digit_lists_are_named_at_their_setting(digits, message: str) -> None:
    from netstudio.training.sources import data_problems

    problems = data_problems({"source": "digits", "params": {"digits": digits}})
    assert [p.path for p in problems] == ["data.params.digits"]
    assert message in problems[0].message
    with pytest.raises(DataError, match=message):
        load_data(DataConfig(params={"digits": digits}))
