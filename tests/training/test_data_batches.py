"""The fast path and the DataLoader path: same batches for a seed, new order each epoch,
augmentation on training images only."""

from __future__ import annotations

import pytest
import torch

from netstudio.training.augment import BatchAugment
from netstudio.training.batches import (
    LoaderBatches,
    TensorBatches,
    fits_in_memory,
    loader_batches,
    make_batches,
)
from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.loaded_data import TensorSplit
from netstudio.training.sources import load_data


def _images(n: int = 103) -> TensorSplit:
    x = torch.arange(n * 3 * 6 * 6, dtype=torch.float32).reshape(n, 3, 6, 6)
    return TensorSplit(x, torch.arange(n) % 10)


def _collect(batches) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x.clone(), y.clone()) for x, y in batches]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        torch.equal(xa, xb) and torch.equal(ya, yb) for (xa, ya), (xb, yb) in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("shuffle", [True, False])
@pytest.mark.parametrize("drop_last", [True, False])
def test_fast_path_and_loader_give_identical_batches(shuffle: bool, drop_last: bool) -> None:
    split = _images()
    fast = TensorBatches(split, 16, shuffle=shuffle, seed=7, drop_last=drop_last)
    loader = loader_batches(split, 16, shuffle=shuffle, seed=7, drop_last=drop_last)
    assert len(fast) == len(loader) == (6 if drop_last else 7)
    for epoch in (0, 1):
        fast.set_epoch(epoch)
        loader.set_epoch(epoch)
        assert _same(_collect(fast), _collect(loader))


def test_loader_with_workers_and_a_plain_dataset_gives_the_same_batches() -> None:
    split = _images(40)
    fast = TensorBatches(split, 8, seed=3)
    dataset = torch.utils.data.TensorDataset(split.x, split.y)
    loader = loader_batches(dataset, 8, seed=3, num_workers=1)
    for epoch in (0, 2):
        fast.set_epoch(epoch)
        loader.set_epoch(epoch)
        assert _same(_collect(fast), _collect(loader))


def test_each_epoch_has_its_own_order_and_every_sample_once() -> None:
    split = _images()
    batches = TensorBatches(split, 10, seed=0)
    orders = []
    for epoch in (0, 1, 0):
        batches.set_epoch(epoch)
        orders.append(torch.cat([y for _, y in batches]))
        xs = torch.cat([x for x, _ in batches])
        assert torch.equal(xs.sum(dim=(1, 2, 3)).sort().values, split.x.sum(dim=(1, 2, 3)))
    assert not torch.equal(orders[0], orders[1])
    assert torch.equal(orders[0], orders[2])  # an epoch repeats exactly (resume)
    other_seed = TensorBatches(split, 10, seed=1)
    assert not torch.equal(torch.cat([y for _, y in other_seed]), orders[0])


def test_unshuffled_batches_keep_the_order() -> None:
    split = _images(25)
    xs = torch.cat([x for x, _ in TensorBatches(split, 10, shuffle=False)])
    assert torch.equal(xs, split.x)


def test_augmented_batches_are_identical_on_both_paths() -> None:
    split = _images()
    augment = AugmentConfig(random_crop_padding=2, horizontal_flip=True, rotation_degrees=15)
    fast = TensorBatches(split, 16, seed=5, augment=augment)
    loader = loader_batches(split, 16, seed=5, augment=augment)
    assert _same(_collect(fast), _collect(loader))
    plain = TensorBatches(split, 16, seed=5)
    first, plain_first = next(iter(fast)), next(iter(plain))
    assert first[0].shape == plain_first[0].shape == (16, 3, 6, 6)
    assert torch.equal(first[1], plain_first[1])  # same samples, changed pixels
    assert not torch.equal(first[0], plain_first[0])


def test_flip_mirrors_about_half_the_samples() -> None:
    x = torch.randn(400, 1, 4, 5)
    out = BatchAugment(AugmentConfig(horizontal_flip=True))(x, torch.Generator().manual_seed(0))
    flipped = (out == x.flip(-1)).flatten(1).all(1)
    kept = (out == x).flatten(1).all(1)
    assert bool((flipped | kept).all()) and 150 < int(flipped.sum()) < 250


