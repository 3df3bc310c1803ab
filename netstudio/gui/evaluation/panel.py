"""The Evaluation panel: how the last run (or a reopened one) does on its test split.

Classification: the confusion matrix — a click on a cell shows those test samples with their
predicted and true labels and the model's confidence — beside the per-class precision, recall,
F1 and support. Regression: predicted against true values with the diagonal. Reconstruction
(autoencoders): inputs above their reconstructions. Before any run, a calm empty state.

The header names the run and the weights its figures come from ("weights: best, epoch 7"), as
the Runs table does (`run_weights`). The regression plot is built when a regression run is first
shown (or `scatter` first read): most windows never show one.
"""

from __future__ import annotations

from html import escape
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.evaluation.confusion import ConfusionView
from netstudio.gui.evaluation.run_weights import (
    RunWeights,
    accuracy_text,
    fixed,
    run_name,
    significant,
    weights_text,
)
from netstudio.gui.evaluation.samples import SampleView
from netstudio.gui.panels.plots import make_plot, series_colour
from netstudio.gui.panels.thumbnails import Thumb, ThumbnailGrid, to_qimage
from netstudio.gui.style import ERROR_COLOUR

EMPTY, CLASSIFICATION, REGRESSION, RECONSTRUCTION = range(4)
RECONSTRUCTIONS = 12
#: Parts of the header, between which it puts " · " (a list of figures, not a sentence).
SEPARATOR = " · "


