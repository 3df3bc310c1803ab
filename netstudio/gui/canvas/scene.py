"""The canvas scene: items for the nodes and wires of a document's graph.

The scene only listens: it subscribes to the graph's events and creates, updates and removes
items to match, and it shows each analysis (shapes, parameter counts, problems) on them. It
owns no graph state; the item-for-node and item-for-wire lookups live here. What the person
does with the mouse becomes undo commands pushed on the document.

The project's view says which way the network flows (``view.flow``: "right", the default, or
"down"); the nodes put their ports on that flow's edges and the wires leave and enter along it.
The scene files every node's rectangle in a grid (`SpatialGrid`) so that a wire finds the
nodes it must go round without looking at all of them, and files every wire's too, so that a
node that moves re-routes only the wires whose way it enters or leaves.

Qt finds the items to paint (and those under the mouse) in its own index, a tree over the
scene's rectangle: a repaint then looks only at the items in the part of the scene shown, not
at all of them. Items beyond that rectangle would all fall in the cells on its edge, so the
rectangle grows to cover every node with room to spare (`_keep_indexed`); a long network
of thousands of layers stays as quick to repaint as a short one.

A node the project's fine-tuning settings freeze shows a padlock (the ``training`` section's
``fine_tuning``: the scene follows `Document.section_changed`, undo and redo included).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from netstudio.core.events import Subscriptions
from netstudio.core.graph import Edge, Node
from netstudio.core.routing import Flow, Rect, SpatialGrid
from netstudio.core.shapes import NodeInfo, is_auto_input
from netstudio.core.validation import Problem
from netstudio.gui.canvas.edge_item import EdgeItem, node_rect
from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.canvas.subtitles import short_count, subtitle
from netstudio.gui.canvas.wire_drag import WireDrag
from netstudio.gui.commands import (
    ConnectCommand,
    DeleteCommand,
    InsertIntoWireCommand,
    MoveNodesCommand,
)
from netstudio.gui.document import Document
from netstudio.gui.i18n import error_said, translated
from netstudio.gui.style import GRID, CanvasTheme, category_colour
from netstudio.gui.tuning_edits import frozen_ids, multiplier_of

#: The canvas is this large in every direction, so there is always room to pan.
EXTENT = 20_000.0
#: The scene's rectangle reaches this far past the outermost node (see module docstring).
REACH = EXTENT / 2
#: After this many nodes moved in one edit (a layout or its undo moves them all), wires wait
#: and are routed once each when the edit is done, not at every node's step.
BURST = 12


def view_flow(view: dict[str, Any]) -> Flow:
    """The flow a project's view section holds: "down" or (the default) "right"."""
    return "down" if view.get("flow") == "down" else "right"


def auto_input_subtitle(node: Node, info: NodeInfo) -> str:
    """An auto Input's subtitle with the shape it takes from the data: ``Input · auto (1×8×8)``."""
    shape = info.resolved.get("shape")
    known = f" ({'×'.join(str(d) for d in shape)})" if shape is not None else ""
    dtype = node.params.get("dtype", "float32")
    auto = QCoreApplication.translate("NodeSubtitle", "auto")
    return f"{node.spec.name} · {auto}{known}" + ("" if dtype == "float32" else f" {dtype}")


