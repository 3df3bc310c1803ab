"""The training loop: callbacks, early stopping, NaN stop, stop/pause, resume, failures."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch

from netstudio.training.batches import epoch_order
from netstudio.training.checkpoints import load_best
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.metrics import ClassificationReport, Predictions, RegressionReport
from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunInfo,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

MLP = [
    ("Linear", "fc1", {"out_features": 16}),
    ("ReLU", "relu1", {}),
    ("Linear", "fc2", {"out_features": 3}),
]


def _config(**fields) -> TrainingConfig:
    fields.setdefault("device", "cpu")
    fields.setdefault("batch_size", 16)
    return TrainingConfig(**fields)


def _state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _assert_same_state(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> None:
    assert a.keys() == b.keys()
    for key in a:
        torch.testing.assert_close(a[key], b[key], rtol=0, atol=0)


class Recorder(TrainerCallbacks):
    """Keeps every callback, in order, with its argument."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def run_started(self, info):
        self.events.append(("run_started", info))

    def batch_ended(self, metrics):
        self.events.append(("batch_ended", metrics))

    def epoch_ended(self, metrics):
        self.events.append(("epoch_ended", metrics))

    def finished(self, result):
        self.events.append(("finished", result))

    def failed(self, failure, result):
        self.events.append(("failed", failure))

    def names(self, kind: str) -> list:
        return [arg for name, arg in self.events if name == kind]


# --- callbacks, metrics, predictions -------------------------------------------------------------


def test_callbacks_come_in_order_with_typed_metrics(blob_data, chain_graph: Callable) -> None:
    recorder = Recorder()
    trainer = Trainer(
        chain_graph([4], MLP), blob_data, _config(epochs=3, batch_size=16), callbacks=recorder
    )
    result = trainer.run()
    batches = math.ceil(len(blob_data.train) / 16)  # 72 samples: 5 batches per epoch
    expected = ["run_started"]
    for _ in range(3):
        expected += ["batch_ended"] * batches + ["epoch_ended"]
    expected.append("finished")
    assert [name for name, _ in recorder.events] == expected

    info = recorder.events[0][1]
    assert isinstance(info, RunInfo)
    assert (info.device, info.epochs, info.batches_per_epoch) == ("cpu", 3, batches)
    assert (info.train_samples, info.val_samples, info.test_samples) == (72, 24, 24)
    assert info.parameters == 4 * 16 + 16 + 16 * 3 + 3
    batch_metrics = recorder.names("batch_ended")
    assert all(isinstance(m, BatchMetrics) for m in batch_metrics)
    assert [(m.epoch, m.batch) for m in batch_metrics[:batches]] == [
        (1, b) for b in range(1, batches + 1)
    ]
    assert all(
        math.isfinite(m.loss) and m.lr == 0.001 and m.batches == batches for m in batch_metrics
    )
    epochs = recorder.names("epoch_ended")
    assert all(isinstance(m, EpochMetrics) for m in epochs)
    assert [m.epoch for m in epochs] == [1, 2, 3]
    for m in epochs:
        assert 0 <= m.train_accuracy <= 1 and 0 <= m.val_accuracy <= 1
        assert m.seconds > 0 and m.samples_per_second > 0
    assert recorder.events[-1][1] is result
    assert isinstance(result, RunResult) and result.status == "finished"
    assert result.epochs == epochs and result.failure is None


def test_batch_ended_comes_every_batch_every_batches(blob_data, chain_graph: Callable) -> None:
    recorder = Recorder()
    trainer = Trainer(
        chain_graph([4], MLP), blob_data, _config(epochs=2), callbacks=recorder, batch_every=2
    )
    assert trainer.run().status == "finished"
    seen = [(m.epoch, m.batch) for m in recorder.names("batch_ended")]
    assert seen == [(1, 2), (1, 4), (2, 2), (2, 4)]  # 5 batches per epoch


