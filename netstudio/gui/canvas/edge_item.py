"""A wire: from an output port to an input port, labelled with its tensor shape.

It is a smooth curve where nothing is in the way, else a detour with rounded corners through a
free lane beside the nodes between its ports (`netstudio.core.routing`): a wire never passes
under a node. It asks the scene for the nodes near it (`obstacles`) and routes again when its
ports move; the scene also re-routes it when a node moves into or out of its way. The label is
written where it is legible; further out the tooltip says it. A wire into a node that cannot
take what arrives is drawn dashed red.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache
from itertools import pairwise

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

from netstudio.core import routing
from netstudio.core.graph import Edge
from netstudio.core.routing import Flow, Point, Rect, Route
from netstudio.gui.canvas.node_item import DETAIL_ZOOM, WIDTH, NodeItem
from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.style import CanvasTheme

#: The corners of a detour are rounded with this radius (less where a piece is short).
CORNER = 14.0
#: Nodes near an area, the wire's own two left out: (area, the ids to leave out) -> rectangles.
ObstacleSource = Callable[[Rect, tuple[str, str]], Iterable[Rect]]


@cache
def label_font() -> tuple[QFont, QFontMetricsF]:
    """The wire labels' font (10 scene pixels) and its metrics, made once for every wire."""
    font = QFont()
    font.setPixelSize(10)
    return font, QFontMetricsF(font)


def wire_path(start: QPointF, end: QPointF, flow: Flow = "right") -> QPainterPath:
    """The direct curve from `start` to `end`: it leaves and enters along the flow, and loops
    round when `end` is behind."""
    c1, c2 = routing.direct_controls((start.x(), start.y()), (end.x(), end.y()), flow)
    path = QPainterPath(start)
    path.cubicTo(QPointF(*c1), QPointF(*c2), end)
    return path


def route_path(found: Route) -> QPainterPath:
    """The path of a route: its cubic, or its straight pieces with rounded corners."""
    points = [QPointF(*p) for p in found.points]
    path = QPainterPath(points[0])
    if found.direct:
        path.cubicTo(points[1], points[2], points[3])
        return path
    last = len(points) - 1
    for i in range(1, last):
        before, corner, after = points[i - 1], points[i], points[i + 1]
        into, out = corner - before, after - corner
        d_in, d_out = math.hypot(into.x(), into.y()), math.hypot(out.x(), out.y())
        if d_in == 0 or d_out == 0:
            continue
        # The stubs at the ports may be used whole; pieces between two corners are shared.
        radius = min(
            CORNER, d_in * (1.0 if i == 1 else 0.5), d_out * (1.0 if i == last - 1 else 0.5)
        )
        path.lineTo(corner - into * (radius / d_in))
        path.quadTo(corner, corner + out * (radius / d_out))
    path.lineTo(points[last])
    return path


def node_rect(item: NodeItem) -> Rect:
    """A node's card in scene coordinates, as a routing rectangle."""
    pos = item.pos()
    return (pos.x(), pos.y(), pos.x() + WIDTH, pos.y() + item.height)


