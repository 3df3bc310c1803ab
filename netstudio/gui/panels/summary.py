"""The Summary panel: one row per node (name, type, output shape, parameters, MACs), totals last.

Built from `netstudio.core.summary.summarize`, the same table `netstudio check` prints. A layer
the fine-tuning settings freeze says "frozen" after its type, and the totals row says how many
parameters learn and how many are frozen, and what the project starts from (its loaded
weights, in the tooltip); they follow the ``training`` section and the starting weights.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from netstudio.core.summary import ModelSummary, summarize
from netstudio.gui import i18n
from netstudio.gui.canvas.subtitles import translate_subtitle
from netstudio.gui.document import Document
from netstudio.gui.i18n import number, translated
from netstudio.gui.style import ERROR_COLOUR
from netstudio.gui.tuning_edits import frozen_ids, split_text
from netstudio.training.fine_tuning import parameter_split

COLUMNS = ("Name", "Type", "Output shape", "Parameters", "MACs")


def headers() -> tuple[str, ...]:
    """The column headers as shown: `COLUMNS` in the person's language."""
    translate = QCoreApplication.translate
    return (
        translate("SummaryModel", "Name"),
        translate("SummaryModel", "Type"),
        translate("SummaryModel", "Output shape"),
        translate("SummaryModel", "Parameters"),
        #: Multiply-accumulate operations of one sample's forward pass.
        translate("SummaryModel", "MACs"),
    )


NUMERIC = {3, 4}

Index = QModelIndex | QPersistentModelIndex


class SummaryModel(QAbstractTableModel):
    """The rows of a `ModelSummary` plus a bold totals row."""

    def __init__(self) -> None:
        super().__init__()
        i18n.ensure_installed()  # English's plural forms ("3 layers")
        self.summary: ModelSummary | None = None
        #: The ids of the frozen nodes, and how many starting tensors the project has.
        self.frozen: set[str] = set()
        self.starting = 0

    def set_summary(self, summary: ModelSummary | None) -> None:
        self.beginResetModel()
        self.summary = summary
        self.endResetModel()

    def set_tuning(self, frozen: set[str], starting: int) -> None:
        """Show these nodes frozen and this many starting tensors."""
        if (frozen, starting) == (self.frozen, self.starting):
            return
        self.frozen, self.starting = set(frozen), starting
        if self.summary is not None and self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 3))

    def total_text(self) -> str:
        """The totals row's parameter words: "38,378 params (12,000 frozen)"."""
        assert self.summary is not None
        return split_text(parameter_split(self.summary.params_by_node, self.frozen))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.summary is None or not self.summary.rows:
            return 0
        return len(self.summary.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def node_id(self, row: int) -> str | None:
        if self.summary is None or row >= len(self.summary.rows):
            return None
        return self.summary.rows[row].node_id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary
        if summary is None or not index.isValid():
            return None
        column, total = index.column(), index.row() == len(summary.rows)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if total:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DisplayRole:
                count = len(summary.rows)
                weights = i18n.size(summary.size_bytes)
                split = parameter_split(summary.params_by_node, self.frozen)
                if split.frozen:
                    layers = self.tr(
                        "%Ln layer(s), {weights} of weights; {frozen} frozen", "", count
                    )
                else:
                    layers = self.tr("%Ln layer(s), {weights} of weights", "", count)
                return (
                    self.tr("Total"),
                    layers.format(weights=weights, frozen=number(split.frozen)),
                    "",
                    number(summary.total_params),
                    "…" if summary.macs_pending else number(summary.total_macs),
                )[column]
            if role == Qt.ItemDataRole.ToolTipRole and column in (1, 3):
                split = parameter_split(summary.params_by_node, self.frozen)
                lines = [
                    self.tr("Weights counted as float32 (4 bytes each)"),
                    self.tr("{trainable} trainable, {frozen} frozen").format(
                        trainable=number(split.trainable), frozen=number(split.frozen)
                    ),
                ]
                if self.starting:
                    lines.append(
                        self.tr(
                            "The project starts from loaded weights (%Ln tensor(s))",
                            "",
                            self.starting,
                        )
                    )
                else:
                    lines.append(self.tr("Training starts from fresh weights"))
                return "\n".join(lines)
            if role == Qt.ItemDataRole.ToolTipRole and column == 4 and summary.macs_pending:
                return self.tr("Counting the MACs: they follow the shapes in a moment")
            return None
        row = summary.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                detail = translate_subtitle(row.detail, row.type_name)
                if row.node_id in self.frozen:
                    return self.tr("{layer} · frozen").format(layer=detail)
                return detail
            if column == 2:
                return self.tr("error") if row.error else row.shape
            if column == 3:
                return number(row.params)
            if row.macs is None:
                return "…" if row.macs_pending else "–"
            return number(row.macs)
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return translated(row.error)
        if role == Qt.ItemDataRole.ForegroundRole and row.error and column == 2:
            return QColor(ERROR_COLOUR)
        return None


class SummaryPanel(QTableView):
    """The model table of the current document; double-click selects the node."""

    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        #: The document changed while the panel was hidden: every row is made again when shown.
        self._stale = False
        self.table = SummaryModel()
        self.setModel(self.table)
        self.setObjectName("summary_table")
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 0, 150, 110, 130)):
            if width:
                self.setColumnWidth(column, width)
        self.doubleClicked.connect(self._on_double_click)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.analysed.disconnect(self._on_analysed)
            self.document.macs_counted.disconnect(self._refresh)
            self.document.section_changed.disconnect(self._on_section_changed)
            self.document.starting_weights_changed.disconnect(self._show_tuning)
        self.document = document
        if document is not None:
            document.analysed.connect(self._on_analysed)
            document.macs_counted.connect(self._refresh)
            document.section_changed.connect(self._on_section_changed)
            document.starting_weights_changed.connect(self._show_tuning)
        self.table.set_summary(None)
        self._refresh()

    def _on_section_changed(self, section: str) -> None:
        if section == "training":
            self._show_tuning()

    def _show_tuning(self) -> None:
        document = self.document
        if document is None or not document.analysed_once:
            return
        self.table.set_tuning(frozen_ids(document), len(document.starting_weights))

    def _on_analysed(self, changed: set[str], _problems: Any = None) -> None:
        self._refresh(changed)

    def _refresh(self, changed: set[str] | None = None) -> None:
        """The table as the document knows it now: only the rows of the nodes an edit changed
        are made again (`changed`; None: every row), and only while the panel is shown (else
        when it is shown next). MACs still being counted show as "…" and arrive with
        `macs_counted`."""
        document = self.document
        if document is None or not document.analysed_once:
            self.table.set_summary(None)
            return
        if not self.isVisible():
            self._stale = True
            return
        previous = None if self._stale or changed is None else self.table.summary
        self._stale = False
        summary = summarize(
            document.graph,
            document.inference,
            count_macs=False,
            previous=previous,
            changed=changed or (),
        )
        self.table.set_summary(summary)
        self._show_tuning()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _on_double_click(self, index: QModelIndex) -> None:
        node_id = self.table.node_id(index.row())
        if node_id is not None:
            self.node_activated.emit(node_id)
