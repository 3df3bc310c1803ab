"""The window's search part: the Search panel's dock, Train > Search, and the fields' host.

Built by the main window after its Runs dock (the Search dock is tabbed beside it, in the
bottom area). Train > Search (Ctrl+F5) brings the panel forward and runs the project's search;
the `SearchHost` lets every field's "Search this…" reach the open project and the node the
Inspector shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from netstudio.gui.panels.search_panel import SearchPanel
from netstudio.gui.search_fields import SearchHost, offer_setting
from netstudio.gui.training.fields import bounds, field_info
from netstudio.training.data_config import DataConfig

if TYPE_CHECKING:
    from netstudio.gui.document import Document
    from netstudio.gui.main_window import MainWindow


#: The Data panel's fixed number fields (by objectName) and the settings they set; the data
#: source's own parameters are parameter editors, which offer "Search this…" themselves.
DATA_FIELDS: tuple[tuple[str, str, Literal["int", "float"]], ...] = (
    ("data_val", "data.val_fraction", "float"),
    ("data_test", "data.test_fraction", "float"),
    ("data_seed", "data.seed", "int"),
    ("augment_crop", "data.augment.random_crop_padding", "int"),
    ("augment_rotation", "data.augment.rotation_degrees", "float"),
)


def _data_label(target: str) -> str:
    return target.rsplit(".", 1)[-1].replace("_", " ")


class SearchUi:
    """The search part of `window` (see module docstring); its dock is tabbed after `after`."""

    def __init__(self, window: MainWindow, after: QDockWidget) -> None:
        self.window = window
        self.panel = SearchPanel(window)
        self.dock = window.add_dock(
            "search_dock",
            QCoreApplication.translate("SearchUi", "Search"),
            self.panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        window.tabifyDockWidget(after, self.dock)
        data_panel = window.evaluation_ui.data_panel
        self.host = SearchHost(window, lambda: window.inspector.node_id, data_panel)
        for name, target, kind in DATA_FIELDS:
            field = data_panel.findChild(QWidget, name)
            if field is not None:  # the split and augmentation fields, built once
                low, high, _, _ = bounds(field_info(target.removeprefix("data."), DataConfig))
                offer_setting(field, target, _data_label(target), kind, low, high)
        self.action = window.menu_actions.search
        self.action.triggered.connect(self.search)
        self.panel.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.panel.running_changed.connect(lambda running: self.action.setEnabled(not running))

    def set_document(self, document: Document) -> None:
        self.panel.set_document(document)
        self.host.set_document(document)

    def search(self) -> None:
        """Train > Search: show the panel and run the search (or say why it cannot start)."""
        self.window.show_dock(self.dock)
        self.panel.start()

    def shutdown(self) -> None:
        """The window is closing: a running search stops after its batch (it resumes with the
        next Search) and its last trials join the project before it is saved."""
        worker = self.panel.worker
        if worker.running:
            worker.stop()
            worker.wait()
