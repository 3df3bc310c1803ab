"""The Help menu's pages: Getting started and Keyboard shortcuts (Layer reference is
`layer_reference`).

Both are generated from what the window really has: Getting started names the keys of the
declared actions, and the shortcuts table lists every action that has a shortcut, read when
the page opens, so neither goes stale when an action or a key changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import examples_dialog
from netstudio.gui.i18n import plain_text
from netstudio.gui.icons import icon

if TYPE_CHECKING:
    from netstudio.gui.actions import Actions
    from netstudio.gui.main_window import MainWindow

DIGITS_EXAMPLE = "digits_mlp.net"
NATIVE = QKeySequence.SequenceFormat.NativeText


# Key codes of the keys only some keyboards have (a Help, New, Copy or Zoom In key, media
# and phone keys): the platform's standard bindings include them, the table leaves them out.
SPECIAL_KEYS = (
    range(Qt.Key.Key_Help.value, Qt.Key.Key_Help.value + 1),
    range(Qt.Key.Key_Back.value, 0x01001100),
    range(0x01010000, 0x02000000),
)


def _first_key(keys: QKeySequence) -> int:
    """The key code of the first chord of `keys`, without its modifiers."""
    return keys[0].key().value  # type: ignore[index]  # operator[], missing from the stubs


def keys_text(action: QAction) -> str:
    """`action`'s shortcuts as this platform writes them ("Ctrl+Z, Alt+Backspace"), without
    the keys of special keyboards unless the action has no others."""
    keys = [key for key in action.shortcuts() if not key.isEmpty()]
    typed = [key for key in keys if not any(_first_key(key) in r for r in SPECIAL_KEYS)]
    return ", ".join(key.toString(NATIVE) for key in typed or keys)


def plain_name(action: QAction) -> str:
    """The action's menu text without its mnemonic and ellipsis ("Save As")."""
    return plain_text(action.text())


def what_it_does(action: QAction) -> str:
    """The action's tip without the keys the tooltip adds at its end."""
    tip = action.statusTip() or action.toolTip()
    keys = action.shortcut().toString(NATIVE)
    if not keys:
        return tip
    # The tooltip's own pattern (`actions._tooltip`), in the app's language.
    pattern = QCoreApplication.translate("Actions", "{tip} ({keys})", "a tooltip and its shortcut")
    before, _, after = pattern.partition("{tip}")
    suffix = after.format(keys=keys)
    if tip.startswith(before) and tip.endswith(suffix) and len(tip) > len(before) + len(suffix):
        return tip[len(before) : -len(suffix)]
    return tip


def menu_titles(bar: QMenuBar) -> dict[QAction, str]:
    """Each action placed in a menu of `bar`, with that menu's title ("File")."""
    titles: dict[QAction, str] = {}
    for entry in bar.actions():
        menu = entry.menu()
        if not isinstance(menu, QMenu):
            continue
        title = plain_text(entry.text())
        for action in menu.actions():
            titles.setdefault(action, title)
    return titles


