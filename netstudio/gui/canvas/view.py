"""The canvas view: dotted grid, zoom about the cursor, pan, fit, rubber-band selection.

Wheel zooms around the cursor, Ctrl+= / Ctrl+- zoom about the centre, a middle-button drag
or Space+drag pans, F fits the graph. A layer dragged from the palette is dropped here
(`layer_dropped`); Tab asks for the quick-add search at the cursor (`quick_add_requested`).

A project opens in its own view (`show_view`): the zoom and centre its ``view`` section holds,
else its whole network when it fits at a legible zoom, else its start (the Input) at about 100 %;
nothing of the project shown before (its zoom, its scroll position) carries over. Over the
canvas float the find bar (`FindBar`, top right) and the overview map (`OverviewMap`, bottom
right), which opens by itself when the network is larger than the view, unless the person
turned it off.

With no layer on it the canvas says how to start; the hint goes as soon as a layer exists.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import shiboken6
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
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QWidget

from netstudio.core.events import Event
from netstudio.core.graph import Node
from netstudio.core.layout import Direction
from netstudio.gui.canvas.find import FindBar
from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.canvas.overview import OverviewMap
from netstudio.gui.canvas.scene import EXTENT, CanvasScene
from netstudio.gui.style import GRID, CanvasTheme

#: MIME type of a layer dragged from the palette; the payload is the layer's type id.
LAYER_MIME = "application/x-netstudio-layer"

MIN_ZOOM, MAX_ZOOM = 0.15, 3.0
ZOOM_STEP = 1.2
#: The smallest zoom at which a whole network may open fitted: its text still reads.
LEGIBLE_ZOOM = 0.6
#: The zoom a network too large to fit legibly opens at, and a found layer is shown at when
#: the view was zoomed out further than `LEGIBLE_ZOOM`.
OPEN_ZOOM = 1.0
#: The room left between the start of a network opened at `OPEN_ZOOM` and the canvas's edge.
OPEN_MARGIN = 60.0


class CanvasView(QGraphicsView):
    """Shows a `CanvasScene` (see module docstring)."""

    #: A layer type id was dropped at a scene position.
    layer_dropped = Signal(str, QPointF)
    #: The zoom factor changed (1.0 = 100 %).
    zoom_changed = Signal(float)
    #: Tab was pressed: open quick-add at this scene point (the cursor's, else the centre).
    quick_add_requested = Signal(QPointF)
    #: The overview map was shown (True) or hidden (False).
    overview_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = CanvasTheme.from_palette(self.palette())
        self._pan_from: QPoint | None = None
        #: Space is held: a left drag pans instead of selecting.
        self._space_held = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The dotted grid is drawn once per zoom, not at every repaint (thousands of dots).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Graph canvas"))
        #: The graph events the view follows (the hint, the overview), while a scene is shown.
        self._followed: list[tuple[Event, Any]] = []
        self.find_bar = FindBar(self)
        self.overview = OverviewMap(self)
        #: The person's word on the overview: True shown, False hidden, None (not said): shown
        #: when a network opens larger than the view.
        self.overview_choice: bool | None = None

    def canvas(self) -> CanvasScene | None:
        scene = self.scene()
        return scene if isinstance(scene, CanvasScene) else None

    def setScene(self, scene: QGraphicsScene | None) -> None:
        """Show `scene`, and follow its network's changes (for the hint and the overview)."""
        for event, handler in self._followed:
            event.disconnect(handler)
        self._followed = []
        super().setScene(scene)
        self.setSceneRect(QRectF())  # the scene's own, grown below to reach every node
        self.find_bar.scene_replaced()
        if isinstance(scene, CanvasScene):
            for node in scene.document.graph:
                self._keep_in_reach(node)
            events = scene.document.graph.events
            self._followed = [
                (events.node_added, self._on_node_count),
                (events.node_removed, self._on_node_count),
                (events.cleared, self._on_node_count),
                (events.node_added, self._keep_in_reach),
                (events.node_moved, self._keep_in_reach),
                *((event, self._on_network_changed) for event in events.all()),
            ]
            for event, handler in self._followed:
                event.connect(handler)
        self.viewport().update()
        if self.overview.isVisible():
            self.overview.redraw()  # at once: the picture showed the project before

    def _on_node_count(self, *_: Any) -> None:
        """The first layer came or the last one went: the hint shows or goes (the view only
        repaints what items cover, so it would stay drawn under the first layer)."""
        scene = self.canvas() if shiboken6.isValid(self) else None
        if scene is not None and len(scene.document.graph) <= 1:
            self.viewport().update()

    def _keep_in_reach(self, node: Node, *_: Any) -> None:
        """Let the view scroll to `node` and well beyond it, however far out it was placed
        (the scene is a fixed square around the origin: a long network runs past it)."""
        if not shiboken6.isValid(self):
            return  # the window closed before its document
        x, y = node.position
        area = self.sceneRect()
        if not area.adjusted(EXTENT / 4, EXTENT / 4, -EXTENT / 4, -EXTENT / 4).contains(x, y):
            self.setSceneRect(area.united(QRectF(x - EXTENT / 2, y - EXTENT / 2, EXTENT, EXTENT)))

    def _on_network_changed(self, *_: Any) -> None:
        if shiboken6.isValid(self):
            self.overview.network_changed()

    def flow(self) -> Direction:
        """Which way the network shown runs: the project view's ``flow``, "down" or (the
        default) "right"."""
        scene = self.canvas()
        view = scene.document.project.view if scene is not None else {}
        return "down" if view.get("flow") == "down" else "right"

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
        self.overview.update()
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
        """The first view of a network: all of it when it fits at a legible zoom (at least
        `LEGIBLE_ZOOM`), else its start (the first Input) near the edge the network runs from,
        at `OPEN_ZOOM` or a little less so that no node is cut at the far edge; the overview
        map then shows the rest (`show_overview_if_needed`)."""
        rect = self.network_rect()
        factor = self._fit_factor(rect) if not rect.isNull() else 1.0
        start = self._start_rect()
        if factor >= LEGIBLE_ZOOM or start is None:
            self.fit()
        else:
            down = self.flow() == "down"
            zoom = self._uncut_zoom(start, down)
            self.set_zoom(zoom)
            self.centerOn(self._start_view(start, zoom, down).center())
            self.zoom_changed.emit(self.zoom)
        self.show_overview_if_needed()

    def _start_view(self, start: QRectF, zoom: float, down: bool) -> QRectF:
        """The scene rectangle shown at `zoom` with the network's `start` near the edge it
        runs from (the left, or the top when it runs `down`), centred across."""
        width = self.viewport().width() / zoom
        height = self.viewport().height() / zoom
        if down:
            return QRectF(start.center().x() - width / 2, start.top() - OPEN_MARGIN, width, height)
        return QRectF(start.left() - OPEN_MARGIN, start.center().y() - height / 2, width, height)

    def _uncut_zoom(self, start: QRectF, down: bool) -> float:
        """The largest zoom from `OPEN_ZOOM` down to `LEGIBLE_ZOOM` at which the far edge of
        `_start_view` falls between nodes instead of through one (a node cut in half at the
        edge reads as a broken view); `OPEN_ZOOM` when every zoom cuts one."""
        scene = self.canvas()
        rects = [item.sceneBoundingRect() for item in scene.nodes.values()] if scene else []
        steps = round((OPEN_ZOOM - LEGIBLE_ZOOM) / 0.01)
        for step in range(steps + 1):
            zoom = OPEN_ZOOM - step * 0.01
            shown = self._start_view(start, zoom, down)
            if down:
                edge = shown.bottom()
                cut = any(
                    r.top() - 8 < edge < r.bottom() + 8
                    for r in rects
                    if r.right() > shown.left() and r.left() < shown.right()
                )
            else:
                edge = shown.right()
                cut = any(
                    r.left() - 8 < edge < r.right() + 8
                    for r in rects
                    if r.bottom() > shown.top() and r.top() < shown.bottom()
                )
            if not cut:
                return zoom
        return OPEN_ZOOM

    def _start_rect(self) -> QRectF | None:
        """Where the network starts on the canvas: its first Input, else its first node."""
        scene = self.canvas()
        if scene is None or not scene.nodes:
            return None
        graph = scene.document.graph
        inputs = [node.id for node in graph if node.type_id == "Input" and node.id in scene.nodes]
        first = inputs[0] if inputs else next(iter(scene.nodes))
        return scene.nodes[first].sceneBoundingRect()

    def show_overview_if_needed(self) -> None:
        """Show the overview map when the network does not fit in the view (unless the person
        turned it off); hide it when it does (unless the person turned it on)."""
        rect = self.network_rect()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        larger = not rect.isNull() and not shown.contains(rect.adjusted(30, 30, -30, -30))
        wanted = larger if self.overview_choice is None else self.overview_choice
        self.set_overview_shown(wanted and not rect.isNull())

    def set_overview_shown(self, shown: bool) -> None:
        """Show or hide the overview map (`overview_toggled` says so when that changes)."""
        if shown == self.overview.isVisible():
            return
        self.overview.setVisible(shown)
        if shown:
            self.overview.raise_()
        self.overview_toggled.emit(shown)

    def reveal(self, node_id: str) -> None:
        """Centre a node, zoomed in to `OPEN_ZOOM` when the view is too far out to read it."""
        if self.zoom < LEGIBLE_ZOOM:
            self.set_zoom(OPEN_ZOOM)
        self.centre_on_node(node_id)

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
        self.show_overview_if_needed()

    def centre_on_node(self, node_id: str) -> None:
        scene = self.canvas()
        if scene is not None and node_id in scene.nodes:
            self.centerOn(scene.nodes[node_id].sceneBoundingRect().center())

    def visible_centre(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.overview.update()  # its outline of the view follows (paints are coalesced)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.overview.place()
        if self.find_bar.isVisible():
            self.find_bar.place()

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
            self.resetCachedContent()  # the grid in the new colours
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
            self.tr(
                "Drag a layer from the Layers palette onto the canvas\n"
                "(or double-click it), then drag from an output port to an input port to wire it."
            ),
        )
        painter.restore()


def _number(value: Any) -> float | None:
    """`value` as a finite float, None when it is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None
