"""Loading progress of the files read whole or in chunks: a CSV table's rows, the images of
MNIST-format IDX files and CIFAR-10's batch files, on the preloaded and the streamed path, each
counted a chunk at a time up to the total (files generated here, in the official formats)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
import torchvision.datasets.cifar

from netstudio.training import csv_source, loading_progress, streaming_formats, torchvision_sources
from netstudio.training.data_config import DataConfig
from netstudio.training.loading_progress import LoadingProgress, reporting
from netstudio.training.sources import load_data
from tests.training.conftest import (
    CIFAR_PER_BATCH,
    CIFAR_TEST,
    MNIST_TEST,
    MNIST_TRAIN,
    write_cifar,
    write_mnist,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "netstudio" / "examples"


def _csv(path: Path, rows: int, blank_lines: int = 0) -> Path:
    """`rows` rows of three numbers and a class (owl, cat, dog); `blank_lines` blank lines at
    the end (the line count is then more than the rows)."""
    rng = np.random.default_rng(0)
    lines = ["a,b,c,kind"]
    for i in range(rows):
        a, b, c = rng.normal(size=3)
        lines.append(f"{a:.4f},{b:.4f},{c:.4f},{('owl', 'cat', 'dog')[i % 3]}")
    path.write_text("\n".join(lines) + "\n" * (1 + blank_lines))
    return path


def _load(config: DataConfig, root: Path) -> list[LoadingProgress]:
    got: list[LoadingProgress] = []
    with reporting(got.append, threshold=0, interval=0):
        load_data(config, data_root=root)
    return got


def _of(got: list[LoadingProgress], what: str) -> list[LoadingProgress]:
    found = [p for p in got if p.what == what]
    counts = [p.done for p in found]
    assert counts and counts == sorted(counts), (what, counts)
    return found


@pytest.mark.parametrize("streaming", ["never", "always"])
def test_a_csv_table_reports_its_rows_a_chunk_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streaming: str
) -> None:
    monkeypatch.setattr(csv_source, "CHUNK_CELLS", 10 * 4)  # chunks of 10 rows of 4 columns
    _csv(tmp_path / "train.csv", 95, blank_lines=2)
    params = {"file": "train.csv", "label_column": "kind"}
    config = DataConfig(source="csv", params=params, streaming=streaming)  # type: ignore[arg-type]
    reading = _of(_load(config, tmp_path), "reading train.csv")
    assert {p.unit for p in reading} == {"rows"}
    # One step a chunk (never a row): 10 chunks, then the blank lines' share at the end.
    assert [p.done for p in reading] == [*range(10, 100, 10), 95, 97]
    assert reading[-1].total == 97  # the data lines counted up front: an upper bound
    assert reading[-1].line() == "reading train.csv: 97 / 97 rows"


def test_a_streamed_table_reports_the_rows_of_its_statistics_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _csv(tmp_path / "train.csv", 120)
    monkeypatch.setattr(streaming_formats, "STATS_CHUNK_BYTES", 3 * 4 * 25)  # 25 rows a chunk
    config = DataConfig(source="csv", params={"file": "train.csv"}, streaming="always")
    stats = _of(_load(config, tmp_path), "normalisation statistics")
    train = stats[-1].total
    assert [p.done for p in stats] == [*range(25, train, 25), train]
    assert {p.unit for p in stats} == {"rows"}


@pytest.mark.parametrize("streaming", ["never", "always"])
def test_mnist_idx_files_report_the_images_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streaming: str
) -> None:
    write_mnist(tmp_path)
    monkeypatch.setattr(torchvision_sources, "IDX_CHUNK", 64)
    monkeypatch.setattr(streaming_formats, "STATS_CHUNK_BYTES", 28 * 28 * 4 * 50)
    config = DataConfig(source="mnist", streaming=streaming)  # type: ignore[arg-type]
    got = _load(config, tmp_path)
    if streaming == "never":  # read into memory: both files, 64 images at a time
        reading = _of(got, "reading MNIST")
        assert [p.done for p in reading] == [64, 128, 192, 200, 250]
        assert reading[-1].line() == f"reading MNIST: {MNIST_TRAIN + MNIST_TEST} / 250 images"
    else:  # memory-mapped where it lies: only the statistics pass reads the images
        assert not [p for p in got if p.what == "reading MNIST"]
        stats = _of(got, "normalisation statistics")
        assert [p.done for p in stats][-1] == stats[-1].total == 180  # 90 % of 200 train
        assert len(stats) == 4 and {p.unit for p in stats} == {"images"}


@pytest.fixture
def generated_cifar_passes_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated batches pass torchvision's check of the official checksums."""
    monkeypatch.setattr(torchvision.datasets.CIFAR10, "_check_integrity", lambda self: True)
    monkeypatch.setattr(
        torchvision.datasets.cifar, "check_integrity", lambda path, md5=None: os.path.isfile(path)
    )