class GettingStartedDialog(QDialog):
    """The four steps from an empty canvas to a trained network, in the app's own words;
    `open_example` asks to open the digits example."""

    open_example = Signal()

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_getting_started_dialog")
        self.setWindowTitle(self.tr("Getting started"))
        none = self.tr("none", "no key is set for the action")
        train, fit = keys_text(actions.train) or none, keys_text(actions.fit) or none
        steps = [
            (
                self.tr("Add layers"),
                self.tr(
                    "Drag a layer from the <b>Layers</b> panel onto the canvas, or double-click "
                    "it there to place it in the middle of the view. With the canvas focused, "
                    "press <b>Tab</b> and type a few letters of a layer's name to add it where "
                    "the mouse is."
                ),
            ),
            (
                self.tr("Wire them"),
                self.tr(
                    "Drag from a layer's output port (on its right) to the next layer's input "
                    "port (on its left). Every wire shows the shape of the tensor it carries; a "
                    "wire dropped on empty canvas offers the layers that fit. "
                    "<b>Model › Check Network</b> lists what is still wrong."
                ),
            ),
            (
                self.tr("Choose data"),
                self.tr(
                    "In the <b>Data</b> panel pick a <b>Source</b> (a built-in data set, an image "
                    "folder or a CSV file) and how it is split. The Input layer's shape is "
                    "filled in from the data."
                ),
            ),
            (
                self.tr("Train", "the fourth step"),
                self.tr(
                    "Set the epochs and optimiser in the <b>Training</b> panel, then choose "
                    "<b>Train › Train</b> ({train}). Curves grow live; when the run ends, the "
                    "<b>Runs</b> and <b>Evaluation</b> panels show how well it does. "
                    "Press <b>{fit}</b> on the canvas to see the whole network."
                ).format(train=train, fit=fit),
            ),
        ]
        text = "".join(
            f"<h3>{number}. {title}</h3><p>{body}</p>"
            for number, (title, body) in enumerate(steps, start=1)
        )
        body = QLabel(text, self)
        body.setObjectName("help_steps")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "The digits example is a small network that trains in seconds, offline: open "
                "it to see the four steps done."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.example_button = buttons.addButton(
            self.tr("Open the digits example"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.example_button.setObjectName("help_open_digits")
        self.example_button.clicked.connect(self.open_example)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(580, 430)


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut: its name, keys and what it does, with a search field
    that keeps the rows holding every word typed."""

    #: The columns' headings (in English; shown in the app's language).
    COLUMNS = (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Action"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Shortcut"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "What it does"),
    )

    def __init__(
        self,
        actions: Iterable[QAction],
        menus: Mapping[QAction, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        menus = menus or {}
        self.shown_actions = [a for a in actions if keys_text(a)]
        # Each row's words for the search: its cells and the action's objectName.
        self._search_text: list[str] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("shortcut_search")
        self.search.setPlaceholderText(self.tr("Search actions, keys or descriptions…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.filter)
        self.table = QTableWidget(len(self.shown_actions), len(self.COLUMNS), self)
        self.table.setObjectName("shortcut_table")
        heading = QCoreApplication.translate
        self.table.setHorizontalHeaderLabels([heading("ShortcutsDialog", c) for c in self.COLUMNS])
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # wrapped tips
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        for row, action in enumerate(self.shown_actions):
            menu = menus.get(action, "")
            name = f"{menu} › {plain_name(action)}" if menu else plain_name(action)
            does = what_it_does(action)
            if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
                does = self.tr("{tip} (on the canvas)").format(tip=does)
            cells = (name, keys_text(action), does)
            self._search_text.append(" ".join((*cells, action.objectName())).lower())
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setIcon(action.icon())
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(780, 640)

    def filter(self, text: str) -> None:
        words = text.lower().split()
        for row, haystack in enumerate(self._search_text):
            self.table.setRowHidden(row, not all(word in haystack for word in words))

    def visible_actions(self) -> list[str]:
        """The objectNames of the rows the search lets through, in order."""
        return [
            action.objectName()
            for row, action in enumerate(self.shown_actions)
            if not self.table.isRowHidden(row)
        ]


def open_digits_example(window: MainWindow) -> bool:
    """Open the digits example as a new, untitled project, as File > Examples does (asking
    about unsaved changes first); False when the person cancelled or it could not open."""
    return examples_dialog.open_example(window, examples_dialog.EXAMPLES / DIGITS_EXAMPLE)


def show_getting_started(window: MainWindow) -> GettingStartedDialog:
    dialog = GettingStartedDialog(window.menu_actions, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening is a new page

    def open_it() -> None:
        if open_digits_example(window):
            dialog.accept()

    dialog.open_example.connect(open_it)
    dialog.open()
    return dialog


def show_shortcuts(window: MainWindow, actions: Sequence[QAction] | None = None) -> ShortcutsDialog:
    """The shortcuts of the window's declared actions (or of `actions`)."""
    listed = actions if actions is not None else window.menu_actions.all()
    dialog = ShortcutsDialog(listed, menu_titles(window.menuBar()), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening is a new page
    dialog.open()
    return dialog
