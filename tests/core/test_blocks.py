"""Blocks: another network of the project as one node, its copies chained (shapes, checks,
compiled module, summary)."""

from __future__ import annotations

from contextlib import suppress

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import fx

from netstudio.core.blocks import Library, refuse_block
from netstudio.core.catalogue import TensorInfo
from netstudio.core.compiler import compile_graph
from netstudio.core.errors import GraphError
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.summary import summarize
from netstudio.core.validation import Validator, errors, network_structure, validate


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


# --- kept between edits ------------------------------------------------------------------------


def two_blocks() -> tuple[NetworkGraph, NetworkGraph]:
    """main: Input(4) -> stem Linear 6 -> stage1 (dense ×3) -> stage2 (dense ×2) -> Output,
    both Blocks of one network 'stage' whose Input takes what arrives."""
    block = dense(6)
    main = with_block(block, repeat=3)
    main.add_node("Linear", node_id="stem", params={"out_features": 6})
    main.add_node("Block", node_id="stage2", params={"network": "stage", "repeat": 2})
    main.disconnect(main.edge_into("stage1", "x"))
    main.disconnect(main.edge_into("output", "in"))
    main.connect("input", "out", "stem", "in")
    main.connect("stem", "out", "stage1", "x")
    main.connect("stage1", "y", "stage2", "x")
    main.connect("stage2", "y", "output", "in")
    return main, block


BLOCK_EDITS = ["out", "in_features", "shape", "grow", "rename", "spare", "cut"]
MAIN_EDITS = ["stem", "repeat", "network", "input", "preview"]


def block_edit(data: st.DataObject, main: NetworkGraph, block: NetworkGraph) -> int | None:
    """One random edit inside the block's network or in the main network (some refused, as
    the editor's would be), or a wire preview: the width of the input (N, width) to ask a
    Block about, without changing anything."""
    kind = data.draw(st.sampled_from(BLOCK_EDITS + MAIN_EDITS))
    if kind == "out":
        block.set_params("fc", {"out_features": data.draw(st.sampled_from([4, 6, 8]))})
    elif kind == "in_features":
        block.set_params("fc", {"in_features": data.draw(st.sampled_from([None, 4, 6]))})
    elif kind == "shape":
        block.set_params("x", {"shape": data.draw(st.sampled_from([None, [4], [6]]))})
    elif kind == "grow" and "cat" not in block:  # every copy 4 wider than the one before
        block.add_node("Concat", node_id="cat")
        with suppress(GraphError):
            block.disconnect(block.edge_into("y", "in"))  # type: ignore[arg-type]
        block.connect("x", "out", "cat", "in1")
        block.connect("act", "out", "cat", "in2")
        block.connect("cat", "out", "y", "in")
    elif kind == "grow":
        block.remove_node("cat")
        block.connect("act", "out", "y", "in")
    elif kind == "rename":
        block.rename("fc", data.draw(st.sampled_from(["fc", "dense", "proj"])))
    elif kind == "spare" and "spare" in block:
        block.remove_node("spare")
    elif kind == "spare":  # a layer that leads nowhere: a warning in every copy
        block.add_node("ReLU", node_id="spare")
        block.connect("fc", "out", "spare", "in")
    elif kind == "cut" and block.edge_into("act", "in") is not None:
        block.disconnect(block.edge_into("act", "in"))  # type: ignore[arg-type]
    elif kind == "cut":
        block.connect("fc", "out", "act", "in")
    elif kind == "stem":
        main.set_params("stem", {"out_features": data.draw(st.sampled_from([4, 6, 8]))})
    elif kind == "repeat":
        node = data.draw(st.sampled_from(["stage1", "stage2"]))
        main.set_params(node, {"repeat": data.draw(st.integers(1, 4))})
    elif kind == "network":
        main.set_params("stage2", {"network": data.draw(st.sampled_from(["stage", "nowhere"]))})
    elif kind == "input":
        main.set_params("input", {"shape": data.draw(st.sampled_from([[4], [6]]))})
    else:
        return data.draw(st.sampled_from([4, 6, 8, 12]))
    return None


def analysis_of(main: NetworkGraph, inference: ShapeInference) -> dict:
    """Everything a view shows of `main`: every node's info (MACs counted), each Block's
    copies' infos, the totals."""
    total_macs = inference.total_macs()
    infos = inference.infos()
    copies = {
        node_id: [copy.infos() for copy in infos[node_id].copies]
        for node_id in sorted(inference.block_ids)
    }
    return {
        "infos": infos,
        "copies": copies,
        "params": inference.total_params(),
        "macs": total_macs,
    }


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_kept_block_analysis_equals_a_fresh_one_after_random_edits(data: st.DataObject) -> None:
    main, block = two_blocks()
    library = main.library
    assert library is not None
    inference = ShapeInference(main)
    validator = Validator(main, inference)
    for _ in range(data.draw(st.integers(1, 8))):
        width = None
        with suppress(GraphError):
            width = block_edit(data, main, block)
        if width is not None:
            question = (TensorInfo((2, width)),)
            fresh = ShapeInference(main)
            assert inference.would_accept(main.node("stage1"), question) == (
                fresh.would_accept(main.node("stage1"), question)
            )
            fresh.close()
        if data.draw(st.booleans()):  # the editor analyses after some edits, not every one
            kept = analysis_of(main, inference)
            problems = validator.problems()
            assert library.structure("stage") == network_structure(block)
            fresh = ShapeInference(main)
            assert kept == analysis_of(main, fresh)
            assert problems == validate(main, fresh)
            fresh.close()
    inference.close()
    validator.close()


