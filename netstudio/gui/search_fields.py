""" "Search this…" on a field: the context-menu entry, the mark of a searched field, its host.

Any number or choice field of the Training panel, the Data panel or the Inspector can say what
it sets (`offer_search`: a `SearchSpot` made when asked, so it is always the current value and
node); right-clicking it offers "Search this…", which opens the `SearchDialog` and writes the
search's parameter as one undo step. A field whose target is searched is underlined, with
"searched: 1e-4 … 0.1 (log)" first in its tooltip.

The window holds one `SearchHost` (objectName ``search_host``) that knows the open document
and the node the Inspector shows; a field finds it through its window when asked, so the
field code needs neither, and a field outside a window with a host offers nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QLabel, QLineEdit, QMenu, QWidget

from netstudio.gui.field_marks import format_value

if TYPE_CHECKING:
    from netstudio.gui.document import Document

#: The objectName of the context-menu entry.
SEARCH_THIS = "search_this"


@dataclass
class SearchSpot:
    """What a field sets, for the search: its target (``training.optimizer.lr``,
    ``fc1.out_features``), what to call it, its value now, and what it takes (a range of whole
    numbers or numbers with the bounds known, or a list of choices)."""

    target: str
    label: str
    value: Any
    kind: Literal["int", "float", "choice"]
    low: float | None = None
    high: float | None = None
    choices: list[Any] = field(default_factory=list)


def domain_text(domain: Mapping[str, Any]) -> str:
    """A searched domain in words: "0.0001 … 0.1 (log)", "32 … 512, step 32", "adam, sgd"."""
    if domain.get("kind") == "choice":
        return ", ".join(format_value(v) for v in domain.get("values") or [])
    translate = QCoreApplication.translate
    low, high = format_value(domain.get("low")), format_value(domain.get("high"))
    step = format_value(domain["step"]) if domain.get("step") else ""
    if domain.get("log") and step:
        text = translate("SearchFields", "{low} … {high} (log), step {step}")
    elif domain.get("log"):
        text = translate("SearchFields", "{low} … {high} (log)")
    elif step:
        text = translate("SearchFields", "{low} … {high}, step {step}")
    else:
        text = translate("SearchFields", "{low} … {high}")
    return text.format(low=low, high=high, step=step)


class SearchHost(QObject):
    """The window's link between its fields and the search (see module docstring)."""

    def __init__(
        self,
        parent: QObject,
        inspected: Callable[[], str | None],
        data_panel: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_host")
        self.document: Document | None = None
        #: The id of the node the Inspector shows (None: none).
        self.inspected = inspected
        #: The Data panel: a parameter editor inside it sets the data source's parameter.
        self.data_panel = data_panel
        #: The dialog open now (tests and the screenshot reach it here).
        self.dialog: QWidget | None = None
        #: The settings sections with their defaults filled in, until the next edit.
        self._sections: dict[str, Any] = {}

    def set_document(self, document: Document) -> None:
        self.document = document
        self._sections.clear()
        document.edited.connect(self.refresh_marks)
        self.refresh_marks()

    def domain_of(self, target: str) -> dict[str, Any] | None:
        """The domain `target` is searched over (None: it is not searched)."""
        if self.document is None:
            return None
        search = self.document.project.search
        for parameter in search.get("parameters", []) if isinstance(search, dict) else []:
            if isinstance(parameter, dict) and parameter.get("target") == target:
                domain = parameter.get("domain")
                return dict(domain) if isinstance(domain, dict) else {}
        return None

    def setting_value(self, target: str) -> Any:
        """The value of the setting `target` (``training.optimizer.lr``): as the project holds
        it, else the settings' default."""
        from netstudio.search.targets import SETTINGS

        if self.document is None:
            return None
        section, *keys = target.split(".")
        values = self._sections.get(section)
        if values is None:
            raw = getattr(self.document.project, section, None) or {}
            try:
                values = SETTINGS[section].model_validate(raw).model_dump(mode="json")
            except (KeyError, ValueError):
                values = raw
            self._sections[section] = values
        for key in keys:
            if not isinstance(values, dict) or key not in values:
                return None
            values = values[key]
        return values

    def param_value(self, widget: QWidget, param: str) -> tuple[str, Any] | None:
        """(target, value) of a parameter editor's `param`: the data source's parameter in the
        Data panel, else that of the node the Inspector shows (None: no node)."""
        if self.document is None:
            return None
        if self.data_panel is not None and self.data_panel.isAncestorOf(widget):
            target = f"data.params.{param}"
            return target, self.setting_value(target)
        node_id = self.inspected()
        if node_id is None or node_id not in self.document.graph:
            return None
        return f"{node_id}.{param}", self.document.graph.node(node_id).params.get(param)

    def open_dialog(self, spot: SearchSpot, parent: QWidget | None = None) -> None:
        """Ask for the range or choices of `spot` and search it (one undo step)."""
        from netstudio.gui.search_commands import set_search_parameter
        from netstudio.gui.search_dialog import SearchDialog

        document = self.document
        if document is None:
            return
        dialog = SearchDialog(spot, document, self.domain_of(spot.target), parent)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.chosen.connect(lambda domain: set_search_parameter(document, spot.target, domain))
        dialog.open()

    def refresh_marks(self) -> None:
        """Mark every field of the window whose target is searched, unmark the others."""
        self._sections.clear()  # an edit may have changed any setting
        window = self.parent()
        if isinstance(window, QWidget):
            for offer in window.findChildren(SearchOffer):
                offer.refresh_mark()


class SearchOffer(QObject):
    """A field's "Search this…" entry and its searched mark (a child of the field)."""

    def __init__(self, widget: QWidget, spot: Callable[[SearchHost], SearchSpot | None]) -> None:
        super().__init__(widget)
        self.setObjectName("search_offer")
        self.widget = widget
        self.spot = spot
        self._tip = ""
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(self._show_menu)
        QTimer.singleShot(0, self, self.refresh_mark)  # once the field is in its window

    def host(self) -> SearchHost | None:
        found = self.widget.window().findChild(SearchHost, "search_host")
        return found if isinstance(found, SearchHost) else None

    def current_spot(self) -> SearchSpot | None:
        host = self.host()
        spot = self.spot(host) if host is not None else None
        label = form_label(self.widget)
        if spot is not None and label:
            spot.label = label
        return spot

    def menu(self) -> QMenu:
        """The field's context menu: its own entries, then "Search this…"."""
        edit = self.widget if isinstance(self.widget, QLineEdit) else None
        if isinstance(self.widget, QAbstractSpinBox):
            edit = self.widget.findChild(QLineEdit)
        menu = edit.createStandardContextMenu() if edit is not None else QMenu(self.widget)
        menu.setParent(self.widget, menu.windowFlags())
        if not menu.isEmpty():
            menu.addSeparator()
        action = QAction(self.tr("Search this…"), menu)
        action.setObjectName(SEARCH_THIS)
        spot = self.current_spot()
        action.setEnabled(spot is not None)
        action.setToolTip(self.tr("Try a range of values (or a list of choices) here in a search"))
        action.triggered.connect(self.search_this)
        menu.addAction(action)
        return menu

    def search_this(self) -> None:
        host, spot = self.host(), self.current_spot()
        if host is not None and spot is not None:
            host.open_dialog(spot, self.widget.window())

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.widget.mapToGlobal(position))

    def refresh_mark(self) -> None:
        """Underline the field while its target is searched, the range first in its tooltip."""
        host = self.host()
        spot = self.current_spot() if host is not None else None
        domain = host.domain_of(spot.target) if host is not None and spot is not None else None
        text = (
            self.tr("searched: {domain}").format(domain=domain_text(domain))
            if domain is not None
            else ""
        )
        if text == self._tip:
            return
        tip = self.widget.toolTip()
        if self._tip and tip.startswith(self._tip):
            tip = tip.removeprefix(self._tip).lstrip("\n")
        self.widget.setToolTip(f"{text}\n\n{tip}" if text and tip else text or tip)
        font = self.widget.font()
        font.setUnderline(bool(text))
        self.widget.setFont(font)
        self.widget.setProperty("searched", bool(text))
        self._tip = text


