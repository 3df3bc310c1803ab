"""Progress of loading the data (files, images or rows read of the total, with an ETA), for
any front end.

Loading code counts its steps without knowing who listens, in the unit a person counts the
data in (image files, the images of an IDX file, a CSV table's rows, CIFAR-10's batch files),
a chunk at a time where it reads in chunks (a step costs a clock read, never per row)::

    with loading_steps(words.DECODING_IMAGES(), len(files)) as step:
        for _ in pool.map(decode, files):
            step()

and a front end listens for the length of a load::

    with reporting(print_progress):
        data = load_data(config, project_dir)

Nothing is reported for a load that ends within `THRESHOLD` seconds (a person does not need a
progress bar for it); after that, at most one report every `interval` seconds, and always the
last one (done == total). The listener is held in a context variable, so a load on another
thread (the app's training thread) reports to its own listener; a step counted on a pool
thread (not the one that started the load) reports nothing. Plain Python, no Qt: the app's
worker turns the reports into signals, the command line into lines on stderr.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal, TextIO

from netstudio.core.messages import Count
from netstudio.training import data_messages as words

#: Seconds a load runs before its progress is shown (see module docstring).
THRESHOLD = 0.5
#: Seconds between two reports at most.
INTERVAL = 0.2

#: What the steps of a load count: image files (and CIFAR-10's batch files), the images of
#: one file (IDX), or the rows of a table (CSV).
Unit = Literal["files", "images", "rows"]

#: The line of each unit: without and with an ETA.
_LINES = {
    "files": (words.PROGRESS, words.PROGRESS_ETA),
    "images": (words.PROGRESS_IMAGES, words.PROGRESS_IMAGES_ETA),
    "rows": (words.PROGRESS_ROWS, words.PROGRESS_ROWS_ETA),
}


def format_duration(seconds: float) -> str:
    """ "0:07", "12:03", "1:02:03"."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class LoadingProgress:
    """Where one step of a load stands: `done` of `total` `unit`, `elapsed` seconds in."""

    what: str
    done: int
    total: int
    elapsed: float
    unit: Unit = "files"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def eta(self) -> float | None:
        """Seconds still to go at the pace so far (None before the first file is done)."""
        if self.done <= 0:
            return None
        return self.elapsed * (self.total - self.done) / self.done

    def line(self) -> str:
        """ "decoding images: 1,234 / 5,000 files · ETA 0:07", "reading data.csv: 40,000 /
        100,000 rows"."""
        eta = self.eta
        done, total = Count(self.done), Count(self.total)
        plain, timed = _LINES[self.unit]
        if eta is not None and self.done < self.total:
            return timed(what=self.what, done=done, total=total, eta=format_duration(eta))
        return plain(what=self.what, done=done, total=total)


ProgressCallback = Callable[[LoadingProgress], None]


@dataclass
class _Listener:
    callback: ProgressCallback
    threshold: float
    interval: float


_listener: ContextVar[_Listener | None] = ContextVar("netstudio_loading_listener", default=None)


@contextlib.contextmanager
def reporting(
    callback: ProgressCallback, threshold: float | None = None, interval: float = INTERVAL
) -> Iterator[None]:
    """Send the progress of the loads run inside this block (on this thread) to `callback`;
    `threshold` defaults to `THRESHOLD` (read when the block starts)."""
    listener = _Listener(callback, THRESHOLD if threshold is None else threshold, interval)
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


class _Steps:
    """Counts the steps of one part of a load and reports them to the listener, if any."""

    def __init__(self, what: str, total: int, unit: Unit, listener: _Listener | None) -> None:
        self.what, self.total, self.unit, self.listener = what, total, unit, listener
        self.done = 0
        self.start = time.perf_counter()
        self.last_sent: float | None = None
        self._sent_done = -1

    def __call__(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        listener = self.listener
        if listener is None:
            return
        now = time.perf_counter()
        if now - self.start < listener.threshold:
            return
        if self.last_sent is not None and now - self.last_sent < listener.interval:
            return
        self._send(now)

    def finish(self) -> None:
        """The last report (all done), when any report was sent or the load took long enough."""
        listener = self.listener
        if listener is None or self.done < self.total:
            return  # failed part way: the error says what happened
        now = time.perf_counter()
        shown = self.last_sent is not None or now - self.start >= listener.threshold
        if shown and self._sent_done != self.done:
            self._send(now)

    def _send(self, now: float) -> None:
        assert self.listener is not None
        self.last_sent = now
        self._sent_done = self.done
        progress = LoadingProgress(self.what, self.done, self.total, now - self.start, self.unit)
        self.listener.callback(progress)


@contextlib.contextmanager
def loading_steps(what: str, total: int, unit: Unit = "files") -> Iterator[Callable[[int], None]]:
    """Count `total` `unit` of `what` ("decoding images", "reading data.csv"); call the yielded
    function once per file (or with a count: the rows of a chunk). A count past `total` stops
    at it (a row count found in advance may be an upper bound: a reader that ends short of it
    steps the rest). Reports go to the listener of `reporting`, if any."""
    steps = _Steps(what, total, unit, _listener.get())
    yield steps
    steps.finish()


class TerminalProgress:
    """Prints progress to `stream` (stderr): one line rewritten in place on a terminal, else
    one line per report, at most one every `every` seconds (a log stays short); nothing when
    `quiet` (a distributed run's other ranks). Used as a context manager, it ends a line left
    open by a load that failed part way."""

    def __init__(self, stream: TextIO, every: float = 2.0, quiet: bool = False) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.every, self.quiet = every, quiet
        self._last = -float("inf")
        self._width = 0

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *_: object) -> None:
        if self._width:  # a line rewritten in place is still open
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def __call__(self, progress: LoadingProgress) -> None:
        if self.quiet:
            return
        text = f"loading: {progress.line()}"
        last = progress.done >= progress.total
        if self.tty:
            pad = " " * max(0, self._width - len(text))
            self._width = 0 if last else len(text)
            self.stream.write(f"\r{text}{pad}" + ("\n" if last else ""))
        else:
            now = time.perf_counter()
            if not last and now - self._last < self.every:
                return
            self._last = now
            self.stream.write(text + "\n")
        self.stream.flush()
