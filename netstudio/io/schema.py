"""The shape of a `.net` file (format version 1), as pydantic models of the raw JSON.

Structure is checked here, before anything is built: every key known (a typo is reported with
the key it was probably meant to be), every value of the right JSON type, no silent coercion
(``"3"`` is not a number). What the values mean (layer types, parameters, ports) is checked
when the graph is built from them (`netstudio.io.builder`). All problems are reported with the
JSON path of the value at fault.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netstudio.io.errors import FileProblem, ProjectFileError, json_path

_FILE_CONFIG = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

NonEmptyText = Annotated[str, Field(min_length=1)]
Point = Annotated[list[float], Field(min_length=2, max_length=2)]


class NodeModel(BaseModel):
    """One node: ``{"id", "type", "name", "params", "position"}``; name defaults to the id."""

    model_config = _FILE_CONFIG

    id: NonEmptyText
    type: NonEmptyText
    name: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    position: Point = Field(default_factory=lambda: [0.0, 0.0])


class EdgeModel(BaseModel):
    """One wire: ``{"from", "from_port", "to", "to_port"}``."""

    model_config = _FILE_CONFIG

    from_: NonEmptyText = Field(alias="from")
    from_port: NonEmptyText
    to: NonEmptyText
    to_port: NonEmptyText


class GraphModel(BaseModel):
    """The ``graph`` section: nodes and wires, each in the order the graph holds them."""

    model_config = _FILE_CONFIG

    nodes: list[NodeModel] = Field(default_factory=list)
    edges: list[EdgeModel] = Field(default_factory=list)


class ProjectModel(BaseModel):
    """A whole file. The later sections are checked only for their JSON type, kept as read."""

    model_config = _FILE_CONFIG

    format: Literal["netstudio"]
    version: int
    name: str = "Untitled"
    description: str = ""
    graph: GraphModel = Field(default_factory=GraphModel)
    data: dict[str, Any] = Field(default_factory=dict)
    training: dict[str, Any] = Field(default_factory=dict)
    runs: list[dict[str, Any]] = Field(default_factory=list)
    view: dict[str, Any] = Field(default_factory=dict)


@dataclass
class CheckedProject:
    """A file's structure as far as it is valid, and every structural problem found.

    Nodes and wires with a problem are left out of `model`, and any other bad section takes its
    default, so the rest can still be built (and checked) whether or not the file is then
    refused. node_rows / edge_rows: the index in the file of each node / wire of `model`, so
    later problems still name ``graph.nodes[<index in the file>]``. dropped_ids: ids of the
    nodes left out, so wires to them are not reported again.
    """

    model: ProjectModel
    problems: list[FileProblem] = field(default_factory=list)
    node_rows: list[int] = field(default_factory=list)
    edge_rows: list[int] = field(default_factory=list)
    dropped_ids: set[str] = field(default_factory=set)


def check_structure(raw: dict[str, Any]) -> CheckedProject:
    """Validate `raw` (already at the current version) against `ProjectModel`.

    Raises ProjectFileError (without a file name: the reader adds it) only if what is left
    after leaving out the bad parts is still not valid, which should not happen.
    """
    try:
        model = ProjectModel.model_validate(raw)
    except ValidationError as error:
        problems = problems_from(error, ProjectModel)
        pruned, rows, dropped = _prune(raw, error)
        try:
            model = ProjectModel.model_validate(pruned)
        except ValidationError:
            raise ProjectFileError(problems) from None
        return CheckedProject(model, problems, rows["nodes"], rows["edges"], dropped)
    nodes, edges = model.graph.nodes, model.graph.edges
    return CheckedProject(model, [], list(range(len(nodes))), list(range(len(edges))))


def _prune(
    raw: dict[str, Any], error: ValidationError
) -> tuple[dict[str, Any], dict[str, list[int]], set[str]]:
    """`raw` without what `error` complains about: bad nodes/edges, else the whole bad key.

    Also returns the rows kept of nodes and edges, and the ids of the nodes left out.
    """
    pruned = dict(raw)
    graph = dict(raw["graph"]) if isinstance(raw.get("graph"), dict) else None
    bad: dict[str, set[int]] = {"nodes": set(), "edges": set()}
    for item in error.errors():
        loc = item["loc"]
        if not loc:
            continue
        if loc[0] == "graph" and graph is not None and len(loc) >= 2:
            if loc[1] in bad and len(loc) >= 3 and isinstance(loc[2], int):
                bad[str(loc[1])].add(loc[2])
            else:
                graph.pop(str(loc[1]), None)
        else:
            pruned.pop(str(loc[0]), None)
    rows: dict[str, list[int]] = {"nodes": [], "edges": []}
    dropped: set[str] = set()
    if graph is not None and "graph" in pruned:
        for section in ("nodes", "edges"):
            items = graph.get(section)
            if isinstance(items, list):
                rows[section] = [i for i in range(len(items)) if i not in bad[section]]
                graph[section] = [items[i] for i in rows[section]]
        nodes = raw["graph"].get("nodes")
        if nodes is not None and "nodes" not in graph:  # no node read: their wires mean nothing
            graph.pop("edges", None)
            rows["edges"] = []
        for i in bad["nodes"]:
            node = nodes[i]
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                dropped.add(node["id"])
        pruned["graph"] = graph
    return pruned, rows, dropped


def problems_from(error: ValidationError, root: type[BaseModel]) -> list[FileProblem]:
    """Every error of `error` as a problem at its JSON path, in words a person can act on."""
    return [
        FileProblem(json_path(*item["loc"]), _message(item, root))
        for item in error.errors(include_url=False)
    ]


def _message(item: Any, root: type[BaseModel]) -> str:
    kind: str = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    got = f", got {describe(value)}"
    if kind == "missing":
        return "missing: this key is required"
    if kind == "extra_forbidden":
        known = keys_at(root, item["loc"][:-1])
        close = difflib.get_close_matches(str(item["loc"][-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown key{hint} (keys here: {', '.join(known) or 'none'})"
    if kind == "string_type":
        return "must be text" + got
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return "must be a whole number" + got
    if kind in ("float_type", "float_parsing"):
        return "must be a number" + got
    if kind == "finite_number":
        return "must be a finite number" + got
    if kind == "bool_type":
        return "must be true or false" + got
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be an object {...}" + got
    if kind in ("list_type", "tuple_type"):
        return "must be a list [...]" + got
    if kind == "too_short":
        return f"needs {ctx.get('min_length')} items, got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"takes {ctx.get('max_length')} items, got {ctx.get('actual_length')}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}" + got
    text = str(item.get("msg", "is not valid"))
    return text[:1].lower() + text[1:] + got


def describe(value: Any) -> str:
    """A JSON value as a message shows it: ``"abc"``, ``12``, ``true``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(shown, ensure_ascii=False)
    return repr(value)


def keys_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at `loc` (a pydantic error location under `root`) accepts."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        found = fields.get(str(part))
        model = _model_in(found.annotation) if found is not None else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation like ``list[NodeModel]`` or ``GraphModel``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
