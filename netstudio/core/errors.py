"""Typed errors raised by the graph model; the UI asks `can_connect()` instead of catching them."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error an edit of a `NetworkGraph` can raise.

    `node_id` names the node at fault when there is one, so a caller can point at it.
    """

    def __init__(self, message: str, node_id: str | None = None) -> None:
        super().__init__(message)
        self.node_id = node_id

    @property
    def message(self) -> str:
        """The message as raised: a `netstudio.core.messages.Message` where it is one, so the
        app can show it translated."""
        first = self.args[0] if len(self.args) == 1 else None
        return first if isinstance(first, str) else str(self)


class UnknownLayerError(GraphError):
    """A layer type id that is not in the catalogue."""


class UnknownNodeError(GraphError):
    """A node id that is not in the graph."""


class PortError(GraphError):
    """A port name that the node does not have, or an output used as an input."""


class PortInUseError(GraphError):
    """An input port that already has a wire: an input takes exactly one."""


class CycleError(GraphError):
    """A wire that would close a loop; networks here are acyclic."""


class ParamError(GraphError):
    """A parameter value of the wrong type, out of range, or unknown to the layer."""

    def __init__(self, message: str, node_id: str | None = None, param: str | None = None) -> None:
        super().__init__(message, node_id)
        self.param = param


class NameInUseError(GraphError):
    """A node name that another node already has; names are unique in a graph."""


class ShapeError(GraphError):
    """A tensor shape a layer cannot take."""
