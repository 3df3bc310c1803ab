"""Loading PyTorch behind the window.

`import torch` and the first forward pass on the `meta` device cost a couple of seconds; they
run on a worker thread while the window is already up, and `finished` tells the GUI thread
that shape inference can start (with an error message, or "" on success).

What the thread loads comes in the order the window needs it: torch, then scikit-learn (the
Data preview of every source but an image folder splits its examples with it: ~2 s of CPU its
first job would otherwise pay), then torch's FLOP counter for the MACs column (it pulls in
``torch._dynamo``, the heaviest part). An image folder's preview needs none of it and is drawn
first: `start_after` holds the loading back until then, so that the two do not compete for
the CPU.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, SignalInstance

#: The longest the loading waits for a preview drawn without PyTorch (ms).
HOLD_BACK_MS = 2000


def warm_up_torch() -> None:
    """Import torch, then scikit-learn's splitting, then run one tiny layer on meta tensors
    under the FLOP counter, as shape inference will."""
    import torch

    with torch.device("meta"):
        layer = torch.nn.Linear(4, 2)
    with torch.no_grad():
        layer(torch.empty(2, 4, device="meta"))
    with contextlib.suppress(ImportError):  # the data previews' splits say so if it is missing
        import sklearn.model_selection  # noqa: F401
    from torch.utils.flop_counter import FlopCounterMode

    with torch.no_grad(), FlopCounterMode(display=False):
        layer(torch.empty(2, 4, device="meta"))


class _WarmupThread(QThread):
    failed = Signal(str)

    def run(self) -> None:
        try:
            warm_up_torch()
        except Exception as error:  # any failure means no shape inference, not a crash
            self.failed.emit(f"{type(error).__name__}: {error}")


class TorchWarmup(QObject):
    """Loads PyTorch on a worker thread once; `finished("")` when ready, else the reason."""

    finished = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _WarmupThread | None = None
        self._error = ""
        self._started = False
        self.done = (
            "torch.utils.flop_counter" in sys.modules and "sklearn.model_selection" in sys.modules
        )

    def start_after(self, busy: Callable[[], bool], drawn: SignalInstance) -> None:
        """Start once `drawn` is emitted if `busy()` says a preview drawn without PyTorch is
        on its way (at most `HOLD_BACK_MS` later), else now."""
        if not busy():
            self.start()
            return
        drawn.connect(self._start_soon)
        QTimer.singleShot(HOLD_BACK_MS, self.start)

    def _start_soon(self, *_: object) -> None:
        QTimer.singleShot(0, self.start)  # after the preview has been painted

    def start(self) -> None:
        """Load PyTorch on the worker thread (once; `finished` at once when it has loaded)."""
        if self._started:
            return
        self._started = True
        if self.done:
            self.finished.emit(self._error)
            return
        if self._thread is not None:
            return
        self._thread = _WarmupThread(self)
        self._thread.failed.connect(self._on_failed)
        self._thread.finished.connect(self._on_finished)
        self._thread.start()

    def wait(self) -> None:
        """Block until the loading thread is done (the app is quitting: a running QThread
        must not be destroyed; importing torch cannot be interrupted)."""
        if self._thread is not None and self._thread.isRunning():
            self._thread.wait()

    def _on_failed(self, message: str) -> None:
        self._error = message

    def _on_finished(self) -> None:
        self.done = True
        if self._thread is not None:
            self._thread.wait()
        self.finished.emit(self._error)
