"""Fixtures of the file tests: a project that uses every layer type, and small file texts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from netstudio.core.catalogue import LayerSpec, catalogue
from netstudio.core.graph import NetworkGraph
from netstudio.core.params import ParamSpec
from netstudio.io import Project, dumps_project


def non_default(param: ParamSpec) -> Any:
    """A valid value of `param` that is not its default, so a round trip cannot hide a loss."""
    default = param.default
    if param.kind == "bool":
        return not default
    if param.kind == "choice":
        return next(choice for choice in param.choices if choice != default)
    if param.kind == "int":
        if default is None:
            return 7
        return (
            default - 1 if param.maximum is not None and default >= param.maximum else default + 1
        )
    if param.kind == "float":
        return default / 2 if default else 0.25
    if param.kind in ("ints", "floats"):
        if default is None:
            return (2,) * (param.length or 1)
        return tuple(v + 1 for v in default)
    if param.kind == "str":  # the Function layer's callable and its JSON arguments
        values = {"function": "torch.sum", "args": "[1]", "kwargs": '{"keepdim": true}'}
        return values.get(param.name, "x")
    raise AssertionError(f"no non-default value for {param.kind} parameter {param.name}")


def every_layer_graph() -> NetworkGraph:
    """Every layer type once (merges with 3 inputs), each parameter off its default, in a chain
    Input -> ... -> Output; the merges' extra inputs come from the Input."""
    specs: list[LayerSpec] = list(catalogue())
    order = (
        [s for s in specs if s.role == "input"]
        + [s for s in specs if s.role == "layer"]
        + [s for s in specs if s.role == "output"]
    )
    graph = NetworkGraph()
    nodes = []
    for k, spec in enumerate(order):
        params = {p.name: non_default(p) for p in spec.params}
        node = graph.add_node(spec.type_id, params=params, position=(12.5 * k, -3.25 * k))
        ports = node.input_ports
        if nodes and ports:
            graph.connect(nodes[-1].id, "out", node.id, ports[0])
            for port in ports[1:]:
                graph.connect(nodes[0].id, "out", node.id, port)
        nodes.append(node)
    return graph


@pytest.fixture
def every_layer_project() -> Project:
    return Project(
        every_layer_graph(),
        name="Réseau ✓ every layer",
        description="first line\nsecond line",
        data={"zeta": 1, "alpha": {"b": [1, 2.5], "a": None}},
        training={"optimizer": {"name": "Adam", "lr": 0.001}, "epochs": 3},
        runs=[{"id": "run-1", "metrics": {"loss": [0.5, 0.25]}}],
        view={"zoom": 1.5, "center": [0.0, 10.0]},
    )


@pytest.fixture
def mlp_file(mlp_graph: NetworkGraph) -> dict[str, Any]:
    """The canonical file of the MNIST MLP as a fresh JSON dict, to be spoiled by a test."""
    return json.loads(dumps_project(Project(mlp_graph, name="MNIST MLP")))
