"""Fine-tuning with a frozen backbone vs the same CNN fully trainable:
`python benchmarks/bench_fine_tuning.py [--epochs N] [--repeat K] [--rounds R] [--threads T]`.

The data: scikit-learn's bundled 8×8 digits (offline), upsampled to 1×32×32 and repeated
`--repeat` times (a few thousand training images). The network: three Conv-BatchNorm-ReLU
blocks (32, 64, 128 channels, two max-pools) and a Linear head, built as a NetStudio graph and
trained by NetStudio's `Trainer` (Adam 1e-3, batch 64) two ways:

(a) full: every layer learns;
(b) frozen: the three blocks frozen (``training.fine_tuning.frozen``), only the head learns:
    no gradients, no backward pass through the backbone and no optimizer state for it; its
    BatchNorm layers keep their statistics (eval mode).

Each way runs in its own process, so that one's memory does not count for the other, `--rounds`
times in alternating order (one torch thread by default: the least disturbed by other work on a
shared machine); each figure is the best of its rounds. Time: the fastest epoch after the first
(``EpochMetrics.seconds``, the training pass alone). Memory: the process's peak resident set
size (``resource.getrusage`` ``ru_maxrss``, which counts torch's C++ allocations; ``tracemalloc``
would see only Python's), and how much it grew during training over the size just before the
run (data loaded, model compiled). The figures and the ratios full / frozen are printed; both
ratios are expected above 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

BLOCKS = [("conv1", 32), ("conv2", 64), ("conv3", 128)]


def _graph():
    from netstudio.core.graph import NetworkGraph

    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": [1, 32, 32]})
    previous = "input"

    def add(type_id: str, node_id: str, params: dict) -> None:
        nonlocal previous
        graph.add_node(type_id, node_id=node_id, name=node_id, params=params)
        graph.connect(previous, "out", node_id, "in")
        previous = node_id

    for i, (name, channels) in enumerate(BLOCKS):
        add("Conv2d", name, {"out_channels": channels, "kernel_size": 3, "padding": 1})
        add("BatchNorm2d", f"bn{i + 1}", {})
        add("ReLU", f"relu{i + 1}", {})
        if i:
            add("MaxPool2d", f"pool{i + 1}", {"kernel_size": 2})
    add("Flatten", "flatten", {})
    add("Linear", "head", {"out_features": 10})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def _data(repeat: int):
    import torch
    from torch.nn import functional

    from netstudio.training.data_config import DataConfig
    from netstudio.training.loaded_data import LoadedData, TensorSplit
    from netstudio.training.sources import load_data

    digits = load_data(DataConfig(source="digits"))

    def grow(split: TensorSplit, times: int) -> TensorSplit:
        x = functional.interpolate(split.x, size=(32, 32), mode="bilinear", align_corners=False)
        return TensorSplit(x.repeat(times, 1, 1, 1), split.y.repeat(times))

    return LoadedData(
        name="digits 32×32",
        task="classification",
        train=grow(digits.train, repeat),
        val=grow(digits.val, 1),
        test=TensorSplit(torch.zeros(0, 1, 32, 32), torch.zeros(0, dtype=torch.long)),
        input_shape=(1, 32, 32),
        classes=digits.classes,
    )


def _rss_kb() -> int:
    """The resident set size now, in KiB (Linux /proc; the peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(mode: str, epochs: int, repeat: int, threads: int) -> dict:
    """One way, in this process: the fastest epoch and the memory figures."""
    import torch

    from netstudio.training.config import TrainingConfig
    from netstudio.training.results import TrainerCallbacks
    from netstudio.training.trainer import Trainer

    torch.set_num_threads(threads)
    data = _data(repeat)
    frozen = [name for name, _ in BLOCKS] + [f"bn{i + 1}" for i in range(len(BLOCKS))]
    config = TrainingConfig(
        device="cpu",
        epochs=epochs,
        batch_size=64,
        fine_tuning={"frozen": frozen if mode == "frozen" else []},
    )

    class Before(TrainerCallbacks):
        rss = 0
        trainable = 0

        def run_started(self, info) -> None:
            Before.rss = _rss_kb()
            Before.trainable = info.parameters - info.frozen_parameters

    result = Trainer(_graph(), data, config, callbacks=Before()).run()
    if result.failure is not None:
        raise SystemExit(result.failure.message)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds = [e.seconds for e in result.epochs[1:]] or [result.epochs[0].seconds]
    return {
        "mode": mode,
        "train_samples": len(data.train),
        "trainable": Before.trainable,
        "epoch_seconds": min(seconds),
        "peak_rss_mb": peak / 1024,
        "growth_mb": max(0, peak - Before.rss) / 1024,
        "val_accuracy": result.epochs[-1].val_accuracy,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the training images")
    parser.add_argument("--rounds", type=int, default=2, help="processes per way")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--child", choices=("full", "frozen"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(options.child, options.epochs, options.repeat, options.threads)))
        return
    rows: dict[str, dict] = {}
    for round_ in range(options.rounds):
        for mode in ("full", "frozen") if round_ % 2 == 0 else ("frozen", "full"):
            command = [sys.executable, __file__, "--child", mode]
            command += ["--epochs", str(options.epochs), "--repeat", str(options.repeat)]
            command += ["--threads", str(options.threads)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.splitlines()[-1])
            best = rows.setdefault(mode, row)
            for key in ("epoch_seconds", "peak_rss_mb", "growth_mb"):
                best[key] = min(best[key], row[key])
    full, frozen = rows["full"], rows["frozen"]
    print(
        f"CNN on {full['train_samples']} digits at 32×32, CPU, {options.threads} thread(s), "
        f"fastest of epochs 2-{options.epochs}, best of {options.rounds} rounds; memory: "
        "ru_maxrss, one process per way and round"
    )
    print(f"{'':8} {'learn':>9} {'s/epoch':>8} {'peak MB':>8} {'+MB run':>8} {'val acc':>8}")
    for row in (full, frozen):
        print(
            f"{row['mode']:8} {row['trainable']:>9,} {row['epoch_seconds']:>8.2f} "
            f"{row['peak_rss_mb']:>8.0f} {row['growth_mb']:>8.0f} {row['val_accuracy']:>8.1%}"
        )
    print(
        f"full / frozen: time per epoch {full['epoch_seconds'] / frozen['epoch_seconds']:.2f}×, "
        f"peak memory {full['peak_rss_mb'] / frozen['peak_rss_mb']:.2f}×, memory grown while "
        f"training {full['growth_mb'] / max(frozen['growth_mb'], 1e-9):.2f}×"
    )


if __name__ == "__main__":
    main()
