"""The overview map: the whole network small, in a corner of the canvas, with the part the view
shows outlined; a click or a drag in it moves the view there (View > Overview).

It draws the network simplified (each node a rectangle in its category's colour, each wire a
straight line) into a picture kept between paints, so a network of a thousand nodes costs one
cheap redraw when it changes, and a pan or a zoom only moves the outline. Changes to the
network are gathered for a moment before the picture is redrawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from netstudio.gui.style import category_colour, mix, with_alpha

if TYPE_CHECKING:
    from netstudio.gui.canvas.view import CanvasView

#: The map's largest size in pixels; it takes the network's proportions within these.
MAX_WIDTH, MAX_HEIGHT = 240, 160
MIN_SIDE = 64
#: Room around the drawing, inside the map's frame.
PAD = 8
#: The margin from the canvas's edges.
MARGIN = 12
#: The least size of a node, and of the outline of the view, in the map's pixels.
MIN_NODE, MIN_VIEW = 2.0, 10.0
#: How long network changes are gathered before the picture is redrawn (milliseconds).
REDRAW_MS = 120


class OverviewMap(QWidget):
    """The map (see module docstring), a child of the canvas view over its bottom-right
    corner."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.setObjectName("overview_map")
        self.setAccessibleName(self.tr("Overview map"))
        self.setToolTip(self.tr("The whole network: click or drag to move the view there"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.view = view
        #: The scene rectangle the map shows, and its scale (map pixels per scene unit).
        self.bounds = QRectF()
        self.scale = 1.0
        self._picture: QPixmap | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self.hide()

    # --- what the view tells it ----------------------------------------------------------------

    def network_changed(self) -> None:
        """The network changed: redraw the picture soon (changes in between are gathered)."""
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def redraw(self) -> None:
        """Redraw the picture of the network now, resize to its proportions and repaint."""
        self._timer.stop()
        rects, wires, colours = self._network()
        bounds = QRectF()
        for rect in rects.values():
            bounds = bounds.united(rect)
        if bounds.isNull():
            self.bounds, self._picture = QRectF(), None
            self.update()
            return
        bounds.adjust(-60, -60, 60, 60)
        self.bounds = bounds
        self.resize(_fitted(bounds))
        inner = QRectF(self.rect()).adjusted(PAD, PAD, -PAD, -PAD)
        self.scale = min(inner.width() / bounds.width(), inner.height() / bounds.height())
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.view.theme.wire, 1.0))
        centres = {node_id: self.to_map(rect.center()) for node_id, rect in rects.items()}
        painter.drawLines(
            [QLineF(centres[a], centres[b]) for a, b in wires if a in centres and b in centres]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        by_colour: dict[str, list[QRectF]] = {}
        for node_id, rect in rects.items():
            by_colour.setdefault(colours[node_id].name(), []).append(self._map_rect(rect))
        for colour, shapes in by_colour.items():
            painter.setBrush(QColor(colour))
            painter.drawRects(shapes)
        painter.end()
        self._picture = picture
        self.place()
        self.update()

    def place(self) -> None:
        """Sit in the bottom-right corner of the canvas."""
        area = self.view.viewport().geometry()
        self.move(area.right() - self.width() - MARGIN, area.bottom() - self.height() - MARGIN)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw()

    # --- geometry ------------------------------------------------------------------------------

    def to_map(self, point: QPointF) -> QPointF:
        """A scene point in the map's pixels."""
        offset = self._offset()
        return QPointF(
            offset.x() + (point.x() - self.bounds.left()) * self.scale,
            offset.y() + (point.y() - self.bounds.top()) * self.scale,
        )

    def to_scene(self, point: QPointF) -> QPointF:
        """A point of the map in scene coordinates."""
        offset = self._offset()
        return QPointF(
            self.bounds.left() + (point.x() - offset.x()) / self.scale,
            self.bounds.top() + (point.y() - offset.y()) / self.scale,
        )

    def visible_rect(self) -> QRectF:
        """The part of the scene the view shows, in the map's pixels (large enough to see)."""
        view = self.view
        return self._map_rect(view.mapToScene(view.viewport().rect()).boundingRect(), MIN_VIEW)

    def _map_rect(self, rect: QRectF, least: float = MIN_NODE) -> QRectF:
        """A scene rectangle in the map's pixels, at least `least` pixels each way (a node
        of a long network would be thinner than a pixel: too faint to see)."""
        centre = self.to_map(rect.center())
        width = max(least, rect.width() * self.scale)
        height = max(least, rect.height() * self.scale)
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    def _offset(self) -> QPointF:
        """Where the bounds' top-left lands, so the drawing is centred in the map."""
        width, height = self.bounds.width() * self.scale, self.bounds.height() * self.scale
        return QPointF((self.width() - width) / 2, (self.height() - height) / 2)

    def _network(self) -> tuple[dict[str, QRectF], list[tuple[str, str]], dict[str, QColor]]:
        """Each node's scene rectangle and colour, and the wires as (source, target) ids."""
        scene = self.view.canvas()
        if scene is None:
            return {}, [], {}
        graph = scene.document.graph
        rects = {node_id: item.sceneBoundingRect() for node_id, item in scene.nodes.items()}
        colours = {
            node_id: category_colour(graph.node(node_id).spec.category)
            for node_id in rects
            if node_id in graph
        }
        rects = {node_id: rect for node_id, rect in rects.items() if node_id in colours}
        wires = [(edge.src, edge.dst) for edge in scene.edges]
        return rects, wires, colours

    # --- painting and the mouse ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.view.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(theme.node_border, 1.0))
        painter.setBrush(with_alpha(mix(theme.background, theme.node_fill, 0.6), 0.94))
        painter.drawRoundedRect(frame, 6, 6)
        if self._picture is not None:
            painter.drawPixmap(0, 0, self._picture)
            shown = self.visible_rect().intersected(frame.adjusted(2, 2, -2, -2))
            if not shown.isEmpty():
                painter.setPen(QPen(theme.selection, 1.5))
                painter.setBrush(with_alpha(theme.selection, 0.14))
                painter.drawRect(shown)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._go(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _go(self, point: QPointF) -> None:
        """Centre the view on the scene point under `point`."""
        if self._picture is not None:
            self.view.centerOn(self.to_scene(point))


def _fitted(bounds: QRectF) -> QSize:
    """The map's size for a network covering `bounds`: its proportions, within the limits."""
    inner_w, inner_h = MAX_WIDTH - 2 * PAD, MAX_HEIGHT - 2 * PAD
    aspect = bounds.width() / bounds.height()
    if aspect >= inner_w / inner_h:
        return QSize(MAX_WIDTH, max(MIN_SIDE, round(inner_w / aspect) + 2 * PAD))
    return QSize(max(MIN_SIDE, round(inner_h * aspect) + 2 * PAD), MAX_HEIGHT)
