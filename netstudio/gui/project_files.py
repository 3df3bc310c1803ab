"""Opening and saving the window's project: file dialogs, clear errors, unsaved changes, recent
files.

A file that cannot be read is explained in a dialog and the window keeps what it had; a partly
readable one opens with what could be read and its problems listed. Nothing is ever written
unless the person saves, and Save never writes over a file that may hold something else (work
restored after a crash whose file changed since) without asking first.

Saving brings the project's runs along: before the file is written, run folders that are not
beside it yet (the runs of a project never saved, or those beside its old file after Save As)
go to ``<name>.runs/`` beside the new file and the records name them there
(`netstudio.training.runs.relocate_runs`), so export and Open weights find every run the Runs
table shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from netstudio.gui import i18n
from netstudio.gui.dialogs import Answer, SaveOver, ask_save_changes, ask_save_over, show_message
from netstudio.gui.document import Document
from netstudio.gui.training import session as training_session
from netstudio.io import ProjectFileError, load_project
from netstudio.io.errors import FileProblem
from netstudio.training.runs import record_run_folder, relocate_runs

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


def file_problem_text(problem: FileProblem) -> str:
    """One problem of a project file in the app's language: where (its JSON path, the file's
    own words) and what (translated where the reader made it a `Message`)."""
    message = i18n.translated(problem.message)
    if not problem.path:
        return message
    return translate("ProjectFiles", "{path}: {problem}", "where in the file, what").format(
        path=problem.path, problem=message
    )


RECENT_KEY = "files/recent"
RECENT_COUNT = 8


class ProjectFiles(QObject):
    """The File menu's work for one main window (see module docstring)."""

    def __init__(self, window: MainWindow, settings: QSettings | None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._recent: list[str] = []

    @property
    def document(self) -> Document | None:
        return self.window.document

    def file_filter(self) -> str:
        """The file dialogs' filter of project files, in the app's language."""
        return self.tr("NetStudio projects (*.net);;All files (*)")

    # --- opening -------------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open the project at `path`; False (after saying why) when it cannot be read."""
        try:
            project = load_project(path, strict=False)
        except ProjectFileError as error:
            details = "\n".join(file_problem_text(p) for p in error.problems)
            show_message(
                self.window, self.tr("Cannot open project"), self.error_text(error), details
            )
            return False
        problems = list(project.problems)
        ready = self.window.analysis_ready
        self.window.set_document(Document(project, analysis=ready, modified=bool(problems)))
        self.remember(path)
        if problems:
            count = len(problems)
            lines = [
                self.tr("%Ln part(s) of {file} could not be read:", "", count).format(
                    file=path.name
                ),
                file_problem_text(problems[0]),
            ]
            more = self.tr("(and {count} more: see Details)")
            if count > 1:
                lines.append(more.format(count=i18n.number(count - 1)))
            lines += [
                "",
                self.tr(
                    "A node or wire that could not be read is left out; a setting that could "
                    "not be read takes its default (see the Data and Training panels). Saving "
                    "writes the project as it is now."
                ),
            ]
            show_message(
                self.window,
                self.tr("Project opened with problems"),
                "\n".join(lines),
                "\n".join(file_problem_text(p) for p in problems),
                QMessageBox.Icon.Warning,
            )
        return True

    def error_text(self, error: ProjectFileError) -> str:
        """Why a file cannot be opened, in the app's language: the file, its first problem and
        how many more there are (the Details list them all)."""
        if not error.problems:
            return str(error)
        first = file_problem_text(error.problems[0])
        more = len(error.problems) - 1
        if more:
            first = self.tr("{problem} (and %Ln more problem(s))", "", more).format(problem=first)
        if error.file is not None:
            first = self.tr("{file}: {problem}", "a file and what is wrong with it").format(
                file=error.file, problem=first
            )
        return " ".join(first.splitlines())  # one line: a quoted name may hold a line break

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        document = self.document
        start = str(document.path.parent) if document and document.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Project"), start, self.file_filter()
        )
        if name:
            self.open_file(Path(name))

    def open_recent(self, path: Path) -> None:
        if self.maybe_save() and not self.open_file(path) and not path.exists():
            self.forget(path)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        document = self.document
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        if document.save_warning:
            answer = ask_save_over(self.window, document.path, document.save_warning)
            if answer is SaveOver.SAVE_AS:
                return self.save_as()
            if answer is SaveOver.CANCEL:
                return False
        return self._save_to(document.path)

    def save_as(self) -> bool:
        document = self.document
        if document is None:
            return False
        start = str(document.path or Path.home() / f"{document.project.name}.net")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Project As"), start, self.file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".net")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        document = self.document
        assert document is not None
        moved, notes = self._bring_runs(document, path)
        try:
            document.save(path)
        except (OSError, ValueError) as error:
            for record in moved:  # the file was not written: name the folders where they are
                folder = record_run_folder(record, path)
                record["run_dir"] = str(folder) if folder is not None else record["run_dir"]
            if moved:
                document.runs_changed.emit()
            show_message(self.window, self.tr("Cannot save project"), i18n.error_said(error))
            return False
        if moved:
            document.runs_changed.emit()
        self.remember(path)
        self.window.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 5000)
        if notes:
            count = len(notes)
            lines = [
                self.tr(
                    "Saved {file}, but %Ln run(s) could not be brought beside it:", "", count
                ).format(file=path.name),
                i18n.translated(notes[0]),
            ]
            more = self.tr("(and {count} more: see Details)")
            if count > 1:
                lines.append(more.format(count=i18n.number(count - 1)))
            show_message(
                self.window,
                self.tr("Some runs stayed where they were"),
                "\n".join(lines),
                "\n".join(i18n.translated(note) for note in notes),
                QMessageBox.Icon.Warning,
            )
        return True

    @staticmethod
    def _bring_runs(document: Document, path: Path) -> tuple[list[dict], list[str]]:
        """Bring the run folders beside `path` before the file is written (see module
        docstring); returns the records whose folder changed, and a note for each run left
        where it was.

        The records are rewritten in place: the undo commands of the Runs table hold these
        very records (and find them by identity).
        """
        runs = document.project.runs
        if not runs:
            return [], []
        relocated = relocate_runs(
            runs, document.path, path, move_from=training_session.unsaved_runs_root()
        )
        moved = []
        for record, new in zip(runs, relocated.records, strict=True):
            if record.get("run_dir") != new.get("run_dir"):
                record["run_dir"] = new["run_dir"]
                moved.append(record)
        return moved, relocated.notes

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        document = self.document
        if document is None or not document.modified:
            return True
        answer = ask_save_changes(self.window, document.file_name)
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    # --- recent files --------------------------------------------------------------------------

    def recent(self) -> list[Path]:
        """Recently opened or saved projects, newest first."""
        if self.settings is not None:
            stored = self.settings.value(RECENT_KEY, [])
            self._recent = [stored] if isinstance(stored, str) else list(stored or [])
        return [Path(p) for p in self._recent]

    def remember(self, path: Path) -> None:
        entry = str(path.resolve())
        self._store([entry, *(str(p) for p in self.recent() if str(p) != entry)])

    def forget(self, path: Path) -> None:
        self._store([str(p) for p in self.recent() if p != path])

    def _store(self, entries: list[str]) -> None:
        self._recent = entries[:RECENT_COUNT]
        if self.settings is not None:
            self.settings.setValue(RECENT_KEY, self._recent)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Rebuild the Open Recent menu (connected to its aboutToShow)."""
        menu.clear()
        paths = self.recent()
        for i, path in enumerate(paths, start=1):
            entry = self.tr("&{number} {file}", "a recent project: its number (the key) and name")
            action = menu.addAction(entry.format(number=i, file=path.name))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not paths:
            menu.addAction(self.tr("No recent projects")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Recent Projects"), lambda: self._store([]))
