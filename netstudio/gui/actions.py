"""Every action of the main window, declared in one place.

Each has an objectName (tests and the toolbar find it by that), the platform's standard
shortcut where there is one, an icon, and a tooltip that says its shortcut. The main window
connects them; menus and the toolbar only place them. Undo and Redo reach the project from
every panel, the text and number fields of the Inspector, Training and Data panels included
(`WindowKeysInFields`).
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDockWidget, QLineEdit, QWidget

from netstudio.gui.field_marks import edits_project
from netstudio.gui.i18n import LANGUAGES, SYSTEM, plain_text
from netstudio.gui.icons import icon

Key = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str
#: The actions' words are translated in the context "Actions" (docs/translating.md).
translate = QCoreApplication.translate


def _tooltip(action: QAction, tip: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    with_keys = translate("Actions", "{tip} ({keys})", "a tooltip and its shortcut")
    action.setToolTip(with_keys.format(tip=tip, keys=keys) if keys else tip)


def _make(
    parent: QObject,
    name: str,
    text: str,
    tip: str,
    shortcuts: Sequence[Shortcut] = (),
    icon_name: str = "",
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, str):
            keys.append(QKeySequence(shortcut))
        else:
            keys.extend(QKeySequence.keyBindings(shortcut))
    unique = list(dict.fromkeys(k.toString() for k in keys if not k.isEmpty()))
    action.setShortcuts([QKeySequence(k) for k in unique])
    action.setShortcutContext(context)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.setStatusTip(tip)
    _tooltip(action, tip)
    return action


class Actions:
    """The main window's actions, by what they do (see module docstring)."""

    def __init__(self, parent: QObject, undo_group: QUndoGroup) -> None:
        canvas = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.new = _make(
            parent,
            "file_new",
            translate("Actions", "&New"),
            translate("Actions", "New project"),
            [Key.New],
            "new",
        )
        self.open = _make(
            parent,
            "file_open",
            translate("Actions", "&Open…"),
            translate("Actions", "Open a project"),
            [Key.Open],
            "open",
        )
        self.save = _make(
            parent,
            "file_save",
            translate("Actions", "&Save"),
            translate("Actions", "Save the project"),
            [Key.Save],
            "save",
        )
        self.save_as = _make(
            parent,
            "file_save_as",
            translate("Actions", "Save &As…"),
            translate("Actions", "Save the project under a new name"),
            [Key.SaveAs, "Ctrl+Shift+S"],
        )
        self.close = _make(
            parent,
            "file_close",
            translate("Actions", "&Close"),
            translate("Actions", "Close the project"),
            [Key.Close],
        )
        self.examples = _make(
            parent,
            "file_examples",
            translate("Actions", "&Examples…"),
            translate("Actions", "Open one of the example projects"),
        )
        self.import_model = _make(
            parent,
            "file_import",
            translate("Actions", "&Import…"),
            translate(
                "Actions", "Bring in a PyTorch module (Python file or torchvision) or an ONNX file"
            ),
            ["Ctrl+I"],
        )
        self.export = _make(
            parent,
            "file_export",
            translate("Actions", "&Export…"),
            translate(
                "Actions", "Export the network as PyTorch code, TorchScript, ONNX or weights"
            ),
            ["Ctrl+E"],
        )
        self.quit = _make(
            parent,
            "file_quit",
            translate("Actions", "&Quit"),
            translate("Actions", "Quit NetStudio"),
            [Key.Quit, "Ctrl+Q"],
        )

        self.undo = undo_group.createUndoAction(parent, translate("Actions", "&Undo"))
        self.undo.setObjectName("edit_undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        self.undo.setIcon(icon("undo"))
        self.redo = undo_group.createRedoAction(parent, translate("Actions", "&Redo"))
        self.redo.setObjectName("edit_redo")
        redo_keys = [*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Y")]
        self.redo.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.redo.setIcon(icon("redo"))
        undo_word, redo_word = translate("Actions", "Undo"), translate("Actions", "Redo")
        for action, word in ((self.undo, undo_word), (self.redo, redo_word)):
            action.changed.connect(lambda a=action, w=word: _tooltip(a, plain_text(a.text()) or w))
            _tooltip(action, word)

        self.cut = _make(
            parent,
            "edit_cut",
            translate("Actions", "Cu&t"),
            translate("Actions", "Cut the selected layers"),
            [Key.Cut],
            context=canvas,
        )
        self.copy = _make(
            parent,
            "edit_copy",
            translate("Actions", "&Copy"),
            translate("Actions", "Copy the selected layers as .net JSON"),
            [Key.Copy],
            context=canvas,
        )
        self.paste = _make(
            parent,
            "edit_paste",
            translate("Actions", "&Paste"),
            translate("Actions", "Paste layers"),
            [Key.Paste],
            context=canvas,
        )
        self.duplicate = _make(
            parent,
            "edit_duplicate",
            translate("Actions", "D&uplicate"),
            translate("Actions", "Duplicate the selected layers"),
            ["Ctrl+D"],
            context=canvas,
        )
        self.delete = _make(
            parent,
            "edit_delete",
            translate("Actions", "&Delete"),
            translate("Actions", "Delete the selected layers and wires"),
            [Key.Delete, "Backspace"],
            "delete",
            canvas,
        )
        self.select_all = _make(
            parent,
            "edit_select_all",
            translate("Actions", "Select &All"),
            translate("Actions", "Select every layer and wire"),
            [Key.SelectAll],
            context=canvas,
        )
        self.rename = _make(
            parent,
            "edit_rename",
            translate("Actions", "&Rename Layer"),
            translate("Actions", "Rename the selected layer"),
            ["F2"],
            "rename",
        )
        self.find = _make(
            parent,
            "edit_find",
            translate("Actions", "&Find Layer…"),
            translate("Actions", "Find a layer on the canvas by name or type"),
            [Key.Find, "Ctrl+F"],
            "search",
        )

        self.fit = _make(
            parent,
            "view_fit",
            translate("Actions", "&Fit to View"),
            translate("Actions", "Show the whole network"),
            ["F"],
            "fit",
            canvas,
        )
        self.zoom_in = _make(
            parent,
            "view_zoom_in",
            translate("Actions", "Zoom &In"),
            translate("Actions", "Zoom in"),
            [Key.ZoomIn, "Ctrl+="],
            "zoom_in",
        )
        self.zoom_out = _make(
            parent,
            "view_zoom_out",
            translate("Actions", "Zoom &Out"),
            translate("Actions", "Zoom out"),
            [Key.ZoomOut, "Ctrl+-"],
            "zoom_out",
        )
        self.zoom_reset = _make(
            parent,
            "view_zoom_reset",
            translate("Actions", "&Actual Size"),
            translate("Actions", "Zoom to 100 %"),
            ["Ctrl+0"],
        )
        self.overview = _make(
            parent,
            "view_overview",
            translate("Actions", "&Overview"),
            translate("Actions", "Show the whole network in a small map in the canvas's corner"),
            [],
            "overview",
        )
        self.overview.setCheckable(True)
        self.previews = _make(
            parent,
            "view_previews",
            translate("Actions", "&Previews"),
            translate("Actions", "Show on each layer its output for one sample of the data"),
        )
        self.previews.setCheckable(True)
        #: View > Colour Nodes By…: one of these is checked (the key None: no colours).
        self.colour_by: dict[str | None, QAction] = {}
        colour_group = QActionGroup(parent)
        health_tip = translate(
            "Actions", "Colour the layers by their training health, the number written on each"
        )
        for key, text in (
            (None, translate("Actions", "&None")),
            ("std", translate("Actions", "Activation &std")),
            ("zeros", translate("Actions", "&Zero fraction")),
            ("grad_norm", translate("Actions", "&Gradient norm")),
            ("update_ratio", translate("Actions", "&Update ratio")),
        ):
            action = _make(
                parent,
                f"view_colour_{key or 'none'}",
                text,
                health_tip if key else translate("Actions", "Draw the layers in their own colours"),
            )
            action.setCheckable(True)
            action.setChecked(key is None)
            colour_group.addAction(action)
            self.colour_by[key] = action
        self.record_health = _make(
            parent,
            "train_record_health",
            translate("Actions", "Record Layer &Health"),
            translate(
                "Actions",
                "While training, measure each layer's activations, gradients and updates now and "
                "then (at most 3 % of the training time)",
            ),
        )
        self.record_health.setCheckable(True)
        self.record_health.setChecked(True)
        self.snap = _make(
            parent,
            "view_snap",
            translate("Actions", "&Snap to Grid"),
            translate("Actions", "Place moved layers on the grid"),
        )
        self.snap.setCheckable(True)
        self.snap.setChecked(True)
        #: View > Language: the system's, or one NetStudio speaks, named in its own language.
        self.language: dict[str, QAction] = {}
        language_group = QActionGroup(parent)
        system = translate(
            "Actions", "Use the system's language when NetStudio has it, else English"
        )
        for key, text, tip in (
            (SYSTEM, translate("Actions", "&System Language"), system),
            *((key, name, name) for key, name in LANGUAGES.items()),
        ):
            action = _make(parent, f"view_language_{key}", text, tip)
            action.setCheckable(True)
            language_group.addAction(action)
            self.language[key] = action
        self.reset_layout = _make(
            parent,
            "view_reset_layout",
            translate("Actions", "&Reset Window Layout"),
            translate("Actions", "Put the panels back where they started"),
        )

        self.auto_layout = _make(
            parent,
            "model_auto_layout",
            translate("Actions", "&Auto-layout"),
            translate("Actions", "Arrange the layers left to right"),
            ["Ctrl+L"],
            "layout",
        )
        self.auto_layout_down = _make(
            parent,
            "model_auto_layout_down",
            translate("Actions", "Auto-layout &Top to Bottom"),
            translate("Actions", "Arrange the layers top to bottom"),
            ["Ctrl+Shift+L"],
        )
        self.check = _make(
            parent,
            "model_check",
            translate("Actions", "&Check Network"),
            translate("Actions", "Show the network's problems"),
            ["Ctrl+Shift+C"],
            "check",
        )
        self.summary = _make(
            parent,
            "model_summary",
            translate("Actions", "&Summary"),
            translate("Actions", "Show the model summary table"),
            [],
            "summary",
        )
        # --- fine-tuning (issue 14): netstudio.gui.main_window connects them ---
        self.load_weights = _make(
            parent,
            "model_load_weights",
            translate("Actions", "&Load Weights…"),
            translate(
                "Actions",
                "Start training from weights in a file (.safetensors, .pth, .pt, .bin), matched to "
                "the layers by name and shape",
            ),
        )
        self.load_run_weights = _make(
            parent,
            "model_load_run_weights",
            translate("Actions", "Load Weights from a &Run…"),
            translate(
                "Actions",
                "Start training from the weights of a finished run (its folder), of this project "
                "or another",
            ),
        )
        self.freeze = _make(
            parent,
            "model_freeze",
            translate("Actions", "&Freeze Selected Layers"),
            translate(
                "Actions", "Keep the selected layers' weights as they are while the network trains"
            ),
        )
        self.unfreeze = _make(
            parent,
            "model_unfreeze",
            translate("Actions", "&Unfreeze Selected Layers"),
            translate("Actions", "Let the selected layers learn again"),
        )
        self.freeze_before = _make(
            parent,
            "model_freeze_before",
            translate("Actions", "Freeze Everything &Before This Layer"),
            translate("Actions", "Freeze every layer with parameters that feeds the selected one"),
        )
        self.fit_head = _make(
            parent,
            "model_fit_head",
            translate("Actions", "Fit Layer to &Data"),
            translate(
                "Actions",
                "Give the selected Linear layer as many units as the data has classes, and start "
                "it from fresh weights",
            ),
        )
        # --- networks and blocks (issue 15): netstudio.gui.block_editing.BlockEditing ---
        self.new_network = _make(
            parent,
            "model_new_network",
            translate("Actions", "&New Network…"),
            translate("Actions", "Add a network to the project (a tab above the canvas)"),
        )
        self.rename_network = _make(
            parent,
            "model_rename_network",
            translate("Actions", "R&ename Network…"),
            translate("Actions", "Rename the network shown (its tab)"),
        )
        self.duplicate_network = _make(
            parent,
            "model_duplicate_network",
            translate("Actions", "Dupl&icate Network…"),
            translate("Actions", "Copy the network shown into a new one"),
        )
        self.delete_network = _make(
            parent,
            "model_delete_network",
            translate("Actions", "Delete Net&work"),
            translate(
                "Actions", "Delete the network shown (not the main one, nor one a Block uses)"
            ),
        )
        self.set_main_network = _make(
            parent,
            "model_set_main_network",
            translate("Actions", "Set as &Main Network"),
            translate("Actions", "Make the network shown the one that trains"),
        )
        self.make_block = _make(
            parent,
            "model_make_block",
            translate("Actions", "Make Bloc&k…"),
            translate(
                "Actions",
                "Turn the selected layers into a network of their own, used by one Block node",
            ),
            ["Ctrl+G"],
            context=canvas,
        )
        self.ungroup = _make(
            parent,
            "model_ungroup",
            translate("Actions", "Un&group"),
            translate("Actions", "Put the selected Block's layers back in its place"),
            ["Ctrl+Shift+G"],
            context=canvas,
        )

        # --- training (issue 5): netstudio.gui.training.ui.TrainingUi enables and connects them ---
        self.train = _make(
            parent,
            "train_start",
            translate("Actions", "&Train"),
            translate("Actions", "Train the network"),
            ["F5"],
            "train",
        )
        self.pause = _make(
            parent,
            "train_pause",
            translate("Actions", "&Pause"),
            translate("Actions", "Pause or resume training"),
            ["F6"],
            "pause",
        )
        self.stop = _make(
            parent,
            "train_stop",
            translate("Actions", "&Stop"),
            translate("Actions", "Stop training after this batch"),
            ["Shift+F5"],
            "stop",
        )
        for action in (self.pause, self.stop):
            action.setEnabled(False)  # until a run starts
        # --- search (issue 17): netstudio.gui.search_ui.SearchUi connects it ---
        self.search = _make(
            parent,
            "search_start",
            translate("Actions", "S&earch"),
            translate("Actions", "Search the values set out in the Search panel, trial by trial"),
            ["Ctrl+F5"],
            "search",
        )

        self.getting_started = _make(
            parent,
            "help_getting_started",
            translate("Actions", "&Getting Started"),
            translate("Actions", "The four steps from an empty canvas to a trained network"),
            [Key.HelpContents, "F1"],
        )
        self.shortcuts = _make(
            parent,
            "help_shortcuts",
            translate("Actions", "&Keyboard Shortcuts"),
            translate("Actions", "Every keyboard shortcut and what it does"),
        )
        self.layer_reference = _make(
            parent,
            "help_layer_reference",
            translate("Actions", "&Layer Reference"),
            translate("Actions", "Every layer with its parameters, defaults and ranges"),
        )
        self.about = _make(
            parent,
            "help_about",
            translate("Actions", "&About NetStudio"),
            translate("Actions", "About NetStudio"),
            [],
            "about",
        )

        self.keys_in_fields = WindowKeysInFields(parent, self.undo, self.redo, self.all())

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]


class WindowKeysInFields(QObject):
    """The window's keys, pressed in a field that edits the project, act on the project.

    A focused line edit or spin box takes Ctrl+Z and Ctrl+Shift+Z for its own typing (it
    accepts Qt's ShortcutOverride), so the window's Undo never fired from the Inspector, the
    Training or the Data panel until the canvas had focus. In a field inside a widget that
    `holds_project_fields`, Undo and Redo's keys are the window's: like Blender's and Qt
    Creator's property editors, the entry being typed is first committed (as Enter would), then
    the project's last edit is undone, so one Ctrl+Z always undoes the last committed edit and
    the field shows the undone value. Any other window shortcut pressed there (Save, Train,
    Export) also commits the entry first, so it acts on what the field shows. Other fields (a
    search box) keep their own keys.
    """

    def __init__(
        self, window: QObject, undo: QAction, redo: QAction, others: Sequence[QAction] = ()
    ) -> None:
        super().__init__(window)
        self.window = window
        self.undo = undo
        self.redo = redo
        self.others = [a for a in others if a is not undo and a is not redo]
        #: The project field that has the focus: keys go to it, and it alone is filtered
        #: (an application-wide filter would run Python for every event of the app).
        self._field: QWidget | None = None
        app = QApplication.instance()
        if isinstance(window, QWidget) and isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._field is not None and shiboken6.isValid(self._field):
            self._field.removeEventFilter(self)
        self._field = None
        if new is not None and self._is_project_field(new):
            new.installEventFilter(self)
            self._field = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind != QEvent.Type.ShortcutOverride and kind != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        keys = QKeySequence(event.keyCombination())
        history = next((a for a in (self.undo, self.redo) if _bound(a, keys)), None)
        if history is None:
            if kind == QEvent.Type.ShortcutOverride and any(
                a.isEnabled() and a.shortcutContext() != _CANVAS and _bound(a, keys)
                for a in self.others
            ):
                self._commit(watched)  # then the shortcut goes on as usual
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the field as a key press, handled below
            return True
        self._commit(watched)
        history.trigger()  # does nothing while there is nothing to undo or redo
        return True

    def _is_project_field(self, watched: QObject) -> bool:
        if not isinstance(watched, (QLineEdit, QAbstractSpinBox)) or watched.isReadOnly():
            return False
        return self._in_window(watched) and edits_project(watched)

    def _in_window(self, widget: QWidget) -> bool:
        """Whether `widget` is in this window, or in one of its docks floating beside it."""
        top = widget.window()
        while top is not self.window:
            parent = top.parentWidget() if isinstance(top, QDockWidget) else None
            if parent is None:
                return False
            top = parent.window()
        return True

    @staticmethod
    def _commit(field: QWidget) -> None:
        """Commit the entry being typed in `field`, as Enter does (one that cannot be taken
        stays on show, refused, and commits nothing)."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            enter = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(field, enter)


_CANVAS = Qt.ShortcutContext.WidgetWithChildrenShortcut  # the canvas's keys: not from fields


def _bound(action: QAction, keys: QKeySequence) -> bool:
    """Whether `keys` is one of `action`'s shortcuts."""
    exact = QKeySequence.SequenceMatch.ExactMatch
    return any(keys.matches(shortcut) == exact for shortcut in action.shortcuts())
