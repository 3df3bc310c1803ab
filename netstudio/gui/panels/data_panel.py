"""The Data panel: which examples the network trains on, how they are split, normalised and
augmented.

The panel stacks the source chooser over its groups: the chosen source's own settings
(`SourceSettingsBox`), the splits and augmentation (`SplitsBox`, `AugmentBox`), and the memory
budget and streaming (`MemoryBox`, which also says which way Train will read the data and why). Every edit
they emit is written to the project's ``data`` section through one undoable
`SetSectionCommand`, and the panel follows the section back on undo (it listens to the
document's changes of the data section only). After an edit a bounded sample of the data is
read on a worker (latest edit wins; an image folder is never loaded whole) for the `DataPreview`, which the main window
shows in its own dock; the one-line summary, "Loading…" or the reason it cannot load shows here.
An image folder's preview needs no PyTorch (`early_preview`): on opening, it is drawn while
torch is still loading, and the augmentation grid and the plan line (which run torch) follow
once it has loaded; other sources wait for it.

A data section the app cannot use as it is (a setting of the wrong type or out of range, from a
file edited by hand) never breaks the panel: the fields show what the file holds, marked, the
status says what is wrong, and nothing loads until an edit puts it right.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from netstudio.gui import i18n
from netstudio.gui.background import LatestJob
from netstudio.gui.commands import SetSectionCommand
from netstudio.gui.data_messages import data_error_shown
from netstudio.gui.document import Document
from netstudio.gui.field_marks import describe
from netstudio.gui.panels.data_options import AugmentBox, MemoryBox, SplitsBox
from netstudio.gui.panels.data_preview import DataPreview
from netstudio.gui.panels.data_source_settings import SourceSettingsBox
from netstudio.gui.panels.data_source_words import source_text
from netstudio.gui.panels.preview_data import (
    PreviewData,
    augment_samples,
    early_preview,
    is_folder,
    load_preview,
    loading_line,
)
from netstudio.gui.param_editors import ParamEditor
from netstudio.gui.style import ERROR_COLOUR
from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.sources import all_sources, get_source


class DataPanel(QWidget):
    """The data form of the current document (see module docstring)."""

    #: A preview finished loading (or failed: the message); tests and the dock title listen.
    preview_ready = Signal(object)
    #: A preview read without PyTorch ended (drawn, failed, or left to PyTorch after all): the
    #: window starts loading torch then.
    early_ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_panel")
        self.document: Document | None = None
        self.preview = DataPreview()
        self.preview_data: PreviewData | None = None
        self.loader = LatestJob(self)
        self.augmenter = LatestJob(self)
        self.planner = LatestJob(self)
        self._load_key: str | None = None
        self._augment_key: str | None = None
        #: Whether loading may start: the window says so once PyTorch has loaded behind it
        #: (importing torch from two threads at once is not safe).
        self.ready: Callable[[], bool] = lambda: True
        self._waiting = False
        #: The preview being read is read without PyTorch (`early_preview`).
        self._early = False
        self._build()

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
            self.source_combo.addItem(source_text(source.name), source.id)  # the id stays
            description = source_text(source.description)
            self.source_combo.setItemData(index, description, Qt.ItemDataRole.ToolTipRole)
        self.source_combo.activated.connect(self._on_source_chosen)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow(self.tr("Source"), self.source_combo)
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

        self.params_box = SourceSettingsBox(body)
        self.params_box.project_path = lambda: self.document.path if self.document else None
        self.splits_box = SplitsBox(body)
        self.augment_box = AugmentBox(body)
        self.memory_box = MemoryBox(body)
        for box in (self.params_box, self.splits_box, self.augment_box, self.memory_box):
            box.edited.connect(self._set)
            layout.addWidget(box)
        #: Which way Train will read the data and why (`loading_line`, computed on a worker).
        self.loading_plan = QLabel(body)
        self.loading_plan.setObjectName("data_loading_plan")
        self.loading_plan.setWordWrap(True)
        self.loading_plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.loading_plan)
        layout.addStretch(1)

        # The groups' widgets stay reachable on the panel (tests drive them by these names).
        self.params_form = self.params_box.form
        self.folder_edit = self.params_box.folder_edit
        self.folder_row = self.params_box.folder_row
        self.val_spin = self.splits_box.val_spin
        self.test_spin = self.splits_box.test_spin
        self.seed_spin = self.splits_box.seed_spin
        self.normalize_check = self.splits_box.normalize_check
        self.crop_spin = self.augment_box.crop_spin
        self.flip_check = self.augment_box.flip_check
        self.rotation_spin = self.augment_box.rotation_spin
        self.budget_spin = self.memory_box.budget_spin
        self.streaming_combo = self.memory_box.streaming_combo
        self.cache_check = self.memory_box.cache_check

    @property
    def editors(self) -> dict[str, ParamEditor]:
        """The editors of the shown source's own parameters, by parameter name."""
        return self.params_box.editors

    def choose_folder(self) -> None:
        """Pick the data folder with a dialog."""
        self.params_box.choose_folder()

    def choose_file(self, name: str) -> None:
        """Pick the file for the source parameter `name` with a dialog."""
        self.params_box.choose_file(name)

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.section_changed.disconnect(self._on_section_changed)
            self.document.analysed.disconnect(self._on_analysed)
        self.document = document
        self._load_key = self._augment_key = None
        if document is not None:
            document.section_changed.connect(self._on_section_changed)
            document.analysed.connect(self._on_analysed)
        self.refresh()

    def _on_section_changed(self, section: str) -> None:
        if section == "data":  # the panel shows the data section only
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
        data = self.document.project.data
        try:
            config = self.config()
        except ValidationError as error:
            try:  # only the source's own settings are wrong: show them, marked, to be fixed
                config = DataConfig.model_validate({**data, "params": {}})
            except ValidationError:
                said = self.tr("The project's data settings are not valid: {problem}")
                self._show_problems([said.format(problem=_first(error))])
                return
        try:
            source = get_source(config.source)
        except Exception as error:  # an unknown source in the file: say so, keep the form
            self._show_status(str(error), error=True)
            return
        self.source_combo.blockSignals(True)
        self.source_combo.setCurrentIndex(self.source_combo.findData(source.id))
        self.source_combo.blockSignals(False)
        self.source_combo.setToolTip(source_text(source.description))
        self.description.setText(source_text(source.description))
        params = data.get("params", {})
        if isinstance(params, dict):
            problems = source.problems(params)  # what would stop loading, in the file's words
        else:
            said = self.tr("data.params must name {source}'s settings, got {value}")
            problems = [said.format(source=source_text(source.name), value=describe(params))]
            params = {}
        shown = self.params_box.show_config(config, source, params)
        shown += self.splits_box.show_config(config, source)
        shown += self.augment_box.show_config(config.augment)
        shown += self.memory_box.show_config(config)
        if problems:
            self._show_problems(problems + [p for p in shown if p not in problems], bool(shown))
        else:
            self._reload(config)

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
        self._push(
            data, self.tr("Change {what}", "an edit of the Data panel, for Undo").format(what=what)
        )

    def _push(self, data: dict[str, Any], text: str) -> None:
        assert self.document is not None
        try:
            DataConfig.model_validate(data)
        except ValidationError as error:
            self._show_status(_first(error), error=True)
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
        text = self.tr("Use {source} data", "for Undo").format(
            source=self.source_combo.itemText(index)
        )
        self._push(data, text)

    # --- loading -------------------------------------------------------------------------------

    def _project_dir(self) -> Path | None:
        path = self.document.path if self.document else None
        return path.parent if path is not None else None

    def _reload(self, config: DataConfig) -> None:
        project_dir = self._project_dir()
        # The memory settings change only the plan line, never what the preview shows.
        memory = {"memory_budget_mb", "streaming", "decoded_cache"}
        what = config.model_dump(mode="json", exclude={"augment", *memory})
        key = json.dumps([what, str(project_dir)], sort_keys=True)
        self._waiting = not self.ready()
        # An image folder's preview needs no PyTorch: it is drawn while torch loads (the
        # augmentation grid and the plan line follow once it has loaded).
        early = self._waiting and is_folder(config, project_dir)
        if self._waiting and not early:
            self._show_status(self.tr("Loading… (PyTorch is starting)"))
            self.preview.show_message(self.tr("Loading…"))
            return
        if key != self._load_key:
            self._load_key = key
            self._augment_key = None
            self._show_status(self.tr("Loading…"))
            self.preview.show_message(self.tr("Loading…"))
            self.loading_plan.setText("")
            job = early_preview if early else load_preview
            self._early = early

            def submit() -> None:
                if self._load_key == key:  # still the data to show
                    self.loader.submit(
                        lambda: job(config, project_dir), self._on_loaded, self._on_failed
                    )

            if early:  # once the window opening the project is up (the job would slow it)
                QTimer.singleShot(0, self, submit)
            else:
                submit()
        elif self.preview_data is not None and not self._waiting:
            self._reaugment(config.augment)
            self._replan(config)

    @property
    def loading_early(self) -> bool:
        """Whether a preview drawn without PyTorch is being read now (the window loads torch
        once it is drawn, so that the two do not compete)."""
        return self._early

    def _end_early(self) -> None:
        if self._early:
            self._early = False
            self.early_ended.emit()

    def _on_loaded(self, preview: PreviewData | None) -> None:
        if preview is None:  # not to be drawn without PyTorch after all: wait for it
            self._end_early()
            self._load_key = None
            self._waiting = not self.ready()
            if self._waiting:
                self._show_status(self.tr("Loading… (PyTorch is starting)"))
            else:
                self.refresh()
            return
        self.preview_data = preview
        self._show_status(self.summary_text(preview))
        self.preview.show_preview(preview)
        self.augment_box.setEnabled(preview.kind == "image")
        self._waiting = not self.ready()
        if self.document is not None and not self._waiting:  # both run PyTorch
            config = self.config()
            self._reaugment(config.augment)
            self._replan(config)
        self.preview_ready.emit(preview)
        self._end_early()

    def summary_text(self, preview: PreviewData) -> str:
        """The data's one-line summary in the person's language (`preview.summary` is the
        English one, as logs write it; the same words in English)."""
        shape = "×".join(str(d) for d in preview.input_shape)
        classes = preview.classes
        if preview.split_sizes is None:  # an image folder's sample
            said = self.tr("{name}: {train} train / {rest} val and test, {shape}, {what}")
            what = self.tr("%Ln classes", "", len(classes or []))
            rest = preview.total - preview.train_count
            return said.format(
                name=shown_name(preview.name),
                train=i18n.number(preview.train_count),
                rest=i18n.number(rest),
                shape=shape,
                what=what,
            )
        train, val, test = preview.split_sizes
        what = self.tr("%Ln classes", "", len(classes)) if classes is not None else ""
        what = what or self.tr("regression")
        said = self.tr("{name}: {train} train / {val} val / {test} test, {shape}, {what}")
        number = i18n.number
        return said.format(name=shown_name(preview.name), train=number(train), val=number(val),
                           test=number(test), shape=shape, what=what)  # fmt: skip

    def _replan(self, config: DataConfig) -> None:
        """Say which way Train will read the data and why (the memory available is read on a
        worker)."""
        preview = self.preview_data
        if preview is None:
            return
        streaming, budget, cache = config.streaming, config.memory_budget_mb, config.decoded_cache
        self.planner.submit(
            lambda: loading_line(preview, streaming, budget, cache),
            self.loading_plan.setText,
            lambda error: self.loading_plan.setText(
                self.tr("Train: {reason}", "how Train will read the data").format(
                    reason=data_error_shown(error)
                )
            ),
        )

    def _on_failed(self, error: BaseException) -> None:
        self.preview_data = None
        self.loading_plan.setText("")
        message = data_error_shown(error, in_data_panel=True)
        self._show_status(message, error=True)
        self.preview.show_message(message)
        self.preview_ready.emit(message)
        self._end_early()

    def _reaugment(self, augment: AugmentConfig) -> None:
        preview = self.preview_data
        if preview is None or preview.kind != "image":
            return
        key = augment.model_dump_json()
        if key == self._augment_key:
            return
        self._augment_key = key
        self.augmenter.submit(
            lambda: augment_samples(preview, augment),
            self.preview.show_augmented,
            lambda error: self.preview.show_augment_failed(i18n.error_said(error)),
        )

    def _show_problems(self, problems: list[str], marked: bool = False) -> None:
        """Say what is wrong with the data settings (`marked`: the fields at fault are marked
        in red); nothing loads until an edit fixes them, and a load still running is
        forgotten."""
        self.loader.cancel()
        self.augmenter.cancel()
        self.planner.cancel()
        self._end_early()
        self.loading_plan.setText("")
        self._load_key = self._augment_key = None
        self.preview_data = None
        message = "\n".join(problems)
        if marked:
            message += "\n\n" + self.tr("Change the fields marked in red to put this right.")
        self._show_status(message, error=True)
        self.preview.show_message(message)
        self.preview_ready.emit(message)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")


def shown_name(name: str) -> str:
    """A loaded data's `name` in the person's language: a source's name ("Digits (8×8)"), or a
    source's name and then the folder or file it read ("Image folder flowers", "CSV
    iris.csv"), the source's part translated (a dataset's own name, MNIST, stays as it is)."""
    for source in all_sources():
        if name == source.name:
            return source_text(name)
        if name.startswith(source.name + " "):
            return source_text(source.name) + name[len(source.name) :]
    return name


def _first(error: ValidationError) -> str:
    """The first thing pydantic found wrong with the data section, at its path in the file."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"data.{where}: {first['msg']}" if where else f"data: {first['msg']}"
