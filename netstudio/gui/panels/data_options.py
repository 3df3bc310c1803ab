"""The Data panel's fixed groups: how the examples are split and normalised (any source), how
training images are augmented, and how much memory the data may take before it streams.

Unlike the source settings, these fields are the same for every source, so the groups are
built once. Like them, they only emit `edited`: the Data panel writes each edit as one undoable
change of the project's ``data`` section. A value the file holds beyond a field's range (a seed
above 2**31) is shown as written and marked, never raised or clamped silently; an entry a field
cannot take (a 95 % split) stays as typed, with why and what is allowed on a line under it, and
changes nothing. The fields edit the project: Undo and Redo reach the project from them.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui.field_marks import holds_project_fields, show_message, with_message_line
from netstudio.gui.number_boxes import FloatSpinBox, IntSpinBox
from netstudio.gui.panels.data_source_settings import group_form
from netstudio.gui.panels.data_source_words import source_text
from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.sources import DataSource


def add_number_row(form: QFormLayout, label: str, box: IntSpinBox | FloatSpinBox) -> QLabel:
    """Add `box` to `form` with a line under it that says why an entry was not taken."""
    field, message = with_message_line(box, form.parentWidget())
    box.refused.connect(lambda reason: show_message(message, reason))
    form.addRow(label, field)
    return message


class SplitsBox(QGroupBox):
    """The validation and test fractions, the seed, and normalisation."""

    #: A field of the data section changed: its path, the value, and what it is in words.
    edited = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Splits"))
        holds_project_fields(self)
        form = group_form(self)
        self.val_spin = self._percent_spin("data_val", "val_fraction", self.tr("validation split"))
        self.test_spin = self._percent_spin("data_test", "test_fraction", self.tr("test split"))
        self.seed_spin = IntSpinBox(self)
        self.seed_spin.setObjectName("data_seed")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setToolTip(self.tr("Seeds the split and the toy sets' points."))
        seed_what = self.tr("data seed")
        self.seed_spin.valueChanged.connect(lambda v: self.edited.emit(("seed",), v, seed_what))
        self.normalize_check = QCheckBox(self.tr("Normalise (mean 0, std 1)"), self)
        self.normalize_check.setObjectName("data_normalize")
        self.normalize_check.setToolTip(
            self.tr("Per channel or feature, with the training split's statistics.")
        )
        normalise_what = self.tr("normalisation")
        self.normalize_check.toggled.connect(
            lambda on: self.edited.emit(("normalize",), on, normalise_what)
        )
        add_number_row(form, self.tr("Validation"), self.val_spin)
        add_number_row(form, self.tr("Test"), self.test_spin)
        add_number_row(form, self.tr("Seed"), self.seed_spin)
        form.addRow(self.normalize_check)

    def _percent_spin(self, name: str, key: str, what: str) -> IntSpinBox:
        spin = IntSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, 90)
        spin.setSuffix(" %")
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v: self.edited.emit((key,), v / 100, what))
        return spin

    def show_config(self, config: DataConfig, source: DataSource) -> list[str]:
        """Show `config` without emitting edits; sources with their own test split fix it.
        Returns the values a field could not hold, one message each."""
        self.test_spin.setEnabled(not source.official_test)
        self.test_spin.setToolTip(
            self.tr("{source} has its own test split").format(source=source_text(source.name))
            if source.official_test
            else self.tr("Held out for the final test, after training")
        )
        shown = [
            (self.tr("Validation"), self.val_spin.show_number(round(config.val_fraction * 100))),
            (self.tr("Test"), self.test_spin.show_number(round(config.test_fraction * 100))),
            (self.tr("Seed"), self.seed_spin.show_number(config.seed)),
        ]
        with QSignalBlocker(self.normalize_check):
            self.normalize_check.setChecked(config.normalize)
        field_problem = self.tr("{field}: {problem}", "a field of the form, what is wrong with it")
        return [field_problem.format(field=f, problem=p) for f, p in shown if p]


class AugmentBox(QGroupBox):
    """Random crops, rotations and mirroring of the training images."""

    #: A field of the data section changed: its path, the value, and what it is in words.
    edited = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Augmentation (training images)"))
        holds_project_fields(self)
        form = group_form(self)
        self.crop_spin = IntSpinBox(self)
        self.crop_spin.setObjectName("augment_crop")
        self.crop_spin.setRange(0, 64)
        self.crop_spin.setSuffix(" px")
        self.crop_spin.setKeyboardTracking(False)
        #: The same words as AugmentConfig's field descriptions (the file's reference).
        self.crop_spin.setToolTip(
            self.tr("Pad by this many pixels, then crop back at a random offset.")
        )
        crop_what, flip_what = self.tr("crop padding"), self.tr("flip")
        self.crop_spin.valueChanged.connect(
            lambda v: self.edited.emit(("augment", "random_crop_padding"), v, crop_what)
        )
        self.flip_check = QCheckBox(self.tr("Mirror left-right"), self)
        self.flip_check.setObjectName("augment_flip")
        self.flip_check.toggled.connect(
            lambda on: self.edited.emit(("augment", "horizontal_flip"), on, flip_what)
        )
        self.rotation_spin = FloatSpinBox(self)
        self.rotation_spin.setObjectName("augment_rotation")
        self.rotation_spin.setDecimals(10)  # 7.5° stays 7.5°, never rounded silently
        self.rotation_spin.setRange(0, 180)
        self.rotation_spin.setSingleStep(1)
        self.rotation_spin.setSuffix("°")
        self.rotation_spin.setKeyboardTracking(False)
        self.rotation_spin.setToolTip(self.tr("Rotate by a random angle in [-degrees, +degrees]."))
        rotation_what = self.tr("rotation")
        self.rotation_spin.valueChanged.connect(
            lambda v: self.edited.emit(("augment", "rotation_degrees"), float(v), rotation_what)
        )
        add_number_row(form, self.tr("Crop padding"), self.crop_spin)
        add_number_row(form, self.tr("Rotation ±"), self.rotation_spin)
        form.addRow(self.flip_check)

    def show_config(self, augment: AugmentConfig) -> list[str]:
        """Show `augment` without emitting edits; returns the values a field could not hold."""
        problem = self.crop_spin.show_number(augment.random_crop_padding)
        self.rotation_spin.show_number(augment.rotation_degrees)  # its range is the config's
        with QSignalBlocker(self.flip_check):
            self.flip_check.setChecked(augment.horizontal_flip)
        field_problem = self.tr("{field}: {problem}", "a field of the form, what is wrong with it")
        return (
            [field_problem.format(field=self.tr("Crop padding"), problem=problem)]
            if problem
            else []
        )


#: The "Stream from disk" choices: the data section's value and what the person reads.
STREAMING_CHOICES = (
    ("auto", QT_TRANSLATE_NOOP("MemoryBox", "Automatic")),
    ("always", QT_TRANSLATE_NOOP("MemoryBox", "Always")),
    ("never", QT_TRANSLATE_NOOP("MemoryBox", "Never")),
)
#: What the memory budget box shows for no budget of its own (its minimum, 0): half the
#: memory available when Train starts.
AUTO_BUDGET_TEXT = QT_TRANSLATE_NOOP("MemoryBox", "Auto")


class MemoryBox(QGroupBox):
    """The memory budget the preloaded data may take, whether images stream from disk, and
    whether a streamed run keeps its decoded images on disk."""

    #: A field of the data section changed: its path, the value, and what it is in words.
    edited = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Memory"))
        holds_project_fields(self)
        form = group_form(self)
        self.budget_spin = IntSpinBox(self)
        self.budget_spin.setObjectName("data_memory_budget")
        self.budget_spin.setRange(0, 2**31 - 1)
        self.budget_spin.setSingleStep(256)
        self.budget_spin.setSuffix(" MB")
        self.budget_spin.setSpecialValueText(self.tr(AUTO_BUDGET_TEXT))
        self.budget_spin.setKeyboardTracking(False)
        self.budget_spin.setToolTip(
            self.tr(
                "Memory (MB) the data may take when it is read into memory before training; "
                "over it, image folders stream from disk. Auto: half the memory available."
            )
        )
        budget_what = self.tr("memory budget")
        self.budget_spin.valueChanged.connect(
            lambda v: self.edited.emit(("memory_budget_mb",), v or None, budget_what)
        )
        self.streaming_combo = QComboBox(self)
        self.streaming_combo.setObjectName("data_streaming")
        for value, text in STREAMING_CHOICES:
            self.streaming_combo.addItem(self.tr(text), value)
        self.streaming_combo.setToolTip(
            self.tr(
                "Read images from disk batch by batch instead of holding them all in memory. "
                "Automatic: when the data needs more than the memory budget."
            )
        )
        streaming_what = self.tr("streaming from disk")
        self.streaming_combo.activated.connect(
            lambda i: self.edited.emit(
                ("streaming",), self.streaming_combo.itemData(i), streaming_what
            )
        )
        self.cache_check = QCheckBox(self.tr("Cache decoded images on disk"), self)
        self.cache_check.setObjectName("data_decoded_cache")
        self.cache_check.setToolTip(
            self.tr(
                "When images stream from disk, keep each one decoded in the cache folder, so "
                "the epochs after the first read it back instead of decoding it again. Off when "
                "the disk has no room for them (the Data panel and the run's notes say so)."
            )
        )
        cache_what = self.tr("decoded-image cache")
        self.cache_check.toggled.connect(
            lambda on: self.edited.emit(("decoded_cache",), on, cache_what)
        )
        add_number_row(form, self.tr("Memory budget"), self.budget_spin)
        form.addRow(self.tr("Stream from disk"), self.streaming_combo)
        form.addRow(self.cache_check)

    def show_config(self, config: DataConfig) -> list[str]:
        """Show `config`'s memory settings without emitting edits; returns the values a field
        could not hold."""
        problem = self.budget_spin.show_number(config.memory_budget_mb or 0)
        with QSignalBlocker(self.streaming_combo):
            self.streaming_combo.setCurrentIndex(self.streaming_combo.findData(config.streaming))
        with QSignalBlocker(self.cache_check):
            self.cache_check.setChecked(config.decoded_cache)
        field_problem = self.tr("{field}: {problem}", "a field of the form, what is wrong with it")
        return (
            [field_problem.format(field=self.tr("Memory budget"), problem=problem)]
            if problem
            else []
        )
