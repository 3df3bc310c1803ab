"""Leaving NetStudio: a project as readable PyTorch, a PyTorch 2 `ExportedProgram` (.pt2),
TorchScript (legacy), ONNX or safetensors weights.

    from netstudio.export import export_project
    export_project(project, "python", Path("mnist_mlp.py"), with_training=True)

No Qt here: the command line (`netstudio export`) and the desktop app both call
`export_project`. Every problem is an `ExportError` with a message for people.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from netstudio.export import export_messages as said
from netstudio.export.errors import ExportError

if TYPE_CHECKING:
    import torch

    from netstudio.io import Project

__all__ = ["FORMATS", "RUN_WEIGHTS", "ExportError", "Format", "export_project", "run_weights_file"]

Format = Literal["python", "pt2", "torchscript", "onnx", "weights"]

#: Each format and the file suffix it is usually given.
FORMATS: dict[str, str] = {
    "python": ".py",
    "pt2": ".pt2",
    "torchscript": ".pt",
    "onnx": ".onnx",
    "weights": ".safetensors",
}

#: Weights a run folder holds, in the order they are preferred: the weights the run ended
#: with (the best epoch's when early stopping restored them), else the best epoch's.
RUN_WEIGHTS = ("last.safetensors", "best.safetensors")


def export_project(
    project: Project,
    format: Format | str,
    path: Path,
    *,
    weights: Path | None = None,
    with_training: bool = False,
    starting_weights: Mapping[str, torch.Tensor] | None = None,
) -> list[Path]:
    """Export `project` to `path` in `format`; returns the files written.

    weights: a safetensors file of trained weights (from a run) to export with the network;
    without it the weights are freshly initialised with the project's seed, and the project's
    starting weights (`starting_weights`, else the file beside the project:
    `netstudio.training.starting_weights`) replace those that still fit, as training starts
    from them (the python format then writes them beside the script, which starts from them).
    with_training: the python format also gets the data loading and training loop.
    """
    from netstudio.export.formats import (
        compiled_model,
        save_onnx,
        save_pt2,
        save_torchscript,
        save_weights,
    )

    if format not in FORMATS:
        raise ExportError(said.UNKNOWN_FORMAT(format=repr(format), formats=", ".join(FORMATS)))
    if with_training and format != "python":
        raise ExportError(said.TRAINING_ONLY_PYTHON())
    if weights is not None and not Path(weights).is_file():
        raise ExportError(said.NO_WEIGHTS_FILE(weights=weights))
    path = Path(path)
    if path.is_dir():
        stem = Path(project.path).stem if project.path else "network"
        path = path / f"{stem}{FORMATS[format]}"
    seed = _seed(project)
    project = _with_data_shape(project)
    model = compiled_model(project.graph, seed, Path(weights) if weights else None)
    started = weights is None and _start_from(model, project, starting_weights)
    if format == "python":
        from netstudio.export.python_file import write_python

        state = model.state_dict() if weights is not None or started else None
        return write_python(project, path, state, with_training)
    if format == "pt2":
        save_pt2(model, project.graph, path)
    elif format == "torchscript":
        save_torchscript(model, project.graph, path)
    elif format == "onnx":
        save_onnx(model, project.graph, path)
    else:
        save_weights(model, path)
    return [path]


def run_weights_file(folder: Path) -> Path | None:
    """The weights a run folder holds, the last epoch's before the best's (None: none)."""
    for name in RUN_WEIGHTS:
        if (folder / name).is_file():
            return folder / name
    return None


def _start_from(
    model: torch.nn.Module, project: Project, tensors: Mapping[str, torch.Tensor] | None
) -> bool:
    """Load the project's starting weights into `model` where they fit (as the trainer does);
    whether any were loaded."""
    from netstudio.training.starting_weights import (
        WeightsFileError,
        read_starting_weights,
        start_from,
    )

    if tensors is None:
        try:
            tensors = read_starting_weights(project)
        except WeightsFileError as error:
            raise ExportError(said.reason(error)) from None
    return start_from(model, tensors).loaded > 0


def _with_data_shape(project: Project) -> Project:
    """`project` with its auto Inputs given its data's sample shape (the exported code and
    files need a shape); the project itself when it has none, or the shape is not known."""
    import copy

    from netstudio.core.shapes import with_input_shape
    from netstudio.training.sources import project_sample_shape

    folder = Path(project.path).resolve().parent if project.path else None
    graph = with_input_shape(project.graph, project_sample_shape(project.data, folder))
    if graph is project.graph:
        return project
    resolved = copy.copy(project)
    resolved.graph = graph
    return resolved


def _seed(project: Project) -> int:
    seed = project.training.get("seed", 0) if isinstance(project.training, dict) else 0
    return seed if isinstance(seed, int) and seed >= 0 else 0
