"""Sources that need no files: 2-D toy sets generated in code, and scikit-learn's digits.

Every toy set is seeded by the project's seed and generated in milliseconds; each has the same
number of examples in every class (up to one when the count does not divide evenly).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.params import ParamSpec, p_float, p_int, p_ints
from netstudio.training.loaded_data import RawData
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    import numpy as np

#: (params, seed) -> features (N, 2), class indices (N,), class names
Generator = Callable[[Mapping[str, Any], int], "tuple[np.ndarray, np.ndarray, list[str]]"]


@dataclass(frozen=True, kw_only=True)
class ToySource(DataSource):
    """A 2-D classification set drawn by `generate`."""

    generate: Generator

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (2,)  # a point in the plane

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import numpy as np
        import torch

        x, y, classes = self.generate(params, seed)
        return RawData(
            name=self.name,
            task="classification",
            x=torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)),
            y=torch.from_numpy(np.ascontiguousarray(y, dtype=np.int64)),
            classes=classes,
        )


#: The ten digits, the Digits source's default `digits` parameter (all of them).
ALL_DIGITS = tuple(range(10))


@dataclass(frozen=True, kw_only=True)
class DigitsSource(DataSource):
    """scikit-learn's bundled handwritten digits as 1×8×8 images in [0, 1].

    The `digits` parameter keeps only some of them, relabelled 0..k-1 in the order listed (the
    class names stay the digits): a second task for the same images, as transfer learning
    needs (a network pretrained on 0–4 learns 5–9).
    """

    def param_problems(self, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        found = super().param_problems(params)
        kept = params.get("digits")
        if not found and isinstance(kept, (list, tuple)) and len(set(kept)) != len(kept):
            repeated = sorted({d for d in kept if list(kept).count(d) > 1})
            found.append(
                (
                    "digits",
                    f"{self.name}: 'digits' lists {', '.join(map(str, repeated))} more than "
                    "once: list each digit once",
                )
            )
        return found

    def class_count(self, params: Mapping[str, Any]) -> int | None:
        kept = params.get("digits", ALL_DIGITS)
        return len(kept) if isinstance(kept, (list, tuple)) else None

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...]:
        return (1, 8, 8)

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch
        from sklearn.datasets import load_digits

        digits = load_digits()
        x = torch.from_numpy(digits.images).to(torch.float32).div_(16).unsqueeze(1)
        y = torch.from_numpy(digits.target).to(torch.int64)
        kept = list(params["digits"])
        if kept != list(ALL_DIGITS):
            label = torch.full((len(ALL_DIGITS),), -1, dtype=torch.int64)
            label[kept] = torch.arange(len(kept))
            y = label[y]
            x, y = x[y >= 0], y[y >= 0]
        return RawData(
            name=self.name,
            task="classification",
            x=x,
            y=y,
            classes=[str(digit) for digit in kept],
        )


def _names(count: int) -> list[str]:
    return [f"class {i}" for i in range(count)]


def _spiral(params: Mapping[str, Any], seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    import numpy as np

    rng = np.random.default_rng(seed)
    classes, per_class = params["classes"], params["points_per_class"]
    radius = np.tile(np.linspace(0.0, 1.0, per_class), classes)
    label = np.repeat(np.arange(classes), per_class)
    turn = 4.0  # radians each arm sweeps
    angle = (
        np.tile(np.linspace(0.0, turn, per_class), classes)
        + label * (2 * np.pi / classes)
        + rng.normal(0.0, params["noise"], classes * per_class)
    )
    x = np.stack([radius * np.sin(angle), radius * np.cos(angle)], axis=1)
    return x, label, _names(classes)


def _moons(params: Mapping[str, Any], seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.datasets import make_moons

    x, y = make_moons(n_samples=params["samples"], noise=params["noise"], random_state=seed)
    return x, y, ["upper moon", "lower moon"]


def _circles(params: Mapping[str, Any], seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.datasets import make_circles

    x, y = make_circles(
        n_samples=params["samples"],
        noise=params["noise"],
        factor=params["factor"],
        random_state=seed,
    )
    return x, y, ["outer circle", "inner circle"]


def _xor(params: Mapping[str, Any], seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    import numpy as np

    rng = np.random.default_rng(seed)
    n = params["samples"]
    quadrant = np.arange(n) % 4
    sign = np.array([[1, 1], [-1, -1], [-1, 1], [1, -1]], dtype=np.float64)[quadrant]
    x = sign * rng.uniform(0.05, 1.0, (n, 2)) + rng.normal(0.0, params["noise"], (n, 2))
    y = (quadrant >= 2).astype(np.int64)
    return x, y, ["same sign", "opposite signs"]


def _blobs(params: Mapping[str, Any], seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.datasets import make_blobs

    x, y = make_blobs(
        n_samples=params["samples"],
        centers=params["classes"],
        n_features=2,
        cluster_std=params["spread"],
        random_state=seed,
    )
    return x, y, _names(params["classes"])


def _samples(default: int = 500) -> ParamSpec:
    return p_int("samples", default, "Number of points in all.", minimum=8, maximum=1_000_000)


def _noise(default: float) -> ParamSpec:
    return p_float("noise", default, "Standard deviation of the added noise.", minimum=0.0)


SOURCES: tuple[DataSource, ...] = (
    DigitsSource(
        id="digits",
        name="Digits (8×8)",
        description="1,797 real handwritten digits, 8×8 pixels, 10 classes, bundled with "
        "scikit-learn: works offline and trains in seconds.",
        params=(
            p_ints(
                "digits",
                ALL_DIGITS,
                "The digits kept, each a class numbered in the order listed (e.g. 5, 6, 7, "
                "8, 9 for a five-class task).",
                min_length=2,  # at most ten: each digit once
                minimum=0,
                maximum=9,
            ),
        ),
    ),
    ToySource(
        id="spiral",
        name="Spiral",
        description="Interleaved spiral arms, one per class: not linearly separable.",
        params=(
            p_int("classes", 3, "Number of arms (classes).", minimum=2, maximum=20),
            p_int("points_per_class", 200, "Points on each arm.", minimum=4, maximum=100_000),
            _noise(0.2),
        ),
        generate=_spiral,
    ),
    ToySource(
        id="moons",
        name="Two moons",
        description="Two interleaving half circles.",
        params=(_samples(), _noise(0.1)),
        generate=_moons,
    ),
    ToySource(
        id="circles",
        name="Circles",
        description="A small circle inside a large one.",
        params=(
            _samples(),
            _noise(0.05),
            p_float(
                "factor",
                0.5,
                "Radius of the inner circle relative to the outer.",
                minimum=0.01,
                maximum=0.99,
            ),
        ),
        generate=_circles,
    ),
    ToySource(
        id="xor",
        name="XOR",
        description="Points in the four quadrants; the class is whether x and y share a sign.",
        params=(_samples(), _noise(0.1)),
        generate=_xor,
    ),
    ToySource(
        id="blobs",
        name="Gaussian blobs",
        description="Isotropic Gaussian clusters, one per class.",
        params=(
            p_int("classes", 3, "Number of clusters (classes).", minimum=2, maximum=50),
            _samples(),
            p_float("spread", 1.0, "Standard deviation of each cluster.", minimum=0.0),
        ),
        generate=_blobs,
    ),
)
