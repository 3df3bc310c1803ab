"""Fine-tuning from the app: freezing layers, their learning-rate multipliers, Fit to data.

Each edit a person makes here is one undo step: the Inspector's Trainable switch and LR × field,
Freeze / Unfreeze on a selection, "Freeze everything before this layer" (a `SetSectionCommand`
of the ``training`` section, made by `netstudio.training.fine_tuning`'s `with_frozen` and
`with_multiplier`), and Fit to data (the head's ``out_features`` and its starting tensors
dropped, in one macro). What the Summary and the status bar say of the split between trainable
and frozen parameters, and of the project's starting weights, is worded here too, so the two
say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from netstudio.gui import i18n
from netstudio.gui.commands import SetParamsCommand, SetSectionCommand, SetStartingWeightsCommand
from netstudio.training.fine_tuning import (
    ParameterSplit,
    nodes_before,
    parameter_split,
    with_frozen,
    with_multiplier,
)

if TYPE_CHECKING:
    from netstudio.gui.document import Document

#: The largest learning-rate multiplier a layer takes (as `FineTuningConfig` allows).
MAX_MULTIPLIER = 1000.0


def tuning_section(document: Document) -> Mapping[str, Any]:
    """The project's ``training.fine_tuning`` as the file holds it ({} when absent or odd)."""
    training = document.project.training
    tuning = training.get("fine_tuning") if isinstance(training, dict) else None
    return tuning if isinstance(tuning, dict) else {}


def frozen_ids(document: Document) -> set[str]:
    """The ids of the nodes the project freezes."""
    ids = tuning_section(document).get("frozen") or []
    return {i for i in ids if isinstance(i, str)}


def multiplier_of(document: Document, node_id: str) -> float:
    """The learning-rate multiplier of `node_id` (1: the optimizer's own rate)."""
    rates = tuning_section(document).get("lr_multipliers") or {}
    value = rates.get(node_id, 1.0) if isinstance(rates, dict) else 1.0
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 1.0


def params_by_node(document: Document) -> dict[str, int]:
    """Each analysed node's parameter count ({} before the first analysis)."""
    if not document.analysed_once:
        return {}
    counts = {}
    for node in document.graph.nodes():
        info = document.info(node.id)
        if info is not None:
            counts[node.id] = info.param_count
    return counts


def has_parameters(document: Document, node_id: str) -> bool:
    info = document.info(node_id)
    return info is not None and info.param_count > 0


def split(document: Document) -> ParameterSplit:
    """How many of the network's parameters learn and how many are frozen."""
    return parameter_split(params_by_node(document), frozen_ids(document))


def _push_section(document: Document, section: dict[str, Any], text: str) -> bool:
    """Push one edit of the training section as an undo step of its own (never merged with
    the one before, as a typed entry of the Training panel); False when nothing changes."""
    if section == document.project.training:
        return False
    stack = document.undo_stack
    stack.beginMacro(text)
    stack.push(SetSectionCommand(document, "training", section, text))
    stack.endMacro()
    return True


def _names(document: Document, node_ids: list[str]) -> str:
    graph = document.graph
    if len(node_ids) == 1:
        return graph.node(node_ids[0]).name
    text = QCoreApplication.translate("TuningEdits", "{count} layers")
    return text.format(count=i18n.number(len(node_ids)))


def set_frozen(document: Document, node_ids: Iterable[str], frozen: bool) -> bool:
    """Freeze (or let learn again) the nodes `node_ids` that have parameters: one undo step;
    False when that changes nothing."""
    chosen = set(node_ids)  # in the file's order, whatever order they were selected in
    ids = [n.id for n in document.graph.nodes() if n.id in chosen]
    ids = [i for i in ids if has_parameters(document, i)]
    if not ids:
        return False
    section = with_frozen(document.project.training, ids, frozen)
    if frozen:
        text = QCoreApplication.translate("TuningEdits", "Freeze {layers}")
    else:
        text = QCoreApplication.translate("TuningEdits", "Unfreeze {layers}")
    return _push_section(document, section, text.format(layers=_names(document, ids)))


def freeze_before(document: Document, node_id: str) -> list[str]:
    """Freeze every node with parameters that feeds `node_id` ("Freeze everything before this
    layer"): one undo step. Returns the ids frozen ([]: none has parameters)."""
    ids = nodes_before(document.graph, node_id, params_by_node(document))
    if not ids:
        return []
    section = with_frozen(document.project.training, ids, True)
    name = document.graph.node(node_id).name
    text = QCoreApplication.translate("TuningEdits", "Freeze everything before {name}")
    _push_section(document, section, text.format(name=name))
    return ids


