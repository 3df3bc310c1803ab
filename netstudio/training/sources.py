"""The registry of data sources: where a project's examples come from.

Each source is plain data (id, name, description, parameter specs, the files it reads) plus a
`read` method, so the GUI builds its data form from the same specs the file reader checks with
(as with the layer catalogue). Importing this module, or listing the sources, loads no torch:
the heavy imports happen inside `load`.

    data = load_data(project.data, project_dir=path.parent, data_root=args.data_root)
"""

from __future__ import annotations

import difflib
import functools
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netstudio.core.errors import ParamError
from netstudio.core.params import ParamSpec
from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import DataError, LoadedData, RawData, TensorSplit, prepare

__all__ = [
    "DataError",
    "DataSource",
    "LoadedData",
    "TensorSplit",
    "all_sources",
    "check_config",
    "get_source",
    "load_data",
    "resolve_root",
]

#: Modules whose ``SOURCES`` tuple is registered, in the order a GUI lists them.
_SOURCE_MODULES = (
    "netstudio.training.builtin_sources",
    "netstudio.training.sequence_source",
    "netstudio.training.torchvision_sources",
    "netstudio.training.folder_source",
    "netstudio.training.csv_source",
)


@dataclass(frozen=True, kw_only=True)
class DataSource:
    """One kind of data a project can train on.

    needs_root: reads files from a data folder. files: what it reads there, in words, for
    messages and the GUI. official_test: has its own test split (`test_fraction` is unused).
    """

    id: str
    name: str
    description: str
    params: tuple[ParamSpec, ...] = ()
    needs_root: bool = False
    files: str = ""
    official_test: bool = False

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.params}

    def problems(self, params: Mapping[str, Any]) -> list[str]:
        """Every unknown parameter name and bad value, each as one message."""
        known = [spec.name for spec in self.params]
        found = []
        for key in params:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                options = ", ".join(known) or "none"
                found.append(f"{self.name} has no parameter '{key}'{hint} (parameters: {options})")
        for spec in self.params:
            try:
                spec.check(params.get(spec.name, spec.default), owner=self.name)
            except ParamError as exc:
                found.append(str(exc))
        return found

    def check_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """`params` completed with defaults, in spec order; DataError listing every problem."""
        found = self.problems(params)
        if found:
            raise DataError("; ".join(found))
        return {
            spec.name: spec.check(params.get(spec.name, spec.default), owner=self.name)
            for spec in self.params
        }

    def load(self, config: DataConfig, root: Path | None = None) -> LoadedData:
        """Read, split and normalise the examples `config` describes; DataError when it cannot."""
        params = self.check_params(config.params)
        if self.needs_root and root is None:
            raise DataError(
                f"{self.name} reads {self.files} from a data folder: set the project's data "
                "folder, or pass --data-root DIR"
            )
        raw = self.read(params, root, config.seed)
        return prepare(raw, config, source_id=self.id)

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        """The examples before splitting; `params` are checked and complete."""
        raise NotImplementedError


@functools.cache
def _registry() -> dict[str, DataSource]:
    sources: dict[str, DataSource] = {}
    for module_name in _SOURCE_MODULES:
        for source in importlib.import_module(module_name).SOURCES:
            if source.id in sources:
                raise ValueError(f"data source {source.id!r} is registered twice")
            sources[source.id] = source
    return sources


def all_sources() -> tuple[DataSource, ...]:
    """Every data source, in the order a GUI lists them."""
    return tuple(_registry().values())


def get_source(source_id: str) -> DataSource:
    try:
        return _registry()[source_id]
    except KeyError:
        known = list(_registry())
        close = difflib.get_close_matches(str(source_id), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise DataError(
            f"unknown data source {source_id!r}{hint} (sources: {', '.join(known)})"
        ) from None


def check_config(config: DataConfig) -> list[str]:
    """Every problem of `config` found without reading any file (unknown source, bad params)."""
    try:
        source = get_source(config.source)
    except DataError as exc:
        return [str(exc)]
    return source.problems(config.params)


def resolve_root(
    config: DataConfig, project_dir: Path | None = None, data_root: str | Path | None = None
) -> Path | None:
    """The data folder: `data_root` (a command-line override, relative to the working folder),
    else the config's `root` (relative to the project's folder), else the project's folder."""
    if data_root is not None:
        return Path(os.path.abspath(Path(data_root).expanduser()))
    if config.root:
        root = Path(config.root).expanduser()
        if not root.is_absolute() and project_dir is not None:
            root = Path(project_dir) / root
        return Path(os.path.abspath(root))
    return Path(os.path.abspath(project_dir)) if project_dir is not None else None


def load_data(
    config: DataConfig, project_dir: Path | None = None, data_root: str | Path | None = None
) -> LoadedData:
    """Load the data a project's "data" section describes (see `resolve_root` for the folder)."""
    source = get_source(config.source)
    return source.load(config, resolve_root(config, project_dir, data_root))
