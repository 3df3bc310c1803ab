"""Every action of the main window, declared in one place.

Each has an objectName (tests and the toolbar find it by that), the platform's standard
shortcut where there is one, an icon, and a tooltip that says its shortcut. The main window
connects them; menus and the toolbar only place them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup

from netstudio.gui.icons import icon

Key = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str


def _tooltip(action: QAction, tip: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)


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
        self.new = _make(parent, "file_new", "&New", "New project", [Key.New], "new")
        self.open = _make(parent, "file_open", "&Open…", "Open a project", [Key.Open], "open")
        self.save = _make(parent, "file_save", "&Save", "Save the project", [Key.Save], "save")
        self.save_as = _make(
            parent,
            "file_save_as",
            "Save &As…",
            "Save the project under a new name",
            [Key.SaveAs, "Ctrl+Shift+S"],
        )
        self.close = _make(parent, "file_close", "&Close", "Close the project", [Key.Close])
        self.examples = _make(
            parent, "file_examples", "&Examples…", "Open one of the example projects"
        )
        self.import_model = _make(
            parent,
            "file_import",
            "&Import…",
            "Bring in a PyTorch module (Python file or torchvision) or an ONNX file",
            ["Ctrl+I"],
        )
        self.export = _make(
            parent,
            "file_export",
            "&Export…",
            "Export the network as PyTorch code, TorchScript, ONNX or weights",
            ["Ctrl+E"],
        )
        self.quit = _make(parent, "file_quit", "&Quit", "Quit NetStudio", [Key.Quit, "Ctrl+Q"])

        self.undo = undo_group.createUndoAction(parent, "&Undo")
        self.undo.setObjectName("edit_undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(Key.Undo))
        self.undo.setIcon(icon("undo"))
        self.redo = undo_group.createRedoAction(parent, "&Redo")
        self.redo.setObjectName("edit_redo")
        redo_keys = [*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Y")]
        self.redo.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.redo.setIcon(icon("redo"))
        for action, word in ((self.undo, "Undo"), (self.redo, "Redo")):
            action.changed.connect(
                lambda a=action, w=word: _tooltip(a, a.text().replace("&", "") or w)
            )
            _tooltip(action, word)

        self.cut = _make(
            parent, "edit_cut", "Cu&t", "Cut the selected layers", [Key.Cut], context=canvas
        )
        self.copy = _make(
            parent,
            "edit_copy",
            "&Copy",
            "Copy the selected layers as .net JSON",
            [Key.Copy],
            context=canvas,
        )
        self.paste = _make(
            parent, "edit_paste", "&Paste", "Paste layers", [Key.Paste], context=canvas
        )
        self.duplicate = _make(
            parent,
            "edit_duplicate",
            "D&uplicate",
            "Duplicate the selected layers",
            ["Ctrl+D"],
            context=canvas,
        )
        self.delete = _make(
            parent,
            "edit_delete",
            "&Delete",
            "Delete the selected layers and wires",
            [Key.Delete, "Backspace"],
            "delete",
            canvas,
        )
        self.select_all = _make(
            parent,
            "edit_select_all",
            "Select &All",
            "Select every layer and wire",
            [Key.SelectAll],
            context=canvas,
        )
        self.rename = _make(
            parent, "edit_rename", "&Rename Layer", "Rename the selected layer", ["F2"], "rename"
        )

        self.fit = _make(
            parent, "view_fit", "&Fit to View", "Show the whole network", ["F"], "fit", canvas
        )
        self.zoom_in = _make(
            parent, "view_zoom_in", "Zoom &In", "Zoom in", [Key.ZoomIn, "Ctrl+="], "zoom_in"
        )
        self.zoom_out = _make(
            parent, "view_zoom_out", "Zoom &Out", "Zoom out", [Key.ZoomOut, "Ctrl+-"], "zoom_out"
        )
        self.zoom_reset = _make(
            parent, "view_zoom_reset", "&Actual Size", "Zoom to 100 %", ["Ctrl+0"]
        )
        self.snap = _make(parent, "view_snap", "&Snap to Grid", "Place moved layers on the grid")
        self.snap.setCheckable(True)
        self.snap.setChecked(True)
        self.reset_layout = _make(
            parent,
            "view_reset_layout",
            "&Reset Window Layout",
            "Put the panels back where they started",
        )

        self.auto_layout = _make(
            parent,
            "model_auto_layout",
            "&Auto-layout",
            "Arrange the layers left to right",
            ["Ctrl+L"],
            "layout",
        )
        self.auto_layout_down = _make(
            parent,
            "model_auto_layout_down",
            "Auto-layout &Top to Bottom",
            "Arrange the layers top to bottom",
            ["Ctrl+Shift+L"],
        )
        self.check = _make(
            parent,
            "model_check",
            "&Check Network",
            "Show the network's problems",
            ["Ctrl+Shift+C"],
            "check",
        )
        self.summary = _make(
            parent, "model_summary", "&Summary", "Show the model summary table", [], "summary"
        )

        # --- training (issue 5): netstudio.gui.training.install enables and connects them ---
        self.train = _make(parent, "train_start", "&Train", "Train the network", ["F5"], "train")
        self.pause = _make(
            parent, "train_pause", "&Pause", "Pause or resume training", ["F6"], "pause"
        )
        self.stop = _make(
            parent, "train_stop", "&Stop", "Stop training after this batch", ["Shift+F5"], "stop"
        )
        for action in (self.pause, self.stop):
            action.setEnabled(False)  # until a run starts

        self.about = _make(parent, "help_about", "&About NetStudio", "About NetStudio", [], "about")

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]