class CanvasScene(QGraphicsScene):
    """Items for `document.graph` (see module docstring)."""

    #: A short message for the status bar: why a wire was refused, what was done.
    message = Signal(str)
    #: A node was double-clicked (the window offers to rename it).
    node_double_clicked = Signal(str)
    #: A wire drawn from a port was dropped on empty canvas: (node id, port name, whether the
    #: port is an input, scene point). The window offers quick-add with the layer connected.
    wire_dropped = Signal(str, str, bool, QPointF)

    def __init__(self, document: Document, theme: CanvasTheme | None = None) -> None:
        super().__init__()
        self.document = document
        self.theme = theme or CanvasTheme.from_palette()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setSceneRect(self._reach(n.position for n in document.graph.nodes()))
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self._edges_of: dict[str, set[Edge]] = defaultdict(set)
        self._problems: dict[str, list[Problem]] = {}
        self._stale_nodes: set[str] = set()
        self._stale_edges: set[Edge] = set()
        self._wire: WireDrag | None = None
        #: The wire a dragged free node would be inserted into, lit up while it is over it.
        self._insert_target: EdgeItem | None = None
        #: Moved nodes land on the grid.
        self.snap_to_grid = True
        #: Which way the network flows (the project's ``view.flow``).
        self.flow: Flow = view_flow(document.project.view)
        #: Every node's rectangle and every wire's, to find those in an area quickly.
        self._node_rects: SpatialGrid[str] = SpatialGrid()
        self._edge_rects: SpatialGrid[Edge] = SpatialGrid()
        #: The nodes being dragged: wires do not go round them until they are dropped (a free
        #: node dropped on a wire goes into it).
        self._dragging: set[str] = set()
        #: Dragged nodes that moved since their wires last followed (once per mouse move).
        self._dragged_moved: set[str] = set()
        #: Nodes moved since the wires were last settled, and the wires waiting (see BURST).
        self._moves = 0
        self._pending: set[Edge] = set()
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle)
        events = document.graph.events
        self._subscriptions = Subscriptions(
            [
                (events.node_added, self._on_node_added),
                (events.node_removed, self._on_node_removed),
                (events.edge_added, self._on_edge_added),
                (events.edge_removed, self._on_edge_removed),
                (events.params_changed, self._on_params_changed),
                (events.node_moved, self._on_node_moved),
                (events.renamed, self._on_renamed),
                (events.cleared, self._on_cleared),
            ]
        )
        #: The nodes drawn above the others because they are selected.
        self._raised: set[str] = set()
        self.selectionChanged.connect(self._raise_selected)
        document.analysed.connect(self._on_analysed)
        document.shapes_arrived.connect(self._on_shapes_arrived)
        document.edited.connect(self._after_edit)
        document.section_changed.connect(self._on_section_changed)
        for node in document.graph.nodes():
            self._on_node_added(node)
        for edge in document.graph.edges():
            self._on_edge_added(edge)
        if document.analysed_once or document.analysing:
            self._on_analysed(set(self.nodes), document.problems)

    @staticmethod
    def _reach(points: Iterable[tuple[float, float]]) -> QRectF:
        """The scene rectangle for nodes at `points`: the canvas's square round the origin,
        grown to reach `REACH` past every one of them."""
        area = QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT)
        xs, ys = [], []
        for x, y in points:
            xs.append(x)
            ys.append(y)
        if xs:
            covered = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            area = area.united(covered.adjusted(-REACH, -REACH, REACH, REACH))
        return area

    def _keep_indexed(self, rect: Rect) -> None:
        """Grow the scene's rectangle (and so its index) to reach well past a node at `rect`
        (a rare step: the whole index is rebuilt when the rectangle changes)."""
        x0, y0, x1, y1 = rect
        area = self.sceneRect()
        if not area.contains(QRectF(x0, y0, x1 - x0, y1 - y0)):
            self.setSceneRect(area.united(self._reach([(x0, y0), (x1, y1)])))

    def detach(self) -> None:
        """Stop listening to the document (it is being closed)."""
        self._subscriptions.close()
        self.document.analysed.disconnect(self._on_analysed)
        self.document.shapes_arrived.disconnect(self._on_shapes_arrived)
        self.document.edited.disconnect(self._after_edit)
        self.document.section_changed.disconnect(self._on_section_changed)
        self.selectionChanged.disconnect(self._raise_selected)
        self._settle_timer.stop()

    # --- lookups -------------------------------------------------------------------------------

    def port(self, node_id: str, name: str, is_input: bool) -> PortItem | None:
        item = self.nodes.get(node_id)
        return item.port(name, is_input) if item is not None else None

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def wire_at(self, pos: QPointF, exclude: str | None = None) -> Edge | None:
        """The wire passing nearest `pos` (within a few pixels), ignoring wires of `exclude`."""
        area = QRectF(pos.x() - 8, pos.y() - 8, 16, 16)
        for item in self.items(area):
            if isinstance(item, EdgeItem) and exclude not in (item.edge.src, item.edge.dst):
                return item.edge
        return None

    def _free_dragged_node(self) -> NodeItem | None:
        """The one node being dragged, when it has no wires (so it can go into one)."""
        selected = [i for i in self.selectedItems() if isinstance(i, NodeItem)]
        if len(selected) != 1 or self._edges_of.get(selected[0].node_id):
            return None
        node = self.document.graph.node(selected[0].node_id)
        return selected[0] if node.input_ports and node.output_ports else None

    def _track_insert_target(self) -> None:
        item = self._free_dragged_node()
        edge = None
        if item is not None:
            edge = self.wire_at(item.sceneBoundingRect().center(), exclude=item.node_id)
        target = self.edges.get(edge) if edge is not None else None
        if target is not self._insert_target:
            if self._insert_target is not None and self._insert_target.scene() is self:
                self._insert_target.set_drop_target(False)
            self._insert_target = target
            if target is not None:
                target.set_drop_target(True)

    def _raise_selected(self) -> None:
        """Selected nodes sit above the others, so that no neighbour hides their outline."""
        selected = set(self.selected_node_ids())
        for node_id in self._raised - selected:
            item = self.nodes.get(node_id)
            if item is not None and shiboken6.isValid(item):  # not going with the scene
                item.setZValue(1)
        for node_id in selected - self._raised:
            self.nodes[node_id].setZValue(2)
        self._raised = selected

    def select_nodes(self, node_ids: list[str]) -> None:
        self.clearSelection()
        for node_id in node_ids:
            if node_id in self.nodes:
                self.nodes[node_id].setSelected(True)

    def obstacles(self, area: Rect, leave_out: Iterable[str] = ()) -> list[Rect]:
        """The rectangles of the nodes meeting `area`, but those of `leave_out`."""
        grid, dragged = self._node_rects, self._dragging
        found = (grid.rect(k) for k in grid.query(area) if k not in leave_out and k not in dragged)
        return [rect for rect in found if rect is not None]

    def set_flow(self, flow: Flow) -> None:
        """Put the ports on the edges of `flow` and route every wire along it."""
        if flow == self.flow:
            return
        self.flow = flow
        for item in self.nodes.values():
            item.set_flow(flow)
            self._node_rects.set(item.node_id, node_rect(item))
        self._pending.clear()
        for item in self.edges.values():
            item.flow = flow
            self._reroute(item, now=True)

    def _after_edit(self) -> None:
        """After an edit (or its undo): take the flow the project's view holds now, and route
        the wires that waited."""
        flow = view_flow(self.document.project.view)
        if flow != self.flow:
            self._moves = 0
            self.set_flow(flow)  # routes every wire
        else:
            self._settle()

    def _settle(self) -> None:
        """Route the wires that waited while many nodes moved."""
        self._moves = 0
        pending, self._pending = self._pending, set()
        for edge in pending:
            if edge in self.edges:
                self._reroute(self.edges[edge], now=True)

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        for item in [*self.nodes.values(), *self.edges.values()]:
            item.set_theme(theme)
        self.update()

    # --- edits from the mouse and keys ---------------------------------------------------------

    def delete_selection(self) -> bool:
        """Delete the selected nodes and wires as one undo step; False when none is selected."""
        node_ids, edges = self.selected_node_ids(), self.selected_edges()
        if not node_ids and not edges:
            return False
        self.document.push(DeleteCommand(self.document.graph, node_ids, edges))
        return True

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._wire is None:
            port = self._port_at(event.scenePos())
            if port is not None:
                ports = [p for item in self.nodes.values() for p in item.ports()]
                self._wire = WireDrag(self, self.document.graph, port, ports, self.theme, self.flow)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None:
            self._wire.move_to(event.scenePos())
            event.accept()
            return
        dragging = event.buttons() & Qt.MouseButton.LeftButton and isinstance(
            self.mouseGrabberItem(), NodeItem
        )  # a node is being dragged (not a rubber band)
        if dragging and not self._dragging:
            grabber = self.mouseGrabberItem()
            assert isinstance(grabber, NodeItem)
            self._dragging = {*self.selected_node_ids(), grabber.node_id}
        super().mouseMoveEvent(event)
        if dragging:
            for node_id in self._dragging:  # Qt moved them (the cards do not say so)
                item = self.nodes.get(node_id)
                if item is not None and node_rect(item) != self._node_rects.rect(node_id):
                    self._dragged_moved.add(node_id)
            self._follow_drag()
            self._track_insert_target()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None:
            wire, self._wire = self._wire, None
            target, verdict = wire.finish(event.scenePos())
            event.accept()
            if target is None or verdict is None:
                start = wire.start
                dragged = (event.scenePos() - start.scene_anchor()).manhattanLength() > 24
                if dragged and not any(
                    isinstance(i, NodeItem) for i in self.items(event.scenePos())
                ):
                    self.wire_dropped.emit(
                        start.node_id, start.name, start.is_input, event.scenePos()
                    )
                return
            if not verdict:
                reason = translated(verdict.reason)
                self.message.emit(self.tr("Cannot connect: {reason}").format(reason=reason))
                return
            source, sink = wire.endpoints(target)
            graph = self.document.graph
            command = ConnectCommand(graph, source.node_id, source.name, sink.node_id, sink.name)
            error = self.document.push(command)
            if error is not None:
                reason = error_said(error)
                self.message.emit(self.tr("Cannot connect: {reason}").format(reason=reason))
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            dropped, self._dragging = self._dragging, set()
            self._follow_drag()
            self._commit_moves()
            # Dropped: the wires now go round the nodes that were dragged.
            edges: set[Edge] = set()
            for node_id in dropped:
                item = self.nodes.get(node_id)
                if item is not None:
                    edges |= self._edges_of.get(node_id, set())
                    edges.update(self._edge_rects.query(node_rect(item)))
            for edge in edges:
                if edge in self.edges:
                    self._reroute(self.edges[edge])

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                self.node_double_clicked.emit(item.node_id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._wire is not None:
            self._wire.cancel()
            self._wire = None
            event.accept()
            return
        super().keyPressEvent(event)

    def _port_at(self, pos: QPointF) -> PortItem | None:
        for item in self.items(pos):
            if isinstance(item, PortItem):
                return item
        return None

    def _commit_moves(self) -> None:
        """Turn a finished drag of nodes into one move command."""
        graph = self.document.graph
        moves = {}
        for item in self.nodes.values():
            node = graph.node(item.node_id)
            new = (item.pos().x(), item.pos().y())
            if new == node.position:
                continue
            if self.snap_to_grid:
                new = (round(new[0] / GRID) * GRID, round(new[1] / GRID) * GRID)
                if new != (item.x(), item.y()):
                    item.setPos(*new)
                    self._on_item_moved(item)
            if new != node.position:
                moves[item.node_id] = (node.position, new)
        target, self._insert_target = self._insert_target, None
        if target is not None:
            target.set_drop_target(False)
            if len(moves) == 1 and target.edge in self.edges:
                node_id = next(iter(moves))
                command = InsertIntoWireCommand(graph, target.edge, node_id=node_id, moves=moves)
                error = self.document.push(command)
                if error is None:
                    return
                reason = error_said(error)
                self.message.emit(
                    self.tr("Cannot insert into the wire: {reason}").format(reason=reason)
                )
        if moves:
            self.document.push(MoveNodesCommand(graph, moves))

    # --- graph events --------------------------------------------------------------------------

    def _on_node_added(self, node: Node) -> None:
        spec = node.spec
        item = NodeItem(node.id, category_colour(spec.category), self.theme)
        item.set_flow(self.flow)
        item.set_ports(node.input_ports, node.output_ports)
        item.set_text(node.name, subtitle(spec, node.params))
        item.setPos(*node.position)
        self.nodes[node.id] = item
        self.addItem(item)
        self._file_node(item)
        item.set_footer("…", "")
        self._show_tuning(item)
        self._stale_nodes.add(node.id)

    def _on_section_changed(self, section: str) -> None:
        if section == "training":
            frozen = frozen_ids(self.document)
            for item in self.nodes.values():
                self._show_tuning(item, frozen)

    def _show_tuning(self, item: NodeItem, frozen: set[str] | None = None) -> None:
        """The frozen mark and learning-rate multiplier the settings give the node."""
        frozen = frozen_ids(self.document) if frozen is None else frozen
        node_id = item.node_id
        item.set_tuning(node_id in frozen, multiplier_of(self.document, node_id))

    def _on_node_removed(self, node: Node) -> None:
        item = self.nodes.pop(node.id)
        self._raised.discard(node.id)
        self._edges_of.pop(node.id, None)
        self._problems.pop(node.id, None)
        self._stale_nodes.discard(node.id)
        self.removeItem(item)
        rect = self._node_rects.rect(node.id)
        self._node_rects.discard(node.id)
        if rect is not None:
            self._reroute_crossing(rect)

    def _on_edge_added(self, edge: Edge) -> None:
        source = self.port(edge.src, edge.src_port, False)
        target = self.port(edge.dst, edge.dst_port, True)
        if source is None or target is None:
            return
        item = EdgeItem(edge, source, target, self.theme, self.flow, self.obstacles)
        self._edge_rects.set(edge, item.route_rect())
        self.edges[edge] = item
        self._edges_of[edge.src].add(edge)
        self._edges_of[edge.dst].add(edge)
        self.addItem(item)
        self._update_ports(edge)
        self._stale_edges.add(edge)

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edges.pop(edge, None)
        if item is None:
            return
        self._edges_of[edge.src].discard(edge)
        self._edges_of[edge.dst].discard(edge)
        self._stale_edges.discard(edge)
        self._pending.discard(edge)
        self._edge_rects.discard(edge)
        self.removeItem(item)
        self._update_ports(edge)

    def _on_params_changed(self, node: Node, _old: Any) -> None:
        item = self.nodes[node.id]
        item.set_ports(node.input_ports, node.output_ports)
        item.set_text(node.name, subtitle(node.spec, node.params))
        self._on_item_moved(item)

    def _on_node_moved(self, node: Node, _old: Any) -> None:
        item = self.nodes[node.id]
        if (item.x(), item.y()) != node.position:
            item.setPos(*node.position)
            self._on_item_moved(item)

    def _on_renamed(self, node: Node, _old: str) -> None:
        self.nodes[node.id].set_text(node.name, subtitle(node.spec, node.params))

    def _on_cleared(self) -> None:
        self.clearSelection()  # at once: items going one by one would change it at each
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self._edges_of.clear()
        self._problems.clear()
        self._stale_nodes.clear()
        self._stale_edges.clear()
        self._node_rects.clear()
        self._edge_rects.clear()
        self._pending.clear()

    def _on_item_moved(self, item: NodeItem) -> None:
        """A node moved (or changed size): its wires follow, and wires it now blocks or no
        longer blocks find their way again."""
        if item.node_id not in self._node_rects:
            return  # still being added
        if item.node_id in self._dragging:
            self._dragged_moved.add(item.node_id)  # its wires follow after the whole step
            return
        self._moves += 1
        if not self._settle_timer.isActive():
            self._settle_timer.start()  # the edit's end, if nothing says so sooner
        for edge in self._edges_of.get(item.node_id, ()):
            self._reroute(self.edges[edge])
        self._file_node(item)

    def _follow_drag(self) -> None:
        """After one step of a drag: the wires of the dragged nodes follow them (a wire whose
        two nodes both moved keeps its way, shifted; the others find theirs again), and wires
        the dragged nodes left find a shorter way (wires do not go round dragged nodes)."""
        moved, self._dragged_moved = self._dragged_moved, set()
        edges: set[Edge] = set()
        for node_id in moved:
            item = self.nodes.get(node_id)
            if item is None:
                continue
            edges |= self._edges_of.get(node_id, set())
            old = self._node_rects.rect(node_id)
            self._node_rects.set(node_id, node_rect(item))
            self._keep_indexed(node_rect(item))
            if old is not None:
                edges.update(self._edge_rects.query(old))
        for edge in edges:
            wire = self.edges.get(edge)
            if wire is None:
                continue
            if wire.follow_ports():
                self._edge_rects.set(edge, wire.route_rect())
            else:
                self._reroute(wire)

    def _file_node(self, item: NodeItem) -> None:
        """File the node's rectangle; re-route the wires its old or new place meets."""
        old = self._node_rects.rect(item.node_id)
        new = node_rect(item)
        if old == new:
            return
        self._node_rects.set(item.node_id, new)
        self._keep_indexed(new)
        own = self._edges_of.get(item.node_id, set())
        for rect in (old, new):
            if rect is not None:
                self._reroute_crossing(rect, own)

    def _reroute_crossing(
        self, rect: Rect, skip: set[Edge] | frozenset[Edge] = frozenset()
    ) -> None:
        for edge in self._edge_rects.query(rect):
            if edge not in skip and edge in self.edges:
                self._reroute(self.edges[edge])

    def _reroute(self, item: EdgeItem, now: bool = False) -> None:
        """Route a wire again: at once, or when the edit is done in a burst of moves."""
        if self._moves > BURST and not now:
            self._pending.add(item.edge)
            return
        item.update_path()
        self._edge_rects.set(item.edge, item.route_rect())

    def _update_ports(self, edge: Edge) -> None:
        graph = self.document.graph
        if edge.dst in graph:
            target = self.port(edge.dst, edge.dst_port, True)
            if target is not None:
                target.set_connected(graph.edge_into(edge.dst, edge.dst_port) is not None)
        if edge.src in graph:
            source = self.port(edge.src, edge.src_port, False)
            if source is not None:
                wired = any(e.src_port == edge.src_port for e in graph.out_edges(edge.src))
                source.set_connected(wired)

    # --- analysis ------------------------------------------------------------------------------

    def _on_shapes_arrived(self, changed: set[str]) -> None:
        """A large network's shapes, a slice at a time (the problems come with `analysed`)."""
        self._on_analysed(changed, self.document.problems)

    def _on_analysed(self, changed: set[str], problems: list[Problem]) -> None:
        by_node: dict[str, list[Problem]] = defaultdict(list)
        for problem in problems:
            if problem.node_id is not None:
                by_node[problem.node_id].append(problem)
        refresh = set(changed) | self._stale_nodes
        for node_id in set(by_node) | set(self._problems):
            if by_node.get(node_id) != self._problems.get(node_id):
                refresh.add(node_id)
        self._problems = dict(by_node)
        edges = set(self._stale_edges)
        self._stale_nodes.clear()
        self._stale_edges.clear()
        for node_id in refresh:
            if node_id in self.nodes:
                self._show_analysis(node_id)
                edges |= self._edges_of.get(node_id, set())
        for edge in edges:
            self._show_edge(edge)

    def _show_analysis(self, node_id: str) -> None:
        item = self.nodes[node_id]
        node = self.document.graph.node(node_id)
        info = self.document.info(node_id)
        if info is None:
            return
        shape = info.output.describe() if info.output is not None else "?"
        item.set_footer(shape, short_count(info.param_count) if info.param_count else "")
        if is_auto_input(node):
            item.set_text(node.name, auto_input_subtitle(node, info))
        problems = self._problems.get(node_id, [])
        worst = next((p for p in problems if p.severity == "error"), None) or next(
            iter(problems), None
        )
        if worst is None:
            item.set_problem(None, "")
        else:
            text = "\n".join(translated(p.message) for p in problems)
            item.set_problem(worst.severity, text, prefix=node.label)
        for port, tensor in zip(node.input_ports, info.inputs, strict=False):
            port_item = item.port(port, True)
            if port_item is not None:
                port_item.set_shape_text(tensor.describe() if tensor is not None else "")
        for port in node.output_ports:
            tensor = info.outputs.get(port)
            port_item = item.port(port, False)
            if port_item is not None:
                port_item.set_shape_text(tensor.describe() if tensor is not None else "")

    def _show_edge(self, edge: Edge) -> None:
        item = self.edges.get(edge)
        if item is None:
            return
        graph = self.document.graph
        info = self.document.info(edge.dst)
        source = self.document.info(edge.src) if info is not None else None
        tensor = source.outputs.get(edge.src_port) if source is not None else None
        label = tensor.describe() if tensor is not None else ""
        item.set_label(label, invalid=info is not None and info.error is not None)
        src, dst = graph.node(edge.src), graph.node(edge.dst)
        item.set_tooltip(
            f"{src.name}.{edge.src_port} → {dst.name}.{edge.dst_port}"
            + (f" · {label}" if label else "")
        )