def test_crop_with_padding_shifts_each_sample_by_at_most_the_padding() -> None:
    x = torch.rand(64, 2, 8, 8) + 1  # no zeros inside, so the padding shows
    out = BatchAugment(AugmentConfig(random_crop_padding=2))(x, torch.Generator().manual_seed(1))
    assert out.shape == x.shape
    shifts = set()
    for i in range(len(x)):
        for dy in range(-2, 3):
            for dx in range(-2, 3):
                shifted = torch.roll(x[i], (dy, dx), dims=(1, 2))
                inner = out[i, :, max(dy, 0) : 8 + min(dy, 0), max(dx, 0) : 8 + min(dx, 0)]
                part = shifted[:, max(dy, 0) : 8 + min(dy, 0), max(dx, 0) : 8 + min(dx, 0)]
                if torch.equal(inner, part) and (out[i] == 0).sum() == 2 * (
                    64 - (8 - abs(dy)) * (8 - abs(dx))
                ):
                    shifts.add((dy, dx))
                    break
            else:
                continue
            break
        else:
            pytest.fail(f"sample {i} is not a shifted crop")
    assert len(shifts) > 5  # offsets differ between samples


def test_rotation_turns_each_sample_about_the_centre_by_at_most_the_angle() -> None:
    x = torch.zeros(16, 1, 21, 31)  # centre pixel (10, 15); not square, to catch aspect errors
    x[:, :, 9:12, 22:25] = 1  # a blob 8 pixels right of the centre
    out = BatchAugment(AugmentConfig(rotation_degrees=30))(x, torch.Generator().manual_seed(2))
    assert out.shape == x.shape
    rows, cols = torch.meshgrid(torch.arange(21.0), torch.arange(31.0), indexing="ij")
    mass = out[:, 0].sum(dim=(1, 2))
    dy = (out[:, 0] * rows).sum(dim=(1, 2)) / mass - 10
    dx = (out[:, 0] * cols).sum(dim=(1, 2)) / mass - 15
    assert torch.allclose(torch.hypot(dx, dy), torch.full((16,), 8.0), atol=0.3)
    angles = torch.rad2deg(torch.atan2(dy, dx))
    assert angles.abs().max() <= 30.5 and angles.std() > 5  # each sample its own angle
    tiny = BatchAugment(AugmentConfig(rotation_degrees=1e-9))
    assert torch.allclose(tiny(x, torch.Generator()), x, atol=1e-5)


def test_augmentation_applies_to_training_images_only() -> None:
    data = load_data(DataConfig())
    augment = AugmentConfig(random_crop_padding=1, horizontal_flip=True)
    train = make_batches(data.train, 64, train=True, augment=augment)
    val = make_batches(data.val, 64, train=False, augment=augment)
    assert isinstance(train, TensorBatches) and train.augment is not None
    assert val.augment is None
    assert torch.equal(torch.cat([x for x, _ in val]), data.val.x)  # in order, untouched
    for x, _ in train:
        assert x.shape[1:] == (1, 8, 8)
    vectors = load_data(DataConfig(source="moons"))
    assert make_batches(vectors.train, 32, train=True, augment=augment).augment is None


def test_fits_in_memory_on_the_cpu_and_not_for_lazy_datasets() -> None:
    split = _images(4)
    assert fits_in_memory(split, "cpu")
    assert not fits_in_memory(torch.utils.data.TensorDataset(split.x, split.y), "cpu")
    lazy = make_batches(torch.utils.data.TensorDataset(split.x, split.y), 2, train=True)
    assert isinstance(lazy, LoaderBatches) and len(lazy) == 2


def test_empty_split_gives_no_batches() -> None:
    empty = TensorSplit(torch.zeros(0, 2), torch.zeros(0, dtype=torch.long))
    assert len(TensorBatches(empty, 8)) == 0 and list(TensorBatches(empty, 8)) == []
    assert list(loader_batches(empty, 8)) == []
