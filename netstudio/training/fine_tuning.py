"""The "fine_tuning" settings resolved against a network: which layers learn, how fast, and when
a frozen one starts to learn.

`TuningPlan.resolve` turns the node ids of `FineTuningConfig` into the compiled model's
submodule names (what `netstudio.training.param_groups` works on, in the trainer and in the
exported script alike), drops ids of nodes that are no longer there, and lays out the gradual
unfreezing. `unknown_node_problems` says which ids are stale (`netstudio check` warns about
them), and `parameter_split` how many parameters learn, for the Summary and the status bar.
`with_frozen`, `with_multiplier` and `nodes_before` make the edited section for the app's
Trainable switch, its multiplier field and "Freeze everything before this node". Nothing here
imports torch or Qt.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netstudio.training import failure_messages as words
from netstudio.training.config import FineTuningConfig
from netstudio.training.results import FailureFix, TrainingFailure

if TYPE_CHECKING:
    from torch import fx

    from netstudio.core.graph import NetworkGraph


@dataclass(frozen=True)
class TuningPlan:
    """`FineTuningConfig` for one compiled model, in its submodule names.

    frozen: the submodules frozen when the run starts, in the model's order (nodes frozen in
    the settings that have parameters or BatchNorm statistics; a frozen ReLU changes nothing).
    multipliers: submodule name to learning-rate multiplier (absent: 1). unfreeze_order: the
    frozen submodules that gradual unfreezing frees, nearest the output first (empty without
    it). node_ids: submodule name to its node's id.
    """

    frozen: tuple[str, ...] = ()
    multipliers: Mapping[str, float] | None = None
    unfreeze_order: tuple[str, ...] = ()
    unfreeze_every: int | None = None
    batchnorm_eval: bool = True
    node_ids: Mapping[str, str] | None = None

    @classmethod
    def resolve(cls, model: fx.GraphModule, config: FineTuningConfig) -> TuningPlan:
        """The plan for `model` (a `compile_graph` result); ids it has no layer for are left
        out."""
        from netstudio.core.compiler import META_KEY

        modules: dict[str, str] = dict(model.meta.get(META_KEY, {}).get("modules", {}))
        by_node = {node_id: name for name, node_id in modules.items()}
        wanted = set(config.frozen)
        frozen = tuple(
            name
            for name, node_id in modules.items()
            if node_id in wanted and _has_state(model.get_submodule(name))
        )
        multipliers = {
            by_node[node_id]: float(value)
            for node_id, value in config.lr_multipliers.items()
            if node_id in by_node
        }
        every = config.unfreeze_every
        order = tuple(reversed(frozen)) if every else ()
        return cls(frozen, multipliers, order, every, config.frozen_batchnorm_eval, modules)

    def unfrozen_at(self, epoch: int) -> tuple[str, ...]:
        """The submodules that start to learn at the start of `epoch` (0-based): the next one
        of `unfreeze_order` every `unfreeze_every` epochs, none at the first epoch."""
        every = self.unfreeze_every
        if not every or epoch <= 0 or epoch % every:
            return ()
        step = epoch // every
        return self.unfreeze_order[step - 1 : step] if step <= len(self.unfreeze_order) else ()

    def frozen_during(self, epoch: int) -> tuple[str, ...]:
        """The submodules still frozen during `epoch` (0-based), in the model's order."""
        freed = {name for e in range(epoch + 1) for name in self.unfrozen_at(e)}
        return tuple(name for name in self.frozen if name not in freed)

    def node_id(self, name: str) -> str:
        """The id of the node whose layer is the submodule `name`."""
        return (self.node_ids or {}).get(name, name)

    def multiplier(self, name: str) -> float:
        return (self.multipliers or {}).get(name, 1.0)


def everything_frozen() -> TrainingFailure:
    """The failure of a run whose every learnable layer is frozen: said before it starts."""
    return TrainingFailure(
        "config",
        words.EVERYTHING_FROZEN(),
        fixes=(FailureFix.UNFREEZE,),
    )