def test_an_edit_inside_a_block_updates_every_block_that_uses_it() -> None:
    main, block = two_blocks()
    inference = ShapeInference(main)
    assert str(inference.info("output").output) == "(N, 6)"
    block.set_params("fc", {"out_features": 5})
    assert {"stage1", "stage2", "output"} <= inference.update()
    assert str(inference.info("stage1").output) == str(inference.info("stage2").output) == "(N, 5)"
    assert inference.info("stage2").param_count == 2 * (5 * 5 + 5)


def test_an_edit_inside_a_block_re_infers_only_what_it_reaches_in_each_copy() -> None:
    block = dense(6)
    block.add_node("Linear", node_id="fc2", params={"out_features": 6})
    block.add_node("ReLU", node_id="act2")
    block.disconnect(block.edge_into("y", "in"))  # type: ignore[arg-type]
    block.connect("act", "out", "fc2", "in")
    block.connect("fc2", "out", "act2", "in")
    block.connect("act2", "out", "y", "in")
    main = with_block(block, repeat=3)
    inference = ShapeInference(main)
    before = inference.info("stage1").copies
    assert [copy.recomputed for copy in dict.fromkeys(before)] == [6, 6]  # copies 2, 3: one
    block.set_params("act2", {})  # nothing changes: no copy analyses anything
    block.set_params("fc2", {"out_features": 7})
    after = inference.info("stage1").copies
    assert after == before  # the same analyses, kept
    # copy 1 analyses fc2 and after; copy 2, its Input 7 wide, all but act (fc still gives 6
    # features); copy 3 takes what copy 2 took: the same analysis
    assert [copy.recomputed for copy in dict.fromkeys(after)] == [6 + 3, 6 + 5]


def test_a_blocks_network_structure_is_checked_once_per_revision(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from netstudio.core import validation

    calls: list[NetworkGraph] = []

    def counted(graph: NetworkGraph) -> validation.Structure:
        calls.append(graph)
        return network_structure(graph)

    monkeypatch.setattr(validation, "network_structure", counted)
    main, block = two_blocks()
    block.add_node("Concat", node_id="cat")  # growing: every copy is analysed apart
    block.disconnect(block.edge_into("y", "in"))  # type: ignore[arg-type]
    block.connect("x", "out", "cat", "in1")
    block.connect("act", "out", "cat", "in2")
    block.connect("cat", "out", "y", "in")
    inference = ShapeInference(main)
    assert str(inference.info("output").output) == "(N, 36)"  # 6 + 5 copies × 6
    assert calls.count(block) == 1
    block.set_params("fc", {"out_features": 5})
    assert str(inference.info("output").output) == "(N, 31)"
    assert calls.count(block) == 2


def test_inputs_that_come_back_bring_back_the_blocks_copies_too() -> None:
    main, _ = two_blocks()
    inference = ShapeInference(main)
    first = analysis_of(main, inference)
    main.set_params("stem", {"out_features": 8})  # every copy of stage1 takes 8 features
    analysis_of(main, inference)
    main.set_params("stem", {"out_features": 6})  # as before (an undo): the copies as well
    assert analysis_of(main, inference) == first == analysis_of(main, ShapeInference(main))
    assert inference.info("stage1").copies[0].info("x").output == TensorInfo((2, 6))


def test_a_wire_preview_leaves_the_blocks_copies_as_they_are() -> None:
    main, _ = two_blocks()
    inference = ShapeInference(main)
    first = analysis_of(main, inference)
    error = inference.would_accept(main.node("stage1"), (TensorInfo((2, 4), "int64"),))
    assert error is not None and error.startswith("block 'stage1' (copy 1), node 'fc'")
    assert analysis_of(main, inference) == first
    assert inference.info("stage1").copies[0].info("x").output == TensorInfo((2, 6))


def test_blocks_within_blocks_are_kept_and_let_go_with_their_owner() -> None:
    block = dense(6)
    main = with_block(block, repeat=2)
    library = main.library
    assert library is not None
    group = NetworkGraph()
    library["group"] = group
    group.add_node("Input", node_id="x")
    group.add_node("Block", node_id="inner", params={"network": "stage", "repeat": 2})
    group.add_node("Output", node_id="y")
    group.connect("x", "out", "inner", "x")
    group.connect("inner", "y", "y", "in")
    main.set_params("stage1", {"network": "group"})  # the same ports: x in, y out
    listening = len(block.events.params_changed._handlers)
    inference = ShapeInference(main)
    assert str(inference.info("output").output) == "(N, 6)"
    block.set_params("fc", {"out_features": 3})
    fresh = ShapeInference(main)
    assert analysis_of(main, inference) == analysis_of(main, fresh)
    fresh.close()
    assert str(inference.info("output").output) == "(N, 3)"
    assert inference.info("stage1").param_count == (4 * 3 + 3) + 3 * (3 * 3 + 3)
    assert len(block.events.params_changed._handlers) > listening
    inference.close()
    assert len(block.events.params_changed._handlers) == listening
