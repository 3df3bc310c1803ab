"""The few questions and messages the editor puts to the person, in plain words."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> Answer:
    """Save, Discard or Cancel for a project with unsaved changes."""
    Button = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Save changes?"),
        translate(
            "Dialogs", "“{name}” has changes that are not saved.\nSave them before closing?"
        ).format(name=name),
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )
    if answer == Button.Save:
        return Answer.SAVE
    if answer == Button.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def ask_stop_run(parent: QWidget) -> bool:
    """Whether to stop the run in progress and close (Stop and Close, or Cancel)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Stop training?"),
        translate("Dialogs", "A run is training. Stop it and close?"),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("stop_run_box")
    box.setInformativeText(
        translate(
            "Dialogs",
            "Its metrics so far and its latest weights are kept in the project's run history.",
        )
    )
    stop = box.addButton(
        translate("Dialogs", "Stop and Close"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is stop


def show_message(
    parent: QWidget,
    title: str,
    text: str,
    details: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
) -> None:
    """A modal message; `details` (e.g. every problem of a file) behind a Details button."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("message_box")
    if details:
        box.setDetailedText(details)
    box.exec()


class Restore(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def ask_restore(parent: QWidget, name: str, when: str) -> Restore:
    """Restore, Discard or Later for work autosaved before NetStudio closed unexpectedly."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Restore unsaved work?"),
        translate(
            "Dialogs",
            "NetStudio closed without saving the changes to “{name}”.\n"
            "They were autosaved {when}. Restore them?",
        ).format(name=name, when=when),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("restore_box")
    box.setInformativeText(
        translate("Dialogs", "Later keeps them for the next start; Discard deletes them.")
    )
    restore = box.addButton(translate("Dialogs", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Dialogs", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return Restore.RESTORE
    return Restore.DISCARD if clicked is discard else Restore.LATER


class SaveOver(Enum):
    """The answers to "save over a file that may hold something else?"."""

    SAVE = "save"
    SAVE_AS = "save_as"
    CANCEL = "cancel"


def ask_save_over(parent: QWidget, path: Path, warning: str) -> SaveOver:
    """Save There, Save As… or Cancel, for a project whose file `warning` says may not be its
    own any more (e.g. "has changed since the autosave: …")."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Save over this file?"),
        translate("Dialogs", "Save the restored work to {path}?").format(path=path),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("save_over_box")
    box.setInformativeText(
        translate(
            "Dialogs",
            "That file {warning}. Save There writes the work there; Save As… chooses another file.",
            "the warning says what happened to the file: “is gone: it was moved or deleted…”",
        ).format(warning=warning)
    )
    there = box.addButton(
        translate("Dialogs", "Save There"), QMessageBox.ButtonRole.DestructiveRole
    )
    elsewhere = box.addButton(translate("Dialogs", "Save As…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(elsewhere)
    box.exec()
    clicked = box.clickedButton()
    if clicked is there:
        return SaveOver.SAVE
    return SaveOver.SAVE_AS if clicked is elsewhere else SaveOver.CANCEL
