"""`netstudio tune`: one line per trial, the best as JSON, resuming, refusals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from netstudio.cli import main
from netstudio.io import Project, load_project, loads_project, save_project
from tests.search.conftest import small_digits


def _tune(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, list[str], str]:
    code = main(["tune", *(str(a) for a in args)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _saved(project: Project, tmp_path: Path) -> Path:
    path = tmp_path / "digits.net"
    save_project(project, path)
    return path


def test_the_search_section_is_kept_by_the_file_and_left_out_when_empty(tmp_path: Path) -> None:
    path = _saved(small_digits(), tmp_path)
    assert load_project(path).search == small_digits().search
    broken = json.loads(path.read_text())
    plain = small_digits()
    plain.search = {}
    assert '"search"' not in _saved(plain, tmp_path).read_text()
    broken["search"]["parameters"][1]["domain"]["low"] = 0.5
    lenient = loads_project(json.dumps(broken), strict=False)
    assert str(lenient.problems[0]) == (
        "search.parameters[1].domain.low: an int range takes whole numbers: make it a float "
        "range, got 0.5"
    )


def test_running_tune_again_adds_trials_to_the_same_study(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _saved(small_digits(), tmp_path)
    code, lines, _ = _tune(capsys, path, "--trials", "1", "--device", "cpu")
    assert code == 0
    assert lines[0].startswith("study digits: 0 earlier trials; searching training.optimizer.lr")
    assert lines[1].startswith("trial 0 · training.optimizer.lr=")
    assert " · complete · " not in lines[1] and " · val_accuracy " in lines[1]
    assert (tmp_path / "digits.tune.db").is_file()

    code, lines, _ = _tune(capsys, path, "--trials", "1", "--device", "cpu", "--json")
    assert code == 0
    assert lines[0].startswith("study digits: 1 earlier trials")
    assert lines[1].startswith("trial 1 · ")
    best = json.loads(lines[-1])
    assert set(best) >= {"number", "value", "values", "params", "state"}
    assert best["number"] in (0, 1) and best["state"] == "complete"
    assert set(best["params"]) == {"training.optimizer.lr", "fc1.out_features", "dropout.p"}
    assert len(list((tmp_path / "digits.runs").iterdir())) == 2


def test_an_unreachable_database_is_one_line_without_its_password_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _saved(small_digits(), tmp_path)
    url = "postgresql://ann:s3cret@127.0.0.1:9/studies"
    code, lines, err = _tune(capsys, path, "--storage", url)
    assert code == 2 and lines == []
    (line,) = err.splitlines()
    assert line.startswith(
        "error: cannot reach the study database postgresql://ann:***@127.0.0.1:9"
    )
    assert "s3cret" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.net"]


def test_a_search_that_no_longer_fits_the_project_is_refused_with_the_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = small_digits()
    project.search["parameters"][1]["target"] = "fc9.out_features"
    path = _saved(project, tmp_path)
    code, lines, err = _tune(capsys, path)
    assert code == 2 and lines == []
    assert err == (
        f"error: {path}: search.parameters[1]: fc9.out_features: there is no node fc9 — "
        "remove it from the search or pick another\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.net"]
    with pytest.raises(SystemExit) as exited:
        _tune(capsys, path, "--trials", "0")
    assert exited.value.code == 2 and "--trials: must be at least 1" in capsys.readouterr().err


def test_a_study_killed_mid_trial_resumes_where_it_stopped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _saved(small_digits(epochs=1), tmp_path)
    env = os.environ | {"OMP_NUM_THREADS": "1"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "netstudio", "tune", str(path), "--trials", "500"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert worker.stdout is not None
        for line in worker.stdout:
            if line.startswith("trial 1 "):  # two trials done, the third under way
                break
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait()
    code, lines, _ = _tune(capsys, path, "--trials", "1", "--device", "cpu")
    assert code == 0
    earlier = int(lines[0].split(": ")[1].split()[0])
    assert earlier >= 2  # two complete, maybe one left running by the kill
    assert lines[1].startswith(f"trial {earlier} · ")
