"""A wire: a smooth curve from an output port to an input port, labelled with its tensor shape.

A wire into a node that cannot take what arrives is drawn dashed red.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from netstudio.core.graph import Edge
from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.style import CanvasTheme


def wire_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A horizontal-tangent cubic from `start` to `end`, looping round when `end` is behind."""
    dx = end.x() - start.x()
    reach = max(40.0, abs(dx) * 0.5) if dx >= 0 else max(80.0, abs(dx) * 0.35 + 60.0)
    path = QPainterPath(start)
    path.cubicTo(start + QPointF(reach, 0), end - QPointF(reach, 0), end)
    return path


class EdgeItem(QGraphicsItem):
    """One wire of the graph; it follows its two ports as their nodes move."""

    def __init__(self, edge: Edge, source: PortItem, target: PortItem, theme: CanvasTheme):
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.theme = theme
        self.label = ""
        self.invalid = False
        self._hovered = False
        #: A node dragged over this wire would be inserted into it.
        self.drop_target = False
        self._path = QPainterPath()
        self._label_rect = QRectF()
        self._font = QFont()
        self._font.setPixelSize(10)
        self._text = ""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.update_path()

    def set_label(self, label: str, invalid: bool) -> None:
        if (label, invalid) != (self.label, self.invalid):
            self.prepareGeometryChange()
            self.label, self.invalid = label, invalid
            self._layout_label()
            self.update()

    def set_tooltip(self, text: str) -> None:
        self.setToolTip(text)

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        self.update()

    def point_at(self, fraction: float) -> QPointF:
        """The scene point `fraction` of the way along the wire."""
        return self._path.pointAtPercent(fraction)

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def update_path(self) -> None:
        """Recompute the curve from the ports' current scene positions."""
        self.prepareGeometryChange()
        self._path = wire_path(self.source.scene_anchor(), self.target.scene_anchor())
        self._layout_label()

    def _layout_label(self) -> None:
        """Place the shape label mid-wire: whole if it fits between the ports, else without
        the batch dimension, else not at all (the tooltip and the footers still say it)."""
        self._label_rect = QRectF()
        self._text = ""
        if not self.label:
            return
        metrics = QFontMetricsF(self._font)
        start, end = self._path.pointAtPercent(0), self._path.pointAtPercent(1)
        room = math.hypot(end.x() - start.x(), end.y() - start.y()) - 12
        for text in (self.label, self.label.removeprefix("N×")):
            width = metrics.horizontalAdvance(text) + 8
            if width <= room:
                height = metrics.height() + 2
                middle = self._path.pointAtPercent(0.5)
                self._label_rect = QRectF(
                    middle.x() - width / 2, middle.y() - height / 2, width, height
                )
                self._text = text
                return

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._path.controlPointRect().adjusted(-4, -4, 4, 4).united(self._label_rect)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self._path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = theme.error if self.invalid else theme.wire
        width = 2.0
        if self.isSelected() or self.drop_target:
            colour, width = theme.selection, 4.0 if self.drop_target else 3.0
        elif self._hovered:
            width = 3.0
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.invalid:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)

        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if not self._label_rect.isNull() and lod >= 0.5:
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(theme.label_fill)
            radius = self._label_rect.height() / 2
            painter.drawRoundedRect(self._label_rect, radius, radius)
            painter.setFont(self._font)
            painter.setPen(theme.error if self.invalid else theme.text)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._text)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)