def test_test_predictions_and_classification_report(blob_data, chain_graph: Callable) -> None:
    config = _config(epochs=15, optimizer={"lr": 0.02})
    result = Trainer(chain_graph([4], MLP), blob_data, config).run()
    predictions = result.predictions
    assert isinstance(predictions, Predictions)
    test_y = blob_data.test.y.numpy()
    np.testing.assert_array_equal(predictions.targets, test_y)
    assert predictions.predicted.shape == predictions.confidence.shape == (24,)
    assert ((predictions.confidence > 0) & (predictions.confidence <= 1)).all()
    report = result.report
    assert isinstance(report, ClassificationReport)
    assert report.classes == ["a", "b", "c"]
    confusion = np.array(report.confusion)
    assert confusion.shape == (3, 3) and confusion.sum() == 24
    assert confusion.sum(axis=1).tolist() == np.bincount(test_y, minlength=3).tolist()
    assert report.accuracy == pytest.approx(result.test_accuracy)
    assert result.test_accuracy > 0.9  # separable blobs
    wrong = predictions.misclassified()
    assert len(wrong) == round((1 - result.test_accuracy) * 24)


def test_regression_reports_mse_and_keeps_predictions(
    regression_data, chain_graph: Callable
) -> None:
    graph = chain_graph([4], [("Linear", "fc", {"out_features": 2})])
    config = _config(task="regression", loss={"type": "mse"}, epochs=30, optimizer={"lr": 0.05})
    result = Trainer(graph, regression_data, config).run()
    assert result.status == "finished" and result.test_accuracy is None
    assert result.epochs[-1].train_accuracy is None and result.epochs[-1].val_accuracy is None
    assert isinstance(result.report, RegressionReport)
    assert result.report.mse == pytest.approx(result.test_loss, rel=1e-4)
    assert result.report.r2 > 0.9
    assert result.predictions.predicted.shape == (24, 2)


def test_reconstruction_targets_the_input(regression_data, chain_graph: Callable) -> None:
    layers = [("Linear", "encode", {"out_features": 3}), ("Linear", "decode", {"out_features": 4})]
    config = _config(task="reconstruction", loss={"type": "mse"}, epochs=20, optimizer={"lr": 0.02})
    result = Trainer(chain_graph([4], layers), regression_data, config).run()
    assert result.status == "finished"
    assert result.epochs[-1].train_loss < result.epochs[0].train_loss
    assert result.report.mse == pytest.approx(result.test_loss, rel=1e-4)
    assert result.predictions.targets.shape == result.predictions.predicted.shape == (24, 4)


# --- early stopping -------------------------------------------------------------------------------


def _noise_data(tensor_data: Callable):
    """Labels that cannot be learnt: the validation loss rises as the network memorises."""
    generator = torch.Generator().manual_seed(5)
    x = torch.randn(96, 4, generator=generator)
    y = torch.randint(0, 3, (96,), generator=generator)
    return tensor_data(x, y, classes=["a", "b", "c"])


class EpochStates(TrainerCallbacks):
    def __init__(self) -> None:
        self.trainer: Trainer | None = None
        self.states: dict[int, dict[str, torch.Tensor]] = {}

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        self.states[metrics.epoch] = _state(self.trainer.model)


@pytest.mark.parametrize("restore_best", [True, False])
def test_early_stopping_stops_and_restores_the_best_epoch(
    restore_best: bool, tmp_path: Path, tensor_data: Callable, chain_graph: Callable
) -> None:
    data = _noise_data(tensor_data)
    layers = [("Linear", "fc1", {"out_features": 64}), ("ReLU", "r", {}), *MLP[2:]]
    early = {"enabled": True, "metric": "val_loss", "patience": 2, "restore_best": restore_best}
    config = _config(epochs=60, optimizer={"lr": 0.03}, regularization={"early_stopping": early})
    watcher = EpochStates()
    trainer = Trainer(
        chain_graph([4], layers), data, config, callbacks=watcher, checkpoint_dir=tmp_path
    )
    watcher.trainer = trainer
    result = trainer.run()
    assert result.status == "early_stopped"
    stopped_at = len(result.epochs)
    assert stopped_at < 60
    losses = [e.val_loss for e in result.epochs]
    best = result.best_epoch
    assert losses[best - 1] == min(losses)
    assert stopped_at == best + 2  # patience: two epochs without improvement
    _assert_same_state(trainer.best_state, watcher.states[best])
    _assert_same_state(load_best(tmp_path / "checkpoint"), watcher.states[best])
    final = _state(trainer.model)
    _assert_same_state(final, watcher.states[best if restore_best else stopped_at])
    if restore_best:  # the test pass used the restored weights
        assert result.test_loss == pytest.approx(trainer.evaluate(trainer.data_splits["test"])[0])


