"""Previews of a project on one real sample of its data, as `netstudio check --preview-sample`
prints them: the project's data is loaded as training loads it (normalised, split), sample N of
the training split runs through the network with fresh seeded weights
(`netstudio.core.previews`), and each node's value range is one line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

    from netstudio.io import Project
    from netstudio.training.loaded_data import DataError, LoadedData


def sample_preview_lines(
    project: Project,
    project_path: Path,
    index: int,
    data_root: Path | None = None,
    data_error_text: Callable[[DataError], str] = str,
) -> tuple[list[str], int]:
    """The lines to print for training sample `index` of `project`'s data, and how many of
    them are errors (data that cannot be loaded, an index outside the split, a layer that fails
    on the sample). `data_error_text` says a data error with the caller's remedies."""
    from pydantic import ValidationError

    from netstudio.core.previews import PreviewEngine
    from netstudio.training.data_config import DataConfig
    from netstudio.training.loaded_data import DataError
    from netstudio.training.sources import load_data

    try:
        config = DataConfig.model_validate(project.data)
        data = load_data(config, project_path.resolve().parent, data_root)
    except ValidationError as error:  # settings_problems has said where; say it briefly
        return [f"error: data: {error.errors()[0]['msg']}"], 1
    except DataError as error:
        return [f"error: data: {data_error_text(error)}"], 1
    count = len(data.train)
    if not 0 <= index < count:
        return [
            f"error: sample {index}: the training split has {count:,} samples: give "
            f"0 to {count - 1:,}"
        ], 1
    sample, label = _sample(data, index)
    engine = PreviewEngine(project.graph, sample)
    try:
        previews = engine.update()
    finally:
        engine.close()
    lines = [f"preview of training sample {index}{label} (fresh weights):"]
    failed = 0
    graph = project.graph
    width = max((len(node_id) for node_id in previews), default=0)
    for node_id in graph.topological_order():
        preview = previews[node_id]
        if preview.error is not None:
            failed += 1
            lines.append(f"error: {node_id}: {preview.error}")
            continue
        lines.append(f"  {node_id.ljust(width)}  {preview.range_text()}")
    return lines, failed


def _sample(data: LoadedData, index: int) -> tuple[torch.Tensor, str]:
    """Training sample `index` and its label as text (``, label 3 (cat)``; empty for
    regression)."""
    from netstudio.training.loaded_data import TensorSplit

    split = data.train
    if isinstance(split, TensorSplit):
        x, y = split.x[index], split.y[index]
    else:
        x, y = split[index]
    if data.classes is None or y.numel() != 1:
        return x, ""
    target = int(y)
    name = data.classes[target] if 0 <= target < len(data.classes) else "?"
    return x, f", label {target}" + ("" if name == str(target) else f" ({name})")
