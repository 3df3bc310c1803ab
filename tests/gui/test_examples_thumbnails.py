"""Example thumbnails: a long network is wrapped into rows so that it fills its thumbnail."""

from __future__ import annotations

from itertools import pairwise

from netstudio.core.graph import NetworkGraph
from netstudio.gui.examples_dialog import THUMB, graph_thumbnail, wrapped_boxes


def chain(length: int) -> NetworkGraph:
    graph = NetworkGraph()
    previous = graph.add_node("Input", params={"shape": [16]}, position=(0, 0))
    for i in range(1, length):
        node = graph.add_node("ReLU", position=(i * 240, 0))
        graph.connect(previous.id, "out", node.id, "in")
        previous = node
    return graph


def test_a_long_chain_snakes_through_rows_that_fill_the_thumbnail(qtbot) -> None:
    graph = chain(12)
    boxes = wrapped_boxes(graph)
    rows = sorted({box.top() for box in boxes.values()})
    assert 2 <= len(rows) <= 6
    order = [n.id for n in graph.nodes()]
    for a, b in pairwise(order):  # consecutive layers stay side by side
        first, second = boxes[a], boxes[b]
        same_row = first.top() == second.top()
        neighbours = abs(first.left() - second.left()) <= first.width() * 1.5 + 1e-6
        turn = first.left() == second.left() and second.top() > first.top()
        assert (same_row and neighbours) or turn, (a, b)
    all_boxes = list(boxes.values())
    for i, box in enumerate(all_boxes):
        assert not any(box.intersects(other) for other in all_boxes[i + 1 :])
    width = max(b.right() for b in all_boxes) - min(b.left() for b in all_boxes)
    height = max(b.bottom() for b in all_boxes) - min(b.top() for b in all_boxes)
    thumb = THUMB.width() / THUMB.height()
    assert thumb / 2 < width / height < thumb * 2  # not a thin strip


def test_a_short_network_stays_in_one_row_and_an_empty_one_draws(qtbot) -> None:
    boxes = wrapped_boxes(chain(2))
    assert len({box.top() for box in boxes.values()}) == 1
    assert not graph_thumbnail(NetworkGraph()).isNull()
    assert graph_thumbnail(chain(12)).size() == THUMB * 2