def test_early_stopping_on_accuracy_without_validation_watches_the_train_loss(
    blob_data, chain_graph: Callable
) -> None:
    data = blob_data
    data.val = data.val.__class__(data.val.x[:0], data.val.y[:0])
    early = {"enabled": True, "metric": "val_accuracy", "patience": 2}
    config = _config(epochs=8, optimizer={"lr": 0.01}, regularization={"early_stopping": early})
    result = Trainer(chain_graph([4], MLP), data, config).run()
    assert result.epochs[0].val_loss is None and result.epochs[0].val_accuracy is None
    # the train loss keeps falling, so nothing stops the run
    assert result.status == "finished" and len(result.epochs) == 8


# --- NaN / inf --------------------------------------------------------------------------------


class BatchStates(TrainerCallbacks):
    def __init__(self) -> None:
        self.trainer: Trainer | None = None
        self.last: dict[str, torch.Tensor] | None = None
        self.failure: TrainingFailure | None = None

    def batch_ended(self, metrics: BatchMetrics) -> None:
        self.last = _state(self.trainer.model)

    def failed(self, failure: TrainingFailure, result: RunResult) -> None:
        self.failure = failure


def test_an_inf_in_the_data_stops_at_its_batch_keeping_the_last_good_weights(
    regression_data, chain_graph: Callable
) -> None:
    data = regression_data
    bad = int(epoch_order(len(data.train), 0, 0)[40])  # the seeded order's 41st sample:
    data.train.x[bad, 2] = math.inf  # in batch 3 of 16
    batch = 3
    graph = chain_graph([4], [("Linear", "fc", {"out_features": 2})])
    watcher = BatchStates()
    config = _config(task="regression", loss={"type": "mse"}, epochs=3)
    trainer = Trainer(graph, data, config, callbacks=watcher)
    watcher.trainer = trainer
    result = trainer.run()
    assert result.status == "failed"
    failure = result.failure
    assert failure is watcher.failure
    assert failure.kind == "nan" and (failure.epoch, failure.batch) == (1, batch)
    assert f"epoch 1, batch {batch}" in failure.message
    _assert_same_state(_state(trainer.model), watcher.last)  # the weights before that batch
    assert result.epochs == []


def test_a_huge_learning_rate_fails_with_nan_and_finite_weights(
    regression_data, chain_graph: Callable
) -> None:
    graph = chain_graph([4], [("Linear", "fc", {"out_features": 2})])
    config = _config(
        task="regression", loss={"type": "mse"}, epochs=20, optimizer={"type": "sgd", "lr": 10}
    )
    trainer = Trainer(graph, regression_data, config)
    result = trainer.run()
    assert result.status == "failed" and result.failure.kind == "nan"
    assert f"epoch {result.failure.epoch}, batch {result.failure.batch}" in result.failure.message
    assert "learning rate" in result.failure.message
    assert all(torch.isfinite(p).all() for p in trainer.model.parameters())
    assert len(result.epochs) == result.failure.epoch - 1  # the epochs before are kept


# --- stop and pause -------------------------------------------------------------------------------


class StopAt(Recorder):
    def __init__(self, batch: int, action: Callable[[Trainer], None]) -> None:
        super().__init__()
        self.batch, self.action = batch, action
        self.trainer: Trainer | None = None
        self.times: list[float] = []

    def batch_ended(self, metrics):
        super().batch_ended(metrics)
        self.times.append(time.perf_counter())
        if metrics.epoch == 1 and metrics.batch == self.batch:
            self.action(self.trainer)


