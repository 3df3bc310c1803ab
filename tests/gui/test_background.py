"""One-shot background jobs: results come back on the GUI thread, latest request wins."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject

from netstudio.gui.background import LatestJob, run_in_background


def test_result_and_error_come_back_on_the_gui_thread(qtbot) -> None:
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["callback"] = value, threading.get_ident()

    run_in_background(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42 and seen["callback"] == main and seen["worker"] != main

    def fail() -> None:
        raise ValueError("bad data")

    errors: list[BaseException] = []
    run_in_background(fail, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "bad data" and "ValueError" in errors[0].details


def test_nothing_is_called_once_the_context_is_destroyed(qtbot) -> None:
    context = QObject()
    gate = threading.Event()
    called: list[object] = []
    run_in_background(lambda: gate.wait(5) and 1, called.append, called.append, context)
    context.deleteLater()
    qtbot.wait(20)  # the deferred delete happens
    gate.set()
    qtbot.wait(200)
    assert called == []


def test_latest_request_wins(qtbot) -> None:
    job = LatestJob()
    gate = threading.Event()
    started: list[int] = []
    results: list[int] = []

    def work(n: int):
        def run() -> int:
            started.append(n)
            if n == 0:
                gate.wait(5)
            return n

        return run

    for n in range(4):  # 0 runs; 1 and 2 are superseded while it runs; 3 runs after it
        job.submit(work(n), results.append)
    assert job.busy
    time.sleep(0.05)
    gate.set()
    with qtbot.waitSignal(job.idle, timeout=5000):
        pass
    assert started == [0, 3]
    assert results == [3]  # the result of 0 was superseded by 3
    assert not job.busy
