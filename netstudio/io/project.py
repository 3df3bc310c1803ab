"""A NetStudio project: the network graph plus the sections a `.net` file keeps beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netstudio.core.graph import NetworkGraph
from netstudio.io.errors import FileProblem
from netstudio.io.sections import RunRecord, ViewModel
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig


@dataclass
class Project:
    """Everything one `.net` file holds.

    data, training, runs, view: the settings and run history beside the graph, held as the
    plain JSON the file has (key order included, so opening and saving a file changes nothing
    in them). Their types are `DataConfig`, `TrainingConfig`, a list of `RunRecord` and
    `ViewModel`: reading, `dumps_project` and `netstudio check` validate them through those
    models, and the typed accessors below read them so. The app still reads and edits the
    plain dicts in many places; the switch to holding the typed objects at run time comes later.
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
