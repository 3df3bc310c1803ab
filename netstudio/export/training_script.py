"""The training half of an exported script: the project's settings, loss, optimizer, the loop.

The script reproduces NetStudio's trainer with the project's settings (loss, optimizer and its
parameters, schedule with warm-up, weight decay, L1, gradient clipping, early stopping, epochs,
batch size, seed) in plain PyTorch. This module writes the settings as constants and puts the
parts in order: the loss, target, optimizer and schedule (`training_objectives`), the loop that
is the same for every project (`training_loop`), and `load_model`.
"""

from __future__ import annotations

from netstudio.export.code import Imports, literal
from netstudio.export.python_code import ModelSource
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
) -> list[list[str]]:
    """Constants, loss, optimizer, schedule, the loop and ``main`` for `config`."""
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
    if config.mixed_precision:
        constants.append(
            "# The project trains with float16 autocast on CUDA; this script uses float32."
        )
    if weights_name is not None:
        constants.append(f"WEIGHTS = Path(__file__).with_name({literal(weights_name)})")
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
