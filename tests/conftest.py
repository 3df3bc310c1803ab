"""Fixtures shared by the whole test suite (no Qt here: GUI fixtures live in tests/gui)."""

from __future__ import annotations

import os
from itertools import pairwise

# One PyTorch thread per test process (and the processes tests start), set before anything
# imports torch: the suite trains tiny networks, whose threads mostly wait for each other, and
# two test processes (`-n 2`) with two threads each on two cores halve each other's speed.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import pytest

from netstudio.core.graph import NetworkGraph

MLP_CHAIN = ("input", "fc1", "relu1", "fc2", "relu2", "fc3", "output")


@pytest.fixture
def mlp_graph() -> NetworkGraph:
    """The classic MNIST MLP, 784-256-128-10 with ReLU, wired in a chain.

    Node ids (and names) are input, fc1, relu1, fc2, relu2, fc3, output.
    """
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": (784,)})
    graph.add_node("Linear", node_id="fc1", name="fc1", params={"out_features": 256})
    graph.add_node("ReLU", node_id="relu1", name="relu1")
    graph.add_node("Linear", node_id="fc2", name="fc2", params={"out_features": 128})
    graph.add_node("ReLU", node_id="relu2", name="relu2")
    graph.add_node("Linear", node_id="fc3", name="fc3", params={"out_features": 10})
    graph.add_node("Output", node_id="output", name="output")
    for src, dst in pairwise(MLP_CHAIN):
        graph.connect(src, "out", dst, "in")
    return graph
