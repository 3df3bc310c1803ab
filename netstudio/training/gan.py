"""Generative adversarial training: two networks of a project trained against each other.

The discriminator D learns to tell the data's samples from the generator's; the generator G
learns to make samples D takes for real, from noise. Each batch: D takes a step on a real batch
and a generated one (every batch), G takes a step every `d_steps` batches against D's verdict on
its samples. The losses are the non-saturating binary cross-entropy on D's logits (Goodfellow
et al. 2014) or the hinge loss. D(x) and D(G(z)) are D's mean probability (the sigmoid of its
value) that a real and a generated sample is real: near 0.5 both when the two are in balance.

`run_gan` is the trainer's GAN branch (`Trainer.run` with the task "gan"): it shares the
trainer's callbacks, stop and pause (honoured within one batch), run folder and the way
failures are reported. The run's model is a `ModuleDict` of both networks by name, so its
weights file holds each network's tensors under its name (``generator.fc1.weight``). After
every epoch the samples of one fixed noise batch are drawn into the run folder
(samples_epoch_003.png) and the figures written to gan.csv.

Under torchrun both networks are wrapped in DistributedDataParallel and each rank takes its
share of every batch, as the classifier's loop does (`netstudio.training.distributed`): each
rank draws the noise of the whole batch and keeps its share of it, each mean of the losses is
weighted by the rank's share of its samples (the real ones all ranks could read: a streamed
batch leaves unreadable images out) before DDP averages the gradients, and the epoch's figures
are summed over the ranks, so N processes train and report as one would (an uneven last batch
too). A rank whose whole share of a batch was left out judges a stand-in sample of zeros with a
weight of none, so it still takes the step with the others. A loss that stops being finite on
one rank stops every rank at that batch, naming the rank; an error on one rank stops every rank
(`netstudio.training.rank_failures`).
"""

from __future__ import annotations

import math
import time
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from torch import nn
from torch.nn import functional as F

from netstudio.core.compiler import CompileError, compile_graph
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.training import distributed
from netstudio.training import failure_messages as words
from netstudio.training.batches import make_batches, rank_slice
from netstudio.training.config import GanConfig
from netstudio.training.devices import DeviceError, resolve_device
from netstudio.training.gan_checks import gan_problems
from netstudio.training.gan_records import (
    GanBatchMetrics,
    GanEpochMetrics,
    save_sample_grid,
    write_gan_csv,
)
from netstudio.training.loaded_data import TensorSplit
from netstudio.training.objectives import build_optimizer
from netstudio.training.rank_failures import RankFailure
from netstudio.training.results import RunInfo, RunResult, TrainingFailure
from netstudio.training.streaming import StreamSplit

if TYPE_CHECKING:
    from netstudio.training.trainer import Trainer


def discriminator_loss(
    kind: str,
    d_real: torch.Tensor,
    d_fake: torch.Tensor,
    weights: tuple[float, float] | None = None,
) -> torch.Tensor:
    """D's loss from its values on real and generated samples (one per sample): BCE with
    logits (real labelled 1, generated 0), or the hinge (a margin of 1 on either side).
    `weights` (under torchrun: the rank's shares of the real and the generated samples, see
    `distributed.share`) weigh the two means."""
    if kind == "hinge":
        real, fake = F.relu(1 - d_real).mean(), F.relu(1 + d_fake).mean()
    else:
        real, fake = F.softplus(-d_real).mean(), F.softplus(d_fake).mean()
    if weights is not None:
        return real * weights[0] + fake * weights[1]
    return real + fake


def generator_loss(kind: str, d_fake: torch.Tensor) -> torch.Tensor:
    """G's loss from D's values on its samples: the non-saturating BCE (its samples labelled
    real, which keeps the gradient strong while D wins), or the hinge's -D(G(z))."""
    if kind == "hinge":
        return -d_fake.mean()
    return F.softplus(-d_fake).mean()


