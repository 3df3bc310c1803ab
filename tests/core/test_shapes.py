"""ShapeInference: exact shapes from meta tensors, clear errors, and incremental updates."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from netstudio.core.catalogue import TensorInfo
from netstudio.core.graph import Edge, NetworkGraph
from netstudio.core.shapes import ShapeInference

MLP_PARAMS = {"fc1": 784 * 256 + 256, "fc2": 256 * 128 + 128, "fc3": 128 * 10 + 10}
MLP_MACS = {"fc1": 784 * 256, "fc2": 256 * 128, "fc3": 128 * 10}


@pytest.fixture
def inference(mlp_graph: NetworkGraph) -> ShapeInference:
    """Inference over the MLP, brought up to date once."""
    shapes = ShapeInference(mlp_graph)
    shapes.update()
    return shapes


def chain(graph: NetworkGraph, *nodes: tuple[str, str, dict[str, Any]]) -> None:
    """Add (id, type, params) nodes and wire each to the next, id doubling as the name."""
    for node_id, type_id, params in nodes:
        graph.add_node(type_id, node_id=node_id, name=node_id, params=params)
    for (src, *_), (dst, *_) in pairwise(nodes):
        graph.connect(src, "out", dst, "in")


def single(input_shape: tuple[int, ...], type_id: str, dtype: str = "float32", **params: Any):
    """Input → one layer 'x'; returns (graph, inference)."""
    graph = NetworkGraph()
    chain(
        graph,
        ("input", "Input", {"shape": input_shape, "dtype": dtype}),
        ("x", type_id, params),
    )
    return graph, ShapeInference(graph)


# --- the MLP -------------------------------------------------------------------------------


def test_mlp_shapes(inference: ShapeInference) -> None:
    shapes = {node_id: info.output.describe() for node_id, info in inference.infos().items()}
    assert shapes == {
        "input": "N×784",
        "fc1": "N×256",
        "relu1": "N×256",
        "fc2": "N×128",
        "relu2": "N×128",
        "fc3": "N×10",
        "output": "N×10",
    }
    assert all(info.ok for info in inference.infos().values())
    assert inference.info("fc3").outputs == {"out": TensorInfo((2, 10), "float32")}
    assert inference.info("output").outputs == {}


def test_mlp_parameter_counts(inference: ShapeInference) -> None:
    for node_id, count in MLP_PARAMS.items():
        assert inference.info(node_id).param_count == count
        assert inference.info(node_id).trainable_count == count
    for node_id in ("input", "relu1", "relu2", "output"):
        assert inference.info(node_id).param_count == 0
    assert inference.total_params() == 235_146


def test_mlp_macs(inference: ShapeInference) -> None:
    inference.update()
    assert inference.macs_pending and inference.info("fc1").macs is None  # shapes first
    assert inference.count_macs() == {"fc1", "fc2", "fc3"}  # activations have none to count
    assert not inference.macs_pending
    for node_id, macs in MLP_MACS.items():
        assert inference.info(node_id).macs == macs
    assert inference.total_macs() == 784 * 256 + 256 * 128 + 128 * 10


def test_macs_are_counted_a_slice_at_a_time_and_again_only_where_an_edit_reached(
    mlp_graph: NetworkGraph,
) -> None:
    inference = ShapeInference(mlp_graph)
    inference.update()
    first = inference.count_macs(deadline=0.0)  # past already: one node, then it stops
    assert len(first) == 1 and inference.macs_pending
    inference.count_macs()
    mlp_graph.set_params("fc2", {"out_features": 64})
    assert inference.update() == {"fc2", "relu2", "fc3"}
    assert inference.macs_pending and inference.info("fc1").macs == 784 * 256
    assert inference.count_macs() == {"fc2", "fc3"}
    assert inference.info("fc2").macs == 256 * 64 and inference.info("fc3").macs == 64 * 10
    mlp_graph.set_params("fc2", {"out_features": 128})  # undone: the earlier answers return
    inference.update()
    assert not inference.macs_pending and inference.info("fc2").macs == 256 * 128


def test_macs_are_per_sample_whatever_the_meta_batch(mlp_graph: NetworkGraph) -> None:
    shapes = ShapeInference(mlp_graph, batch_size=8)
    assert shapes.info("fc1").output.shape == (8, 256)
    assert shapes.info("fc1").output.describe() == "N×256"
    assert shapes.total_macs() == sum(MLP_MACS.values())


def test_conv_macs_and_params() -> None:
    _, shapes = single((3, 32, 32), "Conv2d", out_channels=32, kernel_size=3, padding=1)
    info = shapes.info("x")
    assert info.output.shape == (2, 32, 32, 32)
    assert info.param_count == 32 * 3 * 3 * 3 + 32
    assert shapes.total_macs() == info.macs == 32 * 32 * 32 * 3 * 3 * 3


def test_auto_params_are_resolved_but_not_written_to_the_graph(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    assert [inference.info(f"fc{i}").resolved["in_features"] for i in (1, 2, 3)] == [784, 256, 128]
    assert all(mlp_graph.node(f"fc{i}").params["in_features"] is None for i in (1, 2, 3))


# --- auto-fill -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_id", "sample", "params", "name", "value", "out"),
    [
        ("Linear", (784,), {"out_features": 32}, "in_features", 784, (32,)),
        ("Linear", (5, 20), {"out_features": 32}, "in_features", 20, (5, 32)),
        ("Conv2d", (3, 32, 32), {}, "in_channels", 3, (32, 30, 30)),
        ("Conv1d", (4, 50), {}, "in_channels", 4, (16, 48)),
        ("ConvTranspose2d", (8, 4, 4), {}, "in_channels", 8, (16, 8, 8)),
        ("BatchNorm2d", (16, 8, 8), {}, "num_features", 16, (16, 8, 8)),
        ("BatchNorm1d", (12,), {}, "num_features", 12, (12,)),
        ("GroupNorm", (16, 8, 8), {}, "num_channels", 16, (16, 8, 8)),
        ("LSTM", (10, 32), {"hidden_size": 20}, "input_size", 32, (10, 20)),
        ("GRU", (10, 32), {"output": "last"}, "input_size", 32, (64,)),
        ("RNN", (10, 32), {"bidirectional": True}, "input_size", 32, (10, 128)),
        ("MultiheadAttention", (10, 32), {}, "embed_dim", 32, (10, 32)),
        ("TransformerEncoderLayer", (10, 32), {}, "d_model", 32, (10, 32)),
        ("LayerNorm", (10, 32), {}, "normalized_shape", (32,), (10, 32)),
    ],
)
def test_auto_fill_from_the_input(
    type_id: str,
    sample: tuple[int, ...],
    params: dict[str, Any],
    name: str,
    value: Any,
    out: tuple[int, ...],
) -> None:
    graph, shapes = single(sample, type_id, **params)
    info = shapes.info("x")
    assert info.ok, info.error
    assert info.resolved[name] == value
    assert graph.node("x").params[name] is None
    assert info.output.shape == (2, *out)


def test_auto_fill_follows_the_upstream_shape(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    mlp_graph.set_params("input", {"shape": (100,)})
    # fc1's output stays N×256, so nothing after it is recomputed
    assert inference.update() == {"input", "fc1"}
    assert inference.info("fc1").resolved["in_features"] == 100
    assert inference.info("fc1").param_count == 100 * 256 + 256
    assert inference.info("fc2").resolved["in_features"] == 256


def test_a_pinned_value_that_agrees_is_fine(mlp_graph: NetworkGraph) -> None:
    mlp_graph.set_params("fc1", {"in_features": 784})
    assert ShapeInference(mlp_graph).info("fc1").ok


def test_a_pinned_value_that_disagrees_names_the_node_and_says_to_clear_it(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    mlp_graph.set_params("fc1", {"in_features": 100})
    info = inference.info("fc1")
    assert info.error == (
        "Linear 'fc1' has in_features = 100 but its input gives 784: clear in_features to "
        "fill it from the input, or change the layer before"
    )
    assert not info.pending
    assert info.outputs == {}
    # everything after it waits, without errors of its own
    for node_id in ("relu1", "fc2", "relu2", "fc3", "output"):
        assert inference.info(node_id).pending
        assert inference.info(node_id).error is None
    mlp_graph.set_params("fc1", {"in_features": None})
    assert all(info.ok for info in inference.infos().values())


def test_layer_norm_over_several_trailing_dimensions() -> None:
    _, shapes = single((8, 64), "LayerNorm", normalized_shape=(8, 64))
    info = shapes.info("x")
    assert info.error is None
    assert info.output.shape == (2, 8, 64)
    assert info.param_count == 2 * 8 * 64


def test_layer_norm_pinned_to_a_wrong_size_is_an_error() -> None:
    _, shapes = single((8, 64), "LayerNorm", normalized_shape=(32,))
    error = shapes.info("x").error
    assert error is not None
    assert error.startswith("LayerNorm 'x'")


# --- errors --------------------------------------------------------------------------------


def conv_into_linear() -> tuple[NetworkGraph, ShapeInference]:
    graph = NetworkGraph()
    chain(
        graph,
        ("input", "Input", {"shape": (3, 8, 8)}),
        ("conv1", "Conv2d", {"out_channels": 64, "kernel_size": 3, "padding": 1}),
        ("fc1", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    )
    return graph, ShapeInference(graph)


def test_linear_after_a_conv_says_to_insert_a_flatten() -> None:
    graph, shapes = conv_into_linear()
    info = shapes.info("fc1")
    assert info.error == (
        "Linear 'fc1' expects 2-D or 3-D input, got (N, 64, 8, 8): insert a Flatten before 'fc1'"
    )
    assert info.inputs == (TensorInfo((2, 64, 8, 8)),)
    assert shapes.info("output").pending
    assert shapes.info("output").error is None

    graph.disconnect(Edge("conv1", "out", "fc1", "in"))
    graph.add_node("Flatten", node_id="flat")
    graph.connect("conv1", "out", "flat", "in")
    graph.connect("flat", "out", "fc1", "in")
    assert shapes.info("fc1").ok
    assert shapes.info("fc1").resolved["in_features"] == 64 * 8 * 8
    assert shapes.info("output").output.describe() == "N×10"


def test_edge_tensor_and_describe() -> None:
    graph, shapes = conv_into_linear()
    wire = graph.edge_into("fc1", "in")
    tensor = shapes.edge_tensor(wire)
    assert tensor == TensorInfo((2, 64, 8, 8), "float32")
    assert tensor.describe() == "N×64×8×8"
    assert str(tensor) == "(N, 64, 8, 8)"
    # nothing is known downstream of an error
    assert shapes.edge_tensor(graph.edge_into("output", "in")) is None


def test_would_accept_previews_a_wire_without_changing_anything() -> None:
    graph, shapes = conv_into_linear()
    shapes.update()
    fc1 = graph.node("fc1")
    assert "insert a Flatten before 'fc1'" in shapes.would_accept(fc1, [TensorInfo((2, 64, 8, 8))])
    assert shapes.would_accept(fc1, [TensorInfo((2, 4096))]) is None
    assert not shapes.dirty
    assert shapes.info("fc1").error is not None


def test_embedding_after_a_float_input_asks_for_int64() -> None:
    _, shapes = single((20,), "Embedding")
    assert shapes.info("x").error == (
        "Embedding 'x' needs integer token ids but gets float32: set the Input's dtype to int64"
    )


def test_embedding_after_an_int64_input_gives_vectors() -> None:
    _, shapes = single((20,), "Embedding", dtype="int64", embedding_dim=8)
    assert shapes.info("x").output == TensorInfo((2, 20, 8), "float32")


def test_linear_after_an_int64_input_asks_for_an_embedding() -> None:
    _, shapes = single((20,), "Linear", dtype="int64")
    assert shapes.info("x").error == (
        "Linear 'x' needs floating-point input but gets int64 token ids: insert an Embedding "
        "before 'x', or set the Input's dtype to float32"
    )


@pytest.mark.parametrize(
    ("sample", "type_id", "params", "fragments"),
    [
        (
            (10, 30),
            "MultiheadAttention",
            {"num_heads": 4},
            ["MultiheadAttention 'x': ", "divisible", ": change its parameters"],
        ),
        (
            (10, 30),
            "TransformerEncoderLayer",
            {"nhead": 4},
            ["TransformerEncoderLayer 'x': ", "change its parameters"],
        ),
        ((12, 4, 4), "GroupNorm", {"num_groups": 8}, ["GroupNorm 'x': ", "change its parameters"]),
        (
            (3, 1, 1),
            "MaxPool2d",
            {"kernel_size": 2},
            [
                "MaxPool2d 'x' cannot take input (N, 3, 1, 1): ",
                "change its parameters or the layers",
            ],
        ),
        (
            (3, 2, 2),
            "Conv2d",
            {"kernel_size": 3},
            ["Conv2d 'x' cannot take input (N, 3, 2, 2): ", "change its parameters or the layers"],
        ),
        ((784,), "Unflatten", {"unflattened_size": (3, 28, 28)}, ["Unflatten 'x' cannot take"]),
        ((784,), "Reshape", {"shape": (5, -1)}, ["Reshape 'x' cannot take input (N, 784)"]),
        ((16, 8, 8), "Upsample", {"mode": "linear"}, ["Upsample 'x' cannot take"]),
    ],
    ids=[
        "heads-do-not-divide",
        "nhead-does-not-divide",
        "groups-do-not-divide",
        "pool-below-1",
        "kernel-larger-than-input",
        "unflatten-wrong-product",
        "reshape-wrong-size",
        "upsample-mode-for-other-rank",
    ],
)
def test_invalid_parameter_combinations_are_errors_naming_the_node(
    sample: tuple[int, ...], type_id: str, params: dict[str, Any], fragments: list[str]
) -> None:
    graph, shapes = single(sample, type_id, **params)
    graph.add_node("Output", node_id="output")
    graph.connect("x", "out", "output", "in")
    info = shapes.info("x")
    assert info.error is not None
    assert "\n" not in info.error
    for fragment in fragments:
        assert fragment in info.error
    assert info.outputs == {}
    assert not info.pending
    assert shapes.info("output").pending


def test_rank_errors_use_the_layer_hint() -> None:
    _, shapes = single((784,), "Conv2d")
    assert shapes.info("x").error == (
        "Conv2d 'x' expects 4-D input, got (N, 784): '{name}' needs (N, C, H, W) input: set the "
        "Input shape to include channels, or insert an Unflatten or Reshape before it"
    ).replace("{name}", "x")
    _, shapes = single((784,), "LSTM")
    assert shapes.info("x").error.startswith("LSTM 'x' expects 3-D input, got (N, 784): 'x' needs")


def test_a_layer_that_changes_the_batch_dimension_is_an_error() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="a", params={"shape": (16,)})
    graph.add_node("Concat", node_id="cat", name="cat", params={"dim": 0})
    graph.connect("a", "out", "cat", "in1")
    graph.connect("a", "out", "cat", "in2")
    info = ShapeInference(graph).info("cat")
    assert info.error is not None
    assert info.error.startswith("Concat 'cat'")
    assert "batch" in info.error


# --- pending -------------------------------------------------------------------------------


def test_unconnected_inputs_leave_the_node_pending() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", node_id="fc1")
    graph.add_node("Output", node_id="output")
    graph.add_node("Input", node_id="input", params={"shape": [784]})
    graph.add_node("Add", node_id="add")
    graph.connect("input", "out", "add", "in1")
    shapes = ShapeInference(graph)
    for node_id in ("fc1", "output", "add"):
        info = shapes.info(node_id)
        assert info.pending
        assert info.error is None
        assert info.output is None
        assert info.outputs == {}
        assert not info.ok
    assert shapes.info("add").inputs == (TensorInfo((2, 784)), None)
    assert shapes.info("fc1").macs is None


def test_merges_check_their_inputs() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="a", params={"shape": (16,)})
    graph.add_node("Input", node_id="b", params={"shape": (8,)})
    graph.add_node("Concat", node_id="cat")
    graph.connect("a", "out", "cat", "in1")
    graph.connect("b", "out", "cat", "in2")
    graph.add_node("Add", node_id="add")
    graph.connect("a", "out", "add", "in1")
    graph.connect("b", "out", "add", "in2")
    shapes = ShapeInference(graph)
    assert shapes.info("cat").output.describe() == "N×24"
    error = shapes.info("add").error
    assert error.startswith("Add 'add' needs inputs of one shape, got (N, 16) and (N, 8): ")


# --- incremental ---------------------------------------------------------------------------


def test_update_with_nothing_to_do_recomputes_nothing(inference: ShapeInference) -> None:
    assert inference.recomputed == 7
    assert not inference.dirty
    assert inference.update() == set()
    assert inference.infos()["fc3"].ok
    assert inference.recomputed == 7


def test_changing_the_last_linear_recomputes_it_and_downstream_only(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    before = inference.recomputed
    mlp_graph.set_params("fc3", {"out_features": 20})
    assert inference.dirty
    assert inference.update() == {"fc3", "output"}
    assert inference.recomputed - before == 2
    assert inference.info("output").output.describe() == "N×20"
    assert inference.info("fc3").param_count == 128 * 20 + 20


def test_changing_a_middle_layer_recomputes_what_its_output_reaches(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    mlp_graph.set_params("fc2", {"out_features": 64})
    # fc3 takes a new input but still gives N×10, so the Output is left alone
    assert inference.update() == {"fc2", "relu2", "fc3"}
    assert inference.info("fc3").resolved["in_features"] == 64


def test_renaming_does_not_recompute_successors(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    before = inference.recomputed
    mlp_graph.rename("fc1", "hidden")
    assert inference.update() == {"fc1"}  # its own messages carry the name
    assert inference.recomputed - before == 1


def test_renaming_updates_the_error_message(mlp_graph: NetworkGraph) -> None:
    mlp_graph.set_params("fc1", {"in_features": 3})
    shapes = ShapeInference(mlp_graph)
    assert shapes.info("fc1").error.startswith("Linear 'fc1'")
    mlp_graph.rename("fc1", "hidden")
    assert shapes.info("fc1").error.startswith("Linear 'hidden'")


def test_adding_a_node_and_a_wire_recomputes_only_that_node(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    before = inference.recomputed
    mlp_graph.add_node("Softmax", node_id="probs")
    mlp_graph.connect("fc3", "out", "probs", "in")
    assert inference.update() == {"probs"}
    assert inference.recomputed - before == 1
    assert inference.info("probs").output.describe() == "N×10"


def test_moving_a_node_recomputes_nothing(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    mlp_graph.move("fc2", (300, 100))
    assert not inference.dirty
    assert inference.update() == set()


def test_an_edit_that_keeps_the_output_shape_stops_propagating() -> None:
    graph = NetworkGraph()
    chain(
        graph,
        ("input", "Input", {}),
        ("fc1", "Linear", {"out_features": 64}),
        ("drop", "Dropout", {"p": 0.5}),
        ("fc2", "Linear", {}),
        ("output", "Output", {}),
    )
    shapes = ShapeInference(graph)
    shapes.update()
    before = shapes.recomputed
    graph.set_params("drop", {"p": 0.2})
    assert shapes.update() == {"drop"}
    assert shapes.recomputed - before == 1
    # pinning in_features to the value it already has changes fc1's params, not its output
    graph.set_params("fc1", {"in_features": 784})
    assert shapes.update() == {"fc1"}


def test_an_edit_undone_before_update_recomputes_nothing(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    before = inference.recomputed
    mlp_graph.set_params("fc2", {"out_features": 64})
    mlp_graph.set_params("fc2", {"out_features": 128})
    assert inference.update() == set()
    assert inference.recomputed == before


def test_removing_a_node_drops_its_info_and_leaves_successors_pending(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    mlp_graph.remove_node("relu2")
    assert inference.update() == {"fc3", "output"}
    assert "relu2" not in inference.infos()
    with pytest.raises(KeyError):
        inference.info("relu2")
    assert inference.info("fc3").pending
    assert inference.info("output").pending
    assert inference.total_params() == MLP_PARAMS["fc1"] + MLP_PARAMS["fc2"]


def test_rewiring_recomputes_downstream(mlp_graph: NetworkGraph, inference: ShapeInference) -> None:
    mlp_graph.disconnect(Edge("relu1", "out", "fc2", "in"))
    mlp_graph.connect("input", "out", "fc2", "in")
    assert inference.update() == {"fc2"}  # fc2's output stays N×128
    assert inference.info("fc2").resolved["in_features"] == 784


def test_clear_drops_everything(mlp_graph: NetworkGraph, inference: ShapeInference) -> None:
    mlp_graph.clear()
    assert inference.infos() == {}
    assert inference.total_params() == 0
    mlp_graph.add_node("Input", node_id="input")
    assert inference.update() == {"input"}


def test_close_stops_listening(mlp_graph: NetworkGraph, inference: ShapeInference) -> None:
    inference.close()
    mlp_graph.set_params("fc3", {"out_features": 20})
    assert not inference.dirty
    assert inference.info("fc3").output.describe() == "N×10"


# --- cycles (only a loaded file can hold one) ----------------------------------------------


def cyclic_graph() -> NetworkGraph:
    """input → add.in1; add → fc → add.in2 (the loop); fc → output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": (8,)})
    graph.add_node("Add", node_id="add")
    graph.add_node("Linear", node_id="fc", params={"out_features": 8})
    graph.add_node("Output", node_id="output")
    graph.connect("input", "out", "add", "in1")
    graph.connect("add", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    graph._add_edge(Edge("fc", "out", "add", "in2"))
    return graph


def test_cyclic_nodes_are_pending_and_nothing_raises() -> None:
    graph = cyclic_graph()
    shapes = ShapeInference(graph)
    infos = shapes.infos()
    assert shapes.cyclic_nodes() == {"add", "fc"}
    for node_id in ("add", "fc", "output"):
        assert infos[node_id].pending
        assert infos[node_id].error is None
    assert infos["input"].ok
    assert shapes.total_params() == 0


def test_a_self_loop_is_cyclic() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", node_id="fc")
    graph._add_edge(Edge("fc", "out", "fc", "in"))
    shapes = ShapeInference(graph)
    assert shapes.cyclic_nodes() == {"fc"}
    assert shapes.info("fc").pending


def test_breaking_the_cycle_recovers() -> None:
    graph = cyclic_graph()
    shapes = ShapeInference(graph)
    shapes.update()
    graph.disconnect(Edge("fc", "out", "add", "in2"))
    graph.connect("input", "out", "add", "in2")
    assert shapes.cyclic_nodes() == set()
    assert all(info.ok for info in shapes.infos().values())
    assert shapes.info("output").output.describe() == "N×8"


def test_undoing_a_breaking_edit_reuses_the_earlier_analysis(
    mlp_graph: NetworkGraph, inference: ShapeInference
) -> None:
    """A refused input leaves everything downstream pending; putting it right brings
    the earlier answers back without running the layers again, and they are the same."""
    before = {node_id: info.output for node_id, info in inference.infos().items()}
    mlp_graph.set_params("fc1", {"in_features": 99})  # fc1 refuses its N×784 input
    inference.update()
    assert inference.info("fc1").error is not None
    assert inference.info("fc3").output is None
    ran = inference.recomputed
    mlp_graph.set_params("fc1", {"in_features": None})
    changed = inference.update()
    assert {"fc1", "fc2", "fc3", "output"} <= changed
    assert inference.recomputed == ran  # nothing ran: every answer came from before
    assert {node_id: info.output for node_id, info in inference.infos().items()} == before
    assert inference.info("fc1").ok
