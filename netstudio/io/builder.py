"""Building a `NetworkGraph` from the checked nodes and wires of a file.

The meaning of the values is checked here, through the graph's own checks: layer types,
parameters, ids, names, ports, inputs wired twice. Every problem is collected (with its JSON
path), not only the first; what cannot be built is left out, so the caller decides whether a
partly readable file is an error (strict) or opens with its problems listed (lenient).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from netstudio.core.catalogue import LayerSpec, catalogue
from netstudio.core.errors import (
    CycleError,
    GraphError,
    NameInUseError,
    ParamError,
    PortError,
    UnknownNodeError,
)
from netstudio.core.graph import Edge, NetworkGraph
from netstudio.io import problem_messages as words
from netstudio.io.errors import FileProblem, json_path
from netstudio.io.schema import EdgeModel, NodeModel


class GraphBuilder:
    """Adds a file's nodes, then its wires, to `graph`, collecting the problems in `problems`.

    rename: give a node whose id or name is already taken in `graph` (not in the file itself) a
    fresh one, so that pasting a copy into the graph it came from works.
    left_out: ids of nodes already known to be unreadable; wires to them are dropped silently.
    at: the JSON path of the graph in the file (``networks[1].graph``), which problems start with.
    """

    def __init__(
        self,
        graph: NetworkGraph,
        *,
        rename: bool = False,
        left_out: Iterable[str] = (),
        at: tuple[str | int, ...] = ("networks", 0, "graph"),
    ) -> None:
        self.graph = graph
        self.at = at
        self.rename = rename
        self.problems: list[FileProblem] = []
        self.added: list[str] = []
        self._graph_ids: dict[str, str] = {}  # id in the file -> id in the graph
        self._rows: dict[str, int] = {}  # id in the file -> its row
        self._names: dict[str, int] = {}  # name in the file -> its row
        self._unread: set[str] = set(left_out)  # ids of nodes not built (their problem is known)
        self._edge_rows: dict[Edge, int] = {}

    # --- nodes ---------------------------------------------------------------------------------

    def add_nodes(self, rows: Iterable[tuple[int, NodeModel]]) -> None:
        """Add each `(row in the file, node)`; a node with any problem is left out whole."""
        for row, node in rows:
            self._add_node(row, node)

    def _add_node(self, row: int, node: NodeModel) -> None:
        def at(*parts: str) -> str:
            return json_path(*self.at, "nodes", row, *parts)

        if node.id in self._rows:
            first = json_path(*self.at, "nodes", self._rows[node.id])
            self._problem(at("id"), words.DUPLICATE_ID(first=first, id=node.id))
            return
        self._rows[node.id] = row
        if node.type not in catalogue():
            self._unread.add(node.id)
            self._problem(at("type"), catalogue().unknown_message(node.type))
            return
        spec = catalogue().get(node.type)
        name = (node.id if node.name is None else node.name).strip()
        bad_params = self._param_problems(spec, node.params, f"{spec.name} '{name}'", row)
        if bad_params:
            self._unread.add(node.id)
            self.problems.extend(bad_params)
            return
        if name in self._names:
            self._unread.add(node.id)
            first = json_path(*self.at, "nodes", self._names[name])
            self._problem(at("name"), words.DUPLICATE_NAME(first=first, name=name))
            return
        self._names[name] = row
        node_id: str | None = node.id
        if self.rename:
            node_id, name = self._fresh(node.id, name, spec)
        elif node.id in self.graph:  # pasting into a graph that has it
            self._unread.add(node.id)
            self._problem(at("id"), words.ID_EXISTS(id=node.id))
            return
        try:
            built = self.graph.add_node(
                spec.type_id, name=name, params=node.params, position=node.position, node_id=node_id
            )
        except ParamError as error:  # already checked above; kept for safety
            self._unread.add(node.id)
            self._problem(at("params", error.param or ""), error.message)
            return
        except NameInUseError as error:
            self._unread.add(node.id)
            self._problem(at("name"), error.message)
            return
        except GraphError as error:  # an id taken in the graph, or not a valid id
            self._unread.add(node.id)
            self._problem(at("id"), error.message)
            return
        self._graph_ids[node.id] = built.id
        self.added.append(built.id)

    def _fresh(self, node_id: str, name: str, spec: LayerSpec) -> tuple[str | None, str]:
        """An id (None: let the graph choose) and name not taken in the graph."""
        new_id = None if node_id in self.graph else node_id
        try:
            self.graph.node_by_name(name)
        except UnknownNodeError:
            return new_id, name
        stem = re.sub(r"\d+$", "", name) or spec.base_name
        return new_id, self.graph.unique_name(stem)

    def _param_problems(
        self, spec: LayerSpec, params: Mapping[str, Any], owner: str, row: int
    ) -> list[FileProblem]:
        """A problem for every bad or unknown parameter (not only the first, as the graph does)."""
        problems = []
        known = spec.param_names()
        for key, value in params.items():
            try:
                if key in known:
                    spec.param(key).check(value, owner)
                else:  # the catalogue's message suggests the closest name
                    spec.check_params({key: value}, owner)
            except ParamError as error:
                path = json_path(*self.at, "nodes", row, "params", key)
                problems.append(FileProblem(path, error.message))
        return problems

    # --- wires ---------------------------------------------------------------------------------

    def add_edges(self, rows: Iterable[tuple[int, EdgeModel]]) -> None:
        """Add each `(row in the file, wire)`. A wire to a node left out is dropped silently (that
        node's own problem says why); a wire that closes a cycle is kept (see `_add_edge`)."""
        for row, edge in rows:
            self._add_edge(row, edge)

    def _add_edge(self, row: int, edge: EdgeModel) -> None:
        def at(key: str) -> str:
            return json_path(*self.at, "edges", row, key)

        ends = {"from": edge.from_, "to": edge.to}
        if any(node_id in self._unread for node_id in ends.values()):
            return
        missing = [key for key, node_id in ends.items() if node_id not in self._graph_ids]
        for key in missing:
            self._problem(at(key), words.NO_NODE(id=ends[key]))
        if missing:
            return
        src, dst = self._graph_ids[edge.from_], self._graph_ids[edge.to]
        source, target = self.graph.node(src), self.graph.node(dst)
        earlier = self.graph.edge_into(dst, edge.to_port)
        if earlier is not None:
            first = self._edge_rows.get(earlier)
            port, node = edge.to_port, target.label
            source_name = self.graph.node(earlier.src).name
            self._problem(
                at("to_port"),
                words.ALREADY_WIRED(port=port, node=node, source=source_name)
                if first is None
                else words.ALREADY_WIRED_AT(
                    port=port,
                    node=node,
                    source=source_name,
                    at=json_path(*self.at, "edges", first),
                ),
            )
            return
        try:
            wire = self.graph.connect(src, edge.from_port, dst, edge.to_port)
        except PortError as error:
            key = "from_port" if edge.from_port not in source.output_ports else "to_port"
            self._problem(at(key), error.message)
            return
        except CycleError:
            # A cycle makes the network invalid, not the file unreadable: the person opens it
            # and validation points at the loop. `connect` refuses cycles by design, so the
            # wire goes in through the graph's own low-level add (ports already checked).
            wire = Edge(src, edge.from_port, dst, edge.to_port)
            self.graph._add_edge(wire)
        except GraphError as error:
            self._problem(at("to_port"), error.message)
            return
        self._edge_rows[wire] = row

    # --- undo ----------------------------------------------------------------------------------

    def remove_added(self) -> None:
        """Take out every node (and so every wire) this builder added, newest first."""
        for node_id in reversed(self.added):
            self.graph.remove_node(node_id)
        self.added.clear()

    def _problem(self, path: str, message: str) -> None:
        self.problems.append(FileProblem(path, message))
