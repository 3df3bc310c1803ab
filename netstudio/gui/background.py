"""One-shot jobs off the GUI thread: load a dataset for a preview, read a run's weights.

`run_in_background(fn, on_done, on_error, context)` runs `fn()` on Qt's global thread pool and
calls `on_done(result)` or `on_error(exception)` back on the GUI thread, through one dispatcher
QObject living there. With a `context` (a panel), a result that arrives after the panel was
destroyed is dropped instead of calling into a dead widget.

`LatestJob` is for previews that follow rapid edits: at most one job runs at a time, and of
the requests made meanwhile only the latest is started when it ends (latest request wins;
the older ones are never run, and the result of a superseded job is dropped).
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

#: How long an idle pool thread lives on (ms; Qt's default is 30 s). A thread that has run
#: torch keeps its OpenMP thread team while it lives, and with more OpenMP threads alive than
#: cores, libgomp stops spin-waiting and puts its threads to sleep after every parallel region:
#: a run training meanwhile took 2-3 times as long (the digits MLP, 0.16 s alone, 0.43 s after a
#: data preview on 2 cores). So a pool thread ends when its job does.
IDLE_THREAD_MS = 0

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Dispatcher(QObject):
    """One per application, living on the GUI thread: pool threads report through its signal,
    which Qt queues to the GUI thread, where the job's callbacks run.

    A single long-lived receiver, rather than a relay object per job, means no QObject is ever
    created on one thread and dropped on another while an event for it is on its way.
    """

    reported = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._jobs: dict[int, tuple[Done, Failed | None, QObject | None]] = {}
        self._next = 0
        self.reported.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def add(self, on_done: Done, on_error: Failed | None, context: QObject | None) -> int:
        self._next += 1
        self._jobs[self._next] = (on_done, on_error, context)
        return self._next

    @Slot(int, bool, object)
    def _deliver(self, job: int, ok: bool, value: Any) -> None:
        entry = self._jobs.pop(job, None)
        if entry is None:
            return
        on_done, on_error, context = entry
        if context is not None and not shiboken6.isValid(context):
            return  # the panel that asked is gone
        if ok:
            on_done(value)
        elif on_error is not None:
            on_error(value)


_DISPATCHER: _Dispatcher | None = None


def _dispatcher() -> _Dispatcher:
    """The application's dispatcher, made on first use (on the GUI thread, where jobs start)."""
    global _DISPATCHER
    if _DISPATCHER is None or not shiboken6.isValid(_DISPATCHER):
        _DISPATCHER = _Dispatcher()
    return _DISPATCHER


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], job: int, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self.fn = fn
        self.job = job
        self.dispatcher = dispatcher

    def run(self) -> None:
        try:
            value, ok = self.fn(), True
        except BaseException as error:  # reported to the GUI, never lost in the pool
            error.details = traceback.format_exc()  # type: ignore[attr-defined]
            value, ok = error, False
        with contextlib.suppress(RuntimeError):  # the application is shutting down
            self.dispatcher.reported.emit(self.job, ok, value)
        self.fn = None  # type: ignore[assignment]  # let go of what the job captured


def run_in_background(
    fn: Callable[[], Any],
    on_done: Done,
    on_error: Failed | None = None,
    context: QObject | None = None,
) -> None:
    """Run `fn()` on a pool thread; `on_done(result)` or `on_error(error)` on the GUI thread.

    With a `context`, nothing is called once that object is destroyed. An exception carries its
    traceback in ``error.details`` (for a "Details" view).
    """
    dispatcher = _dispatcher()
    job = dispatcher.add(on_done, on_error, context)
    pool = QThreadPool.globalInstance()
    pool.setExpiryTimeout(IDLE_THREAD_MS)
    pool.start(_Job(fn, job, dispatcher))


class LatestJob(QObject):
    """Runs one job at a time for its owner; only the latest waiting request runs next.

    `busy` is true from `submit` until the last requested job has reported. `idle` is emitted
    then (tests wait for it).
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._pending: tuple[Callable[[], Any], Done, Failed | None] | None = None
        self._dropped = False

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def submit(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        """Run `fn` now, or after the running job, replacing any request still waiting."""
        self._pending = (fn, on_done, on_error)
        if not self._running:
            self._start_next()

    def cancel(self) -> None:
        """Forget the waiting request; the running job's result will be dropped."""
        self._pending = None
        self._dropped = True

    def _start_next(self) -> None:
        if self._pending is None:
            self._running = False
            self.idle.emit()
            return
        fn, on_done, on_error = self._pending
        self._pending = None
        self._running = True
        self._dropped = False

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            # A newer request supersedes this result: skip it and run the newer one.
            try:
                if self._pending is None and not self._dropped and callback is not None:
                    callback(value)
            finally:
                self._start_next()

        run_in_background(
            fn,
            lambda result: finish(on_done, result),
            lambda error: finish(on_error, error),
            context=self,
        )
