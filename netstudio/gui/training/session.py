"""The training session: starts a run of the open project and keeps what it produced.

`TrainingSession.start()` checks the project (no graph problems, a loss that fits the output),
prepares the run on the GUI thread (a copy of the graph, validated settings, the run folder)
and hands it to a `TrainingWorker` on its own thread; nothing is compiled or trained here.
When the run ends (finished, stopped or failed) its record joins ``project.runs`` as a record,
not an edit (`Document.add_run`: no undo removes it), and `run_finished` carries a
`FinishedRun`. The record says which weights the run ended with and keeps the figures of its
best and its last epoch (`netstudio.gui.evaluation.run_weights`).

The session knows the window only through what it is told: `set_document` for each project
the window shows (it then forgets the last run and announces `document_changed`, so the views
of a run, curves and status, start clean), and its signals for everything it reports.

Run folders: beside a saved project, ``<name>.runs/<timestamp>/`` (as ``netstudio train``);
for a project never saved, ``<AppDataLocation>/runs/<timestamp>/`` (QStandardPaths'
per-user application data folder, e.g. ``~/.local/share/NetStudio/NetStudio/runs`` on Linux),
recorded with its absolute path.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QStandardPaths, QThreadPool, Signal

from netstudio.core.blocks import Library, used_networks
from netstudio.core.graph import NetworkGraph
from netstudio.gui.data_messages import training_failure_text
from netstudio.gui.document import Document
from netstudio.gui.evaluation.run_weights import record_figures
from netstudio.gui.training.checks import start_problems
from netstudio.gui.training.worker import Outcome, TrainingJob, TrainingWorker, WorkerThread
from netstudio.io import Project, graph_from_dict, graph_to_dict, project_to_dict
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.results import RunResult, TrainingFailure
from netstudio.training.runs import new_run_dir


@dataclass
class FinishedRun:
    """A run that has ended: its record in ``project.runs`` and what it left in memory."""

    record: dict[str, Any]
    result: RunResult
    model: Any  # torch.nn.Module on the CPU in eval mode, None if it failed before building
    data: Any  # LoadedData it trained on (result.predictions index data.test), or None


def unsaved_runs_root() -> Path:
    """Where runs of a project that has no file yet go (see module docstring)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".netstudio") / "runs"


