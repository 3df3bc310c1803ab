"""Loss, optimizer and learning-rate schedule built from a `TrainingConfig`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import torch
from torch import nn
from torch.optim.lr_scheduler import LRScheduler, OneCycleLR, ReduceLROnPlateau

from netstudio.training.config import LossConfig, OptimizerConfig, ScheduleConfig, TrainingConfig
from netstudio.training.param_groups import add_group_like

#: Losses that take class indices as targets; the others take tensors shaped like the output.
CLASS_INDEX_LOSSES = frozenset({"cross_entropy", "nll"})


def build_loss(config: LossConfig) -> nn.Module:
    kind = config.type
    if kind == "cross_entropy":
        return nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    if kind == "nll":
        return nn.NLLLoss()
    if kind == "bce":
        return nn.BCELoss()
    if kind == "bce_with_logits":
        return nn.BCEWithLogitsLoss()
    if kind == "mse":
        return nn.MSELoss()
    if kind == "l1":
        return nn.L1Loss()
    if kind == "huber":
        return nn.HuberLoss(delta=config.huber_delta)
    if kind == "kl_div":
        return nn.KLDivLoss(reduction="batchmean", log_target=False)
    raise ValueError(f"unknown loss {kind!r}")


def class_probabilities(out: torch.Tensor, loss: str) -> torch.Tensor:
    """Each class's probability (N, classes) from a model's output, read the way `loss` reads
    it: log-probabilities for NLL and KL, probabilities for BCE, logits otherwise (sigmoid for
    one unit or BCE with logits, softmax for scores). The trainer's test predictions and the
    app's Try it both use it."""
    out = out.float()
    if out.dim() == 2 and out.shape[1] == 1:
        p = out[:, 0] if loss == "bce" else torch.sigmoid(out[:, 0])
        return torch.stack([1 - p, p], dim=1)
    if loss in ("nll", "kl_div"):  # log-probabilities
        return out.exp()
    if loss == "bce":  # already one probability per class
        return out
    if loss == "bce_with_logits":
        return torch.sigmoid(out)
    return torch.softmax(out, dim=1)


def build_optimizer(
    parameters: Iterable[torch.Tensor] | Iterable[dict[str, Any]],
    config: OptimizerConfig,
    weight_decay: float = 0.0,
) -> torch.optim.Optimizer:
    """The configured optimizer over `parameters`: tensors, or parameter groups (dicts with
    ``params`` and their own ``lr``, see `netstudio.training.param_groups.parameter_groups`).

    Adam and AdamW use torch's fused kernels where this torch has them for the parameters'
    device (CPU since torch 2.4, CUDA): the same algorithm, one kernel for all parameters
    instead of several per tensor, about a fifth of a small network's step time on the CPU.
    """
    params: list[Any] = list(parameters)
    kind = config.type
    if kind in ("adam", "adamw"):
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW

        def adam(fused: bool | None) -> torch.optim.Optimizer:
            return cls(
                params,
                lr=config.lr,
                betas=config.betas,
                eps=config.eps,
                weight_decay=weight_decay,
                fused=fused,
            )

        try:
            return adam(fused=True)
        except (RuntimeError, TypeError, ValueError):  # no fused kernel for this device
            return adam(fused=None)  # torch's default: the per-tensor kernels
    if kind == "sgd":
        return torch.optim.SGD(
            params,
            lr=config.lr,
            momentum=config.momentum,
            nesterov=config.nesterov,
            weight_decay=weight_decay,
        )
    if kind == "rmsprop":
        return torch.optim.RMSprop(
            params,
            lr=config.lr,
            alpha=config.alpha,
            eps=config.eps,
            momentum=config.momentum,
            weight_decay=weight_decay,
        )
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=config.lr, eps=config.eps, weight_decay=weight_decay)
    raise ValueError(f"unknown optimizer {kind!r}")


