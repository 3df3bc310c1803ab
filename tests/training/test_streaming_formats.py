"""Streaming MNIST-format IDX files, CIFAR-10 batches and CSV tables: the same splits,
normalisation and batches as the preloaded path for the same seed, on small files generated in
the official formats; the budget picks streaming; a temporary copy never outlives its data."""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import numpy as np
import pytest
import torch
import torchvision.datasets.cifar

from netstudio.training import csv_source
from netstudio.training.batches import LoaderBatches, TensorBatches, make_batches
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import DataError, LoadedData, TensorSplit, feature_stats
from netstudio.training.sources import load_data
from netstudio.training.streaming_formats import RowSplit, row_stats
from netstudio.training.trainer import Trainer
from tests.training.conftest import chain_graph, write_cifar, write_mnist


def _pair(source: str, root: Path, **fields: object) -> tuple[LoadedData, LoadedData]:
    """The data read in memory and streamed from disk, with the same settings."""
    fast = load_data(DataConfig(source=source, streaming="never", **fields), data_root=root)  # type: ignore[arg-type]
    streamed = load_data(DataConfig(source=source, streaming="always", **fields), data_root=root)  # type: ignore[arg-type]
    assert isinstance(fast.train, TensorSplit) and isinstance(streamed.train, RowSplit)
    assert streamed.streaming and not fast.streaming
    assert streamed.loading.startswith("streaming from disk: the data settings ask for it")
    assert fast.loading.startswith("in memory: the data settings turn streaming off")
    return fast, streamed


def _batches(batches) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x.clone(), y.clone()) for x, y in batches]


def _same_batches(fast: LoadedData, streamed: LoadedData, workers: int = 0) -> None:
    """Every split's labels, and the shuffled training and ordered validation batches of two
    epochs, equal (samples to float32 rounding of the statistics)."""
    assert fast.summary() == streamed.summary()
    assert fast.classes == streamed.classes
    for name in ("train", "val", "test"):
        assert torch.equal(getattr(fast, name).y, getattr(streamed, name).y), name
    for train in (True, False):
        split = "train" if train else "val"
        a = make_batches(getattr(fast, split), 16, train=train, seed=3)
        b = make_batches(getattr(streamed, split), 16, train=train, seed=3, num_workers=workers)
        assert isinstance(a, TensorBatches) and isinstance(b, LoaderBatches)
        for epoch in (0, 1) if train else (0,):
            a.set_epoch(epoch)
            b.set_epoch(epoch)
            ours, theirs = _batches(a), _batches(b)
            assert len(ours) == len(theirs)
            for (xa, ya), (xb, yb) in zip(ours, theirs, strict=True):
                assert torch.equal(ya, yb)
                torch.testing.assert_close(xa, xb, rtol=0, atol=1e-6)


def test_mnist_idx_files_stream_as_they_preload(tmp_path: Path) -> None:
    write_mnist(tmp_path)
    fast, streamed = _pair("mnist", tmp_path)
    assert fast.mean == streamed.mean and fast.std == streamed.std  # one chunk: the same numbers
    assert streamed.input_shape == (1, 28, 28)
    # one worker process reads the memory-mapped file, as a real streamed run does
    _same_batches(fast, streamed, workers=1)
    raw = fast.train.x[0] * fast.std[0] + fast.mean[0]  # the pixel [0, 0] holds the label
    assert round(float(raw[0, 0, 0]) * 255) == int(fast.train.y[0])


@pytest.fixture
def generated_cifar_passes_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated batches pass torchvision's check of the official checksums."""
    monkeypatch.setattr(torchvision.datasets.CIFAR10, "_check_integrity", lambda self: True)
    monkeypatch.setattr(
        torchvision.datasets.cifar, "check_integrity", lambda path, md5=None: os.path.isfile(path)
    )


@pytest.mark.usefixtures("generated_cifar_passes_checks")
def test_cifar10_batches_stream_as_they_preload(tmp_path: Path) -> None:
    write_cifar(tmp_path)
    fast, streamed = _pair("cifar10", tmp_path)
    assert fast.mean == streamed.mean and fast.std == streamed.std
    assert "the images copied once to a temporary file" in streamed.loading
    _same_batches(fast, streamed)
    # over the memory budget, the automatic choice streams and says why
    tight = load_data(DataConfig(source="cifar10", memory_budget_mb=1), data_root=tmp_path)
    assert isinstance(tight.train, RowSplit)
    assert tight.loading.startswith("streaming from disk: the data needs ~878.9 MiB in memory")


