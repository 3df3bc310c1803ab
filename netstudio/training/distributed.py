"""Training on several processes: ``torchrun --nproc_per_node N -m netstudio train FILE``.

torchrun starts N copies of the command and tells each its rank in the environment (RANK,
WORLD_SIZE, LOCAL_RANK, MASTER_ADDR/PORT). `join` starts the process group (gloo on the CPU,
nccl on GPUs, one GPU per local rank); the trainer then wraps the model in
DistributedDataParallel (`wrap`), cuts every batch of the one-process run into the ranks' parts
(`shard`, used by `batches`), and sums each epoch's training metrics over the ranks
(`reduce_epoch`), so N processes with a batch size B train as one process with B would. Every
rank evaluates the whole validation and test splits (the same weights give the same numbers);
only rank 0 writes the run folder and prints (`netstudio.cli`; the other ranks record into a
private temporary folder and resume from rank 0's checkpoint).

Alone (no torchrun, or a world of one) every function here does nothing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch
    from torch import nn


@dataclass(frozen=True)
class Ranks:
    """This process's place in a distributed run."""

    rank: int
    world: int
    local_rank: int

    @property
    def main(self) -> bool:
        """Rank 0: the one that writes the run folder and prints."""
        return self.rank == 0


def from_environment() -> Ranks | None:
    """The ranks torchrun gives this process, or None when it runs alone."""
    try:
        world = int(os.environ.get("WORLD_SIZE", "1"))
        rank = int(os.environ.get("RANK", "0"))
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    except ValueError:
        return None
    if world <= 1:
        return None
    return Ranks(rank, world, local_rank)


def join(device: str | None = None) -> Ranks | None:
    """Start this process's part of a distributed run (see module docstring); None alone.

    `device` is the run's device setting: "cuda" (or auto with a GPU) takes nccl and the GPU of
    this process's local rank, anything else gloo on the CPU.
    """
    ranks = from_environment()
    if ranks is None:
        return None
    import torch
    import torch.distributed as dist

    if dist.is_initialized():
        return ranks
    gpu = torch.cuda.is_available() and device in (None, "auto", "cuda")
    if gpu:
        torch.cuda.set_device(ranks.local_rank % torch.cuda.device_count())
    dist.init_process_group(backend="nccl" if gpu else "gloo")
    return ranks


def leave() -> None:
    """End this process's part of the distributed run (nothing alone)."""
    if "torch" not in sys.modules:
        return  # nothing was started: torch is not even loaded
    import torch.distributed as dist

    if dist.is_initialized():
        dist.destroy_process_group()


def active() -> bool:
    import torch.distributed as dist

    return dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1


def shard() -> tuple[int, int]:
    """(rank, world size) of this process; (0, 1) alone."""
    import torch.distributed as dist

    if not active():
        return (0, 1)
    return (dist.get_rank(), dist.get_world_size())


def wrap(model: nn.Module) -> nn.Module:
    """The module the training steps call: `model` itself alone, else DistributedDataParallel
    over it, which averages the gradients over the ranks in the backward pass."""
    if not active():
        return model
    from torch.nn.parallel import DistributedDataParallel

    device = next(model.parameters()).device
    ids = [device.index] if device.type == "cuda" and device.index is not None else None
    return DistributedDataParallel(model, device_ids=ids)


def reduce_epoch(
    loss_sum: float, seen: int, correct: torch.Tensor
) -> tuple[float, int, torch.Tensor]:
    """An epoch's summed training loss, sample count and correct predictions over all ranks."""
    if not active():
        return loss_sum, seen, correct
    import torch
    import torch.distributed as dist

    totals = torch.tensor([loss_sum, float(seen), float(correct)], dtype=torch.float64)
    if dist.get_backend() == "nccl":
        totals = totals.to(correct.device)
    dist.all_reduce(totals)
    loss, count, right = totals.tolist()
    return loss, round(count), torch.tensor(round(right), device=correct.device)
