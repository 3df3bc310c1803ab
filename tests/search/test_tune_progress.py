"""`netstudio tune --progress`: the JSON lines the app's Search panel reads, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.cli import main
from netstudio.io import save_project
from netstudio.search.cli import tune_arguments, tune_parser
from tests.search.conftest import small_digits


def test_progress_lines_tell_each_trial_start_epochs_and_end(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "digits.net"
    save_project(small_digits(), path)
    storage = f"sqlite:///{tmp_path / 'study.db'}"
    arguments = tune_arguments(path, storage=storage, study="s", trials=1, out=tmp_path / "runs")
    assert main([*arguments, "--device", "cpu"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line[0] == "{"]
    kinds = [event.get("event") for event in events]
    assert kinds == ["study", "started", "epoch", "trial", None]
    assert events[0]["goal"] == "maximize" and events[0]["metric"] == "val_accuracy"
    started, epoch, trial = events[1:4]
    assert started["number"] == epoch["number"] == trial["number"] == 0
    assert set(started["params"]) == {"training.optimizer.lr", "fc1.out_features", "dropout.p"}
    assert epoch["epoch"] == 1 and 0 <= epoch["val_accuracy"] <= 1
    assert trial["state"] == "complete" and trial["value"] == epoch["val_accuracy"]
    assert trial["seconds"] > 0 and Path(trial["run_dir"]).parent == tmp_path / "runs"
    assert events[-1]["number"] == 0  # --json: the best trial, last


def test_the_apps_arguments_are_the_commands_own() -> None:
    options = tune_parser().parse_args(
        tune_arguments(
            Path("p.net"), storage="sqlite:///x.db", study="s", trials=3, seconds=90.5,
            data_root=Path("/data"),
        )[1:]
    )  # fmt: skip
    assert (options.trials, options.timeout, options.study) == (3, 90.5, "s")
    assert options.progress and options.json and options.data_root == Path("/data")
