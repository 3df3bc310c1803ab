"""The "runs" and "view" sections of a `.net` file, as pydantic models of the raw JSON.

A run record is history: what one training run used and what it reached, written by the app
when the run ends (`netstudio.gui.training.session`). Every key is known, so a typo or a record
from a newer NetStudio is reported with its JSON path; every key has a default, so a record that
lacks one (a run that failed before its first epoch) is still read. The figures mirror
`netstudio.training.results` (`EpochMetrics`, `TrainingFailure`); the file layer keeps its own
copy of their shape because it must not import the trainer (it loads metrics code).

The view is where the canvas was when the project was saved; `netstudio.gui.canvas.view` reads
it. The "data" and "training" sections are `netstudio.training.data_config.DataConfig` and
`netstudio.training.config.TrainingConfig`, shared with the trainer.

Like those, the models are lax by themselves (the app validates what it builds); the file layer
validates them strictly (`netstudio.io.schema.validate_raw`), so a file's ``"3"`` is not a 3.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from netstudio.search.config import ChoiceValue
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig

_RECORD_CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False)

#: How a run ended (`netstudio.training.results.Status`).
RunStatus = Literal["finished", "stopped", "early_stopped", "failed"]
#: What made a run fail (`netstudio.training.results.FailureKind`).
FailureKind = Literal["nan", "shape", "memory", "data", "device", "config", "error"]
#: Which weights a run ended with: its best epoch's or its last epoch's.
WeightsKind = Literal["best", "last"]

Epoch = Annotated[int, Field(ge=1)]
Amount = Annotated[float, Field(ge=0)]


class EpochRecord(BaseModel):
    """One epoch of a run (`EpochMetrics.to_dict`); a figure that was not finite is null."""

    model_config = _RECORD_CONFIG

    epoch: Epoch
    train_loss: float | None = None
    train_accuracy: float | None = None
    val_loss: float | None = None
    val_accuracy: float | None = None
    lr: float | None = None
    seconds: Amount | None = None
    samples_per_second: Amount | None = None
    #: The ids of the nodes gradual unfreezing set learning at this epoch's start.
    unfrozen: list[str] = Field(default_factory=list)


class EpochFigures(BaseModel):
    """The figures a record keeps of its best and of its last epoch."""

    model_config = _RECORD_CONFIG

    epoch: Epoch
    val_accuracy: float | None = None
    val_loss: float | None = None
    train_loss: float | None = None


class FailureRecord(BaseModel):
    """Why a run failed (`TrainingFailure.to_dict`): epoch and batch are 1-based."""

    model_config = _RECORD_CONFIG

    kind: FailureKind = "error"
    message: str = ""
    node_id: str | None = None
    epoch: Epoch | None = None
    batch: Annotated[int, Field(ge=1)] | None = None


class TrialTag(BaseModel):
    """The search trial that made a run (`netstudio.search.trial`): its study's name, its
    number in the study (from 0, as Optuna counts), and the value it tried for each searched
    parameter, by target (``"fc1.out_features": 64``): a node's parameter is not in the
    record's settings, so this is where the run says which width it had."""

    model_config = _RECORD_CONFIG

    study: str = ""
    number: Annotated[int, Field(ge=0)]
    params: dict[str, ChoiceValue] = Field(default_factory=dict)


class RunRecord(BaseModel):
    """One entry of ``runs``: a training run, finished, stopped or failed.

    data, training: the settings the run used (a snapshot, not the project's current ones).
    weights: which weights the run ended with (its test figures, Open weights and Export use
    those); best, last: the figures of its best and last epochs. run_dir: its folder, relative
    to the project file's folder (absolute for a folder elsewhere). trial: the search trial
    that made the run (none for a run trained by hand); a record without one reads as before,
    so the key needs no new format version.
    """

    model_config = _RECORD_CONFIG

    id: str = ""
    name: str = ""
    started: str = ""
    seconds: Amount | None = None
    status: RunStatus | None = None
    data: DataConfig | None = None
    training: TrainingConfig | None = None
    epochs: list[EpochRecord] = Field(default_factory=list)
    best_epoch: Epoch | None = None
    weights: WeightsKind | None = None
    best: EpochFigures | None = None
    last: EpochFigures | None = None
    test_accuracy: float | None = None
    test_loss: float | None = None
    run_dir: str | None = None
    error: FailureRecord | None = None
    trial: TrialTag | None = None


class ViewModel(BaseModel):
    """Where the canvas was: its zoom (1 is 100 %) and the scene point at its centre; and which
    way the network flows on it (``flow``: "right", inputs on the left and ports on the nodes'
    sides, or "down", inputs at the top and ports on the top and bottom edges; none is "right").
    """

    model_config = _RECORD_CONFIG

    zoom: Annotated[float, Field(gt=0)] | None = None
    centre: Annotated[list[float], Field(min_length=2, max_length=2)] | None = None
    flow: Literal["right", "down"] | None = None