def _finite(value: Any) -> Any:
    """`value` with every non-finite float made None (the project file holds JSON numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


class TrainingSession(QObject):
    """One run at a time for the window's open document (see module docstring)."""

    run_started = Signal(object)  # RunInfo
    #: How loading the run's data goes (`LoadingProgress`), before `run_started`.
    loading_progressed = Signal(object)
    run_finished = Signal(object)  # FinishedRun, also for stopped and failed runs
    running_changed = Signal(bool)
    paused_changed = Signal(bool)
    batches_ended = Signal(object)  # list[BatchMetrics]
    epochs_ended = Signal(object)  # list[EpochMetrics], oldest first
    #: Why a requested start was refused (a list of messages, each with its fix).
    refused = Signal(object)
    #: The window shows another project (the new `Document`): the last run is forgotten.
    document_changed = Signal(object)
    #: A run's state is shown (`running_changed` was handled) and its thread starts when the
    #: slots return: the window lays out and paints now, not while the first batches run.
    about_to_train = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_document: Document | None = None
        self.last_run: FinishedRun | None = None
        #: The run in progress: its thread and worker (None between runs).
        self.worker_thread: WorkerThread | None = None
        self.worker: TrainingWorker | None = None
        #: The project, data and settings of the run in progress (or the last one).
        self._run_document: Document | None = None
        self._data_config: DataConfig | None = None
        self._config: TrainingConfig | None = None
        self._started_at = ""
        #: Runs record each layer's training health (Train > Record Layer Health), within 3 %
        #: of the training time by the recorder's budget.
        self.record_health = True

    # --- the project's settings ----------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        """The project the window shows (the one a run starts from)."""
        return self._open_document

    def set_document(self, document: Document | None) -> None:
        """The window shows `document` now: forget the last run (of the project before), so
        nothing of it is offered as this project's, and announce `document_changed`."""
        self._open_document = document
        if not self.running:
            self.last_run = None
        self.document_changed.emit(document)

    def data_config(self) -> DataConfig:
        """The project's data section, validated (defaults when empty); ValidationError if bad."""
        document = self.document
        return DataConfig.model_validate(document.project.data if document else {})

    def training_config(self) -> TrainingConfig:
        """The project's training section, validated; ValidationError if bad."""
        document = self.document
        return TrainingConfig.model_validate(document.project.training if document else {})

    def problems(self) -> list[str]:
        """Why a run cannot start now, each with what to do ([] when it can)."""
        if self.running:
            return [self.tr("A run is in progress: stop it first")]
        document = self.document
        if document is None:
            return [self.tr("No project is open")]
        if not document.analysed_once:
            return [self.tr("PyTorch is still loading: train once the shapes are shown")]
        try:
            data, config = self.data_config(), self.training_config()
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            text = self.tr("The project's settings are not valid ({where}: {why}): fix them")
            return [text.format(where=where, why=first["msg"])]
        loaded = None
        last = self.last_run
        if last is not None and last.record["data"] == data.model_dump(mode="json"):
            loaded = last.data
        return start_problems(document, data, config, loaded)

    # --- running -------------------------------------------------------------------------------

    @property
    def config(self) -> TrainingConfig | None:
        """The settings of the run in progress, or of the last one (None before any)."""
        return self._config

    @property
    def running(self) -> bool:
        return self.worker_thread is not None

    @property
    def paused(self) -> bool:
        return self.worker is not None and self.worker.paused

    def start(self) -> bool:
        """Start a run of the open project; False (and `refused`) when it cannot start."""
        problems = self.problems()
        if problems:
            self.refused.emit(problems)
            return False
        document = self.document
        assert document is not None
        project = document.project
        data, config = self.data_config(), self.training_config()
        project_dir = project.path.resolve().parent if project.path is not None else None
        try:
            if project.path is not None:
                folder = new_run_dir(project.path.resolve())
            else:
                folder = new_run_dir(None, unsaved_runs_root())
        except OSError as error:
            text = self.tr("Cannot make the run folder: {error}: check the disk")
            self.refused.emit([text.format(error=error)])
            return False
        snapshot = project_to_dict(project)
        snapshot["data"] = data.model_dump(mode="json")
        snapshot["training"] = config.model_dump(mode="json")
        gan = config.gan if config.task == "gan" else None
        graph = training_copy(project, () if gan is None else (gan.generator, gan.discriminator))
        # The tensors are shared, not copied: nothing edits them (a load replaces the dict).
        starting = dict(document.starting_weights)
        job = TrainingJob(graph, data, config, project_dir, folder, snapshot, starting)
        if self.record_health:
            from netstudio.training.health import HealthOptions

            job.health = HealthOptions()
        self.worker = worker = TrainingWorker(job)
        worker.run_started.connect(self.run_started)
        worker.loading_progressed.connect(self.loading_progressed)
        worker.batches_ended.connect(self.batches_ended)
        worker.epochs_ended.connect(self.epochs_ended)
        worker.done.connect(self._on_done)
        self.worker_thread = WorkerThread(worker, self)
        self._run_document, self._data_config, self._config = document, data, config
        self._started_at = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.running_changed.emit(True)
        self.about_to_train.emit()
        _end_idle_pool_threads()
        self.worker_thread.start()
        return True

    def stop(self) -> None:
        """End the run after its current batch (its metrics and weights are kept)."""
        if self.worker is not None:
            self.worker.stop()
            self.paused_changed.emit(False)

    def pause(self) -> None:
        if self.worker is not None and not self.worker.paused:
            self.worker.pause()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self.worker is not None and self.worker.paused:
            self.worker.resume()
            self.paused_changed.emit(False)

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def shutdown(self) -> None:
        """Stop a run and wait for its thread (the window is closing); its record is kept."""
        thread, worker = self.worker_thread, self.worker
        if thread is None or worker is None:
            return
        thread.finish()
        if worker.outcome is not None:
            self._on_done(worker.outcome)

    # --- the end of a run ----------------------------------------------------------------------

    def _on_done(self, outcome: Outcome) -> None:
        thread, worker = self.worker_thread, self.worker
        if worker is None or worker.outcome is not outcome:
            return  # already handled (by shutdown)
        self.worker_thread = self.worker = None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        worker.deleteLater()
        document = self._run_document
        record = self._record(outcome)
        if document is not None and document is self.document:
            document.add_run(record)
        self.last_run = FinishedRun(record, outcome.result, outcome.model, outcome.data)
        self.running_changed.emit(False)
        self.run_finished.emit(self.last_run)

    def _record(self, outcome: Outcome) -> dict[str, Any]:
        """The entry for ``project.runs`` (the schema is in the issue-5 contract; ``weights``,
        ``best`` and ``last`` are described in `run_weights`)."""
        result = outcome.result
        document = self._run_document
        runs = document.project.runs if document is not None else []
        epochs = [e.to_dict() for e in result.epochs]
        folder = result.run_dir
        run_dir: str | None = None
        if folder is not None:
            path = document.project.path if document is not None else None
            run_dir = os.path.relpath(folder, path.resolve().parent) if path else str(folder)
        assert self._data_config is not None and self._config is not None
        training = self._config.model_dump(mode="json")
        figures = record_figures(epochs, result.best_epoch, result.status, training)
        return _finite(
            {
                "id": Path(folder).name if folder is not None else self._started_at,
                "name": f"Run {_next_number(runs)}",
                "started": self._started_at,
                "seconds": round(outcome.seconds, 3),
                "status": result.status,
                "data": self._data_config.model_dump(mode="json"),
                "training": training,
                "epochs": epochs,
                "best_epoch": result.best_epoch,
                # Which weights the run ended with (the test figures are theirs), and the
                # figures of its best and its last epoch.
                **figures,
                "test_accuracy": result.test_accuracy,
                "test_loss": result.test_loss,
                "run_dir": run_dir,
                "error": _failure_dict(result.failure),
            }
        )


