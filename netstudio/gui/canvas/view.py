"""The canvas view: dotted grid, zoom about the cursor, pan, fit, rubber-band selection.

Wheel zooms around the cursor, Ctrl+= / Ctrl+- zoom about the centre, a middle-button drag
or Space+drag pans, F fits the graph. A layer dragged from the palette is dropped here
(`layer_dropped`); Tab asks for the quick-add search at the cursor (`quick_add_requested`).

A project opens in its own view (`show_view`): the zoom and centre its ``view`` section holds,
else its whole network at a fitting zoom (never above 100 %); nothing of the project shown
before (its zoom, its scroll position) carries over.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.canvas.scene import CanvasScene
from netstudio.gui.style import GRID, CanvasTheme

#: MIME type of a layer dragged from the palette; the payload is the layer's type id.
LAYER_MIME = "application/x-netstudio-layer"

MIN_ZOOM, MAX_ZOOM = 0.15, 3.0
ZOOM_STEP = 1.2
#: The smallest zoom at which a node's text reads comfortably.
READABLE_ZOOM = 0.75


class CanvasView(QGraphicsView):
    """Shows a `CanvasScene` (see module docstring)."""

    #: A layer type id was dropped at a scene position.
    layer_dropped = Signal(str, QPointF)
    #: The zoom factor changed (1.0 = 100 %).
    zoom_changed = Signal(float)
    #: Tab was pressed: open quick-add at this scene point (the cursor's, else the centre).
    quick_add_requested = Signal(QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = CanvasTheme.from_palette(self.palette())
        self._pan_from: QPoint | None = None
        #: Space is held: a left drag pans instead of selecting.
        self._space_held = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Graph canvas")

    def canvas(self) -> CanvasScene | None:
        scene = self.scene()
        return scene if isinstance(scene, CanvasScene) else None

    # --- zoom and pan --------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor` (clamped), keeping the scene point `anchor` where it is on screen."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if math.isclose(factor, self.zoom):
            return
        if anchor is None:
            anchor = self.mapToScene(self.viewport().rect().center())
        before = self.mapFromScene(anchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor / self.zoom, factor / self.zoom)
        after = self.mapFromScene(anchor)
        delta = after - before
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def network_rect(self) -> QRectF:
        """The scene rectangle the nodes cover, with a margin (null when there are none)."""
        scene = self.canvas()
        rect = QRectF()
        for item in scene.nodes.values() if scene is not None else []:
            rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-40, -40, 40, 40) if not rect.isNull() else rect

    def _fit_factor(self, rect: QRectF) -> float:
        view = self.viewport().rect()
        return min(view.width() / rect.width(), view.height() / rect.height(), 1.0)

    def fit(self) -> None:
        """Show the whole network (not larger than 100 %); an empty canvas at 100 %."""
        rect = self.network_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            self.zoom_changed.emit(self.zoom)
            return
        self.set_zoom(self._fit_factor(rect), rect.center())
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom)

    def show_network(self) -> None:
        """The first view of a network: all of it if it fits at a readable size, else its
        start (inputs are on the left) at that size."""
        rect = self.network_rect()
        factor = self._fit_factor(rect) if not rect.isNull() else 1.0
        if factor >= READABLE_ZOOM or rect.isNull():
            self.fit()
            return
        self.set_zoom(READABLE_ZOOM)
        half_width = self.viewport().width() / 2 / self.zoom
        self.centerOn(rect.left() + half_width, rect.center().y())
        self.zoom_changed.emit(self.zoom)

    def show_view(self, view: Mapping[str, Any]) -> None:
        """Open a project's view: its saved ``zoom`` (a number) and ``centre`` ([x, y] in scene
        coordinates) where it has them, else `show_network`. A saved zoom alone is centred on
        the network, a saved centre alone gets the fitting zoom; a zoom out of range is clamped,
        values of the wrong type are ignored."""
        zoom = _number(view.get("zoom"))
        if zoom is not None and zoom <= 0:
            zoom = None
        centre = view.get("centre")
        xy = [_number(v) for v in centre] if isinstance(centre, (list, tuple)) else []
        point = QPointF(xy[0], xy[1]) if len(xy) == 2 and None not in xy else None
        if zoom is None and point is None:
            self.show_network()
            return
        rect = self.network_rect()
        if zoom is None:
            zoom = self._fit_factor(rect) if not rect.isNull() else 1.0
        self.set_zoom(zoom)
        if point is None:
            point = rect.center() if not rect.isNull() else QPointF(0, 0)
        self.centerOn(point)
        self.zoom_changed.emit(self.zoom)

    def centre_on_node(self, node_id: str) -> None:
        scene = self.canvas()
        if scene is not None and node_id in scene.nodes:
            self.centerOn(scene.nodes[node_id].sceneBoundingRect().center())

    def visible_centre(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            anchor = self.mapToScene(event.position().toPoint())
            self.set_zoom(self.zoom * ZOOM_STEP**steps, anchor)
        event.accept()

    def _pan_button(self, event: QMouseEvent) -> bool:
        button = event.button()
        return button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_held
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._pan_button(event):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and self._pan_button(event):
            self._pan_from = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # --- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus to the next widget before keyPressEvent sees it.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Tab and plain:
                self.request_quick_add()
                return True
        return super().event(event)

    def request_quick_add(self) -> None:
        """Ask for quick-add at the cursor when it is over the canvas, else at the centre."""
        cursor = self.viewport().mapFromGlobal(QCursor.pos())
        inside = self.viewport().rect().contains(cursor)
        self.quick_add_requested.emit(self.mapToScene(cursor) if inside else self.visible_centre())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            if self._pan_from is None:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space_held = False
        super().focusOutEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The canvas's own actions (added with addAction), at the cursor."""
        item = self.itemAt(event.pos())
        scene = self.canvas()
        if scene is not None and item is not None and not item.isSelected():
            node = item if isinstance(item, NodeItem) else item.parentItem()
            if isinstance(node, NodeItem):
                scene.select_nodes([node.node_id])
        menu = QMenu(self)
        for action in self.actions():
            if action.isSeparator() or action.isVisible():
                menu.addAction(action)
        menu.exec(event.globalPos())

    # --- drops from the palette ----------------------------------------------------------------

    @staticmethod
    def layer_of(mime) -> str | None:
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        data: QByteArray = mime.data(LAYER_MIME)
        return bytes(data.data()).decode("utf-8") or None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.layer_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.layer_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        type_id = self.layer_of(event.mimeData())
        if not type_id:
            event.ignore()
            return
        event.acceptProposedAction()
        self.layer_dropped.emit(type_id, self.mapToScene(event.position().toPoint()))

    # --- drawing -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.theme = CanvasTheme.from_palette(self.palette())
            scene = self.canvas()
            if scene is not None:
                scene.set_theme(self.theme)
            self.viewport().update()
        super().changeEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.theme.background)
        spacing = GRID
        while spacing * self.zoom < 12:
            spacing *= 5
        left = math.floor(rect.left() / spacing) * spacing
        top = math.floor(rect.top() / spacing) * spacing
        points = []
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                points.append(QPointF(x, y))
                x += spacing
            y += spacing
        pen = QPen(self.theme.grid, 1.6)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoints(points)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        scene = self.canvas()
        if scene is None or scene.nodes:
            return
        painter.save()
        painter.resetTransform()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 2)
        painter.setFont(font)
        painter.setPen(self.theme.muted)
        painter.drawText(
            self.viewport().rect(),
            Qt.AlignmentFlag.AlignCenter,
            "Drag a layer from the Layers palette onto the canvas\n"
            "(or double-click it), then drag from an output port to an input port to wire it.",
        )
        painter.restore()


def _number(value: Any) -> float | None:
    """`value` as a finite float, None when it is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None