class EdgeItem(QGraphicsItem):
    """One wire of the graph; it follows its two ports as their nodes move."""

    def __init__(
        self,
        edge: Edge,
        source: PortItem,
        target: PortItem,
        theme: CanvasTheme,
        flow: Flow = "right",
        obstacles: ObstacleSource | None = None,
    ):
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.theme = theme
        #: Which way the network flows: wires leave and enter their ports along it.
        self.flow: Flow = flow
        #: Where the wire finds the nodes it must go round (none: it is always the curve).
        self.obstacles = obstacles
        self.route = Route((), direct=True)
        #: What the route was chosen for: the ports, the area that decided it and the nodes
        #: there. While they stay the same, routing again would give the same way.
        self._routed_for: tuple[tuple, Rect, frozenset[Rect]] | None = None
        self.label = ""
        self.invalid = False
        self._hovered = False
        #: A node dragged over this wire would be inserted into it.
        self.drop_target = False
        self._path = QPainterPath()
        self._label_rect = QRectF()
        self._text = ""
        self._tooltip = ""
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
        if text != self._tooltip:  # a tooltip set again costs as much as a new one
            self._tooltip = text
            self.setToolTip(text)

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        self.update()

    def path(self) -> QPainterPath:
        """The wire as drawn (the item sits at the scene's origin: these are scene points)."""
        return QPainterPath(self._path)

    def point_at(self, fraction: float) -> QPointF:
        """The scene point `fraction` of the way along the wire."""
        return self._path.pointAtPercent(fraction)

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def update_path(self) -> None:
        """Route the wire again from the ports' and the nodes' current scene positions."""
        anchors = self.source.scene_anchor(), self.target.scene_anchor()
        start, end = ((p.x(), p.y()) for p in anchors)
        ends = tuple(node_rect(p) for p in (self.source.parentItem(), self.target.parentItem())
                     if isinstance(p, NodeItem))  # fmt: skip
        ports = (start, end, ends, self.flow)
        chosen = self._routed_for
        if chosen and chosen[0] == ports and frozenset(self._nearby(chosen[1])) == chosen[2]:
            return  # the same ports and the same nodes where the way was chosen: it holds
        self.prepareGeometryChange()
        self.route = routing.route(start, end, self._nearby, self.flow, ends)
        self._path = route_path(self.route)
        self._layout_label()
        self._routed_for = None
        if self.route.direct:
            return  # finding the curve clear again costs no more than checking it holds
        direct = routing.direct_route(start, end, self.flow).bounds()
        area = routing.inflate(routing.union(direct, self.route.bounds()), 2 * routing.MARGIN)
        self._routed_for = (ports, area, frozenset(self._nearby(area)))

    def follow_ports(self) -> bool:
        """Shift the wire's way with its ports when both moved by the same step (a group of
        nodes dragged together); False, and nothing changed, otherwise."""
        if not self.route.points:
            return False
        start, end = self.source.scene_anchor(), self.target.scene_anchor()
        (x0, y0), (x1, y1) = self.route.start, self.route.end
        dx, dy = start.x() - x0, start.y() - y0
        if (dx, dy) == (0.0, 0.0) or (end.x() - x1, end.y() - y1) != (dx, dy):
            return False
        self.prepareGeometryChange()
        self._routed_for = None
        points = tuple((x + dx, y + dy) for x, y in self.route.points)
        self.route = Route(points, self.route.direct)
        self._path.translate(dx, dy)
        self._label_rect.translate(dx, dy)
        return True

    def _nearby(self, area: Rect) -> Iterable[Rect]:
        """The other nodes meeting `area`."""
        if self.obstacles is None:
            return ()
        return self.obstacles(area, (self.edge.src, self.edge.dst))

    def route_rect(self) -> Rect:
        """The rectangle the wire stays in."""
        return self.route.bounds()

    def _layout_label(self) -> None:
        """Place the shape label mid-wire: whole if it fits between the ports, else without
        the batch dimension, else not at all (the tooltip and the footers still say it)."""
        self._label_rect = QRectF()
        self._text = ""
        if not self.label:
            return
        metrics = label_font()[1]
        start, end, middle = self._label_place()
        room = math.hypot(end[0] - start[0], end[1] - start[1]) - 12
        for text in (self.label, self.label.removeprefix("N×")):
            width = metrics.horizontalAdvance(text) + 8
            if width <= room:
                height = metrics.height() + 2
                self._label_rect = QRectF(
                    middle.x() - width / 2, middle.y() - height / 2, width, height
                )
                self._text = text
                return

    def drawn_label(self, lod: float) -> str:
        """The shape written on the wire at zoom `lod`: none where it would be too small to
        read, or where there is no room for it (the tooltip says it)."""
        return self._text if not self._label_rect.isNull() and lod >= DETAIL_ZOOM else ""

    def _label_place(self) -> tuple[Point, Point, QPointF]:
        """Where the label may go: the two ends of the straight stretch it sits on (the whole
        wire for the curve, the longest piece of a detour) and its middle."""
        points = self.route.points
        if self.route.direct or len(points) < 2:
            return points[0], points[-1], self._path.pointAtPercent(0.5)
        a, b = max(
            pairwise(points),
            key=lambda ab: abs(ab[1][0] - ab[0][0]) + abs(ab[1][1] - ab[0][1]),
        )
        return a, b, QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._path.controlPointRect().adjusted(-6, -6, 6, 6).united(self._label_rect)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self._path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        colour = theme.error if self.invalid else theme.wire
        width = 2.0
        if self.isSelected() or self.drop_target:
            colour, width = theme.selection, 4.0 if self.drop_target else 3.0
        elif self._hovered:
            width = 3.0
        # Far out a wire stays at least a pixel or so wide on screen (capped: no bold smears).
        width = min(max(width, width * 0.6 / max(lod, 1e-3)), 8.0)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.invalid:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)

        if self.drawn_label(lod):
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(theme.label_fill)
            radius = self._label_rect.height() / 2
            painter.drawRoundedRect(self._label_rect, radius, radius)
            painter.setFont(label_font()[0])
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
