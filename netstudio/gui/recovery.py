"""Autosave and crash recovery: unsaved work is never lost.

While the open project has unsaved changes, it is written every minute to a recovery file in the
app's data folder (never over the person's own file). The file is kept until the person saves
or discards the changes; after a crash it is still there, and the next start offers it back.

Each recovery file ``<name>-<id>.net`` has a ``.json`` note beside it (the project's own path,
absolute, with the SHA-256 of that file's bytes when it was autosaved, and when) and a ``.lock``
that the running app holds: a file whose lock nobody holds belongs to an app that is gone (Qt's
QLockFile tells a live owner from a dead one). The hash is the original file's identity: when
the file at that path is gone or holds something else by the time the work is restored (another
program or project wrote it), Save asks before writing over it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QLockFile,
    QObject,
    QStandardPaths,
    QTime,
    QTimer,
)

from netstudio.gui import i18n
from netstudio.gui.dialogs import Restore, ask_restore, show_message
from netstudio.gui.document import Document
from netstudio.io import Project, ProjectFileError, dumps_project, loads_project

if TYPE_CHECKING:
    from netstudio.gui.main_window import MainWindow
from netstudio.io.writer import write_atomically

INTERVAL_MS = 60_000
translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


def default_folder() -> Path:
    """Where recovery files live: the app's data folder (per user)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".netstudio") / "recovery"


@dataclass(frozen=True)
class Recovery:
    """A recovery file left by an app that did not close normally.

    original: the project's own file (None: never saved). original_sha256: that file's hash
    when the work was autosaved; None when unknown (the file was missing then, or the note
    comes from a NetStudio that did not record it).
    """

    file: Path
    original: Path | None
    name: str
    autosaved: datetime
    original_sha256: str | None = None

    def load(self) -> Project:
        """The autosaved project, its path set back to the person's own file (None if new).

        Raises ProjectFileError (or OSError) when the recovery file cannot be read.
        """
        text = self.file.read_text(encoding="utf-8")
        project = loads_project(text, source=self.file, strict=False)
        project.path = self.original
        return project

    def save_warning(self) -> str:
        """Why saving the restored work over its original file needs a yes first; empty when
        that file is still the one the work came from, unchanged since the autosave."""
        if self.original is None:
            return ""
        if not self.original.is_file():
            return translate("Recovery", "is gone: it was moved or deleted after the autosave")
        if self.original_sha256 is None:
            return translate(
                "Recovery",
                "may hold another project now: this autosave does not say which file it came from",
            )
        if file_sha256(self.original) != self.original_sha256:
            return translate(
                "Recovery",
                "has changed since the autosave: another program or project may have written it",
            )
        return ""

    def discard(self) -> None:
        for path in _family(self.file):
            with contextlib.suppress(OSError):
                path.unlink()


