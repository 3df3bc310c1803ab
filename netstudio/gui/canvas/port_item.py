"""A port on a node's edge: inputs on the left, outputs on the right (on the top and the bottom
when the network flows top to bottom; the node places its ports).

It grows under the mouse, is filled when a wire is attached, and while a new wire is being
dragged it lights up (a compatible target) or dims (not one).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from netstudio.gui.style import CanvasTheme, with_alpha

RADIUS = 5.0
HOVER_RADIUS = 7.0
HIT_RADIUS = 10.0

translate = QCoreApplication.translate


class PortState(Enum):
    NORMAL = "normal"
    COMPATIBLE = "compatible"
    DIMMED = "dimmed"


class PortItem(QGraphicsItem):
    """One input or output port of a `NodeItem` (its parent item)."""

    def __init__(
        self,
        node_id: str,
        name: str,
        is_input: bool,
        colour: QColor,
        theme: CanvasTheme,
        parent: QGraphicsItem,
    ) -> None:
        super().__init__(parent)
        self.node_id = node_id
        self.name = name
        self.is_input = is_input
        self.colour = colour
        self.theme = theme
        self.connected = False
        self.state = PortState.NORMAL
        self._hovered = False
        self._shape: str | None = None
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(1)
        self.set_shape_text("")

    @property
    def key(self) -> tuple[str, str, bool]:
        return (self.node_id, self.name, self.is_input)

    def scene_anchor(self) -> QPointF:
        """Where wires attach, in scene coordinates."""
        return self.scenePos()

    def set_shape_text(self, shape: str) -> None:
        """Say the tensor shape at this port in its tooltip ("" while it is not known)."""
        if shape == self._shape:
            return
        self._shape = shape
        if self.is_input and shape:
            tip = translate("PortItem", "input '{port}' · {shape}")
        elif self.is_input:
            tip = translate("PortItem", "input '{port}'")
        elif shape:
            tip = translate("PortItem", "output '{port}' · {shape}")
        else:
            tip = translate("PortItem", "output '{port}'")
        self.setToolTip(tip.format(port=self.name, shape=shape))

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.update()

    def set_state(self, state: PortState) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        self.update()

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        r = HIT_RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), HIT_RADIUS, HIT_RADIUS)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        radius = HOVER_RADIUS if self._hovered else RADIUS
        colour = self.colour
        if self.state is PortState.COMPATIBLE:
            radius = HOVER_RADIUS
            colour = theme.compatible
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(with_alpha(theme.compatible, 0.25))
            painter.drawEllipse(QPointF(0, 0), radius + 4, radius + 4)
        elif self.state is PortState.DIMMED:
            colour = with_alpha(theme.muted, 0.35)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2.0))
        filled = self.connected or self.state is PortState.COMPATIBLE or self._hovered
        painter.setBrush(QBrush(colour if filled else theme.node_fill))
        painter.drawEllipse(QPointF(0, 0), radius, radius)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)
