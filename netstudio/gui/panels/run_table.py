"""The run history as a table: one row per record of ``project.runs``.

`differing_settings` finds the data and training settings that are not the same in every run,
so each row can say what made that run different ("lr 0.01, epochs 20"); `export_runs_csv`
writes the selected runs' per-epoch metrics, one row per run per epoch.

The figures of a row are those of the weights its run ended with, and the Weights column says
which ("best, epoch 7" or "last, epoch 10"); its tooltip has both epochs' figures. A run made by
a search trial says which in the Trial column ("3 of digits_search", its values in the
tooltip); the values it tried for a node's parameters count among its settings.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.evaluation.run_weights import RunWeights, describe_epochs, percent, run_name
from netstudio.gui.style import ERROR_COLOUR, WARNING_COLOUR
from netstudio.training.runs import EPOCH_FIELDS

Index = QModelIndex | QPersistentModelIndex
#: The table's context in the catalogue.
CONTEXT = "RunTableModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("RunTableModel", "Name"),
    QT_TRANSLATE_NOOP("RunTableModel", "Started"),
    QT_TRANSLATE_NOOP("RunTableModel", "Status"),
    QT_TRANSLATE_NOOP("RunTableModel", "Settings that differ"),
    QT_TRANSLATE_NOOP("RunTableModel", "Weights"),
    QT_TRANSLATE_NOOP("RunTableModel", "Val acc"),
    QT_TRANSLATE_NOOP("RunTableModel", "Test acc"),
    QT_TRANSLATE_NOOP("RunTableModel", "Time"),
    QT_TRANSLATE_NOOP("RunTableModel", "Trial"),
)
NAME, STARTED, STATUS, SETTINGS, WEIGHTS, VAL, TEST, TIME, TRIAL = range(len(COLUMNS))
#: What the figure columns mean, in their header tooltips.
HEADER_TIPS = {
    WEIGHTS: QT_TRANSLATE_NOOP(
        "RunTableModel",
        "The weights the run ended with: its best epoch's (early stopping restored them) "
        "or its last epoch's. The figures, Open weights and Export use them.",
    ),
    VAL: QT_TRANSLATE_NOOP("RunTableModel", "Validation accuracy of those weights' epoch"),
    TEST: QT_TRANSLATE_NOOP("RunTableModel", "Test accuracy of those weights"),
    TRIAL: QT_TRANSLATE_NOOP("RunTableModel", "The search trial that made the run, and its study"),
}
#: A run's status (as the record holds it) in words.
STATUSES = {
    "finished": QT_TRANSLATE_NOOP("RunTableModel", "finished"),
    "stopped": QT_TRANSLATE_NOOP("RunTableModel", "stopped"),
    "early_stopped": QT_TRANSLATE_NOOP("RunTableModel", "early stopped"),
    "failed": QT_TRANSLATE_NOOP("RunTableModel", "failed"),
}
#: Why a run failed (`FailureKind`), in a word.
FAILURE_KINDS = {
    "nan": QT_TRANSLATE_NOOP("RunTableModel", "nan"),
    "shape": QT_TRANSLATE_NOOP("RunTableModel", "shape"),
    "memory": QT_TRANSLATE_NOOP("RunTableModel", "memory"),
    "data": QT_TRANSLATE_NOOP("RunTableModel", "data"),
    "device": QT_TRANSLATE_NOOP("RunTableModel", "device"),
    "config": QT_TRANSLATE_NOOP("RunTableModel", "config"),
    "error": QT_TRANSLATE_NOOP("RunTableModel", "error"),
}


def _word(words: dict[str, str], key: str, fallback: str) -> str:
    return QCoreApplication.translate(CONTEXT, words[key]) if key in words else fallback


#: Short names of settings whose last key says too little ("type" of what?).
SHORT_NAMES = {
    "data.source": "data",
    "training.loss.type": "loss",
    "training.optimizer.type": "optimizer",
    "training.schedule.type": "schedule",
    "training.optimizer.lr": "lr",
    "training.regularization.early_stopping.enabled": "early stopping",
    "data.augment.random_crop_padding": "crop",
    "data.augment.rotation_degrees": "rotation",
    "data.augment.horizontal_flip": "flip",
}


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else str(key), out)
    else:
        out[prefix] = value


def flat_settings(record: dict[str, Any]) -> dict[str, Any]:
    """A run's data and training settings as ``{"training.optimizer.lr": 0.01, ...}``, and the
    node parameters its search trial set (``"fc1.out_features": 64``)."""
    out: dict[str, Any] = {}
    _flatten({"data": record.get("data") or {}, "training": record.get("training") or {}}, "", out)
    for target, value in trial_params(record).items():
        if not _is_setting(target):  # a setting's value is in the snapshot already
            out[target] = value
    return out


def trial_params(record: dict[str, Any]) -> dict[str, Any]:
    """The values the run's search trial tried, by target ({} for a run trained by hand)."""
    trial = record.get("trial")
    params = trial.get("params") if isinstance(trial, dict) else None
    return params if isinstance(params, dict) else {}


