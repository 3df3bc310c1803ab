"""Loading progress: files read of the total with an ETA, reported by the loaders to whoever
listens (the app's worker, the command line), only for a load over the threshold."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from netstudio.training import loading_progress
from netstudio.training.data_config import DataConfig
from netstudio.training.loading_progress import (
    LoadingProgress,
    TerminalProgress,
    loading_steps,
    reporting,
)
from netstudio.training.sources import load_data

EXAMPLES = Path(__file__).resolve().parents[2] / "netstudio" / "examples"


def _folder(root: Path, per_class: int = 8) -> Path:
    from PIL import Image

    rng = np.random.default_rng(5)
    for name in ("ant", "bee", "cow"):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            pixels = rng.integers(0, 256, (7, 9, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def test_a_slow_load_reports_monotonic_counts_ending_at_the_total(tmp_path: Path) -> None:
    root = _folder(tmp_path / "images")
    config = DataConfig(source="image_folder", params={"resize": 6}, streaming="never")
    got: list[LoadingProgress] = []
    with reporting(got.append, threshold=0, interval=0):
        data = load_data(config, data_root=root)
    assert got, "nothing was reported"
    assert {p.what for p in got} == {"decoding images"}
    counts = [p.done for p in got]
    assert counts == sorted(counts) and counts[0] >= 1
    assert counts[-1] == got[-1].total == 24 == len(data.train) + len(data.val) + len(data.test)
    assert got[-1].line() == "decoding images: 24 / 24 files"  # done: no ETA
    assert got[-1].fraction == 1.0


def test_a_quick_load_reports_nothing(tmp_path: Path) -> None:
    root = _folder(tmp_path / "images", per_class=2)
    config = DataConfig(source="image_folder", params={"resize": 6}, streaming="never")
    got: list[LoadingProgress] = []
    with reporting(got.append, threshold=60):
        load_data(config, data_root=root)
    assert got == []
    with loading_steps("nobody listens", 3) as step:  # no listener: counting costs nothing
        step(3)


def test_a_streamed_folder_reports_its_statistics_sample_and_decodes_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import netstudio.training.streaming as streaming

    root = _folder(tmp_path / "images", per_class=20)
    monkeypatch.setattr(streaming, "STATS_SAMPLE", 10)
    decoded: list[str] = []
    real = streaming.read_image

    def counting(path: str, *args: object) -> np.ndarray:
        decoded.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(streaming, "read_image", counting)
    got: list[LoadingProgress] = []
    config = DataConfig(source="image_folder", params={"resize": 6}, streaming="always")
    with reporting(got.append, threshold=0, interval=0):
        data = load_data(config, data_root=root)
    assert len(decoded) == 10  # the sample, never the folder
    assert [p.done for p in got][-1] == 10 and got[-1].what == "normalisation statistics"
    assert data.stats_sample == 10
    assert data.loading.endswith(f"; mean/std from 10 of {len(data.train)} training images")


def test_the_eta_follows_the_pace_so_far() -> None:
    progress = LoadingProgress("decoding images", 250, 1000, 5.0)
    assert progress.eta == pytest.approx(15.0)
    assert progress.line() == "decoding images: 250 / 1,000 files · ETA 0:15"
    assert LoadingProgress("x", 0, 10, 1.0).eta is None


def test_the_terminal_gets_one_line_rewritten_in_place_and_a_log_gets_lines() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    with TerminalProgress(terminal) as show:
        show(LoadingProgress("decoding images", 5, 10, 1.0))
        show(LoadingProgress("decoding images", 10, 10, 2.0))
    assert terminal.getvalue() == (
        "\rloading: decoding images: 5 / 10 files · ETA 0:01"
        "\rloading: decoding images: 10 / 10 files" + " " * 10 + "\n"
    )
    broken = Terminal()
    with TerminalProgress(broken) as show:  # the load failed part way: the line is ended
        show(LoadingProgress("decoding images", 5, 10, 1.0))
    assert broken.getvalue().endswith("ETA 0:01\n")
    log = io.StringIO()
    show = TerminalProgress(log, every=60)
    for done in (1, 2, 3, 4):
        show(LoadingProgress("decoding images", done, 4, done))
    assert log.getvalue().splitlines() == [
        "loading: decoding images: 1 / 4 files · ETA 0:03",
        "loading: decoding images: 4 / 4 files",
    ]


def test_train_prints_the_loading_progress_on_stderr_only(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netstudio.cli import main
    from netstudio.io import load_project, save_project

    monkeypatch.setattr(loading_progress, "THRESHOLD", 0.0)
    root = _folder(tmp_path / "images", per_class=4)
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.data = {"source": "image_folder", "params": {"resize": 4}, "root": str(root)}
    project.graph.set_params("input", {"shape": (3 * 4 * 4,)})
    project.graph.set_params("fc2", {"out_features": 3})
    path = tmp_path / "images.net"
    save_project(project, path)
    args = ["--epochs", "1", "--device", "cpu", "--out", str(tmp_path / "runs"), "--json"]
    assert main(["train", str(path), *args]) == 0
    captured = capsys.readouterr()
    assert "loading: decoding images: 12 / 12 files" in captured.err.splitlines()
    assert "loading:" not in captured.out
    assert json.loads(captured.out.splitlines()[-1])["epochs"] == 1
