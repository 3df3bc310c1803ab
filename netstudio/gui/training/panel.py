"""The Training panel: Train/Pause/Stop, progress, messages, and the settings form.

Top to bottom: the run controls (the window's Train, Pause and Stop actions), a progress bar
("Epoch 3/10 · batch 120/844 · 5,400 samples/s · ETA 0:42"; before that, for data that takes
over half a second to load, "Loading the data — decoding images: 1,234 / 5,000 files · ETA
0:07"), the banner that says editing is
locked during a run, a banner with why training cannot start or why a run failed, and the
settings in a scroll area. Settings edits become one undo command each (`SetSectionCommand`):
steps of one field in a row merge into one, a typed entry is always a step of its own.
"""

from __future__ import annotations

import re
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.commands import SetSectionCommand
from netstudio.gui.data_messages import training_failure_shown
from netstudio.gui.document import Document
from netstudio.gui.evaluation.run_weights import RunWeights, percent, run_name
from netstudio.gui.progress_line import ProgressLine
from netstudio.gui.status_text import StatusText
from netstudio.gui.style import ERROR_COLOUR, WARNING_COLOUR, with_alpha
from netstudio.gui.training.session import FinishedRun, TrainingSession
from netstudio.gui.training.settings import TrainingSettingsForm
from netstudio.training.loading_progress import LoadingProgress
from netstudio.training.results import BatchMetrics, RunInfo, TrainingFailure

#: The panel's words are translated in the context "TrainingPanel" (docs/translating.md); the
#: constants below are English, translated where they are shown (`tr_text`).
translate = QCoreApplication.translate

LOCKED_TEXT = QT_TRANSLATE_NOOP(
    "TrainingPanel", "Training — editing is locked until the run ends (Stop to end it)"
)
READY_TEXT = QT_TRANSLATE_NOOP("TrainingPanel", "Ready: F5 trains this network")
#: A failed run's headline, by the failure's kind.
FAILURE_KINDS = {
    "nan": QT_TRANSLATE_NOOP("TrainingPanel", "The loss stopped being a number"),
    "shape": QT_TRANSLATE_NOOP("TrainingPanel", "Shapes do not fit"),
    "memory": QT_TRANSLATE_NOOP("TrainingPanel", "Out of memory"),
    "data": QT_TRANSLATE_NOOP("TrainingPanel", "The data could not be loaded"),
    "device": QT_TRANSLATE_NOOP("TrainingPanel", "Device not available"),
    "config": QT_TRANSLATE_NOOP("TrainingPanel", "The settings cannot work"),
    "error": QT_TRANSLATE_NOOP("TrainingPanel", "Training stopped"),
}


def tr_text(text: str) -> str:
    """One of this module's English constants in the language installed."""
    return translate("TrainingPanel", text)


def format_eta(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


#: Said beside a run's progress when its data streams from disk (the Data panel says why).
STREAMING_TEXT = QT_TRANSLATE_NOOP("TrainingPanel", "streaming from disk")


def loading_text(progress: LoadingProgress) -> str:
    """ "Loading the data — decoding images: 1,234 / 5,000 files · ETA 0:07"."""
    # The progress line itself is a headless message (netstudio.training.loading_progress).
    return translate("TrainingPanel", "Loading the data — {progress}").format(
        progress=i18n.translated(progress.line())
    )


def progress_text(info: RunInfo, batch: BatchMetrics, elapsed: float) -> tuple[str, float]:
    """The progress line and the fraction done, from the latest batch."""
    total = max(1, (info.epochs - info.start_epoch) * info.batches_per_epoch)
    done = (batch.epoch - 1 - info.start_epoch) * info.batches_per_epoch + batch.batch
    fraction = min(1.0, done / total)
    eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0.0
    text = translate(
        "TrainingPanel",
        "Epoch {epoch}/{epochs} · batch {batch}/{batches} · {speed} samples/s · ETA {eta}",
    ).format(
        epoch=i18n.number(batch.epoch),
        epochs=i18n.number(info.epochs),
        batch=i18n.number(batch.batch),
        batches=i18n.number(batch.batches),
        speed=i18n.number(round(batch.samples_per_second)),
        eta=format_eta(eta),
    )
    if info.streaming:
        text += f" · {tr_text(STREAMING_TEXT)}"
    return text, fraction


class Banner(QFrame):
    """A coloured, word-wrapped message strip; `show_message("")` hides it."""

    def __init__(self, name: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.colour = colour
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 6)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_colour(colour)
        self.hide()

    def set_colour(self, colour: str) -> None:
        fill = with_alpha(QColor(colour), 0.16).name(QColor.NameFormat.HexArgb)
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {fill}; border: 1px solid {colour};"
            " border-radius: 4px; }"
        )

    def show_message(self, text: str, closable: bool = True) -> None:
        self.label.setText(text)
        self.close_button.setVisible(closable)
        self.setVisible(bool(text))


