"""The exported training script: NetStudio's data, and standalone.

Under torchrun it runs in the one launch of tests/training/test_distributed.py
(`test_the_exported_script_runs_under_torchrun_and_the_processes_agree`), which starts the two
processes once for every distributed check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from netstudio.core.compiler import compile_graph
from netstudio.export import ExportError, export_project
from netstudio.io import load_project
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _script(tmp_path: Path, example: str, **changes: object) -> Path:
    project = load_project(EXAMPLES / example)
    for section, values in changes.items():
        getattr(project, section).update(values)
    return export_project(project, "python", tmp_path / "train.py", with_training=True)[0]


def _environment() -> dict[str, str]:
    """No PYTHONPATH (so nothing points at the repository), one thread per process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return env | {"OMP_NUM_THREADS": "1"}


@pytest.mark.parametrize("example", ["digits_mlp.net", "spiral_toy.net", "sequence_lstm.net"])
def test_the_script_reads_the_examples_netstudio_reads(
    example: str, tmp_path: Path, load_module
) -> None:
    """Same examples, same splits, same normalisation: copied code, not look-alike code."""
    project = load_project(EXAMPLES / example)
    module = load_module(_script(tmp_path, example))
    splits = module.load_splits(tmp_path, False)
    data = load_data(DataConfig.model_validate(project.data))
    for name in ("train", "val", "test"):
        ours = getattr(data, name)
        x, y = splits[name]
        torch.testing.assert_close(x, ours.x.reshape(x.shape))
        assert torch.equal(y, ours.y)


def test_the_script_trains_standalone_without_netstudio(
    tmp_path: Path, without_netstudio: str
) -> None:
    script = _script(tmp_path, "digits_mlp.net", training={"batch_size": 64})
    out = tmp_path / "weights.safetensors"
    result = subprocess.run(
        [sys.executable, "-c", without_netstudio, str(script), "--epochs", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_environment(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "training on cpu, 1 process(es), 1293 training examples"
    assert lines[1].startswith("epoch 1/1: train loss ")
    assert "val accuracy" in lines[1]
    accuracy = float(lines[2].split("test accuracy ")[1].rstrip("%"))
    assert accuracy > 50  # one epoch of the digits MLP: far above chance (10%)
    graph = load_project(EXAMPLES / "digits_mlp.net").graph
    compile_graph(graph).load_state_dict(load_file(str(out)))  # the compiled model's keys


def test_a_source_without_a_script_reader_is_refused(tmp_path: Path) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.data["source"] = "no_such_source"
    with pytest.raises(ExportError, match="cannot be written into a training script"):
        export_project(project, "python", tmp_path / "train.py", with_training=True)
    assert not (tmp_path / "train.py").exists()


def test_the_script_augments_training_images_as_netstudio_does(tmp_path: Path, load_module) -> None:
    """Crop, flip and rotation are NetStudio's own functions, copied: the same draws give the
    same images."""
    from netstudio.training.augment import BatchAugment

    project = load_project(EXAMPLES / "fashion_cnn.net")
    settings = {"random_crop_padding": 2, "horizontal_flip": True, "rotation_degrees": 10.0}
    project.data = {**project.data, "augment": settings}
    code = export_project(project, "python", tmp_path / "fashion.py", with_training=True)[0]
    script = load_module(code)
    images = torch.rand(6, 1, 28, 28)
    ours = BatchAugment(DataConfig.model_validate(project.data).augment)
    expected = ours(images, torch.Generator().manual_seed(3))
    got = script.augment(images, torch.Generator().manual_seed(3))
    torch.testing.assert_close(got, expected)
    assert not torch.equal(got, images)