def test_stop_takes_effect_within_one_batch(blob_data, chain_graph: Callable) -> None:
    callbacks = StopAt(3, lambda trainer: trainer.stop())
    trainer = Trainer(chain_graph([4], MLP), blob_data, _config(epochs=5), callbacks=callbacks)
    callbacks.trainer = trainer
    result = trainer.run()
    assert result.status == "stopped" and result.failure is None
    assert len(callbacks.names("batch_ended")) == 3
    assert [name for name, _ in callbacks.events][-1] == "finished"


def test_pause_then_resume_from_another_thread(blob_data, chain_graph: Callable) -> None:
    def pause(trainer: Trainer) -> None:
        trainer.pause()
        assert trainer.paused
        threading.Timer(0.2, trainer.resume).start()

    callbacks = StopAt(2, pause)
    trainer = Trainer(chain_graph([4], MLP), blob_data, _config(epochs=2), callbacks=callbacks)
    callbacks.trainer = trainer
    result = trainer.run()
    assert result.status == "finished" and len(result.epochs) == 2
    assert len(callbacks.names("batch_ended")) == 2 * 5
    assert callbacks.times[2] - callbacks.times[1] >= 0.19  # batch 3 waited for the resume


def test_stop_while_paused_ends_the_run(blob_data, chain_graph: Callable) -> None:
    def pause(trainer: Trainer) -> None:
        trainer.pause()
        threading.Timer(0.05, trainer.stop).start()

    callbacks = StopAt(1, pause)
    trainer = Trainer(chain_graph([4], MLP), blob_data, _config(epochs=3), callbacks=callbacks)
    callbacks.trainer = trainer
    assert trainer.run().status == "stopped"
    assert len(callbacks.names("batch_ended")) == 1


# --- checkpoints and resume -----------------------------------------------------------------------


def test_resume_reproduces_the_uninterrupted_run(tmp_path: Path, chain_graph: Callable) -> None:
    data = load_data(DataConfig(source="spiral", params={"points_per_class": 60}))
    layers = [
        ("Linear", "fc1", {"out_features": 32}),
        ("ReLU", "relu1", {}),
        ("Dropout", "dropout", {"p": 0.3}),
        ("Linear", "fc2", {"out_features": 3}),
    ]
    settings = {
        "batch_size": 16,
        "seed": 3,
        "optimizer": {"lr": 0.01},
        "schedule": {"type": "step", "step_size": 1, "gamma": 0.7, "warmup_epochs": 1},
        "regularization": {"early_stopping": {"enabled": True, "patience": 10}},
    }
    whole = Trainer(
        chain_graph([2], layers), data, _config(epochs=4, **settings), checkpoint_dir=tmp_path / "a"
    )
    uninterrupted = whole.run()
    first = Trainer(
        chain_graph([2], layers), data, _config(epochs=2, **settings), checkpoint_dir=tmp_path / "b"
    )
    assert first.run().status == "finished"
    second = Trainer(
        chain_graph([2], layers), data, _config(epochs=4, **settings), checkpoint_dir=tmp_path / "b"
    )
    recorder = Recorder()
    second.callbacks = recorder
    resumed = second.run(resume_from=tmp_path / "b" / "checkpoint")
    assert resumed.status == "finished"
    assert recorder.names("run_started")[0].start_epoch == 2
    assert [m.epoch for m in recorder.names("epoch_ended")] == [3, 4]

    def curve(result: RunResult, field: str) -> list[float]:
        return [getattr(e, field) for e in result.epochs]

    for field in ("train_loss", "val_loss", "lr"):
        assert curve(resumed, field) == pytest.approx(curve(uninterrupted, field), rel=1e-6)
    assert resumed.best_epoch == uninterrupted.best_epoch
    torch.testing.assert_close(
        dict(second.model.state_dict()), dict(whole.model.state_dict()), rtol=1e-6, atol=1e-7
    )
    assert resumed.test_loss == pytest.approx(uninterrupted.test_loss, rel=1e-6)


