"""StatusText and ProgressLine: a run's progress, which changes several times a second, without
relaying out or synchronously repainting the window around it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from netstudio.gui.progress_line import ProgressLine
from netstudio.gui.status_text import StatusText


class Events(QObject):
    """Counts the events of one type that reach the widgets it filters."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def test_a_new_text_repaints_without_relaying_out_the_window(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget(window)
    QVBoxLayout(central).addWidget(text := StatusText("Ready", parent=central))
    window.setCentralWidget(central)
    label = StatusText(parent=window)
    window.statusBar().addWidget(label, 1)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    requests = Events(QEvent.Type.LayoutRequest)
    window.installEventFilter(requests)
    central.installEventFilter(requests)
    for i in range(20):
        text.setText(f"Epoch {i}/20 · batch 5/23 · {i * 1234:,} samples/s · ETA 0:0{i % 10}")
        label.setText("Training (editing locked) — " + text.text())
        qtbot.wait(5)
    assert requests.count == 0
    assert text.text().startswith("Epoch 19/20") and text.toolTip() == text.text()


def test_long_text_wraps_to_its_lines_and_is_elided(qtbot) -> None:
    text = StatusText("word " * 60, lines=2)
    qtbot.addWidget(text)
    text.resize(200, text.sizeHint().height())
    lines = text.visible_lines()
    assert len(lines) == 2
    assert lines[0].startswith("word") and lines[1].endswith("…")
    assert all(text.fontMetrics().horizontalAdvance(line) <= 200 for line in lines)
    text.setText("short")
    assert text.visible_lines() == ["short"]
    assert text.sizeHint().height() == text.minimumSizeHint().height()


def test_a_progress_line_paints_with_the_window_not_at_once(qtbot) -> None:
    bar = ProgressLine(height=8)
    qtbot.addWidget(bar)
    bar.setRange(0, 1000)
    bar.resize(200, 8)
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.wait(20)
    paints = Events(QEvent.Type.Paint)
    bar.installEventFilter(paints)
    for value in range(0, 1000, 100):
        bar.setValue(value)
    assert paints.count == 0  # QProgressBar would have repainted ten times by now
    qtbot.waitUntil(lambda: paints.count >= 1, timeout=1000)
    assert paints.count <= 2 and bar.value() == 900 and bar.fraction() == 0.9
    bar.setValue(5000)
    assert bar.value() == 1000
    bar.setValue(-3)
    assert bar.value() == 0
