"""A generated sequence task for recurrent networks: which kind of wave is this?

Each example is a noisy sine, square or sawtooth wave of `length` steps, one feature per step
(samples shaped (length, 1), the (N, L, features) layout RNN, LSTM and GRU layers read), with its
own random frequency, phase and amplitude. Seeded by the project's seed, generated in
milliseconds, the same number of examples in every class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netstudio.core.params import p_float, p_int
from netstudio.training.loaded_data import RawData
from netstudio.training.sources import DataSource

WAVES = ("sine", "square", "sawtooth")
#: Most values (samples × length) generated: about 60 bytes each while generating.
MAX_VALUES = 10_000_000


def waves(samples: int, length: int, noise: float, seed: int):
    """(x, y): float32 waves (samples, length, 1) and int64 class indices into `WAVES`."""
    import numpy as np

    rng = np.random.default_rng(seed)
    y = np.arange(samples) % len(WAVES)
    cycles = rng.uniform(1.5, 4.0, (samples, 1))  # periods over the whole sequence
    phase = rng.uniform(0.0, 1.0, (samples, 1))
    amplitude = rng.uniform(0.5, 1.5, (samples, 1))
    t = (np.arange(length)[None, :] / length) * cycles + phase  # in periods
    fraction = t % 1.0
    shapes = np.stack(
        [
            np.sin(2 * np.pi * t),
            np.where(fraction < 0.5, 1.0, -1.0),
            2.0 * fraction - 1.0,
        ]
    )
    x = amplitude * shapes[y, np.arange(samples)] + rng.normal(0.0, noise, (samples, length))
    return x[:, :, None].astype(np.float32), y.astype(np.int64)


@dataclass(frozen=True, kw_only=True)
class WaveSource(DataSource):
    """Noisy waves of three shapes to tell apart."""

    def param_problems(self, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """The specs' problems, and too many values in all (each is bounded on its own)."""
        found = super().param_problems(params)
        if not found:
            checked = {
                spec.name: spec.check(params.get(spec.name, spec.default)) for spec in self.params
            }
            values = checked["samples"] * checked["length"]
            if values > MAX_VALUES:
                found.append(
                    (
                        "samples",
                        f"{self.name}: {checked['samples']:,} sequences of {checked['length']:,} "
                        f"steps are {values:,} values, more than {MAX_VALUES:,}: use fewer "
                        "samples or shorter sequences",
                    )
                )
        return found

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (params["length"], 1)  # one value per step

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch

        x, y = waves(params["samples"], params["length"], params["noise"], seed)
        return RawData(
            name=self.name,
            task="classification",
            x=torch.from_numpy(x),
            y=torch.from_numpy(y),
            classes=list(WAVES),
        )


SOURCES: tuple[DataSource, ...] = (
    WaveSource(
        id="sequences",
        name="Wave shapes",
        description="Noisy sine, square and sawtooth waves (one value per step, random "
        "frequency, phase and amplitude): classify the shape. A sequence task for RNN, LSTM "
        "and GRU layers.",
        params=(
            p_int("samples", 1200, "Number of sequences in all.", minimum=6, maximum=1_000_000),
            p_int("length", 40, "Steps in each sequence.", minimum=2, maximum=10_000),
            p_float("noise", 0.3, "Standard deviation of the added noise.", minimum=0.0),
        ),
    ),
)
