"""Copying a Block carries its network (issue 15): pasted into another project, or after its
network was deleted, the Block brings the network along (and the ones it uses); a project with
another network of that name gets the pasted one under a fresh name; one undo step."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QInputDialog

from netstudio.core.blocks import BLOCK, Library
from netstudio.core.graph import NetworkGraph
from netstudio.gui.block_paste import plan_networks
from netstudio.gui.clipboard import GRAPH_MIME, graph_data, networks_data, nodes_to_mime
from netstudio.gui.main_window import MainWindow
from netstudio.io import graph_to_dict, load_project
from tests.shots import save_shot


def _nested() -> NetworkGraph:
    """main: Input -> Block 'outer1' of `outer` (which holds a Block of `inner`) -> Output."""
    inner = NetworkGraph()
    inner.add_node("Input", node_id="x")
    inner.add_node("Linear", node_id="fc", params={"out_features": 4})
    inner.add_node("Output", node_id="y")
    inner.connect("x", "out", "fc", "in")
    inner.connect("fc", "out", "y", "in")
    main, outer = NetworkGraph(), NetworkGraph()
    library = Library({"inner": inner, "outer": outer, "main": main})
    outer.add_node("Input", node_id="x")
    outer.add_node("Block", node_id="b", params={"network": "inner", "repeat": 2})
    outer.add_node("Output", node_id="y")
    outer.connect("x", "out", "b", "x")
    outer.connect("b", "y", "y", "in")
    main.add_node("Input", node_id="input", params={"shape": [4]})
    main.add_node("Block", node_id="outer1", params={"network": "outer", "repeat": 1})
    main.connect("input", "out", "outer1", "x")
    assert list(library) == ["inner", "outer", "main"]
    return main


def _blocks(graph: NetworkGraph) -> dict[str, str]:
    return {n.id: n.params["network"] for n in graph.nodes() if n.type_id == BLOCK}


def test_the_clipboard_carries_the_networks_a_block_reaches_each_after_those_it_uses() -> None:
    main = _nested()
    mime = nodes_to_mime(main, ["outer1"])
    assert mime.hasFormat(GRAPH_MIME)
    assert list(networks_data(mime)) == ["inner", "outer"]
    assert graph_data(mime) == graph_to_dict(main, ["outer1"])  # the nodes, as before
    assert networks_data(nodes_to_mime(main, ["input"])) == {}  # no Block: no networks


def test_a_whole_project_file_pasted_as_text_gives_its_other_networks_too() -> None:
    text = (Path(__file__).resolve().parents[2] / "examples" / "residual_blocks.net").read_text()
    mime = QMimeData()
    mime.setText(text)
    assert [n["id"] for n in graph_data(mime)["nodes"]][:2] == ["input", "stem"]
    assert list(networks_data(mime)) == ["res_block"]  # the main network's nodes are the paste


def test_the_plan_adds_what_is_missing_reuses_what_is_the_same_renames_what_differs() -> None:
    source = _nested()
    mime = nodes_to_mime(source, ["outer1"])
    data, copied = graph_data(mime), networks_data(mime)

    target = NetworkGraph()
    library = Library({"main": target})
    plan = plan_networks(library, data, copied)
    assert [name for name, _ in plan.adds] == ["inner", "outer"] and plan.renames == {}

    library["inner"] = source.library["inner"]  # the same network: used as it is
    plan = plan_networks(library, data, copied)
    assert [name for name, _ in plan.adds] == ["outer"]

    other = NetworkGraph()  # another network called "inner"
    other.add_node("Input", node_id="x")
    library["inner"] = other
    plan = plan_networks(library, data, copied)
    assert plan.renames == {"inner": "inner_2"}
    assert [name for name, _ in plan.adds] == ["inner_2", "outer"]
    outer = dict(plan.adds)["outer"]
    assert [n["params"]["network"] for n in outer["nodes"] if n["type"] == BLOCK] == ["inner_2"]


def test_a_block_pasted_into_a_new_project_brings_its_network_and_undo_takes_it_away(
    window: MainWindow, open_example, hands, qtbot
) -> None:
    open_example("residual_blocks.net")
    source = window.document.project.networks["res_block"]
    res_block = graph_to_dict(source)
    window.scene.select_nodes(["stem_relu", "blocks"])
    hands.action(window, "edit_copy").trigger()
    copied = json.loads(QApplication.clipboard().text())
    assert [n["name"] for n in copied["networks"]] == ["res_block"]

    hands.action(window, "file_new").trigger()
    document = window.document
    assert list(document.project.networks) == ["main"]
    hands.action(window, "edit_paste").trigger()
    assert list(document.project.networks) == ["main", "res_block"]
    assert graph_to_dict(document.project.networks["res_block"]) == res_block
    assert _blocks(document.graph) == {"blocks": "res_block"}
    assert [window.network_tabs.bar.tabText(i) for i in range(2)] == ["★ main", "res_block"]
    assert sorted(window.scene.selected_node_ids()) == ["blocks", "stem_relu"]
    assert document.undo_stack.count() == 1
    assert "res_block" in document.undo_stack.text(0)
    qtbot.waitUntil(lambda: document.info("blocks") is not None, timeout=20_000)
    assert not [p for p in document.problems if "does not have" in p.message]
    assert document.info("blocks").error is None  # its network is there
    window.resize(1200, 700)
    hands.action(window, "view_fit").trigger()
    qtbot.wait(50)
    save_shot(window, "paste_block_new_project")

    hands.action(window, "edit_undo").trigger()  # nodes and network: one step
    assert list(document.project.networks) == ["main"] and "blocks" not in document.graph
    hands.action(window, "edit_redo").trigger()
    assert list(document.project.networks) == ["main", "res_block"]
    assert _blocks(document.graph) == {"blocks": "res_block"}
    hands.action(window, "edit_paste").trigger()  # again: the network is there, the same
    assert list(document.project.networks) == ["main", "res_block"]
    assert set(_blocks(document.graph).values()) == {"res_block"}
    assert document.undo_stack.text(document.undo_stack.count() - 1).startswith("Paste 2 nodes")


def test_a_block_pasted_where_another_network_has_its_name_gets_its_own(
    window: MainWindow, open_example, hands, monkeypatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("res_block", True))
    )
    open_example("residual_blocks.net")
    window.scene.select_nodes(["blocks"])
    hands.action(window, "edit_copy").trigger()
    hands.action(window, "file_new").trigger()
    document = window.document
    hands.action(window, "model_new_network").trigger()  # a starter network named res_block
    assert list(document.project.networks) == ["main", "res_block"]
    starter = graph_to_dict(document.project.networks["res_block"])
    document.show_network("main")
    hands.action(window, "edit_paste").trigger()
    assert list(document.project.networks) == ["main", "res_block", "res_block_2"]
    assert graph_to_dict(document.project.networks["res_block"]) == starter
    assert _blocks(document.graph) == {"blocks": "res_block_2"}
    hands.action(window, "edit_undo").trigger()
    assert list(document.project.networks) == ["main", "res_block"] and len(document.graph) == 0


def test_a_block_pasted_after_its_network_was_deleted_brings_it_back(
    window: MainWindow, open_example, hands
) -> None:
    path = open_example("residual_blocks.net")
    document = window.document
    window.scene.select_nodes(["blocks"])
    hands.action(window, "edit_cut").trigger()
    document.show_network("res_block")
    hands.action(window, "model_delete_network").trigger()
    assert list(document.project.networks) == ["main"]
    hands.action(window, "edit_paste").trigger()
    assert list(document.project.networks) == ["main", "res_block"]
    (pasted,) = _blocks(document.graph)
    hands.action(window, "file_save").trigger()
    saved = load_project(path)
    assert list(saved.networks) == ["main", "res_block"]
    assert saved.graph.node(pasted).params == {"network": "res_block", "repeat": 3}
