"""The MNIST GAN example (issue 15): it checks clean and trains headless on MNIST-format IDX files
(a handful of samples written here: no download), keeping its sample grids and figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from netstudio.cli import main
from netstudio.io import load_project
from tests.training.conftest import write_idx

EXAMPLE = Path(__file__).resolve().parents[2] / "netstudio" / "examples" / "mnist_gan.net"


def test_the_mnist_gan_example_is_what_its_script_makes(tmp_path: Path) -> None:
    from netstudio.examples.make_mnist_gan_example import mnist_gan
    from netstudio.io import save_project

    save_project(mnist_gan(), tmp_path / "made.net")
    assert (tmp_path / "made.net").read_bytes() == EXAMPLE.read_bytes()


def test_the_mnist_gan_example_checks_clean(capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "N×1×28×28" in out and out.rstrip().endswith("valid")
    project = load_project(EXAMPLE)
    assert list(project.networks) == ["generator", "discriminator"]
    assert project.training_config().task == "gan"


def _tiny_mnist(root: Path, train: int = 24, test: int = 8) -> Path:
    """ROOT/MNIST/raw with `train` and `test` 28×28 digits-like images (a bright stroke in a
    place that depends on the label), as torchvision's MNIST reads them."""
    rng = np.random.default_rng(0)
    raw = root / "MNIST" / "raw"
    for prefix, count in (("train", train), ("t10k", test)):
        labels = (np.arange(count) % 10).astype(np.uint8)
        images = rng.integers(0, 40, (count, 28, 28), dtype=np.uint8)
        for i, label in enumerate(labels):
            images[i, 4:24, 4 + 2 * label : 6 + 2 * label] = 255
        write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels)
    return root


def test_the_mnist_gan_example_trains_an_epoch_on_idx_files(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    root = _tiny_mnist(tmp_path / "data")
    out = tmp_path / "runs"
    args = ["--data-root", root, "--epochs", "1", "--batch-size", "8", "--device", "cpu"]
    code = main(["train", str(EXAMPLE), *map(str, args), "--out", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.out.splitlines()
    assert lines[0].startswith("data: MNIST: 24 train")
    assert lines[1].startswith("data: in memory:")  # which path the data took, and why
    assert "1,084,945 parameters, 1 epochs of 3 batches" in lines[2]  # G 551,440 + D 533,505
    summary = json.loads(lines[-1])
    assert summary["status"] == "finished" and summary["epochs"] == 1
    (folder,) = out.iterdir()
    assert (folder / "samples_epoch_001.png").is_file()
    with open(folder / "gan.csv", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert 0 < float(row["d_real"]) < 1 and float(row["d_loss"]) > 0
