"""Imported networks are laid out to be read: a long one wraps into rows near a screen's shape
(cut between residual blocks, never through one); a short one stays one straight row."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from netstudio.core.graph import NetworkGraph
from netstudio.core.layout import node_size
from netstudio.importing.python_file import from_python_file
from netstudio.importing.wrapped_layout import ONE_ROW, wrapped_layout

CHAIN = """
from torch import nn


class Chain(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        layers = [[nn.Linear(8, 8), nn.ReLU(), nn.Dropout(0.1)] for _ in range(20)]
        self.layers = nn.Sequential(*[layer for three in layers for layer in three])

    def forward(self, x):
        return self.layers(x)
"""

RESIDUAL = """
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(4, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1)

    def forward(self, x):
        return torch.relu(x + self.conv2(torch.relu(self.conv1(x))))


class Residual(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.blocks = nn.Sequential(*[Block() for _ in range(12)])

    def forward(self, x):
        return self.blocks(x)
"""


def _imported(tmp_path: Path, code: str, name: str, shape: tuple[int, ...]) -> NetworkGraph:
    source = tmp_path / f"{name.lower()}.py"
    source.write_text(code, encoding="utf-8")
    # Flat: the wrapping of one long network is what is checked (blocks would shorten it).
    return from_python_file(source, name, shape, blocks=False).project.graph


def _boxes(graph: NetworkGraph) -> dict[str, tuple[float, float, float, float]]:
    return {
        node.id: (node.position[0], node.position[1], *node_size(node)) for node in graph.nodes()
    }


def _rows(graph: NetworkGraph) -> dict[str, int]:
    """Each node's row, as the layout made them (checked against the positions below)."""
    positions, rows = wrapped_layout(graph)
    assert positions == {node.id: node.position for node in graph.nodes()}
    return rows


def _check_readable(graph: NetworkGraph) -> tuple[float, float]:
    """No two nodes overlap; every wire goes forward in reading order; returns width, height."""
    boxes = _boxes(graph)
    items = list(boxes.values())
    for i, (x, y, w, h) in enumerate(items):
        for x2, y2, w2, h2 in items[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "overlap"
    row_of = _rows(graph)
    for edge in graph.edges():
        src, dst = (row_of[edge.src], boxes[edge.src][0]), (row_of[edge.dst], boxes[edge.dst][0])
        assert src < dst, edge
    # The rows are bands of y, one under the other, each starting at the left edge.
    bands = [[boxes[n] for n in row_of if row_of[n] == r] for r in range(max(row_of.values()) + 1)]
    for above, under in pairwise(bands):
        assert max(y + h for _, y, _, h in above) < min(y for _, y, *_ in under)
    assert len({min(x for x, *_ in band) for band in bands}) == 1
    width = max(x + w for x, _, w, _ in items) - min(x for x, *_ in items)
    height = max(y + h for _, y, _, h in items) - min(y for _, y, *_ in items)
    return width, height


@pytest.mark.parametrize(
    ("code", "name", "shape"),
    [(CHAIN, "Chain", (8,)), (RESIDUAL, "Residual", (4, 4, 4))],
    ids=["60-layer chain", "12 residual blocks"],
)
def test_a_long_import_wraps_into_rows_near_a_screens_shape(
    tmp_path: Path, code: str, name: str, shape: tuple[int, ...]
) -> None:
    graph = _imported(tmp_path, code, name, shape)
    width, height = _check_readable(graph)
    # One row would be over 14,000 px wide and under 150 px tall.
    assert 1.0 <= width / height <= 3.0, (width, height)
    row_of = _rows(graph)
    rows = max(row_of.values()) + 1
    assert rows >= 4
    # Each break between two rows is crossed by one wire: never through a residual block.
    between = [e for e in graph.edges() if row_of[e.src] != row_of[e.dst]]
    assert len(between) == rows - 1
    (first,) = graph.inputs()
    assert row_of[first.id] == 0 and first.position[0] == min(b[0] for b in _boxes(graph).values())


def test_a_short_import_stays_one_straight_row(tmp_path: Path) -> None:
    code = CHAIN.replace("range(20)", "range(2)")
    graph = _imported(tmp_path, code, "Chain", (8,))
    width, _ = _check_readable(graph)
    assert width <= ONE_ROW
    assert len({node.position[1] for node in graph.nodes()}) == 1
