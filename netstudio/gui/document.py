"""The open project as the editor sees it: graph, shapes, problems, undo history, file state.

`Document` is the one place edits go through (`push`); after each one it brings the shape
inference up to date, re-validates, and announces what changed with `analysed`. Until
PyTorch has loaded (it loads behind the window) analysis waits and the canvas shows shapes as
unknown.

A finished run is a record, not an edit: `add_run` keeps it in ``project.runs`` outside the
undo history (no undo removes it), marks the project modified until the next save and says so
with `runs_changed`, which the run views listen to (deleting or renaming a run stays an undo
command, and says so too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from netstudio.core.errors import GraphError
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import NodeInfo, ShapeInference
from netstudio.core.validation import Problem, validate
from netstudio.gui.commands import GraphCommand, push
from netstudio.io import Project, save_project


class Document(QObject):
    """One open project (see module docstring)."""

    #: After an edit is analysed: (ids of nodes whose shapes or params changed, all problems).
    analysed = Signal(object, object)
    #: After every edit, undo and redo (once analysed). Panels listen to this, not to the
    #: undo stack: the stack signals while it is destroyed, this never does.
    edited = Signal()
    #: The project's modified state changed.
    modified_changed = Signal(bool)
    #: The project was saved under a new path (or got its first one).
    path_changed = Signal(object)
    #: ``project.runs`` changed: a run was added, or one was deleted or renamed (or undone).
    runs_changed = Signal()

    def __init__(
        self,
        project: Project | None = None,
        *,
        analysis: bool = True,
        modified: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project if project is not None else Project()
        self.inference = ShapeInference(self.project.graph)
        self.undo_stack = QUndoStack(self)
        self.problems: list[Problem] = []
        self._analysis = analysis
        self._analysed_once = False
        self._forced_modified = modified
        #: A run was added since the last save (records are not in the undo history, so the
        #: stack's clean state cannot tell).
        self._unsaved_runs = False
        #: Why Save must ask before writing to `path` (work restored after a crash whose file
        #: is gone or holds something else now); empty: Save writes without asking.
        self.save_warning = ""
        self.undo_stack.indexChanged.connect(self._after_edit)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        if analysis:
            self.analyse()

    # --- state ---------------------------------------------------------------------------------

    @property
    def graph(self) -> NetworkGraph:
        return self.project.graph

    @property
    def path(self) -> Path | None:
        return self.project.path

    @property
    def file_name(self) -> str:
        """What the title bar calls the project: the file name, else the project's name."""
        return self.path.name if self.path is not None else (self.project.name or "Untitled")

    @property
    def modified(self) -> bool:
        return self._forced_modified or self._unsaved_runs or not self.undo_stack.isClean()

    @property
    def analysis_enabled(self) -> bool:
        return self._analysis

    @property
    def analysed_once(self) -> bool:
        """Whether shapes have been inferred at least once (PyTorch has loaded)."""
        return self._analysed_once

    def info(self, node_id: str) -> NodeInfo | None:
        """What shape inference knows of a node; None before the first analysis."""
        if not self._analysed_once or node_id not in self.graph:
            return None
        return self.inference.info(node_id)

    def node_problems(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node_id == node_id]

    # --- editing -------------------------------------------------------------------------------

    def push(self, command: GraphCommand) -> GraphError | None:
        """Do `command` and keep it in the history; returns the graph's refusal, if any."""
        return push(self.undo_stack, command)

    def add_run(self, record: dict[str, Any]) -> None:
        """Keep a finished (or stopped, or failed) run's record at the end of ``project.runs``.

        Not an undo step: a run is what happened, and no undo takes it away. The project is
        modified until it is saved (the record is not in the file yet)."""
        was_modified = self.modified
        self.project.runs.append(record)
        self._unsaved_runs = True
        self.runs_changed.emit()
        if not was_modified:
            self.modified_changed.emit(True)

    def enable_analysis(self) -> None:
        """Start inferring shapes (PyTorch is ready); runs the first analysis now."""
        if not self._analysis:
            self._analysis = True
            self.analyse()

    def analyse(self) -> None:
        """Bring shapes and problems up to date and announce them."""
        if not self._analysis:
            return
        changed = self.inference.update()
        if not self._analysed_once:
            changed = {node.id for node in self.graph.nodes()}
            self._analysed_once = True
        self.problems = validate(self.graph, self.inference)
        self.analysed.emit(changed, self.problems)

    def _after_edit(self, _index: int) -> None:
        self.analyse()
        self.edited.emit()

    # --- files ---------------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> None:
        """Write the project (atomically); raises OSError or ValueError with a clear message."""
        old = self.path
        save_project(self.project, path)
        self.save_warning = ""  # the file holds this project now
        flagged = self._forced_modified or self._unsaved_runs
        self._forced_modified = self._unsaved_runs = False
        stack_was_clean = self.undo_stack.isClean()
        self.undo_stack.setClean()  # announces "not modified" when the stack was not clean
        if self.project.problems:  # what was left out on opening is gone from the file now
            self.project.problems = []
            self.analyse()
        if flagged and stack_was_clean:
            self.modified_changed.emit(False)
        if self.path != old:
            self.path_changed.emit(self.path)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._forced_modified or self._unsaved_runs or not clean)

    def close(self) -> None:
        """Stop listening to the graph (the document is being replaced)."""
        self._analysis = False
        self.undo_stack.indexChanged.disconnect(self._after_edit)
        self.undo_stack.cleanChanged.disconnect(self._on_clean_changed)
        self.inference.close()
