"""A NetStudio project: the network graph plus the sections a `.net` file keeps beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netstudio.core.graph import NetworkGraph
from netstudio.io.errors import FileProblem


@dataclass
class Project:
    """Everything one `.net` file holds.

    data, training, runs, view: sections that later parts of NetStudio fill; the file layer keeps
    them as read (key order included), so opening and saving a file changes nothing in them.
    path: where the project was last opened from or saved to (None for a new project).
    problems: what was wrong with the file when it was opened leniently (its bad nodes and wires
    were left out); empty for a project read strictly or made in the app.
    """

    graph: NetworkGraph = field(default_factory=NetworkGraph)
    name: str = "Untitled"
    description: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    view: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    problems: list[FileProblem] = field(default_factory=list)
