"""Reading `.net` files: bytes to JSON to a checked, current-version structure to a `Project`.

Each stage has its own clear refusal (unreadable, not text, empty, not JSON, not a NetStudio
project, unknown version), then structure and meaning are checked with every problem collected.
Text no file can hold (a lone surrogate, ``"\\ud800"``) is replaced and reported with its JSON
path, so nothing past the reader has to print or save it. Reading never writes to the file and
never evaluates anything in it.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from netstudio.core.blocks import Library
from netstudio.core.graph import NetworkGraph
from netstudio.io import file_messages as words
from netstudio.io.builder import GraphBuilder
from netstudio.io.errors import FileProblem, ProjectFileError, json_path
from netstudio.io.migrations import (
    CURRENT_VERSION,
    MAIN_NETWORK,
    file_version,
    migrate,
    path_in_version,
)
from netstudio.io.project import Project
from netstudio.io.schema import NetworkModel, describe
from netstudio.io.structure import CheckedProject, NetworkRows, check_structure
from netstudio.io.text import replace_lone_surrogates

NOT_A_PROJECT = "not a NetStudio project"


def load_project(path: str | os.PathLike[str], *, strict: bool = True) -> Project:
    """Open the project file at `path`.

    strict: any problem raises ProjectFileError listing all of them (`netstudio check`, `train`
    and `export`). Lenient (``False``, for the app's "open what can be read"): bad nodes and
    wires are left out, and each bad setting or run figure alone (the section's default takes
    its place, the rest of the section is kept), each listed with its JSON path in
    `Project.problems`; a file with nothing usable (not JSON, not a project, newer version)
    still raises. The file itself is never written to.
    """
    file = Path(path)
    try:
        content = file.read_bytes()
    except OSError as error:
        raise ProjectFileError(
            words.CANNOT_READ(reason=str(error.strerror or error)), file
        ) from None
    project = loads_project(content, source=file, strict=strict)
    project.path = file
    return project


def loads_project(
    text: str | bytes, *, source: str | os.PathLike[str] | None = None, strict: bool = True
) -> Project:
    """Read a project from the text of a `.net` file (see `load_project` for `strict`).

    source: where the text came from, named in the error message.
    """
    try:
        raw, text_problems = _parse(text)
        version = file_version(raw)
        return _build(
            check_structure(migrate(raw)), strict=strict, first=text_problems, version=version
        )
    except ProjectFileError as error:
        if error.file is None and source is not None:
            error.file = Path(source)
        raise


def graph_from_dict(
    data: Mapping[str, Any], graph: NetworkGraph | None = None, *, rename: bool = False
) -> NetworkGraph:
    """Add the nodes and wires of a ``graph`` section (e.g. from the clipboard) to `graph`.

    With no `graph`, a new one. All or nothing: on any problem, nothing is added and
    ProjectFileError lists the problems. rename: nodes whose id or name is taken in `graph` get
    fresh ones (for pasting a copy into the graph it came from).
    """
    try:
        data, text_problems = replace_lone_surrogates(data, ("graph",))
    except RecursionError:
        raise ProjectFileError(words.GRAPH_TOO_DEEP()) from None
    if text_problems:
        raise ProjectFileError(text_problems)
    checked = check_structure(
        {
            "format": "netstudio",
            "version": CURRENT_VERSION,
            "networks": [{"name": MAIN_NETWORK, "graph": data}],
            "main": MAIN_NETWORK,
        }
    )
    target = NetworkGraph() if graph is None else graph
    rows, network = checked.networks[0], checked.model.networks[0]
    builder = GraphBuilder(target, rename=rename, left_out=rows.dropped_ids, at=("graph",))
    builder.add_nodes(zip(rows.node_rows, network.graph.nodes, strict=True))
    builder.add_edges(zip(rows.edge_rows, network.graph.edges, strict=True))
    if checked.problems or builder.problems:
        builder.remove_added()
        # The section's problems as the clipboard's ``graph`` spells them.
        problems = _in_version(checked.problems, 2) + builder.problems
        raise ProjectFileError(problems)
    return target


def parse(text: str | bytes) -> dict[str, Any]:
    """The JSON object of a NetStudio project file, not yet checked beyond its ``format``.

    Text that is not characters (a lone surrogate) is refused, naming its JSON path."""
    raw, problems = _parse(text)
    if problems:
        raise ProjectFileError(problems)
    return raw


#: Where JSON text may spell a lone surrogate: an escape of one, or (in a str) one itself.
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def _parse(text: str | bytes) -> tuple[dict[str, Any], list[FileProblem]]:
    """`parse`, with lone surrogates replaced by U+FFFD, each a problem at its JSON path."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # a byte-order mark (Windows editors) is fine
        except UnicodeDecodeError:
            raise ProjectFileError(words.NOT_TEXT()) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise ProjectFileError(words.NOT_TEXT())
    if not text.strip():
        raise ProjectFileError(words.EMPTY())
    try:
        raw = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        # An unterminated string always runs to the end of the text: JSON strings cannot hold
        # a line break, so a string left open mid-file fails on that instead.
        at_end = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        detail = words.TRUNCATED() if at_end else error.msg
        raise ProjectFileError(
            words.BAD_JSON_AT(line=error.lineno, column=error.colno, detail=detail)
        ) from None
    except _NotFinite as error:
        raise ProjectFileError(words.BAD_JSON(error=error.args[0])) from None
    except RecursionError:
        raise ProjectFileError(words.TOO_DEEP()) from None
    problems: list[FileProblem] = []
    if _MAYBE_SURROGATE.search(text):
        try:
            raw, problems = replace_lone_surrogates(raw)
        except RecursionError:
            raise ProjectFileError(words.TOO_DEEP()) from None
    if not isinstance(raw, dict):
        raise ProjectFileError(words.NOT_AN_OBJECT(kind=describe(raw)))
    if "format" not in raw:
        raise ProjectFileError(words.NO_FORMAT())
    if raw["format"] != "netstudio":
        raise ProjectFileError(words.OTHER_FORMAT(kind=describe(raw["format"])))
    return raw, problems


def _build(
    checked: CheckedProject,
    *,
    strict: bool,
    first: list[FileProblem] | None = None,
    version: int = CURRENT_VERSION,
) -> Project:
    """The project of `checked`; `first`: problems found before its structure was checked;
    `version`: the version the file was written in (its problems name its own paths).

    Every network's nodes are built before any wires, so a wire into a Block finds the ports
    of the network it names, wherever that network is in the file. A network whose name
    another network before it has is left out; a ``main`` that names no network is a problem
    (a lenient read takes the first network as the main one).
    """
    model = checked.model
    problems: list[FileProblem] = _in_version(checked.problems, version)
    library = Library()
    builders: list[tuple[GraphBuilder, NetworkRows, NetworkModel]] = []
    named: dict[str, int] = {}
    for rows, network in zip(checked.networks, model.networks, strict=True):
        if network.name in named:
            first_one = json_path("networks", named[network.name])
            problems.append(
                FileProblem(
                    json_path("networks", rows.index, "name"),
                    words.DUPLICATE_NETWORK(first=first_one, name=network.name),
                )
            )
            continue
        named[network.name] = rows.index
        graph = NetworkGraph()
        library[network.name] = graph
        at = ("graph",) if version < 3 else ("networks", rows.index, "graph")
        builder = GraphBuilder(graph, left_out=rows.dropped_ids, at=at)
        builder.add_nodes(zip(rows.node_rows, network.graph.nodes, strict=True))
        builders.append((builder, rows, network))
    for builder, rows, network in builders:
        builder.add_edges(zip(rows.edge_rows, network.graph.edges, strict=True))
        problems += builder.problems
    main = model.main
    if main not in library:
        names = ", ".join(library) or words.NONE()
        problems.append(
            FileProblem(
                "main",
                words.NO_MAIN(main=main, names=names),
            )
        )
        main = next(iter(library), MAIN_NETWORK)
    problems = [*(first or []), *problems]
    if problems and strict:
        raise ProjectFileError(problems)
    raw = checked.raw  # the sections as read (valid by now), key order and all
    graph = library[main] if main in library else NetworkGraph()
    return Project(
        graph=graph,
        name=model.name,
        description=model.description,
        data=raw.get("data", {}),
        training=raw.get("training", {}),
        runs=raw.get("runs", []),
        view=raw.get("view", {}),
        search=raw.get("search", {}),
        problems=problems,
        networks=library,
        main=main,
    )


def _in_version(problems: list[FileProblem], version: int) -> list[FileProblem]:
    """`problems` with their paths as a file of `version` spells them (`path_in_version`)."""
    return [FileProblem(path_in_version(p.path, version), p.message) for p in problems]


class _NotFinite(Exception):
    """NaN or infinity in the file: Python's json reads them, JSON itself has no such numbers."""


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(words.NOT_A_JSON_NUMBER(name=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(words.TOO_LARGE_A_NUMBER(text=text))
    return value
