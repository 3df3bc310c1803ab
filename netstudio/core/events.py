"""Plain-Python events: the graph model announces its changes; views subscribe.

Qt views connect these to their own slots. Handlers run synchronously, in connection order,
on the thread that made the change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Handler = Callable[..., Any]


class Event:
    """One kind of announcement (`node_added`, `edge_removed`, ...) and its subscribers."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._handlers: list[Handler] = []

    def connect(self, handler: Handler) -> Handler:
        """Subscribe `handler`; returns it so this works as a decorator."""
        if handler not in self._handlers:
            self._handlers.append(handler)
        return handler

    def disconnect(self, handler: Handler) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        for handler in list(self._handlers):
            handler(*args)

    def __repr__(self) -> str:
        return f"<Event {self.name} ({len(self._handlers)} handlers)>"


class Subscriptions:
    """Handlers connected to their events now and disconnected together by `close()`: what a
    view of the graph holds for as long as it listens."""

    def __init__(self, pairs: Sequence[tuple[Event, Handler]]) -> None:
        self._pairs = list(pairs)
        for event, handler in pairs:
            event.connect(handler)

    def close(self) -> None:
        for event, handler in self._pairs:
            event.disconnect(handler)


class GraphEvents:
    """The events of a `NetworkGraph`, each named in the past tense.

    node_added(node) · node_removed(node) · edge_added(edge) · edge_removed(edge) ·
    params_changed(node, old_params) · node_moved(node, old_position) ·
    renamed(node, old_name) · cleared()
    """

    def __init__(self) -> None:
        self.node_added = Event("node_added")
        self.node_removed = Event("node_removed")
        self.edge_added = Event("edge_added")
        self.edge_removed = Event("edge_removed")
        self.params_changed = Event("params_changed")
        self.node_moved = Event("node_moved")
        self.renamed = Event("renamed")
        self.cleared = Event("cleared")

    def all(self) -> list[Event]:
        return [value for value in vars(self).values() if isinstance(value, Event)]
