"""Every edit of the network as an undoable command: the one home of QUndoCommand subclasses.

Each `redo()` and `undo()` calls only the core graph API; the canvas redraws from the graph's
events. `push` tries each command before it enters the undo stack: an edit the graph refuses
(a cycle, a taken name, a bad parameter value) changes nothing, neither the graph nor the
history, and the refusal comes back to say why.

A command's text is what Edit ▸ Undo and Redo show ("Undo Add Linear 'fc1'"): written in the
app's language (context "Commands"; those with a count in `command_texts`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from netstudio.core.errors import GraphError
from netstudio.core.graph import Edge, NetworkGraph, Position
from netstudio.gui.command_texts import counted
from netstudio.io import ProjectFileError, graph_from_dict

if TYPE_CHECKING:
    from netstudio.gui.document import Document

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)


class GraphCommand(QUndoCommand):
    """Base class: an edit of `graph` that `push` tries before it enters the history."""

    def __init__(self, graph: NetworkGraph, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.graph = graph
        self.error: GraphError | None = None
        self._done = False

    def attempt(self) -> GraphError | None:
        """Do the edit now; returns the graph's refusal (and then nothing has changed)."""
        try:
            self.apply()
        except GraphError as error:
            self.error = error
            return error
        self._done = True
        return None

    def redo(self) -> None:
        if self._done:  # done by attempt() just before QUndoStack.push called this
            self._done = False
            return
        try:
            self.apply()
        except GraphError as error:  # pushed without attempt() and refused: drop it
            self.error = error
            self.setObsolete(True)

    def apply(self) -> None:
        raise NotImplementedError


def push(stack: QUndoStack, command: GraphCommand) -> GraphError | None:
    """Do `command` and keep it in `stack`; a refused edit changes nothing, the history included
    (pushing would drop the redo history even for an edit that does not happen)."""
    error = command.attempt()
    if error is None:
        stack.push(command)
    return error


@dataclass
class NodeRecord:
    """All it takes to put a removed node back exactly: same id, name, params, position and
    place in the file order."""

    node_id: str
    type_id: str
    name: str
    params: dict[str, Any] = field(default_factory=dict)
    position: Position = (0.0, 0.0)
    place: int | None = None

    @classmethod
    def of(cls, graph: NetworkGraph, node_id: str) -> NodeRecord:
        node = graph.node(node_id)
        return cls(
            node.id, node.type_id, node.name, dict(node.params), node.position, graph.place(node_id)
        )


def restore(
    graph: NetworkGraph, records: Iterable[NodeRecord], edges: Mapping[Edge, int | None]
) -> None:
    """Put recorded nodes back with their ids, names, params and places, then their wires
    (each at its recorded place)."""
    for record in records:
        graph.add_node(
            record.type_id,
            name=record.name,
            params=record.params,
            position=record.position,
            node_id=record.node_id,
            place=record.place,
        )
    for edge, place in edges.items():
        graph.connect(edge.src, edge.src_port, edge.dst, edge.dst_port, place=place)


