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
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

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

TASKS = [("classification", "Classification"), ("regression", "Regression"),
         ("reconstruction", "Reconstruction"), ("gan", "Generative adversarial")]  # fmt: skip
GAN_NOISE = [("normal", "Normal (Gaussian)"), ("uniform", "Uniform (-1 to 1)")]
GAN_LOSSES = [("bce_with_logits", "Non-saturating BCE"), ("hinge", "Hinge")]
#: The groups a GAN run does not read (hidden for the task "gan"); the GAN's group shows then.
NOT_GAN_GROUPS = ("Optimizer", "Learning-rate schedule", "Regularization")
GAN_GROUP = "Generative adversarial"
#: The rows of the "Task and loss" group a GAN run does not read.
NOT_GAN_ROWS = ("loss.type", "loss.label_smoothing", "loss.huber_delta")
LOSSES = [("cross_entropy", "Cross-entropy"), ("nll", "NLL (log-probabilities)"),
          ("bce_with_logits", "BCE with logits"), ("bce", "BCE (probabilities)"), ("mse", "MSE"),
          ("l1", "L1 (MAE)"), ("huber", "Huber"), ("kl_div", "KL divergence")]  # fmt: skip
OPTIMIZERS = [("adam", "Adam"), ("adamw", "AdamW"), ("sgd", "SGD"), ("rmsprop", "RMSprop"),
              ("adagrad", "Adagrad")]  # fmt: skip
SCHEDULES = [("none", "Constant"), ("step", "Step"), ("multistep", "Multi-step"),
             ("exponential", "Exponential"), ("cosine", "Cosine"), ("one_cycle", "One-cycle"),
             ("reduce_on_plateau", "Reduce on plateau")]  # fmt: skip
METRICS = [("val_loss", "Validation loss"), ("val_accuracy", "Validation accuracy"),
           ("train_loss", "Training loss")]  # fmt: skip

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

        form = self._group(layout, "Task and loss")
        self._add(form, "Task", ChoiceField("task", TASKS, self))
        self._add(form, "Loss", ChoiceField("loss.type", LOSSES, self))
        self._add(form, "Label smoothing", FloatField("loss.label_smoothing", self, 0.05))
        self._add(form, "Huber delta", FloatField("loss.huber_delta", self, 0.1))

        form = self._group(layout, GAN_GROUP)
        self._add(form, "Generator", ChoiceField("gan.generator", [], self))
        self._add(form, "Discriminator", ChoiceField("gan.discriminator", [], self))
        self._add(form, "Noise size", IntField("gan.noise_size", self))
        self._add(form, "Noise", ChoiceField("gan.noise", GAN_NOISE, self))
        self._add(form, "GAN loss", ChoiceField("gan.loss", GAN_LOSSES, self))
        self._add(form, "D steps per G step", IntField("gan.d_steps", self))
        self._add(form, "Generator LR", FloatField("gan.generator_optimizer.lr", self, 0.0001))
        self._add(
            form, "Discriminator LR", FloatField("gan.discriminator_optimizer.lr", self, 1e-4)
        )

        form = self._group(layout, "Optimizer")
        self._add(form, "Optimizer", ChoiceField("optimizer.type", OPTIMIZERS, self))
        self._add(form, "Learning rate", FloatField("optimizer.lr", self, 0.0005))
        self._add(form, "Momentum", FloatField("optimizer.momentum", self, 0.05))
        self._add(form, "", BoolField("optimizer.nesterov", "Nesterov momentum", self))
        self._add(form, "Betas", NumbersField("optimizer.betas", self, float, count=2))
        self._add(form, "Epsilon", FloatField("optimizer.eps", self, 1e-8))
        self._add(form, "Alpha", FloatField("optimizer.alpha", self, 0.01))
        unfreeze = OptionalIntField("fine_tuning.unfreeze_every", self)
        unfreeze.widget.setToolTip(
            "Gradual unfreezing: every this many epochs one more frozen layer learns, from the "
            "one nearest the output back towards the input (blank or 0: off). Freeze layers "
            "with the Inspector's Trainable switch."
        )
        self._add(form, "Unfreeze every", unfreeze)
        statistics = BoolField(
            "fine_tuning.frozen_batchnorm_eval", "Frozen BatchNorm keeps its statistics", self
        )
        statistics.widget.setToolTip(
            "A frozen BatchNorm layer keeps the running mean and variance it came with (it runs "
            "in evaluation mode while the rest trains). Untick to let it follow the new data."
        )
        self._add(form, "", statistics)

        form = self._group(layout, "Learning-rate schedule")
        self._add(form, "Schedule", ChoiceField("schedule.type", SCHEDULES, self))
        self._add(form, "Step size", IntField("schedule.step_size", self))
        self._add(form, "Gamma", FloatField("schedule.gamma", self, 0.05))
        self._add(form, "Milestones", NumbersField("schedule.milestones", self, int))
        self._add(form, "Final LR", FloatField("schedule.min_lr", self, 0.0001))
        self._add(form, "Peak LR", FloatField("schedule.max_lr", self, 0.001, optional=True))
        self._add(form, "Patience", IntField("schedule.patience", self))
        self._add(form, "Factor", FloatField("schedule.factor", self, 0.05))
        self._add(form, "Warm-up epochs", IntField("schedule.warmup_epochs", self))
        self.preview = LrPreview(self)
        form.addRow(self.preview)

        form = self._group(layout, "Run")
        self._add(form, "Epochs", IntField("epochs", self))
        self._add(form, "Batch size", IntField("batch_size", self))
        self._add(form, "Seed", IntField("seed", self))
        self.device = DeviceField(self)
        self._add(form, "Device", self.device)
        self._add(form, "", BoolField("mixed_precision", "Mixed precision (float16)", self))

        form = self._group(layout, "Regularization")
        self._add(form, "Weight decay", FloatField("regularization.weight_decay", self, 0.0001))
        self._add(form, "L1 penalty", FloatField("regularization.l1", self, 0.0001))
        self._add(form, "Clip gradients", FloatField("regularization.grad_clip", self, 0.5, True))
        early = "regularization.early_stopping"
        self._add(form, "", BoolField(f"{early}.enabled", "Stop early", self))
        self._add(form, "Watch", ChoiceField(f"{early}.metric", METRICS, self))
        self._add(form, "Patience", IntField(f"{early}.patience", self))
        self._add(form, "Min. change", FloatField(f"{early}.min_delta", self, 0.001))
        self._add(form, "", BoolField(f"{early}.restore_best", "Restore the best epoch", self))

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
        box = QGroupBox(title, self)
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
                choices.append((chosen, f"{chosen} (no such network)"))
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
        self.edited.emit(copy.deepcopy(section), f"Change {label}", self.editors[path].typed())

    def _label(self, path: str) -> str:
        form, field = self._rows[path]
        label = form.labelForField(field)
        text = label.text() if isinstance(label, QLabel) else ""
        if not text:
            text = getattr(self.editors[path].widget, "text", lambda: path)()
        return text.lower() if text else path

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
