"""A calm "arrives later" panel for docks whose content comes with a later part of NetStudio."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPanel(QWidget):
    """One sentence saying what the panel will hold (the dock's title names it)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        note = QLabel(text, self)
        note.setObjectName("placeholder_note")
        note.setWordWrap(True)
        note.setEnabled(False)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
