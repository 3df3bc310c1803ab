"""Data and training settings for an imported network, so that it trains as it comes in.

An imported model is only a network: left so, its project would train on the default data (the
8×8 digits), which rarely fits its Input. `choose_data` picks the built-in data source whose
samples fit the Input (its exact shape first, else the same number of values, which the
trainer reshapes: 3×32×32 is CIFAR-10, 1×28×28 MNIST, 1×8×8 or 64 the digits), or takes the
one the person chose; `fill_training_defaults` writes it into the project's "data" section and
fills "training" for the output's shape: classification with cross-entropy when the output
gives one score per class, reconstruction with the mean squared error when it has the input's
shape. What it cannot settle (no data fits, the head has another number of classes, an output
of another shape) becomes a note saying what to set. The command line and the app's Import
dialog both call it. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import Phrase
from netstudio.importing import import_messages as said
from netstudio.training.compat import known_classes
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import all_sources, get_source, sample_shape

if TYPE_CHECKING:
    from netstudio.core.graph import NetworkGraph
    from netstudio.importing.result import ImportedModel

#: Where file-based data sources keep their files, relative to the project (as the examples do).
DATA_FOLDER = "data"
#: The training settings of a network that classifies (the rest are TrainingConfig's defaults).
CLASSIFICATION = {
    "task": "classification",
    "loss": {"type": "cross_entropy"},
    "optimizer": {"type": "adam", "lr": 0.001},
    "batch_size": 64,
    "epochs": 10,
}
#: The training settings of a network whose output has its input's shape (an autoencoder).
RECONSTRUCTION = {**CLASSIFICATION, "task": "reconstruction", "loss": {"type": "mse"}}


@dataclass(frozen=True)
class DataChoice:
    """A built-in data source an imported network can train on, as far as known without data.

    shape: one sample's shape; classes: its class count.
    """

    source_id: str
    name: str
    shape: tuple[int, ...]
    classes: int


def data_choices() -> list[DataChoice]:
    """The data sources whose sample shape and class count are known from their settings alone
    (not the person's own folders and files), in the order the app lists sources."""
    found = []
    for source in all_sources():
        config = DataConfig(source=source.id)
        shape = sample_shape(config, None)  # None for the sources that read the person's files
        classes = known_classes(config)
        if shape is not None and classes is not None:
            found.append(DataChoice(source.id, source.name, tuple(shape), classes))
    return found


def choose_data(input_shape: Sequence[int], classes: int | None = None) -> DataChoice | None:
    """The built-in data whose samples fit an Input of `input_shape` (no batch dimension): the
    same shape before the same number of values, then the one with `classes` classes (the
    network's output units, when known), then the first listed. None when none fits."""
    shape = tuple(input_shape)

    def rank(choice: DataChoice) -> tuple[bool, bool]:
        return choice.shape != shape, classes is not None and choice.classes != classes

    fitting = [c for c in data_choices() if math.prod(c.shape) == math.prod(shape)]
    return min(fitting, key=rank) if fitting else None


def fill_training_defaults(imported: ImportedModel, source_id: str | None = None) -> None:
    """Give `imported`'s project data and training settings it trains with as it is.

    `source_id`: the data the person chose (a data source id); None picks the data that fits
    the Input (`choose_data`). Sections the project already has are kept. What the person
    still has to set is added to `imported.notes`, one sentence each, naming no command-line
    option (the app shows them too).
    """
    project = imported.project
    graph = project.graph
    inputs, outputs = graph.inputs(), graph.outputs()
    if len(inputs) != 1 or len(outputs) != 1:
        imported.notes.append(said.INPUTS_AND_OUTPUTS(inputs=len(inputs), outputs=len(outputs)))
        return
    input_shape = tuple(inputs[0].params.get("shape") or ())
    output_shape = _output_shape(graph, outputs[0].id)
    units = output_shape[1] if output_shape is not None and len(output_shape) == 2 else None
    if source_id is not None:
        source = get_source(source_id)  # DataError for an unknown id
        choice = next((c for c in data_choices() if c.source_id == source_id), None)
        data_name, classes = source.name, known_classes(DataConfig(source=source_id))
        if choice is not None and input_shape and not _fits(choice.shape, input_shape):
            imported.notes.append(
                said.DATA_DOES_NOT_FIT(
                    data=_data_name(source.name),
                    size=_size(choice.shape),
                    wanted=_size(input_shape),
                    shape=", ".join(map(str, choice.shape)),
                )
            )
    else:
        choice = choose_data(input_shape, units) if input_shape else None
        if choice is None:
            imported.notes.append(_no_data_note(input_shape))
            data_name, classes = None, None
        else:
            source_id, data_name, classes = choice.source_id, choice.name, choice.classes
    if source_id is not None and not project.data:
        project.data = {"source": source_id}
        if get_source(source_id).needs_root:
            project.data["root"] = DATA_FOLDER
    if not project.training:
        project.training = _training(imported, output_shape, input_shape, data_name, classes)


def _training(
    imported: ImportedModel,
    output_shape: tuple[int, ...] | None,
    input_shape: tuple[int, ...],
    data_name: str | None,
    classes: int | None,
) -> dict[str, Any]:
    """The training section for the output's shape; notes for what the person must set."""
    graph = imported.project.graph
    if output_shape is None:
        imported.notes.append(said.OUTPUT_NOT_KNOWN())
        return {}
    units = output_shape[1] if len(output_shape) == 2 else None
    if input_shape and output_shape[1:] == input_shape and units != classes:
        return dict(RECONSTRUCTION)  # it gives back what it takes: an autoencoder
    if units is not None:
        if classes is not None and units != classes:
            head = _head(graph)
            fix = (
                said.SET_OUT_FEATURES(layer=head, classes=classes)
                if head
                else said.GIVE_OUTPUTS(classes=classes)
            )
            imported.notes.append(
                said.SCORES_NOT_CLASSES(
                    units=units, data=_data_name(str(data_name)), classes=classes, fix=fix
                )
            )
        return dict(CLASSIFICATION)
    imported.notes.append(said.NOT_SCORES(size=_size(output_shape[1:], batch=True)))
    return {}


def _output_shape(graph: NetworkGraph, output_id: str) -> tuple[int, ...] | None:
    """The shape (batch first) that reaches the Output node, when the analysis knows it."""
    from netstudio.core.shapes import ShapeInference

    inference = ShapeInference(graph)
    try:
        tensor = inference.info(output_id).output
    finally:
        inference.close()
    return tuple(tensor.shape) if tensor is not None else None


def _head(graph: NetworkGraph) -> str | None:
    """The name of the Linear that feeds the only Output, if one does."""
    (output,) = graph.outputs()
    feeding = graph.predecessors(output.id)
    if len(feeding) != 1:
        return None
    node = graph.node(feeding[0])
    return node.name if node.type_id == "Linear" else None


def _fits(data_shape: Sequence[int], input_shape: Sequence[int]) -> bool:
    """Whether the trainer can feed samples of `data_shape` to the Input (same value count)."""
    return math.prod(data_shape) == math.prod(input_shape)


def _size(shape: Sequence[int], batch: bool = False) -> str:
    return "×".join(["N", *map(str, shape)] if batch else map(str, shape))


def _no_data_note(input_shape: tuple[int, ...]) -> str:
    choices = _distinct(data_choices())
    known = said.listed(
        [said.SIZE_FOR(size=_size(c.shape), data=_data_name(c.name)) for c in choices]
    )
    what = said.SAMPLES_OF(size=_size(input_shape)) if input_shape else said.SAMPLES_OF_INPUT()
    return said.NO_DATA_FITS(what=what, known=known)


def _data_name(name: str) -> Phrase:
    """A data source's name (MNIST, "Two moons"), translated where the Data panel has it."""
    return Phrase("DataSources", name)


def _distinct(choices: list[DataChoice]) -> list[DataChoice]:
    """The first data of each sample shape (the image sets: one MNIST, not all three)."""
    seen: set[tuple[int, ...]] = set()
    kept = []
    for choice in choices:
        if choice.shape not in seen and len(choice.shape) == 3:
            seen.add(choice.shape)
            kept.append(choice)
    return kept
