"""File > Export: the network as readable PyTorch code, a PyTorch 2 program (torch.export),
TorchScript (legacy: PyTorch deprecates it), ONNX or weights.

A small form over `netstudio.export.export_project` (the same code the command line runs).
The export runs off the GUI thread on a snapshot of the project taken when Export is pressed,
so editing can go on; the result or the reason it failed is said in the dialog.

"The latest run's trained weights" are those of the newest run in the project's history (the
Runs table) whose folder holds weights, found from its record (`latest_trained_run`): a run of
a project never saved, or one saved since, is found where its record says it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.background import run_in_background
from netstudio.gui.evaluation.run_weights import run_name
from netstudio.io import Project, dumps_project, loads_project
from netstudio.training.runs import record_run_folder

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
#: The context of this module's texts (the dialog's and its tables').
CONTEXT = "ExportDialog"

#: (format id, what the person sees, file suffix, file-dialog filter); the texts in English,
#: translated where they are shown.
FORMATS = (
    (
        "python",
        QT_TRANSLATE_NOOP("ExportDialog", "PyTorch code (.py)"),
        ".py",
        QT_TRANSLATE_NOOP("ExportDialog", "Python files (*.py)"),
    ),
    (
        "pt2",
        QT_TRANSLATE_NOOP("ExportDialog", "PyTorch 2 (torch.export, .pt2)"),
        ".pt2",
        QT_TRANSLATE_NOOP("ExportDialog", "PyTorch 2 programs (*.pt2)"),
    ),
    (
        "torchscript",
        QT_TRANSLATE_NOOP("ExportDialog", "TorchScript (legacy)"),
        ".pt",
        QT_TRANSLATE_NOOP("ExportDialog", "TorchScript files (*.pt)"),
    ),
    (
        "onnx",
        QT_TRANSLATE_NOOP("ExportDialog", "ONNX (.onnx)"),
        ".onnx",
        QT_TRANSLATE_NOOP("ExportDialog", "ONNX files (*.onnx)"),
    ),
    (
        "weights",
        QT_TRANSLATE_NOOP("ExportDialog", "Weights (.safetensors)"),
        ".safetensors",
        QT_TRANSLATE_NOOP("ExportDialog", "safetensors files (*.safetensors)"),
    ),
)
#: What a format is for, where its label cannot say it.
FORMAT_TIPS = {
    "pt2": QT_TRANSLATE_NOOP(
        "ExportDialog",
        "An ExportedProgram that torch.export.load reads back; it takes any batch size",
    ),
    "torchscript": QT_TRANSLATE_NOOP(
        "ExportDialog",
        "For programs that cannot read PyTorch 2 files yet: PyTorch deprecates TorchScript in "
        "favour of torch.export",
    ),
}
FRESH, LATEST_RUN, WEIGHTS_FILE = range(3)
TOOLTIP = Qt.ItemDataRole.ToolTipRole


#: What to do when no run has weights, in the app's own words (translated where shown).
NO_RUN_HINT = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "train it first (Train ▸ Train, F5), or choose “From a safetensors file…” under Weights",
)


def no_run_hint() -> str:
    """`NO_RUN_HINT` in the app's language."""
    return translate(CONTEXT, NO_RUN_HINT)


def latest_trained_run(project: Project) -> tuple[dict[str, Any], Path] | None:
    """The newest run of `project`'s history whose folder holds trained weights, with that
    weights file (the file the command line's export of a run takes); None when no run has any.
    """
    from netstudio.export import RUN_WEIGHTS

    for record in reversed(project.runs):
        folder = record_run_folder(record, project.path)
        if folder is None:
            continue
        for name in RUN_WEIGHTS:
            if (folder / name).is_file():
                return record, folder / name
    return None


def run_export(
    text: str, source: Path | None, fmt: str, path: Path, weights: str, with_training: bool
) -> list[Path]:
    """The export itself, on a worker thread, from the project's saved text (a snapshot);
    `weights`: a safetensors file, or "" for freshly initialised weights."""
    from netstudio.export import export_project

    project = loads_project(text)
    project.path = source
    chosen = Path(weights) if weights else None
    return export_project(project, fmt, path, weights=chosen, with_training=with_training)


