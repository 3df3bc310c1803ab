"""What a search leaves outside the Search panel's table: each trial's run as a record of the
project's Runs history, and the trials of a study read back from its database (Watch).

A trial's run folder is written by the worker process as `netstudio train`'s are; its record
is made here from that folder's files, as the app makes an in-app run's, and kept with
`Document.add_run` (a record, never an undo step).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netstudio.gui.document import Document


def trial_record(item: dict[str, Any], study: str, document: Document) -> dict[str, Any] | None:
    """The Runs history's record of a finished trial, from its run folder's files (None when
    the trial never made one). It is tagged with its trial (``trial``, a `TrialTag`: study,
    number and values, as the run folder's config.json has it) and named by it ("Trial 3 of
    digits_search")."""
    from netstudio.gui.evaluation.run_weights import record_figures

    run_dir = item.get("run_dir")
    if not isinstance(run_dir, str):
        return None
    folder = Path(run_dir)
    try:
        result = json.loads((folder / "result.json").read_text(encoding="utf-8"))
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    epochs = [e for e in result.get("history") or [] if isinstance(e, dict)]
    training = config.get("training") or {}
    status = str(result.get("status") or "failed")
    path = document.project.path
    shown_dir = os.path.relpath(folder, path.resolve().parent) if path is not None else str(folder)
    number = item.get("number")
    record = {
        "id": folder.name,
        "name": f"Trial {number} of {study}",
        "started": folder.name[:15],
        "seconds": result.get("train_seconds"),
        "status": status,
        "data": config.get("data"),
        "training": training,
        "epochs": epochs,
        "best_epoch": result.get("best_epoch"),
        **record_figures(epochs, result.get("best_epoch"), status, training),
        "test_accuracy": result.get("test_accuracy"),
        "test_loss": result.get("test_loss"),
        "run_dir": shown_dir,
        "error": result.get("error"),
        "trial": _tag(config.get("trial"), item, study),
    }
    return record


def _tag(written: Any, item: dict[str, Any], study: str) -> dict[str, Any] | None:
    """The record's trial tag: the one the run folder's config.json holds, else one made from
    the trial's event; None when neither fits `TrialTag` (the record is kept untagged rather
    than make the project unsaveable)."""
    from pydantic import ValidationError

    from netstudio.io.sections import TrialTag

    made = {"study": study, "number": item.get("number"), "params": item.get("params") or {}}
    for candidate in (written, made):
        try:
            return TrialTag.model_validate(candidate).model_dump(mode="json")
        except ValidationError:
            continue
    return None


def read_study(url: str, name: str) -> tuple[str, list[dict[str, Any]]]:
    """The direction and trials of study `name` in the database at `url`, as the table shows
    them (run off the GUI thread: it opens the database)."""
    import optuna

    from netstudio.search.cli import trial_summary
    from netstudio.search.study import StorageError, open_storage

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    storage = open_storage(url)
    try:
        study = optuna.load_study(study_name=name, storage=storage)
    except KeyError:
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate(
            "SearchRecords", "there is no study '{name}' in that database yet"
        )
        raise StorageError(text.format(name=name)) from None
    return study.direction.name.lower(), [trial_summary(trial) for trial in study.trials]
