"""A project's stored weights are its starting weights: `netstudio train`'s first batch is
computed with them (its loss is theirs on that batch), not with a fresh seeded start."""

from __future__ import annotations

import csv
from pathlib import Path

import torch
from safetensors.torch import save_file

from netstudio.cli import main
from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, save_project
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.starting_weights import starting_weights_path


def _loss(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return float(torch.nn.functional.cross_entropy(model(x), y))


def test_the_first_batch_loss_is_the_loss_of_the_stored_weights(tmp_path: Path, capsys) -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": [64]})
    graph.add_node("Linear", node_id="fc", name="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("input", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    # One batch holds every training sample, so the first batch is the whole training split.
    training = {"epochs": 1, "batch_size": 4096, "device": "cpu", "seed": 0}
    path = tmp_path / "stored.net"
    save_project(Project(graph=graph, data={"source": "digits"}, training=training), path)
    torch.manual_seed(123)
    model = compile_graph(graph)
    stored = {k: v * 3 for k, v in model.state_dict().items()}  # far from any fresh start
    save_file(stored, str(starting_weights_path(path)))

    assert main(["train", str(path), "--out", str(tmp_path / "runs")]) == 0
    capsys.readouterr()
    (folder,) = (tmp_path / "runs").iterdir()
    with open(folder / "batches.csv", newline="", encoding="utf-8") as handle:
        first = float(next(csv.DictReader(handle))["loss"])

    train = load_data(DataConfig(source="digits"), tmp_path).train
    x = train.x.reshape(len(train.x), 64)
    model.load_state_dict(stored)
    torch.testing.assert_close(first, _loss(model, x, train.y), rtol=1e-5, atol=0)
    torch.manual_seed(0)  # the run's seed: what a fresh start would have given
    assert abs(first - _loss(compile_graph(graph), x, train.y)) > 0.1
