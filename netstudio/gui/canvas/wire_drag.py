"""Drawing a new wire with the mouse: the preview curve, lit-up targets, the verdict on drop.

The preview is the direct curve along the network's flow (it is routed round nodes once it is
a wire).

A drag starts on any port and ends on a port of the other kind. Before the mouse moves, every
possible target is asked `graph.can_connect` — the same checks `connect` makes — so ports that
would be refused (a cycle, an input already wired, the node itself) dim and the others light
up; the reason for a refusal is what the status bar shows.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from netstudio.core.graph import NetworkGraph, Verdict
from netstudio.core.routing import Flow
from netstudio.gui.canvas.edge_item import wire_path
from netstudio.gui.canvas.port_item import PortItem, PortState
from netstudio.gui.style import CanvasTheme


class WireDrag:
    """One wire being drawn from `start` (see module docstring)."""

    def __init__(
        self,
        scene: QGraphicsScene,
        graph: NetworkGraph,
        start: PortItem,
        ports: list[PortItem],
        theme: CanvasTheme,
        flow: Flow = "right",
    ) -> None:
        self.scene = scene
        #: Which way the network flows: the preview leaves and enters ports along it.
        self.flow: Flow = flow
        self.graph = graph
        self.start = start
        self.verdicts: dict[PortItem, Verdict] = {}
        for port in ports:
            if port.is_input == start.is_input:
                continue
            src, dst = (port, start) if start.is_input else (start, port)
            verdict = graph.can_connect(src.node_id, src.name, dst.node_id, dst.name)
            self.verdicts[port] = verdict
            port.set_state(PortState.COMPATIBLE if verdict else PortState.DIMMED)
        pen = QPen(theme.wire, 2.0, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.preview = QGraphicsPathItem()
        self.preview.setPen(pen)
        self.preview.setZValue(3)
        scene.addItem(self.preview)
        self.move_to(start.scene_anchor())

    def target_at(self, pos: QPointF) -> PortItem | None:
        """The port of the other kind under `pos`, if any."""
        for item in self.scene.items(pos):
            if isinstance(item, PortItem) and item in self.verdicts:
                return item
        return None

    def move_to(self, pos: QPointF) -> None:
        """Follow the mouse; the free end snaps onto a compatible port under it."""
        target = self.target_at(pos)
        end = target.scene_anchor() if target is not None and self.verdicts[target] else pos
        start = self.start.scene_anchor()
        if self.start.is_input:
            path = wire_path(end, start, self.flow)
        else:
            path = wire_path(start, end, self.flow)
        self.preview.setPath(path)

    def finish(self, pos: QPointF) -> tuple[PortItem | None, Verdict | None]:
        """End the drag at `pos`: the port dropped on and its verdict (None, None on nothing)."""
        target = self.target_at(pos)
        self.cancel()
        if target is None:
            return None, None
        return target, self.verdicts[target]

    def endpoints(self, target: PortItem) -> tuple[PortItem, PortItem]:
        """(output port, input port) of a wire from the start to `target`."""
        return (target, self.start) if self.start.is_input else (self.start, target)

    def cancel(self) -> None:
        for port in self.verdicts:
            port.set_state(PortState.NORMAL)
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)
