"""A failure that one process of a distributed run meets, as every process learns of it.

Under torchrun the ranks wait for one another in collectives (the step exchange, DDP's gradient
all-reduce in the backward pass, the epoch's sums), so a rank that stops alone leaves the
others waiting. Two ways keep them together:

- **In the step** (`shared`): the training loop catches what the forward pass and the loss
  raise and sends a failed flag with the step's figures (`step_status`, the same one
  all-reduce that already checks every loss is finite). When a flag is up every rank takes
  the first failing rank's failure (its words, gathered from it) and stops at that batch,
  naming the rank; only rank 0 prints and writes it, as it does everything.
- **Outside it** (`settle`, from `Trainer.run`): an error in the backward pass or the
  optimizer step (out of memory), or anywhere the others cannot be told in time. The others
  wait for the failing rank in DDP's gradient all-reduce, which gives up only when that rank's
  process ends (gloo then breaks the connection; nccl waits for its timeout), and torchrun
  then stops them: rank 0 cannot say it, so the failing rank says it (`speaks`), naming
  itself, and its command ends. It also leaves its failure in the run's rendezvous store (the
  key-value store torchrun's processes meet through): a rank that meets the broken connection
  reads it there, and rank 0 records it in the run folder where it still can (the epochs so
  far are in it already). A failure before the first step (setting up the network or the
  data) is met by every rank alike: rank 0 says it, and says one that only another rank met
  when it reads it from the store. Rank 0's own failures are said as they are.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Sequence
from typing import Any, cast, get_args

from netstudio.core.messages import Message
from netstudio.training import distributed
from netstudio.training import distributed_messages as words
from netstudio.training.failures import first_line
from netstudio.training.results import FailureKind, TrainingFailure

#: Seconds a rank whose peer broke the connection looks for that peer's failure in the store
#: (it is written before the connection breaks: a moment suffices).
LOOK_FOR = 5.0
#: Where in its own sources a backend's message says it was raised ("[…/pair.cc:561] ").
_SOURCE_PLACE = re.compile(r"^\[[^\]]*\]\s*")
#: What torch's backends say when another process of the group is gone.
_PEER_GONE = re.compile(
    r"Connection (closed|reset) by peer|Broken pipe|DistBackendError|DistNetworkError|"
    r"NCCL communicator was aborted|process group .* destroyed",
    re.IGNORECASE,
)


class RankFailure(TrainingFailure):
    """A failure of a distributed run as this rank reports it. `speaks`: whether this rank
    says it (on its error output): None, as every line of the run, only rank 0; True, this
    rank, which met it where rank 0 could not learn of it; False, not even rank 0, as the
    rank that met it said it. `shared`: every rank took it in the same step (nothing more to
    settle). Rank 0 records every failure it learns of in the run folder."""

    def __init__(
        self, failure: TrainingFailure, *, speaks: bool | None = None, shared: bool = False
    ) -> None:
        super().__init__(
            failure.kind,
            failure.message,
            node_id=failure.node_id,
            epoch=failure.epoch,
            batch=failure.batch,
            details=failure.details,
            fixes=failure.fixes,
        )
        self.speaks = speaks
        self.shared = shared


def step_status(value: float, count: int, failure: TrainingFailure | None) -> list[list[float]]:
    """Every rank's (loss, samples it trained on, failed: 1.0 or 0.0) of one training step, in
    rank order: one all-reduce (`distributed.every_rank`)."""
    return distributed.every_rank([value, float(count), 0.0 if failure is None else 1.0])


def shared(status: Sequence[Sequence[float]], failure: TrainingFailure | None) -> None:
    """Raise, on every rank, the failure of the first rank whose flag in `status`
    (`step_status`) is up, naming that rank; nothing when none failed. This rank's own
    `failure` (None when it did not fail) travels to the others as its message's code and
    arguments (`distributed.gather_pairs`: nothing pickled)."""
    failed = [rank for rank, row in enumerate(status) if row[2]]
    if not failed:
        return
    first = failed[0]
    mine = [(str(distributed.shard()[0]), _dumps(failure))] if failure is not None else []
    gathered = dict(distributed.gather_pairs(mine))
    theirs = failure if first == distributed.shard()[0] else _loads(gathered.get(str(first)))
    assert theirs is not None  # the first failing rank sent its failure
    raise RankFailure(theirs.on_rank(first), shared=True)


def settle(failure: TrainingFailure, error: BaseException, stepping: bool) -> TrainingFailure:
    """`failure` (from `error`, which ended this rank's run) as this rank reports it in a
    distributed run (see module docstring); `failure` itself alone or when every rank already
    shares it. `stepping`: the ranks had begun to step together (before, each rank meets what
    the others meet: setting up the network and the data)."""
    if isinstance(failure, RankFailure) and failure.shared:
        return failure
    ranks = distributed.from_environment()
    if ranks is None or not _started():
        return failure
    store = _store()
    if _peer_gone(error, failure):
        found = _peer_failure(store, ranks.world, ranks.rank)
        if found is None:  # rank 0 says that another process stopped
            said = _SOURCE_PLACE.sub("", first_line(_deepest(error)))  # gloo's "[pair.cc:561] "
            stopped = TrainingFailure(
                "error", words.PEER_STOPPED(error=said), details=failure.details
            )
            return RankFailure(stopped)
        rank, theirs, spoke = found
        named = theirs.on_rank(rank) if rank else theirs
        return RankFailure(named, speaks=False if spoke else None)
    # said where it happened once the ranks step together (rank 0 waits for it there)
    speaks = stepping and not ranks.main
    _put(store, f"netstudio/failure/{ranks.rank}", _dumps(failure, spoke=speaks or ranks.main))
    if ranks.main:  # said as it is: often every rank meets it (a project that cannot train)
        return RankFailure(failure)
    return RankFailure(failure.on_rank(ranks.rank), speaks=speaks)


def _started() -> bool:
    import torch.distributed as dist

    return dist.is_available() and dist.is_initialized()


def _store() -> Any:
    """The process group's rendezvous store; None when torch does not give it."""
    try:
        from torch.distributed import distributed_c10d

        return distributed_c10d._get_default_store()
    except Exception:  # a torch without it: the failure is said where it happened
        return None


def _put(store: Any, key: str, value: str) -> None:
    if store is None:
        return
    with contextlib.suppress(Exception):  # the store's host is gone: nobody is left to read it
        store.set(key, value)


def _peer_failure(store: Any, world: int, me: int) -> tuple[int, TrainingFailure, bool] | None:
    """(rank, failure, whether that rank said it) of the first other rank that left its
    failure in the store, looked for during `LOOK_FOR` seconds; None when none did."""
    if store is None:
        return None
    keys = {rank: f"netstudio/failure/{rank}" for rank in range(world) if rank != me}
    deadline = time.monotonic() + LOOK_FOR
    while True:
        for rank, key in keys.items():
            try:
                if store.check([key]):
                    text = store.get(key).decode()
                    failure = _loads(text)
                    if failure is not None:
                        return rank, failure, bool(json.loads(text).get("spoke"))
            except Exception:  # the store is gone: no rank can say more
                return None
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def _peer_gone(error: BaseException, failure: TrainingFailure) -> bool:
    """Whether `error` (or what it was raised from) says another process of the group is gone."""
    seen: BaseException | None = error
    while seen is not None:
        if _PEER_GONE.search(f"{type(seen).__name__}: {seen}"):
            return True
        seen = seen.__cause__ or seen.__context__
    return bool(_PEER_GONE.search(failure.details))


def _deepest(error: BaseException) -> BaseException:
    """The error `error` was raised from, and so on: the backend's own (the trainer's failure
    says the network failed; what failed was the connection)."""
    while (error.__cause__ or error.__context__) is not None:
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return error


def _dumps(failure: TrainingFailure | None, spoke: bool = False) -> str:
    """`failure` as one line of JSON: its message as code and arguments where it is a
    `Message` (so it stays translatable), else its text; `spoke`: the rank said it."""
    if failure is None:
        return ""
    data = {**failure.to_dict(), "spoke": spoke}
    if isinstance(failure.message, Message):
        data["template"] = failure.message.to_dict()
    return json.dumps(data)


def _loads(text: str | None) -> TrainingFailure | None:
    """The failure `_dumps` wrote; None for nothing or something unreadable."""
    try:
        data = json.loads(text or "")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    message = Message.from_dict(data.get("template")) or str(data.get("message", ""))

    def number(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) else None

    node = data.get("node_id")
    kind = data.get("kind")
    return TrainingFailure(
        cast("FailureKind", kind if kind in get_args(FailureKind) else "error"),
        message,
        node_id=node if isinstance(node, str) else None,
        epoch=number("epoch"),
        batch=number("batch"),
    )
