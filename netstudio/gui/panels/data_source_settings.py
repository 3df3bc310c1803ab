"""The Data panel's "<source> settings" group: the chosen data source's own parameters.

The editors are built from the source's parameter specs (the same the file reader checks) and
rebuilt when the source changes. Sources that read files get a Folder row, and parameters that
name a file a "…" button; a picked path inside the project's folder is stored relative to it so
the project stays portable. The group only emits `edited`: the Data panel writes each edit as
one undoable change of the project's ``data`` section. A value the file holds that its editor
cannot show (the wrong type, out of range) is shown marked, never raised (see `param_editors`);
an entry an editor cannot take stays as typed, with why and what is allowed on a line under it,
and changes nothing. The fields edit the project: Undo and Redo reach the project from them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from netstudio.gui.field_marks import holds_project_fields, show_message, with_message_line
from netstudio.gui.panels.data_source_words import source_text
from netstudio.gui.param_editors import ParamEditor, make_editor
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataSource

#: Parameters that name a file: they get a "…" button opening a file dialog.
FILE_PARAMS = {"file", "test_file"}


def group_form(box: QGroupBox) -> QFormLayout:
    """The form layout every group of the Data panel uses."""
    form = QFormLayout(box)
    form.setContentsMargins(8, 6, 8, 8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class SourceSettingsBox(QGroupBox):
    """The settings of one data source (see module docstring)."""

    #: A field of the data section changed: its path in the section, the value, and what it
    #: is in words (for the undo text).
    edited = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Source"))
        holds_project_fields(self)
        self.form = group_form(self)
        self.editors: dict[str, ParamEditor] = {}
        #: The line under each editor that says why an entry was not taken.
        self.messages: dict[str, QLabel] = {}
        self.source_id: str | None = None
        #: The project's file, to store picked paths relative to its folder (None: unsaved).
        self.project_path: Callable[[], Path | None] = lambda: None
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("data_root")
        self.folder_edit.setPlaceholderText(self.tr("the project's folder"))
        self.folder_edit.editingFinished.connect(self._on_folder_typed)
        folder_button = QToolButton(self)
        folder_button.setObjectName("data_root_choose")
        folder_button.setText("…")
        folder_button.setToolTip(self.tr("Choose the data folder"))
        folder_button.clicked.connect(self.choose_folder)
        self.folder_row = QWidget(self)
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(folder_button)

    def show_config(
        self, config: DataConfig, source: DataSource, params: dict[str, Any] | None = None
    ) -> list[str]:
        """Show `source`'s settings from `config` (its `params`: these, as the file holds them,
        when given), rebuilding the editors for a new source. Returns what the editors could not
        show as it is, one message per field, naming the source."""
        if source.id != self.source_id:
            self._build(source)
        self.folder_edit.setText(config.root or "")
        values = source.defaults() | (config.params if params is None else params)
        problems = []
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))
            if editor.problem:
                said = self.tr("{source}: {problem}", "a data source, what is wrong with a setting")
                problems.append(
                    said.format(source=source_text(source.name), problem=editor.problem)
                )
        return problems

    def _build(self, source: DataSource) -> None:
        """Editors for `source`'s own parameters, and the folder row when it reads files."""
        form = self.form
        self.folder_row.setParent(None)
        while form.rowCount():
            form.removeRow(0)
        self.editors = {}
        self.messages = {}
        for spec in source.params:
            editor = make_editor(spec, self)
            editor.committed.connect(self._on_param)
            editor.invalid.connect(self._on_invalid)
            editor.widget.setToolTip(source_text(spec.doc))  # the sources' words, not layers
            self.editors[spec.name] = editor
            field: QWidget = editor.widget
            if spec.name in FILE_PARAMS:
                field = QWidget(self)
                row = QHBoxLayout(field)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(editor.widget, 1)
                button = QToolButton(field)
                button.setText("…")
                button.setObjectName(f"choose_{spec.name}")
                label = spec.display_name.capitalize()
                words = source_text(label)  # lower case in English: "Choose the test file"
                setting = spec.display_name if words == label else words
                button.setToolTip(self.tr("Choose the {setting}").format(setting=setting))
                button.clicked.connect(lambda _=False, n=spec.name: self.choose_file(n))
                row.addWidget(button)
            field, self.messages[spec.name] = with_message_line(field, self)
            form.addRow(source_text(spec.display_name.capitalize()), field)
            field.show()  # the layout shows a row added to a shown box only a turn later
        if source.needs_root:
            form.insertRow(0, self.tr("Folder"), self.folder_row)
            tip = self.tr("The folder that holds {files}").format(files=source.files)
            self.folder_row.setToolTip(tip)
        self.setTitle(self.tr("{source} settings").format(source=source_text(source.name)))
        self.setVisible(form.rowCount() > 0)
        self.source_id = source.id

    def _on_param(self, name: str, value: Any) -> None:
        self.edited.emit(("params", name), value, f"data {name.replace('_', ' ')}")

    def _on_invalid(self, name: str, message: str) -> None:
        label = self.messages.get(name)
        if label is not None:
            show_message(label, message)

    def _on_folder_typed(self) -> None:
        self.edited.emit(("root",), self.folder_edit.text().strip() or None, "data folder")

    def _relative(self, path: str) -> str:
        """`path` relative to the project's folder when it lies inside it (files stay portable)."""
        project = self.project_path()
        if project is not None:
            folder = project.parent.resolve()
            resolved = Path(path).resolve()
            if resolved.is_relative_to(folder):
                return os.path.relpath(resolved, folder)
        return path

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.folder_edit.text()
        )
        if folder:
            self.edited.emit(("root",), self._relative(folder), "data folder")

    def choose_file(self, name: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a CSV file"),
            "",
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self._on_param(name, self._relative(path))
