"""Help > Layer reference: every layer of the catalogue, grouped and searchable, with its doc
and its parameters (type, default, range, what each does), in the person's language (context
"LayerReference"; the layers' own words are the catalogue's, "Layers").

It is built from the same catalogue and the same Qt model as the Layers palette
(`LayerModel`, `LayerFilter`), so a layer added to the catalogue appears here with its docs.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from netstudio.core.catalogue import Catalogue, LayerSpec, catalogue
from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.core.params import ParamSpec
from netstudio.gui.icons import icon
from netstudio.gui.palette import TYPE_ROLE, LayerFilter, LayerModel, layer_text, param_words

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)
_lookup = QCoreApplication.translate  # a word marked elsewhere, looked up by value
CONTEXT = "LayerReference"

#: What each kind of parameter takes, in words (looked up in the person's language).
KIND_NAMES = {
    "int": QT_TRANSLATE_NOOP("LayerReference", "whole number"),
    "float": QT_TRANSLATE_NOOP("LayerReference", "number"),
    "bool": QT_TRANSLATE_NOOP("LayerReference", "on/off"),
    "str": QT_TRANSLATE_NOOP("LayerReference", "text"),
}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return translate("LayerReference", "on") if value else translate("LayerReference", "off")
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_value(v) for v in value) + ")"
    return str(value)  # a choice, as PyTorch names it (zeros, nearest)


def _span(low: float, high: float) -> str:
    return translate("LayerReference", "{low} to {high}").format(
        low=_number(low), high=_number(high)
    )


def param_type(spec: ParamSpec) -> str:
    """What kind of value `spec` takes, in words ("2 whole numbers", "one of: a, b")."""
    if spec.kind == "choice":
        choices = ", ".join(_value(c) for c in spec.choices)
        text = translate("LayerReference", "one of: {choices}").format(choices=choices)
    elif spec.kind in ("ints", "floats"):
        count = (
            str(spec.length) if spec.length is not None else _span(spec.min_length, spec.max_length)
        )
        if spec.kind == "ints":
            text = translate("LayerReference", "{count} whole numbers").format(count=count)
        else:
            text = translate("LayerReference", "{count} numbers").format(count=count)
    else:
        text = _lookup(CONTEXT, KIND_NAMES[spec.kind])
    if spec.auto:
        return translate("LayerReference", "{type}, or auto").format(type=text)
    if spec.optional:
        return translate("LayerReference", "{type}, or none").format(type=text)
    return text


def param_default(spec: ParamSpec) -> str:
    """The value a new layer starts with ("auto" when it is filled from the input)."""
    if spec.default is None:
        if spec.auto:
            return translate("LayerReference", "auto", "a default filled from the input")
        return translate("LayerReference", "none", "no default value")
    return _value(spec.default)


def param_range(spec: ParamSpec) -> str:
    """The allowed numbers ("1 to 65536", "at least 0"), or "" when there is no bound."""
    low, high = spec.minimum, spec.maximum
    if spec.kind not in ("int", "float", "ints", "floats") or (low is None and high is None):
        return ""
    if low is not None and high is not None:
        text = _span(low, high)
    elif low is not None:
        text = translate("LayerReference", "at least {low}").format(low=_number(low))
    else:
        assert high is not None
        text = translate("LayerReference", "at most {high}").format(high=_number(high))
    if spec.kind in ("ints", "floats"):
        return translate("LayerReference", "each {range}", "each number of a list").format(
            range=text
        )
    return text


def layer_page(spec: LayerSpec) -> str:
    """The reference page of one layer, as HTML: its doc, its ports and its parameters."""
    e = html.escape
    category = layer_text(spec.category)  # the layer's words in the person's language
    parts = [f"<h2>{e(spec.name)}</h2>", f"<p><i>{e(category)}</i> · {e(spec.type_id)}</p>"]
    parts.append(f"<p>{e(layer_text(spec.doc))}</p>")
    if spec.input_ranks:
        ranks = translate("LayerReference", " or ", "between two ranks: 2 or 3").join(
            str(r) for r in spec.input_ranks
        )
        takes = translate(
            "LayerReference", "Takes tensors of {ranks} dimensions, the batch included."
        )
        parts.append(f"<p>{e(takes.format(ranks=ranks))}</p>")
    if spec.variadic:
        many = translate("LayerReference", "Takes any number of inputs.")
        parts.append(f"<p>{e(many)}</p>")
    if not spec.params:
        none = translate("LayerReference", "No parameters.")
        parts.append(f"<p>{e(none)}</p>")
        return "".join(parts)
    headings = (
        translate("LayerReference", "Parameter"),
        translate("LayerReference", "Type"),
        translate("LayerReference", "Default"),
        translate("LayerReference", "Range"),
    )
    head = "".join(f"<th align='left'>{e(h)}</th>" for h in headings)
    rows = [f"<tr>{head}</tr>"]
    for param in spec.params:
        cells = (param_words(param), param_type(param), param_default(param), param_range(param))
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        rows.append(f"<tr><td></td><td colspan='3'><i>{e(layer_text(param.doc))}</i></td></tr>")
    table = "<table cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
    title = translate("LayerReference", "Parameters")
    parts += [f"<h3>{e(title)}</h3>", table]
    return "".join(parts)


class LayerReferenceDialog(QDialog):
    """The catalogue's layers by category on the left, the chosen one's page on the right."""

    def __init__(self, layers: Catalogue | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_layer_reference_dialog")
        self.setWindowTitle(self.tr("Layer reference"))
        self.layers = layers or catalogue()
        self.model = LayerModel(self.layers, self)
        self.filter = LayerFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("layer_reference_search")
        self.search.setPlaceholderText(self.tr("Search layers and their docs…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._on_search)
        self.tree = QTreeView(self)
        self.tree.setObjectName("layer_reference_tree")
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.expandAll()
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.page = QTextBrowser(self)
        self.page.setObjectName("layer_reference_page")
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.tree)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 620])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.resize(860, 620)
        self._select_first()

    def listed_layers(self) -> list[str]:
        """The type ids the search lets through, in order."""
        return [index.data(TYPE_ROLE) for index in self.filter.layer_rows()]

    def show_layer(self, type_id: str) -> bool:
        """Select `type_id` and show its page; False when the search hides it."""
        for index in self.filter.layer_rows():
            if index.data(TYPE_ROLE) == type_id:
                self.tree.setCurrentIndex(index)
                return True
        return False

    def _select_first(self) -> None:
        rows = self.filter.layer_rows()
        if rows:
            self.tree.setCurrentIndex(rows[0])
        else:
            nothing = self.tr("No layer matches the search.")
            self.page.setHtml(f"<p>{html.escape(nothing)}</p>")

    def _on_search(self, text: str) -> None:
        self.filter.set_query(text)
        self.tree.expandAll()
        current = self.tree.currentIndex()
        if not (current.isValid() and current.data(TYPE_ROLE)):
            self._select_first()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        index = indexes[0] if indexes else QModelIndex()
        type_id = index.data(TYPE_ROLE)
        if type_id:
            self.page.setHtml(layer_page(self.layers.get(type_id)))


def show_layer_reference(parent: QWidget) -> LayerReferenceDialog:
    dialog = LayerReferenceDialog(parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening is a new page
    dialog.open()
    return dialog