def draw_noise(gan: GanConfig, n: int, device: str, generator: torch.Generator | None = None):
    """`n` noise vectors of `gan.noise_size` values: standard normal, or uniform in [-1, 1]."""
    shape = (n, gan.noise_size)
    if gan.noise == "uniform":
        return torch.rand(shape, device=device, generator=generator).mul_(2).sub_(1)
    return torch.randn(shape, device=device, generator=generator)


def _compile(name: str, role: str, graph: NetworkGraph, shape: tuple[int, ...]) -> nn.Module:
    inference = ShapeInference(graph, data_shape=shape)
    try:
        return compile_graph(graph, inference, class_name=name)
    except CompileError as error:
        raise TrainingFailure(
            "config",
            words.GAN_NOT_VALID(
                role=words.GAN_GENERATOR() if role == "generator" else words.GAN_DISCRIMINATOR(),
                name=name,
                problem=(str(error).splitlines() or [""])[0],
            ),
        ) from None
    finally:
        inference.close()


def run_gan(trainer: Trainer, result: RunResult, resume_from: Path | None = None) -> None:
    """Train the project's GAN as `trainer.config.gan` says (see the module docstring); raises
    `TrainingFailure` for what the person can fix (`Trainer.run` reports it)."""
    config = trainer.config
    gan = config.gan or GanConfig()
    if resume_from is not None:
        raise TrainingFailure("config", words.GAN_NO_RESUME())
    try:
        device = trainer.device = resolve_device(config.device)
    except DeviceError as error:
        raise TrainingFailure("device", error.args[0]) from None
    torch.manual_seed(config.seed)
    library = trainer.graph.library
    networks = dict(library.items()) if library is not None else {"main": trainer.graph}
    sample_shape = tuple(trainer.data.input_shape)
    problems = gan_problems(networks, gan, sample_shape)
    if problems:
        first = problems[0].message
        raise TrainingFailure(
            "config",
            words.GAN_MORE_PROBLEMS(problem=first, more=len(problems) - 1)
            if len(problems) > 1
            else first,
        )
    g_name, d_name = gan.generator, gan.discriminator
    generator = _compile(g_name, "generator", networks[g_name], (gan.noise_size,)).to(device)
    discriminator = _compile(d_name, "discriminator", networks[d_name], sample_shape).to(device)
    model = trainer.model = nn.ModuleDict({g_name: generator, d_name: discriminator})  # type: ignore[assignment]
    d_input = networks[d_name].inputs()[0].params.get("shape")
    d_shape = tuple(d_input) if d_input is not None else sample_shape

    split = trainer.data.train
    if len(split) == 0:
        raise TrainingFailure(
            "data",
            words.EMPTY_TRAINING_SPLIT(),
        )
    if isinstance(split, TensorSplit):
        split = TensorSplit(split.x.float().to(device), split.y.to(device))
        low, high = float(split.x.min()), float(split.x.max())
    else:  # streamed from disk: one pass finds the range
        low, high = math.inf, -math.inf
        for x, _ in make_batches(split, 1024, train=False, device=device):
            low, high = min(low, float(x.min())), max(high, float(x.max()))
    scale = gan.real_scale == "minus_one_to_one" and high > low
    # real -> [-1, 1]: x * a + b
    a, b = (2 / (high - low), -1 - 2 * low / (high - low)) if scale else (1.0, 0.0)
    shown = (-1.0, 1.0) if scale else (low, high)
    if scale and isinstance(split, TensorSplit):  # once here, not per batch
        split = TensorSplit(split.x.mul(a).add_(b), split.y)
        scale = False
    shard = distributed.shard()
    batches = make_batches(
        split,
        config.batch_size,
        train=True,
        seed=config.seed,
        device=device,
        shard=shard,
        drop_last=len(split) % config.batch_size == 1 and len(split) > 1,
    )
    g_opt = build_optimizer(generator.parameters(), gan.generator_optimizer)
    d_opt = build_optimizer(discriminator.parameters(), gan.discriminator_optimizer)
    fixed = draw_noise(
        gan, gan.sample_grid**2, device, torch.Generator(device=device).manual_seed(config.seed)
    )
    trainer.optimizer = g_opt
    trainer.callbacks.run_started(
        RunInfo(
            device=device,
            epochs=config.epochs,
            batches_per_epoch=len(batches),
            train_samples=len(split),
            val_samples=0,
            test_samples=0,
            parameters=sum(p.numel() for p in model.parameters()),
            run_dir=trainer.checkpoint_dir,
            notes=tuple(trainer.data.notes),
        )
    )
    result.notes = list(trainer.data.notes)
    # the modules the steps call: the networks themselves, unless under torchrun
    make, judge = distributed.wrap(generator), distributed.wrap(discriminator)
    trainer.stepping = True
    run_start = time.perf_counter()
    samples_seen = 0
    epochs: list[GanEpochMetrics] = []
    g_loss_value = math.nan
    for epoch in range(config.epochs):
        batches.set_epoch(epoch)
        model.train()
        epoch_start = time.perf_counter()
        # d_loss × samples, g_loss × share of the batch, d_real × samples, d_fake × fakes
        sums = [0.0] * 4
        g_steps = seen = made = 0
        stopped = False
        for index, (x, _) in enumerate(batches):
            if trainer._should_stop():
                stopped = True
                break
            n = len(x)
            # the whole batch's noise on every rank (the one-process draws), this rank's share
            whole = min(config.batch_size, len(split) - index * config.batch_size)
            # the real samples all ranks hold: a streamed batch leaves unreadable images out
            reals = whole - getattr(batches, "left_out_now", 0)
            if shard[1] > 1 and reals == 0:
                continue  # no rank could read an image of the batch: skipped, as alone
            noise = rank_slice(draw_noise(gan, whole, device), shard)
            m = len(noise)
            real = (x * a + b if scale else x).reshape(n, *d_shape)
            fake = make(noise)
            if n:
                d_real = judge(real).reshape(n)
            else:  # under torchrun: the rank's share of the batch could not be read
                d_real = distributed.stand_in_step(judge, discriminator, real, nullcontext)[0]
            d_fake = judge(fake.detach().reshape(m, *d_shape)).reshape(m)
            d_loss = discriminator_loss(gan.loss, d_real, d_fake)
            d_opt.zero_grad(set_to_none=True)
            if shard[1] > 1:  # DDP averages the gradients: each mean weighed by its share
                weights = (distributed.share(n, reals), distributed.share(m, whole))
                if weights[0] == weights[1]:  # as many real as generated: one weight
                    (d_loss * weights[0]).backward()
                else:  # images were left out: the two means weigh differently
                    discriminator_loss(gan.loss, d_real, d_fake, weights).backward()
            else:
                d_loss.backward()
            d_opt.step()
            g_step = (index + 1) % gan.d_steps == 0
            if g_step:
                judged = judge(fake.reshape(m, *d_shape)).reshape(m)
                g_loss = generator_loss(gan.loss, judged)
                g_opt.zero_grad(set_to_none=True)
                (g_loss * distributed.share(m, whole) if shard[1] > 1 else g_loss).backward()
                g_opt.step()
            # One read-back per batch: both losses and D's mean verdicts on real and fake.
            # (as many real samples as generated ones, but where unreadable images were left out)
            verdicts = torch.stack([torch.sigmoid(d.detach()).mean() for d in (d_real, d_fake)])
            losses = [d_loss.detach(), g_loss.detach() if g_step else d_loss.detach()]
            figures = torch.cat([torch.stack(losses), verdicts]).tolist()
            if not g_step:
                figures[1] = math.nan
            d_value, g_value = figures[0], figures[1]
            checked = [d_value, g_value if g_step else 0.0]
            if shard[1] > 1 or not all(map(math.isfinite, checked)):  # all ranks stop, or none
                _stop_if_not_finite(distributed.every_rank(checked), (d_name, g_name), epoch, index)
            if g_step:
                g_loss_value = g_value
                g_steps += 1
                sums[1] += g_value * (m / whole)  # exactly g_value alone
            sums[0] += d_value * n
            sums[2] += figures[2] * n
            sums[3] += figures[3] * m
            seen += n
            made += m
            if (index + 1) % trainer.batch_every == 0:
                elapsed = time.perf_counter() - epoch_start
                trainer.callbacks.batch_ended(
                    GanBatchMetrics(
                        epoch=epoch + 1,
                        batch=index + 1,
                        batches=len(batches),
                        loss=g_loss_value,
                        lr=gan.generator_optimizer.lr,
                        samples_per_second=seen / elapsed if elapsed > 0 else 0.0,
                        d_loss=d_value,
                        g_loss=g_loss_value,
                        d_real=figures[2],
                        d_fake=figures[3],
                    )
                )
        if stopped and seen == 0:
            result.status = "stopped"
            break
        *sums, counted, fakes = distributed.reduce_sums([*sums, float(seen), float(made)])
        seen = round(counted)  # over the ranks (as they were alone)
        seconds = time.perf_counter() - epoch_start
        samples_seen += seen
        samples = _draw_samples(trainer.checkpoint_dir, epoch + 1, generator, fixed, gan, shown)
        g_mean = float(sums[1]) / g_steps if g_steps else math.nan
        metrics = GanEpochMetrics(
            epoch=epoch + 1,
            train_loss=g_mean,
            train_accuracy=None,
            val_loss=None,
            val_accuracy=None,
            lr=gan.generator_optimizer.lr,
            seconds=seconds,
            samples_per_second=seen / seconds if seconds > 0 else 0.0,
            d_loss=float(sums[0]) / seen,
            g_loss=g_mean,
            d_real=float(sums[2]) / seen,
            d_fake=float(sums[3]) / fakes,
            samples=samples,
        )
        epochs.append(metrics)
        result.epochs.append(metrics)
        if trainer.checkpoint_dir is not None:
            write_gan_csv(trainer.checkpoint_dir / "gan.csv", epochs)
        trainer.callbacks.epoch_ended(metrics)
        if stopped:
            result.status = "stopped"
            break
    total = time.perf_counter() - run_start
    result.train_seconds = total
    result.samples_per_second = samples_seen / total if total > 0 else 0.0
    note = split.skipped_note() if isinstance(split, StreamSplit) else None
    if note:  # streamed images that could not be read, as the trainer notes them
        result.notes.append(note)


