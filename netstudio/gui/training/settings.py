"""The training settings form: task, loss, optimizer, schedule, run, regularization.

For the task "Generative adversarial" (a GAN) the form shows the GAN's own settings instead of
the loss, the optimizer, the schedule and the regularization (a GAN run reads none of them): the
generator and the discriminator (combos of the project's networks, `set_networks`), the noise
size and distribution, the loss, the discriminator steps per generator step, and each network's
learning rate.

Grouped, compact, one label column; only the parameters that apply to the chosen loss,
optimizer and schedule are shown. Every change is validated against `TrainingConfig` and then
announced with `edited(new_section, text, typed)` for the panel to push as one undo command; a
value the model refuses (Nesterov without momentum) is shown under the form instead. An entry a
field cannot take (-5 epochs, a learning rate of 0) stays as typed, with why and what is allowed
on a line under the field, and changes nothing. The fields edit the project: Undo and Redo reach
the project from them.
"""

from __future__ import annotations

import copy
import sys
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.field_marks import holds_project_fields, show_message, with_message_line
from netstudio.gui.style import ERROR_COLOUR
from netstudio.gui.training.devices import DeviceField
from netstudio.gui.training.fields import (
    BoolField,
    ChoiceField,
    FieldEditor,
    FloatField,
    IntField,
    NumbersField,
    OptionalIntField,
    get_path,
    set_path,
)
from netstudio.gui.training.lr_preview import LrPreview
from netstudio.training.config import GanConfig, TrainingConfig

