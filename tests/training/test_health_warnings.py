"""Training-health warnings fire on broken networks and stay silent on healthy ones."""

from __future__ import annotations

from pathlib import Path

import torch

from netstudio.training.config import TrainingConfig
from netstudio.training.health import HealthOptions
from netstudio.training.health_records import EpochHealth, NodeStats
from netstudio.training.health_warnings import health_warnings
from netstudio.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _kinds(result) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for warning in result.health_warnings:
        found.setdefault(warning.node_id, set()).add(warning.kind)
    return found


def test_a_dead_relu_is_named_with_its_remedy(chain_graph, blob_data) -> None:
    """A Linear with a large negative bias before a ReLU: every output of the ReLU is 0, and no
    gradient reaches the Linear."""
    graph = chain_graph(
        [4],
        [
            ("Linear", "fc1", {"out_features": 16}),
            ("ReLU", "relu1", {}),
            ("Linear", "fc2", {"out_features": 3}),
        ],
    )
    trainer = Trainer(
        graph,
        blob_data,
        TrainingConfig(epochs=2, batch_size=24, seed=0),
        starting_weights={"fc1.bias": torch.full((16,), -100.0)},
        health=HealthOptions(every=2),
    )
    result = trainer.run()
    assert result.status == "finished", result.failure
    kinds = _kinds(result)
    assert kinds["relu1"] == {"dead_relu"}
    assert "vanishing_gradients" in kinds["fc1"]
    assert "fc2" not in kinds
    (dead,) = [w for w in result.health_warnings if w.kind == "dead_relu"]
    assert dead.message == (
        "relu1: 100 % of outputs have been zero since epoch 1 — lower the learning rate or try "
        "LeakyReLU"
    )
    assert result.health[-1].warnings == tuple(result.health_warnings)


def test_vanishing_gradients_in_a_deep_sigmoid_chain(chain_graph, blob_data) -> None:
    layers = []
    for i in range(1, 9):
        layers += [("Linear", f"fc{i}", {"out_features": 16}), ("Sigmoid", f"sig{i}", {})]
    layers.append(("Linear", "head", {"out_features": 3}))
    trainer = Trainer(
        chain_graph([4], layers),
        blob_data,
        TrainingConfig(epochs=1, batch_size=24, seed=0),
        health=HealthOptions(every=1),
    )
    result = trainer.run()
    assert result.status == "finished", result.failure
    vanishing = [w for w in result.health_warnings if w.kind == "vanishing_gradients"]
    assert vanishing and vanishing[0].node_id == "fc1"
    assert "× smaller than head — vanishing gradients: add BatchNorm or a residual connection" in (
        vanishing[0].message
    )
    assert "fc8" not in {w.node_id for w in vanishing}


def test_the_healthy_digits_mlp_gets_no_warning() -> None:
    from netstudio.io import load_project
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    path = EXAMPLES / "digits_mlp.net"
    project = load_project(path)
    data = load_data(DataConfig.model_validate(project.data), path.parent, None)
    config = TrainingConfig.model_validate({**project.training, "epochs": 1})
    result = Trainer(project.graph, data, config, health=HealthOptions(every=4)).run()
    assert result.status == "finished", result.failure
    assert result.health and result.health[0].recordings >= 5
    assert result.health_warnings == []


def test_large_updates_exploding_and_saturated_outputs(chain_graph) -> None:
    graph = chain_graph(
        [4],
        [
            ("Linear", "fc1", {"out_features": 8}),
            ("Tanh", "tanh", {}),
            ("Linear", "fc2", {"out_features": 3}),
        ],
    )
    stats = {
        "fc1": NodeStats(0.0, 1.0, 0.0, grad_norm=5e4, update_ratio=0.5),
        "tanh": NodeStats(0.0, 1.0, 0.0, saturated=0.97),
        "fc2": NodeStats(0.0, 1.0, 0.0, grad_norm=2.0, update_ratio=1e-3),
    }
    warnings = health_warnings(graph, [EpochHealth(epoch=1, recordings=1, nodes=stats)])
    assert [(w.node_id, w.kind) for w in warnings] == [
        ("fc1", "exploding_gradients"),
        ("fc1", "large_updates"),
        ("tanh", "saturated"),
    ]
    assert warnings[0].message.startswith("fc1: gradient norm 5e4 — exploding gradients")
    assert warnings[1].message.endswith("lower the learning rate")
    assert health_warnings(graph, [EpochHealth(epoch=1, recordings=0, nodes={})]) == []
