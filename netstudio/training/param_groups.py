"""Frozen layers and per-layer learning rates, in plain PyTorch, on a model's submodule names.

These functions know nothing of NetStudio's graph: they take a model and the names of its
top-level submodules (a compiled network's attribute names, which come from the node names;
`netstudio.training.fine_tuning` turns node ids into them). The exported training script copies
them unchanged, so it freezes, groups and unfreezes exactly as NetStudio's trainer does.

A group of the optimizer holds, beside torch's own keys, ``multiplier`` (its rate as a multiple
of the optimizer's) and ``modules`` (the submodules whose parameters it holds): the learning
rate curves and a resumed run read them back.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import torch
from torch import nn

#: The normalisation layers that keep running statistics a frozen layer must not change.
BATCHNORM_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.SyncBatchNorm)


def freeze_modules(model: nn.Module, names: Iterable[str]) -> None:
    """Give the parameters of the submodules `names` no gradients (``requires_grad=False``):
    they keep their values, and no memory goes to their gradients or optimizer state."""
    for name in names:
        model.get_submodule(name).requires_grad_(False)


def parameter_groups(
    model: nn.Module, lr: float, multipliers: Mapping[str, float]
) -> list[dict[str, Any]]:
    """The optimizer's parameter groups for the parameters of `model` that learn.

    One group per distinct multiplier (`multipliers`: submodule name to multiplier; 1 where a
    submodule has none), in the order the parameters come, each with the learning rate `lr` ×
    its multiplier. Frozen parameters (``requires_grad=False``) are in no group.
    """
    groups: dict[float, dict[str, Any]] = {}
    for name, module in model.named_children():
        params = [p for p in module.parameters() if p.requires_grad]
        if not params:
            continue
        multiplier = float(multipliers.get(name, 1.0))
        group = groups.get(multiplier)
        if group is None:
            group = {"params": [], "lr": lr * multiplier, "multiplier": multiplier, "modules": []}
            groups[multiplier] = group
        group["params"].extend(params)
        group["modules"].append(name)
    return list(groups.values())


def keep_batchnorm_eval(model: nn.Module, names: Collection[str]) -> None:
    """Put the BatchNorm layers of the submodules `names` in eval mode (call it after
    ``model.train()``): they normalise with their running statistics and leave them as they
    are, as a frozen layer should."""
    for name in names:
        for module in model.get_submodule(name).modules():
            if isinstance(module, BATCHNORM_TYPES):
                module.eval()


def learning_weights(model: nn.Module) -> list[torch.Tensor]:
    """The weights (not the biases) that learn: what an L1 penalty adds up."""
    return [p for n, p in model.named_parameters() if n.endswith("weight") and p.requires_grad]


def add_group_like(
    optimizer: torch.optim.Optimizer,
    scheduler: Any,
    base_lrs: list[float],
    params: list[torch.Tensor],
    multiplier: float,
    modules: list[str],
    warming_up: bool,
) -> None:
    """Add `params` (just unfrozen) to `optimizer` as a new group that learns at `multiplier` ×
    the optimizer's rate, at the point of the schedule the other groups have reached.

    The new group copies the first group's settings, its rates scaled by the ratio of the
    multipliers (every schedule here scales all groups alike, except cosine's floor: its rate
    is then computed where the cosine is). `scheduler` (torch's, or None) and `base_lrs` (each
    group's rate before any schedule, as the warm-up keeps them) are extended to the new group.
    """
    first = optimizer.param_groups[0]
    ratio = multiplier / first.get("multiplier", 1.0)
    base = base_lrs[0] * ratio
    group = {key: value for key, value in first.items() if key != "params"}
    group.update(params=list(params), multiplier=multiplier, modules=list(modules))
    for key in ("lr", "initial_lr", "max_lr", "min_lr"):
        if key in first:
            group[key] = first[key] * ratio
    if isinstance(scheduler, torch.optim.lr_scheduler.CosineAnnealingLR) and not warming_up:
        eta, step = scheduler.eta_min, scheduler.last_epoch
        group["lr"] = eta + (base - eta) * (1 + math.cos(math.pi * step / scheduler.T_max)) / 2
    optimizer.add_param_group(group)
    base_lrs.append(base)
    if hasattr(scheduler, "base_lrs"):
        scheduler.base_lrs.append(group.get("initial_lr", base))
    if getattr(scheduler, "_last_lr", None) is not None:
        scheduler._last_lr.append(group["lr"])
