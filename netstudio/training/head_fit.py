"""Fit to data: how many units the network's head needs for the project's data.

Replacing the head is the other half of transfer learning: a network pretrained on 1000
classes gets a last Linear with as many units as the new data has classes (or target values,
for regression). `fit_head` works the number out from the project's data settings, reading the
data only when its class count is not known without it; the caller sets ``out_features`` and
starts that node afresh (its starting weights dropped: `starting_weights.node_keys` and
`without_keys`). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from netstudio.training import fit_messages as words
from netstudio.training.compat import known_classes
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig

if TYPE_CHECKING:
    from netstudio.core.graph import NetworkGraph, Node
    from netstudio.io import Project
    from netstudio.training.loaded_data import LoadedData

#: The layer types whose unit count `fit_head` sets, and the parameter that holds it.
HEAD_TYPES = {"Linear": "out_features"}


class HeadFitError(ValueError):
    """The head cannot be fitted: no such layer, not a Linear, or data without a unit count."""


@dataclass(frozen=True)
class HeadFit:
    """The head's node, the units it has and the units the data needs, and why."""

    node_id: str
    param: str
    current: int | None
    units: int
    reason: str

    @property
    def changes(self) -> bool:
        return self.current != self.units


def head_node(graph: NetworkGraph, node_id: str | None = None) -> Node:
    """The node `node_id` when it is a Linear, else the last Linear of the network (in the
    order data flows); HeadFitError when there is none or `node_id` is another layer."""
    if node_id is not None:
        if node_id not in graph:
            raise HeadFitError(words.NO_SUCH_NODE(id=node_id))
        node = graph.node(node_id)
        if node.type_id not in HEAD_TYPES:
            raise HeadFitError(words.NOT_A_HEAD(node=node.label))
        return node
    order = graph.topological_order() if graph.is_acyclic() else [n.id for n in graph.nodes()]
    heads = [graph.node(i) for i in order if graph.node(i).type_id in HEAD_TYPES]
    if not heads:
        raise HeadFitError(words.NO_HEAD())
    return heads[-1]


def fit_head(
    project: Project, node_id: str | None = None, *, data: LoadedData | None = None
) -> HeadFit:
    """The units the head (`node_id`, or the last Linear) needs for `project`'s data: one per
    class for classification, one per target value for regression.

    `data`: the project's data when already loaded (else it is loaded only when its class count
    is not known from the settings). Raises HeadFitError (nothing to fit, or a reconstruction,
    whose last layer gives the input back) and the data source's DataError when the data
    cannot be loaded.
    """
    node = head_node(project.graph, node_id)
    param = HEAD_TYPES[node.type_id]
    try:
        task = TrainingConfig.model_validate(project.training).task
        config = DataConfig.model_validate(project.data)
    except ValidationError as error:
        raise HeadFitError(words.SETTINGS_NOT_VALID(error=error.errors()[0]["msg"])) from None
    if task == "reconstruction":
        raise HeadFitError(words.RECONSTRUCTS())
    units, reason = _units(config, project, data)
    current = node.params.get(param)
    return HeadFit(node.id, param, current if isinstance(current, int) else None, units, reason)


def _units(config: DataConfig, project: Project, data: LoadedData | None) -> tuple[int, str]:
    classes = known_classes(config) if data is None else None
    if classes is not None:
        return classes, words.HAS_CLASSES(classes=classes)
    if data is None:
        from netstudio.training.sources import load_data

        folder = Path(project.path).resolve().parent if project.path else None
        data = load_data(config, folder)
    if data.num_classes is not None:
        return data.num_classes, words.HAS_CLASSES(classes=data.num_classes)
    size = data.target_size
    return size, words.HAS_ONE_TARGET() if size == 1 else words.HAS_TARGETS(count=size)
