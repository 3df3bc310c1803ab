"""Checking a file's structure, and what a lenient read leaves out of a partly broken one.

`check_structure` validates the raw JSON against `netstudio.io.schema.ProjectModel` and reports
every problem at its JSON path. When something is wrong, it also works out the largest part of
the file that is sound, so the app can open it (and `netstudio check` can go on to check the
graph's meaning): a node or wire with any problem is left out whole (the graph is built from
what is left); anywhere else only the value at fault goes, from its object (its default takes
its place: one wrong learning rate does not reset the training settings) or from its list (a
run record that is not an object). Every path in a problem is the path in the file, also after
items before it in a list were left out.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from netstudio.io.errors import FileProblem, ProjectFileError, json_path
from netstudio.io.schema import ProjectModel, error_message, validate_raw

Loc = tuple[int | str, ...]


@dataclass
class NetworkRows:
    """Where one checked network's parts are in the file.

    index: the network's index in the file's ``networks``. node_rows / edge_rows: the index in
    the file of each node / wire kept, so later problems still name
    ``networks[i].graph.nodes[<index in the file>]``. dropped_ids: ids of the nodes left out,
    so wires to them are not reported again.
    """

    index: int
    node_rows: list[int] = field(default_factory=list)
    edge_rows: list[int] = field(default_factory=list)
    dropped_ids: set[str] = field(default_factory=set)


@dataclass
class CheckedProject:
    """A file's structure as far as it is valid, and every structural problem found.

    Nodes and wires with a problem are left out of `model` (a network without a good name
    too), and any other bad value (a setting, a key, a run record's figure) takes its default,
    so the rest can still be built (and checked) whether or not the file is then refused. raw:
    the JSON that `model` was read from, without what was left out, key order as in the file
    (the project keeps its sections as read). networks: where each network of `model` and its
    nodes and wires are in the file, one `NetworkRows` per network, in order.
    """

    model: ProjectModel
    raw: dict[str, Any]
    problems: list[FileProblem] = field(default_factory=list)
    networks: list[NetworkRows] = field(default_factory=list)


def check_structure(raw: dict[str, Any]) -> CheckedProject:
    """Validate `raw` (already at the current version) against `ProjectModel`.

    Raises ProjectFileError (without a file name: the reader adds it) only if what is left
    after leaving out the bad parts is still not valid, which should not happen.
    """
    try:
        model = validate_raw(ProjectModel, raw)
    except ValidationError as error:
        return _LeftOut(raw).check(error)
    rows = [
        NetworkRows(i, list(range(len(n.graph.nodes))), list(range(len(n.graph.edges))))
        for i, n in enumerate(model.networks)
    ]
    return CheckedProject(model, raw, [], rows)


#: Rounds of leaving out and validating again. One is nearly always enough: pydantic reports
#: every bad value at once, except one whose check needs a sibling that was bad itself
#: (nesterov needs a valid momentum), which shows up one round later.
_ROUNDS = 4


class _LeftOut:
    """A copy of a file's JSON that loses its bad parts, round by round (module docstring)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.original = raw
        self.raw = copy.deepcopy(raw)
        #: The indices (in the file) of the items left out of each list, by its path in the file.
        self.gone: dict[Loc, set[int]] = {}
        #: Where a value was taken out of its object: a "missing" there is not news.
        self.taken: set[Loc] = set()
        self.problems: list[FileProblem] = []

    def check(self, error: ValidationError) -> CheckedProject:
        for _ in range(_ROUNDS):
            self._leave_out(error)
            try:
                model = validate_raw(ProjectModel, self.raw)
            except ValidationError as again:
                error = again
                continue
            return self._checked(model)
        raise ProjectFileError(self.problems)

    def _checked(self, model: ProjectModel) -> CheckedProject:
        networks = self.original.get("networks")
        rows = []
        for k, network in enumerate(model.networks):
            index = self._in_file_index(("networks",), k)
            graph = ("networks", index, "graph")
            rows.append(
                NetworkRows(
                    index,
                    self._kept((*graph, "nodes"), len(network.graph.nodes)),
                    self._kept((*graph, "edges"), len(network.graph.edges)),
                    self._dropped(networks, index),
                )
            )
        return CheckedProject(model, self.raw, self.problems, rows)

    def _dropped(self, networks: Any, index: int) -> set[str]:
        """The ids of the nodes left out of the file's network `index` (`networks`: the
        file's list of networks)."""
        network = networks[index] if isinstance(networks, list) else None
        graph = network.get("graph") if isinstance(network, dict) else None
        nodes = graph.get("nodes") if isinstance(graph, dict) else None
        gone = self.gone.get(("networks", index, "graph", "nodes"), set())
        return {
            node["id"]
            for i, node in enumerate(nodes if isinstance(nodes, list) else [])
            if i in gone and isinstance(node, dict) and isinstance(node.get("id"), str)
        }

    def _kept(self, path: Loc, count: int) -> list[int]:
        """The file indices of the `count` items kept of the list at `path`."""
        return [self._in_file_index(path, i) for i in range(count)]

    def _leave_out(self, error: ValidationError) -> None:
        """Report each problem of `error` (once) and take out the value at fault."""
        seen = set(self.problems)
        targets: list[Loc] = []
        for item in error.errors(include_url=False):
            loc = self._in_file(item["loc"])
            missing_after_taking = item["type"] == "missing" and loc in self.taken
            problem = FileProblem(json_path(*loc), error_message(item, ProjectModel))
            if not missing_after_taking and problem not in seen:
                seen.add(problem)
                self.problems.append(problem)
            targets.append(item["loc"])
        removals: dict[int, tuple[list[Any], Loc, set[int]]] = {}
        for loc in targets:
            found = self._at_fault(loc)
            if found is None:
                continue
            container, key, path = found
            if isinstance(container, dict):
                container.pop(key, None)
                self.taken.add(self._in_file((*path, key)))
                if _is_graph(path) and key == "nodes":  # no node read: the wires mean nothing
                    container.pop("edges", None)
            elif isinstance(key, int):
                removals.setdefault(id(container), (container, path, set()))[2].add(key)
        for items, path, rows in removals.values():
            in_file = self._in_file(path)
            left_out = {self._in_file_index(in_file, row) for row in rows}  # before they go
            self.gone.setdefault(in_file, set()).update(left_out)
            items[:] = [item for i, item in enumerate(items) if i not in rows]

    def _at_fault(self, loc: Loc) -> tuple[Any, int | str, Loc] | None:
        """The container of the value to take out for a problem at `loc`, its key there, and
        the container's path (all in the current copy): the value itself, or the deepest part
        of `loc` that is there (past a union member's name, or at a missing key the object
        holding it); a whole node or wire for anything wrong inside one."""
        if len(loc) >= 5 and _is_graph(loc[:3]) and loc[3] in ("nodes", "edges"):
            loc = loc[:5]
        container: Any = None
        key: int | str | None = None
        path: Loc = ()
        value: Any = self.raw
        for part in loc:
            if not _holds(value, part):
                break
            if key is not None:
                path = (*path, key)
            container, key, value = value, part, value[part]
        return None if key is None else (container, key, path)

    def _in_file(self, loc: Loc) -> Loc:
        """`loc` (in the current copy) as the location in the file."""
        out: list[int | str] = []
        for part in loc:
            out.append(self._in_file_index(tuple(out), part) if isinstance(part, int) else part)
        return tuple(out)

    def _in_file_index(self, path: Loc, index: int) -> int:
        """The file index of item `index` of the list at `path` (a path in the file)."""
        gone = self.gone.get(path)
        if not gone:
            return index
        i = -1
        for _ in range(index + 1):
            i += 1
            while i in gone:
                i += 1
        return i


def _is_graph(path: Loc) -> bool:
    """Whether `path` is a network's graph: ``networks[i].graph``."""
    return len(path) == 3 and path[0] == "networks" and path[2] == "graph"


def _holds(value: Any, part: int | str) -> bool:
    """Whether `value` (an object or a list) has the key or index `part`."""
    if isinstance(value, dict):
        return isinstance(part, str) and part in value
    if isinstance(value, list):
        return isinstance(part, int) and 0 <= part < len(value)
    return False
