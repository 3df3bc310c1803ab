"""Measuring a model on a split: mean loss, accuracy and, for the test split, every prediction.

The trainer evaluates the validation split after each epoch and the test split at the end, in
large batches without gradients; the test predictions feed the report (per-class precision and
recall, or regression errors) and the app's evaluation views. Under torchrun the ranks share
the work: each evaluates its own part, and the sums and predictions are put together exactly.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from netstudio.training import distributed
from netstudio.training.batches import record_left_out, split_batches
from netstudio.training.failures import FailureDiagnosis
from netstudio.training.loaded_data import TensorSplit
from netstudio.training.metrics import (
    ClassificationReport,
    Predictions,
    RegressionReport,
    classification_report,
    regression_report,
)
from netstudio.training.objectives import class_probabilities
from netstudio.training.streaming import StreamSplit
from netstudio.training.targets import Targets

EVAL_BATCH = 1024


def evaluate_split(
    model: nn.Module,
    split: TensorSplit | StreamSplit,
    loss_fn: nn.Module,
    targets: Targets,
    failures: FailureDiagnosis,
    *,
    keep: bool = False,
) -> tuple[float | None, float | None, Predictions | None]:
    """Mean loss, accuracy (classification) and, with `keep`, every prediction.

    Kept targets are the class indices or values, or the inputs for reconstruction; the kept
    predictions carry the split position of each row's sample (`Predictions.positions`: a
    streamed image that cannot be read is left out). An error from the model or the loss is
    raised as the `TrainingFailure` that `failures` makes of it. In a distributed run each rank
    evaluates its `distributed.part` of the split and every rank gets the whole split's
    figures and predictions, as one process would have them, and judges the images all ranks
    left out together.
    """
    if len(split) == 0:
        return None, None, None
    model.eval()
    distributed.same_buffers(model)
    loss_sum = 0.0
    correct = 0
    count = 0
    wanted_all: list[torch.Tensor] = []
    predicted: list[torch.Tensor] = []
    confidence: list[torch.Tensor] = []
    positions: list[torch.Tensor] = []
    part = distributed.part(len(split))
    # the ranks' parts may take different numbers of batches: no rank judges its unreadable
    # images alone mid-pass (the others would not meet it there); all do after the pass
    together = isinstance(split, StreamSplit) and distributed.active()
    left_out: list[tuple[str, str]] | None = [] if together else None
    device = _device_of(model)
    batches = split_batches(split, EVAL_BATCH, device, part, left_out) if part else ()
    with torch.no_grad():
        for x, y, at in batches:
            try:
                out = model(x)
            except Exception as error:
                raise failures.runtime(error, None, None) from None
            try:
                loss = loss_fn(out, targets.target(x, y, out))
            except Exception as error:
                raise failures.loss(error, None, None) from None
            loss_sum += float(loss) * len(x)
            count += len(x)
            if keep:
                positions.append(at)
            if targets.classifies:
                pred = targets.predict(out)
                correct += int((pred == y).sum())
                if keep:
                    probs = class_probabilities(out, targets.config.loss.type)
                    wanted_all.append(y.long().cpu())
                    predicted.append(pred.long().cpu())
                    confidence.append(probs.gather(1, pred[:, None])[:, 0].float().cpu())
            elif keep:
                wanted = x if targets.config.task == "reconstruction" else y
                wanted_all.append(wanted.reshape(out.shape).float().cpu())
                predicted.append(out.float().cpu())
    if left_out is not None:
        record_left_out(split, left_out, every_rank=True)
    total, n, right = distributed.reduce_sums([loss_sum, float(count), float(correct)])
    if n == 0:  # every sample left out (a streamed split's unreadable images)
        return None, None, None
    accuracy = right / n if targets.classifies else None
    kept = None
    if keep:
        kind = torch.int64 if targets.classifies else torch.float32
        kept = Predictions(
            targets=_gathered(wanted_all, kind),
            predicted=_gathered(predicted, kind),
            confidence=_gathered(confidence, torch.float32) if targets.classifies else None,
            positions=_gathered(positions, torch.int64),
        )
    return total / n, accuracy, kept


def _gathered(parts: list[torch.Tensor], dtype: torch.dtype) -> np.ndarray:
    """This rank's kept batches joined, with every other rank's (`distributed.gather_rows`)."""
    rows = torch.cat(parts) if parts else torch.empty(0, dtype=dtype)
    return distributed.gather_rows(rows).numpy()


def _device_of(model: nn.Module) -> torch.device:
    """Where the model's weights are (the CPU for a model without any)."""
    for parameter in model.parameters():
        return parameter.device
    for buffer in model.buffers():
        return buffer.device
    return torch.device("cpu")


def report_for(
    predictions: Predictions, targets: Targets
) -> ClassificationReport | RegressionReport | None:
    """The report on the test predictions: per class, or the regression errors (None when
    neither fits, e.g. regression losses on class labels)."""
    if targets.classifies:
        return classification_report(
            predictions.targets, predictions.predicted, targets.data.classes
        )
    if targets.data.task == "regression" or targets.config.task == "reconstruction":
        return regression_report(predictions.targets, predictions.predicted)
    return None
