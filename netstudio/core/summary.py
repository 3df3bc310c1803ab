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
    #: The MACs are still being counted (see `summarize`'s count_macs).
    macs_pending: bool = False


@dataclass(frozen=True)
class ModelSummary:
    rows: list[SummaryRow]
    total_params: int
    trainable_params: int
    total_macs: int
    #: Some rows' MACs are still being counted (their `macs` is None until then).
    macs_pending: bool = False

    @property
    def size_bytes(self) -> int:
        """Weights as float32."""
        return self.total_params * 4


def summarize(
    graph: NetworkGraph, inference: ShapeInference, *, count_macs: bool = True
) -> ModelSummary:
    """Rows in topological order (cyclic nodes last).

    count_macs: count every node's MACs first (exact totals, as `netstudio check` prints);
    False takes what `inference` has counted so far (the editor counts them a slice at a
    time after the shapes are shown) and says whether some are still to come.
    """
    inference.update()
    if count_macs:
        inference.count_macs()
    order = inference.order()
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
                macs_pending=info.macs is None and info.mac_job is not None,
            )
        )
        total += info.param_count
        trainable += info.trainable_count
        macs += info.macs or 0
    return ModelSummary(rows, total, trainable, macs, inference.macs_pending)


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
