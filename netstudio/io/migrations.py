"""File format versions: each old version is brought up to date one step at a time.

A migration is a function from the raw JSON of version N to the raw JSON of version N + 1,
registered with ``@migration(N)``. Reading a file of version N runs the migrations N, N + 1, ...
up to `CURRENT_VERSION`, so a change of format is one new function here and nothing else; a file
from a newer NetStudio is refused with both versions named, never guessed at.

Version history:

- 0 (pre-release): ``{"format", "version": 0, "name", "layers": [{"id", "layer", "name",
  "config", "x", "y"}], "links": [[src, src_port, dst, dst_port], ...]}``.
- 1: the ``graph`` section with ``nodes`` and ``edges`` objects, and the ``data``,
  ``training``, ``runs`` and ``view`` sections, checked only for their JSON type.
- 2: the four sections typed (`netstudio.io.schema`): every key known, every value in range.
  A run record says which weights it ended with and keeps its best and last epochs' figures
  (``weights``, ``best``, ``last``) instead of the best validation accuracy and loss of any
  epoch (``best_val_accuracy``, ``best_val_loss``).
- 3: a project holds named networks, ``"networks": [{"name", "graph"}, ...]`` in file order
  and ``"main"``, the name of the one that trains, in place of the one ``graph``; a network
  is used in another by a Block node. A version 2 file's graph is the network ``main``.

A migration reads only what it needs and leaves whatever else it finds as it is, so a value
that is wrong in the old file is reported in the new version's terms, at its JSON path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netstudio.io import file_messages as words
from netstudio.io.errors import FileProblem, ProjectFileError
from netstudio.io.schema import NonEmptyText, describe, problems_from

#: The format version this NetStudio writes, and the newest it reads.
CURRENT_VERSION = 3

RawProject = dict[str, Any]
Migration = Callable[[RawProject], RawProject]

_MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the function that turns a file of `from_version` into `from_version + 1`."""

    def register(function: Migration) -> Migration:
        if from_version in _MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} is registered twice")
        if from_version >= CURRENT_VERSION:
            raise ValueError(f"version {from_version} is not older than {CURRENT_VERSION}")
        _MIGRATIONS[from_version] = function
        return function

    return register


def file_version(raw: RawProject) -> int:
    """The format version `raw` says it is written in. Raises ProjectFileError if it says none."""
    if "version" not in raw:
        raise ProjectFileError(
            FileProblem(
                "version",
                words.NO_VERSION(current=CURRENT_VERSION),
            )
        )
    version = raw["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectFileError(
            FileProblem("version", words.VERSION_NOT_NUMBER(kind=describe(version)))
        )
    return version


def migrate(raw: RawProject) -> RawProject:
    """`raw` brought up to `CURRENT_VERSION` (itself if already there; never modified in place).

    Raises ProjectFileError for a version that is newer than this NetStudio or unknown, or an
    old file that its migration cannot read.
    """
    version = file_version(raw)
    if version > CURRENT_VERSION:
        raise ProjectFileError(words.NEWER_VERSION(version=version, current=CURRENT_VERSION))
    oldest = min(_MIGRATIONS, default=CURRENT_VERSION)
    if version < oldest:
        raise ProjectFileError(
            FileProblem(
                "version",
                words.UNKNOWN_VERSION(version=version, oldest=oldest, current=CURRENT_VERSION),
            )
        )
    while version < CURRENT_VERSION:
        raw = {**_MIGRATIONS[version](raw), "version": version + 1}
        version += 1
    return raw


# --- 0 -> 1 ----------------------------------------------------------------------------------


