"""A layer on the canvas: a rounded card with a category-coloured header.

Header: the node's name. Body: type and key parameters ("Conv2d · 32, 3×3, pad 1"). Footer:
the output shape and parameter count, or, when the node is invalid, a warning icon and the
start of the message (the whole message is the tooltip). The item only shows what the scene
tells it; it holds no graph state. `flash()` blinks a red outline a few times, to point at the
node a failed run names; the item then looks as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.style import CanvasTheme, text_on, with_alpha

WIDTH = 160.0
HEADER = 24.0
FOOTER = 22.0
PORT_SPACING = 20.0
MIN_BODY = 26.0
RADIUS = 7.0
PAD = 10.0
#: Below this zoom the details are too small to read; only the name is drawn, large.
FAR = 0.45
#: `flash()`: this many blinks, each this many milliseconds on and as many off.
FLASHES = 3
FLASH_MS = 250

Severity = Literal["error", "warning"] | None


def _fonts() -> tuple[QFont, QFont, QFont]:
    """Title, subtitle and footer fonts, sized in scene pixels so that a node's layout is the
    same whatever the desktop's font size (the view's zoom scales them)."""
    body = QFont()
    body.setPixelSize(11)
    title = QFont(body)
    title.setPixelSize(12)
    title.setBold(True)
    small = QFont(body)
    small.setPixelSize(10)
    return title, body, small


def warning_triangle(centre: QPointF, size: float) -> QPolygonF:
    h = size * 0.9
    return QPolygonF(
        [
            QPointF(centre.x(), centre.y() - h / 2),
            QPointF(centre.x() + size / 2, centre.y() + h / 2),
            QPointF(centre.x() - size / 2, centre.y() + h / 2),
        ]
    )


class NodeItem(QGraphicsItem):
    """One node (see module docstring). `on_moved` is called as the item moves."""

    def __init__(self, node_id: str, colour: QColor, theme: CanvasTheme) -> None:
        super().__init__()
        self.node_id = node_id
        self.colour = colour
        self.theme = theme
        self.title = ""
        self.subtitle = ""
        self.shape_text = ""
        self.params_text = ""
        self.severity: Severity = None
        self.message = ""
        self._short = ""
        self.inputs: dict[str, PortItem] = {}
        self.outputs: dict[str, PortItem] = {}
        self.on_moved: Callable[[NodeItem], Any] | None = None
        self._body = MIN_BODY
        self._title_font, self._body_font, self._small_font = _fonts()
        self._flash_timer: QTimer | None = None
        self._flash_steps = 0  # half-blinks left: lit on an even count, off on an odd one
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)

    # --- what the scene sets -------------------------------------------------------------------

    def set_ports(self, inputs: Sequence[str], outputs: Sequence[str]) -> None:
        """Create, keep or drop port items so they match these port names."""
        rows = max(len(inputs), len(outputs), 1)
        body = max(MIN_BODY, rows * PORT_SPACING + 6)
        if body != self._body:
            self.prepareGeometryChange()
            self._body = body
        for ports, names, is_input in ((self.inputs, inputs, True), (self.outputs, outputs, False)):
            for name in list(ports):
                if name not in names:
                    item = ports.pop(name)
                    item.setParentItem(None)
                    if item.scene() is not None:
                        item.scene().removeItem(item)
            for name in names:
                if name not in ports:
                    ports[name] = PortItem(
                        self.node_id, name, is_input, self.colour, self.theme, self
                    )
            x = 0.0 if is_input else WIDTH
            centre = HEADER + self._body / 2
            for i, name in enumerate(names):
                offset = (i - (len(names) - 1) / 2) * PORT_SPACING
                ports[name].setPos(x, centre + offset)
        self.update()

    def set_text(self, title: str, subtitle: str) -> None:
        if (title, subtitle) != (self.title, self.subtitle):
            self.title, self.subtitle = title, subtitle
            self.update()

    def set_footer(self, shape: str, params: str) -> None:
        if (shape, params) != (self.shape_text, self.params_text):
            self.shape_text, self.params_text = shape, params
            self.update()

    def set_problem(self, severity: Severity, message: str, prefix: str = "") -> None:
        """Mark the node invalid (`error`), doubtful (`warning`) or fine (None)."""
        short = message.removeprefix(prefix).lstrip(": ") if prefix else message
        short = short[:1].upper() + short[1:]
        if (severity, message) == (self.severity, self.message):
            return
        self.severity, self.message, self._short = severity, message, short
        self.setToolTip(message)
        self.update()

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        for port in [*self.inputs.values(), *self.outputs.values()]:
            port.set_theme(theme)
        self.update()

    def port(self, name: str, is_input: bool) -> PortItem | None:
        return (self.inputs if is_input else self.outputs).get(name)

    def ports(self) -> list[PortItem]:
        return [*self.inputs.values(), *self.outputs.values()]

    @property
    def height(self) -> float:
        return HEADER + self._body + FOOTER

    # --- flashing ------------------------------------------------------------------------------

    def flash(self, times: int = FLASHES, interval_ms: int = FLASH_MS) -> None:
        """Blink a red outline `times` times (on the GUI thread's timer); again from the start
        when it is already flashing."""
        if self._flash_timer is None:
            self._flash_timer = QTimer()
            self._flash_timer.setInterval(interval_ms)
            self._flash_timer.timeout.connect(self._flash_step)
        self._flash_timer.setInterval(interval_ms)
        self._flash_steps = 2 * max(1, times)
        self._flash_timer.start()
        self.update()

    @property
    def flashing(self) -> bool:
        """Whether the item is blinking now."""
        return self._flash_steps > 0

    @property
    def flash_lit(self) -> bool:
        """Whether the blinking outline is drawn now."""
        return self._flash_steps > 0 and self._flash_steps % 2 == 0

    def _flash_step(self) -> None:
        timer = self._flash_timer
        if not shiboken6.isValid(self):  # removed from the canvas and deleted meanwhile
            if timer is not None:
                timer.stop()
            return
        self._flash_steps = max(0, self._flash_steps - 1)
        if self._flash_steps == 0 and timer is not None:
            timer.stop()
        self.update()

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, WIDTH, self.height).adjusted(-5, -5, 5, 7)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, self.height), RADIUS, RADIUS)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.on_moved:
            self.on_moved(self)
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(2 if value else 1)
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        rect = QRectF(0, 0, WIDTH, self.height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.shadow)
        painter.drawRoundedRect(rect.translated(0, 2.5), RADIUS, RADIUS)
        painter.setBrush(theme.node_fill)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)

        outline = QPainterPath()
        outline.addRoundedRect(rect, RADIUS, RADIUS)
        header = QPainterPath()
        header.addRect(QRectF(0, 0, WIDTH, HEADER))
        painter.setBrush(self.colour)
        painter.drawPath(outline.intersected(header))

        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= FAR:
            self._paint_text(painter)
        else:
            self._paint_name_large(painter, lod)

        if self.severity == "error":
            painter.setPen(QPen(theme.error, 2.0))
        else:
            painter.setPen(QPen(theme.node_border, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        if self.isSelected():
            painter.setPen(QPen(theme.selection, 2.0))
            painter.drawRoundedRect(rect.adjusted(-3.5, -3.5, 3.5, 3.5), RADIUS + 3, RADIUS + 3)
        if self.flash_lit:
            painter.setPen(QPen(theme.error, 2.5))
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            painter.setPen(QPen(theme.error, 3.0))  # over the selection outline
            painter.drawRoundedRect(rect.adjusted(-3.5, -3.5, 3.5, 3.5), RADIUS + 3, RADIUS + 3)

    def _paint_name_large(self, painter: QPainter, lod: float) -> None:
        """Zoomed far out: only the name, written large enough to read across the card."""
        font = QFont(self._title_font)
        font.setPixelSize(round(min(max(12.0, 11.0 / max(lod, 0.01)), 36.0)))
        painter.setFont(font)
        painter.setPen(self.theme.error if self.severity == "error" else self.theme.text)
        rect = QRectF(4, HEADER, WIDTH - 8, self._body + FOOTER)
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(self.title, Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_text(self, painter: QPainter) -> None:
        theme = self.theme
        painter.setFont(self._title_font)
        painter.setPen(text_on(self.colour))
        self._draw(painter, QRectF(PAD, 0, WIDTH - 2 * PAD, HEADER), self.title)

        painter.setFont(self._body_font)
        painter.setPen(theme.text)
        self._draw(painter, QRectF(PAD, HEADER + 2, WIDTH - 2 * PAD, 22), self.subtitle)

        top = HEADER + self._body
        painter.setPen(QPen(with_alpha(theme.node_border, 0.6), 1.0))
        painter.drawLine(QPointF(1, top + 0.5), QPointF(WIDTH - 1, top + 0.5))
        footer = QRectF(PAD, top, WIDTH - 2 * PAD, FOOTER)
        painter.setFont(self._small_font)
        left = footer
        if self.severity is not None:
            colour = theme.error if self.severity == "error" else theme.warning
            centre = QPointF(PAD + 5, top + FOOTER / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(warning_triangle(centre, 11))
            painter.setPen(QPen(QColor("white"), 1.4))
            painter.drawLine(centre + QPointF(0, -1.8), centre + QPointF(0, 1.2))
            painter.drawPoint(centre + QPointF(0, 3))
            left = footer.adjusted(16, 0, 0, 0)
        if self.severity == "error":
            painter.setPen(theme.error)
            self._draw(painter, left, self._short)
            return
        painter.setPen(theme.muted)
        metrics = QFontMetricsF(self._small_font)
        right_width = metrics.horizontalAdvance(self.params_text) + 6 if self.params_text else 0
        self._draw(painter, left.adjusted(0, 0, -right_width, 0), self.shape_text)
        if self.params_text:
            painter.drawText(
                footer,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                self.params_text,
            )

    @staticmethod
    def _draw(painter: QPainter, rect: QRectF, text: str) -> None:
        metrics = QFontMetricsF(painter.font())
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
