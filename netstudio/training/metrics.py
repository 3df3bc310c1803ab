"""Evaluation metrics, computed by scikit-learn from kept predictions.

Per epoch the trainer tracks loss and accuracy on the fly; at the end it keeps the test
predictions so a GUI can show the confusion matrix and the misclassified samples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class ClassificationReport:
    """Per-class precision/recall/F1 and the confusion matrix (rows: true, columns: predicted)."""

    accuracy: float
    classes: list[str]
    precision: list[float]
    recall: list[float]
    f1: list[float]
    support: list[int]
    confusion: list[list[int]]
    macro_f1: float

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class RegressionReport:
    mse: float
    mae: float
    r2: float | None

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class Predictions:
    """What the model said about each sample of a split, kept for evaluation views.

    targets: true class indices (classification) or values; predicted: class indices or values;
    confidence: probability of the predicted class (classification only).
    positions: the position in its split of each row's sample (the trainer's test predictions:
    a streamed image that could not be read is left out, so row i need not be sample i); None
    when row i is the split's sample i. `sample_positions` reads either.
    """

    targets: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    positions: np.ndarray | None = None

    def sample_positions(self, rows: np.ndarray) -> np.ndarray:
        """The split positions of the samples the predictions at `rows` are about."""
        rows = np.asarray(rows, dtype=np.int64)
        return rows if self.positions is None else np.asarray(self.positions)[rows]

    def misclassified(self, true_class: int | None = None, predicted_class: int | None = None):
        """Indices of samples with this true and predicted class (None: any), wrong ones only
        when both are None."""
        mask = np.ones(len(self.targets), dtype=bool)
        if true_class is not None:
            mask &= self.targets == true_class
        if predicted_class is not None:
            mask &= self.predicted == predicted_class
        if true_class is None and predicted_class is None:
            mask &= self.targets != self.predicted
        return np.flatnonzero(mask)


def classification_report(
    targets: np.ndarray, predicted: np.ndarray, classes: list[str] | None
) -> ClassificationReport:
    n = len(classes) if classes else int(max(targets.max(initial=0), predicted.max(initial=0))) + 1
    labels = list(range(n))
    names = list(classes) if classes else [str(i) for i in labels]
    from sklearn import metrics as skm  # imported when needed: it takes most of a second

    precision, recall, f1, support = skm.precision_recall_fscore_support(
        targets, predicted, labels=labels, zero_division=0
    )
    confusion = skm.confusion_matrix(targets, predicted, labels=labels)
    return ClassificationReport(
        accuracy=float(skm.accuracy_score(targets, predicted)),
        classes=names,
        precision=[float(v) for v in precision],
        recall=[float(v) for v in recall],
        f1=[float(v) for v in f1],
        support=[int(v) for v in support],
        confusion=confusion.astype(int).tolist(),
        macro_f1=float(np.mean(f1)) if len(f1) else 0.0,
    )


def regression_report(targets: np.ndarray, predicted: np.ndarray) -> RegressionReport:
    t = targets.reshape(len(targets), -1)
    p = predicted.reshape(len(predicted), -1)
    from sklearn import metrics as skm

    r2 = float(skm.r2_score(t, p)) if len(t) > 1 else None
    return RegressionReport(
        mse=float(skm.mean_squared_error(t, p)),
        mae=float(skm.mean_absolute_error(t, p)),
        r2=r2,
    )