def test_cifar10_files_that_fail_the_checksum_are_not_unpickled_when_streaming(
    tmp_path: Path,
) -> None:
    write_cifar(tmp_path)
    with pytest.raises(DataError, match="official CIFAR-10 checksums"):
        load_data(DataConfig(source="cifar10", streaming="always"), data_root=tmp_path)


def _csv(path: Path, rows: int, seed: int, label: str = "kind") -> Path:
    rng = np.random.default_rng(seed)
    lines = [f"a,b,c,{label}"]
    for i in range(rows):
        a, b, c = rng.normal(size=3) * (1, 10, 100) + (0, 5, -50)
        lines.append(f"{a:.4f},{b:.4f},{c:.3f},{('owl', 'cat', 'dog')[i % 3]}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_csv_table_streams_in_chunks_as_it_preloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_source, "CHUNK_CELLS", 7 * 4)  # many chunks of 7 rows
    _csv(tmp_path / "train.csv", 90, 0)
    _csv(tmp_path / "test.csv", 25, 1)
    params = {"file": "train.csv", "test_file": "test.csv", "label_column": "kind"}
    fast, streamed = _pair("csv", tmp_path, params=params)
    assert streamed.classes == ["cat", "dog", "owl"]
    assert fast.mean == streamed.mean and fast.std == streamed.std
    assert "the numbers copied once to a temporary file" in streamed.loading
    _same_batches(fast, streamed)
    regression = {"file": "train.csv", "label_column": "c", "feature_columns": "a,b"}
    fast, streamed = _pair("csv", tmp_path, params={**regression, "task": "regression"})
    _same_batches(fast, streamed)


def test_statistics_over_several_chunks_are_the_preloaded_ones(tmp_path: Path) -> None:
    write_mnist(tmp_path)
    data = load_data(DataConfig(source="mnist", streaming="always"), data_root=tmp_path)
    images = load_data(
        DataConfig(source="mnist", streaming="always", normalize=False), data_root=tmp_path
    )
    assert isinstance(images.train, RowSplit)
    mean, std = row_stats(images.train, chunk_bytes=30 * 28 * 28 * 4)  # 30 images a chunk
    exact_mean, exact_std = feature_stats(images.train.values(range(len(images.train))))
    assert mean == pytest.approx(exact_mean.tolist(), rel=1e-6)
    assert std == pytest.approx(exact_std.tolist(), rel=1e-6)
    assert data.mean == pytest.approx(mean, rel=1e-6)


def _temporary_rows() -> set[str]:
    return {
        name for name in os.listdir(tempfile.gettempdir()) if name.startswith("netstudio-rows-")
    }


def test_a_bad_cell_is_named_and_the_temporary_copy_goes_with_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_source, "CHUNK_CELLS", 7 * 4)  # chunks of 7 rows of 4 columns
    path = _csv(tmp_path / "train.csv", 30, 0)
    before = _temporary_rows()
    data = load_data(
        DataConfig(source="csv", streaming="always", params={"file": "train.csv"}),
        data_root=tmp_path,
    )
    assert isinstance(data.train, RowSplit)
    copy = Path(data.train.rows.path)
    assert copy.name in _temporary_rows() - before
    del data
    gc.collect()
    assert not copy.exists()
    lines = path.read_text().splitlines()
    lines[20] = "0.5,oops,1,cat"  # in the third chunk
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"train.csv line 21, column 'b': 'oops' is not a number"):
        load_data(
            DataConfig(source="csv", streaming="always", params={"file": "train.csv"}),
            data_root=tmp_path,
        )
    assert _temporary_rows() <= before


def test_the_trainer_streams_a_table_with_the_losses_of_the_preloaded_run(tmp_path: Path) -> None:
    _csv(tmp_path / "train.csv", 120, 0)
    layers = [("Linear", "fc", {"out_features": 3})]
    results = []
    for streaming in ("never", "always"):
        data = load_data(
            DataConfig(source="csv", streaming=streaming, params={"file": "train.csv"}),
            data_root=tmp_path,
        )
        config = TrainingConfig(epochs=2, batch_size=16, seed=1)
        results.append(Trainer(chain_graph([3], layers), data, config).run())
    fast, streamed = results
    assert fast.failure is None and streamed.failure is None, streamed.failure
    for a, b in zip(fast.epochs, streamed.epochs, strict=True):
        assert a.train_loss == pytest.approx(b.train_loss, abs=1e-6)
        assert a.val_loss == pytest.approx(b.val_loss, abs=1e-6)
    assert fast.test_accuracy == streamed.test_accuracy
    assert streamed.notes[-1].startswith("streaming from disk: the data settings ask for it")
