"""The augmentation of an exported training script, done exactly as NetStudio does it.

The script's ``augment(x, generator)`` calls NetStudio's own augmentation functions, copied
into the script, with the project's settings; the training loop applies it to every batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netstudio.export.source_copy import SourceBundle
    from netstudio.training.data_config import DataConfig


def augment_block(data: DataConfig, bundle: SourceBundle) -> list[str]:
    """``augment(x, generator)``: the project's augmentation of training images, done by
    NetStudio's own functions (copied), so the script augments exactly as NetStudio does."""
    from netstudio.training import augment as own

    aug = data.augment
    lines = [
        "def augment(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:",
        '    """Random changes to a batch of training images, drawn afresh for every sample."""',
    ]
    if aug.enabled:
        lines.append("    if x.dim() != 4:  # augmentation is for images (N, C, H, W)")
        lines.append("        return x")
    if aug.random_crop_padding > 0:
        name = bundle.add(own.random_crop)
        lines.append(f"    x = {name}(x, {aug.random_crop_padding}, generator)")
    if aug.horizontal_flip:
        lines.append(f"    x = {bundle.add(own.random_flip)}(x, generator)")
    if aug.rotation_degrees > 0:
        name = bundle.add(own.random_rotation)
        lines.append(f"    x = {name}(x, {aug.rotation_degrees!r}, generator)")
    lines.append("    return x")
    return lines
