"""The Runs panel: the project's run history, its curves overlaid, and the way back to a run.

A table of ``project.runs`` (name editable in place), the selected runs' per-epoch curves in one
plot (each run keeps its colour: the colour of its row position), and buttons to export their
metrics to CSV, delete them, or open a run's weights into the current network. Renaming and
deleting are undo commands. The table follows the document's `runs_changed` (a run added,
deleted or renamed, or such an edit undone), not its every edit: a graph edit redraws nothing
here.

Each row shows the figures of the weights its run ended with and says which they are ("best,
epoch 7" or "last, epoch 10"); Open weights loads those very weights, so Evaluation shows the
same figures (`netstudio.gui.evaluation.run_weights`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.commands import DeleteRunsCommand, RenameRunCommand
from netstudio.gui.document import Document
from netstudio.gui.evaluation.reopen import reopen_run
from netstudio.gui.evaluation.run_weights import RunWeights, run_name
from netstudio.gui.panels.crosshair import Crosshair, Series
from netstudio.gui.panels.plots import make_plot, series_colour
from netstudio.gui.panels.run_table import (
    SETTINGS,
    TRIAL,
    RunTableModel,
    export_runs_csv,
    trial_text,
)
from netstudio.gui.style import ERROR_COLOUR
from netstudio.gui.training.session import training_copy

#: (label, key of EpochMetrics.to_dict(), axis label) of the metrics the overlay can show.
ACCURACY = QT_TRANSLATE_NOOP("RunHistoryPanel", "accuracy")
LOSS = QT_TRANSLATE_NOOP("RunHistoryPanel", "loss")
METRICS = (
    (QT_TRANSLATE_NOOP("RunHistoryPanel", "Validation accuracy"), "val_accuracy", ACCURACY),
    (QT_TRANSLATE_NOOP("RunHistoryPanel", "Validation loss"), "val_loss", LOSS),
    (QT_TRANSLATE_NOOP("RunHistoryPanel", "Training loss"), "train_loss", LOSS),
    (QT_TRANSLATE_NOOP("RunHistoryPanel", "Training accuracy"), "train_accuracy", ACCURACY),
)


class RunHistoryPanel(QWidget):
    """The run history of the current document (see module docstring)."""

    #: A run's weights were loaded: a FinishedRun for Evaluation and Try it.
    run_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms ("1 run") when built alone
        self.setObjectName("runs_panel")
        self.document: Document | None = None
        self.model = RunTableModel()
        self.model.rename_requested.connect(self.rename)
        self.opener = LatestJob(self)
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)

        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(left)
        self.table.setObjectName("runs_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SETTINGS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty = QLabel(
            self.tr("No runs yet: press F5 to train. Every run is kept here."), left
        )
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        self.open_button = self._button(
            self.tr("Open weights"),
            "runs_open",
            self.tr(
                "Load the weights the selected run ended with (the Weights column says which) "
                "into the network, for Evaluation and Try it"
            ),
        )
        self.export_button = self._button(
            self.tr("Export CSV…"),
            "runs_export",
            self.tr("Write the selected runs' per-epoch metrics to a CSV file"),
        )
        self.delete_button = self._button(
            self.tr("Delete"),
            "runs_delete",
            self.tr(
                "Remove the selected runs from the history (undoable; their folders stay on disk)"
            ),
        )
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.open_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        self.message = QLabel(left)
        self.message.setObjectName("runs_message")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty, 1)
        column.addLayout(buttons)

        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.metric_combo = QComboBox(right)
        self.metric_combo.setObjectName("runs_metric")
        for label, key, _ in METRICS:
            self.metric_combo.addItem(self.tr(label), key)
        self.metric_combo.currentIndexChanged.connect(self._plot)
        self.plot = make_plot(right, x=self.tr("epoch"), y=self.tr(ACCURACY))
        self.plot.setObjectName("runs_plot")
        self.legend = self.plot.getPlotItem().addLegend(offset=(-4, 4), labelTextSize="8pt")
        palette = self.plot.palette()
        text, base = palette.text().color(), palette.base().color()
        self._series: list[Series] = []
        self.crosshair = Crosshair(self.plot, lambda _key: self._series, text, base)
        column.addWidget(self.metric_combo)
        column.addWidget(self.plot, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.runs_changed.disconnect(self.refresh)
        self.document = document
        if document is not None:
            document.runs_changed.connect(self.refresh)
        self._say("")
        self.refresh()

    def refresh(self) -> None:
        """Show the project's runs, keeping the selected ones selected."""
        kept = {id(run) for run in self.selected_runs()}
        runs = self.document.project.runs if self.document is not None else []
        self.model.set_runs(runs)
        self.table.setColumnHidden(TRIAL, not any(trial_text(run) for run in runs))
        has_runs = bool(runs)
        self.table.setVisible(has_runs)
        self.empty.setVisible(not has_runs)
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, run in enumerate(self.model.runs):
            if id(run) in kept:
                selection.select(self.model.index(row, 0), flags)
        self._on_selection()

    def selected_runs(self) -> list[dict[str, Any]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.runs[row] for row in rows if row < len(self.model.runs)]

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)

    def _on_selection(self, *_: Any) -> None:
        self._update_buttons()
        self._plot()

    def _update_buttons(self) -> None:
        count = len(self.selected_runs())
        self.open_button.setEnabled(count == 1)
        self.export_button.setEnabled(count > 0)
        self.delete_button.setEnabled(count > 0)

    # --- the overlay ---------------------------------------------------------------------------

    def _plot(self, *_: Any) -> None:
        plot = self.plot.getPlotItem()
        plot.clear()
        self.legend.clear()
        _, key, axis = METRICS[max(0, self.metric_combo.currentIndex())]
        plot.setLabel("left", self.tr(axis))
        positions = {id(run): row for row, run in enumerate(self.model.runs)}
        self.curves: list[pg.PlotDataItem] = []
        self._series = []
        for run in self.selected_runs():
            points = [
                (e["epoch"], e[key]) for e in run.get("epochs") or [] if e.get(key) is not None
            ]
            if not points:
                continue
            x, y = zip(*points, strict=True)
            colour = series_colour(positions[id(run)])
            curve = plot.plot(list(x), list(y), pen=pg.mkPen(colour, width=2), symbol="o",
                              symbolSize=4, symbolBrush=colour, symbolPen=None,
                              name=run_name(run))  # fmt: skip
            self.curves.append(curve)
            name = run_name(run)
            self._series.append(Series(name, np.array(x, float), np.array(y, float), colour))
        self.crosshair.attach({"overlay": plot})  # clear() took its line and label away

    # --- edits ---------------------------------------------------------------------------------

    def rename(self, record: dict[str, Any], name: str) -> None:
        if self.document is not None:
            self.document.undo_stack.push(RenameRunCommand(self.document, record, name))

    def delete_selected(self) -> None:
        runs = self.selected_runs()
        if runs and self.document is not None:
            self.table.selectionModel().clearSelection()
            self.document.undo_stack.push(DeleteRunsCommand(self.document, runs))

    def export_selected(self, path: str | None = None) -> None:
        runs = self.selected_runs()
        if not runs:
            return
        if not path:
            suggested = (
                self.document.path.with_suffix(".runs.csv")
                if self.document and self.document.path
                else "runs.csv"
            )
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export run metrics"),
                str(suggested),
                self.tr("CSV files (*.csv)"),
            )
            if not path:
                return
        try:
            rows = export_runs_csv(runs, path)
        except OSError as error:
            text = self.tr("Could not write {path}: {reason}")
            self._say(text.format(path=path, reason=error.strerror or error), error=True)
            return
        text = self.tr("Wrote {rows} rows (%Ln run(s)) to {path}", "", len(runs))
        self._say(text.format(rows=i18n.number(rows), path=path))

    def open_selected(self) -> None:
        runs = self.selected_runs()
        if len(runs) != 1 or self.document is None:
            return
        record = runs[0]
        graph = training_copy(self.document.project)  # the worker's own, blocks' networks too
        path = self.document.path
        name = run_name(record)
        self._say(self.tr("Opening the weights of {name}…").format(name=name))
        self.open_button.setEnabled(False)
        self.opener.submit(
            lambda: reopen_run(record, graph, path), self._on_opened, self._on_open_failed
        )

    def _on_opened(self, finished: Any) -> None:
        self._update_buttons()
        name = run_name(finished.record)
        weights = RunWeights.of(finished.record)
        if weights is not None:
            text = self.tr("Opened the weights of {name} ({weights}): see Evaluation and Try it")
        else:
            text = self.tr("Opened the weights of {name}: see Evaluation and Try it")
        text = text.format(name=name, weights=weights.label if weights is not None else "")
        if finished.result.failure:
            note = i18n.translated(finished.result.failure.message)
            text = self.tr("{opened} ({note})").format(opened=text, note=note)
        self._say(text)
        self.run_opened.emit(finished)

    def _on_open_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self._say(i18n.error_said(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