def test_early_stopping_carries_over_a_resume(
    tmp_path: Path, tensor_data: Callable, chain_graph: Callable
) -> None:
    data = _noise_data(tensor_data)
    layers = [("Linear", "fc1", {"out_features": 64}), ("ReLU", "r", {}), *MLP[2:]]
    early = {"enabled": True, "patience": 2}
    settings = {"optimizer": {"lr": 0.03}, "regularization": {"early_stopping": early}}
    whole = Trainer(chain_graph([4], layers), data, _config(epochs=60, **settings))
    uninterrupted = whole.run()
    assert uninterrupted.status == "early_stopped"
    stop, best = len(uninterrupted.epochs), uninterrupted.best_epoch
    assert stop - 1 > best  # stop the first part between the best epoch and the early stop
    first = Trainer(
        chain_graph([4], layers),
        data,
        _config(epochs=stop - 1, **settings),
        checkpoint_dir=tmp_path,
    )
    assert first.run().status == "finished"
    second = Trainer(chain_graph([4], layers), data, _config(epochs=60, **settings))
    resumed = second.run(resume_from=tmp_path / "checkpoint")
    assert resumed.status == "early_stopped" and len(resumed.epochs) == stop
    assert resumed.best_epoch == best
    _assert_same_state(_state(second.model), _state(whole.model))  # the best epoch's weights


def test_resume_from_a_folder_without_a_checkpoint_is_a_failure(
    tmp_path: Path, blob_data, chain_graph: Callable
) -> None:
    result = Trainer(chain_graph([4], MLP), blob_data, _config()).run(resume_from=tmp_path)
    assert result.status == "failed" and result.failure.kind == "config"
    assert "no checkpoint" in result.failure.message


def test_a_stop_mid_epoch_leaves_the_last_whole_epochs_checkpoint(
    tmp_path: Path, blob_data, chain_graph: Callable
) -> None:
    class StopInEpoch2(TrainerCallbacks):
        def batch_ended(self, metrics):
            if (metrics.epoch, metrics.batch) == (2, 2):
                trainer.stop()

    trainer = Trainer(
        chain_graph([4], MLP),
        blob_data,
        _config(epochs=3),
        callbacks=StopInEpoch2(),
        checkpoint_dir=tmp_path,
    )
    assert trainer.run().status == "stopped"
    state = torch.load(tmp_path / "checkpoint" / "state.pt", weights_only=True)
    assert state["epoch"] == 1  # resuming redoes epoch 2 whole


# --- runtime failures are reported, never raised --------------------------------------------------


def test_too_few_output_units_for_the_classes_is_a_clear_failure(chain_graph: Callable) -> None:
    data = load_data(DataConfig())  # digits: 10 classes
    graph = chain_graph([1, 8, 8], [("Flatten", "flat", {}), ("Linear", "fc", {"out_features": 3})])
    result = Trainer(graph, data, _config(epochs=1)).run()
    assert result.status == "failed"
    failure = result.failure
    assert failure.kind == "shape" and failure.node_id == "output"
    assert "gives 3 values per sample" in failure.message and "10 classes" in failure.message
    assert "set the last layer to 10 units" in failure.message
    assert (failure.epoch, failure.batch) == (1, 1)


def test_an_input_shape_that_does_not_fit_the_data_names_the_input(chain_graph: Callable) -> None:
    data = load_data(DataConfig())  # digits: 1×8×8 = 64 values
    graph = chain_graph([50], [("Linear", "fc", {"out_features": 10})])
    result = Trainer(graph, data, _config(epochs=1)).run()
    assert result.status == "failed"
    failure = result.failure
    assert failure.kind == "shape" and failure.node_id == "input"
    assert "1×8×8" in failure.message and "Input 'input'" in failure.message


def test_same_element_count_is_reshaped_to_the_input(chain_graph: Callable) -> None:
    data = load_data(DataConfig(source="blobs", params={"samples": 60}))
    graph = chain_graph([1, 2], [("Flatten", "flat", {}), ("Linear", "fc", {"out_features": 3})])
    assert Trainer(graph, data, _config(epochs=1)).run().status == "finished"