class ExportDialog(QDialog):
    """The export form (see module docstring)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export Network"))
        self.project = project
        self.written: list[Path] = []

        self.format = QComboBox(self)
        self.format.setObjectName("export_format")
        for fmt, label, _suffix, _filter in FORMATS:
            self.format.addItem(translate(CONTEXT, label), fmt)
            if fmt in FORMAT_TIPS:
                tip = translate(CONTEXT, FORMAT_TIPS[fmt])
                self.format.setItemData(self.format.count() - 1, tip, TOOLTIP)
        self.path = QLineEdit(self)
        self.path.setObjectName("export_path")
        self.path.setMinimumWidth(320)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)
        self.training = QCheckBox(self.tr("Add data loading and the training loop"), self)
        self.training.setObjectName("export_with_training")
        self.training.setToolTip(
            self.tr(
                "Running the file with Python trains the network with the project's settings, "
                "on one process or, under torchrun, on several processes or machines"
            )
        )
        self.weights = QComboBox(self)
        self.weights.setObjectName("export_weights")
        self.weights.addItem(self.tr("Freshly initialised (the project's seed)"))
        self.weights.addItem(self.tr("The latest run's trained weights"))
        self.weights.addItem(self.tr("From a safetensors file…"))
        latest = latest_trained_run(project)
        if latest is None:
            self.weights.model().item(LATEST_RUN).setEnabled(False)
            tip = self.tr("No run has trained weights yet: {hint}").format(hint=no_run_hint())
            self.weights.setItemData(LATEST_RUN, tip, TOOLTIP)
        else:
            record, file = latest
            name = run_name(record)
            text = self.tr("The latest run's trained weights ({name})").format(name=name)
            self.weights.setItemText(LATEST_RUN, text)
            self.weights.setItemData(LATEST_RUN, str(file), TOOLTIP)
        self.weights_file = ""
        self.weights.activated.connect(self._on_weights)
        self.status = QLabel(self)
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), where)
        form.addRow(self.tr("Weights:"), self.weights)
        form.addRow("", self.training)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_button")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._on_format)
        self._on_format()

    # --- choices -------------------------------------------------------------------------------

    def _suffix(self) -> str:
        return FORMATS[self.format.currentIndex()][2]

    def _on_format(self) -> None:
        python = self.format.currentData() == "python"
        self.training.setEnabled(python)
        if not python:
            self.training.setChecked(False)
        current = self.path.text().strip()
        if current:
            self.path.setText(str(Path(current).with_suffix(self._suffix())))
        else:
            folder = self.project.path.resolve().parent if self.project.path else Path.home()
            stem = self.project.path.stem if self.project.path else "network"
            base = folder / stem
            self.path.setText(str(base.with_suffix(self._suffix())))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.path.text(),
            translate(CONTEXT, FORMATS[self.format.currentIndex()][3]),
        )
        if name:
            path = Path(name)
            self.path.setText(str(path if path.suffix else path.with_suffix(self._suffix())))

    def _on_weights(self, index: int) -> None:
        if index != WEIGHTS_FILE:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Trained weights"), "", translate(CONTEXT, FORMATS[-1][3])
        )
        if name:
            self.weights_file = name
            text = self.tr("From {file}").format(file=Path(name).name)
            self.weights.setItemText(WEIGHTS_FILE, text)
        else:
            self.weights.setCurrentIndex(FRESH)

    # --- exporting -----------------------------------------------------------------------------

    def start(self) -> None:
        """Export in the background; the dialog stays open and says how it went."""
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Choose the file to export to."))
            return
        path = Path(text).expanduser()
        weights = {FRESH: "", WEIGHTS_FILE: self.weights_file}.get(self.weights.currentIndex())
        if weights is None:  # the latest run's, looked up now: a run may have ended since
            latest = latest_trained_run(self.project)
            if latest is None:
                self.status.setText(
                    self.tr("Cannot export: no run has trained weights: {hint}.").format(
                        hint=no_run_hint()
                    )
                )
                return
            weights = str(latest[1])
        try:
            snapshot = dumps_project(self.project)
        except ValueError as error:
            said = i18n.error_said(error)
            self.status.setText(self.tr("Cannot export: {error}").format(error=said))
            return
        fmt, with_training = self.format.currentData(), self.training.isChecked()
        args = (snapshot, self.project.path, fmt, path, weights, with_training)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        run_in_background(
            lambda: run_export(*args),
            self._done,
            self._failed,
            context=self,
        )

    def _done(self, written: list[Path]) -> None:
        self.written = list(written)
        self.export_button.setEnabled(True)
        names = self.tr(", ", "between the names of the files written").join(
            str(p) for p in self.written
        )
        self.status.setText(self.tr("Exported to {files}").format(files=names))

    def _fit_status(self) -> None:
        """Grow the dialog to show the whole status (a failure may take several lines)."""
        wanted = self.layout().totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        said = i18n.error_said(error)  # the exporter's message, in the app's language
        self.status.setText(self.tr("Export failed: {error}").format(error=said))
        self._fit_status()


def show_export(window: MainWindow) -> ExportDialog | None:
    """The export form for `window`'s project."""
    if window.document is None:
        return None
    dialog = ExportDialog(window.document.project, window)
    dialog.open()
    return dialog
