"""One-shot jobs off the GUI thread: load a dataset for a preview, read a run's weights.

`run_in_background(fn, on_done, on_error, context)` runs `fn()` on Qt's global thread pool and
calls `on_done(result)` or `on_error(exception)` back on the GUI thread, through a small relay
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

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Signals(QObject):
    """Lives on the GUI thread; the worker emits through it (queued to the relay)."""

    done = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Receives a job's outcome on the GUI thread and hands it to the callbacks, once.

    Kept alive by `_PENDING` until then; not a child of the context (a deleted child would be
    a dangling receiver): the context's `destroyed` signal cancels it instead.
    """

    def __init__(self, on_done: Done, on_error: Failed | None, context: QObject | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._context = context
        self._cancelled = False
        if context is not None:
            context.destroyed.connect(self.cancel)

    @Slot()
    def cancel(self) -> None:
        self._cancelled = True

    def _live(self) -> bool:
        _PENDING.discard(self)
        context = self._context
        return not self._cancelled and (context is None or shiboken6.isValid(context))

    @Slot(object)
    def deliver(self, result: Any) -> None:
        if self._live():
            self._on_done(result)

    @Slot(object)
    def fail(self, error: BaseException) -> None:
        if self._live() and self._on_error is not None:
            self._on_error(error)


#: Relays whose job has not reported yet (they hold the callbacks).
_PENDING: set[_Relay] = set()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals  # kept alive by the job until it has emitted

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # reported to the GUI, never lost in the pool
            error.details = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the application is shutting down: nobody waits
            signal.emit(value)


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
    relay = _Relay(on_done, on_error, context)
    _PENDING.add(relay)
    signals = _Signals()
    queued = Qt.ConnectionType.QueuedConnection
    signals.done.connect(relay.deliver, queued)
    signals.failed.connect(relay.fail, queued)
    relay.signals = signals  # type: ignore[attr-defined]
    QThreadPool.globalInstance().start(_Job(fn, signals))


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
