"""The inspector: the selected node's name, type, parameters, output shape and problems.

The parameter form is generated from the layer's `ParamSpec`s, never written per layer. Each
committed change is one `SetParamsCommand` (a rename, one `RenameCommand`); a value the graph
refuses, or a number entry its field cannot take, is explained under its field, stays as typed
and changes nothing. Its fields edit the project: Undo and Redo reach the project from them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.errors import GraphError, ParamError
from netstudio.core.graph import Node
from netstudio.gui.commands import RenameCommand, SetParamsCommand
from netstudio.gui.document import Document
from netstudio.gui.field_marks import holds_project_fields, show_message, with_message_line
from netstudio.gui.palette import swatch
from netstudio.gui.param_editors import ParamEditor, make_editor
from netstudio.gui.style import ERROR_COLOUR, WARNING_COLOUR, category_colour

_NEVER = object()  # no value shown yet
EMPTY_HINT = (
    "Select a layer on the canvas to see and edit its parameters.\n\n"
    "Add layers from the Layers palette: drag one onto the canvas, or double-click it."
)


class Inspector(QStackedWidget):
    """Shows and edits one node of the current document (see module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.node_id: str | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.errors: dict[str, QLabel] = {}
        #: The value each field last showed from the node (a refused entry stays on show
        #: until the node's value changes).
        self._shown: dict[str, Any] = {}
        self.name_edit: QLineEdit | None = None
        holds_project_fields(self)

        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(16)
        self.hint.setEnabled(False)
        self.addWidget(self.hint)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.addWidget(self.scroll)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.analysed.disconnect(self._on_analysed)
            self.document.edited.disconnect(self._on_edit)
        self.document = document
        if document is not None:
            document.analysed.connect(self._on_analysed)
            document.edited.connect(self._on_edit)
        self.show_node(None)

    # --- what is shown -------------------------------------------------------------------------

    def show_node(self, node_id: str | None, count: int = 1) -> None:
        """Show `node_id` (None: the hint, or how many are selected when `count` > 1)."""
        document = self.document
        if document is None or node_id is None or node_id not in document.graph:
            self.node_id = None
            self.hint.setText(f"{count} layers selected." if count > 1 else EMPTY_HINT)
            self.setCurrentWidget(self.hint)
            return
        if node_id != self.node_id:
            self.node_id = node_id
            self._build(document.graph.node(node_id))
        self._refresh()
        self.setCurrentWidget(self.scroll)

    def _build(self, node: Node) -> None:
        spec = node.spec
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)

        title = QLabel(f"<b style='font-size:large'>{spec.name}</b>", page)
        title.setObjectName("inspector_type")
        category = QLabel(page)
        category.setPixmap(swatch(category_colour(spec.category)).pixmap(12, 12))
        heading = QWidget(page)
        row = QFormLayout(heading)
        row.setContentsMargins(0, 0, 0, 0)
        row.addRow(category, title)
        layout.addWidget(heading)
        doc = QLabel(f"{spec.doc}<br><span style='color:gray'>{spec.category}</span>", page)
        doc.setWordWrap(True)
        layout.addWidget(doc)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("node_name")
        self.name_edit.setToolTip("The node's name, unique in the network (F2 renames)")
        self.name_edit.editingFinished.connect(self._commit_name)
        field, name_error = with_message_line(self.name_edit, page)
        self.errors = {"": name_error}
        form.addRow("Name", field)
        self.editors = {}
        self._shown = {}
        for param in spec.params:
            editor = make_editor(param, page)
            editor.committed.connect(self._commit_param)
            editor.invalid.connect(self._on_invalid)
            self.editors[param.name] = editor
            field, self.errors[param.name] = with_message_line(editor.widget, page)
            label = QLabel(param.display_name.capitalize(), page)
            label.setToolTip(param.doc)
            form.addRow(label, field)
        layout.addLayout(form)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setStyleSheet("color: palette(mid);")
        layout.addWidget(line)
        facts = QFormLayout()
        self.output_label = QLabel(page)
        self.output_label.setObjectName("inspector_output")
        self.output_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.params_label = QLabel(page)
        self.params_label.setObjectName("inspector_params")
        facts.addRow("Output", self.output_label)
        facts.addRow("Parameters", self.params_label)
        layout.addLayout(facts)
        self.problem_label = QLabel(page)
        self.problem_label.setObjectName("inspector_problems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(page)

    def _refresh(self) -> None:
        """Show the node's current values, inferred values and problems."""
        document = self.document
        if document is None or self.node_id is None:
            return
        node = document.graph.node(self.node_id)
        info = document.info(node.id)
        implied = info.resolved if info is not None else {}
        assert self.name_edit is not None
        # A name being typed stays until it is entered, or the node's name changes.
        if not self.name_edit.isModified() or self._shown.get("") != node.name:
            self.name_edit.setText(node.name)
            self._shown[""] = node.name
        for name, editor in self.editors.items():
            label = self.errors[name]
            value = node.params.get(name)
            # A refused entry stays on show with its message, and a value the editor cannot
            # show as it is gets its reason there, until the node's value changes.
            if (
                label.isHidden()
                or label.text() == editor.problem
                or self._shown.get(name, _NEVER) != value
            ):
                editor.set_value(value, implied.get(name))
                self._shown[name] = value
                self._show_error(name, editor.problem)
        if info is None:
            self.output_label.setText("… (PyTorch is loading)")
            self.params_label.setText("…")
        else:
            out = info.output
            self.output_label.setText(out.describe() if out is not None else "unknown")
            self.params_label.setText(f"{info.param_count:,}")
        problems = document.node_problems(node.id)
        lines = []
        for problem in problems:
            colour = ERROR_COLOUR if problem.severity == "error" else WARNING_COLOUR
            lines.append(f"<span style='color:{colour}'>⚠ {problem.message}</span>")
        self.problem_label.setText("<br>".join(lines))
        self.problem_label.setVisible(bool(lines))

    def _on_analysed(self, _changed: Any, _problems: Any) -> None:
        self.show_node(self.node_id)

    def _on_edit(self) -> None:
        if self.node_id is not None and self.document is not None:
            if self.node_id not in self.document.graph:
                self.show_node(None)
            else:
                self._refresh()

    # --- committing ----------------------------------------------------------------------------

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            show_message(label, message)

    def _on_invalid(self, name: str, message: str) -> None:
        """An entry its field could not take; "" when that is over (the value's own problem,
        if any, shows again)."""
        editor = self.editors.get(name)
        self._show_error(name, message or (editor.problem if editor is not None else ""))

    def _commit_param(self, name: str, value: Any) -> None:
        document, node_id = self.document, self.node_id
        if document is None or node_id is None:
            return
        node = document.graph.node(node_id)
        spec = node.spec.param(name)
        try:
            canonical = spec.check(value, node.label)
        except ParamError as error:
            self._show_error(name, self._short(str(error), node))
            return
        self._show_error(name, "")
        if canonical == node.params.get(name):
            self._refresh()
            return
        error = document.push(SetParamsCommand(document.graph, node_id, {name: canonical}))
        if error is not None:
            self._show_error(name, self._short(str(error), node))

    def _commit_name(self) -> None:
        document, node_id = self.document, self.node_id
        if document is None or node_id is None or self.name_edit is None:
            return
        name = self.name_edit.text().strip()
        node = document.graph.node(node_id)
        if name == node.name:
            self._show_error("", "")
            self.name_edit.setModified(False)
            return
        error: GraphError | None = document.push(RenameCommand(document.graph, node_id, name))
        self._show_error("", str(error) if error is not None else "")
        if error is None:
            self.name_edit.setModified(False)

    @staticmethod
    def _short(message: str, node: Node) -> str:
        return message.removeprefix(f"{node.label}: ")

    def focus_name(self) -> None:
        if self.name_edit is not None and self.currentWidget() is self.scroll:
            self.name_edit.setFocus()
            self.name_edit.selectAll()
