"""A large project opens without holding the window: the graph first, the shapes as they are
worked out, the problems once all are known, and the MACs a moment after.

The story: a person opens a 400-layer network of different layers with File > Open. The canvas
shows every node at once, the status says shapes are being worked out, the shapes fill in, and
the Summary's totals end equal to what `netstudio check` prints; an edit made while the shapes
are still coming finishes them first and is analysed like any other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.summary import summarize
from netstudio.gui import document as document_module
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.document import SLICED_NODES
from netstudio.gui.main_window import MainWindow
from netstudio.io import Project, save_project

LAYERS = 400


def varied_network(layers: int) -> tuple[NetworkGraph, int]:
    """Input (the digits' 1×8×8) → Flatten → (Linear of its own width, ReLU) × k → Linear 10 →
    Output: no two layers alike. Returns the graph and its MACs per sample."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input")  # its shape follows the data
    graph.add_node("Flatten", node_id="flat")
    graph.connect("input", "out", "flat", "in")
    previous, width, macs = "flat", 64, 0
    for i in range((layers - 4) // 2):
        fc = graph.add_node("Linear", params={"out_features": 8 + i}, position=(i * 200.0, 0))
        graph.connect(previous, "out", fc.id, "in")
        act = graph.add_node("ReLU", position=(i * 200.0 + 100, 120))
        graph.connect(fc.id, "out", act.id, "in")
        previous, width, macs = act.id, 8 + i, macs + width * (8 + i)
    graph.add_node("Linear", node_id="head", params={"out_features": 10})
    graph.connect(previous, "out", "head", "in")
    graph.add_node("Output", node_id="output")
    graph.connect("head", "out", "output", "in")
    return graph, macs + width * 10


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.net"
    save_project(Project(graph=varied_network(LAYERS)[0], name="big"), path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch, hands) -> MainWindow:
    """A shown window whose analysis slices do one node each (at full length a slice may do
    the whole network on a fast machine: the test would not see the shapes come in)."""
    monkeypatch.setattr(document_module, "SLICE_S", 0.0)
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_with_the_menu(window: MainWindow, path: Path, monkeypatch, hands) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    hands.action(window, "file_open").trigger()


def test_the_graph_shows_first_and_the_shapes_and_macs_follow(
    qtbot, window: MainWindow, big_file: Path, monkeypatch, hands
) -> None:
    assert LAYERS > SLICED_NODES
    open_with_the_menu(window, big_file, monkeypatch, hands)
    document = window.document
    assert len(window.scene.nodes) == LAYERS  # every node on the canvas at once
    assert document.analysing and not document.analysed_once
    assert window.validity_label.text() == "working out shapes…"

    def unknown() -> int:
        return sum(item.shape_text in ("", "…") for item in window.scene.nodes.values())

    before = unknown()
    assert before, "the first slice cannot have worked out 400 layers"
    qtbot.waitUntil(lambda: unknown() < before, timeout=20000)  # shapes fill in as they come
    assert document.analysing or unknown() == 0

    qtbot.waitUntil(lambda: document.analysed_once and not document.analysing, timeout=20000)
    assert all(item.shape_text not in ("", "…") for item in window.scene.nodes.values())
    expected = summarize(
        document.graph, ShapeInference(document.graph, data_shape=document.data_shape)
    )
    assert window.validity_label.text().startswith(f"✓ valid · {expected.total_params:,} params")
    table = window.summary.model()
    total_row = table.rowCount() - 1
    assert table.index(total_row, 3).data() == f"{expected.total_params:,}"

    qtbot.waitUntil(lambda: not document.inference.macs_pending, timeout=20000)
    qtbot.waitUntil(lambda: table.index(total_row, 4).data() != "…")
    assert table.index(total_row, 4).data() == f"{expected.total_macs:,}"
    assert expected.total_macs == varied_network(LAYERS)[1]  # each Linear's in × out, exact


def test_an_edit_while_the_shapes_are_coming_finishes_them_first(
    qtbot, window: MainWindow, big_file: Path, monkeypatch, hands
) -> None:
    open_with_the_menu(window, big_file, monkeypatch, hands)
    document = window.document
    assert document.analysing
    head = next(n.id for n in document.graph.nodes() if n.type_id == "Linear")
    assert document.info("input") is not None and document.info("head") is None  # not reached
    document.push(SetParamsCommand(document.graph, head, {"out_features": 50}))
    assert document.analysed_once and not document.analysing
    fresh = ShapeInference(document.graph, data_shape=document.data_shape)
    for node_id, item in window.scene.nodes.items():
        output = fresh.info(node_id).output
        assert item.shape_text == (output.describe() if output is not None else "?"), node_id
    qtbot.waitUntil(lambda: not document.inference.macs_pending, timeout=20000)
    assert document.inference.total_macs() == fresh.total_macs()
