"""A thin progress bar for a run's progress, which changes several times a second.

QProgressBar repaints itself at once, synchronously, whenever its value moves a pixel (so that
it moves even while the GUI thread is busy). During a run that is a millisecond of GUI-thread
time per update and per bar, taken from the run itself on a small machine. `ProgressLine` asks
for a repaint instead, which Qt folds into the window's next paint, and it keeps a fixed size
hint, so a new value never lays out the window again. It has the QProgressBar calls the app uses.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class ProgressLine(QWidget):
    """`value()` between `minimum()` and `maximum()`, drawn as a filled rounded line."""

    def __init__(self, parent: QWidget | None = None, height: int = 6) -> None:
        super().__init__(parent)
        self._minimum, self._maximum, self._value = 0, 100, 0
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(height)

    def setRange(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, max(minimum, maximum)
        self.setValue(self._value)

    def minimum(self) -> int:
        return self._minimum

    def maximum(self) -> int:
        return self._maximum

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = min(self._maximum, max(self._minimum, int(value)))
        if value != self._value:
            self._value = value
            self.update()

    def fraction(self) -> float:
        span = self._maximum - self._minimum
        return (self._value - self._minimum) / span if span else 0.0

    def sizeHint(self) -> QSize:
        return QSize(120, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self._height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = box.height() / 2
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, radius, radius)
        done = self.fraction()
        if done > 0:
            fill = QRectF(
                box.left(), box.top(), max(box.height(), box.width() * done), box.height()
            )
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight).darker(115), 1.0))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(fill, radius, radius)
        painter.end()
