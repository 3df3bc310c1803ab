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
from netstudio.core.messages import QT_TRANSLATE_NOOP, Count, Template
from netstudio.training import failure_messages as words
from netstudio.training.config import TrainingConfig
from netstudio.training.loaded_data import LoadedData
from netstudio.training.objectives import CLASS_INDEX_LOSSES
from netstudio.training.results import TrainingFailure

# Why the output cannot meet the targets (`Targets.output_problem`), said after the output
# node's label; shape: "3 values" or "one value" (below).
_C = "TrainingFailures"
OUTPUT_PROBLEM = Template(
    "training.output", _C, QT_TRANSLATE_NOOP("TrainingFailures", "{node} {problem}")
)
VALUES = Template("training.values", _C, QT_TRANSLATE_NOOP("TrainingFailures", "{shape} values"))
ONE_VALUE = Template("training.one-value", _C, QT_TRANSLATE_NOOP("TrainingFailures", "one value"))
RECONSTRUCTION = Template(
    "training.output-reconstruction",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but reconstruction compares it with the input's {want} "
        "values: make the last layer give {want} values",
    ),
)
ONE_SCORE_PER_CLASS = Template(
    "training.output-one-score-per-class",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but the data has {k} classes and {loss} needs one score per "
        "class: set the last layer to {k} units",
    ),
)
ONE_VALUE_PER_CLASS = Template(
    "training.output-one-value-per-class",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but the data has {k} classes and {loss} compares one value "
        "per class: set the last layer to {k} units",
    ),
)
ONE_VALUE_PER_CLASS_OR_ONE = Template(
    "training.output-one-value-per-class-or-one",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but the data has {k} classes and {loss} compares one value "
        "per class: set the last layer to {k} units (or 1 unit for two classes)",
    ),
)
TARGET_VALUE = Template(
    "training.output-one-target-value",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but the data has {want} target value per sample: set the "
        "last layer to {want} units",
    ),
)
TARGET_VALUES = Template(
    "training.output-target-values",
    _C,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "gives {shape} per sample, but the data has {want} target values per sample: set the "
        "last layer to {want} units",
    ),
)


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
                words.REGRESSION_TARGETS(loss=loss),
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
                OUTPUT_PROBLEM(node=output_node.label, problem=problem),
                node_id=output_node.id,
                epoch=epoch + 1,
                batch=batch + 1,
            )

    def output_problem(self, out: torch.Tensor, x: torch.Tensor) -> str | None:
        """Why the network's output cannot meet the targets, or None when it can.

        Said after the output node's label: "gives 3 values per sample, but ...: set the last
        layer to 10 units".
        """
        shape = VALUES(shape="×".join(map(str, out.shape[1:]))) if out.dim() > 1 else ONE_VALUE()
        values = math.prod(out.shape[1:])
        loss = self.config.loss.type
        if self.config.task == "reconstruction":
            want = math.prod(x.shape[1:])
            if values != want:
                return RECONSTRUCTION(shape=shape, want=Count(want))
            return None
        if self.data.task == "classification":
            k = self.data.num_classes or int(self.data.train.y.max()) + 1
            if loss in CLASS_INDEX_LOSSES:
                # More scores than classes would train, but predict classes the data does not
                # have (the report and the confusion matrix then leave those samples out).
                extra = self.data.num_classes is not None and out.dim() == 2 and out.shape[1] > k
                if out.dim() != 2 or out.shape[1] < k or extra:
                    return ONE_SCORE_PER_CLASS(shape=shape, k=k, loss=loss)
                return None
            binary = k == 2 and out.dim() == 2 and out.shape[1] == 1
            if not binary and (out.dim() != 2 or out.shape[1] != k):
                if k == 2:
                    return ONE_VALUE_PER_CLASS_OR_ONE(shape=shape, k=k, loss=loss)
                return ONE_VALUE_PER_CLASS(shape=shape, k=k, loss=loss)
            return None
        want = self.data.target_size
        if values != want:
            template = TARGET_VALUE if want == 1 else TARGET_VALUES
            return template(shape=shape, want=want)
        return None

    def predict(self, out: torch.Tensor) -> torch.Tensor:
        """The predicted class of each sample: thresholded for one unit, else the top score."""
        if out.dim() == 2 and out.shape[1] == 1:
            threshold = 0.5 if self.config.loss.type == "bce" else 0.0
            return (out[:, 0] > threshold).long()
        return out.argmax(dim=1)
