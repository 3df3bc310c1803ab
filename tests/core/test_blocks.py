"""Blocks: another network of the project as one node, its copies chained (shapes, checks,
compiled module, summary)."""

from __future__ import annotations

import pytest
import torch
from torch import fx

from netstudio.core.blocks import Library, refuse_block
from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.summary import summarize
from netstudio.core.validation import errors, validate


def dense(out: int = 6, *, in_features: int | None = None, shape: list[int] | None = None):
    """A block network x -> fc (Linear) -> act (ReLU) -> y."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="x", params={"shape": shape})
    graph.add_node("Linear", node_id="fc", params={"out_features": out, "in_features": in_features})
    graph.add_node("ReLU", node_id="act")
    graph.add_node("Output", node_id="y")
    for src, dst in (("x", "fc"), ("fc", "act"), ("act", "y")):
        graph.connect(src, "out", dst, "in")
    return graph


def with_block(block: NetworkGraph, repeat: int = 3, network: str = "stage") -> NetworkGraph:
    """main: Input(4) -> Block 'stage1' of `block` (named `network`) ×`repeat` -> Output."""
    main = NetworkGraph()
    Library({"main": main, "stage": block})
    main.add_node("Input", node_id="input", params={"shape": [4]})
    main.add_node("Block", node_id="stage1", params={"network": network, "repeat": repeat})
    main.add_node("Output", node_id="output")
    port_in, port_out = main.node("stage1").input_ports[0], main.node("stage1").output_ports[0]
    main.connect("input", "out", "stage1", port_in)
    main.connect("stage1", port_out, "output", "in")
    return main


def block_error(main: NetworkGraph) -> str:
    problems = [p for p in errors(validate(main)) if p.node_id == "stage1"]
    assert len(problems) == 1, problems
    return problems[0].message


# --- ports and shapes --------------------------------------------------------------------------


def test_a_blocks_ports_are_its_networks_input_and_output_nodes() -> None:
    main = with_block(dense())
    block = main.node("stage1")
    assert (block.input_ports, block.output_ports) == (("x",), ("y",))


def test_each_copy_fills_its_own_sizes_and_feeds_the_next() -> None:
    main = with_block(dense(6), repeat=3)
    inference = ShapeInference(main)
    info = inference.info("stage1")
    assert info.error is None and str(info.output) == "(N, 6)"
    assert [copy.info("fc").resolved["in_features"] for copy in info.copies] == [4, 6, 6]
    assert info.param_count == (4 * 6 + 6) + 2 * (6 * 6 + 6)
    assert inference.total_macs() == 4 * 6 + 2 * 6 * 6
    assert validate(main, inference) == []


def test_a_copy_whose_input_does_not_fit_names_the_block_copy_and_inner_node() -> None:
    message = block_error(with_block(dense(6, in_features=4), repeat=2))
    assert message.startswith("block 'stage1' (copy 2), node 'fc': Linear 'fc' has in_features")


def test_an_inner_input_of_a_set_shape_must_get_that_shape() -> None:
    message = block_error(with_block(dense(6, shape=[4]), repeat=3))
    assert message.startswith(
        "block 'stage1' (copy 2), node 'x': Input 'x' has the shape (N, 4) but gets (N, 6)"
    )


def test_an_error_in_a_single_copy_names_the_block_and_the_inner_node() -> None:
    block = dense()
    block.add_node("Conv2d", node_id="conv1", params={"out_channels": 2})
    block.disconnect(block.edge_into("act", "in"))
    block.connect("fc", "out", "conv1", "in")
    block.connect("conv1", "out", "act", "in")
    message = block_error(with_block(block, repeat=1))
    assert message.startswith("block 'stage1', node 'conv1': Conv2d 'conv1' expects")


def test_editing_the_blocks_network_analyses_the_block_again() -> None:
    block = dense(6)
    main = with_block(block, repeat=2)
    inference = ShapeInference(main)
    assert str(inference.info("stage1").output) == "(N, 6)"
    block.set_params("fc", {"out_features": 5})
    assert str(inference.info("stage1").output) == "(N, 5)"
    assert inference.info("stage1").param_count == (4 * 5 + 5) + (5 * 5 + 5)


# --- bad blocks --------------------------------------------------------------------------------


def test_an_unknown_network_is_a_problem_of_the_block() -> None:
    message = block_error(with_block(dense(), network="nowhere"))
    assert message == (
        "Block 'stage1' uses the network 'nowhere', which this project does not have "
        "(networks: main, stage): choose one of its networks"
    )


def test_a_block_that_uses_itself_is_refused_and_reported() -> None:
    block = dense()
    main = with_block(block)
    library = main.library
    assert library is not None
    assert refuse_block(library, "stage", "stage") == "network 'stage' cannot use itself as a block"
    block.add_node("Block", node_id="again", params={"network": "stage"})
    message = block_error(main)
    assert message == (
        "Block 'stage1' uses the network 'stage', which uses itself through its blocks "
        "(stage → stage): remove one of those blocks"
    )


def test_a_block_that_uses_itself_through_another_is_refused() -> None:
    block = dense()
    main = with_block(block)
    library = main.library
    assert library is not None
    other = NetworkGraph()
    library["other"] = other
    other.add_node("Block", node_id="inner", params={"network": "stage"})
    refusal = refuse_block(library, "stage", "other")
    assert refusal is not None and "network 'other' already uses 'stage'" in refusal
    assert refuse_block(library, "main", "other") is None
    block.add_node("Block", node_id="loop", params={"network": "other"})
    assert "(stage → other → stage)" in block_error(main)


# --- compiled, summarised ----------------------------------------------------------------------


def test_a_repeated_block_computes_what_the_flat_network_does_with_the_same_weights() -> None:
    main = with_block(dense(6), repeat=3)
    model = compile_graph(main)
    copies = [getattr(model.stage1, str(k)) for k in range(3)]
    assert all(isinstance(copy, fx.GraphModule) for copy in copies)
    assert "self.fc(" in copies[0].code and 'getattr(self.stage1, "2")' in model.code

    flat = NetworkGraph()
    flat.add_node("Input", node_id="input", params={"shape": [4]})
    previous = "input"
    for k in range(1, 4):
        flat.add_node("Linear", node_id=f"fc{k}", params={"out_features": 6})
        flat.add_node("ReLU", node_id=f"act{k}")
        flat.connect(previous, "out", f"fc{k}", "in")
        flat.connect(f"fc{k}", "out", f"act{k}", "in")
        previous = f"act{k}"
    flat.add_node("Output", node_id="output")
    flat.connect(previous, "out", "output", "in")
    reference = compile_graph(flat)
    state = model.state_dict()
    reference.load_state_dict(
        {
            f"fc{k + 1}.{kind}": state[f"stage1.{k}.fc.{kind}"]
            for k in range(3)
            for kind in ("weight", "bias")
        }
    )
    x = torch.randn(5, 4)
    torch.testing.assert_close(model(x), reference(x))
    assert sum(p.numel() for p in model.parameters()) == ShapeInference(main).total_params()


def test_the_summary_has_one_row_for_a_block_with_all_its_copies() -> None:
    main = with_block(dense(6), repeat=3)
    summary = summarize(main, ShapeInference(main))
    row = next(row for row in summary.rows if row.node_id == "stage1")
    assert (row.type_name, row.repeat, row.shape) == ("Block", 3, "N×6")
    assert row.params == 114 and row.macs == 24 + 2 * 36
    assert row.detail == "Block · stage ×3"
    assert all(r.repeat is None for r in summary.rows if r.node_id != "stage1")


@pytest.mark.parametrize("repeat", [0, 65])
def test_repeat_is_1_to_64(repeat: int) -> None:
    from netstudio.core.errors import ParamError

    main = with_block(dense())
    with pytest.raises(ParamError, match="'repeat' must be"):
        main.set_params("stage1", {"repeat": repeat})
