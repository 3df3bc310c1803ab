"""The training worker: loads the data and runs the `Trainer` on a QThread of its own.

The engine is used unchanged: `TrainerCallbacks`, called on the training thread, become Qt
signals, which Qt queues to the GUI thread. Batch updates are gathered and sent as lists at most
`BATCH_INTERVAL` seconds apart (and on pausing and at the end), so a fast network does not flood
the GUI thread with thousands of events a second; epoch ends go with them, after their batches
(a small network runs dozens of epochs a second: each one sent at once would make the GUI
repaint dozens of times a second, and every millisecond the GUI thread holds the interpreter or
a core is a millisecond the run waits). Loading the data reports its progress (files read of
the total) as `loading_progressed`, throttled the same way. Stop, pause and resume call the
trainer's thread-safe methods directly: they never wait for the worker's event loop.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from netstudio.core.graph import NetworkGraph
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.results import (
    BatchMetrics,
    EpochMetrics,
    RunInfo,
    RunResult,
    TrainerCallbacks,
    TrainingFailure,
)

if TYPE_CHECKING:  # the recorder imports PyTorch: the run loads it, on its own thread
    from netstudio.training.health import HealthOptions

#: Seconds between two batch updates sent to the GUI (5 a second: the progress bar and the
#: curves still move smoothly, and the GUI thread takes half the time from the run that 10 took).
BATCH_INTERVAL = 0.2


@dataclass
class TrainingJob:
    """Everything a run needs, prepared on the GUI thread (a copy of the graph: the GUI's own
    graph is never read from the training thread)."""

    graph: NetworkGraph
    data_config: DataConfig
    config: TrainingConfig
    project_dir: Path | None
    run_dir: Path
    snapshot: dict[str, Any]
    #: The project's starting weights (Model > Load weights…), by state_dict key.
    starting_weights: dict[str, Any] = field(default_factory=dict)
    #: Record each layer's training health (`netstudio.training.health`); None: not at all.
    health: HealthOptions | None = None


@dataclass
class Outcome:
    """What the worker hands back when the run is over (finished, stopped or failed)."""

    result: RunResult
    model: Any = None  # torch.nn.Module moved to the CPU, eval mode; None if never built
    data: Any = None  # the LoadedData, None when loading failed
    seconds: float = 0.0
    batches_run: int = 0


class _Relay(TrainerCallbacks):
    """Turns the trainer's callbacks (training thread) into the worker's signals, throttled."""

    def __init__(self, worker: TrainingWorker) -> None:
        self.worker = worker
        self.pending: list[BatchMetrics] = []
        self.epochs: list[EpochMetrics] = []
        self.last_sent = 0.0

    def flush(self) -> None:
        """Send the batches gathered, then the epoch ends gathered (a list each: one queued
        call apiece for the GUI thread, however many epochs went by)."""
        if self.pending:
            batches, self.pending = self.pending, []
            self.worker.batches_ended.emit(batches)
        if self.epochs:
            epochs, self.epochs = self.epochs, []
            self.worker.epochs_ended.emit(epochs)
        self.last_sent = time.perf_counter()

    def run_started(self, info: RunInfo) -> None:
        self.last_sent = time.perf_counter()
        self.worker.run_started.emit(info)

    def batch_ended(self, metrics: BatchMetrics) -> None:
        worker = self.worker
        worker.batches_run += 1
        self.pending.append(metrics)
        if self._paused() or time.perf_counter() - self.last_sent >= BATCH_INTERVAL:
            self.flush()

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        self.epochs.append(metrics)
        if self._paused() or time.perf_counter() - self.last_sent >= BATCH_INTERVAL:
            self.flush()

    def _paused(self) -> bool:
        trainer = self.worker.trainer
        return trainer is not None and trainer.paused

    def finished(self, result: RunResult) -> None:
        self.flush()

    def failed(self, failure: TrainingFailure, result: RunResult) -> None:
        self.flush()


class TrainingWorker(QObject):
    """Runs one `TrainingJob` when `run` is called on its thread (see module docstring)."""

    run_started = Signal(object)  # RunInfo
    #: How loading the data goes (`LoadingProgress`), for a load over half a second, a few
    #: times a second at most (`netstudio.training.loading_progress`).
    loading_progressed = Signal(object)
    batches_ended = Signal(object)  # list[BatchMetrics], oldest first
    epochs_ended = Signal(object)  # list[EpochMetrics], oldest first
    done = Signal(object)  # Outcome

    def __init__(self, job: TrainingJob) -> None:
        super().__init__()
        self.job = job
        self.trainer: Any = None
        self.batches_run = 0
        self.outcome: Outcome | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    # --- control, from the GUI thread ----------------------------------------------------------

    def stop(self) -> None:
        """End the run after the current batch (before training if it has not started)."""
        with self._lock:
            self._stop.set()
            if self.trainer is not None:
                self.trainer.stop()

    def pause(self) -> None:
        with self._lock:
            if self.trainer is not None:
                self.trainer.pause()

    def resume(self) -> None:
        with self._lock:
            if self.trainer is not None:
                self.trainer.resume()

    @property
    def paused(self) -> bool:
        trainer = self.trainer
        return trainer is not None and trainer.paused

    # --- the run, on the worker's thread -------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """Load the data, train, and emit `done` with the outcome; never raises."""
        start = time.perf_counter()
        try:
            outcome = self._run()
        except Exception as error:  # a bug, not the person's mistake: still reported
            from netstudio.training.failure_messages import STOPPED

            said = STOPPED(where="", when="", error_type=type(error).__name__, error=str(error))
            failure = TrainingFailure("error", said)
            outcome = Outcome(RunResult(status="failed", failure=failure))
        outcome.seconds = time.perf_counter() - start
        outcome.batches_run = self.batches_run
        self.outcome = outcome
        self.done.emit(outcome)

    def _run(self) -> Outcome:
        from netstudio.gui.data_messages import data_error_text
        from netstudio.training.loading_progress import reporting
        from netstudio.training.runs import RunRecorder
        from netstudio.training.sources import DataError, load_data
        from netstudio.training.trainer import Trainer

        job = self.job
        relay = _Relay(self)
        recorder = RunRecorder(job.run_dir, job.snapshot, then=relay)
        try:
            with reporting(self.loading_progressed.emit):
                data = load_data(job.data_config, job.project_dir)
        except DataError as error:
            failure = TrainingFailure("data", data_error_text(error))
            failure.__cause__ = error  # a window says it in the app's language
            result = RunResult(status="failed", failure=failure, run_dir=job.run_dir)
            recorder.failed(failure, result)
            return Outcome(result)
        trainer = Trainer(
            job.graph,
            data,
            job.config,
            callbacks=recorder,
            checkpoint_dir=job.run_dir,
            augment=job.data_config.augment,
            starting_weights=job.starting_weights or None,
            health=job.health,
        )
        recorder.trainer = trainer
        with self._lock:
            self.trainer = trainer
            if self._stop.is_set():
                trainer.stop()
        result = trainer.run()
        model = trainer.model
        if model is not None:
            model = model.to("cpu").eval()
        return Outcome(result, model=model, data=data)


class WorkerThread(QThread):
    """The QThread a `TrainingWorker` lives on; `finish()` stops the run and waits for it."""

    def __init__(self, worker: TrainingWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_thread")
        self.worker = worker
        worker.moveToThread(self)
        self.started.connect(worker.run)
        worker.done.connect(self.quit, Qt.ConnectionType.DirectConnection)

    def finish(self) -> None:
        """Stop the run (after its current batch) and wait until the thread has ended."""
        self.worker.stop()
        self.worker.resume()
        self.quit()
        self.wait()
