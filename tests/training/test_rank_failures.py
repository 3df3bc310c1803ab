"""The parts of a distributed run's failure handling and empty shares that one process can
check (the two-process runs are in test_distributed.py): a failure travels between ranks with
its words intact, a broken connection is told from a rank's own error, a stand-in step changes
nothing, and a streamed training batch whose images were all left out comes with no rows (but
the samples' shape) for a distributed run's step, and is passed over alone."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import torch
from torch import nn

from netstudio.training import distributed
from netstudio.training import failure_messages as words
from netstudio.training.batches import make_batches
from netstudio.training.rank_failures import (
    _SOURCE_PLACE,
    RankFailure,
    _deepest,
    _dumps,
    _loads,
    _peer_gone,
    settle,
)
from netstudio.training.results import TrainingFailure
from netstudio.training.streaming import StreamSplit


def test_a_failure_travels_with_its_words_and_where_it_happened() -> None:
    when = " at epoch 2, batch 3"
    said = words.OUT_OF_MEMORY_ON(device="the CPU", where="", when=when, asked="", shrink="x")
    failure = TrainingFailure("memory", said, node_id="fc1", epoch=2, batch=3)
    back = _loads(_dumps(failure))
    assert back is not None
    assert (back.kind, back.message, back.node_id, back.epoch, back.batch) == (
        "memory",
        failure.message,
        "fc1",
        2,
        3,
    )
    assert back.message.to_dict() == failure.message.to_dict()  # type: ignore[attr-defined]
    named = back.on_rank(1)
    assert named.message.startswith("on rank 1, ran out of memory on the CPU at epoch 2, batch 3")
    # what is not a failure's record is none; an unknown kind is an error
    assert _loads("") is None and _loads("[1, 2]") is None
    odd = _loads('{"kind": "exploded", "message": "m", "epoch": "2"}')
    assert odd is not None and (odd.kind, odd.message, odd.epoch) == ("error", "m", None)


def test_a_broken_connection_is_told_from_a_rank_s_own_error() -> None:
    gone = RuntimeError(
        "[../gloo/transport/tcp/pair.cc:561] Connection closed by peer [127.0.0.1]:4242"
    )
    own = RuntimeError("DefaultCPUAllocator: can't allocate memory")
    assert _peer_gone(gone, TrainingFailure("shape", "m"))
    assert not _peer_gone(own, TrainingFailure("memory", "m"))
    try:  # as the trainer raises it: its own failure, from the error behind it
        try:
            raise gone
        except RuntimeError:
            raise TrainingFailure("shape", "the network failed") from None
    except TrainingFailure as raised:
        assert _peer_gone(raised, raised)
        assert _deepest(raised) is gone
    assert _SOURCE_PLACE.sub("", str(gone)) == "Connection closed by peer [127.0.0.1]:4242"
    # alone, a failure is as it was
    failure = TrainingFailure("memory", "m")
    assert settle(failure, own, stepping=True) is failure
    shared = RankFailure(failure, shared=True)
    assert settle(shared, own, stepping=True) is shared and shared.speaks is None


def test_a_stand_in_step_gives_zero_gradients_and_changes_no_statistics() -> None:
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Dropout(0.5), nn.Linear(4, 2))
    model.train()
    model[2].eval()  # a mode of its own is kept
    before = {k: v.clone() for k, v in model.state_dict().items()}
    rng = torch.get_rng_state()
    empty = torch.zeros((0, 3))
    out, loss = distributed.stand_in_step(model, model, empty, contextlib.nullcontext)
    assert out.shape == (1, 2) and loss.item() == 0.0
    loss.backward()
    assert all(p.grad is not None and not p.grad.any() for p in model.parameters())
    for key, value in model.state_dict().items():
        assert torch.equal(value, before[key]), key
    assert torch.equal(torch.get_rng_state(), rng)  # no dropout draws
    assert [m.training for m in model] == [True, True, False, True]


def test_a_batch_of_unreadable_images_comes_empty_to_a_distributed_step(tmp_path: Path) -> None:
    from PIL import Image

    paths = []
    for i in range(8):
        path = tmp_path / f"{i}.png"
        Image.fromarray(np.full((4, 4), 30 * i, dtype=np.uint8)).save(path)
        paths.append(path)
    for path in paths[:4]:  # the first batch of 4 (not shuffled below) cannot be read
        path.write_bytes(b"not a png")
    split = StreamSplit([(str(p), i % 2) for i, p in enumerate(paths)], (4, 4), True, total=400)
    shaped = split.for_input((16,), as_long=False)
    x, y, skipped, at = shaped.__getitems__([0, 1])
    assert x.shape == (0, 16) and x.dtype == torch.float32 and len(y) == len(at) == 0
    assert len(skipped) == 2

    def batches(shard: tuple[int, int], train: bool) -> list[int]:
        made = make_batches(split, 4, train=train, num_workers=0, shard=shard)
        made.sampler.shuffle = False  # type: ignore[union-attr]
        return [len(x) for x, _ in made]

    assert batches((0, 1), train=True) == [4]  # alone: passed over, as before
    assert batches((0, 2), train=False) == [2]  # evaluating: passed over
    # a rank of two (here alone: its gather is its own) steps on every batch
    assert batches((1, 2), train=True) == [0, 2]
