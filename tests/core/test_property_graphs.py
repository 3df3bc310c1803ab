"""Random valid graphs: shape inference, the compiler and a real forward pass agree on every shape.

Each example grows a network one layer at a time from random sources, keeping its own account of
the shape each layer makes, so every graph is valid by construction. Every dead end gets an
Output, so every layer runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import validate

Shape = tuple[int, ...]  # one sample's shape, without the batch dimension

#: Node names that are not identifiers, to exercise the compiler's naming.
NAMES = st.none() | st.text(alphabet="ab1 _-.", min_size=1, max_size=4)


@dataclass
class Network:
    """The graph being grown and the shape each node's output must have."""

    graph: NetworkGraph = field(default_factory=NetworkGraph)
    shapes: dict[str, Shape] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def add(
        self, data: st.DataObject, type_id: str, sources: list[str], makes: Shape, **params: object
    ) -> str:
        """Add a layer fed by `sources` (in port order) whose output shape should be `makes`."""
        name = data.draw(NAMES)
        taken = name is None or not name.strip() or name.strip() in {n.name for n in self.graph}
        node = self.graph.add_node(type_id, name=None if taken else name, params=params)
        ports = node.input_ports
        for source, port in zip(sources, ports, strict=True):
            self.graph.connect(source, "out", node.id, port)
        self.used.update(sources)
        self.shapes[node.id] = makes
        return node.id


