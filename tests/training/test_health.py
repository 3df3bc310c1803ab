"""Training health: the recorder's numbers, its schedule, and its place in the trainer."""

from __future__ import annotations

import itertools

import pytest
import torch

from netstudio.core.compiler import compile_graph
from netstudio.training.config import TrainingConfig
from netstudio.training.health import HealthOptions, HealthRecorder
from netstudio.training.results import BatchMetrics, EpochMetrics, TrainerCallbacks
from netstudio.training.trainer import Trainer

LAYERS = [
    ("Linear", "fc1", {"out_features": 8}),
    ("ReLU", "relu1", {}),
    ("Linear", "fc2", {"out_features": 3}),
    ("Sigmoid", "sig", {}),
]


def test_statistics_equal_a_hand_written_hook(chain_graph) -> None:
    """One recorded batch gives what hooks and a weight copy written by hand give."""
    torch.manual_seed(0)
    model = compile_graph(chain_graph([4], LAYERS))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    recorder = HealthRecorder(
        model, optimizer, HealthOptions(every=1), {"sig": "Sigmoid", "relu1": "ReLU"}
    )
    outputs: dict[str, torch.Tensor] = {}
    handles = [
        model.get_submodule(name).register_forward_hook(
            lambda m, a, out, name=name: outputs.__setitem__(name, out.detach().clone())
        )
        for name in ("fc1", "relu1", "fc2", "sig")
    ]
    x = torch.randn(16, 4) - 1.0  # many negative pre-activations: ReLU zeros to count
    assert recorder.begin_batch(1, 1)
    loss = model(x).square().mean()
    optimizer.zero_grad()
    loss.backward()
    grads = {
        name: torch.cat([p.grad.flatten() for p in model.get_submodule(name).parameters()])
        for name in ("fc1", "fc2")
    }
    before = {
        name: torch.cat([p.detach().flatten() for p in model.get_submodule(name).parameters()])
        for name in ("fc1", "fc2")
    }
    optimizer.step()
    recorder.end_batch()
    for handle in handles:
        handle.remove()

    (sample,) = recorder.samples
    assert set(sample.nodes) == {"fc1", "relu1", "fc2", "sig"}
    for name, out in outputs.items():
        stats = sample.nodes[name]
        assert stats.mean == pytest.approx(out.mean().item(), abs=1e-6)
        assert stats.std == pytest.approx(out.std(unbiased=False).item(), rel=1e-5)
        assert stats.zeros == pytest.approx((out == 0).float().mean().item())
    assert 0 < sample.nodes["relu1"].zeros < 1
    sig = outputs["sig"]
    assert sample.nodes["sig"].saturated == pytest.approx(
        ((sig <= 0.02) | (sig >= 0.98)).float().mean().item()
    )
    assert sample.nodes["fc1"].saturated is None
    for name in ("fc1", "fc2"):
        after = torch.cat([p.detach().flatten() for p in model.get_submodule(name).parameters()])
        stats = sample.nodes[name]
        assert stats.grad_norm == pytest.approx(grads[name].norm().item(), rel=1e-5)
        expected = ((after - before[name]).norm() / before[name].norm()).item()
        assert stats.update_ratio == pytest.approx(expected, rel=1e-4)
    assert sample.nodes["relu1"].grad_norm is None and sample.nodes["relu1"].update_ratio is None
    # Between recordings nothing is left on the model or the optimizer.
    assert not any(m._forward_hooks for m in model.modules())
    assert not optimizer._optimizer_step_pre_hooks and not optimizer._optimizer_step_post_hooks


def test_recordings_stay_within_the_time_budget(chain_graph, monkeypatch) -> None:
    """With a plain batch of 1 s and a recording that adds 1 s, 3 % of 1000 batches leaves room
    for about 30 recordings, none closer than `min_every` batches."""
    clock = [0.0]
    monkeypatch.setattr("netstudio.training.health.time.perf_counter", lambda: clock[0])
    model = compile_graph(chain_graph([4], LAYERS[:1]))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    recorder = HealthRecorder(model, optimizer, HealthOptions(budget=0.03, min_every=10))
    recorded = []
    for batch in range(1, 1001):
        if recorder.begin_batch(1, batch):
            recorded.append(batch)
            clock[0] += 1.0
        clock[0] += 1.0
        recorder.end_batch()
    assert 25 <= len(recorded) <= 31
    assert min(b - a for a, b in itertools.pairwise(recorded)) >= 10
    assert recorder.overhead <= 0.03
    assert not any(m._forward_hooks for m in model.modules())


class _Collect(TrainerCallbacks):
    def __init__(self) -> None:
        self.batches: list[BatchMetrics] = []
        self.epochs: list[EpochMetrics] = []

    def batch_ended(self, metrics: BatchMetrics) -> None:
        self.batches.append(metrics)

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        self.epochs.append(metrics)


def test_the_trainer_reports_health_per_batch_and_epoch(chain_graph, blob_data) -> None:
    config = TrainingConfig(epochs=2, batch_size=24, seed=0)
    callbacks = _Collect()
    trainer = Trainer(
        chain_graph([4], LAYERS[:3]),
        blob_data,
        config,
        callbacks=callbacks,
        health=HealthOptions(every=1),
    )
    result = trainer.run()
    assert result.status == "finished", result.failure
    assert result.health is not None and [e.epoch for e in result.health] == [1, 2]
    batches = callbacks.batches[0].batches
    assert all(e.recordings == batches for e in result.health)
    assert set(result.health[0].nodes) == {"fc1", "relu1", "fc2"}
    assert [m.health for m in callbacks.epochs] == result.health
    assert all(m.health is not None and m.health.epoch == m.epoch for m in callbacks.batches)
    assert "health_warnings" in result.summary()
    assert "health" not in callbacks.epochs[0].to_dict()  # epochs.csv and checkpoints as before
    assert not any(m._forward_hooks for m in trainer.model.modules())


def test_without_health_options_nothing_is_recorded(chain_graph, blob_data, monkeypatch) -> None:
    callbacks = _Collect()
    seen_hooks = []
    trainer = Trainer(
        chain_graph([4], LAYERS[:3]),
        blob_data,
        TrainingConfig(epochs=1, batch_size=24, seed=0),
        callbacks=callbacks,
    )
    original = torch.nn.Module.register_forward_hook

    def spy(self, *args, **kwargs):
        seen_hooks.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(torch.nn.Module, "register_forward_hook", spy)
    result = trainer.run()
    assert result.status == "finished"
    assert result.health is None and "health_warnings" not in result.summary()
    assert all(m.health is None for m in callbacks.batches + callbacks.epochs)
    assert not seen_hooks
