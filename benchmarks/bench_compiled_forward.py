"""The compiled network trains as fast as hand-written PyTorch: `python benchmarks/bench_compiled_forward.py`.

Times one training step's forward and backward for the classic MNIST MLP (batch 64) and the
CIFAR-10 CNN (batch 128), compiled from a `NetworkGraph` and written by hand with the same
weights. The two run in alternating blocks (the order swapped every round) after a warm-up, and
each figure is the median over rounds of the time per step. Goal (shared/PRODUCT.md): the
compiled module costs at most 1.05x the hand-written one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import torch
from torch import nn

from netstudio.core.compiler import compile_graph
from netstudio.core.graph import NetworkGraph

GOAL = 1.05

Layer = tuple[str, str, dict[str, Any]]


def chain_graph(shape: tuple[int, ...], layers: list[Layer]) -> NetworkGraph:
    """Input → layers → Output; node ids are the given names."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": shape})
    for type_id, name, params in layers:
        graph.add_node(type_id, node_id=name, name=name, params=params)
    graph.add_node("Output", node_id="output", name="output")
    ids = ["input", *(name for _, name, _ in layers), "output"]
    for src, dst in pairwise(ids):
        graph.connect(src, "out", dst, "in")
    return graph


def mlp_graph() -> NetworkGraph:
    return chain_graph(
        (784,),
        [
            ("Linear", "fc1", {"out_features": 256}),
            ("ReLU", "relu1", {}),
            ("Linear", "fc2", {"out_features": 128}),
            ("ReLU", "relu2", {}),
            ("Linear", "fc3", {"out_features": 10}),
        ],
    )


def cnn_graph() -> NetworkGraph:
    conv = {"kernel_size": 3, "padding": 1}
    return chain_graph(
        (3, 32, 32),
        [
            ("Conv2d", "conv1", {"out_channels": 32, **conv}),
            ("ReLU", "relu1", {}),
            ("MaxPool2d", "pool1", {"kernel_size": 2}),
            ("Conv2d", "conv2", {"out_channels": 64, **conv}),
            ("ReLU", "relu2", {}),
            ("MaxPool2d", "pool2", {"kernel_size": 2}),
            ("Flatten", "flatten", {}),
            ("Linear", "fc1", {"out_features": 512}),
            ("ReLU", "relu3", {}),
            ("Linear", "fc2", {"out_features": 10}),
        ],
    )


class HandMLP(nn.Module):
    """The MNIST MLP as a tutorial writes it."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc3(self.relu(self.fc2(self.relu(self.fc1(x)))))


class HandCNN(nn.Module):
    """The CIFAR-10 CNN as a tutorial writes it."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc1 = nn.Linear(64 * 8 * 8, 512)
        self.fc2 = nn.Linear(512, 10)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.flatten = nn.Flatten()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc2(self.relu(self.fc1(self.flatten(x))))


def step_of(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, sync: Callable[[], None]
) -> Callable[[], None]:
    """One training step without the optimizer: forward, loss, backward."""

    def step() -> None:
        model.zero_grad(set_to_none=True)
        nn.functional.cross_entropy(model(x), y).backward()
        sync()

    return step


def per_step(step: Callable[[], None], steps: int) -> float:
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) / steps


def compare(
    name: str,
    graph: NetworkGraph,
    hand: nn.Module,
    input_shape: tuple[int, ...],
    batch: int,
    device: torch.device,
    rounds: int,
    block_seconds: float,
) -> float:
    """Print the figures for one network; returns compiled / hand-written."""
    gm = compile_graph(graph)
    hand.load_state_dict(gm.state_dict(), strict=True)  # same attribute names, same weights
    gm.to(device)
    hand.to(device)
    x = torch.randn(batch, *input_shape, device=device)
    y = torch.randint(0, 10, (batch,), device=device)
    with torch.no_grad():
        same = torch.equal(gm(x), hand(x))
    sync = torch.cuda.synchronize if device.type == "cuda" else lambda: None
    steps = {"compiled": step_of(gm, x, y, sync), "hand-written": step_of(hand, x, y, sync)}

    for step in steps.values():  # warm-up: allocator, kernels, autograd caches
        per_step(step, 10)
    single = min(per_step(step, 5) for step in steps.values())
    block = max(1, round(block_seconds / single))
    times: dict[str, list[float]] = {key: [] for key in steps}
    for i in range(rounds):
        order = list(steps) if i % 2 == 0 else list(reversed(steps))
        for key in order:
            times[key].append(per_step(steps[key], block))

    # each round's two blocks ran side by side, so their ratio is the least disturbed figure
    paired = [c / h for c, h in zip(times["compiled"], times["hand-written"], strict=True)]
    ratio = statistics.median(paired)
    print(f"{name}: batch {batch}, {rounds} rounds of {block} steps, outputs equal: {same}")
    for key, values in times.items():
        low, high = min(values) * 1e3, max(values) * 1e3
        median = statistics.median(values) * 1e3
        print(f"  {key:<13} {median:8.3f} ms/step median  (rounds {low:.3f} .. {high:.3f})")
    verdict = "ok" if ratio <= GOAL else f"over the {GOAL:.2f}x goal"
    print(
        f"  ratio         {ratio:8.3f}x median of rounds  "
        f"(rounds {min(paired):.3f} .. {max(paired):.3f}; {verdict})"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu", help="cpu (default) or cuda")
    parser.add_argument("--rounds", type=int, default=101, help="alternating rounds per network")
    parser.add_argument("--block", type=float, default=0.05, help="seconds per timed block")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch default)")
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, device {device}, threads {torch.get_num_threads()}")
    ratios = [
        compare(
            "MNIST MLP 784-256-128-10",
            mlp_graph(),
            HandMLP(),
            (784,),
            64,
            device,
            args.rounds,
            args.block,
        ),
        compare(
            "CIFAR-10 CNN",
            cnn_graph(),
            HandCNN(),
            (3, 32, 32),
            128,
            device,
            args.rounds,
            args.block,
        ),
    ]
    print(f"worst ratio {max(ratios):.3f}x (goal ≤ {GOAL:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
