"""The training loop: plain Python with callbacks; the GUI wraps it in a worker thread unchanged.

A `Trainer` compiles the graph, moves the data to the device once (the fast path: shuffled
batches are sliced from tensors, no per-sample Python), and runs epochs of training and
validation, then a test pass. Stop and pause are honoured between batches; a non-finite loss
stops the run before the step that would spoil the weights; runtime errors are reported
naming the node they came from. `run()` never raises for a problem of the network, the data or
the settings: the result says what went wrong.

The loop does per batch only what it must: one forward, loss, backward and step, the loss read
back once (for the NaN guard and the batch callback; free on the CPU, one sync on a GPU), and
the accuracy counted on the device.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
import traceback
from pathlib import Path

import numpy as np
import torch
from torch import nn

from netstudio.core.compiler import CompileError, compile_graph, node_for_error
from netstudio.core.graph import NetworkGraph
from netstudio.training.batches import TensorBatches
from netstudio.training.checkpoints import (
    CheckpointError,
    load_best,
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
from netstudio.training.objectives import (
    CLASS_INDEX_LOSSES,
    Schedule,
    build_loss,
    build_optimizer,
    class_probabilities,
)
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
        #: The best epoch's weights (by the early-stopping metric), once there is one.
        self.best_state: dict[str, torch.Tensor] | None = None

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
        except Exception as error:
            failure = _as_failure(error)
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
        self.output_node = self.graph.node(meta["outputs"][0])
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

    def _output_problem(self, out: torch.Tensor, x: torch.Tensor) -> str | None:
        """Why the network's output cannot meet the targets, or None when it can.

        Checked on the first batch, before the loss: a mismatch the loss would broadcast
        silently (3 outputs against 1 target) must not train into nonsense.
        """
        shape = "×".join(map(str, out.shape[1:])) + " values" if out.dim() > 1 else "one value"
        values = math.prod(out.shape[1:])
        loss = self.config.loss.type
        if self.config.task == "reconstruction":
            want = math.prod(x.shape[1:])
            if values != want:
                return (
                    f"gives {shape} per sample, but reconstruction compares it with the input's "
                    f"{want:,} values: make the last layer give {want:,} values"
                )
            return None
        if self.data.task == "classification":
            k = self.data.num_classes or int(self.data.train.y.max()) + 1
            if loss in CLASS_INDEX_LOSSES:
                if out.dim() != 2 or out.shape[1] < k:
                    return (
                        f"gives {shape} per sample, but the data has {k} classes and {loss} "
                        f"needs one score per class: set the last layer to {k} units"
                    )
                return None
            binary = k == 2 and out.dim() == 2 and out.shape[1] == 1
            if not binary and (out.dim() != 2 or out.shape[1] != k):
                either = " (or 1 unit for two classes)" if k == 2 else ""
                return (
                    f"gives {shape} per sample, but the data has {k} classes and {loss} "
                    f"compares one value per class: set the last layer to {k} units{either}"
                )
            return None
        want = self.data.target_size
        if values != want:
            return (
                f"gives {shape} per sample, but the data has {want} target value"
                f"{'s' if want != 1 else ''} per sample: set the last layer to {want} units"
            )
        return None

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
        early = reg.early_stopping
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
            # A last batch of one sample breaks BatchNorm in training mode; skip just that one.
            drop_last=len(train) % config.batch_size == 1 and len(train) > 1,
        )
        if not any(p.requires_grad for p in model.parameters()):
            raise TrainingFailure(
                "config",
                "the network has no weights to train: add a layer that learns, such as Linear",
            )
        optimizer = build_optimizer(model.parameters(), config.optimizer, reg.weight_decay)
        schedule = Schedule(optimizer, config.schedule, config.epochs, len(batches))
        amp = config.mixed_precision and self.device.startswith("cuda")
        scaler = torch.amp.GradScaler("cuda", enabled=amp)
        autocast = (
            (lambda: torch.autocast("cuda", dtype=torch.float16)) if amp else contextlib.nullcontext
        )
        l1_weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
        start_epoch = 0
        best_metric: float | None = None
        stale = 0
        if resume_from is not None:
            state = load_checkpoint(resume_from, model)
            kinds = (config.optimizer.type, config.schedule.type)
            try:
                if tuple(state.get("kinds", kinds)) != kinds:
                    raise ValueError(f"{' and '.join(state['kinds'])}, not {' and '.join(kinds)}")
                optimizer.load_state_dict(state["optimizer"])
                schedule.load_state_dict(state["schedule"])
            except (KeyError, RuntimeError, ValueError) as error:
                raise TrainingFailure(
                    "config",
                    f"cannot resume from {resume_from}: it was saved with another optimizer or "
                    f"schedule ({_first_line(error)}); resume with the run's own settings",
                ) from None
            start_epoch = int(state["epoch"])
            result.epochs = [EpochMetrics(**e) for e in state["history"]]
            tracked = state.get("early", {})
            best_metric = tracked.get("best_metric")
            stale = int(tracked.get("stale", 0))
            result.best_epoch = tracked.get("best_epoch")
            self.best_state = load_best(resume_from, self.device)
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
        output_checked = False
        for epoch in range(start_epoch, config.epochs):
            batches.set_epoch(epoch)
            model.train()
            # The fallback should a step leave non-finite weights behind a finite loss.
            epoch_state = _copy(model.state_dict())
            epoch_start = time.perf_counter()
            loss_sum = 0.0
            correct = torch.zeros((), device=self.device, dtype=torch.long)
            seen = 0
            stopped = False
            for index, (x, y) in enumerate(batches):
                if self._should_stop():
                    stopped = True
                    break
                try:
                    with autocast():
                        out = model(x)
                except Exception as error:
                    raise self._runtime_failure(error, epoch, index) from None
                if not output_checked:
                    problem = self._output_problem(out, x)
                    if problem is not None:
                        raise TrainingFailure(
                            "shape",
                            f"{self.output_node.label} {problem}",
                            node_id=self.output_node.id,
                            epoch=epoch + 1,
                            batch=index + 1,
                        )
                    output_checked = True
                try:
                    with autocast():
                        loss = self.loss_fn(out, self._target(x, y, out))
                        if reg.l1:
                            loss = loss + reg.l1 * sum(w.abs().sum() for w in l1_weights)
                except Exception as error:
                    raise self._loss_failure(error, epoch, index) from None
                value = float(loss.detach())
                if not math.isfinite(value):
                    raise self._nan_failure(value, epoch, index, epoch_state)
                optimizer.zero_grad(set_to_none=True)
                try:
                    if amp:
                        scaler.scale(loss).backward()
                        if reg.grad_clip:
                            scaler.unscale_(optimizer)
                            nn.utils.clip_grad_norm_(model.parameters(), reg.grad_clip)
                        scaler.step(optimizer)
                        scaler.update()
                    else:
                        loss.backward()
                        if reg.grad_clip:
                            nn.utils.clip_grad_norm_(model.parameters(), reg.grad_clip)
                        optimizer.step()
                except Exception as error:
                    raise self._runtime_failure(error, epoch, index) from None
                schedule.after_batch()
                n = len(x)
                seen += n
                loss_sum += value * n
                if self._classifies:
                    correct.add_((self._predict(out.detach()) == y).sum())
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
            if not _finite(model.state_dict()):
                raise self._nan_failure(None, epoch, None, epoch_state)
            del epoch_state
            val_loss, val_acc, _ = self.evaluate(self.data_splits["val"])
            metrics = EpochMetrics(
                epoch=epoch + 1,
                train_loss=loss_sum / max(1, seen),
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
            if best_metric is None or watched < best_metric - early.min_delta:
                best_metric = watched
                result.best_epoch = metrics.epoch
                self.best_state = _copy(model.state_dict())
                stale = 0
            else:
                stale += 1
            if stopped:
                # A part of an epoch is reported but not checkpointed: resuming redoes the
                # whole epoch, as the uninterrupted run would have run it.
                result.status = "stopped"
                break
            if self.checkpoint_dir is not None:
                save_checkpoint(
                    self.checkpoint_dir / "checkpoint",
                    model,
                    {
                        "kinds": [config.optimizer.type, config.schedule.type],
                        "optimizer": optimizer.state_dict(),
                        "schedule": schedule.state_dict(),
                        "epoch": epoch + 1,
                        "history": [e.to_dict() for e in result.epochs],
                        "early": {
                            "best_metric": best_metric,
                            "stale": stale,
                            "best_epoch": result.best_epoch,
                        },
                        "rng": rng_state(),
                    },
                    best=self.best_state if result.best_epoch == metrics.epoch else None,
                )
            if early.enabled and stale >= early.patience:
                result.status = "early_stopped"
                break
        total = time.perf_counter() - run_start
        result.train_seconds = total
        result.samples_per_second = samples_seen / total if total > 0 else 0.0
        if self.best_state is not None and early.enabled and early.restore_best:
            model.load_state_dict(self.best_state)
        self._test(result)

    def _watched(self, metrics: EpochMetrics) -> float:
        """The early-stopping metric, as a value to minimise; without a validation split, the
        validation metrics fall back to the training loss."""
        name = self.config.regularization.early_stopping.metric
        if name == "val_accuracy" and metrics.val_accuracy is not None:
            return -metrics.val_accuracy
        if name in ("val_loss", "val_accuracy") and metrics.val_loss is not None:
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
        elif self.data.task == "regression" or self.config.task == "reconstruction":
            result.report = regression_report(predictions.targets, predictions.predicted)

    def evaluate(
        self, split: TensorSplit, keep: bool = False
    ) -> tuple[float | None, float | None, Predictions | None]:
        """Mean loss, accuracy (classification) and, with `keep`, every prediction.

        Kept targets are the class indices or values, or the inputs for reconstruction.
        """
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
                except Exception as error:
                    raise self._runtime_failure(error, None, None) from None
                try:
                    loss = self.loss_fn(out, self._target(x, y, out))
                except Exception as error:
                    raise self._loss_failure(error, None, None) from None
                loss_sum += float(loss) * len(x)
                if self._classifies:
                    pred = self._predict(out)
                    correct += int((pred == y).sum())
                    if keep:
                        probs = class_probabilities(out, self.config.loss.type)
                        targets.append(y.cpu().numpy())
                        predicted.append(pred.cpu().numpy())
                        confidence.append(
                            probs.gather(1, pred[:, None])[:, 0].float().cpu().numpy()
                        )
                elif keep:
                    wanted = x if self.config.task == "reconstruction" else y
                    targets.append(wanted.reshape(out.shape).float().cpu().numpy())
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

    # --- failures ------------------------------------------------------------------------------

    def _nan_failure(
        self,
        value: float | None,
        epoch: int,
        batch: int | None,
        fallback: dict[str, torch.Tensor],
    ) -> TrainingFailure:
        """The loss (`value`) or, after a step, the weights stopped being finite.

        The weights are those before the failing batch when still finite, else the ones the
        epoch started from.
        """
        kept = "the weights are kept from the batch before"
        if not _finite(self.model.state_dict()):
            self.model.load_state_dict(fallback)
            kept = f"the weights are restored to those at the start of epoch {epoch + 1}"
        what = (
            f"the loss became {value} at epoch {epoch + 1}, batch {batch + 1}"
            if batch is not None
            else f"the weights stopped being finite during epoch {epoch + 1}"
        )
        return TrainingFailure(
            "nan",
            f"{what}: {kept}. Lower the learning rate, add gradient clipping, or check the data "
            "for invalid values",
            epoch=epoch + 1,
            batch=batch + 1 if batch is not None else None,
        )

    def _loss_failure(
        self, error: BaseException, epoch: int | None, batch: int | None
    ) -> TrainingFailure:
        """An error from the loss: the output and the targets do not fit each other."""
        when = _when(epoch, batch)
        text = _first_line(error)
        if isinstance(error, torch.OutOfMemoryError) or "out of memory" in text.lower():
            return self._runtime_failure(error, epoch, batch)
        return TrainingFailure(
            "shape",
            f"the {self.config.loss.type} loss failed{when}: {text}. Check that "
            f"{self.output_node.label} matches the data's targets and the loss (e.g. one unit "
            "per class for cross-entropy)",
            node_id=self.output_node.id,
            epoch=epoch + 1 if epoch is not None else None,
            batch=batch + 1 if batch is not None else None,
            details="".join(traceback.format_exception(error)),
        )

    def _runtime_failure(
        self, error: BaseException, epoch: int | None, batch: int | None
    ) -> TrainingFailure:
        """Turn an exception from the model into a message naming the node and the cause."""
        details = "".join(traceback.format_exception(error))
        node_id = node_for_error(self.model, error) if self.model is not None else None
        node = self.graph.node(node_id) if node_id is not None else None
        where = f" in {node.label}" if node is not None else ""
        when = _when(epoch, batch)
        epoch = epoch + 1 if epoch is not None else None
        batch = batch + 1 if batch is not None else None
        text = _first_line(error)
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
            if node is not None and node.type_id == "Embedding" and isinstance(error, IndexError):
                hint = (
                    f"the data holds token ids outside 0..{node.params['num_embeddings'] - 1}: "
                    "raise num_embeddings to the vocabulary size"
                )
            elif node is not None:
                hint = f"check {node.label}'s parameters against the data it gets"
            else:
                hint = "check that the Input's shape and dtype match the data"
            return TrainingFailure(
                "shape",
                f"the network failed{where}{when}: {text}. {hint[0].upper()}{hint[1:]}",
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


def _copy(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in state.items()}


def _finite(state: dict[str, torch.Tensor]) -> bool:
    """Whether every floating-point tensor of `state` is finite (one device sync)."""
    checks = [torch.isfinite(v).all() for v in state.values() if v.is_floating_point()]
    return bool(torch.stack(checks).all()) if checks else True


def _when(epoch: int | None, batch: int | None) -> str:
    """ " at epoch 3, batch 12" from 0-based indices; "" outside the training loop."""
    if epoch is None:
        return ""
    return f" at epoch {epoch + 1}" + (f", batch {batch + 1}" if batch is not None else "")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _as_failure(error: Exception) -> TrainingFailure:
    """Any exception that ended a run, as the failure the result reports."""
    if isinstance(error, TrainingFailure):
        return error
    if isinstance(error, CheckpointError):
        return TrainingFailure("config", str(error))
    return TrainingFailure(
        "error",
        f"training stopped: {type(error).__name__}: {_first_line(error)}",
        details="".join(traceback.format_exception(error)),
    )