class AddNodeCommand(GraphCommand):
    """Place a new layer; its id and automatic name are kept so redo gives the same node."""

    def __init__(
        self,
        graph: NetworkGraph,
        type_id: str,
        position: Position,
        *,
        name: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(graph, translate("Commands", "Add {layer}").format(layer=type_id))
        self.type_id = type_id
        self.position = position
        self.name = name
        self.params = dict(params or {})
        self.node_id: str | None = None

    def apply(self) -> None:
        node = self.graph.add_node(
            self.type_id,
            name=self.name,
            params=self.params,
            position=self.position,
            node_id=self.node_id,
        )
        self.node_id, self.name = node.id, node.name
        self.setText(translate("Commands", "Add {layer}").format(layer=node.label))

    def undo(self) -> None:
        assert self.node_id is not None
        self.graph.remove_node(self.node_id)


class RemoveNodesCommand(GraphCommand):
    """Delete nodes with all their wires; undo restores ids, params, positions and wires."""

    def __init__(self, graph: NetworkGraph, node_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(node_ids))
        if len(ids) == 1:
            text = translate("Commands", "Delete {name}").format(name=graph.node(ids[0]).name)
        else:
            text = counted().delete_nodes(len(ids))
        super().__init__(graph, text)
        self.node_ids = ids
        self.records: list[NodeRecord] = []
        self.edges: dict[Edge, int | None] = {}

    def apply(self) -> None:
        graph = self.graph
        touched: set[Edge] = set()
        for node_id in self.node_ids:
            touched.update(graph.in_edges(node_id))
            touched.update(graph.out_edges(node_id))
        self.edges = {edge: graph.place(edge) for edge in sorted(touched, key=graph.place)}
        self.records = [NodeRecord.of(graph, node_id) for node_id in self.node_ids]
        for node_id in self.node_ids:
            graph.remove_node(node_id)

    def undo(self) -> None:
        restore(self.graph, self.records, self.edges)


class ConnectCommand(GraphCommand):
    """Wire an output port to an input port."""

    def __init__(self, graph: NetworkGraph, src: str, src_port: str, dst: str, dst_port: str):
        text = translate("Commands", "Connect {source} → {target}")
        super().__init__(
            graph, text.format(source=graph.node(src).name, target=graph.node(dst).name)
        )
        self.edge = Edge(src, src_port, dst, dst_port)

    def apply(self) -> None:
        edge = self.edge
        self.graph.connect(edge.src, edge.src_port, edge.dst, edge.dst_port)

    def undo(self) -> None:
        self.graph.disconnect(self.edge)


class DisconnectCommand(GraphCommand):
    """Remove one wire."""

    def __init__(self, graph: NetworkGraph, edge: Edge, parent: QUndoCommand | None = None):
        text = translate("Commands", "Disconnect {source} → {target}").format(
            source=graph.node(edge.src).name, target=graph.node(edge.dst).name
        )
        super().__init__(graph, text, parent)
        self.edge = edge
        self.place: int | None = None

    def apply(self) -> None:
        self.place = self.graph.place(self.edge)
        self.graph.disconnect(self.edge)

    def undo(self) -> None:
        edge = self.edge
        self.graph.connect(edge.src, edge.src_port, edge.dst, edge.dst_port, place=self.place)


class DeleteCommand(GraphCommand):
    """Delete a selection of nodes and wires as one step: the wires first, then the nodes."""

    def __init__(self, graph: NetworkGraph, node_ids: Iterable[str], edges: Iterable[Edge]):
        ids = list(dict.fromkeys(node_ids))
        lone = [e for e in dict.fromkeys(edges) if e.src not in ids and e.dst not in ids]
        count = len(ids) + len(lone)
        super().__init__(graph, counted().delete_items(count))
        self.parts: list[GraphCommand] = [DisconnectCommand(graph, e) for e in lone]
        if ids:
            self.parts.append(RemoveNodesCommand(graph, ids))
        if count == 1:
            self.setText(self.parts[0].text())

    def apply(self) -> None:
        for part in self.parts:
            part.apply()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


class AddConnectedCommand(GraphCommand):
    """Add a layer wired to an existing port, as one step (quick-add after a wire was dropped
    on empty canvas). From an output port the new layer's first input takes the wire; to an
    input port the new layer's first output feeds it."""

    def __init__(
        self, graph: NetworkGraph, add: AddNodeCommand, node_id: str, port: str, is_input: bool
    ) -> None:
        super().__init__(graph, translate("Commands", "Add {layer}").format(layer=add.type_id))
        self.add = add
        self.node_id, self.port, self.is_input = node_id, port, is_input
        self.edge: Edge | None = None

    def apply(self) -> None:
        graph = self.graph
        self.add.apply()
        new = graph.node(self.add.node_id or "")
        try:
            if self.is_input:
                if not new.output_ports:
                    said = translate("Commands", "{layer} has no output to feed '{port}'")
                    raise GraphError(said.format(layer=new.label, port=self.port), new.id)
                self.edge = graph.connect(new.id, new.output_ports[0], self.node_id, self.port)
            else:
                if not new.input_ports:
                    said = translate("Commands", "{layer} has no input to take '{port}'")
                    raise GraphError(said.format(layer=new.label, port=self.port), new.id)
                self.edge = graph.connect(self.node_id, self.port, new.id, new.input_ports[0])
        except GraphError:
            self.add.undo()
            raise
        self.setText(translate("Commands", "Add {layer}").format(layer=new.label))

    def undo(self) -> None:
        assert self.edge is not None
        self.graph.disconnect(self.edge)
        self.add.undo()


class InsertIntoWireCommand(GraphCommand):
    """Put a node into a wire, src → node → dst, as one step: a node dropped onto a wire.

    The node is an unwired one already in the graph (moved there, `moves` says from where to
    where), or a new layer (`add`, dropped from the palette or quick-add). Its first input and
    first output take the wire's two ends.
    """

    def __init__(
        self,
        graph: NetworkGraph,
        edge: Edge,
        *,
        node_id: str | None = None,
        add: AddNodeCommand | None = None,
        moves: Mapping[str, tuple[Position, Position]] | None = None,
    ) -> None:
        super().__init__(graph, translate("Commands", "Insert into wire"))
        self.edge = edge
        self.node_id = node_id
        self.add = add
        self.move = MoveNodesCommand(graph, moves) if moves else None
        self.place: int | None = None
        self.new_edges: list[Edge] = []

    def apply(self) -> None:
        graph, edge = self.graph, self.edge
        if self.add is not None:
            self.add.apply()
            self.node_id = self.add.node_id
        assert self.node_id is not None
        node = graph.node(self.node_id)
        try:
            if not node.input_ports or not node.output_ports:
                said = translate(
                    "Commands", "{layer} needs an input and an output to sit in a wire"
                )
                raise GraphError(said.format(layer=node.label))
            if graph.in_edges(node.id) or graph.out_edges(node.id):
                said = translate(
                    "Commands", "{layer} is already wired: only a free node goes in a wire"
                )
                raise GraphError(said.format(layer=node.label))
            self.place = graph.place(edge)
            graph.disconnect(edge)
            try:
                first = graph.connect(edge.src, edge.src_port, node.id, node.input_ports[0])
                self.new_edges = [first]
                second = graph.connect(node.id, node.output_ports[0], edge.dst, edge.dst_port)
                self.new_edges.append(second)
            except GraphError:
                self._unwire()
                raise
        except GraphError:
            if self.add is not None:
                self.add.undo()
            raise
        if self.move is not None:
            self.move.apply()
        self.setText(translate("Commands", "Insert {name} into wire").format(name=node.name))

    def _unwire(self) -> None:
        for new in reversed(self.new_edges):
            self.graph.disconnect(new)
        self.new_edges = []
        edge = self.edge
        self.graph.connect(edge.src, edge.src_port, edge.dst, edge.dst_port, place=self.place)

    def undo(self) -> None:
        if self.move is not None:
            self.move.undo()
        self._unwire()
        if self.add is not None:
            self.add.undo()


class MoveNodesCommand(GraphCommand):
    """Move one or many nodes: one drag is one undo step."""

    def __init__(self, graph: NetworkGraph, moves: Mapping[str, tuple[Position, Position]]):
        count = len(moves)
        if count == 1:
            text = translate("Commands", "Move {name}").format(
                name=graph.node(next(iter(moves))).name
            )
        else:
            text = counted().move_nodes(count)
        super().__init__(graph, text)
        self.moves = dict(moves)

    def apply(self) -> None:
        for node_id, (_, new) in self.moves.items():
            self.graph.move(node_id, new)

    def undo(self) -> None:
        for node_id, (old, _) in self.moves.items():
            self.graph.move(node_id, old)


class SetParamsCommand(GraphCommand):
    """Change some parameters of one node."""

    def __init__(self, graph: NetworkGraph, node_id: str, changes: Mapping[str, Any]) -> None:
        names = translate("Commands", ", ", "between parameter names").join(
            k.replace("_", " ") for k in changes
        )
        text = translate("Commands", "Change {name} {parameters}", "parameters: their names")
        super().__init__(graph, text.format(name=graph.node(node_id).name, parameters=names))
        self.node_id = node_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        old = self.graph.set_params(self.node_id, self.changes)
        self.old = {name: old[name] for name in self.changes if name in old}

    def undo(self) -> None:
        self.graph.set_params(self.node_id, self.old)


class RenameCommand(GraphCommand):
    """Give a node a new name."""

    def __init__(self, graph: NetworkGraph, node_id: str, name: str) -> None:
        old = graph.node(node_id).name
        text = translate("Commands", "Rename {old} to {new}").format(old=old, new=name.strip())
        super().__init__(graph, text)
        self.node_id = node_id
        self.name = name
        self.old = old

    def apply(self) -> None:
        self.old = self.graph.rename(self.node_id, self.name)

    def undo(self) -> None:
        self.graph.rename(self.node_id, self.old)


class PasteCommand(GraphCommand):
    """Add the nodes and wires of a copied ``graph`` section, moved by `offset`: one step.

    Taken ids and names get fresh ones; a redo brings back the very same nodes.
    """

    def __init__(self, graph: NetworkGraph, data: Mapping[str, Any], offset: Position) -> None:
        count = len(data.get("nodes", []))
        super().__init__(graph, counted().paste_nodes(count))
        self.data = data
        self.offset = offset
        self.records: list[NodeRecord] = []
        self.edges: dict[Edge, int | None] = {}

    @property
    def node_ids(self) -> list[str]:
        return [record.node_id for record in self.records]

    def apply(self) -> None:
        if self.records:
            restore(self.graph, self.records, self.edges)
            return
        dx, dy = self.offset
        data = dict(self.data)
        data["nodes"] = [
            {**node, "position": [node["position"][0] + dx, node["position"][1] + dy]}
            if isinstance(node, dict) and _is_point(node.get("position"))
            else node
            for node in self.data.get("nodes", [])
        ]
        before = {node.id for node in self.graph.nodes()}
        try:
            graph_from_dict(data, self.graph, rename=True)
        except ProjectFileError as error:
            from netstudio.gui.project_files import file_problem_text

            said = file_problem_text(error.problems[0]) if error.problems else str(error)
            raise GraphError(
                translate("Commands", "cannot paste: {error}").format(error=said)
            ) from None
        added = [node for node in self.graph.nodes() if node.id not in before]
        self.records = [NodeRecord.of(self.graph, n.id) for n in added]
        ids = set(self.node_ids)
        self.edges = {
            e: self.graph.place(e) for e in self.graph.edges() if e.src in ids and e.dst in ids
        }

    def undo(self) -> None:
        for node_id in reversed(self.node_ids):
            self.graph.remove_node(node_id)


def _is_point(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    )


# --- project settings and run history (issue 5) ------------------------------------------------
# These edit `document.project` sections, not the graph: push them with
# `document.undo_stack.push(...)` (on the stack's index change the document finds which
# section changed and announces it with `Document.section_changed`, analysing no part of the
# graph, then `Document.edited` fires).
# A finished run is not among them: it is a record, kept with `Document.add_run`, and no undo
# removes it. Renaming and deleting runs are edits; they announce `Document.runs_changed`.


class SetSectionCommand(QUndoCommand):
    """Replace the project's ``data`` or ``training`` section with `value` (a JSON-able dict).

    Consecutive edits of the same section with the same `text` (one field typed or spun) merge
    into one undo step.
    """

    ID = 5001

    def __init__(self, document: Document, section: str, value: dict[str, Any], text: str):
        if section not in ("data", "training"):
            raise ValueError(f"unknown project section {section!r}: use 'data' or 'training'")
        super().__init__(text)
        self.document = document
        self.section = section
        self.old = copy.deepcopy(getattr(document.project, section))
        self.new = copy.deepcopy(value)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetSectionCommand)
            and other.section == self.section
            and other.text() == self.text()
        ):
            return False
        self.new = copy.deepcopy(other.new)
        return True

    def redo(self) -> None:
        setattr(self.document.project, self.section, copy.deepcopy(self.new))

    def undo(self) -> None:
        setattr(self.document.project, self.section, copy.deepcopy(self.old))


