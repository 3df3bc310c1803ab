"""Ungroup of a Block that repeats (issue 15): its copies come back chained, as layers of their
own with fresh names, computing what the block computed with the same weights; Ungroup then
Undo gives back the file byte for byte."""

from __future__ import annotations

import pytest
import torch

from netstudio.core.blocks import BLOCK, Library
from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import errors, validate
from netstudio.gui.block_commands import BlockRefusal, plan_ungroup, replace_graph
from netstudio.gui.main_window import MainWindow
from netstudio.io import load_project
from tests.shots import save_shot


def _chain_block(repeat: int) -> NetworkGraph:
    """main: Input(4) -> Block 'stage1' of x -> fc (Linear 4) -> act (Tanh) -> y, ×repeat ->
    Output."""
    block = NetworkGraph()
    block.add_node("Input", node_id="x", position=(0.0, 0.0))
    block.add_node("Linear", node_id="fc", params={"out_features": 4}, position=(240.0, 0.0))
    block.add_node("Tanh", node_id="act", position=(480.0, 0.0))
    block.add_node("Output", node_id="y", position=(720.0, 0.0))
    for src, dst in (("x", "fc"), ("fc", "act"), ("act", "y")):
        block.connect(src, "out", dst, "in")
    main = NetworkGraph()
    Library({"main": main, "stage": block})
    main.add_node("Input", node_id="input", params={"shape": [4]}, position=(0.0, 0.0))
    main.add_node("Block", node_id="stage1", params={"network": "stage", "repeat": repeat},
                  position=(240.0, 0.0))  # fmt: skip
    main.add_node("Output", node_id="output", position=(480.0, 0.0))
    main.connect("input", "out", "stage1", "x")
    main.connect("stage1", "y", "output", "in")
    return main


