"""The run folder: what a training run leaves beside its project.

mnist_mlp.runs/20261122-101500/
    config.json         the project's data, training and graph sections, as trained
    batches.csv         epoch, batch, loss, learning rate of every batch
    epochs.csv          the per-epoch metrics
    result.json         the final summary, test metrics, per-class report
    health.json         per-epoch training-health statistics per node, and the warnings
    health.csv          the same statistics, one row per epoch and node
                        (both only when the run records health: `netstudio train --stats`)
    last.safetensors    the weights at the end
    best.safetensors    the weights of the best epoch (by the early-stopping metric)
    checkpoint/         weights + optimizer/schedule/RNG state to resume from

`RunRecorder` writes it as a run goes; `stop_on_interrupt` lets Ctrl+C end a headless run
cleanly, with the folder complete. A project's ``runs`` records name their folders (``run_dir``,
relative to the project file's folder): `record_run_folder` finds one, and `relocate_runs`
brings them beside the project's new file when it is saved somewhere else.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import errno
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from netstudio.training import run_folder_messages as words
from netstudio.training.health_records import STAT_NAMES, EpochHealth
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
#: The columns of epochs.csv: an epoch's metrics as `EpochMetrics.to_dict` gives them (its
#: training health goes to health.json and health.csv).
EPOCH_FIELDS = [field.name for field in dataclasses.fields(EpochMetrics) if field.name != "health"]

#: The columns of health.csv.
HEALTH_FIELDS = ["epoch", "node_id", "node_name", "recordings", *STAT_NAMES]


def runs_folder(project_path: Path) -> Path:
    """Where a project's runs go: ``<stem>.runs/`` beside its file."""
    return project_path.with_name(project_path.stem + ".runs")


