"""The test samples behind one confusion-matrix cell, with true and predicted labels and the
model's confidence: thumbnails for images, a table of feature values otherwise.

The samples are read with `loaded_data.read_samples`: indexed from memory on the GUI thread, or
decoded from disk on a worker when the data streams. A file gone or damaged since the run is
named under the title; the other samples still show.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.evaluation.run_weights import percent, significant
from netstudio.gui.panels.thumbnails import Thumb, ThumbnailGrid, to_qimage
from netstudio.gui.style import ERROR_COLOUR, OK_COLOUR

MAX_SHOWN = 96
#: Unreadable samples named under the title; more are an ellipsis there (all in its tooltip).
MISSING_NAMED = 3


class SampleView(QWidget):
    """Shows chosen test samples (see module docstring); `indices` are the ones shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms ("1 sample") when built alone
        self.setObjectName("evaluation_samples")
        self.indices: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Click a cell of the matrix to see its test samples."), self)
        self.title.setWordWrap(True)
        self.title.setEnabled(False)
        layout.addWidget(self.title)
        self.missing = QLabel("", self)
        self.missing.setObjectName("evaluation_samples_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.missing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing.hide()
        layout.addWidget(self.missing)
        #: Reads the samples of a streamed split off the GUI thread (`busy` while it runs).
        self.reader = LatestJob(self)
        self._labels_shown: dict[int, tuple[str, str, str, bool]] = {}
        self._data: Any = None
        self.stack = QStackedWidget(self)
        self.grid = ThumbnailGrid(40, self)
        self.grid.setObjectName("evaluation_thumbnails")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.grid)
        self.table = QTableWidget(self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)

    def clear(self) -> None:
        self.reader.cancel()
        self.indices = []
        self.grid.set_rows([])
        self.table.setRowCount(0)
        self.missing.hide()
        self.title.setText(self.tr("Click a cell of the matrix to see its test samples."))
        self.title.setEnabled(False)

    def show_samples(
        self, indices: np.ndarray, data: Any, predictions: Any, classes: list[str], title: str
    ) -> None:
        """Show the test samples of the predictions at `indices` under `title`: the samples of
        ``data.test`` at the positions the predictions name (`Predictions.sample_positions`:
        a test image the run could not read has no prediction)."""
        total = len(indices)
        shown = [int(i) for i in indices[:MAX_SHOWN]]
        self.indices = shown
        if total > len(shown):
            text = self.tr("{title}: %Ln sample(s) (the first {shown})", "", total)
        else:
            text = self.tr("{title}: %Ln sample(s)", "", total)
        self.title.setText(text.format(title=title, shown=i18n.number(len(shown))))
        self.title.setEnabled(True)
        self.missing.hide()
        self.reader.cancel()
        if data is None or not shown:
            self.grid.set_rows([])
            self.table.setRowCount(0)
            return
        from netstudio.training.loaded_data import read_samples

        self._data = data
        at = [int(p) for p in predictions.sample_positions(np.asarray(shown, dtype=np.int64))]
        self._labels_shown = {
            position: self._labels(row, predictions, classes)
            for row, position in zip(shown, at, strict=True)
        }
        split = data.test
        if not data.streaming:  # indexing a few samples held in memory is no work
            self._show_read(read_samples(split, at))
            return
        self.grid.set_rows([])
        self.table.setRowCount(0)
        self.reader.submit(lambda: read_samples(split, at), self._show_read, self._failed)

    def _show_read(self, read: Any) -> None:
        """Show the samples `read` (a `SplitSamples`), naming those that could not be read."""
        self._say_missing(list(read.missing.values()))
        data, x = self._data, read.x
        labels = [self._labels_shown[i] for i in read.positions]
        if data.is_image:
            images = data.denormalize(x).clamp(0, 1).numpy()
            thumbs = []
            for image, (true, pred, conf, right) in zip(images, labels, strict=True):
                fields = {"predicted": pred, "confidence": conf, "true": true}
                #: Under a thumbnail: the predicted class and the confidence, then the true class.
                caption = self.tr("{predicted} {confidence}\ntrue {true}").format(**fields)
                tip = self.tr("predicted {predicted} ({confidence}), true {true}").format(**fields)
                colour = QColor(OK_COLOUR if right else ERROR_COLOUR)
                thumbs.append(Thumb(to_qimage(image), caption, tip, colour))
            self.grid.set_thumbs(thumbs)
            self.stack.setCurrentIndex(0)
            return
        values = x.reshape(len(x), -1).numpy() if len(x) else np.zeros((0, 0), np.float32)
        width = min(values.shape[1], 8)
        header = ["#", self.tr("true"), self.tr("predicted"), self.tr("confidence")]
        header += [f"x{i}" for i in range(width)]
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        self.table.setRowCount(len(read.positions))
        for row, (index, (true, pred, conf, _), features) in enumerate(
            zip(read.positions, labels, values, strict=True)
        ):
            cells = [str(index), true, pred, conf]
            cells += [significant(v, 3) for v in features[:width]]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.stack.setCurrentIndex(1)

    def _failed(self, error: BaseException) -> None:
        """Reading the samples failed outright (not one file: that is `missing`): say why."""
        self._say_missing([error])

    def _say_missing(self, errors: list[BaseException]) -> None:
        if not errors:
            self.missing.hide()
            return
        # Each message names its file and says what to do; the title keeps the cell's count.
        said = [i18n.error_said(error) for error in errors]
        self.missing.setText(
            "\n".join(said[:MISSING_NAMED]) + ("\n…" if said[MISSING_NAMED:] else "")
        )
        self.missing.setToolTip("\n".join(said))
        self.missing.show()

    @staticmethod
    def _labels(index: int, predictions: Any, classes: list[str]) -> tuple[str, str, str, bool]:
        true = int(predictions.targets[index])
        pred = int(predictions.predicted[index])
        conf = predictions.confidence[index] if predictions.confidence is not None else None
        name = lambda k: classes[k] if k < len(classes) else str(k)  # noqa: E731
        shown = percent(float(conf), 0) if conf is not None else ""
        return name(true), name(pred), shown, true == pred
