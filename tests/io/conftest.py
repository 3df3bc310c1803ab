"""Fixtures of the file tests: a project that uses every layer type, and small file texts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from netstudio.core.catalogue import LayerSpec, catalogue
from netstudio.core.graph import NetworkGraph
from netstudio.core.params import ParamSpec
from netstudio.io import Project, dumps_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig


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
        # Keys out of the models' order, and values in the forms JSON allows (1 for 1.0, a
        # list for a pair): a round trip keeps them as they are.
        data={"val_fraction": 0.25, "source": "spiral", "params": {"zeta": 1, "alpha": 2.5}},
        training={"optimizer": {"lr": 1, "type": "adamw", "betas": [0.8, 0.9]}, "epochs": 3},
        runs=[run_record()],
        view={"centre": [0.0, 10.0], "zoom": 1.5},
    )


def run_record() -> dict[str, Any]:
    """A finished run's record as the app writes it (`TrainingSession._record`)."""
    epochs = [
        {
            "epoch": i,
            "train_loss": loss,
            "train_accuracy": 0.5 + i / 10,
            "val_loss": loss * 1.1,
            "val_accuracy": 0.4 + i / 10,
            "lr": 0.001,
            "seconds": 0.25,
            "samples_per_second": 5000.0,
        }
        for i, loss in ((1, 0.5), (2, 0.25))
    ]
    return {
        "id": "20260101-120000",
        "name": "Run 1",
        "started": "2026-01-01T12:00:00",
        "seconds": 1.5,
        "status": "finished",
        "data": DataConfig().model_dump(mode="json"),
        "training": TrainingConfig().model_dump(mode="json"),
        "epochs": epochs,
        "best_epoch": 2,
        "weights": "last",
        "best": {"epoch": 2, "val_accuracy": 0.6, "val_loss": 0.275, "train_loss": 0.25},
        "last": {"epoch": 2, "val_accuracy": 0.6, "val_loss": 0.275, "train_loss": 0.25},
        "test_accuracy": 0.58,
        "test_loss": 0.3,
        "run_dir": "model.runs/20260101-120000",
        "error": None,
    }


@pytest.fixture
def mlp_file(mlp_graph: NetworkGraph) -> dict[str, Any]:
    """The file of the MNIST MLP as a fresh JSON dict, to be spoiled by a test: a version 2
    file (one top-level ``graph``), so the problems read at the paths it has, through the
    migration to version 3 (``tests/io/test_format_v3.py`` spoils version 3 files)."""
    return as_version_2(json.loads(dumps_project(Project(mlp_graph, name="MNIST MLP"))))


def as_version_2(raw: dict[str, Any]) -> dict[str, Any]:
    """A version 3 file of one network as version 2 wrote it: its graph at the top."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "version":
            out[key] = 2
        elif key == "networks":
            (network,) = value
            out["graph"] = network["graph"]
        elif key != "main":
            out[key] = value
    return out
