"""A small digits project to search: the digits MLP, narrow, one epoch, a fixed seed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from netstudio.examples.make_examples import digits_mlp
from netstudio.io import Project

#: A space whose first trial is reliably worse than the best: a learning rate that learns
#: nothing in one epoch beside one that learns a lot.
SPACE: list[dict[str, Any]] = [
    {"target": "training.optimizer.lr", "domain": {"kind": "choice", "values": [1e-5, 0.02]}},
    {"target": "fc1.out_features", "domain": {"kind": "int", "low": 8, "high": 24}},
    {"target": "dropout.p", "domain": {"kind": "float", "low": 0.0, "high": 0.3}},
]


def small_digits(**search: Any) -> Project:
    """The digits MLP trained for one epoch, with a search of `SPACE` (or `search`'s keys)."""
    project = digits_mlp()
    project.graph.set_params("fc1", {"out_features": 16})
    project.training["epochs"] = 1
    project.training["batch_size"] = 64
    project.training["regularization"] = {}
    project.search = {
        "epochs": 1,
        "trials": 4,
        "pruner": "none",
        "seed": 0,
        "parameters": copy.deepcopy(SPACE),
        **search,
    }
    return project


@pytest.fixture
def digits_project() -> Project:
    return small_digits()


@pytest.fixture(autouse=True)
def one_torch_thread():
    """Tiny networks train fastest on one thread; on a shared machine two threads of a tiny
    MLP spend most of their time waiting for each other (subprocesses get OMP_NUM_THREADS)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
