"""The Layers palette: the layer catalogue as a searchable, categorised tree.

The Qt model is built from the catalogue (plain data in netstudio.core); a layer is dragged
onto the canvas as the `LAYER_MIME` type carrying its type id, or added with a double-click or
Enter (`layer_chosen`): after the selected layer, wired to it, else at the view's centre.

Layer type names are PyTorch's identifiers (Conv2d, ReLU) and stay as they are; categories and
one-line docs are shown in the person's language (`layer_text`). The search finds a layer by
its name, type id, category and doc, in English and in the language shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from netstudio.core.catalogue import Catalogue, catalogue
from netstudio.core.params import ParamSpec
from netstudio.gui.canvas.view import LAYER_MIME
from netstudio.gui.icons import icon
from netstudio.gui.style import category_colour

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

# The catalogue's words are marked for lupdate where they are written (core/layers.py, context
# "Layers"); looked up here by value, through a name lupdate does not collect.
_lookup = QCoreApplication.translate


def layer_text(text: str) -> str:
    """A word of the layer catalogue (a category, a layer's doc, a parameter's label or doc) in
    the person's language; as it is where the catalogue has no translation of it."""
    return _lookup("Layers", text) if text else text


def param_label(spec: ParamSpec) -> str:
    """A parameter's label as a form shows it ("Out features"), in the person's language."""
    return layer_text(spec.display_name.capitalize())


def param_words(spec: ParamSpec) -> str:
    """A parameter's name inside a sentence: its label in the person's language, or in English
    its lower-case display name ("out features")."""
    label = spec.display_name.capitalize()
    shown = layer_text(label)
    return spec.display_name if shown == label else shown


def swatch(colour: QColor, size: int = 12) -> QIcon:
    """A small rounded square of `colour`, the category's mark."""
    result = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
        painter.end()
        result.addPixmap(pixmap)
    return result


class LayerModel(QStandardItemModel):
    """Categories with their layers; a layer row drags as `LAYER_MIME`."""

    def __init__(self, layers: Catalogue | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        layers = layers or catalogue()
        for category, specs in layers.by_category().items():
            colour = category_colour(category)
            shown = layer_text(category)
            group = QStandardItem(swatch(colour), shown)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            group.setData("", SEARCH_ROLE)
            for spec in specs:
                item = QStandardItem(swatch(colour, 10), spec.name)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                doc = layer_text(spec.doc)
                item.setToolTip(f"<b>{spec.name}</b> · {shown}<br>{doc}")
                item.setData(spec.type_id, TYPE_ROLE)
                words = (spec.name, spec.type_id, category, spec.doc)
                if doc != spec.doc or shown != category:  # also in the language shown
                    words += (shown, doc)
                item.setData(" ".join(words).lower(), SEARCH_ROLE)
                group.appendRow(item)
            self.appendRow(group)

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            type_id = index.data(TYPE_ROLE)
            if type_id:
                mime.setData(LAYER_MIME, type_id.encode("utf-8"))
                mime.setText(type_id)
                break
        return mime


class LayerFilter(QSortFilterProxyModel):
    """Keeps the layers whose name, type, category or doc hold every word typed (and, when
    `set_allowed` narrowed them, only those layer types)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._allowed: frozenset[str] | None = None
        self.setRecursiveFilteringEnabled(True)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_query(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.lower().split()))

    def set_allowed(self, type_ids: Iterable[str] | None) -> None:
        allowed = frozenset(type_ids) if type_ids is not None else None
        self._refilter(lambda: setattr(self, "_allowed", allowed))

    def layer_rows(self) -> list[QModelIndex]:
        """The layer rows this filter lets through, in order (categories skipped)."""
        rows = []
        for group in range(self.rowCount()):
            parent = self.index(group, 0)
            rows += [self.index(r, 0, parent) for r in range(self.rowCount(parent))]
        return rows

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        text = index.data(SEARCH_ROLE) or ""
        if self._allowed is not None and index.data(TYPE_ROLE) not in self._allowed:
            return False
        if not self._words:
            return True
        return bool(text) and all(word in text for word in self._words)


class LayerPalette(QWidget):
    """Search box over the layer tree (see module docstring)."""

    #: A layer was chosen with double-click or Enter: add it where the person is working.
    layer_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LayerModel(parent=self)
        self.filter = LayerFilter(self)
        self.filter.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("layer_search")
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)

        self.tree = QTreeView(self)
        self.tree.setObjectName("layer_tree")
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAnimated(True)
        self.tree.expandAll()
        self.tree.doubleClicked.connect(self._choose)
        self.tree.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)

    def layer_rows(self) -> list[QModelIndex]:
        """The visible layer rows, in order (categories skipped)."""
        return self.filter.layer_rows()

    def index_of(self, type_id: str) -> QModelIndex:
        for index in self.layer_rows():
            if index.data(TYPE_ROLE) == type_id:
                return index
        return QModelIndex()

    def _on_search(self, text: str) -> None:
        self.filter.set_query(text)
        self.tree.expandAll()
        rows = self.layer_rows()
        if text and rows:
            self.tree.setCurrentIndex(rows[0])

    def _choose(self, index: QModelIndex) -> None:
        type_id = index.data(TYPE_ROLE)
        if type_id:
            self.layer_chosen.emit(type_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.tree and enter:
            self._choose(self.tree.currentIndex())
            return True
        if watched is self.search:
            if enter:
                current = self.tree.currentIndex()
                rows = self.layer_rows()
                self._choose(current if current.data(TYPE_ROLE) else (rows or [current])[0])
                return True
            if key == Qt.Key.Key_Down:
                rows = self.layer_rows()
                if rows:
                    self.tree.setCurrentIndex(rows[0])
                self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)