def form_label(widget: QWidget) -> str:
    """The label of `widget`'s row in a form ("Learning rate"), or of the box holding it and
    its message line; "" when it is in no form."""
    for placed in (widget, widget.parentWidget()):
        holder = placed.parentWidget() if placed is not None else None
        layout = holder.layout() if holder is not None else None
        if placed is not None and isinstance(layout, QFormLayout):
            label = layout.labelForField(placed)
            if isinstance(label, QLabel) and label.text().strip():
                return label.text().replace("&", "").rstrip(":").strip()
    return ""


def search_offer(widget: QWidget) -> SearchOffer | None:
    """The `SearchOffer` of `widget`, if it has one."""
    found = widget.findChild(SearchOffer, "search_offer", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, SearchOffer) else None


def offer_setting(
    widget: QWidget,
    target: str,
    label: str,
    kind: Literal["int", "float", "choice"],
    low: float | None = None,
    high: float | None = None,
    choices: Callable[[], list[Any]] | None = None,
) -> SearchOffer:
    """Offer "Search this…" on a field of a setting (`target`: ``training.optimizer.lr``)."""

    def spot(host: SearchHost) -> SearchSpot | None:
        if host.document is None:
            return None
        listed = choices() if choices is not None else []
        return SearchSpot(target, label, host.setting_value(target), kind, low, high, listed)

    return SearchOffer(widget, spot)


def offer_node_param(
    widget: QWidget,
    param: str,
    label: str,
    kind: Literal["int", "float", "choice"],
    low: float | None = None,
    high: float | None = None,
    choices: list[Any] | None = None,
) -> SearchOffer:
    """Offer "Search this…" on a parameter editor's field: in the Inspector, the parameter of
    the node it shows; in the Data panel, the data source's parameter."""

    def spot(host: SearchHost) -> SearchSpot | None:
        found = host.param_value(widget, param)
        if found is None:
            return None
        target, value = found
        return SearchSpot(target, label, value, kind, low, high, list(choices or []))

    return SearchOffer(widget, spot)
