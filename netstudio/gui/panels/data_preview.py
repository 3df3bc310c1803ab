"""The "Data preview" panel: samples per class, the class balance, and augmented samples.

It only draws what `DataPanel` hands it (a `PreviewData` digest and augmented images), so it
holds no dataset and runs no torch. Images show as a grid with one row per class, a 2-D toy set
as a scatter coloured by class, sequences as a few curves per class, other feature vectors as a
small table.

A shown sample can be put on the canvas: double-click it, or choose "Use for Previews" from its
context menu (images and table rows), and every layer's preview shows that training sample
(`sample_picked`, with its place in the training split).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui.i18n import number
from netstudio.gui.panels.plots import make_plot, series_colour, set_bars
from netstudio.gui.panels.preview_data import PreviewData
from netstudio.gui.panels.thumbnails import Thumb, ThumbnailGrid, to_qimage


def _group(title: str, body: QWidget, parent: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.addWidget(body)
    return box


class DataPreview(QWidget):
    """Samples, class balance and augmentation of the project's data (see module docstring)."""

    #: A sample was chosen for the previews: its index in the training split.
    sample_picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_preview")
        self.preview: PreviewData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 6)
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setObjectName("data_preview_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)
        self.body = QWidget(self)
        outer.addWidget(self.message)
        outer.addWidget(self.body, 1)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)

        self.samples_stack = QStackedWidget(self)
        self.sample_grid = ThumbnailGrid(34, self)
        self.sample_grid.setObjectName("sample_grid")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.sample_grid)
        self.scatter = make_plot(self, x="x₀", y="x₁")
        self.scatter.setObjectName("sample_scatter")
        self.curves = make_plot(self, x=self.tr("step"), y=self.tr("value"))
        self.table = QTableWidget(self)
        self.table.setObjectName("sample_table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for widget in (scroll, self.scatter, self.curves, self.table):
            self.samples_stack.addWidget(widget)
        for widget in (self.sample_grid, self.table):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda at, widget=widget: self._context_menu(widget, at)
            )
        self.sample_grid.installEventFilter(self)
        self.table.itemDoubleClicked.connect(lambda item: self._pick(self.table_index(item.row())))
        self.samples_box = _group(self.tr("Samples"), self.samples_stack, self)

        self.balance = make_plot(self, y=self.tr("examples"))
        self.balance.setObjectName("class_balance")
        self.balance_box = _group(self.tr("Class balance (training split)"), self.balance, self)
        self.bars: pg.BarGraphItem | None = None

        self.augment_grid = ThumbnailGrid(48, self)
        self.augment_grid.setObjectName("augment_grid")
        augment_body = QWidget(self)
        augment_layout = QVBoxLayout(augment_body)
        augment_layout.setContentsMargins(0, 0, 0, 0)
        #: Until the augmented images come (they need PyTorch, which an image folder's
        #: preview is drawn without).
        self.augment_message = QLabel(self.tr("Loading…"), augment_body)
        self.augment_message.setObjectName("augment_message")
        self.augment_message.setEnabled(False)
        augment_layout.addWidget(self.augment_message)
        augment_layout.addWidget(self.augment_grid)
        augment_layout.addStretch(1)
        self.augment_box = _group(self.tr("Augmentation (first: original)"), augment_body, self)

        row.addWidget(self.samples_box, 5)
        row.addWidget(self.balance_box, 3)
        row.addWidget(self.augment_box, 3)
        self.show_message(self.tr("Loading…"))

    # --- states --------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Only a message: while loading, or why the data cannot be loaded."""
        self.message.setText(text)
        self.message.show()
        self.body.hide()

    def show_preview(self, preview: PreviewData) -> None:
        self.preview = preview
        self.message.hide()
        self.body.show()
        self._show_samples(preview)
        self.bars = set_bars(self.balance, preview.counts, preview.count_labels,
                             coloured=preview.classes is not None)  # fmt: skip
        title = (
            self.tr("Class balance (training split)")
            if preview.classes
            else self.tr("Targets (histogram)")
        )
        self.balance_box.setTitle(title)
        self.augment_box.setVisible(preview.kind == "image")
        self.augment_grid.set_thumbs([])  # the data's own follow
        self.augment_message.setText(self.tr("Loading…"))
        self.augment_message.show()

    def show_augmented(self, images: np.ndarray) -> None:
        thumbs = [Thumb(to_qimage(image)) for image in images]
        self.augment_grid.set_thumbs(thumbs)
        self.augment_message.hide()

    def show_augment_failed(self, error: str) -> None:
        """The augmented images could not be made: say why where they would be."""
        self.augment_grid.set_thumbs([])
        self.augment_message.setText(self.tr("No augmented images: {error}").format(error=error))
        self.augment_message.setWordWrap(True)
        self.augment_message.show()

    # --- picking a sample for the previews ------------------------------------------------------

    def grid_index(self, row: int, column: int) -> int | None:
        """The training-split index of the image at (`row`, `column`) of the samples grid."""
        indices = self.preview.sample_indices if self.preview is not None else []
        if row < len(indices) and column < len(indices[row]):
            return indices[row][column]
        return None

    def table_index(self, row: int) -> int | None:
        """The training-split index of table row `row` (the table lists the first samples)."""
        preview = self.preview
        if preview is None or not 0 <= row < len(preview.table_rows):
            return None
        return row

    def sample_menu(self, widget: QWidget, at: QPoint) -> QMenu | None:
        """The context menu of the sample at `at` in `widget` (the grid or the table), or
        None where there is no sample whose place in the training split is known."""
        if widget is self.sample_grid:
            hit = self.sample_grid.thumb_at(at)
            index = self.grid_index(*hit) if hit is not None else None
        else:
            item = self.table.itemAt(at)
            index = self.table_index(item.row()) if item is not None else None
        if index is None:
            return None
        menu = QMenu(widget)
        use = QAction(self.tr("Use for Previews"), menu)
        use.setObjectName("data_preview_use_for_previews")
        tip = self.tr("Show training sample {number} on every layer's preview")
        use.setToolTip(tip.format(number=number(index + 1)))
        use.triggered.connect(lambda: self._pick(index))
        menu.addAction(use)
        return menu

    def _context_menu(self, widget: QWidget, at: QPoint) -> None:
        menu = self.sample_menu(widget, at)
        if menu is not None:
            menu.exec(widget.mapToGlobal(at))
            menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A double-click on a sample of the grid uses it for the previews."""
        if watched is self.sample_grid and event.type() == QEvent.Type.MouseButtonDblClick:
            assert isinstance(event, QMouseEvent)
            hit = self.sample_grid.thumb_at(event.position().toPoint())
            if hit is not None:
                self._pick(self.grid_index(*hit))
                return True
        return super().eventFilter(watched, event)

    def _pick(self, index: int | None) -> None:
        if index is not None:
            self.sample_picked.emit(index)

    # --- samples -------------------------------------------------------------------------------

    def _show_samples(self, preview: PreviewData) -> None:
        title = self.tr("Samples")
        if preview.kind == "image":
            rows = [
                (name, [Thumb(to_qimage(s), tooltip=self._tip(name, r, c))
                        for c, s in enumerate(samples)])
                for r, (name, samples) in enumerate(preview.samples)
            ]  # fmt: skip
            self.sample_grid.set_rows(rows)
            self.samples_stack.setCurrentIndex(0)
            if preview.hidden_classes:
                title = self.tr("Samples (first {shown} classes of {total})").format(
                    shown=number(len(rows)), total=number(len(preview.classes or []))
                )
        elif preview.kind == "points" and preview.points is not None:
            self._show_points(preview)
            self.samples_stack.setCurrentIndex(1)
        elif preview.kind == "sequence":
            self._show_curves(preview)
            self.samples_stack.setCurrentIndex(2)
        else:
            self._show_table(preview)
            self.samples_stack.setCurrentIndex(3)
        self.samples_box.setTitle(title)

    def _tip(self, name: str, row: int, column: int) -> str:
        index = self.grid_index(row, column)
        if index is None:
            return name
        if name:
            tip = self.tr(
                "training sample {number}, {name}\nDouble-click to show it on every layer's preview"
            )
        else:
            tip = self.tr(
                "training sample {number}\nDouble-click to show it on every layer's preview"
            )
        return tip.format(number=number(index + 1), name=name)

    def _show_points(self, preview: PreviewData) -> None:
        plot = self.scatter.getPlotItem()
        plot.clear()
        labels = preview.point_labels
        points = preview.points
        assert points is not None and labels is not None
        if preview.classes is None:
            labels = np.zeros(len(points), dtype=int)
        legend = plot.addLegend(offset=(4, 4), labelTextSize="8pt")
        for index in np.unique(labels):
            mask = labels == index
            name = preview.classes[int(index)] if preview.classes else self.tr("samples")
            colour = series_colour(int(index))
            plot.addItem(
                pg.ScatterPlotItem(
                    points[mask, 0], points[mask, 1], size=4, pen=None, brush=colour, name=name
                )
            )
        legend.setVisible(bool(preview.classes) and len(preview.classes or []) <= 6)
        plot.autoRange()

    def _show_curves(self, preview: PreviewData) -> None:
        plot = self.curves.getPlotItem()
        plot.clear()
        for index, (_, samples) in enumerate(preview.samples):
            for sample in samples[:2]:
                values = np.asarray(sample).reshape(sample.shape[0], -1)[:, 0]
                plot.plot(values, pen=pg.mkPen(series_colour(index), width=1.2))
        plot.autoRange()

    def _show_table(self, preview: PreviewData) -> None:
        self.table.clear()
        self.table.setColumnCount(len(preview.table_header))
        self.table.setRowCount(len(preview.table_rows))
        words = {"label": self.tr("label"), "target": self.tr("target")}  # x0, x1… stay
        header = [words.get(h, h) for h in preview.table_header]
        self.table.setHorizontalHeaderLabels(header)
        for r, row in enumerate(preview.table_rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
