"""The exported training script of a GAN project: a plain PyTorch GAN loop that runs alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from safetensors.torch import load_file

from netstudio.core.graph import NetworkGraph
from netstudio.export import ExportError, export_project
from netstudio.io import Project


def _chain(layers: list[tuple[str, str, dict]]) -> NetworkGraph:
    graph = NetworkGraph()
    previous = None
    for node_id, type_id, params in layers:
        graph.add_node(type_id, name=node_id, node_id=node_id, params=params)
        if previous is not None:
            graph.connect(previous, "out", node_id, graph.node(node_id).input_ports[0])
        previous = node_id
    return graph


def _project(d_units: int = 1) -> Project:
    generator = _chain(
        [
            ("noise", "Input", {"shape": [8]}),
            ("fc", "Linear", {"out_features": 64}),
            ("tanh", "Tanh", {}),
            ("image", "Unflatten", {"dim": 1, "unflattened_size": [1, 8, 8]}),
            ("output", "Output", {}),
        ]
    )
    critic = _chain(
        [
            ("image", "Input", {"shape": [1, 8, 8]}),
            ("flatten", "Flatten", {}),
            ("fc", "Linear", {"out_features": d_units}),
            ("output", "Output", {}),
        ]
    )
    project = Project(generator, networks={"maker": generator, "critic": critic}, main="maker")
    project.name = "Tiny GAN"
    project.data = {"source": "digits", "val_fraction": 0.0, "test_fraction": 0.5}
    project.training = {
        "task": "gan",
        "epochs": 3,
        "batch_size": 128,
        "gan": {"generator": "maker", "discriminator": "critic", "noise_size": 8, "sample_grid": 2},
    }
    return project


def test_the_gan_script_trains_an_epoch_and_writes_samples(tmp_path: Path) -> None:
    (script,) = export_project(_project(), "python", tmp_path / "gan.py", with_training=True)
    text = script.read_text()
    assert "class Maker(nn.Module)" in text and "class Critic(nn.Module)" in text
    assert "netstudio" not in text.split('"""', 2)[2]  # plain PyTorch: no NetStudio import
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, str(script), "--epochs", "1", "--samples", "s", "--out", "w.safetensors"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith("epoch 1 · D loss ") and "D(G(z))" in line
    assert (tmp_path / "s" / "samples_epoch_001.png").stat().st_size > 50
    keys = load_file(str(tmp_path / "w.safetensors")).keys()
    assert {"maker.fc.weight", "critic.fc.weight"} <= set(keys)


def test_a_gan_whose_networks_do_not_meet_is_not_exported(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export_project(_project(d_units=2), "python", tmp_path / "gan.py", with_training=True)
    assert "generator 'maker' and discriminator 'critic'" in str(caught.value)
    assert "Linear of 1 unit" in str(caught.value)
    assert not (tmp_path / "gan.py").exists()
