"""What must hold before a run starts, read from the open document (GUI thread, no torch work).

The loss/output rules themselves live in `netstudio.training.compat` (plain Python, tested on
their own); this module feeds them the inferred shapes and what is known of the data.
"""

from __future__ import annotations

from typing import Any

from netstudio.core.validation import errors
from netstudio.gui.document import Document
from netstudio.training.compat import check_compatibility, known_classes
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig


def _shape(document: Document, node_id: str) -> tuple[int, ...] | None:
    info = document.info(node_id)
    tensor = info.output if info is not None else None
    return tuple(tensor.shape) if tensor is not None else None


def start_problems(
    document: Document, data: DataConfig, config: TrainingConfig, loaded: Any = None
) -> list[str]:
    """Every reason `document` cannot train with these settings, each naming its fix.

    loaded: a LoadedData of these very data settings, when one is at hand (its class count or
    target size is then known exactly, for CSV and image folders too).
    """
    found = errors(document.problems)
    if found:
        count = len(found)
        return [
            f"The network has {count} error{'s' if count != 1 else ''} "
            f"(first: {found[0].where}: {found[0].message}): fix the problems first "
            "(Model ▸ Check Network)"
        ]
    graph = document.graph
    inputs = [n for n in graph.nodes() if n.type_id == "Input"]
    outputs = [n for n in graph.nodes() if n.type_id == "Output"]
    if len(inputs) != 1 or len(outputs) != 1:
        return [
            f"Training needs exactly one Input and one Output; this network has "
            f"{len(inputs)} and {len(outputs)}: add or remove them"
        ]
    out_shape = _shape(document, outputs[0].id)
    loss = config.loss.type
    if config.task == "reconstruction":
        return check_compatibility(
            out_shape, "reconstruction", loss, input_shape=_shape(document, inputs[0].id)
        )
    if loaded is not None:
        if loaded.task == "classification":
            return check_compatibility(
                out_shape, "classification", loss, num_classes=loaded.num_classes
            )
        return check_compatibility(out_shape, "regression", loss, target_size=loaded.target_size)
    classes = known_classes(data)
    if classes is not None:  # the trainer reads the targets by the data's task
        return check_compatibility(out_shape, "classification", loss, num_classes=classes)
    return []
