"""What a GAN run reports: the two losses and the discriminator's verdicts, per batch and epoch,
and the grid of samples it draws after every epoch.

`GanBatchMetrics` and `GanEpochMetrics` are the trainer's `BatchMetrics` and `EpochMetrics` with
the GAN's figures added, so every front end that shows a run shows a GAN run too (its loss is
the generator's); the curves that know a GAN read the figures: the discriminator's and the
generator's loss, D(x) (the discriminator's mean probability that a real sample is real) and
D(G(z)) (that a generated one is). The run folder keeps them in gan.csv.
"""

from __future__ import annotations

import csv
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.training.results import BatchMetrics, EpochMetrics, RunResult

if TYPE_CHECKING:
    import torch

#: The GAN's own figures, in the order gan.csv and the `--json` summary give them.
GAN_FIELDS = ("d_loss", "g_loss", "d_real", "d_fake")
#: The columns of gan.csv.
GAN_CSV_FIELDS = ("epoch", *GAN_FIELDS, "seconds", "samples")


@dataclass(frozen=True)
class GanBatchMetrics(BatchMetrics):
    """One batch of a GAN run; `loss` is the generator's (its latest step)."""

    d_loss: float = math.nan
    g_loss: float = math.nan
    d_real: float = math.nan
    d_fake: float = math.nan


@dataclass(frozen=True)
class GanEpochMetrics(EpochMetrics):
    """One epoch of a GAN run: the batches' mean figures. `train_loss` is the generator's loss
    (there is no validation); `samples` is the grid of the fixed noise batch's samples drawn at
    the epoch's end, when the run has a folder and its samples are images."""

    d_loss: float = math.nan
    g_loss: float = math.nan
    d_real: float = math.nan
    d_fake: float = math.nan
    samples: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """The row every run has (epochs.csv, result.json's history): the GAN's figures are
        in `gan_dict` and gan.csv."""
        base = {f.name for f in fields(EpochMetrics)}
        row = super().to_dict()
        return {key: value for key, value in row.items() if key in base}

    def gan_dict(self) -> dict[str, Any]:
        """The GAN's figures of this epoch, by `GAN_FIELDS`."""
        row = asdict(self)
        return {name: row[name] for name in GAN_FIELDS}

    def line(self) -> str:
        """The one line per epoch that `netstudio train` prints for a GAN."""
        return " · ".join(
            [
                f"epoch {self.epoch}",
                f"D loss {self.d_loss:.4f}",
                f"G loss {self.g_loss:.4f}",
                f"D(x) {self.d_real:.3f}",
                f"D(G(z)) {self.d_fake:.3f}",
                f"{self.seconds:.1f} s",
                f"{self.samples_per_second:,.0f} samples/s",
            ]
        )


def gan_summary(result: RunResult) -> dict[str, Any]:
    """`RunResult.summary` with the last epoch's GAN figures added (`netstudio train --json`);
    the summary alone for a run that is not a GAN's."""
    summary = result.summary()
    last = result.last
    if isinstance(last, GanEpochMetrics):
        summary.update(last.gan_dict())
    return summary


def write_gan_csv(path: Path, epochs: list[GanEpochMetrics]) -> None:
    """gan.csv: the GAN's figures of every epoch so far, and each epoch's sample grid."""
    from netstudio.training.runs import write_atomically

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=GAN_CSV_FIELDS)
            writer.writeheader()
            for epoch in epochs:
                writer.writerow(
                    {
                        "epoch": epoch.epoch,
                        **{k: f"{v:.6g}" for k, v in epoch.gan_dict().items()},
                        "seconds": f"{epoch.seconds:.3f}",
                        "samples": epoch.samples.name if epoch.samples else "",
                    }
                )

    write_atomically(path, write)


def save_sample_grid(samples: torch.Tensor, rows: int, path: Path, value_range: tuple) -> bool:
    """Draw `samples` (N, C, H, W or N, H, W; C 1 or 3) as a grid of `rows` rows with a one
    pixel gap into the PNG `path`, `value_range` (low, high) mapped to black..white. Returns
    False, writing nothing, when the samples are not images."""
    import torch
    from PIL import Image

    from netstudio.training.runs import write_atomically

    x = samples.detach().float().cpu()
    if x.dim() == 3:
        x = x.unsqueeze(1)
    if x.dim() != 4 or x.shape[1] not in (1, 3) or x.shape[2] < 2 or x.shape[3] < 2:
        return False
    low, high = value_range
    x = ((x - low) / max(high - low, 1e-12)).clamp_(0, 1)
    n, c, h, w = x.shape
    cols = math.ceil(n / rows)
    grid = torch.ones(c, rows * (h + 1) + 1, cols * (w + 1) + 1) * 0.5
    for i in range(n):
        r, k = divmod(i, cols)
        grid[:, 1 + r * (h + 1) : 1 + r * (h + 1) + h, 1 + k * (w + 1) : 1 + k * (w + 1) + w] = x[i]
    pixels = grid.mul(255).round().to(torch.uint8).permute(1, 2, 0).numpy()
    image = Image.fromarray(pixels[:, :, 0] if c == 1 else pixels, "L" if c == 1 else "RGB")
    if max(image.size) < 256:  # 8×8 digits are specks at 1:1; nearest keeps them sharp
        scale = max(1, 256 // max(image.size))
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    write_atomically(path, lambda tmp: image.save(tmp, format="PNG"))
    return True