def grow_layer(data: st.DataObject, net: Network) -> None:
    """Add one random layer that fits the shape of a random existing node."""
    source = data.draw(st.sampled_from(sorted(net.shapes)))
    shape = net.shapes[source]
    same = [n for n, s in sorted(net.shapes.items()) if s == shape]
    if len(shape) == 1:
        ops = ["Linear", "Linear", "ReLU", "Dropout", "LayerNorm", "BatchNorm1d", "Add", "Concat"]
        joinable = [n for n, s in sorted(net.shapes.items()) if len(s) == 1]
    else:
        ops = ["Conv2d", "Conv2d", "BatchNorm2d", "ReLU", "Dropout", "Add", "Concat", "Flatten"]
        if min(shape[1:]) >= 2:
            ops.append("MaxPool2d")
        joinable = [n for n, s in sorted(net.shapes.items()) if s[1:] == shape[1:]]
    op = data.draw(st.sampled_from(ops))
    if op == "Linear":
        units = data.draw(st.integers(1, 16))
        net.add(data, op, [source], (units,), out_features=units)
    elif op in ("ReLU", "LayerNorm", "BatchNorm1d", "BatchNorm2d"):
        net.add(data, op, [source], shape)
    elif op == "Dropout":
        net.add(data, op, [source], shape, p=data.draw(st.sampled_from([0.0, 0.25, 0.5])))
    elif op == "Add":
        others = data.draw(st.lists(st.sampled_from(same), min_size=1, max_size=2))
        net.add(data, op, [source, *others], shape, inputs=1 + len(others))
    elif op == "Concat":
        others = data.draw(st.lists(st.sampled_from(joinable), min_size=1, max_size=2))
        sources = [source, *others]
        joined = sum(net.shapes[n][0] for n in sources)
        net.add(data, op, sources, (joined, *shape[1:]), inputs=len(sources), dim=1)
    elif op == "Flatten":
        net.add(data, op, [source], (shape[0] * shape[1] * shape[2],))
    elif op == "MaxPool2d":
        net.add(data, op, [source], (shape[0], shape[1] // 2, shape[2] // 2), kernel_size=2)
    else:  # Conv2d
        _, height, width = shape
        padding = data.draw(st.integers(0, 1))
        kernel = data.draw(st.integers(1, min(3, height + 2 * padding, width + 2 * padding)))
        stride = data.draw(st.integers(1, 2))
        filters = data.draw(st.integers(1, 6))
        size = [(d + 2 * padding - kernel) // stride + 1 for d in (height, width)]
        net.add(
            data,
            op,
            [source],
            (filters, *size),
            out_channels=filters,
            kernel_size=kernel,
            stride=stride,
            padding=padding,
        )


def random_network(data: st.DataObject, images: bool) -> Network:
    net = Network()
    for _ in range(data.draw(st.integers(1, 2))):
        if images:
            shape = tuple(data.draw(st.integers(1, n)) for n in (4, 12, 12))
        else:
            shape = (data.draw(st.integers(1, 24)),)
        net.add(data, "Input", [], shape, shape=shape)
    for _ in range(data.draw(st.integers(1, 8))):
        grow_layer(data, net)
    for node_id in sorted(set(net.shapes) - net.used):
        output = net.graph.add_node("Output")
        net.graph.connect(node_id, "out", output.id, "in")
    return net


def check_network(net: Network, batch: int) -> None:
    graph = net.graph
    inference = ShapeInference(graph)
    for node in graph:
        info = inference.info(node.id)
        assert info.ok, (node, info.error)
    assert [p for p in validate(graph, inference) if p.severity == "error"] == []

    gm = compile_graph(graph, inference)
    meta = gm.meta["netstudio"]
    layers = {n.id for n in graph if n.spec.role == "layer"}
    assert set(meta["modules"].values()) == layers

    seen: dict[str, tuple[int, ...]] = {}
    for attr, node_id in meta["modules"].items():

        def record(_module, _args, out, node_id=node_id):
            seen[node_id] = tuple(out.shape)

        getattr(gm, attr).register_forward_hook(record)
    inputs = [torch.randn(batch, *net.shapes[node_id]) for node_id in meta["inputs"]]
    results = as_tuple(gm(*inputs))

    assert seen.keys() == layers
    for node_id in layers:
        inferred = inference.info(node_id).output
        assert inferred is not None
        assert (batch, *inferred.shape[1:]) == seen[node_id], graph.node(node_id)
        assert seen[node_id] == (batch, *net.shapes[node_id]), graph.node(node_id)
    assert len(results) == len(meta["outputs"])
    for node_id, tensor in zip(meta["outputs"], results, strict=True):
        inferred = inference.info(node_id).output
        assert inferred is not None
        assert (batch, *inferred.shape[1:]) == tuple(tensor.shape)

    # the generated code wires what the graph wires: compare with running the layers one by one
    gm.eval()
    with torch.no_grad():
        assert all(map(torch.equal, as_tuple(gm(*inputs)), run_by_hand(gm, graph, inputs)))


def as_tuple(result: torch.Tensor | tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
    return result if isinstance(result, tuple) else (result,)


def run_by_hand(
    gm: torch.fx.GraphModule, graph: NetworkGraph, inputs: list[torch.Tensor]
) -> list[torch.Tensor]:
    """The outputs got by calling `gm`'s layers along the graph's wires, in topological order."""
    meta = gm.meta["netstudio"]
    attrs = {node_id: attr for attr, node_id in meta["modules"].items()}
    values = dict(zip(meta["inputs"], inputs, strict=True))

    def arriving(node_id: str, port: str) -> torch.Tensor:
        edge = graph.edge_into(node_id, port)
        assert edge is not None
        return values[edge.src]

    for node_id in graph.topological_order():
        node = graph.node(node_id)
        if node.spec.role == "layer":
            args = [arriving(node_id, port) for port in node.input_ports]
            values[node_id] = getattr(gm, attrs[node_id])(*args)
    return [arriving(node_id, "in") for node_id in meta["outputs"]]


@settings(max_examples=25, deadline=None)
@given(data=st.data(), batch=st.integers(2, 4))
def test_random_feature_graphs(data: st.DataObject, batch: int) -> None:
    check_network(random_network(data, images=False), batch)


@settings(max_examples=25, deadline=None)
@given(data=st.data(), batch=st.integers(2, 4))
def test_random_image_graphs(data: st.DataObject, batch: int) -> None:
    check_network(random_network(data, images=True), batch)