def test_an_error_inside_a_layer_names_its_node(
    tensor_data: Callable, chain_graph: Callable
) -> None:
    # token ids up to 9 into an Embedding of 5: shape inference cannot see values, the run can
    x = torch.randint(0, 10, (64, 4)).float()
    y = torch.arange(64) % 2
    data = tensor_data(x, y, classes=["even", "odd"])
    layers = [
        ("Embedding", "embed", {"num_embeddings": 5, "embedding_dim": 3}),
        ("Flatten", "flat", {}),
        ("Linear", "fc", {"out_features": 2}),
    ]
    graph = chain_graph([4], layers, dtype="int64")
    result = Trainer(graph, data, _config(epochs=1)).run()
    assert result.status == "failed"
    failure = result.failure
    assert failure.node_id == "embed"
    assert "Embedding 'embed'" in failure.message and "epoch 1, batch 1" in failure.message


def test_regression_targets_that_do_not_fit_the_output_are_a_failure(
    regression_data, chain_graph: Callable
) -> None:
    graph = chain_graph([4], [("Linear", "fc", {"out_features": 3})])  # the data has 2 targets
    config = _config(task="regression", loss={"type": "mse"}, epochs=1)
    result = Trainer(graph, regression_data, config).run()
    assert result.status == "failed" and result.failure.kind == "shape"
    assert result.failure.node_id == "output" and "2 target" in result.failure.message


def test_a_class_loss_on_regression_data_is_a_config_failure(
    regression_data, chain_graph: Callable
) -> None:
    graph = chain_graph([4], [("Linear", "fc", {"out_features": 2})])
    result = Trainer(graph, regression_data, _config(epochs=1)).run()
    assert result.status == "failed" and result.failure.kind == "config"
    assert "MSE" in result.failure.message


def test_an_invalid_network_is_a_config_failure(blob_data, chain_graph: Callable) -> None:
    graph = chain_graph([4], MLP)
    graph.disconnect(graph.edge_into("fc2", "in"))
    recorder = Recorder()
    result = Trainer(graph, blob_data, _config(), callbacks=recorder).run()
    assert result.status == "failed" and result.failure.kind == "config"
    assert [name for name, _ in recorder.events] == ["failed"]


def test_an_unavailable_device_is_a_device_failure(blob_data, chain_graph: Callable) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    result = Trainer(chain_graph([4], MLP), blob_data, _config(device="cuda")).run()
    assert result.status == "failed" and result.failure.kind == "device"


def test_resume_with_another_optimizer_is_a_config_failure(
    tmp_path: Path, blob_data, chain_graph: Callable
) -> None:
    first = Trainer(chain_graph([4], MLP), blob_data, _config(epochs=1), checkpoint_dir=tmp_path)
    assert first.run().status == "finished"
    config = _config(epochs=2, optimizer={"type": "sgd", "momentum": 0.9})
    result = Trainer(chain_graph([4], MLP), blob_data, config).run(tmp_path / "checkpoint")
    assert result.status == "failed" and result.failure.kind == "config"
    assert "another optimizer" in result.failure.message


def test_a_last_batch_of_one_sample_does_not_break_batchnorm() -> None:
    import torch

    from netstudio.core.graph import NetworkGraph
    from netstudio.training.config import TrainingConfig
    from netstudio.training.loaded_data import LoadedData, TensorSplit
    from netstudio.training.trainer import Trainer

    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [4]})
    graph.add_node("Linear", node_id="fc", params={"out_features": 8})
    graph.add_node("BatchNorm1d", node_id="bn")
    graph.add_node("Linear", node_id="head", params={"out_features": 2})
    graph.add_node("Output", node_id="output")
    for a, b in (("input", "fc"), ("fc", "bn"), ("bn", "head"), ("head", "output")):
        graph.connect(a, "out", b, "in")
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(9, 4, generator=generator)  # 9 = 2 batches of 4 + 1
    y = torch.tensor([0, 1] * 4 + [0])
    split = TensorSplit(x, y)
    empty = TensorSplit(x[:0], y[:0])
    data = LoadedData("tiny", "classification", split, empty, empty, (4,), classes=["a", "b"])
    result = Trainer(graph, data, TrainingConfig(epochs=2, batch_size=4)).run()
    assert result.failure is None, result.failure
    assert result.status == "finished"
