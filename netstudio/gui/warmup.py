"""Loading PyTorch behind the window.

`import torch` and the first forward pass on the `meta` device cost a couple of seconds; they
run on a worker thread while the window is already up, and `finished` tells the GUI thread
that shape inference can start (with an error message, or "" on success).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QThread, Signal


def warm_up_torch() -> None:
    """Import torch and run one tiny layer on meta tensors, as shape inference will."""
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    with torch.device("meta"):
        layer = torch.nn.Linear(4, 2)
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
        self.done = "torch.utils.flop_counter" in sys.modules

    def start(self) -> None:
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
