"""The records of training health: plain numbers per node, per recording and per epoch.

Kept apart from the recorder (`netstudio.training.health`) so that run results, the run folder
and the app can hold and read them without importing torch.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from netstudio.core.messages import Message

#: The statistics of one node, in the order the CSV file writes them.
STAT_NAMES = ("mean", "std", "zeros", "saturated", "grad_norm", "update_ratio")


@dataclass(frozen=True)
class NodeStats:
    """One node's statistics (one recording, or an epoch's mean). None: not measured (no
    parameters that learn, not a saturating activation)."""

    mean: float
    std: float
    zeros: float
    saturated: float | None = None
    grad_norm: float | None = None
    update_ratio: float | None = None

    def to_dict(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in STAT_NAMES}

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> NodeStats:
        return cls(**{name: _number(row.get(name)) for name in STAT_NAMES})  # type: ignore[arg-type]


@dataclass(frozen=True)
class HealthSample:
    """One recording: the node statistics of one batch (`epoch` and `batch` 1-based)."""

    epoch: int
    batch: int
    nodes: dict[str, NodeStats]


@dataclass(frozen=True)
class HealthWarning:
    """Something a person should look at: `node_id`, the `kind` (``dead_relu``,
    ``vanishing_gradients``, ``exploding_gradients``, ``large_updates``, ``saturated``) and the
    message in plain words, remedy included (a `Message` of
    `netstudio.training.health_warnings`, so the app shows it in the person's language)."""

    node_id: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """As health.json and ``netstudio train --json`` write it: the English ``message``, and
        the message's ``code`` and ``args`` (since the app was translated) to show it in
        another language."""
        data: dict[str, Any] = {"node_id": self.node_id, "kind": self.kind}
        data["message"] = str(self.message)
        if isinstance(self.message, Message):
            data.update(self.message.to_dict())
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HealthWarning:
        """A warning `to_dict` wrote. A health.json written before the warnings carried their
        code and arguments holds only the English ``message``: that text is the message (shown
        in English in any language); so is a code this version does not know."""
        # The templates register their codes when their module is imported (it needs this one).
        from netstudio.training import health_warnings  # noqa: F401

        text = str(data["message"])
        message = Message.from_dict(data) if "code" in data else None
        return cls(
            str(data["node_id"]), str(data["kind"]), message if message is not None else text
        )


@dataclass(frozen=True)
class EpochHealth:
    """An epoch's statistics (1-based `epoch`): each node's mean over the epoch's `recordings`
    (none when the budget allowed none), and the warnings as they stand after this epoch."""

    epoch: int
    recordings: int
    nodes: dict[str, NodeStats]
    warnings: tuple[HealthWarning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "recordings": self.recordings,
            "nodes": {node_id: stats.to_dict() for node_id, stats in self.nodes.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EpochHealth:
        nodes = data.get("nodes") or {}
        return cls(
            epoch=int(data["epoch"]),
            recordings=int(data.get("recordings") or 0),
            nodes={str(k): NodeStats.from_dict(v) for k, v in nodes.items()},
        )


def mean_stats(samples: Iterable[HealthSample]) -> dict[str, NodeStats]:
    """Each node's statistics averaged over `samples` (a statistic a sample lacks is left out
    of its mean; None when no sample has it)."""
    sums: dict[str, dict[str, list[float]]] = {}
    for sample in samples:
        for node_id, stats in sample.nodes.items():
            into = sums.setdefault(node_id, {name: [] for name in STAT_NAMES})
            for name in STAT_NAMES:
                value = getattr(stats, name)
                if value is not None:
                    into[name].append(value)
    return {
        node_id: NodeStats(
            **{name: (math.fsum(v) / len(v) if v else None) for name, v in values.items()}  # type: ignore[arg-type]
        )
        for node_id, values in sums.items()
    }


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