def trial_text(record: dict[str, Any]) -> str:
    """The Trial column: "3 of digits_search", or "" for a run trained by hand."""
    trial = record.get("trial")
    if not isinstance(trial, dict) or not isinstance(trial.get("number"), int):
        return ""
    study = trial.get("study")
    if not study:
        return str(trial["number"])
    text = QCoreApplication.translate("RunTableModel", "{number} of {study}")
    return text.format(number=trial["number"], study=study)


def _is_setting(key: str) -> bool:
    return key.startswith(("data.", "training."))


def _format(value: Any) -> str:
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("RunTableModel", "on")
        return QCoreApplication.translate("RunTableModel", "off")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "/".join(_format(v) for v in value)
    return "–" if value is None else str(value)


def setting_name(key: str) -> str:
    """A setting's short name ("lr", "epochs"); a node's parameter keeps its node
    ("fc1.out_features": two Linears both have out_features)."""
    if not _is_setting(key):
        return key
    return SHORT_NAMES.get(key, key.rsplit(".", 1)[-1].replace("_", " "))


def differing_settings(runs: Sequence[dict[str, Any]]) -> list[str]:
    """Keys of the settings that differ between `runs` (a key missing from some run differs),
    in the order they first appear; none for fewer than two runs."""
    if len(runs) < 2:
        return []
    flats = [flat_settings(run) for run in runs]
    keys = list(dict.fromkeys(key for flat in flats for key in flat))
    missing = object()
    return [k for k in keys if len({repr(flat.get(k, missing)) for flat in flats}) > 1]


def describe(record: dict[str, Any], keys: Sequence[str]) -> str:
    flat = flat_settings(record)
    return ", ".join(f"{setting_name(k)} {_format(flat.get(k))}" for k in keys)


def _duration(seconds: Any) -> str:
    if not isinstance(seconds, (int, float)):
        return "–"
    if seconds < 60:
        text = QCoreApplication.translate("RunTableModel", "{seconds} s")
        return text.format(seconds=i18n.locale().toString(float(seconds), "f", 1))
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def export_runs_csv(records: Sequence[dict[str, Any]], path: Path) -> int:
    """Write the runs' per-epoch metrics to `path`; returns the number of rows written."""
    fields = ["run", "name", "started", "status", *EPOCH_FIELDS]
    rows = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            for epoch in record.get("epochs") or []:
                writer.writerow(
                    {
                        "run": record.get("id", ""),
                        "name": record.get("name", ""),
                        "started": record.get("started", ""),
                        "status": record.get("status", ""),
                        **{k: ("" if epoch.get(k) is None else epoch.get(k)) for k in EPOCH_FIELDS},
                    }
                )
                rows += 1
    return rows


class RunTableModel(QAbstractTableModel):
    """The records of ``project.runs``; editing a name emits `rename_requested` (the panel turns
    it into an undo command, so the table never changes the project itself)."""

    rename_requested = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        i18n.ensure_installed()
        self.runs: list[dict[str, Any]] = []
        self.differing: list[str] = []

    def set_runs(self, runs: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.runs = list(runs)
        self.differing = differing_settings(self.runs)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(section)
            return self.tr(tip) if tip else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else flags

    def text(self, row: int, column: int) -> str:
        record = self.runs[row]
        if column == NAME:
            if record.get("name") or record.get("id"):
                return run_name(record)
            return self.tr("Run {number}").format(number=row + 1)
        if column == STARTED:
            return str(record.get("started") or "").replace("T", " ")[:16]
        if column == STATUS:
            status = str(record.get("status") or "")
            error = record.get("error") or {}
            shown = _word(STATUSES, status, status.replace("_", " "))
            if error.get("kind"):
                kind = _word(FAILURE_KINDS, str(error["kind"]), str(error["kind"]))
                return self.tr("{status} ({kind})").format(
                    status=_word(STATUSES, status, status), kind=kind
                )
            return shown
        if column == SETTINGS:
            return describe(record, self.differing)
        if column in (WEIGHTS, VAL, TEST):
            weights = RunWeights.of(record)
            if weights is None:
                return "–"
            if column == WEIGHTS:
                return weights.label
            return percent(weights.val_accuracy if column == VAL else weights.test_accuracy)
        if column == TRIAL:
            return trial_text(record)
        return _duration(record.get("seconds"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (VAL, TEST, TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        record = self.runs[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS and record.get("error"):
                return i18n.translated(record["error"].get("message", ""))
            if column == SETTINGS:
                return describe(record, list(flat_settings(record))).replace(", ", "\n")
            if column in (WEIGHTS, VAL, TEST):
                return describe_epochs(record)
            if column == TRIAL and trial_params(record):
                values = trial_params(record)
                tried = "\n".join(f"{key} = {_format(value)}" for key, value in values.items())
                text = self.tr("Trial {trial}, which tried:\n{tried}")
                return text.format(trial=self.text(row, TRIAL), tried=tried)
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            status = record.get("status")
            if status == "failed":
                return QColor(ERROR_COLOUR)
            if status == "stopped":
                return QColor(WARNING_COLOUR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != NAME or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value).strip()
        if not name or name == self.text(index.row(), NAME):
            return False
        self.rename_requested.emit(self.runs[index.row()], name)
        return True