def training_copy(project: Project, also: Iterable[str] = ()) -> NetworkGraph:
    """A copy of `project`'s main network for the training thread, in a library of copies of
    the networks its blocks use (the GUI's own graphs are never read from that thread, and an
    edit made while the run trains does not reach it). The networks a block uses are copied
    before it, so its wires find the block's ports. also: networks the task trains beside the
    main one (a GAN's generator and discriminator), copied into the same library."""
    library = Library()
    graphs = dict(project.network_items())  # the main network is `project.graph`
    seen: set[str] = set()
    order: list[str] = []

    def visit(name: str) -> None:
        if name in seen or name not in graphs:
            return
        seen.add(name)  # before its blocks: a loop through blocks ends (validation refused it)
        for used in used_networks(graphs[name]):
            visit(used)
        order.append(name)

    visit(project.main)
    for name in also:  # the networks the task trains beside the main one (a GAN's two)
        visit(name)
    for name in order:
        library[name] = graph = NetworkGraph()
        graph_from_dict(graph_to_dict(graphs[name]), graph)
    return library[project.main]


def _failure_dict(failure: TrainingFailure | None) -> dict[str, Any] | None:
    """A failed run's error for its record, its fixes said with the app's controls."""
    if failure is None:
        return None
    error = failure.to_dict()
    error["message"] = training_failure_text(failure)
    return error


def _end_idle_pool_threads() -> None:
    """End the idle threads of Qt's global pool (when none is busy), before a run starts.

    A thread that has run torch (a data preview, say) keeps its OpenMP thread team while it
    lives, and Qt keeps an idle pool thread 30 s. With more OpenMP threads alive than cores,
    libgomp stops spin-waiting and puts its threads to sleep after every parallel region: a run
    on the training thread then took 2-3 times as long (the digits MLP, 0.16 s alone, 0.43 s
    within 30 s of a data preview, on 2 cores). `waitForDone(0)` returns at once while a job is
    running (then nothing ends); when all are idle it ends them, and later jobs start new ones.
    """
    QThreadPool.globalInstance().waitForDone(0)


def _next_number(runs: list[dict[str, Any]]) -> int:
    """One more than the highest "Run N" name (or the count of runs)."""
    numbers = [len(runs)]
    for run in runs:
        match = re.fullmatch(r"Run (\d+)", str(run.get("name", "")))
        if match:
            numbers.append(int(match.group(1)))
    return max(numbers) + 1
