"""How the network's output meets the data's targets, for one run's loss and task.

Class indices for cross-entropy, one-hot rows for the per-unit losses, values for regression,
the input itself for reconstruction. `Targets` also says when the output cannot meet them,
checked by the trainer on the first batch before the loss: a mismatch the loss would broadcast
silently (3 outputs against 1 target) must not train into nonsense. `netstudio.training.compat`
finds the same mismatches from the inferred output shape before a run starts.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from netstudio.core.graph import Node
from netstudio.training.config import TrainingConfig
from netstudio.training.loaded_data import LoadedData
from netstudio.training.objectives import CLASS_INDEX_LOSSES
from netstudio.training.results import TrainingFailure


class Targets:
    """The targets of `data` as the loss and task of `config` compare them with the output."""

    def __init__(self, data: LoadedData, config: TrainingConfig) -> None:
        self.data = data
        self.config = config

    @property
    def classifies(self) -> bool:
        """Whether the run classifies (so accuracy and predicted classes mean something)."""
        return self.data.task == "classification" and self.config.task == "classification"

    def check_task(self) -> None:
        """Raise a `TrainingFailure` when the loss cannot take the data's kind of targets."""
        loss = self.config.loss.type
        task = self.config.task
        if (
            self.data.task == "regression"
            and loss in CLASS_INDEX_LOSSES
            and task != "reconstruction"
        ):
            raise TrainingFailure(
                "config",
                f"the data has regression targets but the loss is {loss}, which needs class "
                "labels: choose MSE, L1 or Huber",
            )

    def target(self, x: torch.Tensor, y: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
        """What the loss compares `out` with, for inputs `x` and targets `y`."""
        loss = self.config.loss.type
        if self.config.task == "reconstruction":
            return x.reshape(out.shape) if x.numel() == out.numel() else x
        if self.data.task == "classification" and loss not in CLASS_INDEX_LOSSES:
            if out.dim() == 2 and out.shape[1] == 1:
                return y.to(out.dtype).unsqueeze(1)
            return nn.functional.one_hot(y, out.shape[-1]).to(out.dtype)
        if self.data.task == "regression":
            return y.to(out.dtype).reshape(out.shape) if y.numel() == out.numel() else y
        return y

    def check_output(
        self, out: torch.Tensor, x: torch.Tensor, output_node: Node, epoch: int, batch: int
    ) -> None:
        """Raise a `TrainingFailure` naming `output_node` when its output `out` (for inputs `x`)
        cannot meet the targets; `epoch` and `batch` are 0-based."""
        problem = self.output_problem(out, x)
        if problem is not None:
            raise TrainingFailure(
                "shape",
                f"{output_node.label} {problem}",
                node_id=output_node.id,
                epoch=epoch + 1,
                batch=batch + 1,
            )

    def output_problem(self, out: torch.Tensor, x: torch.Tensor) -> str | None:
        """Why the network's output cannot meet the targets, or None when it can.

        Said after the output node's label: "gives 3 values per sample, but ...: set the last
        layer to 10 units".
        """
        shape = "×".join(map(str, out.shape[1:])) + " values" if out.dim() > 1 else "one value"
        values = math.prod(out.shape[1:])
        loss = self.config.loss.type
        if self.config.task == "reconstruction":
            want = math.prod(x.shape[1:])
            if values != want:
                return (
                    f"gives {shape} per sample, but reconstruction compares it with the input's "
                    f"{want:,} values: make the last layer give {want:,} values"
                )
            return None
        if self.data.task == "classification":
            k = self.data.num_classes or int(self.data.train.y.max()) + 1
            if loss in CLASS_INDEX_LOSSES:
                # More scores than classes would train, but predict classes the data does not
                # have (the report and the confusion matrix then leave those samples out).
                extra = self.data.num_classes is not None and out.dim() == 2 and out.shape[1] > k
                if out.dim() != 2 or out.shape[1] < k or extra:
                    return (
                        f"gives {shape} per sample, but the data has {k} classes and {loss} "
                        f"needs one score per class: set the last layer to {k} units"
                    )
                return None
            binary = k == 2 and out.dim() == 2 and out.shape[1] == 1
            if not binary and (out.dim() != 2 or out.shape[1] != k):
                either = " (or 1 unit for two classes)" if k == 2 else ""
                return (
                    f"gives {shape} per sample, but the data has {k} classes and {loss} "
                    f"compares one value per class: set the last layer to {k} units{either}"
                )
            return None
        want = self.data.target_size
        if values != want:
            return (
                f"gives {shape} per sample, but the data has {want} target value"
                f"{'s' if want != 1 else ''} per sample: set the last layer to {want} units"
            )
        return None

    def predict(self, out: torch.Tensor) -> torch.Tensor:
        """The predicted class of each sample: thresholded for one unit, else the top score."""
        if out.dim() == 2 and out.shape[1] == 1:
            threshold = 0.5 if self.config.loss.type == "bce" else 0.0
            return (out[:, 0] > threshold).long()
        return out.argmax(dim=1)
