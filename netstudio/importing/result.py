"""What an import gives back: the project to open, and the weights that go with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.io import Project, save_project

if TYPE_CHECKING:
    import torch


@dataclass
class ImportedModel:
    """An imported network.

    weights: a state dict keyed like ``compile_graph(project.graph).state_dict()``, so loading
    it into the compiled model gives the outputs of the original; empty when the source had
    none; its tensors may be the source model's own (load them, do not edit them). notes: what the importer changed on the way (e.g. in-place ops made out-of-place).
    """

    project: Project
    weights: dict[str, torch.Tensor] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def save(self, path: str | Path) -> list[Path]:
        """Write the project to `path` (a .net file) and its weights beside it as
        ``<stem>.safetensors`` when there are any; returns the files written."""
        path = Path(path)
        save_project(self.project, path)
        written = [path]
        if self.weights:
            from netstudio.training.checkpoints import save_state_dict

            weights_path = path.with_suffix(".safetensors")
            save_state_dict(self.weights, weights_path)
            written.append(weights_path)
        return written
