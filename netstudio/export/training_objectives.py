"""The loss, target, optimizer and learning-rate schedule of an exported training script.

Each is a small generated function (`make_loss`, `target_for`, `make_optimizer`,
`make_scheduler`) that builds the torch object the project's settings name, with the weight
decay folded into the optimizer. Only the arguments that differ from torch's defaults are
written (the learning rate always), so the calls read like hand-written ones.
"""

from __future__ import annotations

import inspect
from typing import Any

from netstudio.export.code import literal, wrap_call
from netstudio.training.config import TrainingConfig

_LOSSES = {
    "cross_entropy": "CrossEntropyLoss",
    "nll": "NLLLoss",
    "bce": "BCELoss",
    "bce_with_logits": "BCEWithLogitsLoss",
    "mse": "MSELoss",
    "l1": "L1Loss",
    "huber": "HuberLoss",
    "kl_div": "KLDivLoss",
}
_OPTIMIZERS = {
    "sgd": ("SGD", ("lr", "momentum", "nesterov")),
    "adam": ("Adam", ("lr", "betas", "eps")),
    "adamw": ("AdamW", ("lr", "betas", "eps")),
    "rmsprop": ("RMSprop", ("lr", "alpha", "eps", "momentum")),
    "adagrad": ("Adagrad", ("lr", "eps")),
}
_CLASS_INDEX_LOSSES = ("cross_entropy", "nll")


def loss_block(config: TrainingConfig) -> list[str]:
    """``make_loss()``: the project's loss with its parameters."""
    import torch

    loss = config.loss
    name = _LOSSES[loss.type]
    values: dict[str, Any] = {}
    if loss.type == "cross_entropy":
        values["label_smoothing"] = loss.label_smoothing
    elif loss.type == "huber":
        values["delta"] = loss.huber_delta
    elif loss.type == "kl_div":
        values = {"reduction": "batchmean", "log_target": False}
    args = _call_arguments(getattr(torch.nn, name), values, "")
    return [
        "def make_loss() -> nn.Module:",
        f'    """The {loss.type} loss of the project."""',
        *wrap_call(f"return nn.{name}", args, 4),
    ]


def target_block(config: TrainingConfig, classifies: bool) -> list[str]:
    """``target_for(x, y, out)``: what the loss compares the output with, for the task
    and the loss (class indices, one-hot labels, regression targets or the input)."""
    loss = config.loss.type
    if config.task == "reconstruction":
        body = ["    return x.reshape(out.shape) if x.numel() == out.numel() else x"]
        what = "the input itself (reconstruction)"
    elif classifies and loss not in _CLASS_INDEX_LOSSES:
        body = [
            "    if out.dim() == 2 and out.shape[1] == 1:",
            "        return y.to(out.dtype).unsqueeze(1)",
            "    return nn.functional.one_hot(y, out.shape[-1]).to(out.dtype)",
        ]
        what = f"the class labels as {loss} reads them"
    elif classifies:
        body = ["    return y"]
        what = "the class indices"
    else:
        body = ["    return y.to(out.dtype).reshape(out.shape) if y.numel() == out.numel() else y"]
        what = "the regression targets, shaped like the output"
    return [
        "def target_for(x: torch.Tensor, y: torch.Tensor, out: torch.Tensor) -> torch.Tensor:",
        f'    """What the loss compares the output with: {what}."""',
        *body,
    ]


def optimizer_block(config: TrainingConfig) -> list[str]:
    """``make_optimizer(model)``: the project's optimizer, weight decay included, over the
    parameters that learn, one group per learning-rate multiplier (`parameter_groups`)."""
    import torch

    opt = config.optimizer
    name, fields = _OPTIMIZERS[opt.type]
    values = {field: getattr(opt, field) for field in fields}
    values["weight_decay"] = config.regularization.weight_decay
    groups = f"parameter_groups(model, {literal(opt.lr)}, LR_MULTIPLIERS)"
    args = _call_arguments(getattr(torch.optim, name), values, groups)
    return [
        "def make_optimizer(model: nn.Module) -> torch.optim.Optimizer:",
        f'    """{name} with the project\'s settings, over the parameters that learn, one group',
        '    per learning-rate multiplier."""',
        *wrap_call(f"return torch.optim.{name}", args, 4),
    ]


def scheduler_block(config: TrainingConfig) -> list[str]:
    """``make_scheduler(optimizer, epochs, steps)``: the schedule after the warm-up."""
    s = config.schedule
    head = [
        "def make_scheduler(optimizer: torch.optim.Optimizer, epochs: int, steps: int) -> Any:",
        f'    """The learning-rate schedule ({s.type}) that follows the warm-up."""',
    ]
    span = "max(1, epochs - WARMUP_EPOCHS)"
    scheduler = "torch.optim.lr_scheduler."
    if s.type == "none":
        return [*head, "    return None"]
    if s.type == "step":
        call = ("StepLR", ["optimizer", f"step_size={s.step_size}", f"gamma={s.gamma!r}"])
    elif s.type == "multistep":
        call = ("MultiStepLR", ["optimizer", f"milestones={s.milestones!r}", f"gamma={s.gamma!r}"])
    elif s.type == "exponential":
        call = ("ExponentialLR", ["optimizer", f"gamma={s.gamma!r}"])
    elif s.type == "cosine":
        call = ("CosineAnnealingLR", ["optimizer", f"T_max={span}", f"eta_min={s.min_lr!r}"])
    elif s.type == "one_cycle":
        peak = s.max_lr or config.optimizer.lr * 10  # as the trainer works it out
        peaks = f'[{peak!r} * group["multiplier"] for group in optimizer.param_groups]'
        total = "max(2, (epochs - WARMUP_EPOCHS) * steps)"
        call = ("OneCycleLR", ["optimizer", f"max_lr={peaks}", f"total_steps={total}"])
    else:
        call = (
            "ReduceLROnPlateau",
            ["optimizer", f"factor={s.factor!r}", f"patience={s.patience}"],
        )
    return [*head, *wrap_call(f"return {scheduler}{call[0]}", call[1], 4)]


def _call_arguments(cls: Any, values: dict[str, Any], first: str) -> list[str]:
    """`first`, then the keyword arguments of `values` that differ from `cls`'s defaults
    (the learning rate always)."""
    params = inspect.signature(cls).parameters
    rendered = [first] if first else []
    for name, value in values.items():
        default = params[name].default if name in params else inspect.Parameter.empty
        if isinstance(default, tuple):
            value = tuple(value)
        if name == "lr" or default is inspect.Parameter.empty or default != value:
            rendered.append(f"{name}={literal(value)}")
    return rendered
