"""PySide6-Essentials 6.12.0 on Python 3.11 aborts after ~1,000 signal emits across threads
("Fatal Python error: bool_dealloc"); the dependency is pinned below 6.12. This test emits
20,000 queued signals from a worker thread so a broken Qt build fails here, not in a user's run.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, QThread, Signal, Slot

EMITS = 20_000


class Emitter(QObject):
    progressed = Signal(int, float, bool)
    finished = Signal()

    @Slot()
    def run(self) -> None:
        for i in range(EMITS):
            self.progressed.emit(i, i * 0.5, i % 2 == 0)
        self.finished.emit()


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.last = -1

    @Slot(int, float, bool)
    def on_progress(self, i: int, value: float, flag: bool) -> None:
        assert value == i * 0.5 and flag == (i % 2 == 0)
        self.count += 1
        self.last = i


def test_twenty_thousand_signals_across_threads(qtbot) -> None:
    thread = QThread()
    emitter = Emitter()
    receiver = Receiver()
    emitter.moveToThread(thread)
    emitter.progressed.connect(receiver.on_progress)
    thread.started.connect(emitter.run)
    with qtbot.waitSignal(emitter.finished, timeout=60_000):
        thread.start()
    qtbot.waitUntil(lambda: receiver.count == EMITS, timeout=60_000)
    thread.quit()
    thread.wait()
    assert receiver.last == EMITS - 1