def test_ungrouped_copies_compute_what_the_block_did_with_the_same_weights() -> None:
    main = _chain_block(3)
    model = compile_graph(main)
    params = ShapeInference(main).total_params()
    plan, name = plan_ungroup(main, "stage1")
    assert name == "stage"
    replace_graph(main, plan.after)
    assert [n.id for n in main.nodes()] == [
        "input", "fc", "act", "fc_2", "act_2", "fc_3", "act_3", "output"
    ]  # fmt: skip
    assert len({n.name for n in main.nodes()}) == len(main)
    assert [(e.src, e.dst) for e in main.edges()] == [
        ("input", "fc"), ("fc", "act"), ("act", "fc_2"), ("fc_2", "act_2"), ("act_2", "fc_3"),
        ("fc_3", "act_3"), ("act_3", "output"),
    ]  # fmt: skip
    # Each copy to the right of the one before, the layers after the block beyond them.
    xs = [main.node(i).position[0] for i in ("fc", "fc_2", "fc_3", "output")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert not errors(validate(main))
    assert ShapeInference(main).total_params() == params  # a layer of its own per copy

    flat = compile_graph(main)
    state = model.state_dict()
    flat.load_state_dict(
        {
            f"{fc}.{kind}": state[f"stage1.{k}.fc.{kind}"]
            for k, fc in enumerate(("fc", "fc_2", "fc_3"))
            for kind in ("weight", "bias")
        }
    )
    x = torch.randn(5, 4)
    torch.testing.assert_close(flat(x), model(x))


def test_copies_with_two_ports_chain_port_by_port_and_a_wire_straight_through() -> None:
    """x1 + x2 -> y1 and x2 -> y2 straight: three copies add x2 three times."""
    block = NetworkGraph()
    block.add_node("Input", node_id="x1")
    block.add_node("Input", node_id="x2")
    block.add_node("Add", node_id="add", params={"inputs": 2})
    block.add_node("Output", node_id="y1")
    block.add_node("Output", node_id="y2")
    block.connect("x1", "out", "add", "in1")
    block.connect("x2", "out", "add", "in2")
    block.connect("add", "out", "y1", "in")
    block.connect("x2", "out", "y2", "in")
    main = NetworkGraph()
    Library({"main": main, "pair": block})
    main.add_node("Input", node_id="a", params={"shape": [3]})
    main.add_node("Input", node_id="b", params={"shape": [3]})
    main.add_node("Block", node_id="blk", params={"network": "pair", "repeat": 3})
    main.add_node("Output", node_id="out")
    main.connect("a", "out", "blk", "x1")
    main.connect("b", "out", "blk", "x2")
    main.connect("blk", "y1", "out", "in")
    model = compile_graph(main)
    plan, _ = plan_ungroup(main, "blk")
    replace_graph(main, plan.after)
    assert sorted((e.src, e.dst, e.dst_port) for e in main.edges()) == [
        ("a", "add", "in1"), ("add", "add_2", "in1"), ("add_2", "add_3", "in1"),
        ("add_3", "out", "in"), ("b", "add", "in2"), ("b", "add_2", "in2"),
        ("b", "add_3", "in2"),
    ]  # fmt: skip
    a, b = torch.randn(2, 3), torch.randn(2, 3)
    torch.testing.assert_close(compile_graph(main)(a, b), model(a, b))
    torch.testing.assert_close(model(a, b), a + 3 * b)


def test_a_repeated_block_whose_copies_cannot_chain_is_not_ungrouped() -> None:
    block = NetworkGraph()
    block.add_node("Input", node_id="x")
    block.add_node("Output", node_id="y1")
    block.add_node("Output", node_id="y2")
    block.connect("x", "out", "y1", "in")
    block.connect("x", "out", "y2", "in")
    main = NetworkGraph()
    Library({"main": main, "fork": block})
    main.add_node("Block", node_id="blk", params={"network": "fork", "repeat": 2})
    with pytest.raises(BlockRefusal, match=r"1 Input.*2 Output.*set its repeat to 1"):
        plan_ungroup(main, "blk")


def test_ungroup_of_the_residual_stages_then_undo_gives_the_file_back(
    window: MainWindow, open_example, hands, qtbot
) -> None:
    path = open_example("residual_blocks.net")
    hands.action(window, "file_save").trigger()
    original = path.read_bytes()
    document = window.document
    qtbot.waitUntil(lambda: document.analysed_once, timeout=20_000)
    params = document.info("blocks").param_count
    window.scene.select_nodes(["blocks"])
    hands.action(window, "model_ungroup").trigger()
    assert "Ungrouped res_block" in window.statusBar().currentMessage()
    graph = document.graph
    assert not [n for n in graph.nodes() if n.type_id == BLOCK]
    assert list(document.project.networks) == ["main"]  # its only Block went: so did it
    convs = sorted(n.id for n in graph.nodes() if n.type_id == "Conv2d")
    assert convs == ["conv1", "conv1_2", "conv1_3", "conv2", "conv2_2", "conv2_3", "stem"]
    assert len(window.scene.selected_node_ids()) == 3 * 7  # the copies' layers, selected
    assert sorted(e.dst_port for e in graph.out_edges("relu")) == ["in", "in1"]  # next copy
    qtbot.waitUntil(lambda: document.info("relu_3") is not None, timeout=20_000)
    assert not [p for p in document.problems if p.severity == "error"]
    inner = sum(document.info(n.id).param_count for n in graph.nodes())
    outer = sum(document.info(i).param_count for i in ("stem", "stem_bn", "fc"))
    assert inner - outer == params

    hands.action(window, "file_save").trigger()
    saved = load_project(path)
    assert list(saved.networks) == ["main"] and len(saved.graph) == 29
    hands.action(window, "edit_undo").trigger()  # one step
    assert [n.id for n in document.graph.nodes() if n.type_id == BLOCK] == ["blocks"]
    assert list(document.project.networks) == ["main", "res_block"]
    hands.action(window, "file_save").trigger()
    assert path.read_bytes() == original
    window.resize(1300, 800)
    hands.action(window, "edit_redo").trigger()
    qtbot.wait(50)
    hands.action(window, "view_fit").trigger()
    qtbot.wait(50)
    save_shot(window, "ungroup_repeat")
