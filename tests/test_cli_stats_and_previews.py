"""`netstudio train --stats` (training health in the run folder and the JSON line) and
`netstudio check --preview-sample` (each node's value range on one real sample)."""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

import pytest

from netstudio.cli import main
from netstudio.training import health

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(capsys: pytest.CaptureFixture, out: Path, *extra: str) -> tuple[dict, Path]:
    args = ["train", str(EXAMPLES / "digits_mlp.net"), "--epochs", "1", "--out", str(out)]
    code = main([*args, "--json", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    summary = json.loads(captured.out.splitlines()[-1])
    (folder,) = out.iterdir()
    return summary, folder


def test_stats_writes_health_to_the_run_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every 8th batch rather than the time budget: the test must not hang on the clock.
    monkeypatch.setattr(health, "HealthOptions", functools.partial(health.HealthOptions, every=8))
    summary, folder = _run(capsys, tmp_path, "--stats")
    assert summary["health_warnings"] == []  # the healthy example is silent
    data = json.loads((folder / "health.json").read_text())
    assert [epoch["epoch"] for epoch in data["epochs"]] == list(range(1, summary["epochs"] + 1))
    first = data["epochs"][0]
    assert first["recordings"] >= 5
    assert set(first["nodes"]) == {"fc1", "relu1", "dropout", "fc2"}
    assert first["nodes"]["fc1"]["grad_norm"] > 0 and first["nodes"]["relu1"]["grad_norm"] is None
    assert data["warnings"] == []
    with open(folder / "health.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 * len(data["epochs"])
    assert rows[0]["epoch"] == "1" and rows[0]["node_id"] == "fc1" and rows[0]["node_name"] == "fc1"
    assert float(rows[1]["zeros"]) == pytest.approx(first["nodes"]["relu1"]["zeros"], rel=1e-5)
    result = json.loads((folder / "result.json").read_text())
    assert result["health_warnings"] == [] and "health" not in result["history"][0]


def test_without_stats_nothing_is_recorded(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    summary, folder = _run(capsys, tmp_path)
    assert "health_warnings" not in summary
    assert not (folder / "health.json").exists() and not (folder / "health.csv").exists()


def test_check_previews_a_training_sample(capsys: pytest.CaptureFixture) -> None:
    code = main(["check", str(EXAMPLES / "digits_mlp.net"), "--preview-sample", "3"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    start = lines.index("preview of training sample 3, label 3 (fresh weights):")
    ranges = lines[start + 1 : start + 7]
    assert [line.split()[0] for line in ranges] == [
        "input",
        "fc1",
        "relu1",
        "dropout",
        "fc2",
        "output",
    ]
    assert ranges[2].split()[1:3] == ["1×128", "0"]  # a ReLU's range starts at 0
    assert lines[-1] == "valid"


def test_check_refuses_a_sample_outside_the_data(capsys: pytest.CaptureFixture) -> None:
    code = main(["check", str(EXAMPLES / "digits_mlp.net"), "--preview-sample", "5000"])
    out = capsys.readouterr().out
    assert code == 1
    assert "error: sample 5000: the training split has 1,293 samples: give 0 to" in out
    assert out.splitlines()[-1] == "invalid: 1 error(s)"
