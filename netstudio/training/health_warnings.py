"""Warnings drawn from a run's health statistics, in plain words with the usual remedies.

Each rule looks at the newest epoch that has recordings (`EpochHealth`), and some at the epochs
before it. The thresholds, chosen so that the healthy examples stay silent:

- dead ReLU: a ReLU or ReLU6 whose outputs are exactly zero ≥ `DEAD_ZEROS` (90 %) of the time
  (a healthy one is near 50 %); "since epoch k" is the first of the run of epochs like that.
- vanishing gradients: a layer whose gradient norm is ≤ 1/`VANISHING_RATIO` (1/1000) of the
  largest layer's gradient norm (a healthy network stays within a factor of ~100), or exactly 0
  while another layer has a gradient (layers whose gradients explode are not compared).
- exploding gradients: a gradient norm ≥ `EXPLODING_NORM` (1000) or not finite.
- large updates: an update-to-weight ratio ≥ `LARGE_UPDATE` (0.1; ~0.001 is the usual rule of
  thumb, and a ratio of 0.1 rewrites a tenth of the weights each step).
- saturated Sigmoid or Tanh: ≥ `SATURATED` (90 %) of its outputs within 2 % of its limits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from netstudio.core.graph import NetworkGraph
from netstudio.training.health_records import EpochHealth, HealthWarning

DEAD_ZEROS = 0.90
VANISHING_RATIO = 1e3
EXPLODING_NORM = 1e3
LARGE_UPDATE = 0.1
SATURATED = 0.90

#: Layers whose exact zeros mean a unit stopped learning.
RELU_FAMILY = frozenset({"ReLU", "ReLU6"})


def health_warnings(graph: NetworkGraph, history: Sequence[EpochHealth]) -> list[HealthWarning]:
    """The warnings for a run whose per-epoch statistics so far are `history` (oldest first),
    in the graph's node order: at most one per node and kind."""
    recorded = [epoch for epoch in history if epoch.nodes]
    if not recorded:
        return []
    latest = recorded[-1]
    found: list[HealthWarning] = []
    grads = {
        node_id: stats.grad_norm
        for node_id, stats in latest.nodes.items()
        if stats.grad_norm is not None
        and math.isfinite(stats.grad_norm)
        and stats.grad_norm < EXPLODING_NORM  # an exploding layer is no measure of the rest
    }
    largest = max(grads, key=grads.__getitem__, default=None)
    for node_id, stats in latest.nodes.items():
        if node_id not in graph:
            continue
        node = graph.node(node_id)
        name = node.name
        if node.type_id in RELU_FAMILY and stats.zeros >= DEAD_ZEROS:
            since = latest.epoch
            for epoch in reversed(recorded):
                other = epoch.nodes.get(node_id)
                if other is None or other.zeros < DEAD_ZEROS:
                    break
                since = epoch.epoch
            found.append(
                HealthWarning(
                    node_id,
                    "dead_relu",
                    f"{name}: {_percent(stats.zeros)} of outputs have been zero since epoch "
                    f"{since} — lower the learning rate or try LeakyReLU",
                )
            )
        grad = stats.grad_norm
        if grad is not None and (not math.isfinite(grad) or grad >= EXPLODING_NORM):
            found.append(
                HealthWarning(
                    node_id,
                    "exploding_gradients",
                    f"{name}: gradient norm {_number(grad)} — exploding gradients: lower the "
                    "learning rate or clip the gradients",
                )
            )
        elif grad is not None and largest is not None and largest != node_id:
            top = grads[largest]
            top_name = graph.node(largest).name if largest in graph else largest
            if grad == 0 and top > 0:
                found.append(
                    HealthWarning(
                        node_id,
                        "vanishing_gradients",
                        f"{name}: gradient norm 0, no gradient reaches it (a dead ReLU after it?) "
                        "— lower the learning rate, or add BatchNorm or a residual connection",
                    )
                )
            elif grad > 0 and top / grad >= VANISHING_RATIO:
                found.append(
                    HealthWarning(
                        node_id,
                        "vanishing_gradients",
                        f"{name}: gradient norm {_number(grad)}, {_times(top / grad)} smaller "
                        f"than {top_name} — vanishing gradients: add BatchNorm or a residual "
                        "connection",
                    )
                )
        ratio = stats.update_ratio
        if ratio is not None and (not math.isfinite(ratio) or ratio >= LARGE_UPDATE):
            found.append(
                HealthWarning(
                    node_id,
                    "large_updates",
                    f"{name}: each step changes its weights by {_percent(ratio)} of their size "
                    "(about 0.1 % is healthy) — lower the learning rate",
                )
            )
        if stats.saturated is not None and stats.saturated >= SATURATED:
            found.append(
                HealthWarning(
                    node_id,
                    "saturated",
                    f"{name}: {_percent(stats.saturated)} of outputs sit at the ends of its "
                    f"range, where it passes almost no gradient — add BatchNorm before it or use "
                    "ReLU",
                )
            )
    order = {node_id: i for i, node_id in enumerate(graph.topological_order())}
    found.sort(key=lambda w: order.get(w.node_id, len(order)))
    return found


def _percent(fraction: float) -> str:
    """``92 %`` (the whole number nearest, ``>99 %`` rather than a rounded 100 that is not)."""
    if not math.isfinite(fraction):
        return "∞ %"
    value = fraction * 100
    if 99 < value < 100:
        return ">99 %"
    return f"{value:,.0f} %".replace(",", " ")


def _number(value: float) -> str:
    """A small or large number as people write it: ``1e-7``, ``0.003``, ``2e+4``, ``inf``."""
    if not math.isfinite(value):
        return str(value)
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _times(ratio: float) -> str:
    """``10 000×``: two significant digits, grouped by spaces."""
    if not math.isfinite(ratio):
        return "∞×"
    digits = max(0, math.floor(math.log10(ratio)) - 1)
    rounded = round(ratio / 10**digits) * 10**digits
    return f"{rounded:,.0f}×".replace(",", " ")
