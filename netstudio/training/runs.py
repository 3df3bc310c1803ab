"""The run folder: what a training run leaves beside its project.

mnist_mlp.runs/20261122-101500/
    config.json         the project's data, training and graph sections, as trained
    batches.csv         epoch, batch, loss, learning rate of every batch
    epochs.csv          the per-epoch metrics
    result.json         the final summary, test metrics, per-class report
    last.safetensors    the weights at the end
    best.safetensors    the weights of the best epoch (by the early-stopping metric)
    checkpoint/         weights + optimizer/schedule/RNG state to resume from
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any, TextIO

from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)


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

    Chain it in front of another callbacks object (`then`) to keep both.
    """

    def __init__(self, folder: Path, config: dict[str, Any], then: TrainerCallbacks | None = None):
        self.folder = folder
        self.then = then or TrainerCallbacks()
        self.trainer = None
        folder.mkdir(parents=True, exist_ok=True)
        _write_json(folder / "config.json", config)
        self._batches: TextIO = open(folder / "batches.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
        self._batch_writer = csv.writer(self._batches)
        self._batch_writer.writerow(["epoch", "batch", "loss", "lr"])
        self._epochs: list[dict[str, Any]] = []

    def run_started(self, info) -> None:
        self.then.run_started(info)

    def batch_ended(self, metrics: BatchMetrics) -> None:
        self._batch_writer.writerow(
            [metrics.epoch, metrics.batch, f"{metrics.loss:.6g}", f"{metrics.lr:.6g}"]
        )
        self.then.batch_ended(metrics)

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        self._epochs.append(metrics.to_dict())
        with open(self.folder / "epochs.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(self._epochs[0]))
            writer.writeheader()
            writer.writerows(self._epochs)
        self._batches.flush()
        self.then.epoch_ended(metrics)

    def _close(self, result: RunResult) -> None:
        self._batches.close()
        summary = result.summary()
        summary["report"] = result.report.to_dict() if result.report else None
        summary["history"] = [e.to_dict() for e in result.epochs]
        _write_json(self.folder / "result.json", summary)
        trainer = self.trainer
        if trainer is not None and trainer.model is not None:
            from safetensors.torch import save_file

            from netstudio.training.checkpoints import save_weights

            save_weights(trainer.model, self.folder / "last.safetensors")
            best = getattr(trainer, "best_state", None)
            if best is not None:
                save_file(
                    {k: v.detach().contiguous().cpu() for k, v in best.items()},
                    str(self.folder / "best.safetensors"),
                )

    def finished(self, result: RunResult) -> None:
        self._close(result)
        self.then.finished(result)

    def failed(self, failure: TrainingFailure, result: RunResult) -> None:
        self._close(result)
        self.then.failed(failure, result)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(
        json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
