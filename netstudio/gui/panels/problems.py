"""The Problems panel: every error and warning of the network, each naming its node.

Double-clicking a problem selects its node and centres the canvas on it (`node_activated`).
A problem's message is shown in the app's language where it is a translatable
`netstudio.core.messages.Message` (`i18n.translated`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from netstudio.core.validation import Problem
from netstudio.gui.document import Document
from netstudio.gui.i18n import translated
from netstudio.gui.icons import icon
from netstudio.gui.project_files import file_problem_text
from netstudio.gui.style import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QListWidget):
    """The current document's problems (see module docstring)."""

    node_activated = Signal(str)
    #: The number of errors and warnings changed: (errors, warnings).
    counts_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        #: Problems found outside the document's analysis (a layer failing on the previews'
        #: sample), shown after its own.
        self.extra: list[Problem] = []
        self.setObjectName("problems_list")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(False)
        self.itemDoubleClicked.connect(self._on_double_click)
        self.itemActivated.connect(self._on_double_click)
        self._icons = {
            "error": icon("error", QColor(ERROR_COLOUR)),
            "warning": icon("warning", QColor(WARNING_COLOUR)),
            "ok": icon("check", QColor(OK_COLOUR)),
        }

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.analysed.disconnect(self._on_analysed)
        self.document = document
        if document is not None:
            document.analysed.connect(self._on_analysed)
        self.show_problems(document.problems if document and document.analysed_once else None)

    def _on_analysed(self, _changed: Any, problems: list[Problem]) -> None:
        self.show_problems(problems)

    def set_extra(self, problems: list[Problem]) -> None:
        """Show these problems too (they come from the previews), until replaced."""
        if problems == self.extra:
            return
        self.extra = list(problems)
        document = self.document
        self.show_problems(document.problems if document and document.analysed_once else None)

    def show_problems(self, problems: list[Problem] | None) -> None:
        self.clear()
        if problems is None:
            self.counts_changed.emit(0, 0)
            return
        graph = self.document.graph if self.document is not None else None
        problems = [*problems, *(p for p in self.extra if graph is not None and p.node_id in graph)]
        for found in self.document.project.problems if self.document else []:
            file_problem = file_problem_text(found)
            item = QListWidgetItem(
                self._icons["warning"], self.tr("file: {problem}").format(problem=file_problem)
            )
            tip = self.tr("Left out when the file was opened: {problem}")
            item.setToolTip(tip.format(problem=file_problem))
            self.addItem(item)
        for problem in problems:
            message = translated(problem.message)
            text = message
            if problem.node_id is not None and graph is not None and problem.node_id in graph:
                name = graph.node(problem.node_id).name
                if f"'{name}'" not in text:
                    text = f"{name}: {text}"
            item = QListWidgetItem(self._icons[problem.severity], text[:1].upper() + text[1:])
            item.setData(NODE_ROLE, problem.node_id)
            item.setToolTip(message)
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(self._icons["ok"], self.tr("No problems: the network is valid."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        errors = sum(p.severity == "error" for p in problems)
        self.counts_changed.emit(errors, len(problems) - errors)

    def _on_double_click(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.node_activated.emit(node_id)
