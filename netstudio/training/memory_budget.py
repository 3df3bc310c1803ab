"""How much memory loading a dataset takes, the budget it must fit, and the path that follows.

The preloaded fast path decodes every image into one uint8 stack, copies it into the splits
(dropping the stack) and converts each split to float32; at its peak the uint8 splits and the
float32 ones live at once, so it needs about `PRELOAD_BYTES_PER_VALUE` bytes per decoded value
(5: 1 + 4), measured by ``tests/training/test_memory_budget.py`` against the process's peak. Data whose estimate is over
the budget (by default `DEFAULT_SHARE` of the memory available now) streams from disk instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError

#: Bytes the preloaded path holds at its peak per decoded uint8 value (see module docstring).
PRELOAD_BYTES_PER_VALUE = 5
#: The share of the available memory the data may take when no budget is set.
DEFAULT_SHARE = 0.5

Streaming = Literal["auto", "always", "never"]


def preload_bytes(count: int, sample_shape: tuple[int, ...]) -> int:
    """Peak bytes the fast path takes to hold `count` samples of `sample_shape` (decoded)."""
    return count * math.prod(sample_shape) * PRELOAD_BYTES_PER_VALUE


def available_memory() -> int:
    """Bytes of memory a new allocation can take now (psutil: free plus reclaimable cache)."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    return int(psutil.virtual_memory().available)


def memory_budget(budget_mb: int | None) -> int:
    """The budget in bytes: `budget_mb` megabytes (MiB) when set, else `DEFAULT_SHARE` of the
    memory available now."""
    if budget_mb is None:
        return int(available_memory() * DEFAULT_SHARE)
    if budget_mb < 1:
        raise DataError(words.BUDGET_TOO_SMALL(budget=budget_mb))
    return budget_mb * 2**20


def gib(size: int) -> str:
    """A size as people read budgets: "7.7 GiB", "512.0 MiB", "96.0 KiB"."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class LoadingPlan:
    """Which way the data is read, and why (`reason`, one line for the CLI and the run)."""

    streaming: bool
    needed: int | None
    budget: int
    reason: str


def plan_loading(
    streaming: Streaming, needed: int | None, budget: int, can_stream: bool, name: str
) -> LoadingPlan:
    """Stream when asked to (``always``) or when `needed` bytes are over `budget` (``auto``),
    where the source can; otherwise preload. `name` is the source's, for the reason."""
    size = gib(needed) if needed is not None else ""
    reason: str
    if not can_stream:
        reason = words.WHOLE_SIZED(name=name, size=size) if size else words.WHOLE(name=name)
        return LoadingPlan(False, needed, budget, reason)
    if streaming == "always":
        reason = words.STREAM_ASKED_SIZED(size=size) if size else words.STREAM_ASKED()
        return LoadingPlan(True, needed, budget, reason)
    over = needed is not None and needed > budget
    if streaming == "never":
        if not size:
            reason = words.STREAM_OFF()
        elif over:
            reason = words.STREAM_OFF_OVER(size=size, budget=gib(budget))
        else:
            reason = words.STREAM_OFF_SIZED(size=size)
        return LoadingPlan(False, needed, budget, reason)
    if over:
        return LoadingPlan(True, needed, budget, words.STREAM_OVER(size=size, budget=gib(budget)))
    reason = words.WITHIN(size=size, budget=gib(budget)) if size else words.SIZE_UNKNOWN()
    return LoadingPlan(False, needed, budget, reason)