def unknown_node_problems(
    graph: NetworkGraph, config: FineTuningConfig | Mapping[str, Any]
) -> list[tuple[str, str]]:
    """(JSON path, message) for each node id of the fine-tuning settings that names no node of
    `graph`: training ignores them, a person may want to know (a node deleted, a file edited).
    `config` is the section as typed or as the file holds it (``training.fine_tuning``)."""
    if not isinstance(config, FineTuningConfig):
        config = FineTuningConfig.model_validate(config)
    where = "training.fine_tuning"
    found = [
        (f"{where}.frozen[{i}]", f"no node '{node_id}' in the network: it is ignored")
        for i, node_id in enumerate(config.frozen)
        if node_id not in graph
    ]
    found += [
        (f"{where}.lr_multipliers.{node_id}", f"no node '{node_id}' in the network: it is ignored")
        for node_id in config.lr_multipliers
        if node_id not in graph
    ]
    return found


@dataclass(frozen=True)
class ParameterSplit:
    """How many parameters learn and how many are frozen."""

    trainable: int
    frozen: int

    @property
    def total(self) -> int:
        return self.trainable + self.frozen


def parameter_split(params_by_node: Mapping[str, int], frozen: Iterable[str]) -> ParameterSplit:
    """The split of a network's parameters (`params_by_node`: node id to its parameter count,
    as the Summary has them) when the nodes `frozen` do not learn."""
    frozen_ids = set(frozen)
    still = sum(count for node_id, count in params_by_node.items() if node_id in frozen_ids)
    return ParameterSplit(sum(params_by_node.values()) - still, still)


# --- editing the section (the app's switches make their undo commands from these) ---------------


def with_frozen(
    training: Mapping[str, Any], node_ids: Iterable[str], frozen: bool
) -> dict[str, Any]:
    """A copy of the "training" section (as the file holds it) with `node_ids` frozen or
    learning again; the order of the other ids is kept, an empty ``frozen`` and an empty
    ``fine_tuning`` are left out (a project that freezes nothing stays as it was)."""
    section = copy.deepcopy(dict(training))
    tuning = dict(section.get("fine_tuning") or {})
    ids = [i for i in tuning.get("frozen", []) if isinstance(i, str)]
    changed = list(dict.fromkeys(node_ids))
    if frozen:
        ids += [i for i in changed if i not in ids]
    else:
        ids = [i for i in ids if i not in changed]
    tuning["frozen"] = ids
    return _with_tuning(section, tuning)


def with_multiplier(
    training: Mapping[str, Any], node_id: str, multiplier: float | None
) -> dict[str, Any]:
    """A copy of the "training" section with the learning-rate multiplier of `node_id` set
    (None or 1: the optimizer's own rate, so the entry goes)."""
    section = copy.deepcopy(dict(training))
    tuning = dict(section.get("fine_tuning") or {})
    rates = dict(tuning.get("lr_multipliers") or {})
    if multiplier is None or multiplier == 1:
        rates.pop(node_id, None)
    else:
        rates[node_id] = float(multiplier)
    tuning["lr_multipliers"] = rates
    return _with_tuning(section, tuning)


def _with_tuning(section: dict[str, Any], tuning: dict[str, Any]) -> dict[str, Any]:
    for key in ("frozen", "lr_multipliers"):
        if not tuning.get(key):
            tuning.pop(key, None)
    if tuning:
        section["fine_tuning"] = tuning
    else:
        section.pop("fine_tuning", None)
    return section


def nodes_before(
    graph: NetworkGraph, node_id: str, params_by_node: Mapping[str, int] | None = None
) -> list[str]:
    """The ids of the nodes whose results flow into `node_id` (not the node itself), in the
    order data flows: what "Freeze everything before this node" freezes. With
    `params_by_node` (node id to its parameter count), only those with parameters."""
    import networkx as nx

    before = nx.ancestors(graph.nx_graph, node_id)
    ordered = graph.topological_order() if graph.is_acyclic() else [n.id for n in graph.nodes()]
    order = [i for i in ordered if i in before]
    if params_by_node is not None:
        order = [i for i in order if params_by_node.get(i, 0) > 0]
    return order


def _has_state(module: Any) -> bool:
    """Whether freezing `module` changes anything: it has parameters or buffers."""
    return any(True for _ in module.parameters()) or any(True for _ in module.buffers())
