"""Unreadable images met while streaming: left out of their batch and named in the run's notes,
up to the share the preloaded path leaves out of a folder; more stop the run, naming them."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.streaming import StreamSplit
from netstudio.training.trainer import Trainer
from tests.training.test_streaming import _mlp, _noise_folder


def _config(streaming: str) -> DataConfig:
    return DataConfig(
        source="image_folder", params={"resize": 4}, streaming=streaming, normalize=False
    )  # type: ignore[arg-type]


def _run(data, epochs: int = 1):
    config = TrainingConfig(device="cpu", batch_size=16, epochs=epochs)
    return Trainer(_mlp(3 * 4 * 4, 3), data, config).run()


def test_an_unreadable_image_is_left_out_of_its_batch_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 1)
    root = _noise_folder(tmp_path, per_class=40)  # 120 images: 1 may be left out
    data = load_data(_config("always"), data_root=root)
    assert isinstance(data.train, StreamSplit)
    broken = Path(data.train.paths[7])
    broken.write_bytes(b"not an image")
    result = _run(data, epochs=2)
    assert result.failure is None, result.failure
    note = f"left out 1 unreadable image of 120 under {root} (up to 1% are left out): {broken}"
    assert note in result.notes
    assert result.notes.count(note) == 1
    # The preloaded path says the same of the same folder.
    assert load_data(_config("never"), data_root=root).notes == (note,)


def test_more_unreadable_images_than_the_share_stop_the_streamed_run(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path, per_class=40)
    data = load_data(_config("always"), data_root=root)
    assert isinstance(data.train, StreamSplit)
    for index in (1, 2, 3):
        Path(data.train.paths[index]).write_bytes(b"garbage")
    result = _run(data)
    assert result.status == "failed" and result.failure is not None
    assert result.failure.kind == "data"
    message = result.failure.message
    # Refused as soon as a second one is met (two, or all three when one batch holds them).
    assert message[1:].startswith(f" of the 120 images under {root} cannot be read, more than")
    assert message[0] in "23"
    assert "\n" not in message
