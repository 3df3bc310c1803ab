"""Small images of samples, in rows: the data preview's per-class grid, the augmentation preview
and the evaluation's misclassified samples all use this one painted widget.

Images arrive as numpy arrays (channels × height × width, values in [0, 1], normalisation
already undone), so building them costs nothing on the GUI thread but a QImage copy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


def to_qimage(image: np.ndarray) -> QImage:
    """A QImage of one sample: (C, H, W) or (H, W) in [0, 1]; 1 channel grey, 3 colour.

    Other channel counts show their first channel in grey.
    """
    array = np.asarray(image, dtype=np.float32)
    if array.ndim == 3 and array.shape[0] not in (1, 3):
        array = array[0]
    if array.ndim == 3 and array.shape[0] == 1:
        array = array[0]
    pixels = (np.clip(array, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
    if pixels.ndim == 2:
        h, w = pixels.shape
        data = np.ascontiguousarray(pixels)
        return QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    rgb = np.ascontiguousarray(pixels.transpose(1, 2, 0))
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


@dataclass
class Thumb:
    """One sample to show: its image, a caption under it, a tooltip, and a caption colour."""

    image: QImage
    caption: str = ""
    tooltip: str = ""
    colour: QColor | None = None


class ThumbnailGrid(QWidget):
    """Rows of thumbnails, each row with an optional label on its left.

    Thumbnails are scaled to `cell` pixels without smoothing (8×8 digits stay crisp); the widget
    asks for the height its rows need, so it sits well in a scroll area. `clicked(row, column)`
    is emitted when a thumbnail is clicked.
    """

    clicked = Signal(int, int)

    def __init__(self, cell: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.rows: list[tuple[str, list[Thumb]]] = []
        self.label_width = 0
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: list[tuple[str, list[Thumb]]]) -> None:
        self.rows = rows
        metrics = self.fontMetrics()
        labels = [label for label, _ in rows if label]
        self.label_width = max((metrics.horizontalAdvance(t) for t in labels), default=0)
        self.label_width = min(self.label_width + 8, 120) if labels else 0
        self.updateGeometry()
        self.update()

    def set_thumbs(self, thumbs: list[Thumb]) -> None:
        """One row without a label."""
        self.set_rows([("", thumbs)] if thumbs else [])

    @property
    def count(self) -> int:
        return sum(len(thumbs) for _, thumbs in self.rows)

    def _caption_height(self) -> int:
        has_caption = any(t.caption for _, thumbs in self.rows for t in thumbs)
        return self.fontMetrics().height() * (2 if self._two_line() else 1) if has_caption else 0

    def _two_line(self) -> bool:
        return any("\n" in t.caption for _, thumbs in self.rows for t in thumbs)

    def _pitch(self) -> QSize:
        caption = self._caption_height()
        width = max(self.cell, *(self._caption_width(t) for _, ts in self.rows for t in ts), 0)
        return QSize(width + 6, self.cell + caption + 6)

    def _caption_width(self, thumb: Thumb) -> int:
        metrics = self.fontMetrics()
        return max(
            (metrics.horizontalAdvance(line) for line in thumb.caption.split("\n")), default=0
        )

    def _per_line(self) -> int:
        pitch = self._pitch().width()
        return max(1, (self.width() - self.label_width) // pitch)

    def _layout(self) -> list[tuple[int, int, QRect]]:
        """(row, column, rectangle of the image) for every thumbnail."""
        pitch, per_line, y = self._pitch(), self._per_line(), 2
        placed = []
        for r, (_, thumbs) in enumerate(self.rows):
            lines = max(1, -(-len(thumbs) // per_line))
            for c in range(len(thumbs)):
                line, col = divmod(c, per_line)
                x = self.label_width + col * pitch.width() + (pitch.width() - self.cell) // 2
                placed.append((r, c, QRect(x, y + line * pitch.height(), self.cell, self.cell)))
            y += lines * pitch.height()
        return placed

    def sizeHint(self) -> QSize:
        return QSize(self.label_width + 8 * self._pitch().width(), self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.label_width + self._pitch().width(), self._needed_height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pitch = self._pitch()
        per_line = max(1, (width - self.label_width) // pitch.width())
        lines = sum(max(1, -(-len(thumbs) // per_line)) for _, thumbs in self.rows)
        return lines * pitch.height() + 4

    def _needed_height(self) -> int:
        return self.heightForWidth(max(self.width(), 1))

    def resizeEvent(self, event) -> None:
        self.setMinimumHeight(self._needed_height())
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        frame = QColor(text)
        frame.setAlphaF(0.25)
        pitch = self._pitch()
        metrics = self.fontMetrics()
        label_rows: set[int] = set()
        for r, c, rect in self._layout():
            label, thumbs = self.rows[r]
            thumb = thumbs[c]
            if label and r not in label_rows:
                label_rows.add(r)
                painter.setPen(text)
                box = QRect(0, rect.top(), self.label_width - 6, self.cell)
                painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(label, Qt.TextElideMode.ElideRight, box.width()))  # fmt: skip
            painter.drawImage(rect, thumb.image)
            painter.setPen(frame)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            if thumb.caption:
                painter.setPen(thumb.colour or text)
                cap = QRect(rect.center().x() - pitch.width() // 2, rect.bottom() + 2,
                            pitch.width(), pitch.height() - self.cell - 4)  # fmt: skip
                painter.drawText(cap, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 thumb.caption)  # fmt: skip
        painter.end()

    def thumb_at(self, pos: QPoint) -> tuple[int, int] | None:
        for r, c, rect in self._layout():
            if rect.contains(pos):
                return r, c
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.thumb_at(event.position().toPoint())
        tip = self.rows[hit[0]][1][hit[1]].tooltip if hit else ""
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.thumb_at(event.position().toPoint())
        if hit is not None:
            self.clicked.emit(*hit)
        super().mousePressEvent(event)