class SetViewFlowCommand(QUndoCommand):
    """Which way the canvas shows the network flowing (the project's ``view.flow``: "right" or
    "down"); the canvas puts the ports on that flow's edges. Auto-layout pushes it with its
    moves as one step."""

    def __init__(self, document: Document, flow: str, parent: QUndoCommand | None = None):
        super().__init__(translate("Commands", "Change flow"), parent)
        self.document = document
        self.old = document.project.view.get("flow")
        self.new = flow

    def redo(self) -> None:
        self.document.project.view["flow"] = self.new

    def undo(self) -> None:
        if self.old is None:
            self.document.project.view.pop("flow", None)
        else:
            self.document.project.view["flow"] = self.old


class RenameRunCommand(QUndoCommand):
    """Give a run of the history a new name (the record is found by identity, not position)."""

    def __init__(self, document: Document, record: dict[str, Any], name: str) -> None:
        self.old = str(record.get("name") or "")
        old = self.old or translate("Commands", "run", "a run without a name")
        super().__init__(translate("Commands", "Rename {old} to {new}").format(old=old, new=name))
        self.document = document
        self.record = record
        self.name = name

    def redo(self) -> None:
        self.record["name"] = self.name
        self.document.runs_changed.emit()

    def undo(self) -> None:
        self.record["name"] = self.old
        self.document.runs_changed.emit()


