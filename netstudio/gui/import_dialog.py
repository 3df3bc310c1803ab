"""File > Import: a PyTorch module (a class in a Python file, or a torchvision architecture), an
ONNX file or a Keras model, brought in as an editable, laid-out network that trains as it is.

The person also chooses the data the project trains on: by default the built-in data whose
samples fit the network's Input (`netstudio.importing.training_defaults`, as the command line
does), or any data source. The import runs off the GUI thread (it builds and traces the model
with torch). The result is saved as a project — with its weights beside it as
``<name>.safetensors`` when there are any — and `imported` hands the saved file to the window
to open; what the person must still set (`notes`) is shown when it opens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import i18n
from netstudio.gui.background import run_in_background
from netstudio.gui.panels.data_source_words import source_text

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
PYTHON, TORCHVISION, ONNX, KERAS = range(4)
# Kept in step with netstudio.importing.torchvision_models.SUPPORTED (tested), without
# importing torch to build a menu.
TORCHVISION_NAMES = (
    "alexnet", "densenet121", "efficientnet_b0", "efficientnet_b1", "efficientnet_v2_s",
    "googlenet", "inception_v3", "mnasnet0_5", "mnasnet1_0", "mobilenet_v2",
    "mobilenet_v3_large", "mobilenet_v3_small", "regnet_x_400mf", "regnet_y_400mf", "resnet18",
    "resnet34", "resnet50", "resnext50_32x4d", "shufflenet_v2_x0_5", "shufflenet_v2_x1_0",
    "squeezenet1_0", "squeezenet1_1", "vgg11", "vgg11_bn", "vgg13", "vgg16", "vgg16_bn",
    "vgg19",
)  # fmt: skip


def parse_shape(text: str) -> tuple[int, ...]:
    """``"3, 224, 224"`` or ``3x224x224`` as a shape; ValueError saying what is wrong."""
    parts = re.split(r"\s*[,x×]\s*|\s+", text.strip())
    if not all(part.isdigit() for part in parts):
        raise ValueError(
            translate(
                "ImportDialog", "'{text}' is not a shape: write sizes like 3, 224, 224"
            ).format(text=text)
        )
    shape = tuple(int(part) for part in parts)
    if any(d < 1 for d in shape):
        raise ValueError(
            translate(
                "ImportDialog", "'{text}' is not a shape: every size must be 1 or more"
            ).format(text=text)
        )
    return shape


def run_import(
    kind: int,
    source: str,
    extra: str,
    shape: tuple[int, ...],
    weights: str,
    out: Path,
    data: str | None = None,
) -> tuple[list[Path], list[str]]:
    """The import itself (on a worker thread): the project gets the data `data` (a data source
    id; None: the data that fits its Input) and training settings for its output. Returns the
    files written and the notes on what the person must still set."""
    from netstudio.importing.onnx_import import from_onnx
    from netstudio.importing.python_file import from_python_file
    from netstudio.importing.torchvision_models import from_torchvision
    from netstudio.importing.training_defaults import fill_training_defaults

    if kind == PYTHON:
        imported = from_python_file(source, extra, shape)
    elif kind == TORCHVISION:
        imported = from_torchvision(source, shape, weights or None)
    elif kind == KERAS:
        from netstudio.importing.keras_import import from_keras

        imported = from_keras(source, extra or None, shape or None)
    else:
        imported = from_onnx(source)
    fill_training_defaults(imported, data)
    return imported.save(out), list(imported.notes)


class ImportDialog(QDialog):
    """The import form (see module docstring). `imported` carries the saved project file."""

    imported = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import Network"))
        self.tabs = QTabWidget(self)

        self.py_file, py_row = self._file_row(self.tr("Python files (*.py)"))
        self.py_class = QLineEdit(self)
        self.py_class.setObjectName("import_class")
        self.py_class.setPlaceholderText(self.tr("the nn.Module class, e.g. Net"))
        self.py_shape = QLineEdit("1, 28, 28", self)
        python = QWidget(self)
        form = QFormLayout(python)
        form.addRow(self.tr("Python file:"), py_row)
        form.addRow(self.tr("Class:"), self.py_class)
        form.addRow(self.tr("Input shape:"), self.py_shape)
        form.addRow(
            QLabel(self.tr("The class is built without arguments and traced with torch.fx."))
        )
        self.tabs.addTab(python, self.tr("Python class"))

        self.tv_name = QComboBox(self)
        self.tv_name.setObjectName("import_torchvision")
        self.tv_name.addItems(TORCHVISION_NAMES)
        self.tv_name.setCurrentText("resnet18")
        self.tv_shape = QLineEdit("3, 224, 224", self)
        self.tv_weights, tv_row = self._file_row(self.tr("Weights (*.safetensors *.pth *.pt)"))
        self.tv_weights.setPlaceholderText(self.tr("optional: trained weights on this computer"))
        vision = QWidget(self)
        form = QFormLayout(vision)
        form.addRow(self.tr("Architecture:"), self.tv_name)
        form.addRow(self.tr("Input shape:"), self.tv_shape)
        form.addRow(self.tr("Weights:"), tv_row)
        self.tabs.addTab(vision, self.tr("torchvision", "the tab: a torchvision architecture"))

        self.onnx_file, onnx_row = self._file_row(self.tr("ONNX files (*.onnx)"))
        onnx = QWidget(self)
        form = QFormLayout(onnx)
        form.addRow(self.tr("ONNX file:"), onnx_row)
        form.addRow(QLabel(self.tr('Its weights come along; needs pip install "netstudio[onnx]".')))
        self.tabs.addTab(onnx, self.tr("ONNX", "the tab: an ONNX file"))

        self.keras_file, keras_row = self._file_row(self.tr("Keras models (*.keras *.py)"))
        self.keras_model = QLineEdit(self)
        self.keras_model.setPlaceholderText(self.tr("optional: the model's variable or function"))
        self.keras_shape = QLineEdit(self)
        self.keras_shape.setPlaceholderText(self.tr("optional: in Keras's order, e.g. 32, 32, 3"))
        keras = QWidget(self)
        form = QFormLayout(keras)
        form.addRow(self.tr("Keras model:"), keras_row)
        form.addRow(self.tr("Model:"), self.keras_model)
        form.addRow(self.tr("Input shape:"), self.keras_shape)
        form.addRow(
            QLabel(
                self.tr(
                    "A .keras file, or a Python file that builds the model; needs pip "
                    'install "netstudio[keras]".'
                )
            )
        )
        self.tabs.addTab(keras, self.tr("Keras model (.keras or .py)"))

        self.data = QComboBox(self)
        self.data.setObjectName("import_data")
        self.data.setToolTip(self.tr("The data the imported project trains on"))
        self.data.addItem("", None)  # "Matching the input (…)": named by `_show_match`
        from netstudio.training.sources import all_sources

        for data_source in all_sources():
            self.data.addItem(source_text(data_source.name), data_source.id)
        self.tabs.currentChanged.connect(self._show_match)
        for shape_field in (self.py_shape, self.tv_shape):
            shape_field.textChanged.connect(self._show_match)
        self._show_match()

        self.out = QLineEdit(self)
        self.out.setObjectName("import_save_as")
        self.out.setPlaceholderText(self.tr("where the imported project is saved (.net)"))
        out_browse = QPushButton(self.tr("Browse…"), self)
        out_browse.clicked.connect(self._browse_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out)
        out_row.addWidget(out_browse)
        self.status = QLabel(self)
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_button")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Train on:"), self.data)
        bottom.addRow(self.tr("Save as:"), out_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # What the person must still set in the project imported last (shown when it opens).
        self.notes: list[str] = []
        self.resize(600, 320)

    def _show_match(self) -> None:
        """Name the data that fits the Input shape typed in the current tab, in the first item."""
        from netstudio.importing.training_defaults import choose_data

        field = {PYTHON: self.py_shape, TORCHVISION: self.tv_shape}.get(self.tabs.currentIndex())
        text = self.tr("Matching the input")
        if field is not None:
            try:
                shape = parse_shape(field.text())
            except ValueError:
                shape = ()
            choice = choose_data(shape) if shape else None
            if choice is not None:
                text = self.tr("Matching the input ({data})").format(data=source_text(choice.name))
            elif shape:
                text = self.tr("Matching the input (no built-in data fits {shape})").format(
                    shape="×".join(map(str, shape))
                )
        self.data.setItemText(0, text)

    def _file_row(self, filters: str) -> tuple[QLineEdit, QHBoxLayout]:
        line = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        row = QHBoxLayout()
        row.addWidget(line)
        row.addWidget(browse)

        def choose() -> None:
            title = self.tr("Choose a file")
            name, _ = QFileDialog.getOpenFileName(self, title, line.text(), filters)
            if name:
                line.setText(name)
                if not self.out.text():
                    self.out.setText(str(Path(name).with_suffix(".net")))

        browse.clicked.connect(choose)
        return line, row

    def _browse_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the imported project as"),
            self.out.text(),
            self.tr("NetStudio projects (*.net)"),
        )
        if name:
            self.out.setText(str(Path(name).with_suffix(".net")))

    def request(self) -> tuple[int, str, str, tuple[int, ...], str, Path, str | None]:
        """What to import, read from the form; ValueError saying what is missing."""
        kind = self.tabs.currentIndex()
        shape: tuple[int, ...] = ()
        extra = weights = ""
        if kind == PYTHON:
            source, extra = self.py_file.text().strip(), self.py_class.text().strip()
            if not source or not extra:
                raise ValueError(self.tr("Choose the Python file and type the class name."))
            shape = parse_shape(self.py_shape.text())
        elif kind == TORCHVISION:
            source = self.tv_name.currentText()
            shape = parse_shape(self.tv_shape.text())
            weights = self.tv_weights.text().strip()
        elif kind == KERAS:
            source, extra = self.keras_file.text().strip(), self.keras_model.text().strip()
            if not source:
                raise ValueError(
                    self.tr("Choose the .keras file or the Python file that builds the model.")
                )
            if self.keras_shape.text().strip():
                shape = parse_shape(self.keras_shape.text())
        else:
            source = self.onnx_file.text().strip()
            if not source:
                raise ValueError(self.tr("Choose the ONNX file."))
        out = self.out.text().strip()
        if not out:
            default = source if kind != TORCHVISION else str(Path.cwd() / source)
            out = str(Path(default).with_suffix(".net"))
            self.out.setText(out)
        data = self.data.currentData()
        return kind, source, extra, shape, weights, Path(out).with_suffix(".net"), data

    def start(self) -> None:
        try:
            args = self.request()
        except ValueError as error:
            self.status.setText(str(error))
            return
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing…"))
        run_in_background(lambda: run_import(*args), self._done, self._failed, context=self)

    def _done(self, result: tuple[list[Path], list[str]]) -> None:
        written, self.notes = result
        self.import_button.setEnabled(True)
        self.status.setText(self.tr("Imported into {file}").format(file=written[0]))
        self.imported.emit(written[0])
        self.accept()

    def _fit_status(self) -> None:
        """Grow the dialog to show the whole status (a failure may take several lines)."""
        wanted = self.layout().totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        said = i18n.error_said(error)  # the importer's message, in the app's language
        self.status.setText(self.tr("Import failed: {error}").format(error=said))
        self._fit_status()


def show_import(window: MainWindow) -> ImportDialog:
    """The import form; the imported project opens in `window` (asking about unsaved work)."""
    dialog = ImportDialog(window)
    dialog.imported.connect(lambda path: open_imported(window, path, dialog.notes))
    dialog.open()
    return dialog


def open_imported(window: MainWindow, path: Path, notes: Sequence[str] = ()) -> bool:
    """Open the project the import saved as `path`; the status bar says what the person must
    still set (`notes`) before it trains."""
    if not window.files.maybe_save() or not window.open_file(path):
        return False
    window.view.show_network()
    sentence = translate(
        "ImportDialog",
        " {note}.",
        "one note on the imported project as a sentence, after the one before it",
    )
    words = (i18n.translated(note) for note in notes)  # the importer's notes, translated
    said = "".join(sentence.format(note=f"{word[:1].upper()}{word[1:]}") for word in words)
    text = translate(
        "ImportDialog", "Imported into {file}.{notes}", "the notes: what to set before training"
    ).format(file=path, notes=said)
    window.statusBar().showMessage(text, 30000 if notes else 8000)
    return True
