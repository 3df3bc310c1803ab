"""The model summary: one row per node (name, type, output shape, parameters, MACs) and totals.

Shared by `netstudio check` and the GUI's Summary dock.
"""

from __future__ import annotations

from dataclasses import dataclass

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference


@dataclass(frozen=True)
class SummaryRow:
    node_id: str
    name: str
    type_name: str
    detail: str
    shape: str
    params: int
    macs: int | None
    error: str | None


@dataclass(frozen=True)
class ModelSummary:
    rows: list[SummaryRow]
    total_params: int
    trainable_params: int
    total_macs: int

    @property
    def size_bytes(self) -> int:
        """Weights as float32."""
        return self.total_params * 4


def summarize(graph: NetworkGraph, inference: ShapeInference) -> ModelSummary:
    """Rows in topological order (graph order where there is a cycle)."""
    inference.update()
    try:
        order = graph.topological_order()
    except Exception:
        order = [n.id for n in graph.nodes()]
    rows = []
    total = trainable = macs = 0
    for node_id in order:
        node = graph.node(node_id)
        info = inference.info(node_id)
        out = info.output
        rows.append(
            SummaryRow(
                node_id=node.id,
                name=node.name,
                type_name=node.spec.name,
                detail=node.spec.describe(node.params),
                shape=out.describe() if out is not None else "?",
                params=info.param_count,
                macs=info.macs,
                error=info.error,
            )
        )
        total += info.param_count
        trainable += info.trainable_count
        macs += info.macs or 0
    return ModelSummary(rows, total, trainable, macs)


def format_count(value: int) -> str:
    """18,500 → "18.5 k"; 235,146 → "235 k"; 1,200,000 → "1.2 M" (for node footers)."""
    if value < 1000:
        return str(value)
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= size:
            scaled = value / size
            text = f"{scaled:.1f}" if scaled < 100 else f"{scaled:.0f}"
            return f"{text.removesuffix('.0')} {unit}"
    return str(value)


def format_bytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    if size < 1024**3:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024**3:.2f} GB"
