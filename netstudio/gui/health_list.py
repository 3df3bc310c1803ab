"""The Training health list: the warnings of the run on show, in plain words with their remedies.

It sits in the bottom dock beside Problems. Each warning names its node ("fc1: 92 % of its
outputs are zero … — lower the learning rate or try LeakyReLU"); double-clicking one selects
the node and centres the canvas on it (`node_activated`). It shows the `HealthView`'s run: the
one training, the one that ended, or one opened from the Runs table. Its words are in the app's
language: its own (context ``HealthList``) and the warnings' (`netstudio.training.health_warnings`
templates, translated with `i18n.translated`; a run's health.json keeps their codes and
arguments, and a run recorded before it did shows them in English).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import i18n
from netstudio.gui.health_view import HealthView
from netstudio.gui.icons import icon
from netstudio.gui.style import OK_COLOUR, WARNING_COLOUR

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the list says before any run recorded health (English; shown translated).
NOTHING_YET = QT_TRANSLATE_NOOP(
    "HealthList",
    "Train the network with Train > Record Layer Health on: each layer's health appears here "
    "while it trains, with what to do about any that struggles.",
)


class HealthList(QWidget):
    """The warnings of `health`'s run (see module docstring)."""

    node_activated = Signal(str)

    def __init__(self, health: HealthView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.health = health
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.heading = QLabel(self)
        self.heading.setObjectName("health_heading")
        self.heading.setWordWrap(True)
        self.heading.setMargin(4)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("health_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(self._activate)
        self.list.itemActivated.connect(self._activate)
        layout.addWidget(self.list)
        self._warning = icon("warning", QColor(WARNING_COLOUR))
        self._ok = icon("check", QColor(OK_COLOUR))
        health.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        health = self.health
        self.list.clear()
        if not health.epochs:
            self.heading.setText(self.tr(NOTHING_YET))
            self.heading.show()
            return
        last = health.epochs[-1]
        heading = self.tr("{source}: epoch {epoch}", "the run on show and its newest epoch")
        self.heading.setText(
            heading.format(source=health.source, epoch=i18n.number(last.epoch))
            if health.source
            else ""
        )
        self.heading.setVisible(bool(health.source))
        for warning in health.warnings:
            message = i18n.translated(warning.message)
            item = QListWidgetItem(self._warning, message)
            item.setData(NODE_ROLE, warning.node_id)
            item.setToolTip(message)
            self.list.addItem(item)
        if not health.warnings:
            item = QListWidgetItem(self._ok, self.tr("No warnings: every layer looks healthy."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)

    def messages(self) -> list[str]:
        """The list's lines, as the person reads them."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activate(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.node_activated.emit(node_id)
