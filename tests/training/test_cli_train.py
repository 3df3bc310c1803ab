"""`netstudio train`: the epoch lines, the JSON last line, the run folder, resume, exit codes."""

from __future__ import annotations

import csv
import json
import os
import signal
from pathlib import Path

import pytest

from netstudio.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SUMMARY_KEYS = {
    "epochs",
    "train_loss",
    "val_loss",
    "val_accuracy",
    "test_accuracy",
    "train_seconds",
    "samples_per_second",
}


def _train(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, list[str], str]:
    code = main(["train", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _only_run(out: Path) -> Path:
    (folder,) = out.iterdir()
    return folder


def test_digits_mlp_learns_the_digits(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Three of its 20 epochs: past 90 % on the test split (94 % seen; 20 epochs reach 97 %)."""
    args = ["--epochs", "3", "--out", tmp_path, "--json"]
    code, lines, err = _train(capsys, EXAMPLES / "digits_mlp.net", *args)
    assert code == 0, err
    summary = json.loads(lines[-1])
    assert summary.keys() >= SUMMARY_KEYS
    assert summary["test_accuracy"] > 0.9
    assert summary["status"] in ("finished", "early_stopped")
    assert summary["epochs"] == sum(line.startswith("epoch ") for line in lines)
    assert summary["train_seconds"] > 0 and summary["samples_per_second"] > 0


def test_mnist_mlp_trains_on_idx_files_and_writes_its_run(
    mnist_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "runs"
    args = ["--data-root", mnist_root, "--epochs", "1", "--batch-size", "64", "--out", out]
    code, lines, err = _train(
        capsys, EXAMPLES / "mnist_mlp.net", *args, "--device", "cpu", "--json"
    )
    assert code == 0, err
    assert lines[0].startswith("data: MNIST: 180 train / 20 val / 50 test")
    assert lines[1].startswith("data: in memory: the data needs ~957.0 KiB in memory, within")
    assert lines[2].startswith("training on cpu: 235,146 parameters, 1 epochs of 3 batches")
    epoch_lines = [line for line in lines if line.startswith("epoch ")]
    assert len(epoch_lines) == 1 and "val loss" in epoch_lines[0] and "samples/s" in epoch_lines[0]
    summary = json.loads(lines[-1])
    assert summary.keys() >= SUMMARY_KEYS and summary["epochs"] == 1
    assert summary["status"] == "finished" and summary["error"] is None

    folder = _only_run(out)
    assert Path(summary["run_dir"]) == folder
    for name in ("config.json", "epochs.csv", "batches.csv", "result.json", "last.safetensors"):
        assert (folder / name).is_file(), name
    assert (folder / "checkpoint" / "weights.safetensors").is_file()
    config = json.loads((folder / "config.json").read_text())
    assert config["training"]["epochs"] == 1 and config["training"]["batch_size"] == 64
    with open(folder / "batches.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3
    result = json.loads((folder / "result.json").read_text())
    assert len(result["report"]["confusion"]) == 10


def test_resume_continues_a_run(
    mnist_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project = EXAMPLES / "mnist_mlp.net"
    common = ["--data-root", mnist_root, "--batch-size", "64", "--device", "cpu", "--json"]
    out = tmp_path / "runs"
    code, _, err = _train(capsys, project, *common, "--epochs", "1", "--out", out)
    assert code == 0, err
    folder = _only_run(out)
    code, lines, err = _train(capsys, project, *common, "--epochs", "2", "--resume", folder)
    assert code == 0, err
    assert [line.split(" · ")[0] for line in lines if line.startswith("epoch ")] == ["epoch 2"]
    assert json.loads(lines[-1])["epochs"] == 2
    with open(folder / "epochs.csv", newline="") as handle:
        assert [row["epoch"] for row in csv.DictReader(handle)] == ["1", "2"]
    with open(folder / "batches.csv", newline="") as handle:
        assert [row["epoch"] for row in csv.DictReader(handle)] == ["1"] * 3 + ["2"] * 3
    assert len(list(out.iterdir())) == 1  # no second run folder


def test_resume_without_a_checkpoint_says_so(tmp_path: Path, capsys) -> None:
    project = EXAMPLES / "digits_mlp.net"
    code, lines, err = _train(capsys, project, "--resume", tmp_path)
    assert code == 1 and lines == []
    assert "no checkpoint" in err and len(err.strip().splitlines()) == 1


def test_missing_mnist_files_are_named_with_download_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "runs"
    args = ["--data-root", tmp_path / "empty", "--out", out, "--json"]
    code, lines, err = _train(capsys, EXAMPLES / "mnist_mlp.net", *args)
    assert code == 1 and len(lines) == 1  # only the JSON line (tests/test_cli_train_json.py)
    assert json.loads(lines[0])["status"] == "failed"
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert "train-images-idx3-ubyte" in err and "t10k-labels-idx1-ubyte" in err
    assert "--download" in err
    assert not out.exists()  # no run folder for a run that never started


def test_a_bad_training_section_names_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    project["training"]["optimizer"]["lr"] = -1
    path = tmp_path / "bad.net"
    path.write_text(json.dumps(project))
    code, lines, err = _train(capsys, path, "--out", tmp_path / "runs")
    assert code == 2 and lines == []
    assert "training.optimizer.lr" in err and len(err.strip().splitlines()) == 1


def test_a_bad_override_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, lines, err = _train(
        capsys, EXAMPLES / "digits_mlp.net", "--epochs", "0", "--out", tmp_path
    )
    assert code == 2 and lines == []
    assert err.startswith("error: --epochs: ")


def test_a_failing_run_exits_1_with_the_message_and_keeps_its_json(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    for node in project["networks"][0]["graph"]["nodes"]:
        if node["id"] == "input":
            node["params"]["shape"] = [50]
    path = tmp_path / "wrong_input.net"
    path.write_text(json.dumps(project))
    code, lines, err = _train(capsys, path, "--out", tmp_path / "runs", "--json")
    assert code == 1
    assert err.startswith("error: input: ") and "1×8×8" in err
    summary = json.loads(lines[-1])
    assert summary["status"] == "failed" and summary["error"]["node_id"] == "input"


@pytest.mark.parametrize(
    ("example", "epochs"),
    # A few of their own epochs (their cosine schedule spans what is asked), enough to pass
    # 90 %: spiral_toy 5 of 60 (98.9 % seen, 95 % at 3), sequence_lstm 12 of 30 (93 % seen,
    # 90.4 % at 10); the LSTM stays the long one.
    [("spiral_toy.net", 5), pytest.param("sequence_lstm.net", 12, marks=pytest.mark.long_training)],
)
def test_generated_data_examples_learn_with_their_own_settings(
    example: str, epochs: int, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    args = ["--epochs", str(epochs), "--out", tmp_path, "--json"]
    code, lines, err = _train(capsys, EXAMPLES / example, *args)
    assert code == 0, err
    summary = json.loads(lines[-1])
    assert summary["val_accuracy"] > 0.9 and summary["test_accuracy"] > 0.9


@pytest.mark.parametrize(
    ("example", "folder"), [("mnist_autoencoder.net", "MNIST"), ("fashion_cnn.net", "FashionMNIST")]
)
def test_file_based_examples_run_an_epoch(
    example: str, folder: str, tmp_path: Path, write_mnist, capsys: pytest.CaptureFixture
) -> None:
    write_mnist(tmp_path / "data", folder)
    args = ["--data-root", tmp_path / "data", "--epochs", "1", "--out", tmp_path / "runs"]
    code, lines, err = _train(capsys, EXAMPLES / example, *args, "--json")
    assert code == 0, err
    summary = json.loads(lines[-1])
    assert summary["epochs"] == 1 and summary["test_loss"] is not None
    if example == "mnist_autoencoder.net":  # reconstruction: no accuracy, an MSE report
        assert summary["test_accuracy"] is None
        report = json.loads((_only_run(tmp_path / "runs") / "result.json").read_text())["report"]
        assert report["mse"] == pytest.approx(summary["test_loss"], rel=1e-4)


def test_ctrl_c_stops_after_the_batch_and_keeps_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netstudio.training.results import TrainerCallbacks

    def interrupt(self, metrics) -> None:
        if (metrics.epoch, metrics.batch) == (1, 2):
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(TrainerCallbacks, "batch_ended", interrupt)
    previous = signal.getsignal(signal.SIGINT)
    out = tmp_path / "runs"
    code, lines, err = _train(capsys, EXAMPLES / "digits_mlp.net", "--out", out, "--json")
    assert code == 1 and "interrupted" in err and "--resume" in err
    assert json.loads(lines[-1])["status"] == "stopped"
    folder = _only_run(out)
    with open(folder / "batches.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 2  # stopped within one batch
    assert (folder / "result.json").is_file() and (folder / "last.safetensors").is_file()
    assert signal.getsignal(signal.SIGINT) is previous  # the handler is put back
