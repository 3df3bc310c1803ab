"""A NetStudio project: its named networks plus the sections a `.net` file keeps beside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netstudio.core.blocks import Library
from netstudio.core.graph import NetworkGraph
from netstudio.io.errors import FileProblem
from netstudio.io.sections import RunRecord, ViewModel
from netstudio.search.config import SearchConfig
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig


@dataclass
class Project:
    """Everything one `.net` file holds.

    graph: the main network, the one that trains (what the trainer, exporter and CLI use).
    networks: every network of the project by name, in file order, the main one included (as
    `graph`); the others are used as blocks (or, later, trained beside it). Every network
    shares this `Library`, so a Block node resolves its network from its graph alone.
    Given only `graph`, the project has that one network, named `main`.
    main: the name of the main network in `networks`.

    data, training, runs, view: the settings and run history beside the graph, held as the
    plain JSON the file has (key order included, so opening and saving a file changes nothing
    in them). Their types are `DataConfig`, `TrainingConfig`, a list of `RunRecord` and
    `ViewModel`: reading, `dumps_project` and `netstudio check` validate them through those
    models, and the typed accessors below read them so. The app still reads and edits the
    plain dicts in many places; the switch to holding the typed objects at run time comes later.
    search: the optional "search" section (a `SearchConfig`: what `netstudio tune` tries), as
    plain JSON like the others; empty when the project has none (and then not written).
    path: where the project was last opened from or saved to (None for a new project).
    problems: what was wrong with the file when it was opened leniently (the bad nodes, wires,
    settings and run figures left out, each at its JSON path); empty for a project read
    strictly or made in the app.
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
    networks: Library = field(default_factory=Library)
    main: str = "main"
    search: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.networks, Library):
            self.networks = Library(self.networks)
        if self.main in self.networks:
            self.graph = self.networks[self.main]
        else:
            self.networks[self.main] = self.graph
            if len(self.networks) > 1:  # the main network first, as a new project has it
                others = [(name, g) for name, g in self.networks.items() if name != self.main]
                for name, _ in others:
                    del self.networks[name]
                for name, g in others:
                    self.networks[name] = g

    def network_items(self) -> list[tuple[str, NetworkGraph]]:
        """(name, graph) of every network in file order, the main one being `graph` (which
        someone may have replaced, as the exporter does on a copy of the project)."""
        return [(name, self.graph if name == self.main else g) for name, g in self.networks.items()]

    # The accessors validate as the app's panels do (pydantic's lax mode, which takes a tuple
    # or a list for a pair); the file boundary is stricter (`netstudio.io.schema`). Each raises
    # pydantic's ValidationError for a section that does not fit its model.

    def data_config(self) -> DataConfig:
        """The "data" section as a `DataConfig` (its defaults where it has no value)."""
        return DataConfig.model_validate(self.data)

    def training_config(self) -> TrainingConfig:
        """The "training" section as a `TrainingConfig` (its defaults where it has no value)."""
        return TrainingConfig.model_validate(self.training)

    def run_records(self) -> list[RunRecord]:
        """The "runs" section as `RunRecord`s, oldest first."""
        return [RunRecord.model_validate(record) for record in self.runs]

    def view_settings(self) -> ViewModel:
        """The "view" section as a `ViewModel` (no zoom or centre where it has none)."""
        return ViewModel.model_validate(self.view)

    def search_config(self) -> SearchConfig:
        """The "search" section as a `SearchConfig` (its defaults, nothing searched, where it
        has none)."""
        return SearchConfig.model_validate(self.search)
