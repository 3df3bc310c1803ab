"""One epoch of the MNIST MLP three ways: `python benchmarks/bench_mnist_training.py [--samples N]`.

Writes MNIST-format IDX files (random digit-like images: a blob per class plus noise) in
torchvision's layout (``ROOT/MNIST/raw/train-images-idx3-ubyte`` ...) to a temporary folder,
then times one training epoch of the classic 784-256-128-10 ReLU MLP (Adam 1e-3, batch 64,
shuffled) three ways, in one process with the same torch threads:

(a) classic: the script every tutorial shows, torchvision.datasets.MNIST with
    ``ToTensor()`` + ``Normalize`` run per sample by a DataLoader (batch 64, shuffle,
    num_workers=0 and, with ``--workers N``, N worker processes too; the faster counts);
(b) bare: a hand-written loop over the data preloaded as normalised tensors, one
    ``randperm`` per epoch, a hand-written ``nn.Module``, no per-batch ``.item()``; (b') the
    same with ``Adam(fused=True)``, which NetStudio uses where torch has it, so the ratio to
    (b') is the cost of the Trainer's own work like for like;
(c) NetStudio: `load_data` (source "mnist", the same files) and the `Trainer` on
    examples/mnist_mlp.net compiled from its graph, as ``netstudio train`` runs it. Its time is
    the training epoch alone (``EpochMetrics.seconds``: every batch with its loss tracking,
    NaN guard and callbacks, but not the validation and test passes, which (a) and (b) do not
    have); the data load and the whole run are printed apart.

Goals (shared/PRODUCT.md): classic / NetStudio >= 3 and NetStudio / bare <= 1.15. (b), (b')
and (c) run in rotating order ``--rounds`` times after a warm-up; each figure is the fastest
round (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import argparse
import struct
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from netstudio.io import load_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "mnist_mlp.net"
MEAN, STD = 0.1307, 0.3081
BATCH = 64
GOAL_CLASSIC, GOAL_BARE = 3.0, 1.15


def write_idx(path: Path, array: np.ndarray) -> None:
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def write_mnist(root: Path, train: int, test: int, seed: int = 0) -> None:
    """Digit-like images: each class a bright blob at its own place, plus noise."""
    rng = np.random.default_rng(seed)
    raw = root / "MNIST" / "raw"
    raw.mkdir(parents=True)
    yy, xx = np.mgrid[0:28, 0:28]
    centres = [(8 + 6 * (c % 3), 8 + 6 * (c // 3) % 18) for c in range(10)]
    blobs = np.stack([np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / 18.0) for cy, cx in centres])
    for prefix, count in (("train", train), ("t10k", test)):
        labels = rng.integers(0, 10, count).astype(np.uint8)
        noise = rng.random((count, 28, 28), dtype=np.float32) * 0.6
        images = np.clip((blobs[labels] + noise) * 200, 0, 255).astype(np.uint8)
        write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels)


class MLP(nn.Module):
    """The MNIST MLP as a tutorial writes it."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.flatten(1)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def classic(root: Path, workers: int) -> float:
    """(a) torchvision MNIST + DataLoader with per-sample ToTensor/Normalize; epoch seconds."""
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((MEAN,), (STD,))])
    dataset = datasets.MNIST(str(root), train=True, download=False, transform=transform)
    loader = DataLoader(dataset, batch_size=BATCH, shuffle=True, num_workers=workers)
    torch.manual_seed(0)
    model = MLP()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    start = time.perf_counter()
    for x, y in loader:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start


def preload(root: Path) -> tuple[torch.Tensor, torch.Tensor]:
    from torchvision import datasets

    dataset = datasets.MNIST(str(root), train=True, download=False)
    x = dataset.data.to(torch.float32).div_(255).sub_(MEAN).div_(STD).reshape(-1, 784)
    return x, dataset.targets.long()


def bare(x: torch.Tensor, y: torch.Tensor, limit: int | None = None, fused: bool = False) -> float:
    """(b) a hand-written loop over preloaded tensors; epoch seconds."""
    torch.manual_seed(0)
    model = MLP()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, fused=fused or None)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    n = len(x) if limit is None else min(len(x), limit)
    start = time.perf_counter()
    order = torch.randperm(len(x))[:n]
    for i in range(0, n, BATCH):
        index = order[i : i + BATCH]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start


