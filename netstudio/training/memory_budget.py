"""How much memory loading a dataset takes, the budget it must fit, and the path that follows.

The preloaded fast path decodes every image into one uint8 stack, copies it into the splits
(dropping the stack) and converts each split to float32; at its peak the uint8 splits and the
float32 ones live at once, so it needs about `PRELOAD_BYTES_PER_VALUE` bytes per decoded value
(5: 1 + 4), measured by ``tests/training/test_memory_budget.py`` against the process's peak.
A table of numbers (CSV) is read in chunks of text, each turned into float32 numbers at once,
and then split: `table_bytes`, measured by ``tests/training/test_csv_memory.py``. Every
source's estimate is its `DataSource.memory_needed`, which Train plans with and the Data panel
shows. Data whose estimate is over the budget (by default `DEFAULT_SHARE` of the memory
available now) streams from disk instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from netstudio.training import data_messages as words
from netstudio.training.loaded_data import DataError

#: Bytes the preloaded path holds at its peak per decoded uint8 value (see module docstring).
PRELOAD_BYTES_PER_VALUE = 5
#: Bytes of one float32 number, as every preloaded split holds its samples.
FLOAT_BYTES = 4
#: Bytes one cell of a CSV chunk takes while the chunk is read: its text as a Python string
#: (~49 bytes and the text), its places in the lists of the rows, and its float64 and float32
#: numbers (measured ~75 with ``tests/training/test_csv_memory.py``).
TEXT_CELL_BYTES = 75
#: Bytes of a chunk's cell the process keeps after the chunk is read (Python holds on to part
#: of the heap the text took).
KEPT_CELL_BYTES = 30
#: Bytes a row takes for a moment while the splits are drawn, with its label: a stratified
#: split (classification) works with several index arrays (measured ~74), a plain one less.
PLAN_ROW_BYTES = {True: 80, False: 35}
#: Bytes a row keeps beside its numbers once split: its label, the split's copy of it, and
#: its index in the split plan.
SPLIT_ROW_BYTES = 24
#: The share of the available memory the data may take when no budget is set.
DEFAULT_SHARE = 0.5

Streaming = Literal["auto", "always", "never"]


def preload_bytes(count: int, sample_shape: tuple[int, ...]) -> int:
    """Peak bytes the fast path takes to hold `count` samples of `sample_shape` (decoded)."""
    return count * math.prod(sample_shape) * PRELOAD_BYTES_PER_VALUE


def table_bytes(rows: int, values: int, chunk_cells: int, stratified: bool) -> int:
    """Peak bytes the preloaded path takes for a table of `rows` rows of `values` numbers each
    (features, and regression targets), read as text `chunk_cells` cells at a time and split
    `stratified` by class (classification) or not.

    Three moments compete: the last chunk read, its text beside the float32 numbers read so
    far; the split plan drawn beside them; and the splits, each a float32 copy of its rows of
    the whole table (twice the numbers). With a separate test file (held as read, not copied)
    it is an upper bound, by 4 bytes a test-file number at most.
    """
    numbers = rows * values * FLOAT_BYTES
    kept = chunk_cells * KEPT_CELL_BYTES
    reading = numbers + chunk_cells * TEXT_CELL_BYTES
    planning = numbers + rows * PLAN_ROW_BYTES[stratified] + kept
    splitting = 2 * numbers + rows * SPLIT_ROW_BYTES + kept
    return max(reading, planning, splitting)


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
