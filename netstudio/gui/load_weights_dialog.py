"""Model > Load weights…: bring weights into the project, after a report of what matches.

The person picks a weights file (``.safetensors``; ``.pth``, ``.pt`` or ``.bin`` read as tensors
only) or the folder of a finished run, of this project or another. The file's tensors are
matched to the network by layer name and shape (`netstudio.training.starting_weights`), and
before anything changes `LoadWeightsDialog` lists what matched, what the file lacks, what the
network lacks and what has another shape. Accepting loads the matched tensors as the project's
starting weights (Train starts from them; Save keeps them beside the file): one undo step. A
file that cannot be read, or is refused (a pickle holding code), is explained and changes
nothing.

The dialog is window-modal and opened with ``open()``, not ``exec()``: the window's event loop
runs on, so the load is answered like any other widget (tests click its buttons).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui import dialogs, i18n
from netstudio.gui.commands import SetStartingWeightsCommand

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow
    from netstudio.training.starting_weights import WeightsReport

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
#: How many names of each kind the report lists before "… and N more".
SHOWN = 8


def report_text(report: WeightsReport) -> str:
    """The report's tensors by kind, each kind with its count and its first names."""
    elsewhere = translate(
        "LoadWeightsDialog", "{key}: {file_shape} in the file, {model_shape} here"
    )
    sections = [
        (
            translate("LoadWeightsDialog", "Matched"),
            [f"{m.key} {_shape(m.shape)}" for m in report.matched],
        ),
        (
            translate("LoadWeightsDialog", "Another shape"),
            [
                elsewhere.format(
                    key=m.key, file_shape=_shape(m.file_shape), model_shape=_shape(m.model_shape)
                )
                for m in report.mismatched
            ],
        ),
        (
            translate("LoadWeightsDialog", "Missing from the file (they keep their values)"),
            list(report.missing),
        ),
        (translate("LoadWeightsDialog", "Not in this network (left out)"), list(report.unexpected)),
    ]
    lines = []
    for title, names in sections:
        kind = translate("LoadWeightsDialog", "{title}: {count}", "a kind of tensors and how many")
        lines.append(kind.format(title=title, count=i18n.number(len(names))))
        lines += [f"    {name}" for name in names[:SHOWN]]
        if len(names) > SHOWN:
            more = translate(
                "LoadWeightsDialog", "… and {count} more", "more names than the list shows"
            )
            lines.append("    " + more.format(count=i18n.number(len(names) - SHOWN)))
    return "\n".join(lines)


def _shape(shape: tuple[int, ...]) -> str:
    if not shape:
        return translate("LoadWeightsDialog", "(scalar)", "a tensor with no dimensions")
    return "(" + "×".join(map(str, shape)) + ")"


def weights_filter() -> str:
    """The file dialog's filter of weights files, in the app's language."""
    return translate("LoadWeightsDialog", "Weights (*.safetensors *.pth *.pt *.bin);;All files (*)")


class LoadWeightsDialog(QDialog):
    """The report of one weights file for the open network, with Load and Cancel."""

    def __init__(self, report: WeightsReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("load_weights_dialog")
        self.setWindowTitle(self.tr("Load Weights"))
        self.report = report
        layout = QVBoxLayout(self)
        count = len(report.matched)
        if report.complete:
            heading = self.tr("All %Ln tensor(s) of {source} match this network.", "", count)
        elif count:
            heading = self.tr(
                "%Ln tensor(s) of {source} match this network by name and shape; the others do "
                "not. Loading the matched ones is a partial load: the layers they belong to "
                "start from them, the others from fresh weights.",
                "",
                count,
            )
        else:
            heading = self.tr(
                "No tensor of {source} matches this network by name and shape: nothing can be "
                "loaded (were the weights made for another network?)."
            )
        heading = heading.format(source=report.source)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("load_weights_heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.details = QPlainTextEdit(report_text(report), self)
        self.details.setObjectName("load_weights_report")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(520, 260)
        layout.addWidget(self.details, 1)
        note = QLabel(
            self.tr(
                "Training starts from the loaded weights; Save keeps them beside the project. "
                "Edit ▸ Undo takes the load back."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        if report.complete:
            load = self.tr("Load %Ln tensor(s)", "", count)
        else:
            load = self.tr("Load matched %Ln tensor(s)", "", count)
        self.load_button: QPushButton = buttons.addButton(
            load, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.load_button.setObjectName("load_weights_accept")
        self.load_button.setEnabled(count > 0)
        self.load_button.setDefault(count > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class WeightsLoader(QObject):
    """The window's Load weights… commands (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: The report dialog on show (None when none is).
        self.dialog: LoadWeightsDialog | None = None

    def load_file(self) -> None:
        """Model > Load Weights…: choose a file, then see its report."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Load Weights"), self._start_folder(), weights_filter()
        )
        if name:
            self.load(Path(name))

    def load_run(self) -> None:
        """Model > Load Weights from a Run…: choose a run's folder, then see its report."""
        name = QFileDialog.getExistingDirectory(
            self.window, self.tr("Load Weights from a Run"), self._start_folder()
        )
        if name:
            self.load(Path(name))

    def _start_folder(self) -> str:
        document = self.window.document
        return str(document.path.parent) if document and document.path else ""

    def load(self, path: Path) -> LoadWeightsDialog | None:
        """Match the weights at `path` to the network and show the report (None, after
        saying why, when they cannot be read or the network cannot be built)."""
        from netstudio.core.compiler import CompileError
        from netstudio.training.starting_weights import (
            WeightsFileError,
            project_model,
            weights_report,
        )

        window, document = self.window, self.window.document
        if document is None:
            return None
        if not document.analysed_once:
            window.statusBar().showMessage(
                self.tr("PyTorch is still loading: load weights once the shapes are shown"), 8000
            )
            return None
        try:
            model = project_model(document.project)
        except CompileError as error:
            if error.problems:  # the first, its message in the app's language
                problem = error.problems[0]
                first = f"{problem.where}: {i18n.translated(problem.message)}"
            else:
                first = (i18n.error_said(error).splitlines() or [""])[0]
            dialogs.show_message(
                window,
                self.tr("Cannot load weights"),
                self.tr(
                    "The network cannot be built, so nothing can be matched: {error}\n"
                    "Fix the problems first (Model ▸ Check Network)."
                ).format(error=first),
            )
            return None
        try:
            report = weights_report(path, model)
        except WeightsFileError as error:
            dialogs.show_message(
                window,
                self.tr("Cannot load weights"),
                self.tr("{error}\n\nNothing was changed.").format(error=i18n.error_said(error)),
            )
            return None
        self.dialog = dialog = LoadWeightsDialog(report, window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._accept(report))
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _accept(self, report: WeightsReport) -> None:
        """Load the report's matched tensors as the starting weights: one undo step."""
        from netstudio.training.starting_weights import merged

        document = self.window.document
        if document is None or not report.matched:
            return
        tensors = merged(document.starting_weights, report)
        count = len(report.matched)
        text = self.tr("Load %Ln tensor(s) from {source}", "", count).format(source=report.source)
        document.undo_stack.push(SetStartingWeightsCommand(document, tensors, text))
        said = self.tr("Loaded %Ln tensor(s) from {source}: training starts from them", "", count)
        self.window.statusBar().showMessage(said.format(source=report.source), 10000)