def new_run_dir(project_path: Path | None, out: Path | None = None) -> Path:
    """A fresh, timestamped folder under `out`, else under ``<project>.runs/`` beside it."""
    if out is None:
        if project_path is None:
            raise ValueError("a run folder needs a project path or an output folder")
        out = runs_folder(project_path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = out / stamp
    i = 2
    while folder.exists():
        folder = out / f"{stamp}-{i}"
        i += 1
    folder.mkdir(parents=True)
    return folder


def record_run_folder(record: Mapping[str, Any], project_path: Path | None) -> Path | None:
    """The folder a run record names: its ``run_dir`` as is when absolute, else relative to the
    project file's folder. None when the record names no folder, or a relative one and the
    project has no file to be relative to (the working folder is never a guess)."""
    run_dir = record.get("run_dir")
    if not isinstance(run_dir, str) or not run_dir:
        return None
    folder = Path(run_dir).expanduser()
    if folder.is_absolute():
        return folder
    if project_path is None:
        return None
    return Path(os.path.abspath(project_path.parent / folder))


@dataclasses.dataclass
class RelocatedRuns:
    """What `relocate_runs` did: the records to store (``run_dir`` rewritten, in their order)
    and a note for each run left where it was, saying why."""

    records: list[dict[str, Any]]
    notes: list[str]


def relocate_runs(
    records: Sequence[Mapping[str, Any]],
    old_project: Path | None,
    new_project: Path,
    *,
    move_from: Path | None = None,
) -> RelocatedRuns:
    """Bring a project's run folders beside the file it is about to be saved as.

    Called before the project file is written, so the file never names a folder that is not
    there. Each record's folder (see `record_run_folder`, against `old_project`) that lies
    outside ``<new stem>.runs/`` goes to ``<new stem>.runs/<folder name>/``:

    - moved when it lies under `move_from` (where the runs of a project never saved go:
      nothing else refers to them);
    - copied otherwise: it sits beside the project's old file, which keeps its own runs.

    Each folder arrives whole or not at all: a rename on the same file system, else a copy to a
    temporary name beside the target, renamed into place (a move across file systems then
    deletes the original, so the per-user folder does not fill with runs no project names).
    The records come back with ``run_dir`` relative to the new file's folder. A record whose
    folder is missing stays as it is, with a note; one whose folder could not be copied (a full
    disk, no permission) keeps naming the old folder, absolute so it still resolves, with a
    note. Records without a ``run_dir`` are returned unchanged.
    """
    base = Path(os.path.abspath(new_project.parent))
    target_root = runs_folder(base / new_project.name)
    done: dict[Path, Path] = {}  # a folder named by two records goes once
    out: list[dict[str, Any]] = []
    notes: list[str] = []
    for record in records:
        new = dict(record)
        out.append(new)
        if not record.get("run_dir"):
            continue
        name = str(record.get("name") or record.get("id") or "") or words.A_RUN
        source = record_run_folder(record, old_project)
        if source is not None and source in done:
            target = done[source]
        elif source is None or not source.is_dir():
            where = source if source is not None else record.get("run_dir")
            notes.append(words.MISSING(name=name, where=where))
            continue
        elif _inside(source, target_root):
            target = source
        else:
            move = move_from is not None and _inside(source, move_from)
            try:
                target = _bring_folder(source, target_root, move)
            except OSError as error:
                new["run_dir"] = str(source)
                reason = error.strerror or str(error)
                said = words.NOT_MOVED if move else words.NOT_COPIED
                notes.append(said(name=name, folder=source, target=target_root, reason=reason))
                continue
        done[source] = target
        new["run_dir"] = Path(os.path.relpath(target, base)).as_posix()
    return RelocatedRuns(out, notes)


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` lies in `folder` (links followed: one place has one answer)."""
    return path.resolve().is_relative_to(folder.resolve())


def _bring_folder(source: Path, target_root: Path, move: bool) -> Path:
    """Move or copy the folder `source` into `target_root` under its own name (or the first
    free ``name-2``, ``name-3``...), all at once (see `relocate_runs`); returns where it is."""
    target_root.mkdir(parents=True, exist_ok=True)
    target = target_root / source.name
    i = 2
    while target.exists():
        target = target_root / f"{source.name}-{i}"
        i += 1
    if move:
        try:
            source.rename(target)
            return target
        except OSError as error:
            if error.errno != errno.EXDEV:  # another file system: copy, then delete
                raise
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        shutil.copytree(source, partial)
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if move:
        shutil.rmtree(source, ignore_errors=True)
    return target


class RunRecorder(TrainerCallbacks):
    """Writes a run's metrics and weights into its folder while it trains.

    What it writes follows what the run did, so that nothing trained is ever lost:

    - a new run writes ``config.json`` when it starts and ``result.json`` when it ends, also when
      it failed before it started (the record of the failure); weights only once an epoch has
      trained (no untrained weights in a run folder).
    - a resumed run (`resuming`) writes nothing until the trainer has accepted the checkpoint
      (`run_started`): a resume that cannot start leaves the folder as it was. It then keeps the
      rows of the epochs before its start and appends after them, so the CSV files tell the
      whole run; the checkpoint moves on with each epoch. ``config.json``, ``result.json`` and
      the weights are replaced only when it ends without failing: a failed resume keeps the
      earlier result and weights (resuming again goes on from the latest checkpoint).

    Files replaced in place are written atomically. Chain it in front of another callbacks object
    (`then`) to keep both.
    """

    def __init__(
        self,
        folder: Path,
        config: dict[str, Any],
        then: TrainerCallbacks | None = None,
        *,
        resuming: bool = False,
    ) -> None:
        self.folder = folder
        self.config = config
        self.then = then or TrainerCallbacks()
        self.resuming = resuming
        self.trainer: Trainer | None = None
        #: Whether the run got as far as training (the trainer called `run_started`).
        self.started = False
        if not resuming:
            folder.mkdir(parents=True, exist_ok=True)
        self._batches: TextIO | None = None
        self._epochs: list[dict[str, Any]] = []
        self._health: list[EpochHealth] | None = None  # when the run records health

    def run_started(self, info: RunInfo) -> None:
        self.started = True
        path = self.folder / "batches.csv"
        if self.resuming:
            self._epochs = _rows_until(self.folder / "epochs.csv", info.start_epoch)
            self._write_epochs()
            self._health = _health_until(self.folder / "health.json", info.start_epoch)
            _write_csv(path, BATCH_FIELDS, _rows_until(path, info.start_epoch))
            self._batches = open(path, "a", newline="", encoding="utf-8")  # noqa: SIM115
        else:
            _write_json(self.folder / "config.json", self.config)
            self._batches = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115
            csv.DictWriter(self._batches, fieldnames=BATCH_FIELDS).writeheader()
        self._batch_writer = csv.DictWriter(self._batches, fieldnames=BATCH_FIELDS)
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
        row = metrics.to_dict()
        if metrics.unfrozen:  # one CSV cell: the node ids, space-separated
            row["unfrozen"] = " ".join(metrics.unfrozen)
        self._epochs.append(row)
        self._write_epochs()
        if metrics.health is not None:
            self._health = [*(self._health or []), metrics.health]
            self._write_health(list(metrics.health.warnings))
        if self._batches is not None:
            self._batches.flush()
        self.then.epoch_ended(metrics)

    def _write_epochs(self) -> None:
        _write_csv(self.folder / "epochs.csv", EPOCH_FIELDS, self._epochs)

    def _write_health(self, warnings: list[Any]) -> None:
        """health.json and health.csv: every epoch's statistics so far, and the warnings."""
        epochs = self._health or []
        graph = getattr(self.trainer, "graph", None)
        names = {node.id: node.name for node in graph.nodes()} if graph is not None else {}
        _write_json(
            self.folder / "health.json",
            {
                "epochs": [epoch.to_dict() for epoch in epochs],
                "warnings": [warning.to_dict() for warning in warnings],
            },
        )
        rows = [
            {
                "epoch": epoch.epoch,
                "node_id": node_id,
                "node_name": names.get(node_id, ""),
                "recordings": epoch.recordings,
                **{
                    name: "" if value is None else f"{value:.6g}"
                    for name, value in stats.to_dict().items()
                },
            }
            for epoch in epochs
            for node_id, stats in epoch.nodes.items()
        ]
        _write_csv(self.folder / "health.csv", HEALTH_FIELDS, rows)

    def _close(self, result: RunResult) -> None:
        if self._batches is not None:
            self._batches.close()
            self._batches = None
        if self.resuming and (not self.started or result.status == "failed"):
            return  # the earlier record and weights stand (see the class docstring)
        if self.resuming or not self.started:
            _write_json(self.folder / "config.json", self.config)
        trainer = self.trainer
        if trainer is not None and trainer.model is not None and result.epochs:
            from netstudio.training.checkpoints import save_state_dict, save_weights

            save_weights(trainer.model, self.folder / "last.safetensors")
            if trainer.best_state is not None:
                save_state_dict(trainer.best_state, self.folder / "best.safetensors")
        summary = result.summary()
        summary["report"] = result.report.to_dict() if result.report else None
        summary["history"] = [e.to_dict() for e in result.epochs]
        summary["notes"] = list(result.notes)
        if result.health is not None:
            self._health = self._health if self._health is not None else list(result.health)
            self._write_health(result.health_warnings)
        _write_json(self.folder / "result.json", summary)  # last: it vouches for the weights

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
        return [row for row in csv.DictReader(handle) if _epoch_of(row) <= epoch]


def _health_until(path: Path, epoch: int) -> list[EpochHealth] | None:
    """The epochs up to `epoch` of a run's health.json; None when there is none, or it cannot be
    read (the resumed run's health starts again from its first epoch)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        epochs = [EpochHealth.from_dict(item) for item in data["epochs"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return [item for item in epochs if item.epoch <= epoch]


def _epoch_of(row: dict[str, str]) -> float:
    """A CSV row's epoch; a row without a readable one sorts after every epoch (it is dropped)."""
    try:
        return int(row.get("epoch") or "")
    except ValueError:
        return math.inf


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write` with a temporary path beside `path`, then put the file in place in one step:
    a reader (or a crash) sees the old file or the new one, never half of one. The temporary file
    is removed when `write` fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    # A lone surrogate (unencodable) is written as its JSON escape, which reads back the same.
    write_atomically(
        path, lambda tmp: tmp.write_text(text, encoding="utf-8", errors="backslashreplace")
    )


def _write_csv(path: Path, fields: list[str], rows: list[dict[str, Any]]) -> None:
    """A whole CSV file, replaced atomically: the rows it held stay readable until the new ones
    are complete."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)

    write_atomically(path, write)