class DeleteRunsCommand(QUndoCommand):
    """Remove runs from the history; undo puts them back where they were. The run folders on
    disk stay (deleting is undoable; removing files would not be).

    Records are found by identity, and each goes back at the place it had: runs added after
    the delete (records, outside the undo history) stay after it, so the history keeps the
    order the runs were made in."""

    def __init__(self, document: Document, records: Iterable[dict[str, Any]]) -> None:
        self.document = document
        chosen = [id(record) for record in records]
        runs = document.project.runs
        self.removed = [(i, r) for i, r in enumerate(runs) if id(r) in chosen]
        count = len(self.removed)
        name = self.removed[0][1].get("name") if count == 1 else None
        if name:
            text = translate("Commands", "Delete {name}").format(name=name)
        else:
            text = counted().delete_runs(count)
        super().__init__(text)

    def redo(self) -> None:
        runs = self.document.project.runs
        for _, record in self.removed:
            for i, kept in enumerate(runs):
                if kept is record:
                    del runs[i]
                    break
        self.document.runs_changed.emit()

    def undo(self) -> None:
        runs = self.document.project.runs
        for index, record in self.removed:
            runs.insert(min(index, len(runs)), record)
        self.document.runs_changed.emit()


class SetStartingWeightsCommand(QUndoCommand):
    """Replace the project's starting weights (`Document.starting_weights`, the tensors a run
    starts from, kept beside the file on Save) with `tensors`: Model > Load weights…, and Fit
    to data dropping its layer's. The tensors are held, not copied (nothing edits them)."""

    def __init__(
        self,
        document: Document,
        tensors: Mapping[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.old = dict(document.starting_weights)
        self.new = dict(tensors)

    def redo(self) -> None:
        self.document.set_starting_weights(self.new)

    def undo(self) -> None:
        self.document.set_starting_weights(self.old)
