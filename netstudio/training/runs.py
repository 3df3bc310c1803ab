"""The run folder: what a training run leaves beside its project.

mnist_mlp.runs/20261122-101500/
    config.json         the project's data, training and graph sections, as trained
    batches.csv         epoch, batch, loss, learning rate of every batch
    epochs.csv          the per-epoch metrics
    result.json         the final summary, test metrics, per-class report
    last.safetensors    the weights at the end
    best.safetensors    the weights of the best epoch (by the early-stopping metric)
    checkpoint/         weights + optimizer/schedule/RNG state to resume from

`RunRecorder` writes it as a run goes; `stop_on_interrupt` lets Ctrl+C end a headless run
cleanly, with the folder complete.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunInfo,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)

if TYPE_CHECKING:
    from netstudio.training.trainer import Trainer

BATCH_FIELDS = ["epoch", "batch", "loss", "lr"]
EPOCH_FIELDS = [field.name for field in dataclasses.fields(EpochMetrics)]


def new_run_dir(project_path: Path | None, out: Path | None = None) -> Path:
    """A fresh, timestamped folder under `out`, else under ``<project>.runs/`` beside it."""
    if out is None:
        if project_path is None:
            raise ValueError("a run folder needs a project path or an output folder")
        out = project_path.with_name(project_path.stem + ".runs")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = out / stamp
    i = 2
    while folder.exists():
        folder = out / f"{stamp}-{i}"
        i += 1
    folder.mkdir(parents=True)
    return folder


class RunRecorder(TrainerCallbacks):
    """Writes a run's metrics and weights into its folder while it trains.

    A resumed run (its `RunInfo.start_epoch` above 0) keeps the rows of the epochs before that
    and appends after them, so the CSV files tell the whole run. Chain it in front of another
    callbacks object (`then`) to keep both.
    """

    def __init__(self, folder: Path, config: dict[str, Any], then: TrainerCallbacks | None = None):
        self.folder = folder
        self.then = then or TrainerCallbacks()
        self.trainer = None
        folder.mkdir(parents=True, exist_ok=True)
        _write_json(folder / "config.json", config)
        self._batches: TextIO | None = None
        self._epochs: list[dict[str, Any]] = []

    def run_started(self, info: RunInfo) -> None:
        batch_rows = []
        if info.start_epoch > 0:
            batch_rows = _rows_until(self.folder / "batches.csv", info.start_epoch)
            self._epochs = _rows_until(self.folder / "epochs.csv", info.start_epoch)
            if self._epochs:
                self._write_epochs()
        self._batches = open(self.folder / "batches.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
        self._batch_writer = csv.DictWriter(self._batches, fieldnames=BATCH_FIELDS)
        self._batch_writer.writeheader()
        self._batch_writer.writerows(batch_rows)
        self.then.run_started(info)

    def batch_ended(self, metrics: BatchMetrics) -> None:
        self._batch_writer.writerow(
            {
                "epoch": metrics.epoch,
                "batch": metrics.batch,
                "loss": f"{metrics.loss:.6g}",
                "lr": f"{metrics.lr:.6g}",
            }
        )
        self.then.batch_ended(metrics)

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        self._epochs.append(metrics.to_dict())
        self._write_epochs()
        if self._batches is not None:
            self._batches.flush()
        self.then.epoch_ended(metrics)

    def _write_epochs(self) -> None:
        with open(self.folder / "epochs.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=EPOCH_FIELDS)
            writer.writeheader()
            writer.writerows(self._epochs)

    def _close(self, result: RunResult) -> None:
        if self._batches is not None:
            self._batches.close()
        summary = result.summary()
        summary["report"] = result.report.to_dict() if result.report else None
        summary["history"] = [e.to_dict() for e in result.epochs]
        _write_json(self.folder / "result.json", summary)
        trainer = self.trainer
        if trainer is not None and trainer.model is not None:
            from netstudio.training.checkpoints import save_state_dict, save_weights

            save_weights(trainer.model, self.folder / "last.safetensors")
            if trainer.best_state is not None:
                save_state_dict(trainer.best_state, self.folder / "best.safetensors")

    def finished(self, result: RunResult) -> None:
        self._close(result)
        self.then.finished(result)

    def failed(self, failure: TrainingFailure, result: RunResult) -> None:
        self._close(result)
        self.then.failed(failure, result)


@contextlib.contextmanager
def stop_on_interrupt(trainer: Trainer) -> Iterator[list[bool]]:
    """For a headless run: the first Ctrl+C stops `trainer` after its current batch, so the run's
    metrics and weights are still written; a second one aborts at once. Yields a list that is
    non-empty once interrupted. Does nothing off the main thread (signals go to the main one)."""
    interrupted: list[bool] = []
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return

    def stop(signum, frame) -> None:
        if interrupted:
            raise KeyboardInterrupt
        interrupted.append(True)
        trainer.stop()
        print("stopping after this batch (Ctrl+C again to abort)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def _rows_until(path: Path, epoch: int) -> list[dict[str, str]]:
    """The rows of a run's CSV file for epochs up to `epoch` (none when it is missing)."""
    if not path.is_file():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if int(row["epoch"]) <= epoch]


def _write_json(path: Path, data: Any) -> None:
    path.write_text(
        json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
