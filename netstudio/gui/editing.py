"""Editing the canvas from the window: adding layers (at a point, into a wire, wired to a
port, after the selected layer, through quick-add), copy/cut/paste/duplicate, and auto-layout.

Each edit is one undo command pushed on the window's document; the scene redraws from the
graph's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QGraphicsItem

from netstudio.core.catalogue import catalogue
from netstudio.core.graph import Edge
from netstudio.core.layout import (
    NODE_WIDTH,
    PREVIEW,
    Direction,
    card_height,
    layered_positions,
)
from netstudio.core.placement import Rect, after, free_spot
from netstudio.gui.block_paste import paste_command
from netstudio.gui.canvas.scene import view_flow
from netstudio.gui.clipboard import clipboard_graph, clipboard_networks, copy_nodes
from netstudio.gui.commands import (
    AddConnectedCommand,
    AddNodeCommand,
    GraphCommand,
    InsertIntoWireCommand,
    MoveNodesCommand,
    SetViewFlowCommand,
)
from netstudio.gui.i18n import error_said
from netstudio.gui.quick_add import QuickAddPopup
from netstudio.gui.style import GRID
from netstudio.io import graph_to_dict

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

#: A port a new layer is wired to: (node id, port name, whether the port is an input).
PortLink = tuple[str, str, bool]


class CanvasEditing(QObject):
    """The window's editing operations (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pastes = 0
        self._quick_add: QuickAddPopup | None = None
        self._quick_target: tuple[QPointF, PortLink | None] = (QPointF(), None)

    @property
    def popup(self) -> QuickAddPopup | None:
        """The quick-add popup, once it has been opened."""
        return self._quick_add

    def forget_pastes(self) -> None:
        """A new document: the next paste lands one step from where it was copied."""
        self._pastes = 0

    def add_layer(
        self, type_id: str, at: QPointF | None = None, link: PortLink | None = None
    ) -> str | None:
        """Add a layer centred on `at` and select it; without `at`, where the person is
        working (`add_here`).

        Dropped onto a wire it goes into the wire; with `link` (node id, port, whether that
        port is an input) it comes wired to that port. Where the wiring is refused the layer
        is still added, unwired, and the status bar says why.
        """
        if at is None and link is None:
            return self.add_here(type_id)
        if self.window.document is None or self.window.scene is None:
            return None
        centre = at if at is not None else self.window.view.visible_centre()
        position = (
            round((centre.x() - NODE_WIDTH / 2) / GRID) * GRID,
            round((centre.y() - 36) / GRID) * GRID,
        )
        wire = self.window.scene.wire_at(centre) if at is not None and link is None else None
        return self._add(type_id, position, link, wire)

    def add_here(self, type_id: str, near: QPointF | None = None) -> str | None:
        """Add a layer where the person is working, select it and bring it into view (a
        double-click or Enter in the palette, a layer chosen in quick-add after Tab).

        With one node selected the layer goes after it (`placement.after`), wired from the
        node's first output to its first input when both have one, even when that output
        already feeds something (the new layer is then a branch). Otherwise it goes at `near`
        (default: the middle of the view), on the nearest spot free of other layers.
        """
        if self.window.document is None or self.window.scene is None:
            return None
        scene = self.window.scene
        graph = self.window.document.graph
        others = [_rect(item) for item in scene.nodes.values()]
        size = _new_size(others)
        anchor = self.selected_anchor()
        link: PortLink | None = None
        if anchor is not None:
            flow = self.window.view.flow()
            position = after(_rect(scene.nodes[anchor]), size, others, flow, GRID)
            outputs = graph.node(anchor).output_ports
            layers = catalogue()
            if outputs and type_id in layers and layers.get(type_id).input_ports({}):
                link = (anchor, outputs[0], False)
        else:
            centre = near if near is not None else self.window.view.visible_centre()
            want = (centre.x() - size[0] / 2, centre.y() - size[1] / 2)
            position = free_spot(want, size, others, GRID)
        node_id = self._add(type_id, position, link)
        if node_id is not None and node_id in scene.nodes:
            self.window.view.ensureVisible(scene.nodes[node_id].sceneBoundingRect(), 40, 40)
        return node_id

    def selected_anchor(self) -> str | None:
        """The one selected node a new layer goes after; None unless exactly one is."""
        ids = self.window.scene.selected_node_ids() if self.window.scene is not None else []
        return ids[0] if len(ids) == 1 else None

    def _add(
        self,
        type_id: str,
        position: tuple[float, float],
        link: PortLink | None = None,
        wire: Edge | None = None,
    ) -> str | None:
        """Push the add (wired to `link`, or into `wire`) as one step and select the layer."""
        assert self.window.document is not None and self.window.scene is not None
        graph = self.window.document.graph
        add = AddNodeCommand(graph, type_id, position)
        command: GraphCommand = add
        if link is not None:
            command = AddConnectedCommand(graph, add, *link)
        elif wire is not None:
            command = InsertIntoWireCommand(graph, wire, add=add)
        error = self.window.document.push(command)
        if error is not None and command is not add:
            text = self.tr("Added unwired: {reason}").format(reason=error_said(error))
            self.window.statusBar().showMessage(text, 8000)
            error = self.window.document.push(add)
        elif error is not None:
            text = self.tr("Cannot add {layer}: {reason}")
            text = text.format(layer=type_id, reason=error_said(error))
            self.window.statusBar().showMessage(text, 8000)
        if error is not None or add.node_id is None:
            return None
        self.window.scene.select_nodes([add.node_id])
        return add.node_id

    def quick_add(self, at: QPointF, link: PortLink | None = None) -> QuickAddPopup:
        """Open the quick-add search at scene point `at`; with `link`, only layers that can
        be wired to that port are listed, and the chosen one comes wired. Without it the
        chosen layer goes after the one selected node (`add_here`), else at `at`."""
        if self._quick_add is None:
            self._quick_add = QuickAddPopup(self.window)
            self._quick_add.chosen.connect(self._on_quick_add_chosen)
        self._quick_target = (at, link)
        allowed, title = None, self.tr("Add layer")
        if link is not None:
            node_id, port, is_input = link
            where = f"{graph_label(self.window, node_id)}.{port}"
            if is_input:
                allowed = [s.type_id for s in catalogue() if s.outputs]
                title = self.tr("Add a layer feeding {port}").format(port=where)
            else:
                allowed = [s.type_id for s in catalogue() if s.input_ports({})]
                title = self.tr("Add a layer after {port}").format(port=where)
        elif (anchor := self.selected_anchor()) is not None:
            title = self.tr("Add a layer after {node}").format(
                node=graph_label(self.window, anchor)
            )
        point = self.window.view.viewport().mapToGlobal(self.window.view.mapFromScene(at))
        self._quick_add.open_at(point, allowed, title)
        return self._quick_add

    def _on_quick_add_chosen(self, type_id: str) -> None:
        at, link = self._quick_target
        if link is None:
            self.add_here(type_id, at)
        else:
            self.add_layer(type_id, at, link)

    def copy(self) -> bool:
        if self.window.document is None or self.window.scene is None:
            return False
        ids = self.window.scene.selected_node_ids()
        if ids:
            copy_nodes(self.window.document.graph, ids)
            self._pastes = 0
        return bool(ids)

    def cut(self) -> None:
        if self.copy() and self.window.scene is not None:
            self.window.scene.delete_selection()

    def paste(self) -> None:
        """Paste the clipboard's nodes: a little down and right of where they were copied."""
        data = clipboard_graph()
        if data is None:
            text = self.tr("The clipboard holds no layers to paste")
            self.window.statusBar().showMessage(text, 5000)
            return
        self._pastes += 1
        offset = (GRID * 2 * self._pastes, GRID * 2 * self._pastes)
        self._paste(data, offset, clipboard_networks())

    def duplicate(self) -> None:
        if self.window.document is not None and self.window.scene is not None:
            ids = self.window.scene.selected_node_ids()
            if ids:
                self._paste(graph_to_dict(self.window.document.graph, ids), (GRID * 2, GRID * 2))

    def _paste(
        self,
        data: dict[str, Any],
        offset: tuple[float, float],
        networks: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """Paste `data` moved by `offset`, with the `networks` its Blocks need that the
        project lacks (`block_paste`): one undo step."""
        assert self.window.document is not None and self.window.scene is not None
        document = self.window.document
        command = paste_command(document.project.networks, document.graph, data, offset,
                                networks or {})  # fmt: skip
        error = document.push(command)
        if error is not None:
            self.window.statusBar().showMessage(error_said(error), 8000)
            return
        self.window.scene.select_nodes(command.node_ids)

    def auto_layout(self, direction: Direction = "right") -> None:
        """Arrange the layers in layers by depth, left to right or top to bottom, and make that
        the canvas's flow (the ports go to the nodes' sides, or to their top and bottom edges):
        one undo step."""
        document = self.window.document
        if document is None:
            return
        graph = document.graph
        previews = self.window.previews  # cards are taller while they show previews
        row = 150.0 + (PREVIEW if previews.shown else 0)
        spacing = {"column": NODE_WIDTH + 80.0, "row": row} if direction == "down" else {}
        sizes = {
            node.id: (
                NODE_WIDTH,
                card_height(
                    len(node.input_ports), len(node.output_ports), direction, previews.shown
                ),
            )
            for node in graph
        }
        positions = layered_positions(graph, direction=direction, sizes=sizes, **spacing)
        moves = {
            node_id: (graph.node(node_id).position, new)
            for node_id, new in positions.items()
            if graph.node(node_id).position != new
        }
        flow_changes = view_flow(document.project.view) != direction
        stack = document.undo_stack
        if flow_changes:
            stack.beginMacro(self.tr("Auto-layout"))
            stack.push(SetViewFlowCommand(document, direction))
        if moves:
            command = MoveNodesCommand(graph, moves)
            command.setText(self.tr("Auto-layout"))
            document.push(command)
        if flow_changes:
            stack.endMacro()
        self.window.view.fit()


def _rect(item: QGraphicsItem) -> Rect:
    """A node item's place and drawn size (its shadow included)."""
    bounds = item.boundingRect()
    return (item.x(), item.y(), bounds.width(), bounds.height())


def _new_size(others: list[Rect]) -> tuple[float, float]:
    """The room a new layer takes: as much as the largest node shown (it is not drawn yet, and
    a few pixels too many only keep it further from its neighbours)."""
    width = max((rect[2] for rect in others), default=NODE_WIDTH + 10)
    height = max((rect[3] for rect in others), default=100.0)
    return (width, height)


def graph_label(window: MainWindow, node_id: str) -> str:
    """A node's name for messages, or its id when it is gone."""
    graph = window.document.graph if window.document is not None else None
    return graph.node(node_id).name if graph is not None and node_id in graph else node_id
