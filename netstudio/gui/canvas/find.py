"""Find a layer on the canvas (Edit > Find Layer, Ctrl+F): a small bar over the canvas's
top-right corner, like a web browser's.

Typing keeps the layers whose name or layer type holds the text (any case) and dims the
others; the first match is selected and centred. Enter or F3 goes to the next match,
Shift+Enter or Shift+F3 to the one before; the bar says which match is shown ("2 of 5") or that
there is none. Escape closes the bar and gives the keys back to the canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton

from netstudio.core.errors import CycleError
from netstudio.core.graph import NetworkGraph
from netstudio.gui import i18n
from netstudio.gui.icons import icon

if TYPE_CHECKING:
    from netstudio.gui.canvas.view import CanvasView

#: How much of a layer that does not match still shows while a search is typed.
DIMMED = 0.25
#: The margin from the canvas's edges.
MARGIN = 12


def matching_nodes(graph: NetworkGraph, text: str) -> list[str]:
    """The ids of the nodes whose name, layer name or type id holds `text` (any case), in the
    order the network runs; none for blank text."""
    needle = text.strip().casefold()
    if not needle:
        return []
    try:
        order = graph.topological_order()
    except CycleError:
        order = [node.id for node in graph]
    found = []
    for node_id in order:
        node = graph.node(node_id)
        words = (node.name, node.spec.name, node.type_id)
        if any(needle in word.casefold() for word in words):
            found.append(node_id)
    return found


class FindBar(QFrame):
    """The bar (see module docstring), a child of the canvas view."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.setObjectName("find_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.view = view
        self.matches: list[str] = []
        #: Which of `matches` is shown (-1: none).
        self.current = -1

        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(self.tr("Find a layer by name or type"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.textChanged.connect(self._on_text)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setMinimumWidth(64)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = []
        for name, tip, slot in (
            ("previous", self.tr("Previous match (Shift+Enter)"), self.previous),
            ("next", self.tr("Next match (Enter, F3)"), self.next),
            ("close", self.tr("Close (Escape)"), self.close_bar),
        ):
            button = QToolButton(self)
            button.setObjectName(f"find_{name}")
            button.setIcon(icon(name))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            buttons.append(button)
        self.previous_button, self.next_button, self.close_button = buttons

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        for button in buttons:
            layout.addWidget(button)
        self.hide()

    # --- opening and closing -------------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with its text selected, ready to type; the matches of what it holds
        are found again (the network may have changed)."""
        self.place()
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()
        self._on_text(self.field.text())

    def close_bar(self) -> None:
        """Hide the bar, show every layer again and give the keys back to the canvas."""
        self.hide()
        self._dim(False)
        self.view.setFocus()

    def scene_replaced(self) -> None:
        """Another project is shown: what was found belongs to the one before."""
        self.hide()
        self.matches, self.current = [], -1

    def place(self) -> None:
        """Sit in the top-right corner of the canvas."""
        self.adjustSize()
        area = self.view.viewport().geometry()
        self.move(area.right() - self.width() - MARGIN, area.top() + MARGIN)

    # --- going through the matches -------------------------------------------------------------

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        self._refresh()
        if self.matches:
            self._show(delta if self.current < 0 else self.current + delta)

    def _on_text(self, _text: str) -> None:
        self.current = -1
        self._refresh()
        if self.matches:
            self._show(0)

    def _refresh(self) -> None:
        """Find the matches again, keeping the one shown where it still matches."""
        scene = self.view.canvas()
        shown = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        graph = scene.document.graph if scene is not None else None
        self.matches = matching_nodes(graph, self.field.text()) if graph is not None else []
        self.current = self.matches.index(shown) if shown in self.matches else -1
        self._dim(bool(self.field.text().strip()))
        self._say()

    def _show(self, index: int) -> None:
        self.current = index % len(self.matches)
        node_id = self.matches[self.current]
        scene = self.view.canvas()
        if scene is not None:
            scene.select_nodes([node_id])
            self.view.reveal(node_id)
        self._say()

    def _say(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No match"))
        elif self.current < 0:
            self.count.setText(
                self.tr("{count} found").format(count=i18n.number(len(self.matches)))
            )
        else:
            text = self.tr("{current} of {count}", "the match shown, of all found")
            current, count = i18n.number(self.current + 1), i18n.number(len(self.matches))
            self.count.setText(text.format(current=current, count=count))
        palette = self.count.palette()
        colour = self.view.theme.error if text and not self.matches else self.view.theme.text
        palette.setColor(self.count.foregroundRole(), colour)
        self.count.setPalette(palette)
        self.next_button.setEnabled(bool(self.matches))
        self.previous_button.setEnabled(bool(self.matches))

    def _dim(self, filtering: bool) -> None:
        """While a search is typed, the layers that do not match (and the wires) fade."""
        scene = self.view.canvas()
        if scene is None:
            return
        found = set(self.matches)
        for node_id, item in scene.nodes.items():
            item.setOpacity(DIMMED if filtering and node_id not in found else 1.0)
        for wire in scene.edges.values():
            wire.setOpacity(DIMMED if filtering else 1.0)

    # --- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self.previous() if shift else self.next()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.next() if key == Qt.Key.Key_Down else self.previous()
            return True
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(watched, event)
