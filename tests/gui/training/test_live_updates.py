"""The live updates of a run stay cheap for the GUI thread: the worker sends batches and epoch
ends together at most every `BATCH_INTERVAL`, in order, and the curves are not redrawn while
hidden."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from netstudio.gui.training import worker as worker_module
from netstudio.gui.training.curves import (
    EPOCH_CURVES,
    MARKED_EPOCHS,
    REDRAW_HZ,
    Buffer,
    CurvesPanel,
)
from netstudio.gui.training.worker import _Relay
from netstudio.training.results import BatchMetrics, EpochMetrics, RunResult


class FakeWorker(QObject):
    """The worker's signals, recorded in the order they are emitted."""

    batches_ended = Signal(object)
    epochs_ended = Signal(object)
    run_started = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.trainer = None
        self.batches_run = 0
        self.sent: list[tuple[str, object]] = []
        self.batches_ended.connect(lambda b: self.sent.append(("batches", b)))
        self.epochs_ended.connect(lambda e: self.sent.append(("epochs", e)))


def batch(epoch: int, index: int) -> BatchMetrics:
    return BatchMetrics(
        epoch, index, 4, loss=1.0 / (epoch * 4 + index), lr=0.1, samples_per_second=1
    )


def epoch_end(epoch: int) -> EpochMetrics:
    return EpochMetrics(epoch, 0.5, 0.8, 0.6, 0.7, lr=0.1, seconds=0.01, samples_per_second=1)


def test_fast_epochs_are_sent_with_their_batches_not_each_at_once(monkeypatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(worker_module.time, "perf_counter", lambda: clock[0])
    fake = FakeWorker()
    relay = _Relay(fake)  # type: ignore[arg-type]
    relay.last_sent = clock[0]
    for epoch in range(1, 11):  # ten epochs within one interval: nothing sent yet
        for index in range(1, 5):
            relay.batch_ended(batch(epoch, index))
        relay.epoch_ended(epoch_end(epoch))
        clock[0] += worker_module.BATCH_INTERVAL / 20
    assert fake.sent == []
    clock[0] += worker_module.BATCH_INTERVAL
    relay.batch_ended(batch(11, 1))
    kinds = [kind for kind, _ in fake.sent]
    assert kinds == ["batches", "epochs"]  # one batch list, then one list of the epochs
    assert len(fake.sent[0][1]) == 41
    assert [e.epoch for e in fake.sent[1][1]] == list(range(1, 11))
    relay.epoch_ended(epoch_end(11))
    relay.finished(RunResult(status="finished"))  # the end sends what is left
    assert [(kind, len(items)) for kind, items in fake.sent[2:]] == [("epochs", 1)]


def test_hidden_curves_are_drawn_when_shown(qtbot, fake_session) -> None:
    session = fake_session
    panel = CurvesPanel(session)
    qtbot.addWidget(panel)
    session.batches_ended.emit([batch(1, i) for i in range(1, 5)])
    session.epochs_ended.emit([epoch_end(1)])
    panel.redraw()
    assert panel.curves["batch_loss"].getData()[0] is None  # hidden: nothing drawn
    panel.show()
    qtbot.waitExposed(panel)
    assert len(panel.curves["batch_loss"].getData()[0]) == 4
    assert len(panel.curves["val_acc"].getData()[0]) == 1


def test_an_update_is_drawn_in_one_go_and_nothing_is_drawn_while_idle(
    qtbot, monkeypatch, fake_session
) -> None:
    session = fake_session
    panel = CurvesPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    draws: list[int] = []
    original = panel.redraw
    monkeypatch.setattr(panel, "redraw", lambda: (draws.append(1), original())[1])
    panel.timer.timeout.disconnect()
    panel.timer.timeout.connect(panel.redraw)
    assert not panel.timer.isActive()  # idle: no timer wakes the GUI thread
    session.batches_ended.emit([batch(1, i) for i in range(1, 5)])
    session.epochs_ended.emit([epoch_end(1), epoch_end(2)])
    session.epochs_ended.emit([epoch_end(3)])
    qtbot.waitUntil(lambda: len(draws) == 1, timeout=2000)
    assert len(panel.curves["batch_loss"].xData) == 4
    assert len(panel.curves["val_acc"].xData) == 3  # the data (getData gives what is in view)
    qtbot.wait(3 * 1000 // REDRAW_HZ)
    assert len(draws) == 1 and not panel.timer.isActive()


def test_epochs_are_marked_with_dots_only_when_few(qtbot, fake_session) -> None:
    panel = CurvesPanel(fake_session)
    qtbot.addWidget(panel)
    panel.set_epochs(MARKED_EPOCHS)
    assert panel.curves["val_loss"].opts["symbol"] == "o"
    panel.set_epochs(MARKED_EPOCHS + 1)
    assert all(panel.curves[name].opts["symbol"] is None for name in EPOCH_CURVES)
    assert panel.curves["batch_loss"].opts["symbol"] is None


def test_buffer_keeps_every_point_as_it_grows() -> None:
    buffer = Buffer(capacity=4)
    for start in range(0, 30, 3):  # ten extends of three, through several doublings
        xs = np.arange(start, start + 3, dtype=float)
        buffer.extend(xs, xs * 2)
    buffer.extend(np.arange(30.0, 50.0), np.full(20, np.nan))  # more than doubling at once
    assert buffer.size == 50
    assert np.array_equal(buffer.x, np.arange(50.0))
    assert np.array_equal(buffer.y[:30], np.arange(30.0) * 2) and np.isnan(buffer.y[30:]).all()
    buffer.clear()
    assert buffer.size == 0 and len(buffer.x) == 0
