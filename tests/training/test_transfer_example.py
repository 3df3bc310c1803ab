"""The transfer-learning example: a backbone pretrained on the digits 0–4, frozen, a new head on
5–9. Its headline, asserted on its fixed seed through the real trainer: the frozen pretrained
backbone reaches 90% validation accuracy in fewer epochs than the same network from scratch."""

from __future__ import annotations

from pathlib import Path

import torch

from netstudio.io import Project, load_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.results import RunResult
from netstudio.training.sources import load_data
from netstudio.training.starting_weights import (
    node_keys,
    project_model,
    read_starting_weights,
    starting_weights_path,
    weights_report,
)
from netstudio.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "transfer_digits.net"
BACKBONE = ["conv1", "conv2"]
THRESHOLD = 0.9
#: Enough for the example's headline: the pretrained run gets there in its first epoch.
EPOCHS = 3


def _train(project: Project, starting: dict[str, torch.Tensor] | None) -> tuple[Trainer, RunResult]:
    config = TrainingConfig.model_validate({**project.training, "device": "cpu", "epochs": EPOCHS})
    data = load_data(DataConfig.model_validate(project.data), EXAMPLE.parent)
    trainer = Trainer(project.graph, data, config, starting_weights=starting)
    result = trainer.run()
    assert result.failure is None, result.failure and result.failure.message
    return trainer, result


def _epochs_to(result: RunResult, accuracy: float) -> int:
    """The first epoch at `accuracy` or above; one past the last when none is."""
    reached = [m.epoch for m in result.epochs if (m.val_accuracy or 0.0) >= accuracy]
    return reached[0] if reached else len(result.epochs) + 1


def test_the_example_trains_a_new_head_on_a_frozen_pretrained_backbone() -> None:
    project = load_project(EXAMPLE)
    assert project.problems == []
    assert project.data["params"] == {"digits": [5, 6, 7, 8, 9]}
    assert project.training["fine_tuning"]["frozen"] == BACKBONE
    assert project.graph.node("head").params["out_features"] == 5

    model = project_model(project)
    report = weights_report(starting_weights_path(EXAMPLE), model)
    # The file holds the whole backbone and nothing else: the head starts afresh.
    assert report.matched_nodes == BACKBONE
    assert not report.unexpected and not report.mismatched
    assert sorted(report.missing) == sorted(node_keys(model, "head"))
    backbone_keys = [key for node in BACKBONE for key in node_keys(model, node)]
    assert sorted(report.tensors) == sorted(backbone_keys)
    assert starting_weights_path(EXAMPLE).stat().st_size < 64_000  # tens of KB


def test_the_frozen_pretrained_backbone_reaches_90_percent_sooner_than_from_scratch() -> None:
    project = load_project(EXAMPLE)
    starting = read_starting_weights(project)
    pretrained, transfer = _train(project, starting)
    assert pretrained.started_from.loaded == len(starting) == 4

    scratch_training = {k: v for k, v in project.training.items() if k != "fine_tuning"}
    scratch_project = Project(graph=project.graph, data=project.data, training=scratch_training)
    _, scratch = _train(scratch_project, None)

    transfer_epochs, scratch_epochs = (
        _epochs_to(transfer, THRESHOLD),
        _epochs_to(scratch, THRESHOLD),
    )
    assert transfer_epochs <= EPOCHS, [m.val_accuracy for m in transfer.epochs]
    assert transfer_epochs < scratch_epochs, (
        [m.val_accuracy for m in transfer.epochs],
        [m.val_accuracy for m in scratch.epochs],
    )
    first_transfer, first_scratch = transfer.epochs[0].val_accuracy, scratch.epochs[0].val_accuracy
    assert first_transfer is not None and first_scratch is not None
    assert first_transfer > first_scratch + 0.1  # a clear lead after one epoch, not a tie

    # The backbone stayed as pretrained (bitwise); only the head learnt.
    assert pretrained.model is not None
    state = pretrained.model.state_dict()
    for key, tensor in starting.items():
        assert torch.equal(state[key].cpu(), tensor), key
