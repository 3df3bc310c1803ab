"""Training on several processes: ``torchrun --nproc_per_node N -m netstudio train FILE``.

torchrun starts N copies of the command and tells each its rank in the environment (RANK,
WORLD_SIZE, LOCAL_RANK, MASTER_ADDR/PORT). `join` starts the process group (gloo on the CPU,
nccl on GPUs, one GPU per local rank); the trainer then wraps the model in
DistributedDataParallel (`wrap`), cuts every batch of the one-process run into the ranks' parts
(`shard`, used by `batches`), and sums each epoch's training metrics over the ranks
(`reduce_epoch`), so N processes with a batch size B train as one process with B would: each
rank's mean loss is weighted by its `share` of the samples all ranks train on in the step
(counted in the step's exchange, `rank_failures.step_status`) before DDP averages the
gradients, so a last batch that splits unevenly (13 samples: 7 and 6) still steps as the
one-process batch, and so does a streamed batch whose unreadable images were left out. A rank
whose whole share was left out still takes the step, on a stand-in sample under a loss of zero
(`stand_in_step`): the others wait for it in DDP's all-reduce. The GAN loop does the same for both of its networks. Each rank evaluates
its own contiguous `part` of the validation and test splits, unpadded (no sample counted twice
as a padding DistributedSampler would), and the sums are reduced (`reduce_sums`) and the kept
predictions gathered in order (`gather_rows`), so every rank gets the one-process numbers for a
1/N share of the work; only rank 0 writes the run folder and prints (`netstudio.cli`; the
other ranks record into a private temporary folder and resume from rank 0's checkpoint).

What one rank meets alone, every rank learns in the same batch: a loss that is not finite or
an error in the forward pass (`every_rank`, `rank_failures`: all ranks stop together, naming
the rank), and a streamed image that
could not be read (`gather_pairs`: each rank knows the whole run's, so the share that may be
left out is of all of them and rank 0's note names them all).

Before anything is loaded or written the ranks check that they are about to train the same
thing (`agree`): each hashes its project, settings and, once read, its data; a rank whose
hash differs from rank 0's stops every rank with one line naming it and what differs.

Alone (no torchrun, or a world of one) every function here does nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch
    from pydantic import BaseModel
    from torch import nn

    from netstudio.training.loaded_data import LoadedData


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

    loss, count, right = reduce_sums([loss_sum, float(seen), float(correct)])
    return loss, round(count), torch.tensor(round(right), device=correct.device)


def reduce_sums(values: Sequence[float]) -> list[float]:
    """Each of `values` summed over the ranks (in float64: counts stay exact); as given alone."""
    if not active():
        return list(values)
    import torch
    import torch.distributed as dist

    totals = _for_backend(torch.tensor(list(values), dtype=torch.float64))
    dist.all_reduce(totals)
    return totals.tolist()


def part(n: int, ranks: tuple[int, int] | None = None) -> range:
    """The samples of a split of `n` that this rank (or `ranks`: rank, world size) evaluates: one
    contiguous range, the ranks' ranges disjoint and in rank order, together the whole split
    once (sizes differing by one at most, none padded); the whole split alone."""
    rank, world = shard() if ranks is None else ranks
    return range(rank * n // world, (rank + 1) * n // world)


#: The most dimensions a tensor `gather_rows` gathers may have.
_MAX_DIMS = 8


def gather_rows(rows: torch.Tensor) -> torch.Tensor:
    """Every rank's `rows` concatenated along the first dimension in rank order, on every rank:
    with the ranks' `part`s, the whole split's rows in the one-process order. The ranks may hold
    different numbers of rows (none at all too: an empty tensor of the same dtype takes the
    others' row shape); each rank's rows are padded to the longest and sent with their count,
    as tensors (all_gather, nothing pickled). `rows` itself alone."""
    if not active():
        return rows
    import torch
    import torch.distributed as dist

    world = dist.get_world_size()
    if rows.dim() > _MAX_DIMS:
        raise ValueError(f"gather_rows takes at most {_MAX_DIMS} dimensions, got {rows.dim()}")
    count = len(rows) if rows.dim() else 0
    header = torch.full((_MAX_DIMS + 1,), -1, dtype=torch.int64)
    header[0] = count
    if count:
        header[1 : rows.dim()] = torch.tensor(rows.shape[1:], dtype=torch.int64)
    headers = [_for_backend(torch.empty_like(header)) for _ in range(world)]
    dist.all_gather(headers, _for_backend(header))
    table = torch.stack(headers).cpu()
    counts = table[:, 0].tolist()
    if not any(counts):
        return rows
    shaped = table[next(i for i, c in enumerate(counts) if c), 1:]
    row_shape = [int(d) for d in shaped.tolist() if d >= 0]
    longest = max(counts)
    padded = torch.zeros((longest, *row_shape), dtype=rows.dtype)
    if count:
        padded[:count] = rows.detach().cpu()
    padded = _for_backend(padded)
    everyone = [torch.empty_like(padded) for _ in range(world)]
    dist.all_gather(everyone, padded)
    whole = torch.cat([got[:n] for got, n in zip(everyone, counts, strict=True)])
    return whole.to(rows.device)


def gather_pairs(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every rank's (text, text) pairs (a streamed batch's unreadable images: path, why), in
    rank order, on every rank; `pairs` alone. They travel as the bytes of one JSON line per
    pair in a uint8 tensor (`gather_rows`): nothing is pickled, and a rank without any sends
    none (when no rank has any, the exchange is the one header all_gather)."""
    if not active():
        return list(pairs)
    import torch

    # ASCII JSON (every control and non-ASCII character escaped): "\n" ends each pair alone
    payload = "".join(json.dumps([first, second]) + "\n" for first, second in pairs).encode()
    empty = torch.empty(0, dtype=torch.uint8)
    whole = gather_rows(
        torch.frombuffer(bytearray(payload), dtype=torch.uint8) if payload else empty
    )
    lines = whole.cpu().numpy().tobytes().decode("ascii").split("\n")
    gathered = []
    for line in lines:
        if line:
            first, second = json.loads(line)
            gathered.append((str(first), str(second)))
    return gathered


def every_rank(values: Sequence[float]) -> list[list[float]]:
    """Each rank's `values` (as many on every rank), in rank order, on every rank: one
    all_reduce of a table with a row per rank, each rank filling its own (the others add
    zeros, so NaN and ±inf arrive as they were). ``[values]`` alone."""
    if not active():
        return [list(values)]
    import torch
    import torch.distributed as dist

    rank, world = shard()
    table = torch.zeros((world, len(values)), dtype=torch.float64)
    table[rank] = torch.tensor(list(values), dtype=torch.float64)
    table = _for_backend(table)
    dist.all_reduce(table)
    return table.cpu().tolist()


def stand_in_step(
    forward: nn.Module, model: nn.Module, empty: torch.Tensor, autocast: Callable[[], Any]
) -> tuple[torch.Tensor, torch.Tensor]:
    """(output, loss) of a rank whose whole share of a training batch could not be read
    (`empty`: no rows, a sample's shape and dtype): the others wait for it in DDP's gradient
    all-reduce, so it takes the step with them on one stand-in sample of zeros, run in eval
    mode (no BatchNorm statistics or dropout draws change), under a loss of zero: its
    gradients are zeros, weighted by its share of none (`share`)."""
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with autocast():
            out = forward(empty.new_zeros((1, *empty.shape[1:])))
    finally:
        for module, training in modes:
            module.training = training
    return out, out.float().sum() * 0.0


def same_buffers(model: nn.Module) -> None:
    """Give every rank rank 0's buffers (BatchNorm's running statistics): DDP hands them out at
    the start of each forward, so after the last training batch each rank holds its own, and an
    evaluation shared between the ranks must use the ones rank 0 saves. Nothing alone."""
    if not active():
        return
    import torch.distributed as dist

    for buffer in model.buffers():
        shared = _for_backend(buffer)  # the buffer itself where the backend can send it
        dist.broadcast(shared, src=0)
        if shared.device != buffer.device:
            buffer.copy_(shared)


def _for_backend(tensor: torch.Tensor) -> torch.Tensor:
    """`tensor` where the process group's backend can send it: this rank's GPU under nccl."""
    import torch
    import torch.distributed as dist

    if dist.get_backend() == "nccl" and tensor.device.type != "cuda":
        return tensor.to(torch.device("cuda", torch.cuda.current_device()))
    return tensor


def share(local: int, whole: int) -> float:
    """The weight of this rank's mean loss over `local` samples of a global batch of `whole`
    (the samples every rank really trains on): DDP averages the ranks' gradients, so weighting
    each by ``local * world / whole`` makes that average the gradient of the global batch's
    mean loss (1.0 alone, or when no rank has a sample)."""
    world = shard()[1]
    return 1.0 if world == 1 or whole == 0 else local * world / whole


class Disagreement(Exception):
    """The ranks of a distributed run are not about to train the same thing (one line)."""


#: What each part `agree` compares is called in its message ("read a different project file").
PARTS = {
    "project": "a different project file",
    "training": "different training settings (after the command's options)",
    "data settings": "different data settings",
    "data": "different data (other files under its data folder: other samples or labels)",
}


def digest(value: bytes | str) -> bytes:
    """The SHA-256 of `value` (text as UTF-8), as the ranks compare it."""
    return hashlib.sha256(value.encode() if isinstance(value, str) else value).digest()


#: Data settings that choose how the data is read, not what is read: machines may differ there.
READING_SETTINGS = frozenset({"memory_budget_mb", "streaming", "decoded_cache"})


def run_parts(project: Mapping[str, Any], data: BaseModel, training: BaseModel) -> dict[str, bytes]:
    """The digests `agree` compares before any data is read: the project file's sections (as
    read, a dict from `project_to_dict`) but its settings, the resolved training settings (the
    command's options applied) and the data settings that say what is read."""
    sections = {key: value for key, value in project.items() if key not in ("data", "training")}
    settings = data.model_dump(mode="json", exclude=set(READING_SETTINGS))
    settings["params"] = {k: v for k, v in settings.get("params", {}).items() if k != "download"}
    return {
        "project": digest(json.dumps(sections, sort_keys=True, default=str)),
        "training": digest(json.dumps(training.model_dump(mode="json"), sort_keys=True)),
        "data settings": digest(json.dumps(settings, sort_keys=True)),
    }


def data_digest(data: LoadedData) -> bytes:
    """A digest of loaded data that is cheap whatever its size: the task, sample shape,
    classes, split sizes and every label (never the samples themselves, nor the name, which
    holds the data folder's name: machines may keep the same data under other names)."""
    head = repr((data.task, data.input_shape, data.classes)).encode()
    hasher = hashlib.sha256(head)
    for split in (data.train, data.val, data.test):
        hasher.update(struct.pack(">q", len(split)))
        hasher.update(split.y.detach().cpu().contiguous().numpy().tobytes())
    return hasher.digest()


def first_difference(
    gathered: Sequence[Sequence[bytes]], names: Sequence[str], here: str = "", me: int = 0
) -> str | None:
    """The message for the first rank (after 0) whose digests differ from rank 0's, naming that
    rank and the first part that differs; None when every rank agrees. `gathered` holds each
    rank's digests in the order of `names`; `here` names the project file rank `me` (this
    process) read."""
    for rank, digests in enumerate(gathered[1:], start=1):
        for name, mine, theirs in zip(names, gathered[0], digests, strict=True):
            if mine != theirs:
                what = PARTS.get(name, f"a different {name}")
                where = f" (rank {me} read {here})" if name == "project" and here else ""
                return (
                    f"rank {rank} read {what} from rank 0{where}: every process of a "
                    "distributed run must train the same project with the same options and "
                    "data; give every machine the same files and the same command"
                )
    return None


def agree(parts: Mapping[str, bytes], here: str = "") -> None:
    """Raise `Disagreement` on every rank when some rank's `parts` (name: digest, see
    `digest`; the same names, in the same order, on every rank) differ from rank 0's.

    The digests travel as integer tensors (all_gather over the process group): nothing is
    unpickled. Nothing happens alone.
    """
    if not active():
        return
    import torch
    import torch.distributed as dist

    names = list(parts)
    # 32 bytes of each digest as four signed 64-bit numbers, one row per part
    rows = [list(struct.unpack(">4q", parts[name][:32].ljust(32, b"\0"))) for name in names]
    mine = torch.tensor(rows, dtype=torch.int64)
    if dist.get_backend() == "nccl":
        mine = mine.cuda()
    everyone = [torch.empty_like(mine) for _ in range(dist.get_world_size())]
    dist.all_gather(everyone, mine)
    gathered = [
        [struct.pack(">4q", *row) for row in rank_rows.cpu().tolist()] for rank_rows in everyone
    ]
    message = first_difference(gathered, names, here, dist.get_rank())
    if message is not None:
        raise Disagreement(message)
