"""The Data panel: which examples the network trains on, how they are split, normalised and
augmented.

The form is built from the data sources' own parameter specs (the same the file reader checks);
every edit writes the project's ``data`` section through one undoable `SetSectionCommand`, and
the panel follows the section back on undo. After an edit the data is loaded on a worker
(latest edit wins) and digested for the `DataPreview`, which the main window shows in its own
dock; the one-line summary, "Loading…" or the reason it cannot load shows here.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.gui.background import LatestJob
from netstudio.gui.commands import SetSectionCommand
from netstudio.gui.document import Document
from netstudio.gui.panels.data_preview import DataPreview
from netstudio.gui.panels.preview_data import PreviewData, augment_samples, load_preview
from netstudio.gui.param_editors import ParamEditor, make_editor
from netstudio.gui.style import ERROR_COLOUR
from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.sources import DataSource, all_sources, get_source

#: Parameters that name a file: they get a "…" button opening a file dialog.
FILE_PARAMS = {"file", "test_file"}
MISSING_HINT = "Choose the folder that holds them with the “…” button beside Folder"
DOWNLOAD_HINT = ", or tick “download” to fetch them when online (`netstudio train --download`)"


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setContentsMargins(8, 6, 8, 8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class DataPanel(QWidget):
    """The data form of the current document (see module docstring)."""

    #: A preview finished loading (or failed: the message); tests and the dock title listen.
    preview_ready = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_panel")
        self.document: Document | None = None
        self.preview = DataPreview()
        self.preview_data: PreviewData | None = None
        self.loader = LatestJob(self)
        self.augmenter = LatestJob(self)
        self.editors: dict[str, ParamEditor] = {}
        self._source_shown: str | None = None
        self._load_key: str | None = None
        self._augment_key: str | None = None
        #: Whether loading may start: the window says so once PyTorch has loaded behind it
        #: (importing torch from two threads at once is not safe).
        self.ready: Callable[[], bool] = lambda: True
        self._waiting = False
        self._build()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.source_combo = QComboBox(body)
        self.source_combo.setObjectName("data_source")
        for index, source in enumerate(all_sources()):
            self.source_combo.addItem(source.name, source.id)
            self.source_combo.setItemData(index, source.description, Qt.ItemDataRole.ToolTipRole)
        self.source_combo.activated.connect(self._on_source_chosen)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow("Source", self.source_combo)
        layout.addLayout(top)
        self.description = QLabel(body)
        self.description.setWordWrap(True)
        self.description.setEnabled(False)
        layout.addWidget(self.description)
        self.status = QLabel(body)
        self.status.setObjectName("data_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.params_box = QGroupBox("Source", body)
        self.params_form = _form(self.params_box)
        self.folder_edit = QLineEdit(self.params_box)
        self.folder_edit.setObjectName("data_root")
        self.folder_edit.setPlaceholderText("the project's folder")
        self.folder_edit.editingFinished.connect(self._on_folder_typed)
        folder_button = QToolButton(self.params_box)
        folder_button.setObjectName("data_root_choose")
        folder_button.setText("…")
        folder_button.setToolTip("Choose the data folder")
        folder_button.clicked.connect(self.choose_folder)
        self.folder_row = QWidget(self.params_box)
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(folder_button)
        layout.addWidget(self.params_box)

        splits = QGroupBox("Splits", body)
        form = _form(splits)
        self.val_spin = self._percent_spin(splits, "data_val", "val_fraction", "validation split")
        self.test_spin = self._percent_spin(splits, "data_test", "test_fraction", "test split")
        self.seed_spin = QSpinBox(splits)
        self.seed_spin.setObjectName("data_seed")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setToolTip("Seeds the split and the toy sets' points.")
        self.seed_spin.valueChanged.connect(lambda v: self._set(("seed",), v, "data seed"))
        self.normalize_check = QCheckBox("Normalise (mean 0, std 1)", splits)
        self.normalize_check.setObjectName("data_normalize")
        self.normalize_check.setToolTip(
            "Per channel or feature, with the training split's statistics."
        )
        self.normalize_check.toggled.connect(
            lambda on: self._set(("normalize",), on, "normalisation")
        )
        form.addRow("Validation", self.val_spin)
        form.addRow("Test", self.test_spin)
        form.addRow("Seed", self.seed_spin)
        form.addRow(self.normalize_check)
        layout.addWidget(splits)

        self.augment_box = QGroupBox("Augmentation (training images)", body)
        form = _form(self.augment_box)
        self.crop_spin = QSpinBox(self.augment_box)
        self.crop_spin.setObjectName("augment_crop")
        self.crop_spin.setRange(0, 64)
        self.crop_spin.setSuffix(" px")
        self.crop_spin.setKeyboardTracking(False)
        self.crop_spin.setToolTip(AugmentConfig.model_fields["random_crop_padding"].description)
        self.crop_spin.valueChanged.connect(
            lambda v: self._set(("augment", "random_crop_padding"), v, "crop padding")
        )
        self.flip_check = QCheckBox("Mirror left-right", self.augment_box)
        self.flip_check.setObjectName("augment_flip")
        self.flip_check.toggled.connect(
            lambda on: self._set(("augment", "horizontal_flip"), on, "flip")
        )
        self.rotation_spin = QDoubleSpinBox(self.augment_box)
        self.rotation_spin.setObjectName("augment_rotation")
        self.rotation_spin.setRange(0, 180)
        self.rotation_spin.setDecimals(0)
        self.rotation_spin.setSuffix("°")
        self.rotation_spin.setKeyboardTracking(False)
        self.rotation_spin.setToolTip(AugmentConfig.model_fields["rotation_degrees"].description)
        self.rotation_spin.valueChanged.connect(
            lambda v: self._set(("augment", "rotation_degrees"), float(v), "rotation")
        )
        form.addRow("Crop padding", self.crop_spin)
        form.addRow("Rotation ±", self.rotation_spin)
        form.addRow(self.flip_check)
        layout.addWidget(self.augment_box)
        layout.addStretch(1)

    def _percent_spin(self, parent: QWidget, name: str, key: str, what: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setRange(0, 90)
        spin.setSuffix(" %")
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v: self._set((key,), v / 100, what))
        return spin

    def _build_params(self, source: DataSource) -> None:
        """Editors for `source`'s own parameters, and the folder row when it reads files."""
        form = self.params_form
        self.folder_row.setParent(None)
        while form.rowCount():
            form.removeRow(0)
        self.editors = {}
        for spec in source.params:
            editor = make_editor(spec, self.params_box)
            editor.committed.connect(self._on_param)
            self.editors[spec.name] = editor
            field: QWidget = editor.widget
            if spec.name in FILE_PARAMS:
                field = QWidget(self.params_box)
                row = QHBoxLayout(field)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(editor.widget, 1)
                button = QToolButton(field)
                button.setText("…")
                button.setObjectName(f"choose_{spec.name}")
                button.setToolTip(f"Choose the {spec.display_name}")
                button.clicked.connect(lambda _=False, n=spec.name: self.choose_file(n))
                row.addWidget(button)
            form.addRow(spec.display_name.capitalize(), field)
        if source.needs_root:
            form.insertRow(0, "Folder", self.folder_row)
            self.folder_row.setToolTip(f"The folder that holds {source.files}")
        self.params_box.setTitle(f"{source.name} settings")
        self.params_box.setVisible(form.rowCount() > 0)
        self._source_shown = source.id

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.edited.disconnect(self.refresh)
            self.document.analysed.disconnect(self._on_analysed)
        self.document = document
        self._load_key = self._augment_key = None
        if document is not None:
            document.edited.connect(self.refresh)
            document.analysed.connect(self._on_analysed)
        self.refresh()

    def _on_analysed(self, *_: Any) -> None:
        if self._waiting:  # PyTorch has loaded: the first analysis follows it
            self.refresh()

    def config(self) -> DataConfig:
        """The project's data section, validated (defaults where it says nothing)."""
        return DataConfig.model_validate(self.document.project.data if self.document else {})

    def refresh(self) -> None:
        """Show the project's data section and reload the preview if what it loads changed."""
        if self.document is None:
            return
        try:
            config = self.config()
        except ValidationError as error:
            self._show_status(f"The project's data settings are not valid: {error}", error=True)
            return
        try:
            source = get_source(config.source)
        except Exception as error:  # an unknown source in the file: say so, keep the form
            self._show_status(str(error), error=True)
            return
        if source.id != self._source_shown:
            self._build_params(source)
        self._show_values(config, source)
        self._reload(config)

    def _show_values(self, config: DataConfig, source: DataSource) -> None:
        widgets = (self.source_combo, self.val_spin, self.test_spin, self.seed_spin,
                   self.normalize_check, self.crop_spin, self.flip_check, self.rotation_spin)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.source_combo.setCurrentIndex(self.source_combo.findData(source.id))
        self.source_combo.setToolTip(source.description)
        self.description.setText(source.description)
        self.val_spin.setValue(round(config.val_fraction * 100))
        self.test_spin.setValue(round(config.test_fraction * 100))
        self.test_spin.setEnabled(not source.official_test)
        self.test_spin.setToolTip(
            f"{source.name} has its own test split" if source.official_test
            else "Held out for the final test, after training"
        )  # fmt: skip
        self.seed_spin.setValue(config.seed)
        self.normalize_check.setChecked(config.normalize)
        self.crop_spin.setValue(config.augment.random_crop_padding)
        self.flip_check.setChecked(config.augment.horizontal_flip)
        self.rotation_spin.setValue(config.augment.rotation_degrees)
        for widget in widgets:
            widget.blockSignals(False)
        self.folder_edit.setText(config.root or "")
        params = source.defaults() | config.params
        for name, editor in self.editors.items():
            editor.set_value(params.get(name))

    # --- edits ---------------------------------------------------------------------------------

    def _set(self, path: tuple[str, ...], value: Any, what: str) -> None:
        """Write one field of the data section (a nested `path`) as one undoable edit."""
        if self.document is None:
            return
        data = copy.deepcopy(self.document.project.data)
        target = data
        for key in path[:-1]:
            target = target.setdefault(key, {})
        if target.get(path[-1]) == value:
            return
        target[path[-1]] = value
        self._push(data, f"Change {what}")

    def _push(self, data: dict[str, Any], text: str) -> None:
        assert self.document is not None
        try:
            DataConfig.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            self._show_status(f"data.{where}: {first['msg']}", error=True)
            self.refresh()
            return
        self.document.undo_stack.push(SetSectionCommand(self.document, "data", data, text))

    def _on_source_chosen(self, index: int) -> None:
        if self.document is None:
            return
        source_id = self.source_combo.itemData(index)
        data = copy.deepcopy(self.document.project.data)
        if data.get("source", "digits") == source_id:
            return
        data["source"] = source_id
        data.pop("params", None)  # they belong to the source chosen before
        self._push(data, f"Use {self.source_combo.itemText(index)} data")

    def _on_param(self, name: str, value: Any) -> None:
        self._set(("params", name), value, f"data {name.replace('_', ' ')}")

    def _on_folder_typed(self) -> None:
        self._set(("root",), self.folder_edit.text().strip() or None, "data folder")

    def _relative(self, path: str) -> str:
        """`path` relative to the project's folder when it lies inside it (files stay portable)."""
        project = self.document.path if self.document else None
        if project is not None:
            folder = project.parent.resolve()
            resolved = Path(path).resolve()
            if resolved.is_relative_to(folder):
                return os.path.relpath(resolved, folder)
        return path

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Choose the data folder", self.folder_edit.text()
        )
        if folder:
            self._set(("root",), self._relative(folder), "data folder")

    def choose_file(self, name: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a CSV file", "", "CSV files (*.csv *.tsv *.txt);;All files (*)"
        )
        if path:
            self._set(("params", name), self._relative(path), f"data {name.replace('_', ' ')}")

    # --- loading -------------------------------------------------------------------------------

    def _project_dir(self) -> Path | None:
        path = self.document.path if self.document else None
        return path.parent if path is not None else None

    def _reload(self, config: DataConfig) -> None:
        project_dir = self._project_dir()
        what = config.model_dump(mode="json", exclude={"augment"})
        key = json.dumps([what, str(project_dir)], sort_keys=True)
        self._waiting = not self.ready()
        if self._waiting:
            self._show_status("Loading… (PyTorch is starting)")
            self.preview.show_message("Loading…")
            return
        if key != self._load_key:
            self._load_key = key
            self._augment_key = None
            self._show_status("Loading…")
            self.preview.show_message("Loading…")
            self.loader.submit(
                lambda: load_preview(config, project_dir), self._on_loaded, self._on_failed
            )
        elif self.preview_data is not None:
            self._reaugment(config.augment)

    def _on_loaded(self, preview: PreviewData) -> None:
        self.preview_data = preview
        self._show_status(preview.summary)
        self.preview.show_preview(preview)
        self.augment_box.setEnabled(preview.kind == "image")
        if self.document is not None:
            self._reaugment(self.config().augment)
        self.preview_ready.emit(preview)

    def _on_failed(self, error: BaseException) -> None:
        self.preview_data = None
        message = str(error) or type(error).__name__
        source = get_source(self.config().source) if self.document else None
        if (
            source is not None
            and source.needs_root
            and ("not found" in message or "folder" in message)
        ):
            can_fetch = any(spec.name == "download" for spec in source.params)
            message = f"{message}\n\n{MISSING_HINT}{DOWNLOAD_HINT if can_fetch else ''}."
        self._show_status(message, error=True)
        self.preview.show_message(message)
        self.preview_ready.emit(message)

    def _reaugment(self, augment: AugmentConfig) -> None:
        preview = self.preview_data
        if preview is None or preview.kind != "image":
            return
        key = augment.model_dump_json()
        if key == self._augment_key:
            return
        self._augment_key = key
        self.augmenter.submit(
            lambda: augment_samples(preview, augment), self.preview.show_augmented
        )

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
