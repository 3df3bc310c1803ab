"""What must hold before a run starts, read from the open document (GUI thread, no torch work).

The loss/output rules themselves live in `netstudio.training.compat` (plain Python, tested on
their own); this module feeds them the inferred shapes and what is known of the data.
`data_network_problems` turns them into the document's problems, each on the node at fault
(an Input set by hand to a shape the data does not fit, an Output the loss cannot compare with
the targets), so the canvas and the Problems list show them before anyone trains;
`start_problems` is what Train says when it refuses. A GAN (task "gan") is checked by
`gan_problems` instead: its generator takes noise, not the data, and its discriminator ends in
one value, so neither the Input-follows-the-data nor the loss-vs-classes rules apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QObject

from netstudio.core.graph import Node
from netstudio.core.validation import Problem, errors
from netstudio.gui import i18n
from netstudio.training.compat import check_compatibility, check_input_shape, known_classes
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.gan_checks import gan_problems

if TYPE_CHECKING:
    from netstudio.gui.document import Document


class StartChecks(QObject):
    """The words of the checks before a run (a QObject for its `tr`: the count of errors is a
    plural, `%n`, which lupdate finds in `self.tr` only)."""

    def network_errors(self, problems: list[Problem]) -> str:
        first = problems[0]
        return self.tr(
            "The network has %Ln error(s) (first: {where}: {message}): fix the problems first "
            "(Model ▸ Check Network)",
            "",
            len(problems),
        ).format(where=first.where, message=i18n.translated(first.message))

    def ends(self, inputs: int, outputs: int) -> str:
        return self.tr(
            "Training needs exactly one Input and one Output; this network has {inputs} and "
            "{outputs}: add or remove them"
        ).format(inputs=i18n.number(inputs), outputs=i18n.number(outputs))


def _shape(document: Document, node_id: str) -> tuple[int, ...] | None:
    info = document.main_info(node_id)  # the network that trains, whichever is shown
    tensor = info.output if info is not None else None
    return tuple(tensor.shape) if tensor is not None else None


def _one_input_output(document: Document) -> tuple[Node, Node] | None:
    inputs, outputs = document.main_ends()
    if len(inputs) != 1 or len(outputs) != 1:
        return None
    return inputs[0], outputs[0]


def _input_problems(document: Document, node: Node) -> list[str]:
    """An Input set by hand whose shape the data's samples do not fit."""
    shape, data_shape = node.params.get("shape"), document.data_shape
    if shape is None or data_shape is None:
        return []
    return check_input_shape(tuple(shape), data_shape, node.label)


def _loss_problems(
    document: Document,
    source: Node,
    output: Node,
    data: DataConfig,
    config: TrainingConfig,
    loaded: Any = None,
) -> list[str]:
    """Why the loss cannot compare the output with the data's targets (or the input)."""
    out_shape = _shape(document, output.id)
    loss = config.loss.type
    if config.task == "reconstruction":
        return check_compatibility(
            out_shape, "reconstruction", loss, input_shape=_shape(document, source.id)
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


def data_network_problems(document: Document) -> list[Problem]:
    """The problems between the network and its data and loss, each on the node at fault.

    Cheap (no graph analysis, no data loaded): the document calls it after every edit of the
    graph, the data or the training settings. Settings that are not valid give none here (the
    panels that show them say what is wrong).
    """
    ends = _one_input_output(document)
    if not document.analysed_once:
        return []
    try:
        config: TrainingConfig | None = TrainingConfig.model_validate(
            _plain(document.project.training)
        )
    except ValidationError:
        config = None
    if config is not None and config.gan is not None and config.task == "gan":
        return _gan_problems(document, config)
    if ends is None:
        return []
    source, output = ends
    found = [Problem("error", source.id, text) for text in _input_problems(document, source)]
    try:
        data = DataConfig.model_validate(_plain(document.project.data))
    except ValidationError:
        return found
    if config is None:
        return found
    found += [
        Problem("error", output.id, text)
        for text in _loss_problems(document, source, output, data, config)
    ]
    return found


def _gan_problems(document: Document, config: TrainingConfig) -> list[Problem]:
    """Why the project's two networks cannot train as a GAN on its data (on no node: each
    names both networks)."""
    assert config.gan is not None
    return gan_problems(document.project.networks, config.gan, document.data_shape)


def _plain(section: Any) -> Any:
    """A section as a dict, whatever model holds it."""
    dump = getattr(section, "model_dump", None)
    return dump() if callable(dump) else section


def start_problems(
    document: Document, data: DataConfig, config: TrainingConfig, loaded: Any = None
) -> list[str]:
    """Every reason `document` cannot train with these settings, each naming its fix.

    loaded: a LoadedData of these very data settings, when one is at hand (its class count or
    target size is then known exactly, for CSV and image folders too).
    """
    found = errors(document.main_problems())
    if found:
        return [StartChecks().network_errors(found)]
    if config.task == "gan":
        said = [i18n.translated(problem.message) for problem in _gan_problems(document, config)]
        return _frozen_problems(document, config) + [text[:1].upper() + text[1:] for text in said]
    ends = _one_input_output(document)
    if ends is None:
        inputs, outputs = document.main_ends()
        return [StartChecks().ends(len(inputs), len(outputs))]
    source, output = ends
    return (
        _frozen_problems(document, config)
        + _input_problems(document, source)
        + _loss_problems(document, source, output, data, config, loaded)
    )


def _frozen_problems(document: Document, config: TrainingConfig) -> list[str]:
    """Every layer that learns is frozen: training would change nothing (refused, as the
    trainer refuses it, in the app's words)."""
    if not config.fine_tuning.frozen:
        return []
    from netstudio.gui.data_messages import training_failure_shown
    from netstudio.gui.tuning_edits import split
    from netstudio.training.fine_tuning import everything_frozen

    parts = split(document)
    if parts.total == 0 or parts.trainable > 0:
        return []
    text = training_failure_shown(everything_frozen())
    return [text[:1].upper() + text[1:]]