@pytest.mark.usefixtures("generated_cifar_passes_checks")
@pytest.mark.parametrize("streaming", ["never", "always"])
def test_cifar10_reports_its_batch_files(tmp_path: Path, streaming: str) -> None:
    write_cifar(tmp_path)
    config = DataConfig(source="cifar10", streaming=streaming)  # type: ignore[arg-type]
    got: list[LoadingProgress] = []
    with reporting(got.append, threshold=0, interval=0):
        data = load_data(config, data_root=tmp_path)
    reading = _of(got, "reading CIFAR-10")
    assert [p.done for p in reading] == [1, 2, 3, 4, 5, 6]
    assert reading[-1].line() == "reading CIFAR-10: 6 / 6 files"
    assert len(data.train) + len(data.val) == 5 * CIFAR_PER_BATCH
    assert len(data.test) == CIFAR_TEST


def test_a_cifar10_file_that_fails_its_checksum_is_never_unpickled(tmp_path: Path) -> None:
    from netstudio.training.loaded_data import DataError

    write_cifar(tmp_path)
    got: list[LoadingProgress] = []
    with (
        reporting(got.append, threshold=0, interval=0),
        pytest.raises(DataError, match="official CIFAR-10 checksums"),
    ):
        load_data(DataConfig(source="cifar10"), data_root=tmp_path)
    assert got == []  # the first file failed: nothing read, and no "done" line


def test_the_lines_of_images_and_rows_with_and_without_an_eta() -> None:
    assert LoadingProgress("reading d.csv", 250, 1000, 5.0, "rows").line() == (
        "reading d.csv: 250 / 1,000 rows · ETA 0:15"
    )
    assert LoadingProgress("reading MNIST", 7, 7, 1.0, "images").line() == (
        "reading MNIST: 7 / 7 images"
    )
    message = LoadingProgress("reading MNIST", 3, 7, 1.0, "images").line()
    assert message.code == "data.progress-images-eta"


def test_train_prints_the_rows_read_of_a_csv_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netstudio.cli import main
    from netstudio.io import load_project, save_project

    monkeypatch.setattr(loading_progress, "THRESHOLD", 0.0)  # every load is "slow" here
    table = _csv(tmp_path / "animals.csv", 90)
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.data = {"source": "csv", "params": {"file": str(table)}}
    project.graph.set_params("input", {"shape": (3,)})
    project.graph.set_params("fc2", {"out_features": 3})
    path = tmp_path / "animals.net"
    save_project(project, path)
    args = ["--epochs", "1", "--device", "cpu", "--out", str(tmp_path / "runs"), "--json"]
    assert main(["train", str(path), *args]) == 0
    captured = capsys.readouterr()
    assert "loading: reading animals.csv: 90 / 90 rows" in captured.err.splitlines()
    assert "loading:" not in captured.out
    assert json.loads(captured.out.splitlines()[-1])["epochs"] == 1
