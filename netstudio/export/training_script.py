"""The training half of an exported script: the project's settings, loss, optimizer, the loop.

The script reproduces NetStudio's trainer with the project's settings (loss, optimizer and its
parameters, schedule with warm-up, weight decay, L1, gradient clipping, early stopping, epochs,
batch size, seed, and the fine-tuning: frozen layers, per-layer learning rates, gradual
unfreezing) in plain PyTorch. This module writes the settings as constants and puts the parts
in order: the loss, target, optimizer and schedule (`training_objectives`), NetStudio's own
freezing and parameter-group functions (`netstudio.training.param_groups`, copied), the loop
that is the same for every project (`training_loop`), and `load_model`.
"""

from __future__ import annotations

from typing import Any

from netstudio.export.code import LINE_LENGTH, Imports, literal
from netstudio.export.python_code import ModelSource
from netstudio.export.source_copy import SourceBundle
from netstudio.export.training_loop import loop_blocks, main_block
from netstudio.export.training_objectives import (
    loss_block,
    optimizer_block,
    scheduler_block,
    target_block,
)
from netstudio.training.config import TrainingConfig


def training_blocks(
    config: TrainingConfig,
    classifies: bool,
    model: ModelSource,
    imports: Imports,
    weights_name: str | None,
    bundle: SourceBundle,
) -> list[list[str]]:
    """Constants, loss, optimizer, schedule, the loop and ``main`` for `config`; the
    functions of `netstudio.training.param_groups` the loop calls go into `bundle`."""
    from netstudio.training import param_groups

    for module, name, alias in (
        ("argparse", None, None),
        ("copy", None, None),
        ("math", None, None),
        ("os", None, None),
        ("torch.distributed", None, "dist"),
        ("safetensors.torch", "load_file", None),
        ("safetensors.torch", "save_file", None),
        ("torch.nn.parallel", "DistributedDataParallel", None),
        ("typing", "Any", None),
    ):
        imports.add(module, name, alias)
    (only_input,) = model.inputs
    reg = config.regularization
    early = reg.early_stopping
    constants = [
        f"EPOCHS = {config.epochs}",
        f"BATCH_SIZE = {config.batch_size}",
        f"SEED = {config.seed}",
        f"INPUT_SHAPE = {literal(only_input.shape)}",
        f"INPUT_DTYPE = torch.{only_input.dtype}",
        f"CLASSIFIES = {classifies!r}",
        f"ACCURACY = {classifies and config.task == 'classification'!r}",
        f"L1 = {reg.l1!r}",
        f"GRAD_CLIP = {reg.grad_clip!r}",
        f"EARLY_STOPPING = {early.enabled!r}",
        f"PATIENCE = {early.patience}",
        f"MIN_DELTA = {early.min_delta!r}",
        f"WATCH = {literal(early.metric)}",
        f"RESTORE_BEST = {early.restore_best!r}",
        f"THRESHOLD = {0.5 if config.loss.type == 'bce' else 0.0!r}",
        f"WARMUP_EPOCHS = {config.schedule.warmup_epochs}",
        f"SCHEDULE_PER_BATCH = {config.schedule.type == 'one_cycle'!r}",
        f"SCHEDULE_ON_LOSS = {config.schedule.type == 'reduce_on_plateau'!r}",
    ]
    constants += _fine_tuning_constants(config, model)
    for function in (
        param_groups.freeze_modules,
        param_groups.parameter_groups,
        param_groups.keep_batchnorm_eval,
        param_groups.learning_weights,
        param_groups.add_group_like,
    ):
        bundle.add(function)
    if config.mixed_precision:
        constants.append(
            "# The project trains with float16 autocast on CUDA; this script uses float32."
        )
    if weights_name is not None:  # the weights exported beside the script: training starts there
        constants.append(f"WEIGHTS = Path(__file__).with_name({literal(weights_name)})")
    else:
        constants.append("WEIGHTS = None")
    return [
        constants,
        loss_block(config),
        target_block(config, classifies),
        optimizer_block(config),
        scheduler_block(config),
        *loop_blocks(),
        _build_model(model.class_name, weights_name),
        main_block(),
    ]


def _fine_tuning_constants(config: TrainingConfig, model: ModelSource) -> list[str]:
    """The fine-tuning settings in the exported class's layer names (the node names)."""
    from netstudio.training.fine_tuning import TuningPlan

    plan = TuningPlan.resolve(model.compiled, config.fine_tuning)
    return [
        "# Fine-tuning: the layers that do not learn, each layer's learning-rate multiplier",
        "# (1 where none), whether frozen BatchNorm layers keep their statistics, and gradual",
        "# unfreezing: every UNFREEZE_EVERY epochs the next layer of UNFREEZE_ORDER learns.",
        *_constant("FROZEN", plan.frozen),
        *_constant("LR_MULTIPLIERS", dict(plan.multipliers or {})),
        f"FROZEN_BATCHNORM_EVAL = {plan.batchnorm_eval!r}",
        f"UNFREEZE_EVERY = {plan.unfreeze_every!r}",
        *_constant("UNFREEZE_ORDER", plan.unfreeze_order),
    ]


def _constant(name: str, value: tuple[Any, ...] | dict[str, Any]) -> list[str]:
    """``NAME = value`` as ruff formats it: on one line, else one item a line."""
    line = f"{name} = {literal(value)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    if isinstance(value, dict):
        items = [f"    {literal(k)}: {literal(v)}," for k, v in value.items()]
        return [f"{name} = {{", *items, "}"]
    return [f"{name} = (", *(f"    {literal(item)}," for item in value), ")"]


def _build_model(class_name: str, weights_name: str | None) -> list[str]:
    default = "WEIGHTS" if weights_name is not None else "None"
    return [
        f"def load_model(weights: str | Path | None = {default}) -> {class_name}:",
        f'    """A {class_name}; with `weights`, the weights from that safetensors file."""',
        f"    model = {class_name}()",
        "    if weights is not None:",
        "        model.load_state_dict(load_file(weights))",
        "    return model",
    ]
