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
from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.training.health_records import EpochHealth, HealthWarning

DEAD_ZEROS = 0.90
VANISHING_RATIO = 1e3
EXPLODING_NORM = 1e3
LARGE_UPDATE = 0.1
SATURATED = 0.90

#: Layers whose exact zeros mean a unit stopped learning.
RELU_FAMILY = frozenset({"ReLU", "ReLU6"})

#: The warnings' words (`netstudio.core.messages`: the CLI prints the English, the Training
#: health list shows them translated; health.json keeps their codes and arguments). node: the node's name; percent: a figure without its
#: percent sign ("92", ">99"); norm and times: numbers as `_number` and `_times` write them.
DEAD_RELU = Template(
    "health.dead-relu",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: {percent} % of outputs have been zero since epoch {epoch} — lower the learning "
        "rate or try LeakyReLU",
    ),
)
EXPLODING = Template(
    "health.exploding-gradients",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: gradient norm {norm} — exploding gradients: lower the learning rate or clip the "
        "gradients",
    ),
)
NO_GRADIENT = Template(
    "health.no-gradient",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: gradient norm 0, no gradient reaches it (a dead ReLU after it?) — lower the "
        "learning rate, or add BatchNorm or a residual connection",
    ),
)
VANISHING = Template(
    "health.vanishing-gradients",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: gradient norm {norm}, {times} smaller than {largest} — vanishing gradients: add "
        "BatchNorm or a residual connection",
    ),
)
LARGE_UPDATES = Template(
    "health.large-updates",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: each step changes its weights by {percent} % of their size (about 0.1 % is "
        "healthy) — lower the learning rate",
    ),
)
SATURATED_OUTPUTS = Template(
    "health.saturated",
    "HealthWarnings",
    QT_TRANSLATE_NOOP(
        "HealthWarnings",
        "{node}: {percent} % of outputs sit at the ends of its range, where it passes almost no "
        "gradient — add BatchNorm before it or use ReLU",
    ),
)
TEMPLATES = (DEAD_RELU, EXPLODING, NO_GRADIENT, VANISHING, LARGE_UPDATES, SATURATED_OUTPUTS)


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
                    DEAD_RELU(node=name, percent=_percent(stats.zeros), epoch=since),
                )
            )
        grad = stats.grad_norm
        if grad is not None and (not math.isfinite(grad) or grad >= EXPLODING_NORM):
            found.append(
                HealthWarning(
                    node_id,
                    "exploding_gradients",
                    EXPLODING(node=name, norm=_number(grad)),
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
                        NO_GRADIENT(node=name),
                    )
                )
            elif grad > 0 and top / grad >= VANISHING_RATIO:
                found.append(
                    HealthWarning(
                        node_id,
                        "vanishing_gradients",
                        VANISHING(
                            node=name,
                            norm=_number(grad),
                            times=_times(top / grad),
                            largest=top_name,
                        ),
                    )
                )
        ratio = stats.update_ratio
        if ratio is not None and (not math.isfinite(ratio) or ratio >= LARGE_UPDATE):
            found.append(
                HealthWarning(
                    node_id,
                    "large_updates",
                    LARGE_UPDATES(node=name, percent=_percent(ratio)),
                )
            )
        if stats.saturated is not None and stats.saturated >= SATURATED:
            found.append(
                HealthWarning(
                    node_id,
                    "saturated",
                    SATURATED_OUTPUTS(node=name, percent=_percent(stats.saturated)),
                )
            )
    order = {node_id: i for i, node_id in enumerate(graph.topological_order())}
    found.sort(key=lambda w: order.get(w.node_id, len(order)))
    return found


def _percent(fraction: float) -> str:
    """``92`` (the whole number nearest, ``>99`` rather than a rounded 100 that is not; the
    percent sign is the template's)."""
    if not math.isfinite(fraction):
        return "∞"
    value = fraction * 100
    if 99 < value < 100:
        return ">99"
    return f"{value:,.0f}".replace(",", " ")


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
