"""What a run reports: per-batch and per-epoch metrics, the final result, and failures.

Plain data, so the GUI worker can pass them through signals and the run folder can store them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from netstudio.training.loaded_data import with_fixes
from netstudio.training.metrics import ClassificationReport, Predictions, RegressionReport

if TYPE_CHECKING:
    from netstudio.training.health_records import EpochHealth, HealthSample, HealthWarning

Status = Literal["finished", "stopped", "early_stopped", "failed"]
FailureKind = Literal["nan", "shape", "memory", "data", "device", "config", "error"]


@dataclass(frozen=True)
class RunInfo:
    """Sent when a run starts."""

    device: str
    epochs: int
    batches_per_epoch: int
    train_samples: int
    val_samples: int
    test_samples: int
    parameters: int
    start_epoch: int = 0
    run_dir: Path | None = None
    #: Parameters that do not learn when the run starts (frozen layers).
    frozen_parameters: int = 0
    #: Tensors the run started from instead of fresh ones (the project's starting weights).
    starting_tensors: int = 0
    #: What a person should know before the run starts (starting weights that did not fit).
    notes: tuple[str, ...] = ()
    #: The data is read from disk batch by batch (`LoadedData.streaming`), not held in memory.
    streaming: bool = False


@dataclass(frozen=True)
class BatchMetrics:
    """health: the newest training-health recording since the previous batch update, when the
    run records statistics (`netstudio.training.health`) and one was made."""

    epoch: int
    batch: int
    batches: int
    loss: float
    lr: float
    samples_per_second: float
    health: HealthSample | None = None


@dataclass(frozen=True)
class EpochMetrics:
    """One epoch (1-based). Accuracies are None for regression and reconstruction.

    unfrozen: the ids of the nodes gradual unfreezing set learning at this epoch's start (left
    out of `to_dict` when none, so a run without it is recorded as before).
    health: the epoch's training-health statistics and warnings, when the run records them
    (never in `to_dict`: the run folder keeps them in health.json).
    """

    epoch: int
    train_loss: float
    train_accuracy: float | None
    val_loss: float | None
    val_accuracy: float | None
    lr: float
    seconds: float
    samples_per_second: float
    unfrozen: tuple[str, ...] = ()
    health: EpochHealth | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unfrozen", tuple(self.unfrozen))  # a record's list

    def to_dict(self) -> dict[str, Any]:
        row = asdict(replace(self, health=None))
        del row["health"]
        if self.unfrozen:
            row["unfrozen"] = list(self.unfrozen)
        else:
            del row["unfrozen"]
        return row

    def line(self) -> str:
        """The one line per epoch that `netstudio train` prints."""
        parts = [f"epoch {self.epoch}", f"train loss {self.train_loss:.4f}"]
        if self.train_accuracy is not None:
            parts.append(f"acc {self.train_accuracy:.2%}")
        if self.val_loss is not None:
            parts.append(f"val loss {self.val_loss:.4f}")
        if self.val_accuracy is not None:
            parts.append(f"acc {self.val_accuracy:.2%}")
        parts.append(f"lr {self.lr:.3g}")
        parts.append(f"{self.seconds:.1f} s")
        parts.append(f"{self.samples_per_second:,.0f} samples/s")
        if self.unfrozen:
            parts.append(f"unfroze {', '.join(self.unfrozen)}")
        return " · ".join(parts)


class FailureFix(Enum):
    """Something a person can do about a `TrainingFailure` that each front end says in its
    own words (the command line names the project file's keys, the app its switches)."""

    #: Let at least one frozen layer learn again.
    UNFREEZE = "unfreeze"


class TrainingFailure(Exception):
    """A run that could not go on, said for people: what happened, where, and what to do.

    kind: nan (loss not finite), shape (data or layer shapes do not fit), memory, data,
    device, config, error (anything else). `node_id` names the node at fault when known;
    `epoch` and `batch` are 1-based, as the message says them (None outside the training loop).
    `details` holds the traceback of the error behind it, if any, for a "details" view.
    `fixes` are remedies a front end names with its own controls (`advice`).
    """

    def __init__(
        self,
        kind: FailureKind,
        message: str,
        *,
        node_id: str | None = None,
        epoch: int | None = None,
        batch: int | None = None,
        details: str = "",
        fixes: Iterable[FailureFix] = (),
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.node_id = node_id
        self.epoch = epoch
        self.batch = batch
        self.details = details
        self.fixes: tuple[FailureFix, ...] = tuple(fixes)

    def advice(self, phrases: Mapping[FailureFix, str]) -> str:
        """The message followed by its fixes, each as `phrases` says it (a clause such as
        "remove a node id from training.fine_tuning.frozen"), as one more sentence."""
        return with_fixes(self.message, [phrases[fix] for fix in self.fixes if fix in phrases])

    def on_rank(self, rank: int) -> TrainingFailure:
        """This failure as every process of a distributed run reports it when one of them met
        it (a loss that became NaN there): the message names that `rank`."""
        from netstudio.training import failure_messages as words

        return TrainingFailure(
            self.kind,
            words.ON_RANK(rank=rank, failure=self.message),
            node_id=self.node_id,
            epoch=self.epoch,
            batch=self.batch,
            details=self.details,
            fixes=self.fixes,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "node_id": self.node_id,
            "epoch": self.epoch,
            "batch": self.batch,
        }


@dataclass
class RunResult:
    status: Status
    epochs: list[EpochMetrics] = field(default_factory=list)
    best_epoch: int | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    report: ClassificationReport | RegressionReport | None = None
    predictions: Predictions | None = None
    train_seconds: float = 0.0
    samples_per_second: float = 0.0
    failure: TrainingFailure | None = None
    run_dir: Path | None = None
    #: What a person should know about the run (`RunInfo.notes`), kept in its result.json.
    notes: list[str] = field(default_factory=list)
    #: Each epoch's training-health statistics when the run recorded them, else None.
    health: list[EpochHealth] | None = None
    #: The training-health warnings as they stood when the run ended.
    health_warnings: list[HealthWarning] = field(default_factory=list)

    @property
    def last(self) -> EpochMetrics | None:
        return self.epochs[-1] if self.epochs else None

    def summary(self) -> dict[str, Any]:
        """The JSON object `netstudio train --json` prints last."""
        last = self.last
        return {
            "status": self.status,
            "epochs": len(self.epochs),
            "train_loss": last.train_loss if last else None,
            "train_accuracy": last.train_accuracy if last else None,
            "val_loss": last.val_loss if last else None,
            "val_accuracy": last.val_accuracy if last else None,
            "best_epoch": self.best_epoch,
            "test_loss": self.test_loss,
            "test_accuracy": self.test_accuracy,
            "train_seconds": round(self.train_seconds, 3),
            "samples_per_second": round(self.samples_per_second, 1),
            "run_dir": str(self.run_dir) if self.run_dir else None,
            "error": self.failure.to_dict() if self.failure else None,
            **(
                {"health_warnings": [w.to_dict() for w in self.health_warnings]}
                if self.health is not None
                else {}
            ),
        }


class TrainerCallbacks:
    """Hooks a front end overrides; every one is a no-op here. Called on the training thread."""

    def run_started(self, info: RunInfo) -> None: ...

    def batch_ended(self, metrics: BatchMetrics) -> None: ...

    def epoch_ended(self, metrics: EpochMetrics) -> None: ...

    def finished(self, result: RunResult) -> None: ...

    def failed(self, failure: TrainingFailure, result: RunResult) -> None: ...
