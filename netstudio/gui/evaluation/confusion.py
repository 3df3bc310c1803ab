"""The confusion matrix as a table of coloured cells: rows are true classes, columns predicted.

Counts sit in the cells; the shade is the share of the row (of the true class's samples), green
on the diagonal (right) and red off it (wrong), so the biggest confusions stand out. Clicking a
cell emits `cell_clicked(true_class, predicted_class)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from netstudio.gui import i18n
from netstudio.gui.evaluation.run_weights import percent
from netstudio.gui.style import ERROR_COLOUR, OK_COLOUR, text_on

Index = QModelIndex | QPersistentModelIndex


class ConfusionModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.matrix: list[list[int]] = []
        self.classes: list[str] = []
        self.row_totals: list[int] = []

    def set_matrix(self, matrix: list[list[int]], classes: list[str]) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.classes = classes
        self.row_totals = [sum(row) for row in matrix]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.classes[section] if section < len(self.classes) else str(section)
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.classes):
            name = self.classes[section]
            if orientation == Qt.Orientation.Horizontal:
                return self.tr("predicted: {name}").format(name=name)
            return self.tr("true: {name}").format(name=name)
        return None

    def share(self, row: int, column: int) -> float:
        total = self.row_totals[row]
        return self.matrix[row][column] / total if total else 0.0

    def colour(self, row: int, column: int) -> QColor:
        share = self.share(row, column)
        base = QColor(OK_COLOUR if row == column else ERROR_COLOUR)
        if self.matrix[row][column] == 0:
            base.setAlphaF(0.0)
        else:
            base.setAlphaF(0.12 + 0.88 * min(1.0, share * (1 if row == column else 2)))
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        count = self.matrix[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return i18n.number(int(count))
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colour(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(row, column)
            if colour.alphaF() > 0.55:
                return text_on(colour)
            return None if count else QColor(128, 128, 128)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            fields = {
                "true": self.classes[row],
                "predicted": self.classes[column],
                "share": percent(self.share(row, column)),
            }
            if row == column:
                tip = self.tr(
                    "%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, "
                    "right); click to see them",
                    "",
                    int(count),
                )
            else:
                tip = self.tr(
                    "%Ln test sample(s) of {true} predicted as {predicted} ({share} of {true}, "
                    "wrong); click to see them",
                    "",
                    int(count),
                )
            return tip.format(**fields)
        return None


class ConfusionView(QTableView):
    """The matrix (see module docstring); cells are square-ish and fill the width they get."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms ("1 test sample") when built alone
        self.setObjectName("confusion_matrix")
        self.matrix_model = ConfusionModel()
        self.setModel(self.matrix_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setCornerButtonEnabled(False)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(18)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setToolTip(self.tr("Predicted class"))
        self.verticalHeader().setToolTip(self.tr("True class"))
        self.clicked.connect(lambda index: self.cell_clicked.emit(index.row(), index.column()))

    def set_matrix(self, matrix: list[list[int]], classes: list[str]) -> None:
        self.matrix_model.set_matrix(matrix, classes)
