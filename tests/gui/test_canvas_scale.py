"""The canvas at scale: a repaint and an edit look only at the items in view, however long the
network runs (far past the canvas's first square), and selected nodes sit above the others."""

from __future__ import annotations

from collections import Counter

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRectF

from netstudio.core.graph import NetworkGraph
from netstudio.gui.canvas import node_item as node_item_module
from netstudio.gui.canvas import scene as scene_module
from netstudio.gui.canvas.edge_item import EdgeItem
from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.canvas.scene import EXTENT, CanvasScene
from netstudio.gui.canvas.view import CanvasView
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.document import Document
from netstudio.io import Project

#: Nodes in the chain, this far apart: the last is twice the canvas's first square away.
NODES, STEP = 120, 4 * EXTENT / 120

#: boundingRect calls by item (a node's id, a port's node id, a wire's target).
CALLS: Counter[str] = Counter()


class CountedNode(NodeItem):
    def boundingRect(self) -> QRectF:
        CALLS[self.node_id] += 1
        return super().boundingRect()


class CountedPort(PortItem):
    def boundingRect(self) -> QRectF:
        CALLS[self.node_id] += 1
        return super().boundingRect()


class CountedEdge(EdgeItem):
    def boundingRect(self) -> QRectF:
        CALLS[self.edge.dst] += 1
        return super().boundingRect()


@pytest.fixture
def long_canvas(qtbot, monkeypatch) -> tuple[CanvasView, CanvasScene, list[str]]:
    """A chain of `NODES` layers in a row, each item counting the calls of its boundingRect,
    shown at 100 % near its far end."""
    monkeypatch.setattr(scene_module, "NodeItem", CountedNode)
    monkeypatch.setattr(scene_module, "EdgeItem", CountedEdge)
    monkeypatch.setattr(node_item_module, "PortItem", CountedPort)
    graph = NetworkGraph()
    graph.add_node("Input", node_id="n0", params={"shape": [8]})
    ids = ["n0"]
    for i in range(1, NODES):
        node = graph.add_node("Dropout", node_id=f"n{i}", position=(i * STEP, 0.0))
        graph.connect(ids[-1], "out", node.id, "in")
        ids.append(node.id)
    document = Document(Project(graph=graph), analysis=False)
    view = CanvasView()
    scene = CanvasScene(document)
    view.setScene(scene)
    view.resize(900, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    view.centre_on_node(ids[-10])
    view.viewport().repaint()
    return view, scene, ids


def far_items(view: CanvasView, ids: list[str]) -> set[str]:
    """The ids of the nodes more than a screen away from what the view shows."""
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    near = shown.adjusted(-shown.width(), -shown.height(), shown.width(), shown.height())
    return {node_id for i, node_id in enumerate(ids) if not near.contains(i * STEP, 0.0)}


def test_a_repaint_looks_only_at_the_items_in_view(long_canvas) -> None:
    view, _scene, ids = long_canvas
    far = far_items(view, ids)
    assert len(far) > NODES * 3 // 4  # the view shows a small part of the chain
    CALLS.clear()
    view.viewport().repaint()
    assert CALLS  # the nodes in view were painted
    looked_at = set(CALLS)
    assert len(looked_at & far) <= NODES // 10, sorted(looked_at & far)


def test_an_edit_looks_only_at_the_items_it_changed_and_those_in_view(long_canvas) -> None:
    view, scene, ids = long_canvas
    document = scene.document
    far = far_items(view, ids)
    CALLS.clear()
    edited = ids[5]  # far out of view, near the canvas's origin
    assert document.push(SetParamsCommand(document.graph, edited, {"p": 0.25})) is None
    view.viewport().repaint()
    untouched = far - {edited, ids[6]}  # the edited node and the wire out of it may be asked
    assert len(set(CALLS) & untouched) <= NODES // 10, sorted(set(CALLS) & untouched)


def test_the_scene_reaches_past_every_node_wherever_it_goes(long_canvas) -> None:
    _view, scene, ids = long_canvas
    assert scene.sceneRect().contains(QRectF(scene.nodes[ids[-1]].sceneBoundingRect()))
    document = scene.document
    document.graph.move(ids[0], (-3 * EXTENT, 2 * EXTENT))
    rect = scene.nodes[ids[0]].sceneBoundingRect()
    assert scene.sceneRect().contains(rect.adjusted(-EXTENT / 4, -EXTENT / 4, 0, 0))


def test_selected_nodes_sit_above_the_others_and_wires_follow_moves(long_canvas) -> None:
    _view, scene, ids = long_canvas
    first, second = scene.nodes[ids[1]], scene.nodes[ids[2]]
    scene.select_nodes([ids[1]])
    assert (first.zValue(), second.zValue()) == (2, 1)
    scene.select_nodes([ids[2]])
    assert (first.zValue(), second.zValue()) == (1, 2)
    scene.clearSelection()
    assert (first.zValue(), second.zValue()) == (1, 1)
    wire = next(item for edge, item in scene.edges.items() if edge.dst == ids[2])
    before = wire.route.end
    scene.document.graph.move(ids[2], (2 * STEP, 300.0))  # an undo moves a node this way
    anchor = second.port("in", True).scene_anchor()
    assert wire.route.end != before and wire.route.end == (anchor.x(), anchor.y())


def test_a_cleared_graph_with_a_selected_node_leaves_an_empty_canvas(long_canvas) -> None:
    _view, scene, ids = long_canvas
    scene.select_nodes(ids[:3])
    scene.document.graph.clear()
    assert not scene.nodes and not scene.items() and not scene.selected_node_ids()
