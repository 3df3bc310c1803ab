"""The Search panel's trial table and its choice lists: what the panel shows of each trial
(number, values tried, objective, state, time) and the words of its combo boxes.

Split from `search_panel` so that the panel's file holds its behaviour, this one its words:
the states (complete, pruned, failed, stopped, running, waiting) are shown in the person's
language, while the trial's own state (Optuna's word) stays the key compared in code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.field_marks import format_value
from netstudio.gui.panels.search_charts import short_target

#: The context of the choice lists' words in the catalogue.
CONTEXT = "SearchPanel"
OBJECTIVES = (
    ("val_accuracy", QT_TRANSLATE_NOOP("SearchPanel", "Validation accuracy")),
    ("val_loss", QT_TRANSLATE_NOOP("SearchPanel", "Validation loss")),
    ("train_accuracy", QT_TRANSLATE_NOOP("SearchPanel", "Training accuracy")),
    ("train_loss", QT_TRANSLATE_NOOP("SearchPanel", "Training loss")),
    ("test_accuracy", QT_TRANSLATE_NOOP("SearchPanel", "Test accuracy")),
    ("test_loss", QT_TRANSLATE_NOOP("SearchPanel", "Test loss")),
)
DIRECTIONS = (
    (None, QT_TRANSLATE_NOOP("SearchPanel", "Up for accuracy, down for loss")),
    ("maximize", QT_TRANSLATE_NOOP("SearchPanel", "Maximise")),
    ("minimize", QT_TRANSLATE_NOOP("SearchPanel", "Minimise")),
)
#: Optuna's sampler and pruner names (TPE, Hyperband) stay; their descriptions are translated.
SAMPLERS = (
    ("tpe", QT_TRANSLATE_NOOP("SearchPanel", "TPE (learns from earlier trials)")),
    ("random", QT_TRANSLATE_NOOP("SearchPanel", "Random")),
    ("grid", QT_TRANSLATE_NOOP("SearchPanel", "Grid (lists of choices only)")),
)
PRUNERS = (
    ("median", QT_TRANSLATE_NOOP("SearchPanel", "Median")),
    ("hyperband", "Hyperband"),
    ("none", QT_TRANSLATE_NOOP("SearchPanel", "Off")),
)
TRIAL_COLUMNS = (
    QT_TRANSLATE_NOOP("SearchTrialTable", "Trial"),
    QT_TRANSLATE_NOOP("SearchTrialTable", "Values"),
    QT_TRANSLATE_NOOP("SearchTrialTable", "Objective"),
    QT_TRANSLATE_NOOP("SearchTrialTable", "State"),
    QT_TRANSLATE_NOOP("SearchTrialTable", "Time"),
)
#: How a trial stopped by Stop (the worker's interrupt) says so in its error.
INTERRUPTED = "stopped by Ctrl+C"
#: A trial's state (Optuna's, lower case) as the table shows it.
STATES = {
    "complete": QT_TRANSLATE_NOOP("SearchTrialTable", "complete"),
    "pruned": QT_TRANSLATE_NOOP("SearchTrialTable", "pruned"),
    "fail": QT_TRANSLATE_NOOP("SearchTrialTable", "failed"),
    "running": QT_TRANSLATE_NOOP("SearchTrialTable", "running"),
    "waiting": QT_TRANSLATE_NOOP("SearchTrialTable", "waiting"),
    "stopped": QT_TRANSLATE_NOOP("SearchTrialTable", "stopped"),
}


def choice_items(choices: tuple[tuple[Any, str], ...]) -> list[tuple[Any, str]]:
    """(value, label in the person's language) of a choice list above."""
    return [(value, QCoreApplication.translate(CONTEXT, label)) for value, label in choices]


class SearchTrialTable(QTableWidget):
    """One row per trial shown, by number; a trial's error (why it failed) is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(TRIAL_COLUMNS), parent)
        self.setObjectName("search_trials_table")
        self.setHorizontalHeaderLabels([self.tr(c) for c in TRIAL_COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def show_trials(self, trials: dict[int, dict[str, Any]]) -> None:
        """Show `trials` (by number) in number order."""
        numbers = sorted(trials)
        self.setRowCount(len(numbers))
        for row, number in enumerate(numbers):
            trial = trials[number]
            values = ", ".join(
                f"{short_target(k)}={_value(v)}" for k, v in (trial.get("params") or {}).items()
            )
            value = trial.get("value")
            raw = str(trial.get("state"))
            error = str(trial.get("error") or "")
            if raw == "fail" and error.startswith(INTERRUPTED):
                raw = "stopped"  # by Stop: the next Search goes on with the study
            state = self.tr(STATES[raw]) if raw in STATES else raw
            seconds = trial.get("seconds")
            cells = (
                str(number),
                values,
                format_value(value) if value is not None else "",
                state,
                self.tr("{seconds} s").format(
                    seconds=i18n.locale().toString(float(seconds), "f", 1)
                )
                if isinstance(seconds, (int, float))
                else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if error:
                    item.setToolTip(error.replace(INTERRUPTED, self.tr("stopped by Stop"), 1))
                self.setItem(row, column, item)


def _value(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else format_value(value)
