"""The compiler: a graph and a hand-written module with the same weights compute the same thing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
import torch
from torch import fx, nn

from netstudio.core.compiler import CompileError, compile_graph, node_for_error, node_for_module
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference

# --- building graphs -------------------------------------------------------------------------


def chain(graph: NetworkGraph, source: str, *layers: tuple[str, str, dict[str, Any]]) -> str:
    """Add `layers` (type, name, params) wired one after the other from `source`; the last id."""
    for type_id, name, params in layers:
        node = graph.add_node(type_id, name=name, node_id=name, params=params)
        graph.connect(source, "out", node.id, "in")
        source = node.id
    return source


def add_input(graph: NetworkGraph, name: str, shape: tuple[int, ...], **params: Any) -> str:
    return graph.add_node("Input", name=name, node_id=name, params={"shape": shape, **params}).id


def add_output(graph: NetworkGraph, source: str, name: str = "output") -> str:
    node = graph.add_node("Output", name=name, node_id=name)
    graph.connect(source, "out", node.id, "in")
    return node.id


def cifar_graph() -> NetworkGraph:
    graph = NetworkGraph()
    x = add_input(graph, "image", (3, 32, 32))
    last = chain(
        graph,
        x,
        ("Conv2d", "conv1", {"out_channels": 32, "kernel_size": 3, "padding": 1}),
        ("ReLU", "relu1", {}),
        ("MaxPool2d", "pool1", {"kernel_size": 2}),
        ("Conv2d", "conv2", {"out_channels": 64, "kernel_size": 3, "padding": 1}),
        ("ReLU", "relu2", {}),
        ("MaxPool2d", "pool2", {"kernel_size": 2}),
        ("Flatten", "flatten", {}),
        ("Linear", "fc1", {"out_features": 512}),
        ("ReLU", "relu3", {}),
        ("Linear", "fc2", {"out_features": 10}),
    )
    add_output(graph, last)
    return graph


def residual_graph() -> NetworkGraph:
    """conv-bn-relu-conv-bn, added to the block's input, then relu."""
    graph = NetworkGraph()
    x = add_input(graph, "x", (16, 8, 8))
    branch = chain(
        graph,
        x,
        ("Conv2d", "conv1", {"out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False}),
        ("BatchNorm2d", "bn1", {}),
        ("ReLU", "relu1", {}),
        ("Conv2d", "conv2", {"out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False}),
        ("BatchNorm2d", "bn2", {}),
    )
    graph.add_node("Add", name="add", node_id="add")
    graph.connect(x, "out", "add", "in1")
    graph.connect(branch, "out", "add", "in2")
    add_output(graph, chain(graph, "add", ("ReLU", "relu2", {})))
    return graph


def lstm_graph() -> NetworkGraph:
    graph = NetworkGraph()
    tokens = add_input(graph, "tokens", (12,), dtype="int64")
    last = chain(
        graph,
        tokens,
        ("Embedding", "embed", {"num_embeddings": 100, "embedding_dim": 16}),
        ("LSTM", "lstm", {"hidden_size": 24, "output": "last"}),
        ("Linear", "head", {"out_features": 5}),
    )
    add_output(graph, last)
    return graph


def two_way_graph() -> NetworkGraph:
    """Two inputs joined by a Concat, two heads each to its own Output."""
    graph = NetworkGraph()
    a = chain(graph, add_input(graph, "a", (20,)), ("Linear", "fc_a", {"out_features": 16}))
    b = chain(graph, add_input(graph, "b", (12,)), ("Linear", "fc_b", {"out_features": 8}))
    graph.add_node("Concat", name="join", node_id="join")
    graph.connect(a, "out", "join", "in1")
    graph.connect(b, "out", "join", "in2")
    trunk = chain(graph, "join", ("ReLU", "relu", {}))
    add_output(graph, chain(graph, trunk, ("Linear", "classes", {"out_features": 10})), "label")
    add_output(graph, chain(graph, trunk, ("Linear", "score", {"out_features": 1})), "value")
    return graph


# --- the same networks written by hand -------------------------------------------------------


class MLP(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.l1 = nn.Linear(784, 256)
        self.l2 = nn.Linear(256, 128)
        self.l3 = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.l3(torch.relu(self.l2(torch.relu(self.l1(x)))))


class CifarCNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(3, 32, 3, padding=1)
        self.c2 = nn.Conv2d(32, 64, 3, padding=1)
        self.f1 = nn.Linear(4096, 512)
        self.f2 = nn.Linear(512, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = nn.functional.max_pool2d(torch.relu(self.c1(x)), 2)
        x = nn.functional.max_pool2d(torch.relu(self.c2(x)), 2)
        return self.f2(torch.relu(self.f1(x.flatten(1))))


class Residual(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
        self.b1 = nn.BatchNorm2d(16)
        self.c2 = nn.Conv2d(16, 16, 3, padding=1, bias=False)
        self.b2 = nn.BatchNorm2d(16)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(x + self.b2(self.c2(torch.relu(self.b1(self.c1(x))))))


class LastStep(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.emb = nn.Embedding(100, 16)
        self.rnn = nn.LSTM(16, 24, batch_first=True)
        self.out = nn.Linear(24, 5)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        steps, _ = self.rnn(self.emb(tokens))
        return self.out(steps[:, -1])


class TwoWay(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fa = nn.Linear(20, 16)
        self.fb = nn.Linear(12, 8)
        self.cls = nn.Linear(24, 10)
        self.val = nn.Linear(24, 1)

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = torch.relu(torch.cat([self.fa(a), self.fb(b)], dim=1))
        return self.cls(h), self.val(h)


def graph_key(key: str, names: Mapping[str, str]) -> str:
    """The graph's name of the hand-written weight `key` (``l1.weight`` -> ``fc1.weight``)."""
    prefix, _, rest = key.partition(".")
    return f"{names[prefix]}.{rest}"


def copy_weights(gm: fx.GraphModule, hand: nn.Module, names: Mapping[str, str]) -> None:
    """Load `gm`'s weights into `hand`; `names` maps hand-written prefixes to graph prefixes."""
    state = gm.state_dict()
    mapped = {key: state.pop(graph_key(key, names)) for key in hand.state_dict()}
    assert not state, f"graph weights with no hand-written twin: {sorted(state)}"
    hand.load_state_dict(mapped, strict=True)


def assert_same(
    gm: fx.GraphModule, hand: nn.Module, inputs: Sequence[torch.Tensor], names: Mapping[str, str]
) -> None:
    """Equal outputs and equal gradients, bit for bit."""
    got, want = gm(*inputs), hand(*inputs)
    got = got if isinstance(got, tuple) else (got,)
    want = want if isinstance(want, tuple) else (want,)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert torch.equal(g, w)
    sum(g.square().sum() for g in got).backward()
    sum(w.square().sum() for w in want).backward()
    graph_params = dict(gm.named_parameters())
    assert len(graph_params) == len(list(hand.parameters()))
    for key, param in hand.named_parameters():
        grad = graph_params[graph_key(key, names)].grad
        assert grad is not None, key
        assert torch.equal(grad, param.grad), key


# --- tests -----------------------------------------------------------------------------------


def test_mnist_mlp_matches_hand_written(mlp_graph: NetworkGraph) -> None:
    gm = compile_graph(mlp_graph)
    assert sum(p.numel() for p in gm.parameters()) == 235_146
    hand = MLP()
    names = {"l1": "fc1", "l2": "fc2", "l3": "fc3"}
    copy_weights(gm, hand, names)
    assert_same(gm, hand, [torch.randn(64, 784)], names)


def test_cifar_cnn_matches_hand_written() -> None:
    gm = compile_graph(cifar_graph())
    hand = CifarCNN()
    names = {"c1": "conv1", "c2": "conv2", "f1": "fc1", "f2": "fc2"}
    copy_weights(gm, hand, names)
    assert_same(gm, hand, [torch.randn(8, 3, 32, 32)], names)


@pytest.mark.parametrize("training", [True, False])
def test_residual_block_matches_hand_written(training: bool) -> None:
    gm = compile_graph(residual_graph())
    hand = Residual()
    names = {"c1": "conv1", "b1": "bn1", "c2": "conv2", "b2": "bn2"}
    copy_weights(gm, hand, names)
    gm.train(training)
    hand.train(training)
    assert_same(gm, hand, [torch.randn(4, 16, 8, 8)], names)
    assert torch.equal(gm.bn1.running_mean, hand.b1.running_mean)
    assert "add = self.add(x, bn2)" in gm.code


def test_lstm_classifier_matches_hand_written() -> None:
    gm = compile_graph(lstm_graph())
    hand = LastStep()
    names = {"emb": "embed", "rnn": "lstm.rnn", "out": "head"}
    copy_weights(gm, hand, names)
    tokens = torch.randint(0, 100, (6, 12))
    assert gm(tokens).shape == (6, 5)
    assert_same(gm, hand, [tokens], names)


def test_two_inputs_two_outputs_match_hand_written() -> None:
    graph = two_way_graph()
    gm = compile_graph(graph)
    hand = TwoWay()
    names = {"fa": "fc_a", "fb": "fc_b", "cls": "classes", "val": "score"}
    copy_weights(gm, hand, names)
    a, b = torch.randn(5, 20), torch.randn(5, 12)
    assert_same(gm, hand, [a, b], names)
    label, value = gm(a, b)
    assert (label.shape, value.shape) == ((5, 10), (5, 1))
    assert gm.meta["netstudio"]["inputs"] == ["a", "b"]
    assert gm.meta["netstudio"]["outputs"] == ["label", "value"]
    assert "def forward(self, a : torch.Tensor, b : torch.Tensor)" in gm.code
    assert "join = self.join(fc_a, fc_b)" in gm.code
    assert "return (classes, score)" in gm.code


def test_generated_code_reads_like_hand_written(mlp_graph: NetworkGraph) -> None:
    gm = compile_graph(mlp_graph, class_name="MnistMLP")
    code = gm.code
    for call in ("fc1 = self.fc1(", "relu1 = self.relu1(fc1)", "fc3 = self.fc3(relu2)"):
        assert call in code
    assert "return fc3" in code
    assert type(gm).__name__ == "MnistMLP"
    assert [name for name, _ in gm.named_children()] == ["fc1", "relu1", "fc2", "relu2", "fc3"]
    # only module calls: nothing is interpreted per call
    assert {n.op for n in gm.graph.nodes} == {"placeholder", "call_module", "output"}


def test_meta_maps_modules_back_to_nodes(mlp_graph: NetworkGraph) -> None:
    gm = compile_graph(mlp_graph)
    meta = gm.meta["netstudio"]
    assert meta["modules"] == {n: n for n in ("fc1", "relu1", "fc2", "relu2", "fc3")}
    assert meta["inputs"] == ["input"]
    assert meta["outputs"] == ["output"]
    assert node_for_module(gm, "fc2") == "fc2"
    assert node_for_module(gm, "fc2.weight") == "fc2"
    assert node_for_module(gm, "nothing") is None
    lstm = compile_graph(lstm_graph())
    assert node_for_module(lstm, "lstm.rnn") == "lstm"


def test_runtime_error_is_traced_to_its_node(mlp_graph: NetworkGraph) -> None:
    gm = compile_graph(mlp_graph)
    with pytest.raises(RuntimeError) as caught:
        gm(torch.randn(2, 700))
    assert node_for_error(gm, caught.value) == "fc1"
    assert node_for_error(gm, ValueError("elsewhere")) is None


def test_awkward_names_compile() -> None:
    graph = NetworkGraph()
    x = add_input(graph, "input", (8,))
    last = chain(graph, x)
    for name, type_id in [
        ("fc 1", "Linear"),
        ("fc_1", "Linear"),
        ("class", "ReLU"),
        ("forward", "Identity"),
        ("graph", "Identity"),
        ("3rd", "Tanh"),
        ("sum", "Identity"),
        ("torch", "Identity"),
    ]:
        node = graph.add_node(type_id, name=name)
        graph.connect(last, "out", node.id, "in")
        last = node.id
    add_output(graph, last)
    gm = compile_graph(graph)
    attrs = [name for name, _ in gm.named_children()]
    assert all(a.isidentifier() for a in attrs)
    assert len(set(attrs)) == len(attrs) == 8
    assert attrs[:2] == ["fc_1", "fc_1_2"]
    assert isinstance(gm.graph_, nn.Identity)  # GraphModule.graph stays the fx graph
    assert isinstance(gm.graph, fx.Graph)
    names = {graph.node(node_id).name for node_id in gm.meta["netstudio"]["modules"].values()}
    assert names == {"fc 1", "fc_1", "class", "forward", "graph", "3rd", "sum", "torch"}
    assert gm(torch.randn(3, 8)).shape == (3, 10)


def test_names_alike_under_nfkc_compile_to_distinct_modules_called_in_order() -> None:
    """``self.ﬁ`` in generated source *is* ``self.fi`` (Python reads identifiers NFKC-normalised):
    the two layers once shared one attribute and the forward silently called the wrong one."""
    graph = NetworkGraph()
    last = add_input(graph, "x", (4,))
    for node_id, name, units in [("a", "ﬁ", 3), ("b", "fi", 5), ("c", "fc²", 2), ("d", "ｆｃ2", 6)]:
        graph.add_node("Linear", node_id=node_id, name=name, params={"out_features": units})
        graph.connect(last, "out", node_id, "in")
        last = node_id
    add_output(graph, last)
    gm = compile_graph(graph)
    attrs = [name for name, _ in gm.named_children()]
    assert attrs == ["fi", "fi_2", "fc2", "fc2_2"]
    assert all(attr.isascii() and attr.isidentifier() for attr in attrs)
    assert gm.meta["netstudio"]["modules"] == {"fi": "a", "fi_2": "b", "fc2": "c", "fc2_2": "d"}
    x = torch.randn(3, 4)
    expected = gm.fc2_2(gm.fc2(gm.fi_2(gm.fi(x))))
    assert torch.equal(gm(x), expected)
    assert gm.code.isascii()


def test_invalid_graph_raises_naming_the_node() -> None:
    graph = NetworkGraph()
    x = add_input(graph, "image", (1, 28, 28))
    add_output(graph, chain(graph, x, ("Linear", "fc1", {"out_features": 10})))
    with pytest.raises(CompileError) as caught:
        compile_graph(graph)
    error = caught.value
    assert error.node_id == "fc1"
    assert str(error).startswith("fc1: Linear 'fc1' expects")
    assert "Flatten" in str(error)
    assert [p.node_id for p in error.problems] == ["fc1"]


def test_missing_output_and_open_port_are_reported() -> None:
    graph = NetworkGraph()
    x = add_input(graph, "x", (4,))
    chain(graph, x, ("Linear", "fc1", {"out_features": 3}))
    graph.add_node("Add", name="add", node_id="add")
    graph.connect("fc1", "out", "add", "in1")
    with pytest.raises(CompileError) as caught:
        compile_graph(graph)
    lines = str(caught.value).splitlines()
    assert any(line.startswith("graph: the network has no Output") for line in lines)
    assert any(line.startswith("add: input 'in2'") for line in lines)


def test_warnings_do_not_stop_compiling_and_dead_ends_are_left_out() -> None:
    graph = NetworkGraph()
    x = add_input(graph, "x", (4,))
    add_output(graph, chain(graph, x, ("Linear", "fc1", {"out_features": 3})))
    chain(graph, "fc1", ("Linear", "unused", {"out_features": 7}))
    gm = compile_graph(graph)
    assert not hasattr(gm, "unused")
    assert gm(torch.randn(2, 4)).shape == (2, 3)


def test_given_inference_is_used_and_kept_open(mlp_graph: NetworkGraph) -> None:
    inference = ShapeInference(mlp_graph)
    compile_graph(mlp_graph, inference)
    mlp_graph.set_params("fc3", {"out_features": 4})
    gm = compile_graph(mlp_graph, inference)
    assert gm.fc3.out_features == 4
    assert gm(torch.randn(2, 784)).shape == (2, 4)


def test_input_fed_straight_to_output_and_weights_on_cpu() -> None:
    graph = NetworkGraph()
    x = add_input(graph, "x", (4,))
    add_output(graph, x, "same")
    add_output(graph, chain(graph, x, ("Linear", "fc", {"out_features": 2})), "fc_out")
    gm = compile_graph(graph)
    data = torch.randn(3, 4)
    same, out = gm(data)
    assert same is data
    assert out.shape == (3, 2)
    assert all(p.device.type == "cpu" for p in gm.parameters())
