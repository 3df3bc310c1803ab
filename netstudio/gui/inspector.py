"""The inspector: the selected node's name, type, parameters, output shape and problems.

The parameter form is generated from the layer's `ParamSpec`s, never written per layer. Each
committed change is one `SetParamsCommand` (a rename, one `RenameCommand`); a value the graph
refuses, or a number entry its field cannot take, is explained under its field, stays as typed
and changes nothing. Its fields edit the project: Undo and Redo reach the project from them.

Under the parameters, a node with parameters has its fine-tuning switches: Trainable (off:
the layer is frozen), its learning-rate multiplier (LR ×) and, for a Linear head, Fit to data;
each change is one undo step (`netstudio.gui.tuning_edits`). With several layers selected, the
Inspector offers to freeze or unfreeze them all in one step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.errors import GraphError, ParamError
from netstudio.core.graph import Node
from netstudio.gui import i18n
from netstudio.gui.block_editing import param_editor
from netstudio.gui.commands import RenameCommand, SetParamsCommand
from netstudio.gui.document import Document
from netstudio.gui.field_marks import (
    holds_project_fields,
    mark_problem,
    show_message,
    with_message_line,
)
from netstudio.gui.i18n import number, translated
from netstudio.gui.palette import layer_text, param_label, swatch
from netstudio.gui.param_editors import ParamEditor, make_editor
from netstudio.gui.style import ERROR_COLOUR, WARNING_COLOUR, category_colour
from netstudio.gui.tuning_edits import (
    fit_to_data,
    frozen_ids,
    has_parameters,
    multiplier_of,
    parse_multiplier,
    set_frozen,
    set_multiplier,
)
from netstudio.training.head_fit import HEAD_TYPES

if TYPE_CHECKING:
    from netstudio.gui.node_insight import NodeInsight

_NEVER = object()  # no value shown yet


def empty_hint() -> str:
    """What the Inspector says while nothing is selected."""
    return QCoreApplication.translate(
        "Inspector",
        "Select a layer on the canvas to see and edit its parameters.\n\n"
        "Add layers from the Layers palette: drag one onto the canvas, or double-click it.",
    )


class Inspector(QStackedWidget):
    """Shows and edits one node of the current document (see module docstring)."""

    #: A short message for the status bar (what Fit to data did, or why it could not).
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms ("3 layers selected.")
        self.document: Document | None = None
        self.node_id: str | None = None
        #: The nodes selected when several are (the multi-selection page shows them).
        self.selection: list[str] = []
        self.editors: dict[str, ParamEditor] = {}
        self.errors: dict[str, QLabel] = {}
        #: The value each field last showed from the node (a refused entry stays on show
        #: until the node's value changes).
        self._shown: dict[str, Any] = {}
        self.name_edit: QLineEdit | None = None
        #: Shown under each node's page: its preview enlarged and its health (the window
        #: sets it; see `node_insight`).
        self.insight: NodeInsight | None = None
        holds_project_fields(self)

        self.hint = QLabel(empty_hint(), self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(16)
        self.hint.setEnabled(False)
        self.addWidget(self.hint)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.addWidget(self.scroll)
        self._build_selection_page()

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

    def show_selection(self, node_ids: list[str]) -> None:
        """Show what is selected: one node's page, the page of several, or the hint."""
        if len(node_ids) == 1:
            self.selection = []
            self.show_node(node_ids[0])
            return
        self.selection = list(node_ids)
        self.show_node(None, count=len(node_ids))

    def show_node(self, node_id: str | None, count: int = 1) -> None:
        """Show `node_id` (None: the hint, or how many are selected when `count` > 1)."""
        document = self.document
        if document is None or node_id is None or node_id not in document.graph:
            self.node_id = None
            if count > 1 and self.selection:
                self._refresh_selection()
                self.setCurrentWidget(self.selection_page)
                return
            self.hint.setText(
                self.tr("%Ln layer(s) selected.", "", count) if count > 1 else empty_hint()
            )
            self.setCurrentWidget(self.hint)
            return
        if node_id != self.node_id:
            self.node_id = node_id
            self._build(document.graph.node(node_id))
        self._refresh()
        if self.insight is not None:
            self.insight.show_node(node_id)
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
        doc = QLabel(
            f"{layer_text(spec.doc)}<br>"
            f"<span style='color:gray'>{layer_text(spec.category)}</span>",
            page,
        )
        doc.setWordWrap(True)
        layout.addWidget(doc)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("node_name")
        self.name_edit.setToolTip(self.tr("The node's name, unique in the network (F2 renames)"))
        self.name_edit.editingFinished.connect(self._commit_name)
        field, name_error = with_message_line(self.name_edit, page)
        self.errors = {"": name_error}
        form.addRow(self.tr("Name"), field)
        self.editors = {}
        self._shown = {}
        for param in spec.params:
            editor = param_editor(param, page, self.document, node) or make_editor(param, page)
            editor.committed.connect(self._commit_param)
            editor.invalid.connect(self._on_invalid)
            self.editors[param.name] = editor
            field, self.errors[param.name] = with_message_line(editor.widget, page)
            label = QLabel(param_label(param), page)
            #: The tooltip of a parameter's label: what it does, then its PyTorch keyword.
            tip = self.tr("{doc}\n\nIn PyTorch: {name}")
            label.setToolTip(tip.format(doc=layer_text(param.doc), name=param.name))
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
        facts.addRow(self.tr("Output"), self.output_label)
        facts.addRow(self.tr("Parameters"), self.params_label)
        layout.addLayout(facts)
        self._build_tuning(page, layout, node)
        self.problem_label = QLabel(page)
        self.problem_label.setObjectName("inspector_problems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem_label)
        if self.insight is not None:  # moves from the page before to this one
            layout.addWidget(self.insight)
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
            self.output_label.setText(self.tr("… (PyTorch is loading)"))
            self.params_label.setText("…")
        else:
            out = info.output
            self.output_label.setText(out.describe() if out is not None else self.tr("unknown"))
            self.params_label.setText(number(info.param_count))
        self._refresh_tuning()
        problems = document.node_problems(node.id)
        lines = []
        for problem in problems:
            colour = ERROR_COLOUR if problem.severity == "error" else WARNING_COLOUR
            message = translated(problem.message)
            lines.append(f"<span style='color:{colour}'>⚠ {message}</span>")
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
        elif self.currentWidget() is self.selection_page:
            self._refresh_selection()

    # --- fine-tuning ---------------------------------------------------------------------------

    def _build_tuning(self, page: QWidget, layout: QVBoxLayout, node: Node) -> None:
        """Trainable, LR × and (for a head) Fit to data, shown once the node is known to have
        parameters."""
        self.tuning = QWidget(page)
        self.tuning.setObjectName("inspector_tuning")
        form = QFormLayout(self.tuning)
        form.setContentsMargins(0, 4, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.trainable = QCheckBox(self.tr("Trainable"), self.tuning)
        self.trainable.setObjectName("node_trainable")
        self.trainable.setToolTip(
            self.tr(
                "Off: the layer is frozen, its weights do not change while the network trains "
                "(transfer learning: keep what a pretrained layer learned)"
            )
        )
        self.trainable.toggled.connect(self._commit_trainable)
        form.addRow("", self.trainable)
        self.lr_edit = QLineEdit(self.tuning)
        self.lr_edit.setObjectName("node_lr_multiplier")
        self.lr_edit.setPlaceholderText("1")
        self.lr_edit.setToolTip(
            self.tr(
                "This layer's learning rate as a multiple of the optimizer's (blank or 1: the "
                "same rate; more than 0, at most 1000). A pretrained layer often learns at 0.1."
            )
        )
        self.lr_edit.editingFinished.connect(self._commit_multiplier)
        field, self.errors["lr ×"] = with_message_line(self.lr_edit, self.tuning)
        form.addRow(self.tr("LR ×"), field)
        self.fit_button: QPushButton | None = None
        if node.type_id in HEAD_TYPES:
            self.fit_button = QPushButton(self.tr("Fit to data"), self.tuning)
            self.fit_button.setObjectName("node_fit_head")
            self.fit_button.setToolTip(
                self.tr(
                    "Give this layer as many units as the data has classes (or target values) "
                    "and start it from fresh weights: the new head of a pretrained network"
                )
            )
            self.fit_button.clicked.connect(self.fit_head)
            row = QHBoxLayout()
            row.addWidget(self.fit_button)
            row.addStretch(1)
            form.addRow("", row)
        layout.addWidget(self.tuning)

    def _refresh_tuning(self) -> None:
        document, node_id = self.document, self.node_id
        if document is None or node_id is None:
            return
        shown = has_parameters(document, node_id)
        self.tuning.setVisible(shown)
        if not shown:
            return
        self.trainable.blockSignals(True)
        self.trainable.setChecked(node_id not in frozen_ids(document))
        self.trainable.blockSignals(False)
        multiplier = multiplier_of(document, node_id)
        # An entry being typed or refused stays on show until the multiplier changes.
        pending = self.lr_edit.isModified() or not self.errors["lr ×"].isHidden()
        if self._shown.get("lr ×", _NEVER) != multiplier or not pending:
            self.lr_edit.setText("" if multiplier == 1 else f"{multiplier:g}")
            self.lr_edit.setModified(False)
            self._show_error("lr ×", "")
            mark_problem(self.lr_edit, "")
        self._shown["lr ×"] = multiplier

    def _commit_trainable(self, trainable: bool) -> None:
        if self.document is not None and self.node_id is not None:
            set_frozen(self.document, [self.node_id], not trainable)

    def _commit_multiplier(self) -> None:
        document, node_id = self.document, self.node_id
        if document is None or node_id is None:
            return
        value, problem = parse_multiplier(self.lr_edit.text())
        self._show_error("lr ×", problem)
        mark_problem(self.lr_edit, problem)
        if problem:
            return
        self.lr_edit.setModified(False)
        if not set_multiplier(document, node_id, value):
            self._refresh_tuning()

    def fit_head(self) -> None:
        """Fit to data for the node shown (its message goes to the status bar)."""
        document, node_id = self.document, self.node_id
        if document is None or node_id is None:
            return
        self.message.emit(fit_message(document, node_id))

    def _build_selection_page(self) -> None:
        self.selection_page = QWidget(self)
        layout = QVBoxLayout(self.selection_page)
        layout.setContentsMargins(16, 16, 16, 16)
        self.selection_label = QLabel(self.selection_page)
        self.selection_label.setObjectName("selection_summary")
        self.selection_label.setWordWrap(True)
        layout.addWidget(self.selection_label)
        buttons = QHBoxLayout()
        self.freeze_button = QPushButton(self.tr("Freeze all"), self.selection_page)
        self.freeze_button.setObjectName("selection_freeze")
        self.freeze_button.setToolTip(self.tr("Freeze every selected layer that has parameters"))
        self.freeze_button.clicked.connect(lambda: self._freeze_selection(True))
        self.unfreeze_button = QPushButton(self.tr("Unfreeze all"), self.selection_page)
        self.unfreeze_button.setObjectName("selection_unfreeze")
        self.unfreeze_button.setToolTip(self.tr("Let every selected layer learn again"))
        self.unfreeze_button.clicked.connect(lambda: self._freeze_selection(False))
        buttons.addWidget(self.freeze_button)
        buttons.addWidget(self.unfreeze_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.addWidget(self.selection_page)

    def _refresh_selection(self) -> None:
        document = self.document
        if document is None:
            return
        ids = [i for i in self.selection if i in document.graph]
        learning = [i for i in ids if has_parameters(document, i)]
        frozen = frozen_ids(document)
        count = len(ids)
        text = self.tr("%Ln layer(s) selected.", "", count)
        if learning:
            still = sum(i in frozen for i in learning)
            have = self.tr("%Ln of them have parameters;", "", len(learning))
            are = self.tr("%Ln is frozen.", "", still)
            both = self.tr("{parameters} {frozen}", "how many have parameters, how many are frozen")
            text += "\n" + both.format(parameters=have, frozen=are)
        self.selection_label.setText(text)
        self.freeze_button.setVisible(bool(learning))
        self.unfreeze_button.setVisible(bool(learning))
        self.freeze_button.setEnabled(any(i not in frozen for i in learning))
        self.unfreeze_button.setEnabled(any(i in frozen for i in learning))

    def _freeze_selection(self, frozen: bool) -> None:
        if self.document is not None:
            set_frozen(self.document, self.selection, frozen)

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
            self._show_error(name, self._short(i18n.error_said(error), node))
            return
        self._show_error(name, "")
        if canonical == node.params.get(name):
            self._refresh()
            return
        error = document.push(SetParamsCommand(document.graph, node_id, {name: canonical}))
        if error is not None:
            self._show_error(name, self._short(i18n.error_said(error), node))

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
        self._show_error("", i18n.error_said(error) if error is not None else "")
        if error is None:
            self.name_edit.setModified(False)

    @staticmethod
    def _short(message: str, node: Node) -> str:
        """The message without the node's label in front (the form is the node's); Chinese
        writes its colon full-width."""
        return message.removeprefix(f"{node.label}: ").removeprefix(f"{node.label}：")

    def focus_name(self) -> None:
        if self.name_edit is not None and self.currentWidget() is self.scroll:
            self.name_edit.setFocus()
            self.name_edit.selectAll()


def fit_message(document: Document, node_id: str) -> str:
    """Fit to data for `node_id` (one undo step), said for the status bar: what it did, or
    why it could not."""
    from netstudio.gui.data_messages import data_error_text
    from netstudio.training.head_fit import HeadFitError
    from netstudio.training.loaded_data import DataError

    name = document.graph.node(node_id).name
    cannot = QCoreApplication.translate("Inspector", "Cannot fit {name} to the data: {reason}")
    try:
        return fit_to_data(document, node_id)
    except (HeadFitError, GraphError) as error:
        reason = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        return cannot.format(name=name, reason=translated(reason))
    except DataError as error:
        return cannot.format(name=name, reason=data_error_text(error))
