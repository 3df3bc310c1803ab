"""The model summary: one row per node (name, type, output shape, parameters, MACs) and totals.

A Block is one row: its last copy's output shape, and the parameters and MACs of all its copies.

Shared by `netstudio check` and the GUI's Summary dock.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from netstudio.core.blocks import BLOCK
from netstudio.core.graph import NetworkGraph, Node
from netstudio.core.shapes import NodeInfo, ShapeInference


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
    trainable: int = 0
    #: The MACs are still being counted (see `summarize`'s count_macs).
    macs_pending: bool = False
    #: A Block's number of copies (its params and MACs are those of all of them); None for
    #: other nodes.
    repeat: int | None = None


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

    @property
    def params_by_node(self) -> dict[str, int]:
        """Each node's parameter count, by node id (what the trainable/frozen split of the
        fine-tuning settings is counted from)."""
        return {row.node_id: row.params for row in self.rows}


def summarize(
    graph: NetworkGraph,
    inference: ShapeInference,
    *,
    count_macs: bool = True,
    previous: ModelSummary | None = None,
    changed: Collection[str] = (),
) -> ModelSummary:
    """Rows in topological order (cyclic nodes last).

    count_macs: count every node's MACs first (exact totals, as `netstudio check` prints);
    False takes what `inference` has counted so far (the editor counts them a slice at a
    time after the shapes are shown) and says whether some are still to come.
    previous, changed: the summary before an edit and the nodes the edit's analysis changed:
    the other rows are taken from `previous` (the editor's table at thousands of nodes).
    """
    inference.update()
    if count_macs:
        inference.count_macs()
    known = {row.node_id: row for row in previous.rows} if previous is not None else {}
    for node_id in changed:
        known.pop(node_id, None)
    rows = []
    for node_id in inference.order():
        row = known.get(node_id)
        if row is None or row.macs_pending:
            row = _row(graph.node(node_id), inference.info(node_id))
        rows.append(row)
    return ModelSummary(
        rows,
        sum(row.params for row in rows),
        sum(row.trainable for row in rows),
        sum(row.macs or 0 for row in rows),
        inference.macs_pending,
    )


def _row(node: Node, info: NodeInfo) -> SummaryRow:
    out = info.output
    spec = node.spec
    return SummaryRow(
        node_id=node.id,
        name=node.name,
        type_name=spec.name,
        detail=spec.describe(node.params),
        shape=out.describe() if out is not None else "?",
        params=info.param_count,
        macs=info.macs,
        error=info.error,
        trainable=info.trainable_count,
        macs_pending=info.macs is None and info.mac_job is not None,
        repeat=node.params["repeat"] if node.type_id == BLOCK else None,
    )


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
