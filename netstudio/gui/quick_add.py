"""Quick-add: a search popup at the cursor that adds a layer where the person is working.

Tab on the canvas opens it; so does a wire dropped on empty canvas, and then only layers that
can take (or give) the wire are listed and the chosen one comes connected. Type to filter,
arrows to move, Enter to add, Escape to close.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from netstudio.gui.palette import TYPE_ROLE, LayerFilter, LayerModel

WIDTH, HEIGHT = 280, 340


class QuickAddPopup(QFrame):
    """The popup (see module docstring). `chosen` carries the layer's type id."""

    chosen = Signal(str)
    #: Closed without a choice.
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quick_add")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = LayerModel(parent=self)
        self.filter = LayerFilter(self)
        self.filter.setSourceModel(self.model)
        self._done = False

        self.title = QLabel(self.tr("Add layer"), self)
        self.title.setObjectName("quick_add_title")
        self.search = QLineEdit(self)
        self.search.setObjectName("quick_add_search")
        self.search.setPlaceholderText(self.tr("Type a layer name…"))
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("quick_add_list")
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        self.tree.activated.connect(self._choose)
        self.tree.clicked.connect(self._choose)
        self.tree.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.resize(WIDTH, HEIGHT)

    def open_at(
        self, global_pos: QPoint, allowed: Iterable[str] | None = None, title: str | None = None
    ) -> None:
        """Show at `global_pos`, listing only `allowed` layer types when given, under `title`
        (by default "Add layer")."""
        self._done = False
        self.title.setText(title if title is not None else self.tr("Add layer"))
        self.filter.set_allowed(allowed)
        self.search.clear()
        self._on_search("")
        self.move(global_pos)
        self.show()
        self.search.setFocus()

    def layer_rows(self) -> list[QModelIndex]:
        return self.filter.layer_rows()

    def choose(self, type_id: str) -> None:
        self._done = True
        self.hide()
        self.chosen.emit(type_id)

    def _on_search(self, text: str) -> None:
        self.filter.set_query(text)
        self.tree.expandAll()
        rows = self.layer_rows()
        if rows:
            self.tree.setCurrentIndex(rows[0])

    def _choose(self, index: QModelIndex) -> None:
        type_id = index.data(TYPE_ROLE)
        if type_id:
            self.choose(type_id)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if not self._done:
            self._done = True
            self.dismissed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.tree.currentIndex()
            if current.data(TYPE_ROLE):
                self._choose(current)
            return True
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if key == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        rows = self.layer_rows()
        if not rows:
            return
        current = self.tree.currentIndex()
        at = next((i for i, r in enumerate(rows) if r == current), -1)
        self.tree.setCurrentIndex(rows[max(0, min(len(rows) - 1, at + delta))])