#: The form's words are translated in the context "TrainingSettingsForm"; the tables below
#: hold English (the groups are keyed by their English titles), translated where shown.
CONTEXT = "TrainingSettingsForm"
TASKS = [
    ("classification", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Classification")),
    ("regression", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Regression")),
    ("reconstruction", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Reconstruction")),
    ("gan", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Generative adversarial")),
]
GAN_NOISE = [
    ("normal", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Normal (Gaussian)")),
    ("uniform", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Uniform (-1 to 1)")),
]
GAN_LOSSES = [
    ("bce_with_logits", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Non-saturating BCE")),
    ("hinge", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Hinge")),
]
#: The groups a GAN run does not read (hidden for the task "gan"); the GAN's group shows then.
NOT_GAN_GROUPS = (
    QT_TRANSLATE_NOOP("TrainingSettingsForm", "Optimizer"),
    QT_TRANSLATE_NOOP("TrainingSettingsForm", "Learning-rate schedule"),
    QT_TRANSLATE_NOOP("TrainingSettingsForm", "Regularization"),
)
GAN_GROUP = QT_TRANSLATE_NOOP("TrainingSettingsForm", "Generative adversarial")
#: The rows of the "Task and loss" group a GAN run does not read.
NOT_GAN_ROWS = ("loss.type", "loss.label_smoothing", "loss.huber_delta")
LOSSES = [
    ("cross_entropy", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Cross-entropy")),
    ("nll", QT_TRANSLATE_NOOP("TrainingSettingsForm", "NLL (log-probabilities)")),
    ("bce_with_logits", QT_TRANSLATE_NOOP("TrainingSettingsForm", "BCE with logits")),
    ("bce", QT_TRANSLATE_NOOP("TrainingSettingsForm", "BCE (probabilities)")),
    ("mse", QT_TRANSLATE_NOOP("TrainingSettingsForm", "MSE")),
    ("l1", QT_TRANSLATE_NOOP("TrainingSettingsForm", "L1 (MAE)")),
    ("huber", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Huber")),
    ("kl_div", QT_TRANSLATE_NOOP("TrainingSettingsForm", "KL divergence")),
]
#: PyTorch's own class names: never translated.
OPTIMIZERS = [
    ("adam", "Adam"),
    ("adamw", "AdamW"),
    ("sgd", "SGD"),
    ("rmsprop", "RMSprop"),
    ("adagrad", "Adagrad"),
]
SCHEDULES = [
    ("none", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Constant")),
    ("step", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Step")),
    ("multistep", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Multi-step")),
    ("exponential", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Exponential")),
    ("cosine", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Cosine")),
    ("one_cycle", QT_TRANSLATE_NOOP("TrainingSettingsForm", "One-cycle")),
    ("reduce_on_plateau", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Reduce on plateau")),
]
METRICS = [
    ("val_loss", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Validation loss")),
    ("val_accuracy", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Validation accuracy")),
    ("train_loss", QT_TRANSLATE_NOOP("TrainingSettingsForm", "Training loss")),
]


def translated_choices(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(value, label) choices with their labels in the language installed."""
    return [(value, QCoreApplication.translate(CONTEXT, label)) for value, label in choices]


#: Which fields show for which choice: path -> (the choice's path, the values it shows for).
SHOWN_FOR: dict[str, tuple[str, set[str]]] = {
    "loss.label_smoothing": ("loss.type", {"cross_entropy"}),
    "loss.huber_delta": ("loss.type", {"huber"}),
    "optimizer.momentum": ("optimizer.type", {"sgd", "rmsprop"}),
    "optimizer.nesterov": ("optimizer.type", {"sgd"}),
    "optimizer.betas": ("optimizer.type", {"adam", "adamw"}),
    "optimizer.eps": ("optimizer.type", {"adam", "adamw", "rmsprop", "adagrad"}),
    "optimizer.alpha": ("optimizer.type", {"rmsprop"}),
    "schedule.step_size": ("schedule.type", {"step"}),
    "schedule.gamma": ("schedule.type", {"step", "multistep", "exponential"}),
    "schedule.milestones": ("schedule.type", {"multistep"}),
    "schedule.min_lr": ("schedule.type", {"cosine"}),
    "schedule.max_lr": ("schedule.type", {"one_cycle"}),
    "schedule.patience": ("schedule.type", {"reduce_on_plateau"}),
    "schedule.factor": ("schedule.type", {"reduce_on_plateau"}),
    "schedule.warmup_epochs": ("schedule.type", {"step", "multistep", "exponential", "cosine",
                                                 "one_cycle", "reduce_on_plateau"}),
    "regularization.early_stopping.metric": ("regularization.early_stopping.enabled", {"True"}),
    "regularization.early_stopping.patience": ("regularization.early_stopping.enabled", {"True"}),
    "regularization.early_stopping.min_delta": ("regularization.early_stopping.enabled", {"True"}),
    "regularization.early_stopping.restore_best": ("regularization.early_stopping.enabled",
                                                   {"True"}),
}  # fmt: skip


class TrainingSettingsForm(QWidget):
    """The settings of the ``training`` section (see module docstring)."""

    #: (the new training section, what changed, for the undo history, whether the change
    #: was a typed entry: an undo step of its own, never merged with the one before)
    edited = Signal(object, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_settings")
        self.section: dict[str, Any] = {}
        self.config = TrainingConfig()
        self._valid = True  # whether `section` is a valid TrainingConfig
        self.editors: dict[str, FieldEditor] = {}
        #: Each field's row: its form and the widget placed there (the field and its
        #: message line).
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        #: The line under each field that says why an entry was not taken.
        self.messages: dict[str, QLabel] = {}
        #: The group boxes by title (the GAN's shows for its task only, the others without).
        self.groups: dict[str, QGroupBox] = {}
        #: The project's network names (the GAN's generator and discriminator are chosen among).
        self.networks: list[str] = []
        holds_project_fields(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        form = self._group(layout, QT_TRANSLATE_NOOP("TrainingSettingsForm", "Task and loss"))
        self._add(form, self.tr("Task"), ChoiceField("task", translated_choices(TASKS), self))
        self._add(form, self.tr("Loss"), ChoiceField("loss.type", translated_choices(LOSSES), self))
        self._add(form, self.tr("Label smoothing"), FloatField("loss.label_smoothing", self, 0.05))
        self._add(form, self.tr("Huber delta"), FloatField("loss.huber_delta", self, 0.1))

        form = self._group(layout, GAN_GROUP)
        self._add(form, self.tr("Generator"), ChoiceField("gan.generator", [], self))
        self._add(form, self.tr("Discriminator"), ChoiceField("gan.discriminator", [], self))
        self._add(form, self.tr("Noise size"), IntField("gan.noise_size", self))
        self._add(
            form, self.tr("Noise"), ChoiceField("gan.noise", translated_choices(GAN_NOISE), self)
        )
        gan_losses = translated_choices(GAN_LOSSES)
        self._add(form, self.tr("GAN loss"), ChoiceField("gan.loss", gan_losses, self))
        self._add(form, self.tr("D steps per G step"), IntField("gan.d_steps", self))
        generator_lr = FloatField("gan.generator_optimizer.lr", self, 0.0001)
        self._add(form, self.tr("Generator LR"), generator_lr)
        discriminator_lr = FloatField("gan.discriminator_optimizer.lr", self, 1e-4)
        self._add(form, self.tr("Discriminator LR"), discriminator_lr)

        form = self._group(layout, NOT_GAN_GROUPS[0])
        self._add(form, self.tr("Optimizer"), ChoiceField("optimizer.type", OPTIMIZERS, self))
        self._add(form, self.tr("Learning rate"), FloatField("optimizer.lr", self, 0.0005))
        self._add(form, self.tr("Momentum"), FloatField("optimizer.momentum", self, 0.05))
        self._add(form, "", BoolField("optimizer.nesterov", self.tr("Nesterov momentum"), self))
        self._add(form, self.tr("Betas"), NumbersField("optimizer.betas", self, float, count=2))
        self._add(form, self.tr("Epsilon"), FloatField("optimizer.eps", self, 1e-8))
        self._add(form, self.tr("Alpha"), FloatField("optimizer.alpha", self, 0.01))
        unfreeze = OptionalIntField("fine_tuning.unfreeze_every", self)
        unfreeze.widget.setToolTip(
            self.tr(
                "Gradual unfreezing: every this many epochs one more frozen layer learns, from "
                "the one nearest the output back towards the input (blank or 0: off). Freeze "
                "layers with the Inspector's Trainable switch."
            )
        )
        self._add(form, self.tr("Unfreeze every"), unfreeze)
        statistics = BoolField(
            "fine_tuning.frozen_batchnorm_eval",
            self.tr("Frozen BatchNorm keeps its statistics"),
            self,
        )
        statistics.widget.setToolTip(
            self.tr(
                "A frozen BatchNorm layer keeps the running mean and variance it came with (it "
                "runs in evaluation mode while the rest trains). Untick to let it follow the new "
                "data."
            )
        )
        self._add(form, "", statistics)

        form = self._group(layout, NOT_GAN_GROUPS[1])
        schedules = translated_choices(SCHEDULES)
        self._add(form, self.tr("Schedule"), ChoiceField("schedule.type", schedules, self))
        self._add(form, self.tr("Step size"), IntField("schedule.step_size", self))
        self._add(form, self.tr("Gamma"), FloatField("schedule.gamma", self, 0.05))
        self._add(form, self.tr("Milestones"), NumbersField("schedule.milestones", self, int))
        self._add(form, self.tr("Final LR"), FloatField("schedule.min_lr", self, 0.0001))
        peak = FloatField("schedule.max_lr", self, 0.001, optional=True)
        self._add(form, self.tr("Peak LR"), peak)
        self._add(form, self.tr("Patience"), IntField("schedule.patience", self))
        self._add(form, self.tr("Factor"), FloatField("schedule.factor", self, 0.05))
        self._add(form, self.tr("Warm-up epochs"), IntField("schedule.warmup_epochs", self))
        self.preview = LrPreview(self)
        form.addRow(self.preview)

        form = self._group(layout, QT_TRANSLATE_NOOP("TrainingSettingsForm", "Run"))
        self._add(form, self.tr("Epochs"), IntField("epochs", self))
        self._add(form, self.tr("Batch size"), IntField("batch_size", self))
        self._add(form, self.tr("Seed"), IntField("seed", self))
        self.device = DeviceField(self)
        self._add(form, self.tr("Device"), self.device)
        mixed = BoolField("mixed_precision", self.tr("Mixed precision (float16)"), self)
        self._add(form, "", mixed)

        form = self._group(layout, NOT_GAN_GROUPS[2])
        decay = FloatField("regularization.weight_decay", self, 0.0001)
        self._add(form, self.tr("Weight decay"), decay)
        self._add(form, self.tr("L1 penalty"), FloatField("regularization.l1", self, 0.0001))
        clip = FloatField("regularization.grad_clip", self, 0.5, True)
        self._add(form, self.tr("Clip gradients"), clip)
        early = "regularization.early_stopping"
        self._add(form, "", BoolField(f"{early}.enabled", self.tr("Stop early"), self))
        watch = ChoiceField(f"{early}.metric", translated_choices(METRICS), self)
        self._add(form, self.tr("Watch"), watch)
        self._add(form, self.tr("Patience"), IntField(f"{early}.patience", self))
        self._add(form, self.tr("Min. change"), FloatField(f"{early}.min_delta", self, 0.001))
        restore = BoolField(f"{early}.restore_best", self.tr("Restore the best epoch"), self)
        self._add(form, "", restore)

        self.error = QLabel(self)
        self.error.setObjectName("training_settings_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._align_labels()
        self.set_section({})

    def _align_labels(self) -> None:
        """One label column across all the groups: each label as wide as the widest."""
        labels = [
            label
            for form, widget in self._rows.values()
            if isinstance(label := form.labelForField(widget), QLabel)
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def _group(self, layout: QVBoxLayout, title: str) -> QFormLayout:
        """A group box titled `title` (English: the key of `groups`; shown translated)."""
        box = QGroupBox(self.tr(title), self)
        self.groups[title] = box
        form = QFormLayout(box)
        form.setContentsMargins(8, 6, 8, 8)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(5)
        form.setLabelAlignment(form.labelAlignment())
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(box)
        return form

    def _add(self, form: QFormLayout, label: str, editor: FieldEditor) -> None:
        field, message = with_message_line(editor.widget, self)
        form.addRow(label, field)
        self.editors[editor.path] = editor
        self._rows[editor.path] = (form, field)
        self.messages[editor.path] = message
        editor.committed.connect(self._commit)
        editor.invalid.connect(self._on_invalid)

    # --- showing and editing -------------------------------------------------------------------

    def set_section(self, section: dict[str, Any]) -> None:
        """Show the project's ``training`` section (invalid values: the defaults are shown)."""
        self.section = copy.deepcopy(section)
        try:
            self.config = TrainingConfig.model_validate(section)
            self._valid = True
            self._show_error("")
        except ValidationError as error:
            self.config = TrainingConfig()
            self._valid = False
            self._show_error(_first_error(error))
        values = self._values()
        for path, editor in self.editors.items():
            editor.set_value(get_path(values, path))
        self._show_networks(values)
        self._update_rows()
        self.preview.set_config(self.config)

    def set_networks(self, names: list[str]) -> None:
        """The project's networks now: the GAN's generator and discriminator are among them."""
        self.networks = list(names)
        self._show_networks(self._values())

    def _values(self) -> dict[str, Any]:
        """The settings shown (the GAN's defaults where the section has none)."""
        values = self.config.model_dump()
        if values.get("gan") is None:
            values["gan"] = GanConfig().model_dump()
        return values

    def _show_networks(self, values: dict[str, Any]) -> None:
        for path in ("gan.generator", "gan.discriminator"):
            chosen = get_path(values, path)
            choices = [(name, name) for name in self.networks]
            if chosen not in self.networks:  # a name the project lacks: shown, and a Problem
                missing = self.tr("{network} (no such network)").format(network=chosen)
                choices.append((chosen, missing))
            editor = self.editors[path]
            assert isinstance(editor, ChoiceField)
            editor.set_choices(choices, chosen)

    def refresh_devices(self) -> None:
        """List this machine's devices (call once PyTorch has loaded)."""
        if "torch" in sys.modules:
            self.device.refresh()
            self.device.set_value(self.config.device)
            self._update_rows()
            self.preview.set_config(self.config)

    def _on_invalid(self, path: str, message: str) -> None:
        show_message(self.messages[path], message)

    def _commit(self, path: str, value: Any) -> None:
        section = copy.deepcopy(self.section)
        set_path(section, path, value)
        try:
            config = TrainingConfig.model_validate(section)
        except ValidationError as error:
            self._show_error(_first_error(error))
            return
        self._show_error("")
        if section == self.section or (self._valid and config == self.config):
            return  # the value it holds, entered again: no edit, no undo step
        self._valid = True
        self.section, self.config = section, config
        self._update_rows()
        self.preview.set_config(config)
        label = self._label(path)
        text = self.tr("Change {setting}", "an undo step: a training setting").format(setting=label)
        self.edited.emit(copy.deepcopy(section), text, self.editors[path].typed())

    def _label(self, path: str) -> str:
        form, field = self._rows[path]
        label = form.labelForField(field)
        text = label.text() if isinstance(label, QLabel) else ""
        if not text:
            text = getattr(self.editors[path].widget, "text", lambda: path)()
        if not text:
            return path
        # "Change learning rate": English lowers the label in a sentence; others keep it.
        return text.lower() if i18n.language() in ("", "en") else text

    def _update_rows(self) -> None:
        values = self.config.model_dump()
        for path, (choice, shown_for) in SHOWN_FOR.items():
            form, widget = self._rows[path]
            form.setRowVisible(widget, str(get_path(values, choice)) in shown_for)
        gan = self.config.task == "gan"
        for path in NOT_GAN_ROWS:
            form, widget = self._rows[path]
            if gan:
                form.setRowVisible(widget, False)
            elif path == "loss.type":
                form.setRowVisible(widget, True)
        for title in NOT_GAN_GROUPS:
            self.groups[title].setVisible(not gan)
        self.groups[GAN_GROUP].setVisible(gan)
        form, widget = self._rows["mixed_precision"]
        self.editors["mixed_precision"].widget.setEnabled(self.device.has_cuda(self.config.device))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"training.{where}: {message}" if where else message