class Schedule:
    """A learning-rate schedule with optional linear warm-up, stepped by the trainer.

    `after_batch()` is called after every optimizer step and `after_epoch(metric)` after each
    epoch's validation; each schedule type reacts to the one it needs. Its state round-trips
    through `state_dict()` for resuming. Every parameter group follows the schedule from its
    own rate (a layer's multiplier scales its whole curve); `add_group` brings in a group of
    parameters that start to learn part-way (gradual unfreezing).

    base_lr: the optimizer's own rate (before multipliers), which one-cycle's default peak is
    ten times; by default the first group's rate over its multiplier.
    """

    def __init__(
        self,
        optimizer: torch.optim.Optimizer,
        config: ScheduleConfig,
        epochs: int,
        steps_per_epoch: int,
        base_lr: float | None = None,
    ) -> None:
        self.config = config
        self.optimizer = optimizer
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.warmup_steps = config.warmup_epochs * self.steps_per_epoch
        self.step_count = 0
        self.base_lrs = [group["lr"] for group in optimizer.param_groups]
        if base_lr is None:
            first = optimizer.param_groups[0]
            base_lr = first["lr"] / first.get("multiplier", 1.0)
        self.inner = _inner_scheduler(optimizer, config, epochs, self.steps_per_epoch, base_lr)
        if self.warmup_steps:
            self._set_warmup_lr()

    @property
    def lr(self) -> float:
        """The optimizer's rate now: that of a group with multiplier 1, else the first group's
        over its multiplier."""
        groups = self.optimizer.param_groups
        for group in groups:
            if group.get("multiplier", 1.0) == 1.0:
                return float(group["lr"])
        return float(groups[0]["lr"]) / groups[0]["multiplier"]

    def add_group(
        self, params: Sequence[torch.Tensor], multiplier: float, modules: list[str]
    ) -> None:
        """Let `params` (of the submodules `modules`) learn from now on, at `multiplier` × the
        rate the schedule has reached."""
        warming_up = self.step_count < self.warmup_steps
        add_group_like(
            self.optimizer, self.inner, self.base_lrs, list(params), multiplier, modules, warming_up
        )

    def _set_warmup_lr(self) -> None:
        scale = min(1.0, (self.step_count + 1) / (self.warmup_steps + 1))
        for group, base in zip(self.optimizer.param_groups, self.base_lrs, strict=True):
            group["lr"] = base * scale

    def after_batch(self) -> None:
        self.step_count += 1
        if self.step_count <= self.warmup_steps:
            self._set_warmup_lr()
            return
        inner = self.inner
        if isinstance(inner, OneCycleLR) and inner.last_epoch + 1 < inner.total_steps:
            inner.step()

    def after_epoch(self, metric: float | None) -> None:
        if self.step_count < self.warmup_steps or self.inner is None:
            return
        if self.step_count == self.warmup_steps and self.warmup_steps:
            for group, base in zip(self.optimizer.param_groups, self.base_lrs, strict=True):
                group["lr"] = base
            return
        if isinstance(self.inner, OneCycleLR):  # stepped per batch
            return
        if isinstance(self.inner, ReduceLROnPlateau):
            if metric is not None and math.isfinite(metric):
                self.inner.step(metric)
            return
        self.inner.step()

    def state_dict(self) -> dict[str, Any]:
        return {
            "step_count": self.step_count,
            "inner": self.inner.state_dict() if self.inner is not None else None,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.step_count = int(state["step_count"])
        if self.inner is not None and state.get("inner") is not None:
            self.inner.load_state_dict(state["inner"])


def _inner_scheduler(
    optimizer: torch.optim.Optimizer,
    config: ScheduleConfig,
    epochs: int,
    steps: int,
    base_lr: float,
) -> LRScheduler | ReduceLROnPlateau | None:
    """torch's scheduler for the configured type; None for a constant rate. One-cycle peaks
    at its `max_lr` (ten times `base_lr` by default) times each group's multiplier."""
    sched = torch.optim.lr_scheduler
    kind = config.type
    if kind == "none":
        return None
    if kind == "step":
        return sched.StepLR(optimizer, step_size=config.step_size, gamma=config.gamma)
    if kind == "multistep":
        return sched.MultiStepLR(optimizer, milestones=config.milestones, gamma=config.gamma)
    if kind == "exponential":
        return sched.ExponentialLR(optimizer, gamma=config.gamma)
    if kind == "cosine":
        span = max(1, epochs - config.warmup_epochs)
        return sched.CosineAnnealingLR(optimizer, T_max=span, eta_min=config.min_lr)
    if kind == "one_cycle":
        peak = config.max_lr or base_lr * 10
        peaks = [peak * group.get("multiplier", 1.0) for group in optimizer.param_groups]
        total = max(2, (epochs - config.warmup_epochs) * steps)
        return sched.OneCycleLR(optimizer, max_lr=peaks, total_steps=total)
    if kind == "reduce_on_plateau":
        return sched.ReduceLROnPlateau(
            optimizer, mode="min", factor=config.factor, patience=config.patience
        )
    raise ValueError(f"unknown schedule {kind!r}")


def lr_preview(config: TrainingConfig, steps_per_epoch: int = 10) -> list[float]:
    """The learning rate at the start of each epoch, for the training panel's preview curve
    (reduce-on-plateau is shown flat: it depends on the run)."""
    weight = torch.zeros(1, requires_grad=True)
    optimizer = build_optimizer([weight], config.optimizer)
    schedule = Schedule(optimizer, config.schedule, config.epochs, steps_per_epoch)
    rates = []
    for _ in range(config.epochs):
        rates.append(schedule.lr)
        for _ in range(steps_per_epoch):
            optimizer.step()
            schedule.after_batch()
        schedule.after_epoch(None)
    return rates


def lr_group_preview(
    config: TrainingConfig, steps_per_epoch: int = 10, multipliers: Iterable[float] | None = None
) -> dict[float, list[float]]:
    """The learning rate at the start of each epoch for each layer multiplier, for the preview
    of the parameter groups: `multipliers` (by default 1 and every multiplier of the
    fine-tuning settings) to the curve of a group with that multiplier."""
    if multipliers is None:
        multipliers = [1.0, *config.fine_tuning.lr_multipliers.values()]
    distinct = sorted({float(m) for m in multipliers})
    lr = config.optimizer.lr
    groups = [
        {"params": [torch.zeros(1, requires_grad=True)], "lr": lr * m, "multiplier": m}
        for m in distinct
    ]
    optimizer = build_optimizer(groups, config.optimizer)
    schedule = Schedule(optimizer, config.schedule, config.epochs, steps_per_epoch, lr)
    rates: dict[float, list[float]] = {m: [] for m in distinct}
    for _ in range(config.epochs):
        for m, group in zip(distinct, optimizer.param_groups, strict=True):
            rates[m].append(float(group["lr"]))
        for _ in range(steps_per_epoch):
            optimizer.step()
            schedule.after_batch()
        schedule.after_epoch(None)
    return rates
