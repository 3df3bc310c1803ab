"""File > Import: a PyTorch module (a class in a Python file, or a torchvision architecture) or
an ONNX file, traced into an editable, laid-out network.

The import runs off the GUI thread (it builds and traces the model with torch). The result is
saved as a project — with its weights beside it as ``<name>.safetensors`` when there are any —
and `imported` hands the saved file to the window to open.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
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

from netstudio.gui.background import run_in_background

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

PYTHON, TORCHVISION, ONNX = range(3)
#: Kept in step with netstudio.importing.torchvision_models.SUPPORTED (tested), without
#: importing torch to build a menu.
TORCHVISION_NAMES = (
    "alexnet", "densenet121", "googlenet", "mobilenet_v2", "mobilenet_v3_large",
    "mobilenet_v3_small", "regnet_y_400mf", "resnet18", "resnet34", "resnet50",
    "shufflenet_v2_x0_5", "shufflenet_v2_x1_0", "squeezenet1_0", "squeezenet1_1", "vgg11",
    "vgg11_bn", "vgg13", "vgg16", "vgg16_bn", "vgg19",
)  # fmt: skip


def parse_shape(text: str) -> tuple[int, ...]:
    """``"3, 224, 224"`` or ``3x224x224`` as a shape; ValueError saying what is wrong."""
    parts = re.split(r"\s*[,x×]\s*|\s+", text.strip())
    if not all(part.isdigit() for part in parts):
        raise ValueError(f"'{text}' is not a shape: write sizes like 3, 224, 224")
    shape = tuple(int(part) for part in parts)
    if any(d < 1 for d in shape):
        raise ValueError(f"'{text}' is not a shape: every size must be 1 or more")
    return shape


def run_import(kind: int, source: str, extra: str, shape: tuple[int, ...], weights: str, out: Path):
    """The import itself (on a worker thread); returns the files written."""
    from netstudio.importing.onnx_import import from_onnx
    from netstudio.importing.python_file import from_python_file
    from netstudio.importing.torchvision_models import from_torchvision

    if kind == PYTHON:
        imported = from_python_file(source, extra, shape)
    elif kind == TORCHVISION:
        imported = from_torchvision(source, shape, weights or None)
    else:
        imported = from_onnx(source)
    return imported.save(out)


class ImportDialog(QDialog):
    """The import form (see module docstring). `imported` carries the saved project file."""

    imported = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle("Import Network")
        self.tabs = QTabWidget(self)

        self.py_file, py_row = self._file_row("Python files (*.py)")
        self.py_class = QLineEdit(self)
        self.py_class.setObjectName("import_class")
        self.py_class.setPlaceholderText("the nn.Module class, e.g. Net")
        self.py_shape = QLineEdit("1, 28, 28", self)
        python = QWidget(self)
        form = QFormLayout(python)
        form.addRow("Python file:", py_row)
        form.addRow("Class:", self.py_class)
        form.addRow("Input shape:", self.py_shape)
        form.addRow(QLabel("The class is built without arguments and traced with torch.fx."))
        self.tabs.addTab(python, "Python class")

        self.tv_name = QComboBox(self)
        self.tv_name.setObjectName("import_torchvision")
        self.tv_name.addItems(TORCHVISION_NAMES)
        self.tv_name.setCurrentText("resnet18")
        self.tv_shape = QLineEdit("3, 224, 224", self)
        self.tv_weights, tv_row = self._file_row("Weights (*.safetensors *.pth *.pt)")
        self.tv_weights.setPlaceholderText("optional: trained weights on this computer")
        vision = QWidget(self)
        form = QFormLayout(vision)
        form.addRow("Architecture:", self.tv_name)
        form.addRow("Input shape:", self.tv_shape)
        form.addRow("Weights:", tv_row)
        self.tabs.addTab(vision, "torchvision")

        self.onnx_file, onnx_row = self._file_row("ONNX files (*.onnx)")
        onnx = QWidget(self)
        form = QFormLayout(onnx)
        form.addRow("ONNX file:", onnx_row)
        form.addRow(QLabel('Its weights come along; needs pip install "netstudio[onnx]".'))
        self.tabs.addTab(onnx, "ONNX")

        self.out = QLineEdit(self)
        self.out.setObjectName("import_save_as")
        self.out.setPlaceholderText("where the imported project is saved (.net)")
        out_browse = QPushButton("Browse…", self)
        out_browse.clicked.connect(self._browse_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out)
        out_row.addWidget(out_browse)
        self.status = QLabel(self)
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        bottom = QFormLayout()
        bottom.addRow("Save as:", out_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _file_row(self, filters: str) -> tuple[QLineEdit, QHBoxLayout]:
        line = QLineEdit(self)
        browse = QPushButton("Browse…", self)
        row = QHBoxLayout()
        row.addWidget(line)
        row.addWidget(browse)

        def choose() -> None:
            name, _ = QFileDialog.getOpenFileName(self, "Choose a file", line.text(), filters)
            if name:
                line.setText(name)
                if not self.out.text():
                    self.out.setText(str(Path(name).with_suffix(".net")))

        browse.clicked.connect(choose)
        return line, row

    def _browse_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the imported project as", self.out.text(), "NetStudio projects (*.net)"
        )
        if name:
            self.out.setText(str(Path(name).with_suffix(".net")))

    def request(self) -> tuple[int, str, str, tuple[int, ...], str, Path]:
        """What to import, read from the form; ValueError saying what is missing."""
        kind = self.tabs.currentIndex()
        shape: tuple[int, ...] = ()
        extra = weights = ""
        if kind == PYTHON:
            source, extra = self.py_file.text().strip(), self.py_class.text().strip()
            if not source or not extra:
                raise ValueError("Choose the Python file and type the class name.")
            shape = parse_shape(self.py_shape.text())
        elif kind == TORCHVISION:
            source = self.tv_name.currentText()
            shape = parse_shape(self.tv_shape.text())
            weights = self.tv_weights.text().strip()
        else:
            source = self.onnx_file.text().strip()
            if not source:
                raise ValueError("Choose the ONNX file.")
        out = self.out.text().strip()
        if not out:
            default = source if kind != TORCHVISION else str(Path.cwd() / source)
            out = str(Path(default).with_suffix(".net"))
            self.out.setText(out)
        return kind, source, extra, shape, weights, Path(out).with_suffix(".net")

    def start(self) -> None:
        try:
            args = self.request()
        except ValueError as error:
            self.status.setText(str(error))
            return
        self.import_button.setEnabled(False)
        self.status.setText("Importing…")
        run_in_background(lambda: run_import(*args), self._done, self._failed, context=self)

    def _done(self, written: list[Path]) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(f"Imported into {written[0]}")
        self.imported.emit(written[0])
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(f"Import failed: {error}")


def show_import(window: MainWindow) -> ImportDialog:
    """The import form; the imported project opens in `window` (asking about unsaved work)."""
    dialog = ImportDialog(window)
    dialog.imported.connect(lambda path: open_imported(window, path))
    dialog.open()
    return dialog


def open_imported(window: MainWindow, path: Path) -> bool:
    """Open the project the import saved as `path`."""
    if not window.files.maybe_save() or not window.open_file(path):
        return False
    window.view.show_network()
    window.statusBar().showMessage(f"Imported into {path}", 8000)
    return True
