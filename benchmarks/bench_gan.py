"""One GAN epoch on the bundled digits two ways: `python benchmarks/bench_gan.py [--rounds N]`.

(a) bare: a hand-written PyTorch GAN loop, the networks of examples/digits_gan.net written as
    ``nn.Sequential``, the digits preloaded as one tensor in [-1, 1], one ``randperm`` per
    epoch, a discriminator step and a generator step per batch (non-saturating BCE on the
    logits), Adam(fused=True) as NetStudio builds it where torch has it, and no per-batch
    read-back of the losses;
(b) NetStudio: `load_data` and the `Trainer` with the example's own settings (the task "gan":
    both networks compiled from their graphs), one epoch; its time is the training epoch alone
    (``EpochMetrics.seconds``: every batch with the losses and D(x)/D(G(z)) read back once per
    batch, stop/pause checks and callbacks, but not the sample grid drawn after the epoch).

Goal (issue 15): NetStudio / bare <= 1.15. Both run in rotating order ``--rounds`` times after a
warm-up, in one process with the same torch threads; each figure is the fastest round (the
least disturbed by other work on the machine).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from netstudio.io import load_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parent.parent / "netstudio" / "examples" / "digits_gan.net"
GOAL = 1.15


def bare_epoch(x: torch.Tensor, batch: int, seed: int) -> float:
    """Seconds of one epoch of the hand-written loop (fresh networks and optimizers)."""
    torch.manual_seed(seed)
    generator = nn.Sequential(
        nn.Linear(32, 128),
        nn.ReLU(),
        nn.Linear(128, 256),
        nn.ReLU(),
        nn.Linear(256, 64),
        nn.Tanh(),
        nn.Unflatten(1, (1, 8, 8)),
    )
    discriminator = nn.Sequential(
        nn.Flatten(),
        nn.Linear(64, 256),
        nn.LeakyReLU(0.2),
        nn.Linear(256, 128),
        nn.LeakyReLU(0.2),
        nn.Linear(128, 1),
    )
    g_opt = torch.optim.Adam(generator.parameters(), 1e-3, betas=(0.5, 0.999), fused=True)
    d_opt = torch.optim.Adam(discriminator.parameters(), 1e-3, betas=(0.5, 0.999), fused=True)
    start = time.perf_counter()
    perm = torch.randperm(len(x))
    for i in range(0, len(x), batch):
        real = x[perm[i : i + batch]]
        n = len(real)
        fake = generator(torch.randn(n, 32))
        d_loss = (
            F.softplus(-discriminator(real).reshape(n)).mean()
            + F.softplus(discriminator(fake.detach()).reshape(n)).mean()
        )
        d_opt.zero_grad(set_to_none=True)
        d_loss.backward()
        d_opt.step()
        g_loss = F.softplus(-discriminator(fake).reshape(n)).mean()
        g_opt.zero_grad(set_to_none=True)
        g_loss.backward()
        g_opt.step()
    return time.perf_counter() - start


def netstudio_epoch(project, data, seed: int) -> float:
    """Seconds of one training epoch of NetStudio's GAN trainer on the example."""
    config = TrainingConfig.model_validate(
        {**project.training, "epochs": 1, "seed": seed, "device": "cpu"}
    )
    result = Trainer(project.graph, data, config).run()
    if result.failure is not None:
        raise SystemExit(f"NetStudio's run failed: {result.failure.message}")
    return result.epochs[0].seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    project = load_project(EXAMPLE)
    data_config = DataConfig.model_validate(project.data)
    data = load_data(data_config)
    batch = TrainingConfig.model_validate(project.training).batch_size
    x = data.train.x.float()
    x = (x - x.min()) / (x.max() - x.min()) * 2 - 1
    print(f"digits: {len(x)} samples, batch {batch}, torch threads {torch.get_num_threads()}")
    bare_epoch(x, batch, 0)  # warm-up
    netstudio_epoch(project, data, 0)
    bare, ours = [], []
    for round_ in range(args.rounds):
        order = ("bare", "ours") if round_ % 2 == 0 else ("ours", "bare")
        for which in order:
            if which == "bare":
                bare.append(bare_epoch(x, batch, round_))
            else:
                ours.append(netstudio_epoch(project, data, round_))
    best_bare, best_ours = min(bare), min(ours)
    ratio = best_ours / best_bare
    print(
        f"(a) bare PyTorch GAN loop: {best_bare * 1000:.1f} ms per epoch (fastest of {len(bare)})"
    )
    print(
        f"(b) NetStudio GAN trainer: {best_ours * 1000:.1f} ms per epoch (fastest of {len(ours)})"
    )
    print(
        f"NetStudio / bare = {ratio:.2f} (goal <= {GOAL}): {'met' if ratio <= GOAL else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
