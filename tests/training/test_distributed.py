"""`torchrun --nproc_per_node 2 -m netstudio train`: two CPU processes (gloo) train as one
process with the same global batch would, only rank 0 writes the run, and --resume goes on."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from netstudio.training.batches import TensorBatches, loader_batches, make_batches
from netstudio.training.loaded_data import TensorSplit

EXAMPLES = Path(__file__).resolve().parents[2] / "netstudio" / "examples"
TORCHRUN = shutil.which("torchrun", path=str(Path(sys.executable).parent)) or shutil.which(
    "torchrun"
)


def test_the_ranks_share_each_global_batch_on_both_paths() -> None:
    x = torch.arange(53, dtype=torch.float32).reshape(53, 1)
    split = TensorSplit(x, torch.arange(53) % 3)
    whole = [y for _, y in TensorBatches(split, 8, seed=2)]
    for make in (
        lambda shard: make_batches(split, 8, train=True, seed=2, shard=shard),
        lambda shard: loader_batches(split, 8, seed=2, shard=shard),
    ):
        parts = [list(make((rank, 2))) for rank in (0, 1)]
        assert len(parts[0]) == len(parts[1]) == len(whole)  # every rank takes every step
        for step, wanted in enumerate(whole):
            got = torch.cat([parts[0][step][1], parts[1][step][1]])
            assert sorted(got.tolist()) == sorted(wanted.tolist())
    # a last global batch of one sample cannot feed two ranks: it is left out on both
    odd = TensorSplit(x[:17], torch.arange(17) % 3)
    assert len(make_batches(odd, 8, train=True, shard=(1, 2))) == 2


def _project(tmp_path: Path) -> Path:
    """digits_mlp without its dropout (random masks differ between one and two processes)."""
    from netstudio.io import load_project, save_project

    project = load_project(EXAMPLES / "digits_mlp.net")
    project.graph.set_params("dropout", {"p": 0.0})
    path = tmp_path / "digits.net"
    save_project(project, path)
    return path


def _summary(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.mark.skipif(TORCHRUN is None, reason="torchrun is not installed beside this Python")
def test_torchrun_with_two_processes_trains_as_one_process_and_resumes(tmp_path: Path) -> None:
    from netstudio.cli import main

    assert TORCHRUN is not None
    project = _project(tmp_path)
    common = ["--batch-size", "64", "--device", "cpu", "--json"]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    torchrun = [TORCHRUN, "--standalone", "--nproc_per_node", "2", "-m", "netstudio"]
    # the two-process run in the background while this process trains the one-process run
    two_process = subprocess.Popen(
        [
            *torchrun,
            "train",
            str(project),
            "--epochs",
            "1",
            "--out",
            str(tmp_path / "two"),
            *common,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        code = main(
            ["train", str(project), "--epochs", "2", "--out", str(tmp_path / "one"), *common]
        )
    assert code == 0
    one = _summary(text.getvalue())
    lines = [line for line in text.getvalue().splitlines() if line.startswith("epoch ")]
    stdout, stderr = two_process.communicate(timeout=120)
    assert two_process.returncode == 0, stderr[-2000:]
    two = _summary(stdout)
    assert stdout.count("training on cpu") == 1  # rank 0 alone prints
    runs = list((tmp_path / "two").iterdir())
    assert len(runs) == 1 and Path(two["run_dir"]) == runs[0]  # rank 0 alone writes

    first_epoch = lines[0]
    loss = float(first_epoch.split("train loss ")[1].split()[0])
    assert two["train_loss"] == pytest.approx(loss, abs=1e-3)

    resumed = subprocess.run(
        [*torchrun, "train", str(project), "--epochs", "2", "--resume", two["run_dir"], *common],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    after = _summary(resumed.stdout)
    assert "resuming after epoch 1" in resumed.stdout
    assert after["epochs"] == 2
    for key in ("train_loss", "val_loss", "test_loss"):
        # the last batch of an epoch (13 samples) splits 7/6 between the ranks, and DDP weighs the
        # two halves equally: epoch 2 starts from slightly other weights
        assert after[key] == pytest.approx(one[key], rel=5e-3), key
    assert after["test_accuracy"] == pytest.approx(one["test_accuracy"], abs=0.01)
