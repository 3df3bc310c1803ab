"""The decoded-image cache of a streamed folder: later epochs read it instead of decoding, the
batches are the ones without it, a changed image is decoded again, and a dataset too large for
the disk turns it off with a note."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import torch

from netstudio.training import decoded_cache
from netstudio.training.batches import make_batches
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.streaming import StreamSplit


def _folder(root: Path, per_class: int = 6) -> Path:
    from PIL import Image

    rng = np.random.default_rng(9)
    for name in ("ant", "bee", "cow"):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            pixels = rng.integers(0, 256, (9, 8, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def _config(cache: bool, normalize: bool = True) -> DataConfig:
    return DataConfig(
        source="image_folder",
        params={"resize": 5},
        streaming="always",
        decoded_cache=cache,
        normalize=normalize,
    )


@pytest.fixture(autouse=True)
def room_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache has room, whatever this machine's disk holds (it is off, with a note, where
    the disk is 90 % full: tests that want that say so)."""
    monkeypatch.setattr(decoded_cache, "usable_bytes", lambda folder: 2**40)


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The images decoded (in this process), with the cache in a folder of the test's own."""
    import netstudio.training.streaming as streaming

    monkeypatch.setenv(decoded_cache.CACHE_ENV, str(tmp_path / "cache"))
    seen: list[str] = []
    real = streaming.read_image

    def counting(path: str, *args: object) -> np.ndarray:
        seen.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(streaming, "read_image", counting)
    return seen


def _epochs(split: StreamSplit, count: int) -> list[list[tuple[torch.Tensor, torch.Tensor]]]:
    batches = make_batches(split, 4, train=True, seed=2, num_workers=0)
    out = []
    for epoch in range(count):
        batches.set_epoch(epoch)
        out.append([(x.clone(), y.clone()) for x, y in batches])
    return out


def test_the_second_epoch_reads_the_cache_with_the_same_batches(
    tmp_path: Path, decodes: list[str]
) -> None:
    root = _folder(tmp_path / "images")
    plain = load_data(_config(False, normalize=False), data_root=root)
    cached = load_data(_config(True, normalize=False), data_root=root)
    assert isinstance(cached.train, StreamSplit) and cached.train.cache is not None
    assert plain.train.cache is None  # type: ignore[union-attr]
    assert "decoded images cached on disk in " in cached.loading
    assert decodes == []  # nothing decoded before the first batch
    without = _epochs(plain.train, 2)  # type: ignore[arg-type]
    decodes.clear()
    batches = make_batches(cached.train, 4, train=True, seed=2, num_workers=0)
    first = [(x.clone(), y.clone()) for x, y in batches]
    assert len(decodes) == len(cached.train)  # the first epoch decodes every image once
    decodes.clear()
    batches.set_epoch(1)
    second = [(x.clone(), y.clone()) for x, y in batches]
    assert decodes == []  # the second one reads them all back from the cache
    for got, want in ((first, without[0]), (second, without[1])):
        assert len(got) == len(want)
        for (xa, ya), (xb, yb) in zip(got, want, strict=True):
            assert torch.equal(xa, xb) and torch.equal(ya, yb)
    cached_files = list((tmp_path / "cache").rglob("*.npy"))
    assert len(cached_files) == len(cached.train)
    assert cached_files[0].parent.parent.name == "5x5x3"  # one folder per resolution

    # An image changed on disk is decoded again, never read stale from the cache.
    changed = cached.train.paths[0]
    stat = os.stat(changed)
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    decodes.clear()
    cached.train[0]
    assert decodes == [changed]


def test_the_cache_is_used_by_the_loader_workers_and_the_statistics_sample(
    tmp_path: Path, decodes: list[str]
) -> None:
    root = _folder(tmp_path / "images")
    data = load_data(_config(True), data_root=root)  # the statistics decode the training split
    assert len(decodes) == len(data.train)
    batches = make_batches(data.train, 4, train=True, seed=2, num_workers=1)
    reference = make_batches(
        load_data(_config(False), data_root=root).train, 4, train=True, seed=2, num_workers=0
    )
    for (xa, ya), (xb, yb) in zip(batches, reference, strict=True):
        assert torch.equal(xa, xb) and torch.equal(ya, yb)


def test_a_dataset_too_large_for_the_disk_turns_the_cache_off_with_a_note(
    tmp_path: Path, decodes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netstudio.training.config import TrainingConfig
    from netstudio.training.trainer import Trainer
    from tests.training.test_streaming import _mlp

    root = _folder(tmp_path / "images")
    monkeypatch.setattr(decoded_cache, "usable_bytes", lambda folder: 40_000)
    data = load_data(_config(True), data_root=root)
    assert isinstance(data.train, StreamSplit) and data.train.cache is None
    need = decoded_cache.gib(decoded_cache.cached_bytes(18, (5, 5, 3)))
    note = (
        f"the decoded-image cache is off: the decoded images need ~{need} on disk and only "
        f"39.1 KiB can be used at {tmp_path / 'cache' / '5x5x3'} (it keeps 10% of the disk "
        "free); every epoch decodes the images again"
    )
    assert data.notes == (note,)
    assert "cached on disk" not in data.loading
    config = TrainingConfig(device="cpu", batch_size=8, epochs=1)
    result = Trainer(_mlp(3 * 5 * 5, 3), data, config).run()
    assert result.failure is None and note in result.notes
    assert not (tmp_path / "cache").exists()


def test_a_cached_file_that_is_not_whole_is_decoded_again(tmp_path: Path) -> None:
    cache = decoded_cache.DecodedCache(tmp_path, 2, 3, 1, False)
    where = tmp_path / "ab" / "x.npy"
    image = np.arange(6, dtype=np.uint8).reshape(2, 3, 1)
    cache.store(where, image)
    assert np.array_equal(cache.load(where), image)
    where.write_bytes(where.read_bytes()[:-3])  # cut short
    assert cache.load(where) is None
    np.save(where, image.astype(np.float32))  # another kind of array
    assert cache.load(where) is None
