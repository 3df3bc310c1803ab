"""Measuring a model on a split: mean loss, accuracy and, for the test split, every prediction.

The trainer evaluates the validation split after each epoch and the test split at the end, in
large batches without gradients; the test predictions feed the report (per-class precision and
recall, or regression errors) and the app's evaluation views.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from netstudio.training.batches import split_batches
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

    Kept targets are the class indices or values, or the inputs for reconstruction. An error
    from the model or the loss is raised as the `TrainingFailure` that `failures` makes of it.
    """
    if len(split) == 0:
        return None, None, None
    model.eval()
    loss_sum = 0.0
    correct = 0
    wanted_all, predicted, confidence = [], [], []
    with torch.no_grad():
        for x, y in split_batches(split, EVAL_BATCH, _device_of(model)):
            try:
                out = model(x)
            except Exception as error:
                raise failures.runtime(error, None, None) from None
            try:
                loss = loss_fn(out, targets.target(x, y, out))
            except Exception as error:
                raise failures.loss(error, None, None) from None
            loss_sum += float(loss) * len(x)
            if targets.classifies:
                pred = targets.predict(out)
                correct += int((pred == y).sum())
                if keep:
                    probs = class_probabilities(out, targets.config.loss.type)
                    wanted_all.append(y.cpu().numpy())
                    predicted.append(pred.cpu().numpy())
                    confidence.append(probs.gather(1, pred[:, None])[:, 0].float().cpu().numpy())
            elif keep:
                wanted = x if targets.config.task == "reconstruction" else y
                wanted_all.append(wanted.reshape(out.shape).float().cpu().numpy())
                predicted.append(out.float().cpu().numpy())
    n = len(split)
    accuracy = correct / n if targets.classifies else None
    kept = None
    if keep:
        kept = Predictions(
            targets=np.concatenate(wanted_all),
            predicted=np.concatenate(predicted),
            confidence=np.concatenate(confidence) if confidence else None,
        )
    return loss_sum / n, accuracy, kept


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