class _LegacyLayer(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    id: NonEmptyText
    layer: NonEmptyText
    name: str | None = None
    config: dict[str, Any] = Field(default_factory=dict)
    x: float = 0.0
    y: float = 0.0


class _LegacyProject(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    format: Literal["netstudio"]
    version: Literal[0]
    name: str = "Untitled"
    layers: list[_LegacyLayer] = Field(default_factory=list)
    links: list[Annotated[list[NonEmptyText], Field(min_length=4, max_length=4)]] = Field(
        default_factory=list
    )


@migration(0)
def _layers_and_links_to_graph(raw: RawProject) -> RawProject:
    """Version 0 kept ``layers`` with x/y and ``links`` as 4-item lists; 1 has ``graph``."""
    try:
        old = _LegacyProject.model_validate(raw)
    except ValidationError as error:
        raise ProjectFileError(problems_from(error, _LegacyProject)) from None
    nodes = [
        {
            "id": layer.id,
            "type": layer.layer,
            "name": layer.id if layer.name is None else layer.name,
            "params": layer.config,
            "position": [layer.x, layer.y],
        }
        for layer in old.layers
    ]
    edges = [
        {"from": src, "from_port": src_port, "to": dst, "to_port": dst_port}
        for src, src_port, dst, dst_port in old.links
    ]
    return {
        "format": "netstudio",
        "version": 1,
        "name": old.name,
        "description": "",
        "graph": {"nodes": nodes, "edges": edges},
        "data": {},
        "training": {},
        "runs": [],
        "view": {},
    }


# --- 1 -> 2 ----------------------------------------------------------------------------------

#: The figures a version 2 record keeps of its best and its last epoch.
_EPOCH_FIGURES = ("val_accuracy", "val_loss", "train_loss")
#: The keys of a version 1 run record that version 2 replaced with ``weights``, ``best``, ``last``.
_OLD_BEST = ("best_val_accuracy", "best_val_loss")


@migration(1)
def _run_records_say_which_weights(raw: RawProject) -> RawProject:
    """Version 1 run records kept ``best_val_accuracy`` and ``best_val_loss`` (the best of any
    epoch, each on its own); version 2 keeps ``weights``, ``best`` and ``last``. Nothing else
    changed: the other sections are now checked, not reshaped."""
    runs = raw.get("runs")
    if not isinstance(runs, list):
        return dict(raw)
    return {**raw, "runs": [_v2_record(r) if isinstance(r, dict) else r for r in runs]}


def _v2_record(record: dict[str, Any]) -> dict[str, Any]:
    """A version 1 run record in version 2 terms, its keys in their order (the new ones where
    the first old one was, else after ``best_epoch``, else at the end).

    The best and last epochs' figures come from the record's per-epoch history; without one,
    the best epoch keeps what the record knew of it (its best validation accuracy and loss).
    A record that has neither old keys nor epochs to derive from is left as it is.
    """
    epochs = record.get("epochs")
    rows = [row for row in epochs if isinstance(row, dict)] if isinstance(epochs, list) else []
    old = [key for key in record if key in _OLD_BEST]
    if not old and ("weights" in record or not rows):
        return record
    best_epoch = record.get("best_epoch")
    best = _epoch_figures(rows, best_epoch)
    last = _epoch_figures(rows, rows[-1].get("epoch")) if rows else None
    if best is None and not rows and _is_epoch(best_epoch):
        known = {name: _number(record.get(f"best_{name}")) for name in _EPOCH_FIGURES}
        best = {"epoch": best_epoch, **known}
    new = {"weights": _ended_with(record, best, last), "best": best, "last": last}
    anchor = old[0] if old else "best_epoch" if "best_epoch" in record else None
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key not in _OLD_BEST and key not in new:
            out[key] = value
        if key == anchor:
            out.update(new)
    if anchor is None:
        out.update(new)
    return out


def _ended_with(
    record: dict[str, Any], best: dict[str, Any] | None, last: dict[str, Any] | None
) -> str | None:
    """Which weights the run ended with: its best epoch's when early stopping restored them
    (never after a failure: the trainer restores them only at the end of a run that ends),
    else its last epoch's; None when neither is known."""
    training = record.get("training")
    regularization = training.get("regularization") if isinstance(training, dict) else None
    early = regularization.get("early_stopping") if isinstance(regularization, dict) else None
    restores = (
        isinstance(early, dict)
        and early.get("enabled", False) is True
        and early.get("restore_best", True) is True
    )
    if best is not None and restores and record.get("status") != "failed":
        return "best"
    return "last" if last is not None else None


def _epoch_figures(rows: list[dict[str, Any]], epoch: Any) -> dict[str, Any] | None:
    """The figures of epoch number `epoch` in `rows`; None when there is no such row."""
    if not _is_epoch(epoch):
        return None
    for row in rows:
        if row.get("epoch") == epoch:
            return {"epoch": epoch, **{name: _number(row.get(name)) for name in _EPOCH_FIGURES}}
    return None


def _is_epoch(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _number(value: Any) -> float | int | None:
    """A figure as version 2 keeps it: a number, or null for anything else."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


# --- 2 -> 3 ----------------------------------------------------------------------------------

#: The name a version 2 file's one graph gets as a network.
MAIN_NETWORK = "main"


@migration(2)
def _graph_to_networks(raw: RawProject) -> RawProject:
    """Version 2 held one ``graph``; version 3 holds ``networks`` and names the ``main`` one.
    The graph becomes the network ``main``, in the graph's place among the keys (a file
    without a graph gets one empty network, as a version 2 reader gave it an empty graph)."""
    graph = raw.get("graph", {"nodes": [], "edges": []})
    out: RawProject = {}
    for key, value in raw.items():
        if key != "graph":
            out[key] = value
        if key == "graph" or (key == "description" and "graph" not in raw):
            out["networks"] = [{"name": MAIN_NETWORK, "graph": graph}]
            out["main"] = MAIN_NETWORK
    if "networks" not in out:
        out["networks"] = [{"name": MAIN_NETWORK, "graph": graph}]
        out["main"] = MAIN_NETWORK
    return out


def path_in_version(path: str, version: int) -> str:
    """A JSON path of the current version (`path`) as the file of `version` spells it: a
    version 2 file's graph is ``graph``, not ``networks[0].graph`` (so a problem names the
    place in the file the person has)."""
    prefix = "networks[0].graph"
    if version < 3 and (path == prefix or path.startswith((prefix + ".", prefix + "["))):
        return "graph" + path[len(prefix) :]
    return path
