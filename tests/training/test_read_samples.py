"""Reading a split's samples outside the trainer: `read_samples` and `read_in_batches` give the
same samples from a split held in memory and from the same split streamed from disk, in
batches of bounded size, and name a file that cannot be read instead of raising."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from netstudio.training import loaded_data
from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import read_in_batches, read_samples
from netstudio.training.sources import load_data


def _folder(root: Path) -> Path:
    """30 small PNGs (6×6 RGB) in three class folders."""
    from PIL import Image

    rng = np.random.default_rng(2)
    for name in ("a", "b", "c"):
        (root / name).mkdir(parents=True)
        for i in range(10):
            Image.fromarray(rng.integers(0, 256, (6, 6, 3), dtype=np.uint8)).save(
                root / name / f"{i}.png"
            )
    return root


def _both(root: Path) -> tuple[loaded_data.LoadedData, loaded_data.LoadedData]:
    def config(streaming: str) -> DataConfig:
        return DataConfig(source="image_folder", params={"resize": 6}, streaming=streaming)  # type: ignore[arg-type]

    return load_data(config("always"), data_root=root), load_data(config("never"), data_root=root)


def test_a_streamed_split_reads_as_the_split_in_memory(tmp_path: Path, monkeypatch) -> None:
    streamed, held = _both(_folder(tmp_path / "images"))
    assert streamed.streaming and not held.streaming
    picked = read_samples(streamed.train, [4, 0, 7])
    same = read_samples(held.train, [4, 0, 7])
    assert picked.positions == same.positions == [4, 0, 7] and not picked.missing
    assert torch.allclose(picked.x, same.x, atol=1e-6) and torch.equal(picked.y, same.y)

    # Batches of two samples' bytes (and a little): every sample once, in order, either way.
    monkeypatch.setattr(loaded_data, "BATCH_BYTES", 2 * 3 * 6 * 6 * 4 + 100)
    for split, other in ((streamed.test, held.test), (held.test, streamed.test)):
        batches = list(read_in_batches(split))
        assert len(split) == 6 and [len(batch) for batch in batches] == [2, 2, 2]
        assert [p for batch in batches for p in batch.positions] == list(range(len(split)))
        x = torch.cat([batch.x for batch in batches])
        assert torch.allclose(x, read_samples(other, range(len(other))).x, atol=1e-6)


def test_a_file_gone_since_loading_is_named_and_the_rest_are_read(tmp_path: Path) -> None:
    streamed, held = _both(_folder(tmp_path / "images"))
    gone = Path(streamed.test.paths[1])
    gone.unlink()
    read = read_samples(streamed.test, [0, 1, 2])
    assert read.positions == [0, 2] and list(read.missing) == [1]
    assert str(gone) in str(read.missing[1]) and "Could not read the image" in str(read.missing[1])
    assert torch.allclose(read.x, held.test.x[[0, 2]], atol=1e-6)
    assert torch.equal(read.y, held.test.y[[0, 2]])
    (batch,) = read_in_batches(streamed.test)
    assert 1 not in batch.positions and list(batch.missing) == [1]
    alone = read_samples(streamed.test, [1])
    assert len(alone) == 0 and alone.x.shape == (0, 3, 6, 6) and len(alone.y) == 0


def test_a_streamed_table_reads_as_the_table_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    rows = [f"{i},{i % 5},{i * 0.5:.1f},{'xyz'[i % 3]}" for i in range(40)]
    path.write_text("p,q,r,label\n" + "\n".join(rows) + "\n")
    config = DataConfig(source="csv", params={"file": path.name}, streaming="always")
    streamed = load_data(config, data_root=tmp_path)
    held = load_data(config.model_copy(update={"streaming": "never"}), data_root=tmp_path)
    assert streamed.streaming and not held.streaming
    x = torch.cat([batch.x for batch in read_in_batches(streamed.test)])
    assert torch.allclose(x, held.test.x, atol=1e-5)
    assert torch.equal(read_samples(streamed.test, [3]).y, held.test.y[[3]])


def test_positions_out_of_range_are_an_error_of_the_caller(tmp_path: Path) -> None:
    _, held = _both(_folder(tmp_path / "images"))
    with pytest.raises(IndexError):
        read_samples(held.test, [len(held.test)])
