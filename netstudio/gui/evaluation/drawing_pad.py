"""A square pad to draw on with the mouse: thick white strokes on black, like MNIST's digits.

`sample(height, width)` turns the drawing into the pixels a model takes: the ink is cropped,
scaled to fit (MNIST-style: a 20-pixel box in 28 for inputs of 16 pixels or more, the whole
frame for small ones such as 8×8 digits), centred, and averaged down, values in [0, 1].
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS = 280
STROKE = 22.0


class DrawingPad(QWidget):
    """Mouse drawing (see module docstring); `changed` after every stroke segment and clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawing_pad")
        self.image = QImage(CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        self.image.fill(0)
        self._last: QPointF | None = None
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw with the mouse; the prediction follows as you draw"))

    def sizeHint(self) -> QSize:
        return QSize(160, 160)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def _square(self) -> QRect:
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_canvas(self, point: QPointF) -> QPointF:
        square = self._square()
        scale = CANVAS / max(1, square.width())
        return QPointF((point.x() - square.x()) * scale, (point.y() - square.y()) * scale)

    @property
    def is_empty(self) -> bool:
        return not self.pixels().any()

    def clear(self) -> None:
        self.image.fill(0)
        self.update()
        self.changed.emit()

    def set_image(self, image: QImage) -> None:
        """Show `image` (e.g. an opened file) on the pad, in grey, scaled to fill it."""
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        self.image = grey.scaled(CANVAS, CANVAS, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        self.update()
        self.changed.emit()

    def _stroke(self, to: QPointF) -> None:
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("white"), STROKE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)  # fmt: skip
        painter.setPen(pen)
        start = self._last if self._last is not None else to
        painter.drawLine(start, to)
        painter.end()
        self._last = to
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self._stroke(self._to_canvas(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._stroke(self._to_canvas(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        square = self._square()
        painter.drawImage(square, self.image)
        painter.setPen(QColor(128, 128, 128))
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        painter.end()

    # --- the model's input -----------------------------------------------------------------------

    def pixels(self) -> np.ndarray:
        """The pad as a (CANVAS, CANVAS) array in [0, 1]."""
        width = self.image.bytesPerLine()
        raw = np.frombuffer(self.image.constBits(), dtype=np.uint8, count=width * CANVAS)
        return raw.reshape(CANVAS, width)[:, :CANVAS].astype(np.float32) / 255

    def sample(self, height: int, width: int) -> np.ndarray:
        """The drawing as (height, width) pixels in [0, 1] (see module docstring)."""
        pixels = self.pixels()
        ink = np.argwhere(pixels > 0.05)
        if len(ink) == 0:
            return np.zeros((height, width), dtype=np.float32)
        (top, left), (bottom, right) = ink.min(axis=0), ink.max(axis=0) + 1
        crop = pixels[top:bottom, left:right]
        fill = 20 / 28 if min(height, width) >= 16 else 1.0
        # Scale the ink so its longer side spans `fill` of the target, on a canvas that is a
        # whole multiple of the target size; then average blocks down to the target.
        factor = 8
        big_h, big_w = height * factor, width * factor
        scale = fill * min(big_h / crop.shape[0], big_w / crop.shape[1])
        h, w = max(1, round(crop.shape[0] * scale)), max(1, round(crop.shape[1] * scale))
        rows = np.minimum((np.arange(h) / scale).astype(int), crop.shape[0] - 1)
        cols = np.minimum((np.arange(w) / scale).astype(int), crop.shape[1] - 1)
        resized = crop[rows][:, cols]
        canvas = np.zeros((big_h, big_w), dtype=np.float32)
        y, x = (big_h - h) // 2, (big_w - w) // 2
        canvas[y : y + h, x : x + w] = resized
        return canvas.reshape(height, factor, width, factor).mean(axis=(1, 3))
