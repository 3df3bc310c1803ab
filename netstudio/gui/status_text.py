"""A line or two of text that changes often (a run's progress) without relaying out the window.

A QLabel asks for a new geometry on every `setText`. In a dock or the status bar that request
climbs to the main window, which then lays out every dock and toolbar again: milliseconds of
GUI-thread time, five times a second during a run, taken from the run itself on a small machine.
`StatusText` has a size hint fixed by its number of lines, so a new text only repaints it. Text
that does not fit is wrapped (up to `lines` lines) and elided at the end; the whole text is the
tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Characters of the widest line the size hint asks room for (the layout may give less).
HINT_CHARS = 40


class StatusText(QWidget):
    """`text()` / `setText()` like a QLabel; at most `lines` lines, elided, constant size hint."""

    def __init__(self, text: str = "", lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._lines = max(1, lines)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * HINT_CHARS, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 8, self._height())

    def _height(self) -> int:
        return self.fontMetrics().lineSpacing() * self._lines + 2

    def visible_lines(self) -> list[str]:
        """The lines drawn at the current width: wrapped at word boundaries, the last one
        elided when the text goes on beyond it."""
        width = max(1, self.width())
        metrics = self.fontMetrics()
        text = self._text.replace("\n", "\u2028")  # a line break in QTextLayout's terms
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        starts: list[tuple[int, int]] = []
        while len(starts) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        lines = [text[start : start + length].rstrip("\u2028 ") for start, length in starts]
        if starts:
            rest = text[starts[-1][0] :].replace("\u2028", " ").strip()
            lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return lines

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.WindowText))
        metrics = self.fontMetrics()
        y = 1 + metrics.ascent()
        for line in self.visible_lines():
            painter.drawText(QPointF(0, y), line)
            y += metrics.lineSpacing()
        painter.end()
