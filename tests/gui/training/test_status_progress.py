"""The status bar during a run: a small progress bar with the Training panel's fraction and a
line that begins with the device, both hidden when no run is going."""

from __future__ import annotations

from netstudio.gui.main_window import MainWindow
from netstudio.gui.progress_line import ProgressLine
from netstudio.gui.status_text import StatusText

RUN_TIMEOUT = 30_000


def test_the_status_bar_shows_the_runs_progress_and_device(qtbot, window, open_example) -> None:
    open_example("spiral_toy.net", {"epochs": 200, "batch_size": 8, "device": "cpu"})
    ui = window.training_ui
    bar, text = ui.progress, ui.status
    assert isinstance(bar, ProgressLine) and isinstance(text, StatusText)
    assert not bar.isVisible() and not text.isVisible()
    assert bar.parent() is window.statusBar()
    assert bar.width() == bar.maximumWidth() and bar.height() == bar.maximumHeight()

    session = window.training_ui.session
    window.menu_actions.train.trigger()
    assert bar.isVisible() and text.isVisible()
    qtbot.waitUntil(lambda: text.text().startswith("cpu · Epoch "), timeout=RUN_TIMEOUT)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=RUN_TIMEOUT)
    assert bar.value() == window.training_ui.panel.progress.value()
    assert window.training_ui.panel.status.text() in text.text()
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT):
        window.menu_actions.stop.trigger()
    assert not bar.isVisible() and not text.isVisible()


def test_the_progress_bar_sits_beside_the_status_text(window: MainWindow) -> None:
    ui = window.training_ui
    ui.progress.show()
    ui.status.show()
    window.statusBar().layout().activate()
    assert ui.progress.geometry().right() < ui.status.geometry().left()
    assert abs(ui.progress.geometry().center().y() - ui.status.geometry().center().y()) <= 2
