"""Editing locked while a run trains: the network being trained must not change under it.

`EditLock.set_locked(True)` disables the window's editing actions (and New/Open/Close: the run
belongs to this project), takes the undo history away from the Undo/Redo actions, disables the
palette, the inspector and the Open Recent menu, refuses drops on the canvas and its Tab
quick-add, and makes the scene's nodes unmovable and its ports unwireable (event filters on the
view and the scene: the canvas code is untouched), on every network's tab shown while the run
trains (the blocks it reaches, a GAN's two networks, and the others alike). Whatever slipped
through would not reach the run anyway: it trains a copy of the graph.
Everything is put back as it was on `set_locked(False)`. The Training panel and the status bar
say why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QMenu

from netstudio.gui.canvas.port_item import PortItem

if TYPE_CHECKING:
    from netstudio.gui.canvas.scene import CanvasScene
    from netstudio.gui.document import Document
    from netstudio.gui.main_window import MainWindow

#: The window's menu actions that edit the graph or replace the project.
LOCKED_ACTIONS = ("cut", "paste", "duplicate", "delete", "rename", "auto_layout", "new", "open",
                  "close", "new_network", "rename_network", "duplicate_network", "delete_network",
                  "set_main_network", "make_block", "ungroup")  # fmt: skip


class EditLock(QObject):
    """Locks and unlocks a `MainWindow`'s editing (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self._enabled: dict[str, bool] = {}
        self._scene: CanvasScene | None = None
        self._document: Document | None = None

    def set_locked(self, locked: bool) -> None:
        if locked == self.locked:
            return
        self.locked = locked
        window = self.window
        actions = window.menu_actions
        if locked:
            self._enabled = {n: getattr(actions, n).isEnabled() for n in LOCKED_ACTIONS}
        for name in LOCKED_ACTIONS:
            getattr(actions, name).setEnabled(not locked and self._enabled.get(name, True))
        document = window.document
        if document is not None:
            # PySide6's stub takes a QUndoStack only; Qt takes None too (no active stack).
            stack = None if locked else document.undo_stack
            window.undo_group.setActiveStack(stack)  # type: ignore[arg-type]
        window.palette_panel.setEnabled(not locked)
        window.inspector.setEnabled(not locked)
        window.view.setAcceptDrops(not locked)
        recent = window.findChild(QMenu, "menu_recent")
        if recent is not None:
            recent.setEnabled(not locked)
        if locked:
            window.view.installEventFilter(self)
            self._lock_scene()
            if document is not None:  # another tab shown (a block, the GAN's other network)
                document.network_shown.connect(self._lock_scene)
                self._document = document
        else:
            window.view.removeEventFilter(self)
            if self._document is not None and shiboken6.isValid(self._document):
                self._document.network_shown.disconnect(self._lock_scene)
            self._document = None
            self._unlock_scene()
            if window.scene is not None:
                for item in window.scene.nodes.values():
                    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)

    def _lock_scene(self, *_: object) -> None:
        """Lock the canvas shown now: every network's tab is read-only while a run trains
        (the window's editing actions are off for all of them)."""
        scene = self.window.scene
        if scene is self._scene:
            return
        self._unlock_scene()
        if scene is not None:
            self._scene = scene
            scene.installEventFilter(self)
            for item in scene.nodes.values():
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)

    def _unlock_scene(self) -> None:
        if self._scene is not None and shiboken6.isValid(self._scene):
            self._scene.removeEventFilter(self)
        self._scene = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swallow a press on a port (the start of a wire) and Tab (quick-add) while locked."""
        if not self.locked:
            return super().eventFilter(watched, event)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
        ):
            self._say_locked()
            return True
        if (
            event.type() == QEvent.Type.GraphicsSceneMousePress
            and isinstance(event, QGraphicsSceneMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            items = watched.items(event.scenePos())  # type: ignore[attr-defined]
            if any(isinstance(item, PortItem) for item in items):
                self._say_locked()
                return True
        return super().eventFilter(watched, event)

    def _say_locked(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("Editing is locked while training: Stop the run to change the network"), 5000
        )
