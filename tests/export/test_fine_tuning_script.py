"""The exported training script fine-tunes as `netstudio train` does: frozen layers, per-layer
learning rates, gradual unfreezing, and the project's starting weights."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from netstudio.cli import main
from netstudio.training.starting_weights import starting_weights_path, write_starting_weights

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: An epoch's figures as either side prints them: train loss, accuracy, val loss, accuracy.
_FIGURES = re.compile(
    r"train loss ([\d.]+).*?acc(?:uracy)? ([\d.]+)%.*?val loss ([\d.]+).*?acc(?:uracy)? ([\d.]+)%"
)


def _project(tmp_path: Path, training: dict) -> Path:
    raw = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    raw["training"].update({"batch_size": 128, **training})  # few steps: a quick test
    path = tmp_path / "digits.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _netstudio_train(project: Path, out: Path, capsys) -> tuple[list[tuple[str, ...]], Path]:
    assert main(["train", str(project), "--device", "cpu", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    (folder,) = out.iterdir()
    return [_FIGURES.search(line).groups() for line in lines if line.startswith("epoch ")], folder


def _script_train(
    project: Path, tmp_path: Path, capsys, without_netstudio: str
) -> tuple[list[str], Path]:
    script = tmp_path / "script" / "train.py"
    assert (
        main(["export", str(project), "--format", "python", "--with-training", "-o", str(script)])
        == 0
    )
    capsys.readouterr()
    out = tmp_path / "script_weights.safetensors"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"OMP_NUM_THREADS": "1"}
    result = subprocess.run(
        [sys.executable, "-c", without_netstudio, str(script), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines(), out


def _initial_weights(project: Path) -> dict[str, torch.Tensor]:
    from netstudio.core.compiler import compile_graph
    from netstudio.io import load_project

    torch.manual_seed(0)  # the project's seed: both sides start from these
    return compile_graph(load_project(project).graph).state_dict()


@pytest.mark.parametrize(
    "training",
    [
        # fc1 frozen, fc2 at twice the rate (Adam).
        {"epochs": 2, "fine_tuning": {"frozen": ["fc1"], "lr_multipliers": {"fc2": 2.0}}},
        # fc1 frozen, then unfrozen after one epoch at a tenth of the rate, under one-cycle.
        {
            "epochs": 2,
            "optimizer": {"type": "sgd", "lr": 0.05, "momentum": 0.9},
            "schedule": {"type": "one_cycle"},
            "fine_tuning": {"frozen": ["fc1"], "unfreeze_every": 1, "lr_multipliers": {"fc1": 0.1}},
        },
    ],
    ids=["frozen_and_multiplier", "gradual_unfreezing"],
)
def test_the_script_fine_tunes_to_the_digit_as_netstudio_train(
    training: dict, tmp_path: Path, capsys, without_netstudio: str
) -> None:
    project = _project(tmp_path, training)
    ours, folder = _netstudio_train(project, tmp_path / "runs", capsys)
    lines, out = _script_train(project, tmp_path, capsys, without_netstudio)
    theirs = [_FIGURES.search(line).groups() for line in lines if _FIGURES.search(line)]
    assert theirs == ours and len(ours) == 2
    unfreezes = training["fine_tuning"].get("unfreeze_every")
    assert ("epoch 2: unfroze fc1" in lines) is bool(unfreezes)
    trained, script = load_file(str(folder / "last.safetensors")), load_file(str(out))
    for key, value in trained.items():
        torch.testing.assert_close(script[key], value, rtol=1e-4, atol=1e-5)
    initial = _initial_weights(project)
    kept = torch.equal(script["fc1.weight"], initial["fc1.weight"])
    assert kept is not bool(unfreezes)  # frozen throughout, or unfrozen for the last epoch
    assert not torch.equal(script["fc2.weight"], initial["fc2.weight"])


def test_the_script_starts_from_the_projects_starting_weights(
    tmp_path: Path, capsys, without_netstudio: str
) -> None:
    """Both sides start from the weights beside the project; fc1, frozen, stays as they had it."""
    project = _project(tmp_path, {"epochs": 1, "fine_tuning": {"frozen": ["fc1"]}})
    torch.manual_seed(7)
    starting = {k: torch.randn_like(v) for k, v in _initial_weights(project).items()}
    write_starting_weights(project, starting)
    assert starting_weights_path(project).is_file()
    ours, folder = _netstudio_train(project, tmp_path / "runs", capsys)
    lines, out = _script_train(project, tmp_path, capsys, without_netstudio)
    assert (tmp_path / "script" / "train.safetensors").is_file()  # written beside the script
    assert [_FIGURES.search(line).groups() for line in lines if _FIGURES.search(line)] == ours
    for weights in (load_file(str(out)), load_file(str(folder / "last.safetensors"))):
        assert torch.equal(weights["fc1.weight"], starting["fc1.weight"])
