"""Reopening a run of the history: its weights in today's network, evaluated on its test data.

`reopen_run` runs on a worker: it compiles a copy of the current graph, loads the weights the
run ended with into it (``last.safetensors``: the weights its test figures were measured on and
that Export uses, its best epoch's when early stopping restored them: see `run_weights`), loads
the data the run trained on and predicts its test split, so Evaluation and Try it show the run
as it was when it finished, with the same figures as the Runs table. When the weights cannot be
used, the `ReopenError` says whether the network changed since (the layers that no longer fit)
or the weights file itself is damaged: the fixes differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from netstudio.gui import i18n
from netstudio.gui.evaluation.run_weights import RunWeights, run_name
from netstudio.training.data_config import DataConfig

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


if TYPE_CHECKING:
    from netstudio.core.graph import NetworkGraph


class Reopen(QObject):
    """The reopened run's sentences that count something: a QObject, because lupdate marks a
    `%n` plural only in `self.tr` (docs/translating.md)."""

    def left_out(self, count: int) -> str:
        """ "3 test samples could not be read …": `{error}` is filled in by the caller."""
        return self.tr(
            "%Ln test sample(s) could not be read and are left out of the figures: {error}",
            "",
            count,
        )


class ReopenError(Exception):
    """The run's weights cannot be used: no run folder, no weights file, a damaged weights file,
    or weights that do not fit the network. Its message is in the app's language (made on the
    worker, read in the window)."""


def run_folder(record: dict[str, Any], project_path: Path | None) -> Path:
    """The run's folder: ``run_dir`` as recorded, relative to the project file's folder."""
    run_dir = record.get("run_dir")
    if not run_dir:
        name = run_name(record)
        raise ReopenError(
            translate("Reopen", "{name} has no run folder recorded").format(name=name)
        )
    folder = Path(run_dir).expanduser()
    if not folder.is_absolute() and project_path is not None:
        folder = project_path.parent / folder
    return folder


def weights_file(folder: Path, kind: str = "last") -> Path:
    """The file of the weights a run ended with: ``last.safetensors``; a run that ended with
    its best epoch's weights also has them in ``best.safetensors``. The best epoch's weights of
    a run that ended with its last are never taken in their place: their figures differ."""
    names = ["last.safetensors"] + (["best.safetensors"] if kind == "best" else [])
    for name in names:
        if (folder / name).is_file():
            return folder / name
    if len(names) == 1:
        text = translate(
            "Reopen",
            "no weights in {folder}: expected {file} (was the run folder moved or deleted?)",
        )
    else:
        text = translate(
            "Reopen",
            "no weights in {folder}: expected {file} or {other} (was the run folder moved or "
            "deleted?)",
        )
    raise ReopenError(text.format(folder=folder, file=names[0], other=names[-1]))


def reopen_run(record: dict[str, Any], graph: NetworkGraph, project_path: Path | None) -> Any:
    """A `FinishedRun` for `record` with its weights loaded (see module docstring).

    graph: a copy of the network for this worker alone, with the networks its blocks use
    (`netstudio.gui.training.session.training_copy`).
    """
    from netstudio.core.compiler import compile_graph
    from netstudio.core.shapes import with_input_shape
    from netstudio.gui.training.session import FinishedRun
    from netstudio.training.checkpoints import (
        CheckpointError,
        WeightsMismatchError,
        load_weights,
    )
    from netstudio.training.results import EpochMetrics, RunResult
    from netstudio.training.sources import load_data, project_sample_shape

    folder = run_folder(record, project_path)
    weights = RunWeights.of(record)
    try:
        path = weights_file(folder, weights.kind if weights is not None else "last")
    except ReopenError:
        if not folder.is_dir() or record.get("epochs") != []:
            raise
        # A run that failed before its first epoch keeps its record but writes no weights.
        text = translate(
            "Reopen",
            "{name} ended before it trained an epoch, so it has no weights: train the network",
        )
        raise ReopenError(text.format(name=run_name(record))) from None
    # An auto Input takes the shape of the run's data's samples, as in training.
    folder_of_project = project_path.parent if project_path else None
    shape = project_sample_shape(record.get("data") or {}, folder_of_project)
    model = compile_graph(with_input_shape(graph, shape))
    try:
        load_weights(model, path)
    except WeightsMismatchError as error:
        text = translate("Reopen", "{error}. Undo the changes to the network, or train it again.")
        raise ReopenError(text.format(error=i18n.error_said(error))) from None
    except CheckpointError as error:  # the file itself is broken: no edit of the network helps
        text = translate("Reopen", "{error}. Train the network again to get new weights.")
        raise ReopenError(text.format(error=i18n.error_said(error))) from None
    model.eval()
    result = RunResult(
        status=record.get("status") or "finished",
        epochs=[EpochMetrics(**epoch) for epoch in record.get("epochs") or []],
        best_epoch=record.get("best_epoch"),
        run_dir=path.parent,
    )
    data = None
    try:
        config = DataConfig.model_validate(record.get("data") or {})
        data = load_data(config, project_path.parent if project_path else None)
    except Exception as error:  # the model still serves Try it; Evaluation says why it is empty
        text = translate("Reopen", "the run's data could not be loaded: {error}")
        result.failure = _failure(text.format(error=i18n.error_said(error)))
    if data is not None:
        _evaluate(model, graph, data, record, result)
    return FinishedRun(record=record, result=result, model=model, data=data)


def _failure(message: str) -> Any:
    from netstudio.training.results import TrainingFailure

    return TrainingFailure("data", message)


def _evaluate(model: Any, graph: Any, data: Any, record: dict[str, Any], result: Any) -> None:
    """Test predictions and report, as the trainer makes them at the end of a run.

    The test split is read a batch at a time (`read_in_batches`), from memory or from disk
    when the data streams. Test samples that cannot be read (a damaged file) are left out of
    the figures, as the trainer leaves them out, and ``data.test`` keeps the samples predicted,
    so the Evaluation's gallery shows the sample each prediction is about; `result.failure`
    says which were left out."""
    import torch

    from netstudio.gui.evaluation.inference import input_spec, probabilities, run_model
    from netstudio.training.loaded_data import read_in_batches
    from netstudio.training.metrics import (
        Predictions,
        classification_report,
        regression_report,
    )

    training = record.get("training") or {}
    task = training.get("task", "classification")
    loss = (training.get("loss") or {}).get("type", "cross_entropy")
    shape, dtype = input_spec(model, graph, data)
    test = data.test
    if len(test) == 0:
        return
    outs: list[np.ndarray] = []
    wanted: list[np.ndarray] = []
    kept: list[int] = []
    missing: list[BaseException] = []
    for batch in read_in_batches(test):
        missing += batch.missing.values()
        if not len(batch):
            continue
        out = run_model(model, batch.x, shape, dtype)
        outs.append(out)
        if task == "reconstruction":
            wanted.append(batch.x.reshape(out.shape).float().numpy())
        elif task != "classification" or data.task != "classification":
            wanted.append(batch.y.reshape(out.shape).float().numpy())
        else:
            wanted.append(batch.y.numpy())
        kept += batch.positions
    if missing:  # said where the opened run is (Runs; Evaluation when none is left)
        if not kept:
            text = translate("Reopen", "none of the test samples could be read: {error}")
            result.failure = _failure(text.format(error=i18n.error_said(missing[0])))
            return
        text = Reopen().left_out(len(missing))
        result.failure = _failure(text.format(error=i18n.error_said(missing[0])))
        data.test = test.subset(torch.tensor(kept))
    out = np.concatenate(outs)
    targets = np.concatenate(wanted)
    if task == "classification" and data.task == "classification":
        probs = probabilities(torch.from_numpy(out), loss).numpy()
        predicted = probs.argmax(axis=1)
        confidence = probs[np.arange(len(probs)), predicted]
        result.predictions = Predictions(targets, predicted, confidence)
        result.report = classification_report(targets, predicted, data.classes)
        result.test_accuracy = float((predicted == targets).mean())
        return
    result.predictions = Predictions(targets, out)
    result.report = regression_report(targets, out)
