"""Running a trained model on a few samples, for Try it and for reopening a run's weights.

Plain functions that import torch when called; the panels call them on a worker
(`netstudio.gui.background`). The probabilities are read from the output the way the loss
reads it (log-probabilities for NLL, sigmoid for one unit, softmax for scores), as the trainer
does for its test predictions.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import torch

    from netstudio.training.loaded_data import LoadedData

EVAL_BATCH = 1024


def input_spec(
    model: Any, graph: Any, data: LoadedData | None
) -> tuple[tuple[int, ...] | None, str]:
    """The shape (without the batch) and dtype the model's Input takes.

    Read from the Input node the model was compiled from (`model.meta` names it) when `graph`
    still has it, else the data's sample shape.
    """
    meta = getattr(model, "meta", {}).get("netstudio", {})
    inputs = meta.get("inputs") or []
    if graph is not None and len(inputs) == 1 and inputs[0] in graph:
        params = graph.node(inputs[0]).params
        return tuple(params.get("shape") or ()) or None, str(params.get("dtype", "float32"))
    return (tuple(data.input_shape) if data is not None else None), "float32"


def fit_input(
    x: torch.Tensor, shape: tuple[int, ...] | None, dtype: str = "float32"
) -> torch.Tensor:
    """Samples (N, ...) reshaped to the model's Input `shape` when only the layout differs
    (28×28 images into an Input of 784), as the trainer feeds them."""
    if (
        shape is not None
        and tuple(x.shape[1:]) != shape
        and math.prod(x.shape[1:]) == math.prod(shape)
    ):
        x = x.reshape(len(x), *shape)
    return x.long() if dtype == "int64" else x


def probabilities(out: torch.Tensor, loss: str) -> torch.Tensor:
    """Each class's probability (N, classes), as the trainer reads them (torch loads here)."""
    from netstudio.training.objectives import class_probabilities

    return class_probabilities(out, loss)


def classify(
    model: Any, x: torch.Tensor, loss: str, shape: tuple[int, ...] | None, dtype: str = "float32"
) -> np.ndarray:
    """Class probabilities (N, classes) of samples `x` (already normalised like the data)."""
    import torch

    with torch.no_grad():
        out = model(fit_input(x, shape, dtype))
    return probabilities(out, loss).numpy()


def run_model(
    model: Any, x: torch.Tensor, shape: tuple[int, ...] | None, dtype: str = "float32"
) -> np.ndarray:
    """The model's raw outputs for `x`, in batches (regression, reconstruction)."""
    import torch

    outs = []
    with torch.no_grad():
        for start in range(0, len(x), EVAL_BATCH):
            batch = fit_input(x[start : start + EVAL_BATCH], shape, dtype)
            outs.append(model(batch).float().numpy())
    return np.concatenate(outs) if outs else np.zeros((0,), dtype=np.float32)


def normalise(x: torch.Tensor, data: LoadedData | None) -> torch.Tensor:
    """Raw samples (values as the source gives them, images in [0, 1]) normalised as in training."""
    if data is None or data.mean is None or data.std is None:
        return x
    mean = x.new_tensor(data.mean)
    std = x.new_tensor(data.std)
    if x.dim() == 4:
        return (x - mean.view(1, -1, 1, 1)) / std.view(1, -1, 1, 1)
    return (x - mean) / std