def parse_multiplier(text: str) -> tuple[float | None, str]:
    """The multiplier typed in the LR × field (blank: 1, the optimizer's own rate) and why it
    cannot be taken ("" when it can)."""
    text = text.strip()
    if not text:
        return None, ""
    try:
        value = float(text)
    except ValueError:
        message = QCoreApplication.translate(
            "TuningEdits", "'{text}' is not a number: allowed is more than 0, at most 1000"
        )
        return None, message.format(text=text)
    if not 0 < value <= MAX_MULTIPLIER:
        message = QCoreApplication.translate(
            "TuningEdits", "{text} is out of range: allowed is more than 0, at most 1000"
        )
        return None, message.format(text=text)
    return value, ""


def set_multiplier(document: Document, node_id: str, multiplier: float | None) -> bool:
    """Give `node_id` its own learning-rate multiplier (None or 1: the optimizer's rate): one
    undo step; False when it already has it."""
    section = with_multiplier(document.project.training, node_id, multiplier)
    name = document.graph.node(node_id).name
    text = QCoreApplication.translate("TuningEdits", "Change {name} learning-rate multiplier")
    return _push_section(document, section, text.format(name=name))


def fit_to_data(document: Document, node_id: str) -> str:
    """Fit to data: the head `node_id` gets as many units as the data needs, and starts afresh
    (its starting tensors are dropped), as one undo step. Returns what was done, for the status
    bar. Raises HeadFitError (not a head, or data without a unit count), the data's DataError,
    or GraphError when the graph refuses the value."""
    from netstudio.core.errors import GraphError
    from netstudio.training.head_fit import fit_head

    fit = fit_head(document.project, node_id)
    node = document.graph.node(fit.node_id)
    keep = _without_node(document, fit.node_id)
    drops = len(keep) != len(document.starting_weights)
    if not fit.changes and not drops:
        text = QCoreApplication.translate(
            "TuningEdits", "{name} already has {units} units: {reason}"
        )
        return text.format(
            name=node.name, units=i18n.number(fit.units), reason=i18n.translated(fit.reason)
        )
    stack = document.undo_stack
    text = QCoreApplication.translate("TuningEdits", "Fit {name} to the data").format(
        name=node.name
    )
    command = SetParamsCommand(document.graph, fit.node_id, {fit.param: fit.units})
    if fit.changes:
        error = command.attempt()
        if error is not None:
            raise GraphError(error.message, error.node_id)
    stack.beginMacro(text)
    if fit.changes:
        stack.push(command)
    if drops:
        stack.push(SetStartingWeightsCommand(document, keep, text))
    stack.endMacro()
    if drops:
        done = QCoreApplication.translate(
            "TuningEdits", "{name} now has {units} units ({reason}); it starts from fresh weights"
        )
    else:
        done = QCoreApplication.translate("TuningEdits", "{name} now has {units} units ({reason})")
    return done.format(
        name=node.name, units=i18n.number(fit.units), reason=i18n.translated(fit.reason)
    )


def _without_node(document: Document, node_id: str) -> dict[str, Any]:
    """The starting weights without those of `node_id` (by the compiled network's keys; by
    the layer's name when the network cannot be compiled now)."""
    tensors = document.starting_weights
    if not tensors:
        return {}
    from netstudio.core.graph import python_name
    from netstudio.training.starting_weights import project_model, without_node

    try:
        model = project_model(document.project)
    except Exception:  # an invalid network: its layer's keys start with its name
        prefix = python_name(document.graph.node(node_id).name) + "."
        return {k: v for k, v in tensors.items() if not k.startswith(prefix)}
    return without_node(tensors, model, node_id)


# --- words shared by the Summary and the status bar ----------------------------------------------


def split_text(split: ParameterSplit) -> str:
    """ "38,378 params (12,000 frozen)", or "38,378 params" when nothing is frozen."""
    total = i18n.number(split.total)
    if split.frozen:
        text = QCoreApplication.translate("TuningEdits", "{total} params ({frozen} frozen)")
        return text.format(total=total, frozen=i18n.number(split.frozen))
    return QCoreApplication.translate("TuningEdits", "{total} params").format(total=total)


def starting_text(count: int) -> str:
    """What the project starts from, when it has loaded weights ("" when it has none)."""
    if not count:
        return ""
    return TuningWords().starting(count)


class TuningWords(QObject):
    """The sentences of this module with a count in them (Qt's plural forms need `self.tr`)."""

    def starting(self, count: int) -> str:
        i18n.ensure_installed()  # English's "1 tensor"
        return self.tr("starts from loaded weights (%Ln tensor(s))", "", count)
