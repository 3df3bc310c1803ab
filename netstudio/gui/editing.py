"""Editing the canvas from the window: adding layers (at a point, into a wire, wired to a
port, through quick-add), copy/cut/paste/duplicate, and auto-layout.

Each edit is one undo command pushed on the window's document; the scene redraws from the
graph's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPointF

from netstudio.core.catalogue import catalogue
from netstudio.core.layout import Direction, layered_positions
from netstudio.gui.canvas.node_item import WIDTH
from netstudio.gui.clipboard import clipboard_graph, copy_nodes
from netstudio.gui.commands import (
    AddConnectedCommand,
    AddNodeCommand,
    GraphCommand,
    InsertIntoWireCommand,
    MoveNodesCommand,
    PasteCommand,
)
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
        """Add a layer centred on `at` (default: the middle of the view) and select it.

        Dropped onto a wire it goes into the wire; with `link` (node id, port, whether that
        port is an input) it comes wired to that port. Where the wiring is refused the layer
        is still added, unwired, and the status bar says why.
        """
        if self.window.document is None or self.window.scene is None:
            return None
        graph = self.window.document.graph
        centre = at if at is not None else self.window.view.visible_centre()
        x = round((centre.x() - WIDTH / 2) / GRID) * GRID
        y = round((centre.y() - 36) / GRID) * GRID
        add = AddNodeCommand(graph, type_id, (x, y))
        command: GraphCommand = add
        wire = self.window.scene.wire_at(centre) if at is not None and link is None else None
        if link is not None:
            command = AddConnectedCommand(graph, add, *link)
        elif wire is not None:
            command = InsertIntoWireCommand(graph, wire, add=add)
        error = self.window.document.push(command)
        if error is not None and command is not add:
            self.window.statusBar().showMessage(f"Added unwired: {error}", 8000)
            error = self.window.document.push(add)
        elif error is not None:
            self.window.statusBar().showMessage(f"Cannot add {type_id}: {error}", 8000)
        if error is not None or add.node_id is None:
            return None
        self.window.scene.select_nodes([add.node_id])
        return add.node_id

    def quick_add(self, at: QPointF, link: PortLink | None = None) -> QuickAddPopup:
        """Open the quick-add search at scene point `at`; with `link`, only layers that can
        be wired to that port are listed, and the chosen one comes wired."""
        if self._quick_add is None:
            self._quick_add = QuickAddPopup(self.window)
            self._quick_add.chosen.connect(self._on_quick_add_chosen)
        self._quick_target = (at, link)
        allowed, title = None, "Add layer"
        if link is not None:
            node_id, port, is_input = link
            if is_input:
                allowed = [s.type_id for s in catalogue() if s.outputs]
                title = f"Add a layer feeding {graph_label(self.window, node_id)}.{port}"
            else:
                allowed = [s.type_id for s in catalogue() if s.input_ports({})]
                title = f"Add a layer after {graph_label(self.window, node_id)}.{port}"
        point = self.window.view.viewport().mapToGlobal(self.window.view.mapFromScene(at))
        self._quick_add.open_at(point, allowed, title)
        return self._quick_add

    def _on_quick_add_chosen(self, type_id: str) -> None:
        at, link = self._quick_target
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
            self.window.statusBar().showMessage("The clipboard holds no layers to paste", 5000)
            return
        self._pastes += 1
        self._paste(data, (GRID * 2 * self._pastes, GRID * 2 * self._pastes))

    def duplicate(self) -> None:
        if self.window.document is not None and self.window.scene is not None:
            ids = self.window.scene.selected_node_ids()
            if ids:
                self._paste(graph_to_dict(self.window.document.graph, ids), (GRID * 2, GRID * 2))

    def _paste(self, data: dict[str, Any], offset: tuple[float, float]) -> None:
        assert self.window.document is not None and self.window.scene is not None
        command = PasteCommand(self.window.document.graph, data, offset)
        error = self.window.document.push(command)
        if error is not None:
            self.window.statusBar().showMessage(str(error), 8000)
            return
        self.window.scene.select_nodes(command.node_ids)

    def auto_layout(self, direction: Direction = "right") -> None:
        """Arrange the layers in layers by depth, left to right or top to bottom: one step."""
        document = self.window.document
        if document is None:
            return
        graph = document.graph
        spacing = {"column": WIDTH + 80.0, "row": 150.0} if direction == "down" else {}
        moves = {
            node_id: (graph.node(node_id).position, new)
            for node_id, new in layered_positions(graph, direction=direction, **spacing).items()
            if graph.node(node_id).position != new
        }
        if moves:
            command = MoveNodesCommand(graph, moves)
            command.setText("Auto-layout")
            document.push(command)
        self.window.view.fit()


def graph_label(window: MainWindow, node_id: str) -> str:
    """A node's name for messages, or its id when it is gone."""
    graph = window.document.graph if window.document is not None else None
    return graph.node(node_id).name if graph is not None and node_id in graph else node_id
