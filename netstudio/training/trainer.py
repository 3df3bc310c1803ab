"""The training loop: plain Python with callbacks; the GUI wraps it in a worker thread unchanged.

A `Trainer` compiles the graph, moves the data to the device once (the fast path: shuffled
batches are sliced from tensors, no per-sample Python), and runs epochs of training and
validation, then a test pass. Stop and pause are honoured between batches; a non-finite loss
stops the run before the step that would spoil the weights (under torchrun, every process at
the same batch, naming the one it happened on, as for an error in one process's forward pass:
`rank_failures`); runtime errors are reported naming the node they came from. `run()` never
raises for a problem of the network, the data or the settings: the result says what went
wrong.

The loop does per batch only what it must: one forward, loss, backward and step, the loss read
back once (for the NaN guard and the batch callback; free on the CPU, one sync on a GPU), and
the accuracy counted on the device. Beside it: `targets` (the output against the targets),
`failures` (errors and NaNs as failures naming the node), `evaluation` (validation and test
passes) and `early_stopping` (the best epoch).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import torch
from torch import nn

from netstudio.core.compiler import CompileError, compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.messages import Count
from netstudio.core.shapes import ShapeInference
from netstudio.training import distributed, rank_failures
from netstudio.training import failure_messages as words
from netstudio.training.batches import make_batches
from netstudio.training.checkpoints import (
    WeightsMismatchError,
    load_best,
    load_checkpoint,
    rng_state,
    save_checkpoint,
    set_rng_state,
)
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import AugmentConfig
from netstudio.training.devices import DeviceError, resolve_device
from netstudio.training.early_stopping import EarlyStopping
from netstudio.training.evaluation import evaluate_split, report_for
from netstudio.training.failures import (
    FailureDiagnosis,
    all_finite,
    as_failure,
    device_name,
    first_line,
    human_bytes,
    is_out_of_memory,
    out_of_memory,
    size_parameter,
)
from netstudio.training.fine_tuning import TuningPlan, everything_frozen
from netstudio.training.health import HealthOptions, HealthRecorder
from netstudio.training.health_records import EpochHealth
from netstudio.training.health_warnings import health_warnings
from netstudio.training.loaded_data import LoadedData, TensorSplit
from netstudio.training.metrics import Predictions
from netstudio.training.objectives import Schedule, build_loss, build_optimizer
from netstudio.training.param_groups import (
    freeze_modules,
    keep_batchnorm_eval,
    learning_weights,
    parameter_groups,
)
from netstudio.training.rank_failures import RankFailure
from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunInfo,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)
from netstudio.training.starting_weights import StartingWeights, start_from
from netstudio.training.streaming import StreamSplit
from netstudio.training.targets import Targets


class Trainer:
    """Trains `graph` on `data` with `config` (see module docstring).

    `checkpoint_dir`: where the last epoch's checkpoint is written (for resuming).
    `batch_every`: call `batch_ended` every this many batches (the GUI throttles further).
    `starting_weights`: tensors keyed like the compiled model's state_dict that the run starts
    from instead of fresh ones, where name and shape still fit (the project's starting weights:
    `netstudio.training.starting_weights.read_starting_weights`, or the app's unsaved ones).

    The fine-tuning settings (``config.fine_tuning``) freeze layers (no gradients, not in the
    optimizer; frozen BatchNorm layers in eval mode), give layers their own learning rates (one
    parameter group per multiplier) and unfreeze frozen layers every few epochs.

    `health`: record training-health statistics per node (`netstudio.training.health`) now and
    then, as these options say; None (the default) records nothing and costs nothing. Each
    epoch's summary and warnings arrive in `EpochMetrics.health`, the newest recording in
    `BatchMetrics.health`, and all of them in `RunResult.health`.
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
        starting_weights: Mapping[str, torch.Tensor] | None = None,
        health: HealthOptions | None = None,
    ) -> None:
        self.graph = graph
        self.health = health
        self.starting_weights = starting_weights
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
        #: What the run started from (`starting_weights`), once the model is built.
        self.started_from = StartingWeights(0)
        #: The run's optimizer, once built: its ``param_groups`` hold only parameters that
        #: learn, one group per multiplier (and one per layer gradual unfreezing freed).
        self.optimizer: torch.optim.Optimizer | None = None
        #: What records the run's training health (`health`), once built; its `overhead` says
        #: what recording cost.
        self.health_recorder: HealthRecorder | None = None
        #: Whether the run's processes have begun to step together (under torchrun: the model
        #: is wrapped in DDP); a failure after that is said by the process that met it.
        self.stepping = False

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
            if self.health_recorder is not None:  # no hook of a failed batch stays behind
                self.health_recorder.abandon()
            # under torchrun, every process learns of it (`rank_failures`); as it is alone
            failure = rank_failures.settle(as_failure(error), error, self.stepping)
            result.status = "failed"
            result.failure = failure
            self.callbacks.failed(failure, result)
            return result
        self.callbacks.finished(result)
        return result

    def _setup(self) -> torch.fx.GraphModule:
        """Compile the network, move it and the data to the device, build the loss: what every
        run needs before its first batch. Returns the model on the device (`self.model`)."""
        config = self.config
        try:
            self.device = resolve_device(config.device)
        except DeviceError as error:
            raise TrainingFailure("device", error.args[0]) from None
        torch.manual_seed(config.seed)
        # An auto Input takes the shape of the data's samples.
        inference = ShapeInference(self.graph, data_shape=self.data.input_shape)
        try:
            model = compile_graph(self.graph, inference)
        except CompileError as error:
            first = error.problems[0] if getattr(error, "problems", None) else None
            cause = error.__cause__
            if cause is not None and is_out_of_memory(cause) and first is not None:
                raise self._building_out_of_memory(first.node_id, cause) from None
            raise TrainingFailure(
                "config",
                words.NOT_VALID(problem=_first_problem(error)),
                node_id=first.node_id if first else None,
            ) from None
        finally:
            inference.close()
        meta = model.meta.get("netstudio", {})
        if len(meta.get("inputs", [])) != 1 or len(meta.get("outputs", [])) != 1:
            raise TrainingFailure(
                "config",
                words.ONE_INPUT_ONE_OUTPUT(),
            )
        self.input_node = self.graph.node(meta["inputs"][0])
        self.output_node = self.graph.node(meta["outputs"][0])
        self.started_from = start_from(model, self.starting_weights)
        try:
            model = model.to(self.device)
        except Exception as error:
            if not is_out_of_memory(error):
                raise
            weights = sum(t.numel() * t.element_size() for t in model.state_dict().values())
            raise out_of_memory(
                error,
                words.MOVING_WEIGHTS(size=human_bytes(weights), device=device_name(self.device)),
                words.SMALLER_NETWORK_OR_DEVICE(),
            ) from None
        self.model = model
        try:
            self.data_splits = {
                name: self._fit_to_input(getattr(self.data, name))
                for name in ("train", "val", "test")
            }
        except Exception as error:
            if not is_out_of_memory(error):
                raise
            raise out_of_memory(
                error,
                words.MOVING_DATA(device=device_name(self.device)),
                words.LESS_DATA_OR_DEVICE(),
            ) from None
        self.loss_fn = build_loss(config.loss)
        self._targets = Targets(self.data, config)
        self._targets.check_task()
        self._failures = FailureDiagnosis(self.graph, model, self.output_node, self.device, config)
        return model

    def _building_out_of_memory(self, node_id: str | None, error: BaseException) -> TrainingFailure:
        """Building the layer of `node_id` (on the CPU) asked for more memory than there is."""
        if node_id is None or node_id not in self.graph:
            return out_of_memory(error, words.BUILDING_NETWORK(), words.SMALLER_NETWORK())
        node = self.graph.node(node_id)
        size = size_parameter(node)
        shrink = (
            words.SHRINK_PARAM(param=size[0], value=Count(size[1]))
            if size
            else words.MAKE_SMALLER()
        )
        return out_of_memory(error, words.BUILDING_NODE(node=node.label), shrink, node_id=node_id)

    def _fit_to_input(self, split: TensorSplit | StreamSplit) -> TensorSplit | StreamSplit:
        """Data on the device, each sample reshaped to the Input's shape when only the layout
        differs (28×28 images into an Input of 784); an auto Input takes the samples as they
        are. A streamed split reshapes each sample as it is read."""
        # streamed: an image folder's or a file's rows (`StreamSplit`, `RowSplit`)
        have = tuple(split.x.shape[1:]) if isinstance(split, TensorSplit) else split.sample_shape
        shape = self.input_node.params.get("shape")
        want = tuple(shape) if shape is not None else have
        if have != want and math.prod(have) != math.prod(want):
            raise TrainingFailure(
                "shape",
                words.SAMPLES_DO_NOT_FIT(
                    have="×".join(map(str, have)),
                    values=Count(math.prod(have)),
                    name=self.input_node.name,
                    want="×".join(map(str, want)),
                    shape=", ".join(map(str, have)),
                ),
                node_id=self.input_node.id,
            )
        as_long = self.input_node.params.get("dtype") == "int64"
        if not isinstance(split, TensorSplit):
            return split.for_input(want, as_long)
        x = split.x if have == want else split.x.reshape(len(split), *want)
        if as_long:
            x = x.long()
        return TensorSplit(x.to(self.device), split.y.to(self.device))

    def _run(self, result: RunResult, resume_from: Path | None) -> None:
        if self.config.task == "gan":  # two networks of the project: a loop of its own
            from netstudio.training.gan import run_gan

            return run_gan(self, result, resume_from)
        model = self._setup()
        config = self.config
        reg = config.regularization
        early = EarlyStopping(reg.early_stopping)
        train = self.data_splits["train"]
        if len(train) == 0:
            raise TrainingFailure(
                "data",
                words.EMPTY_TRAINING_SPLIT(),
            )
        batches = make_batches(
            train,
            config.batch_size,
            train=True,
            seed=config.seed,
            device=self.device,
            augment=self.augment,
            shard=distributed.shard(),
            # A last batch of one sample breaks BatchNorm in training mode; skip just that one.
            drop_last=len(train) % config.batch_size == 1 and len(train) > 1,
        )
        if not any(p.requires_grad for p in model.parameters()):
            raise TrainingFailure(
                "config",
                words.NO_WEIGHTS(),
            )
        plan = TuningPlan.resolve(model, config.fine_tuning)
        freeze_modules(model, plan.frozen)
        if not any(p.requires_grad for p in model.parameters()):
            raise everything_frozen()
        groups = parameter_groups(model, config.optimizer.lr, plan.multipliers or {})
        optimizer = self.optimizer = build_optimizer(groups, config.optimizer, reg.weight_decay)
        schedule = Schedule(
            optimizer, config.schedule, config.epochs, len(batches), config.optimizer.lr
        )
        amp = config.mixed_precision and self.device.startswith("cuda")
        scaler = torch.amp.GradScaler("cuda", enabled=amp)
        autocast = (
            (lambda: torch.autocast("cuda", dtype=torch.float16)) if amp else contextlib.nullcontext
        )
        l1_weights = learning_weights(model)
        start_epoch = 0
        if resume_from is not None:
            start_epoch = self._resume(resume_from, model, optimizer, schedule, early, result, plan)
            l1_weights = learning_weights(model)
        health = None
        if self.health is not None:
            types = {node.id: node.type_id for node in self.graph.nodes()}
            health = self.health_recorder = HealthRecorder(model, optimizer, self.health, types)
            result.health = []
        parameters = sum(p.numel() for p in model.parameters())
        frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
        result.notes = list(self.started_from.notes) if start_epoch == 0 else []
        result.notes += self.data.notes
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
                frozen_parameters=frozen,
                starting_tensors=self.started_from.loaded if start_epoch == 0 else 0,
                notes=tuple(result.notes),
                streaming=self.data.streaming,
            )
        )
        if self.data.loading:  # which way the data is read, recorded with the run
            result.notes.append(self.data.loading)
        run_start = time.perf_counter()
        forward = distributed.wrap(model)  # the model itself, unless under torchrun
        world = distributed.shard()[1]
        self.stepping = True
        samples_seen = 0
        output_checked = False
        for epoch in range(start_epoch, config.epochs):
            batches.set_epoch(epoch)
            unfrozen = _unfreeze(plan, epoch, model, schedule)
            if unfrozen:
                l1_weights = learning_weights(model)
            model.train()
            if plan.batchnorm_eval:
                keep_batchnorm_eval(model, plan.frozen_during(epoch))
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
                if health is not None:
                    health.begin_batch(epoch + 1, index + 1)
                n = len(x)
                failed = None
                try:
                    if n == 0:  # under torchrun: the rank's whole share could not be read
                        out, loss = distributed.stand_in_step(forward, model, x, autocast)
                    else:
                        with autocast():
                            out = forward(x)
                except Exception as error:
                    failed = self._failures.runtime(error, epoch, index)
                    if world == 1:
                        raise failed from None
                if failed is None and n and not output_checked:
                    try:
                        self._targets.check_output(out, x, self.output_node, epoch, index)
                    except TrainingFailure as error:
                        if world == 1:
                            raise
                        failed = error
                    output_checked = True
                if failed is None and n:
                    try:
                        with autocast():
                            loss = self.loss_fn(out, self._targets.target(x, y, out))
                            if reg.l1:
                                loss = loss + reg.l1 * sum(w.abs().sum() for w in l1_weights)
                    except Exception as error:
                        failed = self._failures.loss(error, epoch, index)
                        if world == 1:
                            raise failed from None
                value = float(loss.detach()) if failed is None and n else 0.0
                together = n  # the samples every rank trains on in this step
                if world > 1:  # one exchange: every rank stops, or steps, with the others
                    status = rank_failures.step_status(value, n, failed)
                    rank_failures.shared(status, failed)
                    together = round(sum(row[1] for row in status))
                    bad = next(
                        (r for r, row in enumerate(status) if not math.isfinite(row[0])), None
                    )
                    if bad is not None:
                        failure = self._failures.nan(status[bad][0], epoch, index, epoch_state)
                        raise RankFailure(failure.on_rank(bad), shared=True)
                    # DDP averages the ranks' gradients: weigh each by its share of the
                    # samples all ranks really train on (unreadable ones are left out)
                    loss = loss * distributed.share(n, together)
                elif not math.isfinite(value):
                    raise self._failures.nan(value, epoch, index, epoch_state)
                optimizer.zero_grad(set_to_none=True)
                try:
                    if amp:
                        scaler.scale(loss).backward()
                        if together:  # 0: no rank could read an image of the batch (no step)
                            if reg.grad_clip:
                                scaler.unscale_(optimizer)
                                nn.utils.clip_grad_norm_(model.parameters(), reg.grad_clip)
                            scaler.step(optimizer)
                            scaler.update()
                    else:
                        loss.backward()
                        if together:
                            if reg.grad_clip:
                                nn.utils.clip_grad_norm_(model.parameters(), reg.grad_clip)
                            optimizer.step()
                except Exception as error:
                    raise self._failures.runtime(error, epoch, index) from None
                if together:
                    schedule.after_batch()
                if health is not None:
                    health.end_batch()
                if n == 0:  # this rank stepped with the others on none of its own samples
                    continue
                seen += n
                loss_sum += value * n
                if self._targets.classifies:
                    correct.add_((self._targets.predict(out.detach()) == y).sum())
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
                            health=health.take_latest() if health is not None else None,
                        )
                    )
            if stopped and seen == 0:
                result.status = "stopped"
                break
            loss_sum, seen, correct = distributed.reduce_epoch(loss_sum, seen, correct)
            train_seconds = time.perf_counter() - epoch_start
            samples_seen += seen
            if not all_finite(model.state_dict()):  # (the same weights on every rank)
                failure = self._failures.nan(None, epoch, None, epoch_state)
                raise RankFailure(failure, shared=True) if world > 1 else failure
            del epoch_state
            val_loss, val_acc, _ = self.evaluate(self.data_splits["val"])
            metrics = EpochMetrics(
                epoch=epoch + 1,
                train_loss=loss_sum / max(1, seen),
                train_accuracy=float(correct) / max(1, seen) if self._targets.classifies else None,
                val_loss=val_loss,
                val_accuracy=val_acc,
                lr=schedule.lr,
                seconds=train_seconds,
                samples_per_second=seen / train_seconds if train_seconds > 0 else 0.0,
                unfrozen=tuple(plan.node_id(name) for name in unfrozen),
                health=self._epoch_health(health, epoch + 1, result),
            )
            result.epochs.append(metrics)
            schedule.after_epoch(val_loss if val_loss is not None else metrics.train_loss)
            self.callbacks.epoch_ended(metrics)
            if early.improved(metrics):
                result.best_epoch = metrics.epoch
                self.best_state = _copy(model.state_dict())
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
                        "fine_tuning": config.fine_tuning.model_dump(mode="json"),
                        "optimizer": optimizer.state_dict(),
                        "schedule": schedule.state_dict(),
                        "epoch": epoch + 1,
                        "history": [e.to_dict() for e in result.epochs],
                        "early": early.state_dict(),
                        "rng": rng_state(),
                    },
                    best=self.best_state if result.best_epoch == metrics.epoch else None,
                )
            if early.should_stop:
                result.status = "early_stopped"
                break
        total = time.perf_counter() - run_start
        result.train_seconds = total
        result.samples_per_second = samples_seen / total if total > 0 else 0.0
        if self.best_state is not None and early.config.enabled and early.config.restore_best:
            model.load_state_dict(self.best_state)
        self._test(result)
        for split in self.data_splits.values():  # streamed images that could not be read
            note = split.skipped_note() if isinstance(split, StreamSplit) else None
            if note and note not in result.notes:  # the splits of one folder share it
                result.notes.append(note)

    def _epoch_health(
        self, health: HealthRecorder | None, epoch: int, result: RunResult
    ) -> EpochHealth | None:
        """The health summary of `epoch` (1-based) with the warnings as they now stand, added to
        `result`; None when the run records no health."""
        if health is None or result.health is None:
            return None
        summary = health.end_epoch(epoch)
        warnings = health_warnings(self.graph, [*result.health, summary])
        summary = replace(summary, warnings=tuple(warnings))
        result.health.append(summary)
        result.health_warnings = warnings
        return summary

    def _resume(
        self,
        folder: Path,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        schedule: Schedule,
        early: EarlyStopping,
        result: RunResult,
        plan: TuningPlan,
    ) -> int:
        """Restore the run saved in the checkpoint `folder`; returns the epoch it goes on after.

        Runs before `run_started`, and refuses a checkpoint that does not fit (another network,
        optimizer, schedule or fine-tuning settings, a damaged or crafted state) before
        restoring anything from it, so a resume that cannot start leaves the run folder as it
        was. Layers that gradual unfreezing freed before that epoch learn again, in their own
        parameter groups, so the optimizer's state finds the groups it was saved with.
        """
        try:
            state = load_checkpoint(folder, model)
        except WeightsMismatchError as error:
            raise TrainingFailure(
                "config",
                words.RESUME_MISMATCH(error=error.args[0]),
            ) from None
        config = self.config
        kinds = (config.optimizer.type, config.schedule.type)
        saved = tuple(state.get("kinds", kinds))
        if saved != kinds:
            raise TrainingFailure(
                "config",
                words.RESUME_OTHER_OPTIMIZER(
                    folder=str(folder), saved=" and ".join(saved), kinds=" and ".join(kinds)
                ),
            )
        tuning = config.fine_tuning.model_dump(mode="json")
        if state.get("fine_tuning", type(config.fine_tuning)().model_dump(mode="json")) != tuning:
            raise TrainingFailure(
                "config",
                words.RESUME_OTHER_TUNING(folder=str(folder)),
            )
        for epoch in range(1, int(state["epoch"])):
            _unfreeze(plan, epoch, model, schedule)
        try:
            optimizer.load_state_dict(state["optimizer"])
            schedule.load_state_dict(state["schedule"])
        except (KeyError, IndexError, RuntimeError, TypeError, ValueError) as error:
            raise TrainingFailure(
                "config",
                words.RESUME_STATE_DOES_NOT_FIT(folder=str(folder), error=first_line(error)),
            ) from None
        result.epochs = [EpochMetrics(**e) for e in state["history"]]
        early.load_state_dict(state.get("early", {}))
        result.best_epoch = early.best_epoch
        self.best_state = load_best(folder, self.device)
        set_rng_state(state["rng"])
        return state["epoch"]

    def _test(self, result: RunResult) -> None:
        test = self.data_splits["test"]
        if len(test) == 0:
            return
        loss, accuracy, predictions = self.evaluate(test, keep=True)
        result.test_loss = loss
        result.test_accuracy = accuracy
        result.predictions = predictions
        if predictions is not None:
            result.report = report_for(predictions, self._targets)

    def evaluate(
        self, split: TensorSplit | StreamSplit, keep: bool = False
    ) -> tuple[float | None, float | None, Predictions | None]:
        """Mean loss, accuracy (classification) and, with `keep`, every prediction.

        Kept targets are the class indices or values, or the inputs for reconstruction.
        """
        if self.model is None:
            raise RuntimeError("evaluate() needs the model that run() builds: call run() first")
        return evaluate_split(
            self.model, split, self.loss_fn, self._targets, self._failures, keep=keep
        )


def _copy(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in state.items()}


def _unfreeze(plan: TuningPlan, epoch: int, model: nn.Module, schedule: Schedule) -> list[str]:
    """Let the layers gradual unfreezing frees at the start of `epoch` (0-based) learn: their
    parameters get gradients and join the optimizer in a group of their own. Returns their
    submodule names."""
    names = list(plan.unfrozen_at(epoch))
    for name in names:
        params = list(model.get_submodule(name).parameters())
        for param in params:
            param.requires_grad_(True)
        if params:
            schedule.add_group(params, plan.multiplier(name), [name])
    return names


def _first_problem(error: CompileError) -> str:
    """The first line of `error`'s message ("fc1: …"), its first problem's message kept as
    made (a `netstudio.core.messages.Message` the app translates) when it is that line."""
    line = str(error).splitlines()[0] if str(error) else ""
    first = error.problems[0] if error.problems else None
    if first is not None and "\n" not in first.message:
        return words.AT(where=first.where, problem=first.message)
    return line
