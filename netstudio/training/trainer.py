"""The training loop: plain Python with callbacks; the GUI wraps it in a worker thread unchanged.

A `Trainer` compiles the graph, moves the data to the device once (the fast path: shuffled
batches are sliced from tensors, no per-sample Python), and runs epochs of training and
validation, then a test pass. Stop and pause are honoured between batches; a non-finite loss
stops the run before the step that would spoil the weights; runtime errors are reported
naming the node they came from.
"""

from __future__ import annotations

import math
import threading
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from netstudio.core.compiler import CompileError, compile_graph, node_for_error
from netstudio.core.graph import NetworkGraph
from netstudio.training.batches import TensorBatches
from netstudio.training.checkpoints import (
    load_checkpoint,
    rng_state,
    save_checkpoint,
    set_rng_state,
)
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import AugmentConfig
from netstudio.training.devices import DeviceError, resolve_device
from netstudio.training.loaded_data import LoadedData, TensorSplit
from netstudio.training.metrics import Predictions, classification_report, regression_report
from netstudio.training.objectives import CLASS_INDEX_LOSSES, Schedule, build_loss, build_optimizer
from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunInfo,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)

EVAL_BATCH = 1024


class Trainer:
    """Trains `graph` on `data` with `config` (see module docstring).

    `checkpoint_dir`: where the last epoch's checkpoint is written (for resuming).
    `batch_every`: call `batch_ended` every this many batches (the GUI throttles further).
    """

    def __init__(
        self,
        graph: NetworkGraph,
        data: LoadedData,
        config: TrainingConfig,
        *,
        callbacks: TrainerCallbacks | None = None,
        checkpoint_dir: Path | None = None,
        batch_every: int = 1,
        augment: AugmentConfig | None = None,
    ) -> None:
        self.graph = graph
        self.data = data
        self.config = config
        self.callbacks = callbacks or TrainerCallbacks()
        self.checkpoint_dir = checkpoint_dir
        self.batch_every = max(1, batch_every)
        self.augment = augment if augment is not None and augment.enabled else None
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.model: torch.fx.GraphModule | None = None
        self.device = "cpu"

    # --- control, from any thread --------------------------------------------------------------

    def stop(self) -> None:
        """End the run after the current batch (a paused run ends at once)."""
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def _should_stop(self) -> bool:
        if not self._running.is_set():
            self._running.wait()
        return self._stop.is_set()

    # --- the run -------------------------------------------------------------------------------

    def run(self, resume_from: Path | None = None) -> RunResult:
        """Train; never raises for the person's mistakes: a failure is in `result.failure`."""
        result = RunResult(status="finished", run_dir=self.checkpoint_dir)
        try:
            self._run(result, resume_from)
        except TrainingFailure as failure:
            result.status = "failed"
            result.failure = failure
            self.callbacks.failed(failure, result)
            return result
        self.callbacks.finished(result)
        return result

    def _setup(self) -> None:
        config = self.config
        try:
            self.device = resolve_device(config.device)
        except DeviceError as error:
            raise TrainingFailure("device", str(error)) from None
        torch.manual_seed(config.seed)
        try:
            model = compile_graph(self.graph)
        except CompileError as error:
            first = error.problems[0] if getattr(error, "problems", None) else None
            raise TrainingFailure(
                "config",
                f"the network is not valid: {error}".splitlines()[0],
                node_id=first.node_id if first else None,
            ) from None
        meta = model.meta.get("netstudio", {})
        if len(meta.get("inputs", [])) != 1 or len(meta.get("outputs", [])) != 1:
            raise TrainingFailure(
                "config",
                "training needs a network with exactly one Input and one Output",
            )
        self.input_node = self.graph.node(meta["inputs"][0])
        self.model = model.to(self.device)
        self.data_splits = {
            name: self._fit_to_input(getattr(self.data, name)) for name in ("train", "val", "test")
        }
        self.loss_fn = build_loss(config.loss)
        self._check_task()

    def _fit_to_input(self, split: TensorSplit) -> TensorSplit:
        """Data on the device, each sample reshaped to the Input's shape when only the layout
        differs (28×28 images into an Input of 784)."""
        want = tuple(self.input_node.params["shape"])
        x = split.x
        have = tuple(x.shape[1:])
        if have != want:
            if math.prod(have) != math.prod(want):
                raise TrainingFailure(
                    "shape",
                    f"the data's samples are {'×'.join(map(str, have))} "
                    f"({math.prod(have):,} values) but Input '{self.input_node.name}' expects "
                    f"{'×'.join(map(str, want))}: set the Input shape to "
                    f"{', '.join(map(str, have))}",
                    node_id=self.input_node.id,
                )
            x = x.reshape(len(x), *want)
        if self.input_node.params.get("dtype") == "int64":
            x = x.long()
        return TensorSplit(x.to(self.device), split.y.to(self.device))

    def _check_task(self) -> None:
        loss = self.config.loss.type
        task = self.config.task
        if (
            self.data.task == "regression"
            and loss in CLASS_INDEX_LOSSES
            and task != "reconstruction"
        ):
            raise TrainingFailure(
                "config",
                f"the data has regression targets but the loss is {loss}, which needs class "
                "labels: choose MSE, L1 or Huber",
            )

    def _target(self, x: torch.Tensor, y: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
        loss = self.config.loss.type
        if self.config.task == "reconstruction":
            return x.reshape(out.shape) if x.numel() == out.numel() else x
        if self.data.task == "classification" and loss not in CLASS_INDEX_LOSSES:
            if out.dim() == 2 and out.shape[1] == 1:
                return y.to(out.dtype).unsqueeze(1)
            return nn.functional.one_hot(y, out.shape[-1]).to(out.dtype)
        if self.data.task == "regression":
            return y.to(out.dtype).reshape(out.shape) if y.numel() == out.numel() else y
        return y

    def _predict(self, out: torch.Tensor) -> torch.Tensor:
        if out.dim() == 2 and out.shape[1] == 1:
            threshold = 0.5 if self.config.loss.type == "bce" else 0.0
            return (out[:, 0] > threshold).long()
        return out.argmax(dim=1)

    @property
    def _classifies(self) -> bool:
        return self.data.task == "classification" and self.config.task == "classification"

    def _run(self, result: RunResult, resume_from: Path | None) -> None:
        self._setup()
        model = self.model
        config = self.config
        reg = config.regularization
        train = self.data_splits["train"]
        if len(train) == 0:
            raise TrainingFailure(
                "data",
                "the training split is empty: add data or lower the validation and test fractions",
            )
        batches = TensorBatches(
            train,
            config.batch_size,
            shuffle=True,
            seed=config.seed,
            device=self.device,
            augment=self.augment,
        )
        optimizer = build_optimizer(model.parameters(), config.optimizer, reg.weight_decay)
        schedule = Schedule(optimizer, config.schedule, config.epochs, len(batches))
        amp = config.mixed_precision and self.device.startswith("cuda")
        scaler = torch.amp.GradScaler("cuda", enabled=amp)
        l1_weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
        start_epoch = 0
        best_metric: float | None = None
        best_state: dict[str, torch.Tensor] | None = None
        stale = 0
        if resume_from is not None:
            state = load_checkpoint(resume_from, model)
            optimizer.load_state_dict(state["optimizer"])
            schedule.load_state_dict(state["schedule"])
            start_epoch = int(state["epoch"])
            result.epochs = [EpochMetrics(**e) for e in state["history"]]
            set_rng_state(state["rng"])
        parameters = sum(p.numel() for p in model.parameters())
        self.callbacks.run_started(
            RunInfo(
                device=self.device,
                epochs=config.epochs,
                batches_per_epoch=len(batches),
                train_samples=len(train),
                val_samples=len(self.data_splits["val"]),
                test_samples=len(self.data_splits["test"]),
                parameters=parameters,
                start_epoch=start_epoch,
                run_dir=self.checkpoint_dir,
            )
        )
        run_start = time.perf_counter()
        samples_seen = 0
        for epoch in range(start_epoch, config.epochs):
            batches.set_epoch(epoch)
            model.train()
            epoch_start = time.perf_counter()
            loss_sum = torch.zeros((), device=self.device)
            correct = torch.zeros((), device=self.device, dtype=torch.long)
            seen = 0
            stopped = False
            for index, (x, y) in enumerate(batches):
                if self._should_stop():
                    stopped = True
                    break
                try:
                    with torch.autocast("cuda", dtype=torch.float16, enabled=amp):
                        out = model(x)
                        loss = self.loss_fn(out, self._target(x, y, out))
                        if reg.l1:
                            loss = loss + reg.l1 * sum(w.abs().sum() for w in l1_weights)
                except Exception as error:
                    raise self._runtime_failure(error, epoch, index) from None
                value = float(loss.detach())
                if not math.isfinite(value):
                    result.status = "failed"
                    raise TrainingFailure(
                        "nan",
                        f"the loss became {value} at epoch {epoch + 1}, batch {index + 1}: "
                        "the weights are kept from the batch before. Lower the learning rate, "
                        "add gradient clipping, or check the data for invalid values",
                        epoch=epoch + 1,
                        batch=index + 1,
                    )
                optimizer.zero_grad(set_to_none=True)
                try:
                    scaler.scale(loss).backward()
                    if reg.grad_clip:
                        scaler.unscale_(optimizer)
                        nn.utils.clip_grad_norm_(model.parameters(), reg.grad_clip)
                    scaler.step(optimizer)
                    scaler.update()
                except Exception as error:
                    raise self._runtime_failure(error, epoch, index) from None
                schedule.after_batch()
                n = len(x)
                seen += n
                loss_sum += loss.detach().float() * n
                if self._classifies:
                    correct += (self._predict(out.detach()) == y).sum()
                if (index + 1) % self.batch_every == 0:
                    elapsed = time.perf_counter() - epoch_start
                    self.callbacks.batch_ended(
                        BatchMetrics(
                            epoch=epoch + 1,
                            batch=index + 1,
                            batches=len(batches),
                            loss=value,
                            lr=schedule.lr,
                            samples_per_second=seen / elapsed if elapsed > 0 else 0.0,
                        )
                    )
            if stopped and seen == 0:
                result.status = "stopped"
                break
            train_seconds = time.perf_counter() - epoch_start
            samples_seen += seen
            val_loss, val_acc, _ = self.evaluate(self.data_splits["val"])
            metrics = EpochMetrics(
                epoch=epoch + 1,
                train_loss=float(loss_sum) / max(1, seen),
                train_accuracy=float(correct) / max(1, seen) if self._classifies else None,
                val_loss=val_loss,
                val_accuracy=val_acc,
                lr=schedule.lr,
                seconds=train_seconds,
                samples_per_second=seen / train_seconds if train_seconds > 0 else 0.0,
            )
            result.epochs.append(metrics)
            schedule.after_epoch(val_loss if val_loss is not None else metrics.train_loss)
            self.callbacks.epoch_ended(metrics)
            watched = self._watched(metrics)
            if watched is not None and (
                best_metric is None or watched < best_metric - reg.early_stopping.min_delta
            ):
                best_metric = watched
                result.best_epoch = metrics.epoch
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
                stale = 0
            else:
                stale += 1
            if self.checkpoint_dir is not None:
                save_checkpoint(
                    self.checkpoint_dir / "checkpoint",
                    model,
                    {
                        "optimizer": optimizer.state_dict(),
                        "schedule": schedule.state_dict(),
                        "epoch": epoch + 1,
                        "history": [e.to_dict() for e in result.epochs],
                        "rng": rng_state(),
                    },
                )
            if stopped:
                result.status = "stopped"
                break
            if reg.early_stopping.enabled and stale >= reg.early_stopping.patience:
                result.status = "early_stopped"
                break
        total = time.perf_counter() - run_start
        result.train_seconds = total
        result.samples_per_second = samples_seen / total if total > 0 else 0.0
        if (
            best_state is not None
            and reg.early_stopping.enabled
            and reg.early_stopping.restore_best
        ):
            model.load_state_dict(best_state)
        self.best_state = best_state
        self._test(result)

    def _watched(self, metrics: EpochMetrics) -> float | None:
        """The early-stopping metric, as a value to minimise."""
        name = self.config.regularization.early_stopping.metric
        if name == "val_accuracy":
            return None if metrics.val_accuracy is None else -metrics.val_accuracy
        if name == "val_loss" and metrics.val_loss is not None:
            return metrics.val_loss
        return metrics.train_loss

    def _test(self, result: RunResult) -> None:
        test = self.data_splits["test"]
        if len(test) == 0:
            return
        loss, accuracy, predictions = self.evaluate(test, keep=True)
        result.test_loss = loss
        result.test_accuracy = accuracy
        result.predictions = predictions
        if predictions is None:
            return
        if self._classifies:
            result.report = classification_report(
                predictions.targets, predictions.predicted, self.data.classes
            )
        elif self.data.task == "regression":
            result.report = regression_report(predictions.targets, predictions.predicted)

    def evaluate(
        self, split: TensorSplit, keep: bool = False
    ) -> tuple[float | None, float | None, Predictions | None]:
        """Mean loss, accuracy (classification) and, with `keep`, every prediction."""
        if len(split) == 0:
            return None, None, None
        model = self.model
        model.eval()
        loss_sum = 0.0
        correct = 0
        targets, predicted, confidence = [], [], []
        with torch.no_grad():
            for start in range(0, len(split), EVAL_BATCH):
                x = split.x[start : start + EVAL_BATCH]
                y = split.y[start : start + EVAL_BATCH]
                try:
                    out = model(x)
                    loss = self.loss_fn(out, self._target(x, y, out))
                except Exception as error:
                    raise self._runtime_failure(error, None, None) from None
                loss_sum += float(loss) * len(x)
                if self._classifies:
                    pred = self._predict(out)
                    correct += int((pred == y).sum())
                    if keep:
                        probs = self._probabilities(out)
                        targets.append(y.cpu().numpy())
                        predicted.append(pred.cpu().numpy())
                        confidence.append(
                            probs.gather(1, pred[:, None])[:, 0].float().cpu().numpy()
                            if probs.dim() == 2
                            else probs.float().cpu().numpy()
                        )
                elif keep:
                    targets.append(y.float().cpu().numpy())
                    predicted.append(out.float().cpu().numpy())
        n = len(split)
        accuracy = correct / n if self._classifies else None
        kept = None
        if keep:
            kept = Predictions(
                targets=np.concatenate(targets),
                predicted=np.concatenate(predicted),
                confidence=np.concatenate(confidence) if confidence else None,
            )
        return loss_sum / n, accuracy, kept

    def _probabilities(self, out: torch.Tensor) -> torch.Tensor:
        if out.dim() == 2 and out.shape[1] == 1:
            p = out[:, 0] if self.config.loss.type == "bce" else torch.sigmoid(out[:, 0])
            p = torch.stack([1 - p, p], dim=1)
            return p
        if self.config.loss.type == "nll":
            return out.exp()
        return torch.softmax(out.float(), dim=1)

    def _runtime_failure(
        self, error: BaseException, epoch: int | None, batch: int | None
    ) -> TrainingFailure:
        """Turn an exception from the model into a message naming the node and the cause."""
        import traceback

        details = "".join(traceback.format_exception(error))
        node_id = node_for_error(self.model, error) if self.model is not None else None
        where = ""
        if node_id is not None:
            node = self.graph.node(node_id)
            where = f" in {node.label}"
        when = f" at epoch {epoch + 1}, batch {batch + 1}" if epoch is not None else ""
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if isinstance(error, torch.OutOfMemoryError) or "out of memory" in text.lower():
            return TrainingFailure(
                "memory",
                f"ran out of memory on {self.device}{where}{when} with batch size "
                f"{self.config.batch_size}: lower the batch size or use a smaller network",
                node_id=node_id,
                epoch=epoch,
                batch=batch,
                details=details,
            )
        if isinstance(error, (RuntimeError, ValueError, IndexError)):
            return TrainingFailure(
                "shape",
                f"the network failed{where}{when}: {text}. Check that the Output matches the "
                "data's targets and the loss (e.g. one unit per class for cross-entropy)",
                node_id=node_id,
                epoch=epoch,
                batch=batch,
                details=details,
            )
        return TrainingFailure(
            "error",
            f"training stopped{where}{when}: {type(error).__name__}: {text}",
            node_id=node_id,
            epoch=epoch,
            batch=batch,
            details=details,
        )
