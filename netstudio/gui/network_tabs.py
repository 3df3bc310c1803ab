"""The tabs above the canvas: one per network of the project, the main one marked with a star.

Choosing a tab shows that network on the canvas (`Document.show_network`); the "+" button
adds a network; double-clicking a tab (or F2 on the tabs) renames it; the tab's context menu
renames, duplicates, deletes or makes it the main network. The tab bar only shows the
document's networks and asks for edits: the edits themselves are `BlockEditing`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTabBar, QToolButton, QVBoxLayout, QWidget

from netstudio.gui.document import Document

if TYPE_CHECKING:
    from netstudio.gui.actions import Actions

#: The mark of the main network's tab.
MAIN_MARK = "★ "


class NetworkTabBar(QTabBar):
    """A tab bar where F2 renames the current tab (before the window's F2 renames a node)."""

    rename_requested = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
        ):
            event.accept()  # F2 comes here as a key press
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.rename_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class NetworkTabs(QWidget):
    """The network tabs and their "+" button (see module docstring)."""

    #: The person chose to rename the shown network (double-click or F2).
    rename_requested = Signal()

    def __init__(self, actions: Actions, parent: QWidget) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.bar = NetworkTabBar(self)
        self.bar.setObjectName("network_tabs")
        self.bar.setDocumentMode(True)
        # Room below the text: a name's '_' is otherwise cut off by the tab's lower edge.
        self.bar.setStyleSheet(
            "QTabBar::tab { padding: 3px 12px 4px 12px; border: none;"
            " border-bottom: 2px solid transparent; }"
            "QTabBar::tab:selected { border-bottom: 2px solid palette(highlight); }"
            "QTabBar::tab:!selected:hover { border-bottom: 2px solid palette(mid); }"
        )
        self.bar.setExpanding(False)
        self.bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("network_add_button")
        # Not the action as its default: the button would take the action's text ("New
        # Network…") whenever the action changes (it is disabled while a run trains).
        add = actions.new_network
        self.add_button.setText("+")
        self.add_button.setToolTip(add.toolTip())
        self.add_button.clicked.connect(add.trigger)
        add.changed.connect(lambda: self.add_button.setEnabled(add.isEnabled()))
        self.add_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self._menu_actions = [actions.rename_network, actions.duplicate_network,
                              actions.delete_network, None, actions.set_main_network]  # fmt: skip
        self._filling = False
        self.bar.currentChanged.connect(self._on_current)
        self.bar.tabBarDoubleClicked.connect(self._on_double_click)
        self.bar.rename_requested.connect(self.rename_requested)
        self.bar.customContextMenuRequested.connect(self._context_menu)

    def set_document(self, document: Document) -> None:
        if self.document is not None:
            self.document.networks_changed.disconnect(self.fill)
            self.document.network_shown.disconnect(self._on_shown)
        self.document = document
        document.networks_changed.connect(self.fill)
        document.network_shown.connect(self._on_shown)
        self.fill()

    def names(self) -> list[str]:
        """The networks in tab order."""
        return [self.bar.tabData(i) for i in range(self.bar.count())]

    def fill(self) -> None:
        """One tab per network, the shown one current."""
        document = self.document
        if document is None:
            return
        project = document.project
        self._filling = True
        try:
            while self.bar.count():
                self.bar.removeTab(0)
            for name in project.networks:
                main = name == project.main
                index = self.bar.addTab((MAIN_MARK if main else "") + name)
                self.bar.setTabData(index, name)
                if main:
                    tip = self.tr("{network}: the main network, the one that trains")
                else:
                    tip = self.tr(
                        "{network}: used as a block (double-click a Block node to come here)"
                    )
                self.bar.setTabToolTip(index, tip.format(network=name))
            self.bar.setCurrentIndex(self.names().index(document.shown_name))
        finally:
            self._filling = False

    def _on_shown(self, _name: str) -> None:
        self.fill()

    def _on_current(self, index: int) -> None:
        if self._filling or self.document is None or index < 0:
            return
        self.document.show_network(self.bar.tabData(index))

    def _on_double_click(self, index: int) -> None:
        if index >= 0:
            self.bar.setCurrentIndex(index)
            self.rename_requested.emit()

    def _context_menu(self, at: QPoint) -> None:
        index = self.bar.tabAt(at)
        if index < 0:
            return
        self.bar.setCurrentIndex(index)  # the actions work on the shown network
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.bar.mapToGlobal(at))


def canvas_with_tabs(tabs: NetworkTabs, canvas: QWidget) -> QWidget:
    """The window's centre: the network tabs above the canvas."""
    centre = QWidget(canvas.parentWidget())
    layout = QVBoxLayout(centre)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(tabs)
    layout.addWidget(canvas, 1)
    return centre
