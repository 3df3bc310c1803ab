"""File format versions: each old version is brought up to date one step at a time.

A migration is a function from the raw JSON of version N to the raw JSON of version N + 1,
registered with ``@migration(N)``. Reading a file of version N runs the migrations N, N + 1, ...
up to `CURRENT_VERSION`, so a change of format is one new function here and nothing else; a file
from a newer NetStudio is refused with both versions named, never guessed at.

Version history:

- 0 (pre-release): ``{"format", "version": 0, "name", "layers": [{"id", "layer", "name",
  "config", "x", "y"}], "links": [[src, src_port, dst, dst_port], ...]}``.
- 1: the ``graph`` section with ``nodes`` and ``edges`` objects, and the ``data``,
  ``training``, ``runs`` and ``view`` sections (see `netstudio.io.schema`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netstudio.io.errors import FileProblem, ProjectFileError
from netstudio.io.schema import NonEmptyText, describe, problems_from

#: The format version this NetStudio writes, and the newest it reads.
CURRENT_VERSION = 1

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
                f'missing: a NetStudio project names its file format version ("version": '
                f"{CURRENT_VERSION})",
            )
        )
    version = raw["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectFileError(
            FileProblem("version", f"must be a whole number, got {describe(version)}")
        )
    return version


def migrate(raw: RawProject) -> RawProject:
    """`raw` brought up to `CURRENT_VERSION` (itself if already there; never modified in place).

    Raises ProjectFileError for a version that is newer than this NetStudio or unknown, or an
    old file that its migration cannot read.
    """
    version = file_version(raw)
    if version > CURRENT_VERSION:
        raise ProjectFileError(
            f"written by a newer NetStudio (file format version {version}; this NetStudio reads "
            f"versions up to {CURRENT_VERSION}): update NetStudio to open it"
        )
    oldest = min(_MIGRATIONS, default=CURRENT_VERSION)
    if version < oldest:
        raise ProjectFileError(
            FileProblem(
                "version",
                f"unknown file format version {version} (this NetStudio reads versions "
                f"{oldest} to {CURRENT_VERSION})",
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