class Autosave(QObject):
    """Writes the window's unsaved document to its recovery file every `interval_ms`."""

    def __init__(self, folder: Path, interval_ms: int = INTERVAL_MS, parent=None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.document: Document | None = None
        self.file: Path | None = None
        self._lock: QLockFile | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def watch(self, document: Document, adopt: Path | None = None) -> None:
        """Autosave `document` from now on; the previous document's recovery file goes (its
        changes were saved or discarded when it was closed). `adopt`: carry on in this
        recovery file (one restored after a crash), so it stays until saved or discarded."""
        if self.document is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.document.modified_changed.disconnect(self._on_modified)
        self.discard()
        self.document = document
        document.modified_changed.connect(self._on_modified)
        if adopt is not None:
            self._take(adopt)

    def save_now(self) -> Path | None:
        """Write the recovery file now if there are unsaved changes; returns it."""
        document = self.document
        if document is None or not document.modified:
            return None
        try:
            text = dumps_project(document.project)
        except ValueError:
            return None  # a value a file cannot hold: the person's save will say so
        try:
            if self.file is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._take(self.folder / f"{_stem(document.file_name)}-{uuid.uuid4().hex[:8]}.net")
            assert self.file is not None
            write_atomically(self.file, text.encode("utf-8"))
            path = document.path.resolve() if document.path is not None else None
            known = path is not None and not document.save_warning  # restored unverified: stays so
            note = {
                "path": str(path) if path is not None else None,
                "sha256": file_sha256(path) if known else None,
                "name": document.file_name,
                "autosaved": datetime.now().isoformat(timespec="seconds"),
            }
            self.file.with_suffix(".json").write_text(json.dumps(note), encoding="utf-8")
        except OSError:
            return None  # a full or read-only disk must not disturb editing; retried next time
        return self.file

    def discard(self) -> None:
        """Forget the current recovery file (the work was saved, or the person discarded it)."""
        if self.file is not None:
            if self._lock is not None:
                self._lock.unlock()
            for path in _family(self.file):
                with contextlib.suppress(OSError):
                    path.unlink()
        self.file, self._lock = None, None

    def _take(self, file: Path) -> None:
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        lock.tryLock(0)
        self.file, self._lock = file, lock

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            self.discard()


def pending(folder: Path) -> list[Recovery]:
    """Recovery files whose app is gone (a crash), newest first."""
    found = []
    for file in folder.glob("*.net") if folder.is_dir() else []:
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running NetStudio owns it
        lock.unlock()
        sha256 = None
        try:
            note = json.loads(file.with_suffix(".json").read_text(encoding="utf-8"))
            # Older notes hold the path as typed: made absolute here, its identity unknown.
            original = Path(note["path"]).absolute() if note.get("path") else None
            when = datetime.fromisoformat(note["autosaved"])
            name = str(note.get("name") or file.stem)
            sha256 = note.get("sha256") if isinstance(note.get("sha256"), str) else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            original, name = None, file.stem
            when = datetime.fromtimestamp(file.stat().st_mtime)
        found.append(Recovery(file, original, name, when, sha256))
    return sorted(found, key=lambda r: r.autosaved, reverse=True)


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the file's bytes (its identity); None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _family(file: Path) -> list[Path]:
    return [file, file.with_suffix(".json"), file.with_suffix(".lock")]


def _stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", Path(name).stem)[:40] or "untitled"


def when_text(moment: datetime) -> str:
    """When work was autosaved, as the app's language writes a date and time ("05 Mar 2025 at
    14:30")."""
    day, clock = moment.date(), moment.time()
    shown = QDateTime(
        QDate(day.year, day.month, day.day), QTime(clock.hour, clock.minute, clock.second)
    )
    #: A QDateTime format: d, MMM, yyyy, HH, mm are fields, words in single quotes.
    pattern = translate("Recovery", "dd MMM yyyy 'at' HH:mm", "a date and time (QDateTime format)")
    return QLocale(i18n.language() or "en").toString(shown, pattern)


def offer_recovery(window: MainWindow) -> bool:
    """Offer back work autosaved by a NetStudio that closed unexpectedly; True when a project
    was restored (it opens modified, to be saved where it belongs)."""
    if window.autosave is None:
        return False
    for found in pending(window.autosave.folder):
        answer = ask_restore(window, found.name, when_text(found.autosaved))
        if answer is Restore.DISCARD:
            found.discard()
            continue
        if answer is Restore.LATER:
            continue
        try:
            project = found.load()
        except (OSError, ProjectFileError) as error:
            show_message(
                window,
                translate("Recovery", "Cannot restore"),
                translate("Recovery", "{file} cannot be read: {error}").format(
                    file=found.file,
                    error=window.files.error_text(error)
                    if isinstance(error, ProjectFileError)
                    else error,
                ),
            )
            continue
        document = Document(project, analysis=window.analysis_ready, modified=True)
        document.save_warning = found.save_warning()
        window.set_document(document, recovered=found.file)
        window.view.show_network()
        message = translate("Recovery", "Restored unsaved work on {name}").format(name=found.name)
        if document.save_warning:
            message = translate(
                "Recovery",
                "Restored unsaved work on {name}; its file {warning}, so Save will ask first",
            ).format(name=found.name, warning=document.save_warning)
        window.statusBar().showMessage(message, 8000)
        return True
    return False