def _stop_if_not_finite(
    losses: list[list[float]], names: tuple[str, str], epoch: int, index: int
) -> None:
    """Raise the failure of a loss that stopped being finite, given each rank's D and G loss
    of batch `index` (G's 0 when it took no step): D's first, as its step comes first (a
    generator loss behind it became NaN through D's weights), on the first rank it happened
    on, named when there are several."""
    for column, role in ((0, words.GAN_DISCRIMINATOR()), (1, words.GAN_GENERATOR())):
        for rank, row in enumerate(losses):
            if math.isfinite(row[column]):
                continue
            failure = TrainingFailure(
                "nan",
                words.GAN_LOSS_BECAME(
                    role=role,
                    name=names[column],
                    value=str(row[column]),
                    epoch=epoch + 1,
                    batch=index + 1,
                ),
                epoch=epoch + 1,
                batch=index + 1,
            )
            if len(losses) > 1:  # every rank stops here together
                raise RankFailure(failure.on_rank(rank), shared=True)
            raise failure


def _draw_samples(
    folder: Path | None,
    epoch: int,
    generator: nn.Module,
    noise: torch.Tensor,
    gan: GanConfig,
    value_range: tuple[float, float],
) -> Path | None:
    """The fixed noise batch's samples as a grid in `folder` (samples_epoch_003.png); None
    without a folder or when the samples are not images."""
    if folder is None:
        return None
    was_training = generator.training
    generator.eval()
    with torch.no_grad():
        samples = generator(noise)
    generator.train(was_training)
    path = folder / f"samples_epoch_{epoch:03d}.png"
    folder.mkdir(parents=True, exist_ok=True)
    return path if save_sample_grid(samples, gan.sample_grid, path, value_range) else None
