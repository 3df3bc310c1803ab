"""Every loss, optimizer and learning-rate schedule trains a few steps with a finite loss."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
import torch

from netstudio.training.config import ScheduleConfig, TrainingConfig
from netstudio.training.objectives import Schedule, build_optimizer, lr_preview
from netstudio.training.results import RunResult
from netstudio.training.trainer import Trainer


def _train(graph, data, **config) -> RunResult:
    config.setdefault("epochs", 2)
    config.setdefault("batch_size", 24)
    result = Trainer(graph, data, TrainingConfig(device="cpu", **config)).run()
    assert result.failure is None, result.failure.message
    assert result.status == "finished"
    assert len(result.epochs) == config["epochs"]
    for epoch in result.epochs:
        assert math.isfinite(epoch.train_loss) and math.isfinite(epoch.val_loss)
    assert result.test_loss is not None and math.isfinite(result.test_loss)
    return result


def _hidden(units: int = 16) -> list:
    return [("Linear", "fc1", {"out_features": units}), ("ReLU", "relu1", {})]


# (loss config, task, data fixture, layers after the hidden ones)
LOSSES = {
    "cross_entropy": ({"type": "cross_entropy"}, "blob_data", [("Linear", "fc2", {})]),
    "cross_entropy_smoothed": (
        {"type": "cross_entropy", "label_smoothing": 0.1},
        "blob_data",
        [("Linear", "fc2", {})],
    ),
    "nll": (
        {"type": "nll"},
        "blob_data",
        [("Linear", "fc2", {}), ("LogSoftmax", "logsoftmax", {"dim": 1})],
    ),
    "kl_div": (
        {"type": "kl_div"},
        "blob_data",
        [("Linear", "fc2", {}), ("LogSoftmax", "logsoftmax", {"dim": 1})],
    ),
    "bce_one_hot": (
        {"type": "bce"},
        "blob_data",
        [("Linear", "fc2", {}), ("Sigmoid", "sigmoid", {})],
    ),
    "bce_with_logits_one_hot": ({"type": "bce_with_logits"}, "blob_data", [("Linear", "fc2", {})]),
    "mse_one_hot": ({"type": "mse"}, "blob_data", [("Linear", "fc2", {})]),
    "mse": ({"type": "mse"}, "regression_data", [("Linear", "fc2", {})]),
    "l1": ({"type": "l1"}, "regression_data", [("Linear", "fc2", {})]),
    "huber": ({"type": "huber", "huber_delta": 0.5}, "regression_data", [("Linear", "fc2", {})]),
}


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_every_loss_trains(
    name: str, request: pytest.FixtureRequest, chain_graph: Callable
) -> None:
    loss, data_fixture, head = LOSSES[name]
    data = request.getfixturevalue(data_fixture)
    size = {"out_features": data.target_size}
    head = [(t, n, {**p, **size}) if t == "Linear" else (t, n, p) for t, n, p in head]
    graph = chain_graph([4], [*_hidden(), *head])
    task = "classification" if data.task == "classification" else "regression"
    result = _train(graph, data, loss=loss, task=task)
    if data.task == "classification":
        assert 0 <= result.test_accuracy <= 1
        assert result.report is not None and len(result.report.confusion) == 3
    else:
        assert result.test_accuracy is None and result.report.mse >= 0


@pytest.mark.parametrize(
    ("loss", "activation"), [("bce", ("Sigmoid", "sigmoid", {})), ("bce_with_logits", None)]
)
def test_binary_losses_take_one_output_unit(
    loss: str, activation, chain_graph: Callable, tensor_data: Callable
) -> None:
    generator = torch.Generator().manual_seed(2)
    x = torch.randn(96, 2, generator=generator)
    y = (x[:, 0] + x[:, 1] > 0).long()
    data = tensor_data(x, y, classes=["no", "yes"])
    head = [("Linear", "fc2", {"out_features": 1})] + ([activation] if activation else [])
    graph = chain_graph([2], [*_hidden(8), *head])
    result = _train(graph, data, loss={"type": loss}, epochs=20, optimizer={"lr": 0.02})
    assert result.test_accuracy >= 0.8  # the 0.5 / 0.0 threshold picks the right class
    confidence = result.predictions.confidence
    assert confidence.shape == (16,) and ((confidence >= 0.5) & (confidence <= 1)).all()


OPTIMIZERS = [
    {"type": "sgd", "lr": 0.05},
    {"type": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True},
    {"type": "adam", "lr": 0.01},
    {"type": "adamw", "lr": 0.01},
    {"type": "rmsprop", "lr": 0.01, "momentum": 0.5},
    {"type": "adagrad", "lr": 0.05},
]


@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: "-".join(map(str, o.values())))
def test_every_optimizer_lowers_the_loss(optimizer: dict, blob_data, chain_graph: Callable) -> None:
    graph = chain_graph([4], [*_hidden(), ("Linear", "fc2", {"out_features": 3})])
    result = _train(graph, blob_data, optimizer=optimizer, epochs=4)
    assert result.epochs[-1].train_loss < result.epochs[0].train_loss


@pytest.mark.parametrize(("kind", "name"), [("adam", "Adam"), ("adamw", "AdamW")])
def test_adam_falls_back_to_plain_where_torch_has_no_fused_kernel(
    kind: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = getattr(torch.optim, name)

    class NoFused(original):
        def __init__(self, params, fused=None, **options):
            if fused:
                raise RuntimeError("`fused=True` requires all the params to be on cuda")
            super().__init__(params, **options)

    monkeypatch.setattr(torch.optim, name, NoFused)
    config = TrainingConfig(optimizer={"type": kind, "lr": 0.01}).optimizer
    optimizer = build_optimizer([torch.zeros(2, requires_grad=True)], config, weight_decay=0.1)
    assert isinstance(optimizer, NoFused) and not optimizer.defaults["fused"]
    assert optimizer.defaults["lr"] == 0.01 and optimizer.defaults["weight_decay"] == 0.1


def test_a_network_without_weights_is_a_config_failure(blob_data, chain_graph: Callable) -> None:
    result = Trainer(chain_graph([4], [("ReLU", "relu", {})]), blob_data, TrainingConfig()).run()
    assert result.status == "failed" and result.failure.kind == "config"
    assert "no weights to train" in result.failure.message


def test_regularization_options_run(blob_data, chain_graph: Callable) -> None:
    graph = chain_graph([4], [*_hidden(), ("Linear", "fc2", {"out_features": 3})])
    regularization = {"weight_decay": 0.01, "l1": 1e-4, "grad_clip": 0.5}
    _train(graph, blob_data, regularization=regularization)


SCHEDULES = {
    "none": {},
    "step": {"step_size": 1, "gamma": 0.5},
    "multistep": {"milestones": [1, 2], "gamma": 0.5},
    "exponential": {"gamma": 0.5},
    "cosine": {"min_lr": 0.0001},
    "one_cycle": {"max_lr": 0.05},
    "reduce_on_plateau": {"patience": 0, "factor": 0.5},
}


@pytest.mark.parametrize("warmup", [0, 1])
@pytest.mark.parametrize("kind", sorted(SCHEDULES))
def test_every_schedule_trains(kind: str, warmup: int, blob_data, chain_graph: Callable) -> None:
    graph = chain_graph([4], [*_hidden(), ("Linear", "fc2", {"out_features": 3})])
    schedule = {"type": kind, "warmup_epochs": warmup, **SCHEDULES[kind]}
    result = _train(graph, blob_data, schedule=schedule, epochs=3, optimizer={"lr": 0.01})
    rates = [epoch.lr for epoch in result.epochs]
    assert all(r > 0 for r in rates)
    if kind in ("step", "exponential") and not warmup:
        assert rates == pytest.approx([0.01, 0.005, 0.0025])  # the rate each epoch used


def test_warmup_ramps_up_to_the_base_rate_then_hands_over() -> None:
    config = TrainingConfig(
        epochs=5,
        optimizer={"lr": 0.1},
        schedule={"type": "step", "step_size": 1, "gamma": 0.5, "warmup_epochs": 2},
    )
    rates = lr_preview(config, steps_per_epoch=4)
    assert rates[0] < rates[1] < 0.1  # linear warm-up
    assert rates[2] == pytest.approx(0.1)  # the base rate when warm-up ends
    assert rates[3:] == pytest.approx([0.05, 0.025])  # then the schedule's own decay


def test_one_cycle_steps_every_batch_and_peaks_at_max_lr() -> None:
    weight = torch.zeros(1, requires_grad=True)
    optimizer = build_optimizer([weight], TrainingConfig().optimizer)
    schedule = Schedule(optimizer, ScheduleConfig(type="one_cycle", max_lr=0.01), 2, 10)
    rates = []
    for _ in range(20):
        optimizer.step()
        schedule.after_batch()
        rates.append(schedule.lr)
    assert max(rates) == pytest.approx(0.01, rel=0.05)
    assert rates[-1] < 0.001


def test_schedule_state_round_trips() -> None:
    config = ScheduleConfig(type="reduce_on_plateau", patience=0, factor=0.5)
    weight = torch.zeros(1, requires_grad=True)
    optimizer = build_optimizer([weight], TrainingConfig().optimizer)
    schedule = Schedule(optimizer, config, 10, 5)
    for metric in (1.0, 2.0, 3.0):
        schedule.after_epoch(metric)
    again = Schedule(build_optimizer([weight], TrainingConfig().optimizer), config, 10, 5)
    again.load_state_dict(schedule.state_dict())
    assert again.state_dict() == schedule.state_dict()
