"""Try it: give the trained model an input of your own and see what it predicts.

Image classifiers get a drawing pad (and an "Open image…" button; an image file can also be
dropped on the panel); models on feature vectors (toy sets, CSV) get one spin box per feature.
The input is prepared exactly like the training data (size, channels, the training split's
normalisation) and the predicted class and every class's probability update as you draw.

The forward pass runs on a worker with latest-request-wins (`LatestJob`): for an MLP it costs
well under a millisecond, but a CNN on CIFAR-sized input can take tens, and strokes arrive at
mouse rate, so the GUI thread never waits for the model and stale strokes are skipped.

Above the answer, the run whose weights answer and which weights they are ("Run 2 · weights:
best, epoch 7 · test accuracy 97.2%"), as in the Runs table and Evaluation. The probability
chart is built when a classifier is first tried (or `chart` first read).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.evaluation.drawing_pad import DrawingPad
from netstudio.gui.evaluation.inference import classify, input_spec, normalise
from netstudio.gui.evaluation.run_weights import (
    RunWeights,
    accuracy_text,
    percent,
    run_name,
    weights_text,
)
from netstudio.gui.panels.plots import make_plot, set_bars

EMPTY, IMAGE, FEATURES = range(3)
MAX_FEATURES = 64
#: Between the parts of the line naming the run whose weights answer.
SEPARATOR = " · "


class TryItPanel(QWidget):
    """See module docstring. `predicted(probabilities)` after each prediction."""

    predicted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("try_it_panel")
        self.setAcceptDrops(True)
        self.model: Any = None
        self.data: Any = None
        self.loss = "cross_entropy"
        self.shape: tuple[int, ...] | None = None
        self.dtype = "float32"
        self.classes: list[str] = []
        self.image_shape: tuple[int, int, int] | None = None
        self.probabilities: np.ndarray | None = None
        self._opened: QImage | None = None
        self.job = LatestJob(self)
        self._build()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.inputs = QStackedWidget(self)
        self.empty = QLabel(
            self.tr(
                "Train a classifier (F5), or open a run's weights in Runs, then draw or type an "
                "input here to see what it predicts."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inputs.addWidget(self.empty)

        pad_page = QWidget(self)
        pad_layout = QVBoxLayout(pad_page)
        pad_layout.setContentsMargins(0, 0, 0, 0)
        self.pad = DrawingPad(pad_page)
        self.pad.changed.connect(self._on_drawn)
        buttons = QHBoxLayout()
        clear = QPushButton(self.tr("Clear"), pad_page)
        clear.setObjectName("try_it_clear")
        clear.clicked.connect(self.pad.clear)
        open_button = QPushButton(self.tr("Open image…"), pad_page)
        open_button.setObjectName("try_it_open")
        open_button.setToolTip(self.tr("Classify an image file (or drop one on this panel)"))
        open_button.clicked.connect(self.open_image)
        buttons.addWidget(clear)
        buttons.addWidget(open_button)
        pad_layout.addWidget(self.pad, 1)
        pad_layout.addLayout(buttons)
        self.inputs.addWidget(pad_page)

        self.features = QWidget(self)
        self.feature_form = QFormLayout(self.features)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.features)
        self.inputs.addWidget(scroll)
        self.spins: list[QDoubleSpinBox] = []

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.source = QLabel("", right)
        self.source.setObjectName("try_it_source")
        self.source.setWordWrap(True)
        self.answer = QLabel("", right)
        self.answer.setObjectName("try_it_answer")
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.answer.setFont(font)
        self._chart: pg.PlotWidget | None = None  # built on first use: `chart`
        self._column = column
        column.addWidget(self.source)
        column.addWidget(self.answer)
        layout.addWidget(self.inputs, 2)
        layout.addWidget(right, 3)
        self.right = right
        self.right.hide()

    @property
    def chart(self) -> pg.PlotWidget:
        """Every class's probability, as bars under the answer (built on first use)."""
        if self._chart is None:
            self._chart = make_plot(self.right, y=self.tr("probability"))
            self._chart.setObjectName("try_it_chart")
            self._column.addWidget(self._chart, 1)
            if self.right.isVisible():
                self._chart.show()
        return self._chart

    def _clear_chart(self) -> None:
        if self._chart is not None:
            self._chart.getPlotItem().clear()

    # --- the model -----------------------------------------------------------------------------

    def set_run(self, finished: Any, graph: Any = None) -> None:
        """Use a `FinishedRun`'s model (None or not a classifier: the empty state)."""
        self.model, self.data = finished.model, finished.data
        self.source.setText(source_text(finished))
        training = (finished.record or {}).get("training") or {}
        self.loss = (training.get("loss") or {}).get("type", "cross_entropy")
        classifier = training.get("task", "classification") == "classification"
        if (
            self.model is None
            or not classifier
            or (self.data and self.data.task != "classification")
        ):
            self.model = None
            self.empty.setText(
                self.tr(
                    "Try it needs a trained classifier: train a classifier (F5), or open a run's "
                    "weights in Runs, then draw or type an input here to see what it predicts."
                )
            )
            self.inputs.setCurrentIndex(EMPTY)
            self.right.hide()
            return
        self.shape, self.dtype = input_spec(self.model, graph, self.data)
        self.classes = list(self.data.classes) if self.data and self.data.classes else []
        data_shape = tuple(self.data.input_shape) if self.data is not None else self.shape
        self.image_shape = data_shape if data_shape and len(data_shape) == 3 else None  # type: ignore[assignment]
        self.right.show()
        self.answer.setText("")
        self.chart.getPlotItem().clear()  # shown empty until the first answer
        if self.image_shape is not None:
            self.inputs.setCurrentIndex(IMAGE)
            self.pad.clear()
        elif data_shape and int(np.prod(data_shape)) <= MAX_FEATURES:
            self._build_features(int(np.prod(data_shape)))
            self.inputs.setCurrentIndex(FEATURES)
            self.predict()
        else:
            self.empty.setText(
                self.tr(
                    "Try it takes images or up to {count} feature values; this model's input is "
                    "{shape}"
                ).format(
                    count=i18n.number(MAX_FEATURES), shape="×".join(map(str, data_shape or ()))
                )
            )
            self.inputs.setCurrentIndex(EMPTY)

    def _build_features(self, count: int) -> None:
        while self.feature_form.rowCount():
            self.feature_form.removeRow(0)
        self.spins = []
        start = np.zeros(count, dtype=np.float32)
        if self.data is not None and len(self.data.test):
            from netstudio.training.loaded_data import read_samples

            # The first test sample (one row, even when the data streams from disk), else zeros.
            first = read_samples(self.data.test, [0]).x
            if len(first):
                start = self.data.denormalize(first).reshape(-1).numpy()[:count]
        for i in range(count):
            spin = QDoubleSpinBox(self.features)
            spin.setObjectName(f"try_it_x{i}")
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(3)
            spin.setSingleStep(0.1)
            spin.setValue(float(start[i]))
            spin.valueChanged.connect(self.predict)
            self.feature_form.addRow(f"x{i}", spin)
            self.spins.append(spin)

    # --- inputs --------------------------------------------------------------------------------

    def _on_drawn(self) -> None:
        self._opened = None
        self.predict()

    def open_image(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open an image"),
                "",
                #: A file dialog's filter: keep the ASCII parentheses around {patterns}.
                self.tr("Images ({patterns})").format(
                    patterns="*.png *.jpg *.jpeg *.bmp *.gif *.webp"
                ),
            )
            if not path:
                return False
        image = QImage(path)
        if image.isNull():
            self.answer.setText(
                self.tr("Cannot read {file} as an image").format(file=Path(path).name)
            )
            return False
        self.pad.blockSignals(True)
        self.pad.set_image(image)
        self.pad.blockSignals(False)
        self._opened = image
        self.predict()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.image_shape is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            self.open_image(urls[0])

    def sample(self) -> np.ndarray | None:
        """The current input as one raw sample (values as the data source gives them)."""
        if self.image_shape is not None:
            channels, height, width = self.image_shape
            if self._opened is not None:
                return _image_array(self._opened, channels, height, width)
            if self.pad.is_empty:
                return None
            grey = self.pad.sample(height, width)
            return np.repeat(grey[None], channels, axis=0)
        if self.spins:
            return np.array([spin.value() for spin in self.spins], dtype=np.float32)
        return None

    # --- predicting ----------------------------------------------------------------------------

    def predict(self) -> None:
        sample = self.sample()
        if self.model is None or sample is None:
            self.answer.setText(self.tr("Draw something…") if self.model is not None else "")
            self._clear_chart()
            return
        model, data, loss, shape, dtype = self.model, self.data, self.loss, self.shape, self.dtype

        def run() -> np.ndarray:
            import torch

            x = normalise(torch.from_numpy(sample).float().unsqueeze(0), data)
            return classify(model, x, loss, shape, dtype)[0]

        self.job.submit(run, self._show, self._failed)

    def _failed(self, error: object) -> None:
        """The forward pass raised: say so where the answer goes."""
        said = i18n.error_said(error) if isinstance(error, BaseException) else str(error)
        self.answer.setText(self.tr("The model failed on this input: {error}").format(error=said))

    def _show(self, probs: np.ndarray) -> None:
        self.probabilities = probs
        names = (
            self.classes if len(self.classes) == len(probs) else [str(i) for i in range(len(probs))]
        )
        best = int(np.argmax(probs))
        self.answer.setText(f"{names[best]}  ({percent(float(probs[best]), 0)})")
        set_bars(self.chart, probs.tolist(), names)
        self.chart.getPlotItem().setYRange(0, 1, padding=0)
        self.predicted.emit(probs)


def source_text(finished: Any) -> str:
    """Which run's weights answer, which weights they are and their test accuracy."""
    record = finished.record or {}
    weights = RunWeights.of(record)
    if finished.model is None or weights is None:
        return ""
    parts = [run_name(record), weights_text(weights)]
    accuracy = getattr(finished.result, "test_accuracy", None)
    if accuracy is not None:
        parts.append(accuracy_text(accuracy))
    return SEPARATOR.join(parts)


def _image_array(image: QImage, channels: int, height: int, width: int) -> np.ndarray:
    """An image file's pixels as (channels, height, width) in [0, 1]."""
    scaled = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    if channels == 3:
        rgb = scaled.convertToFormat(QImage.Format.Format_RGB888)
        raw = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.bytesPerLine() * height)
        pixels = raw.reshape(height, rgb.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
        return pixels.transpose(2, 0, 1).astype(np.float32) / 255
    grey = scaled.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.bytesPerLine() * height)
    pixels = raw.reshape(height, grey.bytesPerLine())[:, :width].astype(np.float32) / 255
    return np.repeat(pixels[None], channels, axis=0)
