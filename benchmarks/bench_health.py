"""Training with health statistics on vs off: `python benchmarks/bench_health.py [--samples N]`.

Trains examples/mnist_mlp.net (784-256-128-10 MLP) and examples/fashion_cnn.net (two conv
blocks, 28×28) for one epoch on synthetic MNIST-size data (a blob per class plus noise, batch
64, Adam, on the CPU unless --device says otherwise), with the `Trainer` as `netstudio train`
runs it: once without statistics and once with `HealthOptions()` (the default time budget),
alternating, `--rounds` times after a warm-up. Each figure is the fastest round (the least
disturbed by other work on the machine) of the training epoch alone (`EpochMetrics.seconds`);
beside it, as checks on a busy machine: the median of each round's on/off ratio, and the ratio
of the runs' CPU time (the process's, set-up included; with --threads 1 it hardly depends on
other work on the machine). Also printed: the recordings made, the overhead the recorder
itself measured, and what one recording costs in CPU time beyond a plain batch (every batch
recorded against none), which with the recordings made gives the third figure, the steadiest
on a busy machine.

Goal (issue 16): statistics on / off <= 1.03.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

from netstudio.io import load_project
from netstudio.training.config import TrainingConfig
from netstudio.training.health import HealthOptions
from netstudio.training.loaded_data import LoadedData, TensorSplit
from netstudio.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NETWORKS = {"MLP": "mnist_mlp.net", "CNN": "fashion_cnn.net"}
GOAL = 1.03


def synthetic(samples: int, shape: tuple[int, ...], seed: int = 0) -> LoadedData:
    """Digit-like 28×28 images (a bright blob per class, placed by class, plus noise)."""
    generator = torch.Generator().manual_seed(seed)
    y = torch.randint(0, 10, (samples + 256,), generator=generator)
    grid = torch.arange(28, dtype=torch.float32)
    cy, cx = 6 + 4 * (y % 5), 8 + 10 * (y // 5)
    blob = torch.exp(
        -(
            (grid[None, :, None] - cy[:, None, None]) ** 2
            + (grid[None, None, :] - cx[:, None, None]) ** 2
        )
        / 18.0
    )
    x = (blob + 0.6 * torch.rand(len(y), 28, 28, generator=generator)).reshape(len(y), *shape)
    return LoadedData(
        name="synthetic",
        task="classification",
        train=TensorSplit(x[:samples], y[:samples]),
        val=TensorSplit(x[samples : samples + 128], y[samples : samples + 128]),
        test=TensorSplit(x[samples + 128 :], y[samples + 128 :]),
        input_shape=shape,
        classes=[str(i) for i in range(10)],
    )


def train(file: str, data: LoadedData, device: str, health: HealthOptions | None) -> Trainer:
    project = load_project(EXAMPLES / file)
    config = TrainingConfig.model_validate(project.training).model_copy(
        update={"epochs": 1, "batch_size": 64, "device": device, "seed": 0}
    )
    trainer = Trainer(project.graph, data, config, health=health)
    started = time.process_time()
    trainer.result = trainer.run()
    trainer.cpu_seconds = time.process_time() - started  # type: ignore[attr-defined]
    if trainer.result.failure is not None:
        sys.exit(f"{file}: training failed: {trainer.result.failure.message}")
    return trainer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20_000, help="training images")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of off, on")
    parser.add_argument("--device", default="cpu", help="cpu, cuda, ...")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {args.device}, "
        f"{args.samples:,} training images, batch 64"
    )
    worst = worst_cpu = worst_implied = 0.0
    for label, file in NETWORKS.items():
        shape = (784,) if label == "MLP" else (1, 28, 28)
        data = synthetic(args.samples, shape)
        small = synthetic(min(args.samples, 64 * 40), shape)
        train(file, small, args.device, None)  # warm-up: thread pools, allocator, kernels
        train(file, small, args.device, HealthOptions(every=1))
        off: list[float] = []
        on: list[float] = []
        cpu: dict[bool, list[float]] = {False: [], True: []}
        recordings, measured = 0, 0.0
        for r in range(args.rounds):
            for stats in (r % 2 == 0, r % 2 == 1):
                trainer = train(file, data, args.device, HealthOptions() if stats else None)
                (on if stats else off).append(trainer.result.epochs[0].seconds)
                cpu[stats].append(trainer.cpu_seconds)  # type: ignore[attr-defined]
                if trainer.health_recorder is not None:
                    recordings = len(trainer.health_recorder.samples)
                    measured = trainer.health_recorder.overhead
        # What one recording costs, in CPU time: every batch recorded against none.
        every = [train(file, small, args.device, HealthOptions(every=1)) for _ in range(3)]
        plain = [train(file, small, args.device, None) for _ in range(3)]
        batches = -(-len(small.train) // 64)
        per_recording = (_least_cpu(every) - _least_cpu(plain)) / batches
        plain_batch = _least_cpu(plain) / batches
        implied = 1 + recordings * per_recording / min(cpu[False])
        ratio = min(on) / min(off)
        paired = statistics.median(b / a for a, b in zip(off, on, strict=True))
        cpu_ratio = min(cpu[True]) / min(cpu[False])
        worst = max(worst, ratio)
        worst_cpu = max(worst_cpu, cpu_ratio)
        worst_implied = max(worst_implied, implied)
        print(
            f"{label} ({file}):\n"
            f"  wall clock: off {min(off):.3f} s, on {min(on):.3f} s, ratio {ratio:.3f}x, median "
            f"of the rounds' ratios {paired:.3f}x (rounds off {_spread(off)}; on {_spread(on)})\n"
            f"  CPU time of the whole run: off {min(cpu[False]):.3f} s, on "
            f"{min(cpu[True]):.3f} s, ratio {cpu_ratio:.3f}x\n"
            f"  {recordings} recordings of {-(-args.samples // 64)} batches (recorder's own "
            f"estimate {measured:.1%}); one recording costs {per_recording * 1000:.2f} ms CPU "
            f"over a plain batch of {plain_batch * 1000:.2f} ms: the recordings made cost "
            f"{implied:.3f}x"
        )
    verdict = "meets" if max(worst, worst_cpu) <= GOAL else "misses"
    print(
        f"statistics on / off (budget {HealthOptions().budget:.0%}): worst ratio {worst:.3f}x "
        f"wall clock, {worst_cpu:.3f}x CPU time, {worst_implied:.3f}x from the recordings' "
        f"cost: {verdict} the goal of <= {GOAL}x"
    )


def _least_cpu(trainers: list[Trainer]) -> float:
    return min(t.cpu_seconds for t in trainers)  # type: ignore[attr-defined]


def _spread(times: list[float]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)


if __name__ == "__main__":
    main()
