"""Build a panel's costly parts when a person first sees it, not with the window.

Plots are the largest part of the main window's building time (each pyqtgraph plot costs tens
of milliseconds), and most of them sit in docks tabbed behind others: the Curves, Search,
Evaluation… A panel calls `when_first_shown(self, self._build)`, keeps what it is given until
then, and draws it in `_build`.

"Shown" is what a person sees, not `QWidget.isVisible()`: when the window appears, every dock of
a tab group gets a show event, and those behind the front tab are only moved out of sight (Qt
says which are on screen with `QDockWidget.visibilityChanged`). So the build runs at the first
show of the widget when it is not in a dock, or when its dock is on screen then; otherwise when
its dock's tab is first brought to the front. What was built is laid out at once, before the
next paint, so the first frame that shows the panel shows it whole, as if built beforehand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QWidget


class FirstShown(QObject):
    """Calls `build` once, when `widget` is first on screen (see module docstring)."""

    def __init__(self, widget: QWidget, build: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self._build: Callable[[], None] | None = build
        self._dock: QDockWidget | None = None
        widget.installEventFilter(self)

    @property
    def done(self) -> bool:
        return self._build is None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and not self.done:
            self._shown()
        return False

    def _shown(self) -> None:
        dock = _dock_of(self.widget)
        if dock is None or _on_screen(dock):
            self.build()
        elif dock is not self._dock:
            self._dock = dock
            dock.visibilityChanged.connect(self._dock_visibility)

    def _dock_visibility(self, visible: bool) -> None:
        if visible and self.widget.isVisible():
            self.build()

    def build(self) -> None:
        """Build now (once): the widget is shown, or code needs its parts."""
        build, self._build = self._build, None
        if build is None:
            return
        self.widget.removeEventFilter(self)
        if self._dock is not None:
            self._dock.visibilityChanged.disconnect(self._dock_visibility)
            self._dock = None
        build()
        if self.widget.isVisible():
            _lay_out()


def _lay_out() -> None:
    """Carry out the layout requests now (widgets' and plots' layouts; a layout that changes a
    size asks again, hence the few rounds), not after the next paint."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def when_first_shown(widget: QWidget, build: Callable[[], None]) -> FirstShown:
    """Run `build` once, when `widget` is first on screen (or `FirstShown.build` is called)."""
    return FirstShown(widget, build)


def _dock_of(widget: QWidget) -> QDockWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent


def _on_screen(dock: QDockWidget) -> bool:
    """Qt's own test (`QDockWidget` emits `visibilityChanged` with it): a dock behind another
    tab is moved to negative coordinates."""
    geometry = dock.geometry()
    return dock.isVisible() and geometry.right() >= 0 and geometry.bottom() >= 0