def netstudio(data, limit: int | None = None) -> tuple[float, float]:
    """(c) the Trainer on examples/mnist_mlp.net: (training-epoch seconds, whole run seconds)."""
    project = load_project(EXAMPLE)
    config = TrainingConfig.model_validate(project.training).model_copy(
        update={"epochs": 1, "batch_size": BATCH, "device": "cpu", "seed": 0}
    )
    if limit is not None:
        from netstudio.training.loaded_data import TensorSplit

        data.train, saved = TensorSplit(data.train.x[:limit], data.train.y[:limit]), data.train
    start = time.perf_counter()
    result = Trainer(project.graph, data, config).run()
    total = time.perf_counter() - start
    if limit is not None:
        data.train = saved
    if result.failure is not None:
        sys.exit(f"NetStudio failed: {result.failure.message}")
    return result.epochs[0].seconds, total


def spread(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def rate(seconds: float, n: int) -> str:
    return f"{seconds:7.2f} s  {n / seconds:9,.0f} samples/s"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=60_000, help="training images")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--workers", type=int, default=2, help="also time (a) with N workers")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of (b), (c)")
    parser.add_argument("--skip-classic", action="store_true")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    n = args.samples
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {n:,} training images")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_mnist(root, n, max(1, n // 6))

        start = time.perf_counter()
        data = load_data(DataConfig(source="mnist", root=str(root), val_fraction=0.0))
        load_seconds = time.perf_counter() - start
        assert len(data.train) == n
        x, y = preload(root)

        bare(x, y, limit=50 * BATCH)  # warm-up: thread pools, allocator, kernels
        bare(x, y, limit=50 * BATCH, fused=True)
        netstudio(data, limit=50 * BATCH)
        times: dict[str, list[float]] = {"bare": [], "fused": [], "netstudio": [], "run": []}
        ways = ["bare", "fused", "netstudio"]
        for r in range(args.rounds):
            for way in ways[r % 3 :] + ways[: r % 3]:  # rotate the order every round
                if way == "netstudio":
                    epoch, whole = netstudio(data)
                    times["netstudio"].append(epoch)
                    times["run"].append(whole)
                else:
                    times[way].append(bare(x, y, fused=way == "fused"))

        classic_times = {}
        if not args.skip_classic:
            for workers in sorted({0, args.workers}):
                classic_times[workers] = classic(root, workers)

    best = {way: min(values) for way, values in times.items()}
    for workers, seconds in classic_times.items():
        print(f"(a)  classic script, num_workers={workers}         {rate(seconds, n)}")
    print(f"(b)  bare loop, preloaded tensors, Adam       {rate(best['bare'], n)}", end="")
    print(f"   rounds: {spread(times['bare'])}")
    print(f"(b') the same with fused Adam                 {rate(best['fused'], n)}", end="")
    print(f"   rounds: {spread(times['fused'])}")
    print(f"(c)  NetStudio Trainer, training epoch        {rate(best['netstudio'], n)}", end="")
    print(f"   rounds: {spread(times['netstudio'])}")
    print(
        f"     NetStudio data load (IDX files to normalised tensors) {load_seconds:.2f} s; "
        f"whole run with the test pass {best['run']:.2f} s"
    )
    ratio_bare = best["netstudio"] / best["bare"]
    print(f"NetStudio / bare          = {ratio_bare:5.2f}x  (goal <= {GOAL_BARE}x)")
    print(f"NetStudio / bare (fused)  = {best['netstudio'] / best['fused']:5.2f}x  (like for like)")
    ok = ratio_bare <= GOAL_BARE
    if classic_times:
        ratio_classic = min(classic_times.values()) / best["netstudio"]
        print(f"classic / NetStudio       = {ratio_classic:5.2f}x  (goal >= {GOAL_CLASSIC}x)")
        ok = ok and ratio_classic >= GOAL_CLASSIC
    print("goals met" if ok else "goals NOT met")


if __name__ == "__main__":
    main()
