"""The main window: canvas in the centre, palette left, inspector right, summary below.

It owns the current `Document` and wires the panels to it, and turns actions into document
edits; opening and saving is `ProjectFiles`' job. Docks can be moved, closed and brought back
from the View menu; the window's layout is kept in QSettings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QTabBar, QWidget

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.gui import dialogs, i18n
from netstudio.gui.actions import Actions
from netstudio.gui.block_editing import BlockEditing
from netstudio.gui.canvas.scene import CanvasScene
from netstudio.gui.canvas.view import CanvasView
from netstudio.gui.document import Document
from netstudio.gui.editing import CanvasEditing
from netstudio.gui.evaluation.ui import EvaluationUi
from netstudio.gui.examples_dialog import show_examples
from netstudio.gui.export_dialog import show_export
from netstudio.gui.help_pages import show_getting_started, show_shortcuts
from netstudio.gui.import_dialog import show_import
from netstudio.gui.inside_ui import InsideUi
from netstudio.gui.inspector import Inspector
from netstudio.gui.layer_reference import show_layer_reference
from netstudio.gui.load_weights_dialog import WeightsLoader
from netstudio.gui.network_tabs import NetworkTabs, canvas_with_tabs
from netstudio.gui.palette import LayerPalette
from netstudio.gui.panels.problems import ProblemsPanel
from netstudio.gui.panels.summary import SummaryPanel
from netstudio.gui.previews import CanvasPreviews
from netstudio.gui.project_files import ProjectFiles
from netstudio.gui.recovery import Autosave
from netstudio.gui.search_ui import SearchUi
from netstudio.gui.training.ui import TrainingUi
from netstudio.gui.tuning_edits import (
    freeze_before,
    frozen_ids,
    has_parameters,
    set_frozen,
    split,
)
from netstudio.io import Project
from netstudio.training.head_fit import HEAD_TYPES

APP_NAME = "NetStudio"
#: View > Language's notice, shown in the language just chosen (`i18n.translate_in`).
RESTART_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Language")
RESTART_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "NetStudio will speak this language from its next start. Your work stays open until you quit.",
)


class MainWindow(QMainWindow):
    """The editor window (see module docstring)."""

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        analysis_ready: bool = True,
        recovery_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """settings: where window layout and recent files are kept (None: nowhere).
        recovery_dir: where unsaved work is autosaved every minute (None: no autosave)."""
        super().__init__(parent)
        i18n.ensure_installed()  # English's plural forms, when the app installed no language
        self.settings = settings
        self.analysis_ready = analysis_ready
        self.document: Document | None = None
        self.scene: CanvasScene | None = None
        self.files = ProjectFiles(self, settings)
        self.autosave = Autosave(recovery_dir, parent=self) if recovery_dir is not None else None
        self.undo_group = QUndoGroup(self)
        #: Every menu and toolbar action, by what it does (``menu_actions.train``).
        self.menu_actions = Actions(self, self.undo_group)
        self.editing = CanvasEditing(self)
        #: Model > Load weights…: the report dialog and the undoable load.
        self.weights = WeightsLoader(self)

        self.view = CanvasView(self)
        self.view.setObjectName("canvas")
        #: The network tabs above the canvas, and the network and block edits (issue 15).
        self.blocks = BlockEditing(self)
        self.network_tabs = NetworkTabs(self.menu_actions, self)
        self.setCentralWidget(canvas_with_tabs(self.network_tabs, self.view))
        self.palette_panel = LayerPalette(self)
        self.inspector = Inspector(self)
        self.summary = SummaryPanel(self)
        self.problems = ProblemsPanel(self)
        self.previews = CanvasPreviews(self)
        self._build_docks()
        #: The Training panel, Curves dock, Train/Pause/Stop, the editing lock, run status.
        self.training_ui = TrainingUi(self)
        #: The Data panel; the Data preview, Runs, Evaluation and Try it docks.
        self.evaluation_ui = EvaluationUi(self, self.training_ui)
        #: The Search panel and dock, Train > Search, and "Search this…" on fields.
        self.search_ui = SearchUi(self, self.evaluation_ui.docks["runs_dock"])
        #: Previews and training health: their dock, menus and the Inspector's part.
        self.inside = InsideUi(self)
        self._build_menus()
        self.inside.add_menus()
        self._build_status_bar()
        self._connect()
        self._default_state = self.saveState()
        self.resize(1400, 900)
        if settings is not None:
            self._restore_layout(settings)
        self._hide_stale_tab_bars()
        self.set_document(Document(Project(), analysis=analysis_ready))

    # --- building ------------------------------------------------------------------------------

    def add_dock(
        self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """A dock named `name` (its objectName, kept in the saved layout) showing `widget`."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.layers_dock = self.add_dock("layers_dock", self.tr("Layers"), self.palette_panel, left)
        self.inspector_dock = self.add_dock(
            "inspector_dock", self.tr("Inspector"), self.inspector, right
        )
        # The Data and Training panels replace these placeholders (EvaluationUi, TrainingUi).
        self.data_dock = self.add_dock("data_dock", self.tr("Data"), QWidget(self), right)
        self.training_dock = self.add_dock(
            "training_dock", self.tr("Training"), QWidget(self), right
        )
        self.tabifyDockWidget(self.data_dock, self.training_dock)
        self.data_dock.raise_()
        self.summary_dock = self.add_dock("summary_dock", self.tr("Summary"), self.summary, bottom)
        self.problems_dock = self.add_dock(
            "problems_dock", self.tr("Problems"), self.problems, bottom
        )
        self.tabifyDockWidget(self.summary_dock, self.problems_dock)
        self.summary_dock.raise_()
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.layers_dock, self.inspector_dock], [210, 320], horizontal)
        self.resizeDocks([self.inspector_dock, self.data_dock], [330, 420], vertical)
        self.resizeDocks([self.summary_dock], [210], vertical)

    def _restore_layout(self, settings: QSettings) -> None:
        """The window's size, place and docks as they were when it last closed (a value that
        is not a saved layout is skipped: the default layout stays)."""
        geometry = settings.value("window/geometry", b"")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        state = settings.value("window/state", b"")
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)

    def _hide_stale_tab_bars(self) -> None:
        """Work around Qt 6.11: tabifying a second group of docks leaves a stray, unused tab
        bar that shows up with the window. Hidden explicitly it stays hidden; the layout shows
        the tab bars it uses again."""
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self._hide_stale_tab_bars()

    def _build_menus(self) -> None:
        a = self.menu_actions
        bar = self.menuBar()
        edit = [a.undo, a.redo, None, a.cut, a.copy, a.paste, a.duplicate, a.delete, None,
                a.select_all, a.rename, None, a.find]  # fmt: skip
        file_menu = [a.new, a.open, "recent", a.examples, None, a.save, a.save_as, None]
        file_menu += [a.import_model, a.export, None, a.close, a.quit]
        view_menu = [a.fit, a.zoom_in, a.zoom_out, a.zoom_reset, None, a.overview, a.previews, a.snap,
                     "panels"]  # fmt: skip
        view_menu += ["language"]
        menus: list[tuple[str, str, list[Any]]] = [
            ("file", self.tr("&File"), file_menu),
            ("edit", self.tr("&Edit"), edit),
            ("view", self.tr("&View"), view_menu),
            (
                "model",
                self.tr("&Model"),
                [
                    a.auto_layout,
                    a.auto_layout_down,
                    a.check,
                    a.summary,
                    None,
                    a.load_weights,
                    a.load_run_weights,
                    None,
                    a.freeze,
                    a.unfreeze,
                    a.freeze_before,
                    a.fit_head,
                    None,
                    *self.blocks.menu_entries(),
                ],
            ),
            ("train", self.tr("&Train"), [a.train, a.pause, a.stop, None, a.search]),
            (
                "help",
                self.tr("&Help"),
                [a.getting_started, a.shortcuts, a.layer_reference, None, a.about],
            ),
        ]
        for name, title, entries in menus:
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{name}")
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif entry == "recent":
                    recent = menu.addMenu(self.tr("Open &Recent"))
                    recent.setObjectName("menu_recent")
                    recent.aboutToShow.connect(lambda m=recent: self.files.fill_recent_menu(m))
                elif entry == "panels":
                    panels = menu.addMenu(self.tr("&Panels"))
                    panels.setObjectName("menu_panels")
                    for dock in self.findChildren(QDockWidget):
                        panels.addAction(dock.toggleViewAction())
                    menu.addAction(a.reset_layout)
                elif entry == "language":
                    languages = menu.addMenu(self.tr("&Language"))
                    languages.setObjectName("menu_language")
                    languages.addActions(list(a.language.values()))
                else:
                    menu.addAction(entry)
        toolbar = self.addToolBar(self.tr("Main Toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        groups = ((a.new, a.open, a.save), (a.undo, a.redo), (a.auto_layout, a.fit),
                  (a.train, a.pause, a.stop))  # fmt: skip
        for group in groups:
            toolbar.addActions(list(group))
            if a.stop in group:  # the device the next run trains on, after Train, Pause, Stop
                toolbar.addWidget(self.training_ui.device_combo).setObjectName("train_device")
            toolbar.addSeparator()
        canvas_menu = [a.cut, a.copy, a.paste, a.duplicate, a.delete, None, a.rename,
                       a.select_all, None, a.freeze, a.unfreeze, a.freeze_before, a.fit_head,
                       None, a.make_block, a.ungroup, None, a.auto_layout, a.fit]  # fmt: skip
        for action in canvas_menu:
            if action is None:
                action = QAction(self.view)
                action.setSeparator(True)
            self.view.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.validity_label = QLabel(self)
        self.validity_label.setObjectName("validity_label")
        self.zoom_label = QLabel(self._zoom_text(1.0), self)
        self.zoom_label.setObjectName("zoom_label")
        bar.addPermanentWidget(self.validity_label)
        bar.addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        a, files, view = self.menu_actions, self.files, self.view
        a.new.triggered.connect(self.new_project)
        a.open.triggered.connect(files.open_dialog)
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.close.triggered.connect(self.new_project)
        a.examples.triggered.connect(lambda: show_examples(self))
        a.export.triggered.connect(lambda: show_export(self))
        a.import_model.triggered.connect(lambda: show_import(self))
        a.quit.triggered.connect(self.close)
        editing = self.editing
        a.cut.triggered.connect(editing.cut)
        a.copy.triggered.connect(editing.copy)
        a.paste.triggered.connect(editing.paste)
        a.duplicate.triggered.connect(editing.duplicate)
        a.delete.triggered.connect(lambda: self.scene and self.scene.delete_selection())
        a.select_all.triggered.connect(self._select_all)
        a.rename.triggered.connect(self._rename)
        a.fit.triggered.connect(view.fit)
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.zoom_reset.triggered.connect(view.reset_zoom)
        a.snap.toggled.connect(self._set_snap)
        a.find.triggered.connect(view.find_bar.open)
        a.overview.triggered.connect(self._choose_overview)
        view.overview_toggled.connect(a.overview.setChecked)
        view.overview_choice = self._overview_choice()
        a.reset_layout.triggered.connect(self.reset_layout)
        a.auto_layout.triggered.connect(lambda: editing.auto_layout("right"))
        a.auto_layout_down.triggered.connect(lambda: editing.auto_layout("down"))
        a.check.triggered.connect(lambda: self.show_dock(self.problems_dock))
        a.summary.triggered.connect(lambda: self.show_dock(self.summary_dock))
        a.getting_started.triggered.connect(lambda: show_getting_started(self))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))
        a.layer_reference.triggered.connect(lambda: show_layer_reference(self))
        a.about.triggered.connect(self._about)
        a.load_weights.triggered.connect(lambda: self.weights.load_file())
        a.load_run_weights.triggered.connect(lambda: self.weights.load_run())
        a.freeze.triggered.connect(lambda: self._freeze_selection(True))
        a.unfreeze.triggered.connect(lambda: self._freeze_selection(False))
        a.freeze_before.triggered.connect(self._freeze_before)
        a.fit_head.triggered.connect(self._fit_head)
        self.blocks.connect_actions()
        self._connect_language()
        self.inspector.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        view.layer_dropped.connect(editing.add_layer)
        view.quick_add_requested.connect(editing.quick_add)
        view.zoom_changed.connect(lambda z: self.zoom_label.setText(self._zoom_text(z)))
        self.palette_panel.layer_chosen.connect(lambda type_id: editing.add_layer(type_id))
        self.problems.node_activated.connect(self.reveal_node)
        self.summary.node_activated.connect(self.reveal_node)
        self.problems.counts_changed.connect(self._on_problem_counts)
        a.previews.toggled.connect(self.previews.set_shown)
        self.previews.updated.connect(lambda: self.problems.set_extra(self.previews.problems))
        self.previews.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # --- the document --------------------------------------------------------------------------

    def set_document(self, document: Document, recovered: Path | None = None) -> None:
        """Show `document`, closing the one shown before (its changes were saved or discarded).

        The project opens clean: nothing of the one before stays (its run's status, curves,
        evaluation, messages), and the canvas shows the project's saved view, else its network
        at a fitting zoom. recovered: the recovery file `document` was restored from; it stays
        until saved.
        """
        if self.autosave is not None:
            self.autosave.watch(document, adopt=recovered)
        old, old_scene = self.document, self.scene
        if old_scene is not None:
            old_scene.detach()
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.close()
        self.document = document
        document.setParent(self)
        scene = self._new_scene(document)
        for stale in (old_scene, old):
            if stale is not None:
                stale.deleteLater()
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        panels = (self.training_ui.session, self.inspector, self.summary, self.problems,
                  self.training_ui.panel, self.evaluation_ui, self.search_ui)  # fmt: skip
        for panel in panels:
            panel.set_document(document)
        document.analysed.connect(self._update_validity)
        document.section_changed.connect(self._update_validity)
        document.starting_weights_changed.connect(self._update_validity)
        document.analysed.connect(self._update_tuning_actions)
        document.section_changed.connect(self._update_tuning_actions)
        document.modified_changed.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        document.network_shown.connect(self._show_network)
        self.network_tabs.set_document(document)
        self.editing.forget_pastes()
        self.previews.set_document(document, scene)
        self.inside.set_document(document, scene)
        self.menu_actions.previews.setChecked(self.previews.shown)
        self.statusBar().clearMessage()  # what was said of the project before
        self._update_title()
        self._update_validity()
        self._update_tuning_actions()
        view = dict(document.project.view)
        QTimer.singleShot(0, self.view, lambda: self.view.show_view(view))

    def _new_scene(self, document: Document) -> CanvasScene:
        """A canvas scene for the network `document` shows, on the canvas (and returned)."""
        self.scene = scene = CanvasScene(document, self.view.theme)
        self.scene.snap_to_grid = self.menu_actions.snap.isChecked()
        self.scene.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.node_double_clicked.connect(self._on_node_double_clicked)
        self.scene.wire_dropped.connect(
            lambda node_id, port, is_input, at: self.editing.quick_add(
                at, (node_id, port, is_input)
            )
        )
        self.view.setScene(self.scene)
        return scene

    def _on_node_double_clicked(self, node_id: str) -> None:
        """A Block opens its network's tab; any other node is renamed."""
        if not self.blocks.open_block(node_id):
            self._rename()

    def _show_network(self, _name: str) -> None:
        """Another network of the project is shown: a canvas of it, and the panels follow."""
        document, old = self.document, self.scene
        if document is None:
            return
        if old is not None:
            old.detach()
        scene = self._new_scene(document)
        if old is not None:
            old.deleteLater()
        for panel in (self.inspector, self.summary, self.problems):
            panel.set_document(document)
        self.previews.set_document(document, scene)
        self.inside.set_document(document, scene)
        self._update_validity()
        self._update_tuning_actions()
        QTimer.singleShot(0, self.view, self.view.fit)

    def open_file(self, path: Path) -> bool:
        """Open a project file (see `ProjectFiles.open_file`)."""
        return self.files.open_file(path)

    def set_analysis_ready(self, error: str = "") -> None:
        """PyTorch has loaded (or failed to: `error`); start inferring shapes."""
        if error:
            self.validity_label.setText(self.tr("shapes unavailable"))
            self.statusBar().showMessage(
                self.tr("PyTorch could not be loaded: {error}").format(error=error)
            )
            return
        self.analysis_ready = True
        if self.document is not None:
            self.document.enable_analysis()
        self.statusBar().showMessage(
            self.tr(
                "Drag layers from the palette onto the canvas, then drag from an output port to "
                "an input port to wire them."
            ),
            10000,
        )

    def _update_title(self, *_: Any) -> None:
        if self.document is not None:
            star = "*" if self.document.modified else ""
            title = self.tr("{file}{star} — {app}", "the window title: file name, *, app name")
            self.setWindowTitle(title.format(file=self.document.file_name, star=star, app=APP_NAME))

    def _update_validity(self, *_: Any) -> None:
        document = self.document
        if document is not None and document.analysing:
            self.validity_label.setText(self.tr("working out shapes…"))
            return
        if document is None or not document.analysed_once:
            self.validity_label.setText(self.tr("loading PyTorch…"))
            return
        errors = sum(p.severity == "error" for p in document.problems)
        if errors:
            text = self.tr("✗ %Ln error(s)", "", errors)
        else:
            parts = split(document)
            if parts.frozen:
                params = self.tr("{total} params ({frozen} frozen)").format(
                    total=i18n.number(parts.total), frozen=i18n.number(parts.frozen)
                )
            else:
                params = self.tr("{total} params").format(total=i18n.number(parts.total))
            text = self.tr("✓ valid · {params} · {size}").format(
                params=params, size=i18n.size(parts.total * 4)
            )
        tensors = len(document.starting_weights)
        if tensors:
            start = self.tr("starts from loaded weights (%Ln tensor(s))", "", tensors)
            text = self.tr("{status} · {start}").format(status=text, start=start)
        self.validity_label.setText(text)

    def _zoom_text(self, zoom: float) -> str:
        """The zoom in the status bar: "100 %"."""
        return self.tr("{percent} %", "the zoom").format(percent=i18n.number(round(zoom * 100)))

    def _on_problem_counts(self, errors: int, warnings: int) -> None:
        count = errors + warnings
        title = self.tr("Problems ({count})").format(count=i18n.number(count))
        self.problems_dock.setWindowTitle(title if count else self.tr("Problems"))

    # --- editing -------------------------------------------------------------------------------

    def reveal_node(self, node_id: str, flash: bool = False) -> None:
        """Select a node and centre the canvas on it; `flash`: then blink its outline (the
        node at fault when a run fails)."""
        if self.scene is not None and node_id in self.scene.nodes:
            self.scene.select_nodes([node_id])
            self.view.centre_on_node(node_id)
            if flash:
                self.scene.nodes[node_id].flash()

    def _overview_choice(self) -> bool | None:
        """Whether the person turned the overview map on or off (kept in QSettings); None
        when they never did: it then opens by itself for networks larger than the view."""
        value = self.settings.value("view/overview") if self.settings is not None else None
        if isinstance(value, str):
            value = {"true": True, "false": False}.get(value.lower())
        return value if isinstance(value, bool) else None

    def _choose_overview(self, shown: bool) -> None:
        """View > Overview: show or hide the map, and remember it."""
        self.view.overview_choice = shown
        self.view.set_overview_shown(shown)
        if self.settings is not None:
            self.settings.setValue("view/overview", shown)

    def _set_snap(self, on: bool) -> None:
        if self.scene is not None:
            self.scene.snap_to_grid = on

    def _select_all(self) -> None:
        if self.scene is not None:
            for item in [*self.scene.nodes.values(), *self.scene.edges.values()]:
                item.setSelected(True)

    def _rename(self) -> None:
        self.show_dock(self.inspector_dock)
        self.inspector.focus_name()

    def _on_selection(self) -> None:
        if self.scene is None or not shiboken6.isValid(self.scene):
            return  # the scene is being destroyed
        ids = self.scene.selected_node_ids()
        self.inspector.show_selection(ids)
        self._update_tuning_actions()

    # --- fine-tuning ---------------------------------------------------------------------------

    def _selected_ids(self) -> list[str]:
        if self.scene is None or not shiboken6.isValid(self.scene):
            return []
        return self.scene.selected_node_ids()

    def _update_tuning_actions(self, *_: Any) -> None:
        """Freeze, Unfreeze, Freeze everything before and Fit to data apply to what is
        selected: enabled only where they do something."""
        a, document = self.menu_actions, self.document
        if document is None:
            for action in (a.freeze, a.unfreeze, a.freeze_before, a.fit_head):
                action.setEnabled(False)
            return
        ids = self._selected_ids()
        learning = [i for i in ids if has_parameters(document, i)]
        frozen = frozen_ids(document)
        one = ids[0] if len(ids) == 1 else None
        head = one is not None and document.graph.node(one).type_id in HEAD_TYPES
        for action, on in (
            (a.freeze, any(i not in frozen for i in learning)),
            (a.unfreeze, any(i in frozen for i in learning)),
            (a.freeze_before, one is not None and document.graph.in_edges(one) != []),
            (a.fit_head, head),
        ):
            action.setEnabled(on)

    def _freeze_selection(self, frozen: bool) -> None:
        if self.document is not None:
            set_frozen(self.document, self._selected_ids(), frozen)

    def _freeze_before(self) -> None:
        ids = self._selected_ids()
        if self.document is None or len(ids) != 1:
            return
        frozen = freeze_before(self.document, ids[0])
        name = self.document.graph.node(ids[0]).name
        count = len(frozen)
        self.statusBar().showMessage(
            self.tr("Froze %Ln layer(s) before {name}", "", count).format(name=name)
            if frozen
            else self.tr("No layer with parameters comes before {name}").format(name=name),
            8000,
        )

    def _fit_head(self) -> None:
        from netstudio.gui.inspector import fit_message

        ids = self._selected_ids()
        if self.document is not None and len(ids) == 1:
            self.statusBar().showMessage(fit_message(self.document, ids[0]), 10000)

    def show_dock(self, dock: QDockWidget) -> None:
        """Show `dock` (even if closed) in front of the docks tabbed with it."""
        dock.show()
        dock.raise_()

    # --- closing -------------------------------------------------------------------------------

    def new_project(self) -> None:
        """Close the project (asking about unsaved changes) and start an empty one."""
        if self.files.maybe_save():
            self.set_document(Document(Project(), analysis=self.analysis_ready))

    def closeEvent(self, event: QCloseEvent) -> None:
        session = self.training_ui.session
        if session.running and not dialogs.ask_stop_run(self):
            event.ignore()
            return
        session.shutdown()  # a run stops and its record joins the project
        self.search_ui.shutdown()  # a search stops after its batch; it resumes next time
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.autosave is not None:
            self.autosave.discard()  # saved or discarded: nothing left to recover
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        event.accept()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "<b>{app}</b><br>Build, check and train neural networks visually; export plain "
                "PyTorch."
            ).format(app=APP_NAME),
        )

    # --- language ------------------------------------------------------------------------------

    def _connect_language(self) -> None:
        """View > Language: the saved choice is checked; choosing another one is saved and
        applies from the next start (`netstudio.gui.i18n` says why not at once)."""
        choice = i18n.saved_choice(self.settings)
        for key, action in self.menu_actions.language.items():
            action.setChecked(key == choice)
            action.triggered.connect(lambda _=False, key=key: self.choose_language(key))

    def choose_language(self, choice: str) -> None:
        """Keep `choice` (a language, or `i18n.SYSTEM`) for the next start and say so, in the
        language chosen, when it is not the one shown now."""
        if self.settings is not None:
            self.settings.setValue(i18n.SETTING, choice)
        language = i18n.resolve(choice)
        if language == (i18n.language() or "en"):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            i18n.translate_in(language, "MainWindow", RESTART_TITLE),
            i18n.translate_in(language, "MainWindow", RESTART_TEXT),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.exec()