class TrainingPanel(QWidget):
    """The Training dock's content (see module docstring)."""

    #: The project it shows changed (the new `Document`, or None); others follow it from here.
    document_changed = Signal(object)

    def __init__(
        self, session: TrainingSession, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.session = session
        self.document: Document | None = None
        self._info: RunInfo | None = None
        self._started = 0.0
        #: The status without "Paused — " (the words of the run's state shown under it).
        self._plain_status = tr_text(READY_TEXT)
        i18n.ensure_installed()  # English's plural forms ("1 epoch") when built alone
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        controls = QHBoxLayout()
        controls.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            controls.addWidget(button)
            self.buttons.append(button)
        controls.addStretch(1)
        layout.addLayout(controls)

        self.progress = ProgressLine(self, height=6)  # not a QProgressBar: see ProgressLine
        self.progress.setObjectName("training_progress")
        self.progress.setRange(0, 1000)
        layout.addWidget(self.progress)
        # Not a QLabel: its text changes 5 times a second during a run (see StatusText).
        self.status = StatusText(self._plain_status, lines=2, parent=self)
        self.status.setObjectName("training_status")
        layout.addWidget(self.status)

        self.locked = Banner("training_locked", WARNING_COLOUR, self)
        self.locked.show_message("")
        layout.addWidget(self.locked)
        self.checks = Banner("training_checks", WARNING_COLOUR, self)
        layout.addWidget(self.checks)
        self.failure = Banner("training_failure", ERROR_COLOUR, self)
        layout.addWidget(self.failure)

        self.form = TrainingSettingsForm(self)
        self.form.edited.connect(self._on_form_edited)
        scroll = QScrollArea(self)
        scroll.setObjectName("training_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)

        session.run_started.connect(self._on_run_started)
        session.loading_progressed.connect(self._on_loading)
        session.batches_ended.connect(self._on_batches)
        session.running_changed.connect(self._on_running)
        session.paused_changed.connect(self._on_paused)
        session.run_finished.connect(self._on_finished)
        session.refused.connect(self._on_refused)

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.section_changed.disconnect(self._on_section_changed)
            self.document.analysed.disconnect(self._on_analysed)
            self.document.networks_changed.disconnect(self._on_networks_changed)
        self.document = document
        if document is not None:
            # The form shows the training section; the checks read the data section too, and
            # the network's shapes and problems (`analysed`).
            document.section_changed.connect(self._on_section_changed)
            document.analysed.connect(self._on_analysed)
            document.networks_changed.connect(self._on_networks_changed)
        self._on_networks_changed()
        self.failure.show_message("")
        if not self.session.running:  # a project opens clean: nothing of the run before
            self._show_status(tr_text(READY_TEXT))
            self.progress.setValue(0)
        self._on_document_edited()
        if document is not None and document.analysed_once and self.form.device.devices is None:
            self.form.refresh_devices()  # analysed before this panel listened: PyTorch is here
        self.document_changed.emit(document)

    def _on_networks_changed(self) -> None:
        """The GAN's generator and discriminator are chosen among the project's networks."""
        document = self.document
        self.form.set_networks(list(document.project.networks) if document is not None else [])

    def _on_section_changed(self, section: str) -> None:
        if section == "training":
            self._on_document_edited()
        elif section == "data":
            self.update_checks()

    def _on_document_edited(self) -> None:
        document = self.document
        section = document.project.training if document is not None else {}
        if section != self.form.section:
            self.form.set_section(section)
        self.update_checks()

    def _on_analysed(self, _changed: Any = None, _problems: Any = None) -> None:
        if self.form.device.devices is None:
            self.form.refresh_devices()
        self.form.preview.set_config(self.form.config)  # PyTorch is ready: draw the preview
        self.update_checks()

    def _on_form_edited(self, section: dict[str, Any], text: str, typed: bool) -> None:
        document = self.document
        if document is None:
            return
        stack = document.undo_stack
        command = SetSectionCommand(document, "training", section, text)
        if not typed:
            stack.push(command)  # merges with the same field's change just before
            return
        # A typed entry is one step of its own: in a macro of one, it merges with nothing,
        # and nothing merges into it, so one Ctrl+Z undoes exactly this entry.
        stack.beginMacro(text)
        stack.push(command)
        stack.endMacro()

    def update_checks(self) -> None:
        """Show why training cannot start (nothing while a run is on or before PyTorch)."""
        document = self.document
        if self.session.running or document is None or not document.analysed_once:
            self.checks.show_message("")
            return
        problems = self.session.problems()
        self.checks.show_message(self._cannot_train(problems) if problems else "", False)

    def _cannot_train(self, problems: list[str]) -> str:
        text = "\n".join(f"• {i18n.translated(p)}" for p in problems)
        return self.tr("Cannot train yet:\n{problems}").format(problems=text)

    def _show_status(self, text: str, paused: bool = False) -> None:
        """Show `text` as the run's state, after "Paused — " while the run is paused."""
        self._plain_status = text
        if paused:
            text = self.tr("Paused — {status}").format(status=text)
        self.status.setText(text)

    # --- a run ---------------------------------------------------------------------------------

    def _on_refused(self, problems: list[str]) -> None:
        self.checks.show_message(self._cannot_train(problems), False)
        self._show_status(self.tr("Not started: see why above"))

    def _on_running(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.locked.show_message(tr_text(LOCKED_TEXT) if running else "", closable=False)
        if running:
            self.failure.show_message("")
            self.checks.show_message("")
            self.progress.setValue(0)
            self._info = None
            self._started = time.perf_counter()
            self._show_status(self.tr("Loading the data…"))
        else:
            self.update_checks()

    def _on_paused(self, paused: bool) -> None:
        self._show_status(self._plain_status, paused)

    def _on_loading(self, progress: LoadingProgress) -> None:
        """Loading the data takes a while: how far it is, and how long it still takes."""
        if self._info is not None:
            return  # a late report: the run has started
        self.progress.setValue(round(progress.fraction * 1000))
        self._show_status(loading_text(progress))

    def _on_run_started(self, info: RunInfo) -> None:
        self._info = info
        self._started = time.perf_counter()
        if info.streaming:
            text = self.tr(
                "Training on {device}: {parameters} parameters, {samples} samples, "
                "%Ln epoch(s) of {batches} batches, streaming from disk",
                "",
                info.epochs,
            )
        else:
            text = self.tr(
                "Training on {device}: {parameters} parameters, {samples} samples, "
                "%Ln epoch(s) of {batches} batches",
                "",
                info.epochs,
            )
        self._show_status(
            text.format(
                device=info.device,
                parameters=i18n.number(info.parameters),
                samples=i18n.number(info.train_samples),
                batches=i18n.number(info.batches_per_epoch),
            )
        )

    def _on_batches(self, batches: list[BatchMetrics]) -> None:
        if self._info is None or not batches:
            return
        text, fraction = progress_text(self._info, batches[-1], time.perf_counter() - self._started)
        self.progress.setValue(round(fraction * 1000))
        self._show_status(text, self.session.paused)

    def _on_finished(self, run: FinishedRun) -> None:
        record, result = run.record, run.result
        parts = [self._ended(record["status"], len(record["epochs"]))]
        seconds = i18n.locale().toString(float(record["seconds"]), "f", 1)
        parts.append(self.tr("{seconds} s", "seconds the run took").format(seconds=seconds))
        weights = RunWeights.of(record)
        if result.test_accuracy is not None:
            accuracy = percent(result.test_accuracy)
            if weights is not None:
                parts.append(
                    self.tr("test accuracy {accuracy} (weights: {weights})").format(
                        accuracy=accuracy, weights=weights.label
                    )
                )
            else:
                parts.append(self.tr("test accuracy {accuracy}").format(accuracy=accuracy))
        elif result.test_loss is not None:
            loss = i18n.locale().toString(float(result.test_loss), "g", 4)
            if weights is not None:
                parts.append(
                    self.tr("test loss {loss} (weights: {weights})").format(
                        loss=loss, weights=weights.label
                    )
                )
            else:
                parts.append(self.tr("test loss {loss}").format(loss=loss))
        self._show_status(" · ".join(parts) + f" — {run_name(record)}")
        if record["status"] != "failed":
            self.progress.setValue(1000)
        error = record["error"]
        if error is not None:
            self.failure.show_message(self.failure_text(error, result.failure))

    def _ended(self, status: str, epochs: int) -> str:
        """ "Finished after 3 epochs", by how the run ended."""
        if status == "finished":
            return self.tr("Finished after %Ln epoch(s)", "", epochs)
        if status == "stopped":
            return self.tr("Stopped after %Ln epoch(s)", "", epochs)
        if status == "early_stopped":
            return self.tr("Stopped early after %Ln epoch(s)", "", epochs)
        return self.tr("Failed after %Ln epoch(s)", "", epochs)

    def failure_text(self, error: dict[str, Any], failure: TrainingFailure | None = None) -> str:
        """Why a run failed: its kind's headline around the failure's own (headless) text, and
        the node at fault. `failure`: the run's own, said in the app's language (the record
        keeps the English)."""
        if failure is not None:
            message = training_failure_shown(failure)
        else:
            message = i18n.translated(error.get("message") or "")
        node_id = error.get("node_id")
        document = self.document
        title = tr_text(FAILURE_KINDS.get(str(error.get("kind")), FAILURE_KINDS["error"]))
        # The sentence ends here, in the language's own full stop: not the message's.
        message = message.removesuffix(".")
        text = self.tr("{kind}: {message}.", "a failed run's headline and why").format(
            kind=title, message=message[:1].upper() + message[1:]
        )
        if node_id and document is not None and node_id in document.graph:
            where = self.tr("At {node} (selected on the canvas).")
            text += "\n" + where.format(node=document.graph.node(node_id).label)
        # A sentence ends in one full stop; a range ("0..9") inside it stays.
        return re.sub(r"\.\.$", ".", text, flags=re.MULTILINE)
