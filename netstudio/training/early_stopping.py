"""Which epoch is the best so far, and whether patience has run out.

Every run keeps its best epoch's weights (by the early-stopping metric), whether or not early
stopping is on: the result names the best epoch and the run folder keeps its weights. With early
stopping on, the run ends after `patience` epochs without an improvement of at least `min_delta`.
The bookkeeping goes into each checkpoint, so a resumed run stops where the uninterrupted one
would have.
"""

from __future__ import annotations

from typing import Any

from netstudio.training.config import EarlyStoppingConfig
from netstudio.training.results import EpochMetrics


class EarlyStopping:
    """Watches `config.metric` epoch after epoch (see module docstring)."""

    def __init__(self, config: EarlyStoppingConfig) -> None:
        self.config = config
        self.best_metric: float | None = None
        self.best_epoch: int | None = None
        #: Epochs since the last improvement.
        self.stale = 0

    def watched(self, metrics: EpochMetrics) -> float:
        """The early-stopping metric, as a value to minimise; without a validation split, the
        validation metrics fall back to the training loss."""
        name = self.config.metric
        if name == "val_accuracy" and metrics.val_accuracy is not None:
            return -metrics.val_accuracy
        if name in ("val_loss", "val_accuracy") and metrics.val_loss is not None:
            return metrics.val_loss
        return metrics.train_loss

    def improved(self, metrics: EpochMetrics) -> bool:
        """Record the epoch of `metrics`; True when it is the new best."""
        watched = self.watched(metrics)
        if self.best_metric is None or watched < self.best_metric - self.config.min_delta:
            self.best_metric = watched
            self.best_epoch = metrics.epoch
            self.stale = 0
            return True
        self.stale += 1
        return False

    @property
    def should_stop(self) -> bool:
        """Early stopping is on and the last `patience` epochs did not improve."""
        return self.config.enabled and self.stale >= self.config.patience

    def state_dict(self) -> dict[str, Any]:
        """The bookkeeping, as a checkpoint stores it."""
        return {"best_metric": self.best_metric, "stale": self.stale, "best_epoch": self.best_epoch}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Go on from a checkpoint's bookkeeping (missing keys: nothing tracked yet)."""
        self.best_metric = state.get("best_metric")
        self.stale = int(state.get("stale", 0))
        self.best_epoch = state.get("best_epoch")
