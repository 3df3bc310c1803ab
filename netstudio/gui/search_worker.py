"""A search run by the app: the same `netstudio tune` in a worker process, read line by line.

The trials train in another process (`python -m netstudio tune … --progress`), so the GUI
thread never competes with them for the interpreter. The project goes to it as a temporary
copy of what is open (saved or not), with the folders of the open project: the study database
beside it (or the URL the person gave), its run folders in ``<project>.runs/`` and its data
where the open project finds it. Each line the process prints as JSON (the study, a trial's
start, each epoch, each trial's end) comes back as `event`; other lines are kept for the
message when the search could not start.

Stop interrupts the process as Ctrl+C would a terminal's: the running trial stops within one
batch (its run so far is kept, the trial is recorded as stopped) and the study ends, ready to
resume with the next Search.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from netstudio.io import Project, dumps_project

#: How long a stopped search may take to finish its batch before it is ended outright (ms).
STOP_GRACE_MS = 30_000


class SearchProcess(QObject):
    """One search at a time in a worker process (see module docstring)."""

    #: A JSON line of the process: {"event": "study" | "started" | "epoch" | "trial", ...}.
    reported = Signal(object)
    #: The process ended: (whether some trial completed, why it could not run: "" if it ran).
    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._buffer = b""
        self._errors: list[str] = []
        self.stopping = False

    @property
    def running(self) -> bool:
        return self.process is not None

    def start(
        self,
        project: Project,
        *,
        storage: str,
        study: str,
        trials: int | None,
        seconds: float | None,
    ) -> None:
        """Run the search of `project` (its "search" section as it is now) in a new process."""
        from netstudio.gui.training.session import unsaved_runs_root
        from netstudio.search.cli import tune_arguments
        from netstudio.training.data_config import DataConfig
        from netstudio.training.runs import runs_folder
        from netstudio.training.sources import resolve_root
        from netstudio.training.starting_weights import starting_weights_path

        if self.process is not None:
            raise RuntimeError("a search is running already")
        self._folder = tempfile.TemporaryDirectory(prefix="netstudio-search-")
        real = project.path
        name = real.name if real is not None else "untitled.net"
        copy_path = Path(self._folder.name) / name
        copy_path.write_text(dumps_project(project), encoding="utf-8")
        out = root = None
        if real is not None:
            real = real.resolve()
            out = runs_folder(real)
            weights = starting_weights_path(real)
            if weights.is_file():
                shutil.copyfile(weights, starting_weights_path(copy_path))
            try:
                root = resolve_root(DataConfig.model_validate(project.data), real.parent)
            except ValueError:
                root = None  # the search says what is wrong with the data section
        else:  # runs of a project never saved go where the app's other such runs go
            out = unsaved_runs_root()
        tune = tune_arguments(
            copy_path,
            storage=storage,
            study=study,
            trials=trials,
            seconds=seconds,
            out=out,
            data_root=root,
        )
        arguments = ["-m", "netstudio", *tune]
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self.process, self._buffer, self._errors, self.stopping = process, b"", [], False
        self._completed = False
        process.start(sys.executable, arguments)

    def stop(self) -> None:
        """End the search: the running trial stops within one batch (see module docstring)."""
        process = self.process
        if process is None or self.stopping:
            return
        self.stopping = True
        pid = process.processId()
        if pid and hasattr(signal, "SIGINT") and os.name == "posix":
            os.kill(pid, signal.SIGINT)
        else:
            process.terminate()

    def wait(self, ms: int = STOP_GRACE_MS) -> None:
        """Wait for the process to end (the window is closing); ended outright after `ms`."""
        process = self.process
        if process is None:
            return
        if not process.waitForFinished(ms):
            process.kill()
            process.waitForFinished(2000)

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            self._line(line.decode("utf-8", "replace").strip())

    def _line(self, text: str) -> None:
        if not text.startswith("{"):
            return
        try:
            item: Any = json.loads(text)
        except ValueError:
            return
        if not isinstance(item, dict):
            return
        kind = item.get("event")
        if kind == "trial" and item.get("state") == "complete":
            self._completed = True
        if kind is None:
            item = {"event": "best", **item}
        self.reported.emit(item)

    def _read_errors(self) -> None:
        if self.process is None:
            return
        text = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("error: "):
                self._errors.append(line.removeprefix("error: ").strip())

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._errors.append(
                self.tr("the search worker could not start ({python})").format(
                    python=sys.executable
                )
            )
            self._on_finished(-1, QProcess.ExitStatus.CrashExit)

    def _on_finished(self, _code: int, _status: QProcess.ExitStatus) -> None:
        process = self.process
        if process is None:
            return
        self._read()
        self._read_errors()
        if self._buffer:
            self._line(self._buffer.decode("utf-8", "replace").strip())
            self._buffer = b""
        self.process = None
        process.deleteLater()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self.finished.emit(self._completed, "; ".join(self._errors))
