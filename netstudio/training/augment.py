"""Random crop with padding, horizontal flip and rotation of whole batches of images.

Every sample gets its own random crop offset, flip and angle, with no Python loop over samples:
a flip is a `torch.where` on a per-sample mask, a crop picks one window per sample from a
strided view of the zero-padded batch, a rotation is one `grid_sample` with a per-sample affine
matrix. torchvision.transforms.v2 is not used here: one call of a v2 transform draws one set of
parameters for the whole batch (every image would get the same crop and angle), and calling it
per sample would loop in Python. The draws come from a CPU `torch.Generator`, so the same seed
gives the same augmentation on every device and on both batch paths
(`netstudio.training.batches`).

Padding and the corners uncovered by a rotation are filled with 0, which after normalisation is
the training mean.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

    from netstudio.training.data_config import AugmentConfig


class BatchAugment:
    """Applies an `AugmentConfig` to batches of images (N, C, H, W)."""

    def __init__(self, config: AugmentConfig) -> None:
        self.padding = config.random_crop_padding
        self.flip = config.horizontal_flip
        self.degrees = config.rotation_degrees

    def __call__(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        if x.dim() != 4:
            raise ValueError(f"augmentation takes image batches (N, C, H, W), got {tuple(x.shape)}")
        if len(x) == 0:
            return x
        if self.padding > 0:
            x = random_crop(x, self.padding, generator)
        if self.flip:
            x = random_flip(x, generator)
        if self.degrees > 0:
            x = random_rotation(x, self.degrees, generator)
        return x


# The three changes are plain functions, so that an exported training script can carry them
# (netstudio.export copies their source) and augment exactly as NetStudio does.


def random_crop(x: torch.Tensor, padding: int, generator: torch.Generator) -> torch.Tensor:
    """Pad each image by `padding` zeros and crop it back at its own random offset."""
    import torch
    import torch.nn.functional as F

    n, _, h, w = x.shape
    p = padding
    offsets = torch.randint(0, 2 * p + 1, (2, n), generator=generator).to(x.device)
    # Every h×w window of the padded batch, as a strided view (N, C, 2p+1, 2p+1, H, W):
    # picking one window per sample copies only the output.
    windows = F.pad(x, (p, p, p, p)).unfold(2, h, 1).unfold(3, w, 1)
    return windows[torch.arange(n, device=x.device), :, offsets[0], offsets[1]]


def random_flip(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Mirror each image left-right with probability 1/2."""
    import torch

    mask = (torch.rand(len(x), generator=generator) < 0.5).to(x.device)
    return torch.where(mask[:, None, None, None], x.flip(-1), x)


def random_rotation(x: torch.Tensor, degrees: float, generator: torch.Generator) -> torch.Tensor:
    """Rotate each image by its own random angle in [-degrees, +degrees]."""
    import torch
    import torch.nn.functional as F

    n, _, h, w = x.shape
    angles = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(degrees)
    cos, sin = torch.cos(angles), torch.sin(angles)
    zero = torch.zeros_like(angles)
    # Rotation in pixel units, written in grid_sample's [-1, 1] coordinates (hence the
    # aspect ratios): output pixel p samples the input at R·p.
    theta = torch.stack(
        [
            torch.stack([cos, -sin * h / w, zero], dim=1),
            torch.stack([sin * w / h, cos, zero], dim=1),
        ],
        dim=1,
    ).to(device=x.device, dtype=x.dtype)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