def _boxed(title: str, body: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>", box)
    layout.addWidget(label)
    layout.addWidget(body, 1)
    return box


class EvaluationPanel(QWidget):
    """Shows one `FinishedRun` (see module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluation_panel")
        self.finished: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.header = QLabel(self)
        self.header.setObjectName("evaluation_header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        self.empty = QLabel(self.empty_text(), self)
        self.empty.setObjectName("evaluation_empty")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.matrix = ConfusionView(split)
        self.matrix.cell_clicked.connect(self.show_cell)
        self.report = QTableWidget(split)
        self.report.setObjectName("class_report")
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.setAlternatingRowColors(True)
        self.report.setShowGrid(False)
        self.samples = SampleView(split)
        matrix_title = self.tr("Confusion matrix (rows: true, columns: predicted)")
        split.addWidget(_boxed(matrix_title, self.matrix, split))
        split.addWidget(_boxed(self.tr("Per class"), self.report, split))
        split.addWidget(self.samples)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 4)
        split.setSizes([340, 400, 420])  # the per-class table whole: class, P, R, F1, support
        self.stack.addWidget(split)

        self._scatter: pg.PlotWidget | None = None  # built on first use: `scatter`
        self.scatter_points: pg.ScatterPlotItem | None = None
        self.stack.addWidget(QWidget(self))  # the scatter's place

        self.pairs = ThumbnailGrid(56, self)
        self.pairs.setObjectName("reconstruction_pairs")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.pairs)
        self.stack.addWidget(scroll)
        self.clear()

    @property
    def scatter(self) -> pg.PlotWidget:
        """The regression plot: predicted against true values (built on first use)."""
        if self._scatter is None:
            self._scatter = make_plot(self, x=self.tr("true value"), y=self.tr("predicted value"))
            self._scatter.setObjectName("regression_scatter")
            place = self.stack.widget(REGRESSION)
            current = self.stack.currentIndex()
            self.stack.insertWidget(REGRESSION, self._scatter)
            if place is not None:
                self.stack.removeWidget(place)
                place.deleteLater()
            self.stack.setCurrentIndex(current)
        return self._scatter

    def empty_text(self) -> str:
        """What the panel says before a run has test predictions to show."""
        return self.tr(
            "Train the network to see how it does: press F5. The confusion matrix, per-class "
            "scores and the misclassified samples appear here."
        )

    def clear(self) -> None:
        self.finished = None
        self.header.hide()
        self.stack.setCurrentIndex(EMPTY)

    # --- showing a run -------------------------------------------------------------------------

    def show_run(self, finished: Any) -> None:
        """Show a `FinishedRun` (from training, or a run reopened from the history)."""
        self.finished = finished
        result, record = finished.result, finished.record or {}
        name = run_name(record)
        weights = RunWeights.of(record)
        title = f"<b>{escape(name)}</b>"
        if weights is not None:
            title += SEPARATOR + escape(weights_text(weights))
        predictions = result.predictions
        self.header.show()
        self.header.setStyleSheet("")
        if predictions is None:
            failure = result.failure
            if failure is not None:
                why = i18n.translated(failure.message)
            else:
                why = self.tr("the run ended before its test")
            self.header.setText(
                self.tr("{name} has no test predictions: {why}").format(name=name, why=why)
            )
            self.header.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.empty.setText(self.empty_text())
            self.stack.setCurrentIndex(EMPTY)
            return
        task = (record.get("training") or {}).get("task", "classification")
        if task == "reconstruction":
            self._show_reconstruction(title, finished)
        elif result.report is not None and hasattr(result.report, "confusion"):
            self._show_classification(title, finished)
        else:
            self._show_regression(title, finished)

    def _show_classification(self, title: str, finished: Any) -> None:
        report = finished.result.report
        accuracy = finished.result.test_accuracy
        parts = [
            title,
            accuracy_text(accuracy),
            self.tr("macro F1 {f1}").format(f1=fixed(report.macro_f1, 3)),
            self.tr("{count} test samples").format(count=i18n.number(int(sum(report.support)))),
        ]
        self.header.setText(SEPARATOR.join(parts))
        self.matrix.set_matrix(report.confusion, report.classes)
        columns = [
            self.tr("class"),
            self.tr("precision"),
            self.tr("recall"),
            self.tr("F1"),
            self.tr("support"),
        ]
        self.report.clear()
        self.report.setColumnCount(len(columns))
        self.report.setHorizontalHeaderLabels(columns)
        self.report.setRowCount(len(report.classes))
        for row, cls in enumerate(report.classes):
            values = (cls, fixed(report.precision[row], 3), fixed(report.recall[row], 3),
                      fixed(report.f1[row], 3), i18n.number(int(report.support[row])))  # fmt: skip
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.report.setItem(row, column, item)
        self.report.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.report.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.report.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.samples.clear()
        self.stack.setCurrentIndex(CLASSIFICATION)

    def show_cell(self, true_class: int, predicted_class: int) -> None:
        """Show the test samples of one confusion-matrix cell."""
        if self.finished is None or self.finished.result.predictions is None:
            return
        predictions = self.finished.result.predictions
        classes = self.finished.result.report.classes
        indices = predictions.misclassified(true_class, predicted_class)
        if true_class == predicted_class:
            title = self.tr("True {true}, right").format(true=classes[true_class])
        else:
            title = self.tr("True {true}, predicted as {predicted}").format(
                true=classes[true_class], predicted=classes[predicted_class]
            )
        self.samples.show_samples(indices, self.finished.data, predictions, classes, title)

    def _show_regression(self, title: str, finished: Any) -> None:
        report, predictions = finished.result.report, finished.result.predictions
        parts = [title]
        if report is not None:
            parts.append(self.tr("test MSE {mse}").format(mse=significant(report.mse, 4)))
            parts.append(self.tr("MAE {mae}").format(mae=significant(report.mae, 4)))
            if report.r2 is not None:
                parts.append(self.tr("R² {r2}").format(r2=fixed(report.r2, 3)))
        self.header.setText(SEPARATOR.join(parts))
        true = np.asarray(predictions.targets, dtype=np.float64).ravel()
        pred = np.asarray(predictions.predicted, dtype=np.float64).ravel()
        plot = self.scatter.getPlotItem()
        plot.clear()
        self.scatter_points = pg.ScatterPlotItem(
            true, pred, size=5, pen=None, brush=series_colour(0)
        )
        plot.addItem(self.scatter_points)
        if len(true):
            low = float(min(true.min(), pred.min()))
            high = float(max(true.max(), pred.max()))
            plot.plot(
                [low, high],
                [low, high],
                pen=pg.mkPen(series_colour(1), width=1.5, style=Qt.PenStyle.DashLine),
            )
        plot.autoRange()
        self.stack.setCurrentIndex(REGRESSION)

    def _show_reconstruction(self, title: str, finished: Any) -> None:
        predictions, data = finished.result.predictions, finished.data
        report = finished.result.report
        parts = [title, self.tr("inputs (top) and their reconstructions (below)")]
        if report is not None:
            parts.append(self.tr("test MSE {mse}").format(mse=significant(report.mse, 4)))
        self.header.setText(SEPARATOR.join(parts))
        count = min(RECONSTRUCTIONS, len(predictions.targets))
        shape = tuple(data.input_shape) if data is not None else None
        rows = []
        for label, values in (
            (self.tr("input"), predictions.targets),
            (self.tr("output"), predictions.predicted),
        ):
            images = np.asarray(values[:count], dtype=np.float32)
            if shape is not None and len(shape) == 3 and images[0].size == int(np.prod(shape)):
                images = images.reshape(count, *shape)
                images = self._denormalise(images, data)
            rows.append((label, [Thumb(to_qimage(image)) for image in images]))
        self.pairs.set_rows(rows)
        self.stack.setCurrentIndex(RECONSTRUCTION)

    @staticmethod
    def _denormalise(images: np.ndarray, data: Any) -> np.ndarray:
        if data.mean is None or data.std is None:
            return images
        mean = np.asarray(data.mean, dtype=np.float32).reshape(1, -1, 1, 1)
        std = np.asarray(data.std, dtype=np.float32).reshape(1, -1, 1, 1)
        return images * std + mean
