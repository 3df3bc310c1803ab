"""The registry of data sources: where a project's examples come from.

Each source is plain data (id, name, description, parameter specs, the files it reads) plus a
`read` method, so the GUI builds its data form from the same specs the file reader checks with
(as with the layer catalogue). Importing this module, or listing the sources, loads no torch:
the heavy imports happen inside `load`.

    problems = data_problems(project.data)  # every bad setting, each at its JSON path
    data = load_data(DataConfig.model_validate(project.data), project_dir=path.parent)
    shape = project_sample_shape(project.data, path.parent)  # (1, 8, 8) for digits, no load
"""

from __future__ import annotations

import difflib
import functools
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from netstudio.core.errors import ParamError
from netstudio.core.params import ParamSpec
from netstudio.training import data_messages as words
from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import (
    DataError,
    DataFix,
    LoadedData,
    RawData,
    TensorSplit,
    prepare,
)
from netstudio.training.memory_budget import memory_budget, plan_loading

__all__ = [
    "DataError",
    "DataFix",
    "DataSource",
    "LoadedData",
    "TensorSplit",
    "all_sources",
    "check_config",
    "data_problems",
    "get_source",
    "load_data",
    "project_sample_shape",
    "resolve_root",
    "sample_shape",
]

if TYPE_CHECKING:
    from netstudio.io.errors import FileProblem

#: Modules whose ``SOURCES`` tuple is registered, in the order a GUI lists them.
_SOURCE_MODULES = (
    "netstudio.training.builtin_sources",
    "netstudio.training.sequence_source",
    "netstudio.training.torchvision_sources",
    "netstudio.training.cifar_source",
    "netstudio.training.folder_source",
    "netstudio.training.csv_source",
)


@dataclass(frozen=True, kw_only=True)
class DataSource:
    """One kind of data a project can train on.

    needs_root: reads files from a data folder. files: what it reads there, in words, for
    messages and the GUI. official_test: has its own test split (`test_fraction` is unused).
    can_stream: can read its examples from disk batch by batch when they do not fit the memory
    budget (`load_within`); other sources are always read whole.
    """

    id: str
    name: str
    description: str
    params: tuple[ParamSpec, ...] = ()
    needs_root: bool = False
    files: str = ""
    official_test: bool = False
    can_stream: bool = False

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.params}

    def problems(self, params: Mapping[str, Any]) -> list[str]:
        """Every unknown parameter name and bad value, each as one message."""
        return [message for _, message in self.param_problems(params)]

    def param_problems(self, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Every unknown parameter name and bad value as (parameter name, message).

        Checked against the specs (type, range, choices), so a value of the wrong JSON type
        never reaches `read`. A source whose parameters bound each other extends this.
        """
        known = [spec.name for spec in self.params]
        found: list[tuple[str, str]] = []
        for key in params:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                options = ", ".join(known)
                if close:
                    said = words.NO_PARAMETER_MEANT(
                        source=self.name, key=key, close=close[0], parameters=options
                    )
                elif options:
                    said = words.NO_PARAMETER(source=self.name, key=key, parameters=options)
                else:
                    said = words.NO_PARAMETERS(source=self.name, key=key)
                found.append((key, said))
        for spec in self.params:
            try:
                spec.check(params.get(spec.name, spec.default), owner=self.name)
            except ParamError as exc:
                found.append((spec.name, _clip(str(exc))))
        return found

    def check_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """`params` completed with defaults, in spec order; DataError listing every problem."""
        found = self.problems(params)
        if found:
            said = found[0]
            for more in found[1:]:
                said = words.AND(first=said, then=more)
            raise DataError(said)
        return {
            spec.name: spec.check(params.get(spec.name, spec.default), owner=self.name)
            for spec in self.params
        }

    def load(self, config: DataConfig, root: Path | None = None) -> LoadedData:
        """Read, split and normalise the examples `config` describes; DataError when it cannot."""
        params = self.check_params(config.params)
        if self.needs_root and root is None:
            if config.root:  # relative, and the project has no file for it to be relative to
                raise DataError(
                    words.ROOT_UNSAVED(source=self.name, files=self.files, root=repr(config.root)),
                    fixes=(DataFix.CHOOSE_FOLDER, DataFix.SAVE_PROJECT),
                )
            raise DataError(
                words.NO_ROOT(source=self.name, files=self.files),
                fixes=(DataFix.CHOOSE_FOLDER,),
            )
        return self.load_within(params, config, root, memory_budget(config.memory_budget_mb))

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """`load` with `params` checked and the memory `budget` (bytes) known: a source that
        streams picks its path here; this one reads everything into memory."""
        data = prepare(self.read(params, root, config.seed), config, source_id=self.id)
        held = sum(split.nbytes for split in (data.train, data.val, data.test))
        plan = plan_loading(config.streaming, held, budget, False, self.name)
        data.loading = plan.reason
        return data

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        """The examples before splitting; `params` are checked and complete."""
        raise NotImplementedError

    def memory_needed(self, params: dict[str, Any], root: Path | None) -> int | None:
        """Peak bytes the preloaded path takes, estimated without reading the data (from
        `memory_budget`'s arithmetic): what `load_within` plans with, and the Data panel
        shows. None when only reading tells (a source read whole then plans with what its
        loaded splits hold), or when the files cannot be read (loading them says why)."""
        return None

    def class_count(self, params: Mapping[str, Any]) -> int | None:
        """The number of classes `params` give, when the source can tell it without reading
        (None: not known so, or not from the parameters; see `compat.known_classes`)."""
        return None

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...] | None:
        """One sample's shape (no batch dimension), as `load` would give it, found without
        decoding the data: from the source's own facts and `params` (checked and complete),
        at most a look at the first file. None when it cannot be told that way; DataError or
        OSError when that file cannot be read (`sample_shape` answers None then).

        An auto Input takes this shape, so the network is analysed before any data is loaded.
        """
        return None


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
        source, sources = repr(source_id), ", ".join(known)
        raise DataError(
            words.UNKNOWN_SOURCE_MEANT(source=source, close=close[0], known=sources)
            if close
            else words.UNKNOWN_SOURCE(source=source, known=sources)
        ) from None


def check_config(config: DataConfig) -> list[str]:
    """Every problem of `config` found without reading any file (unknown source, bad params)."""
    try:
        source = get_source(config.source)
    except DataError as exc:
        return [exc.args[0]]
    return source.problems(config.params)


def data_problems(data: Mapping[str, Any] | DataConfig, section: str = "data") -> list[FileProblem]:
    """Every problem of a project's data settings, each at its JSON path, without reading a file.

    `data` is the "data" section as read from the file (or a `DataConfig`). Reports the settings
    of the wrong type or out of range (``data.val_fraction``), an unknown source
    (``data.source``), and each parameter the source's specs refuse, by type, range or choice
    (``data.params.noise: Two moons: 'noise' must be a number, got [1, 2]``). An empty list
    means `load_data` gets well-typed settings (its files may still be missing or broken).
    """
    # Imported here: the file layer may one day check its sections with this function.
    from netstudio.io.errors import FileProblem, json_path
    from netstudio.io.schema import describe, problems_from

    if isinstance(data, DataConfig):
        data = data.model_dump()
    if not isinstance(data, Mapping):
        from netstudio.io.problem_messages import AN_OBJECT_NEEDED

        return [FileProblem(section, AN_OBJECT_NEEDED(value=describe(data)))]
    found: list[FileProblem] = []
    try:
        DataConfig.model_validate(data)
    except ValidationError as error:
        found += [
            FileProblem(_under(section, problem.path), problem.message)
            for problem in problems_from(error, DataConfig)
        ]
    source_id = data.get("source", DataConfig.model_fields["source"].default)
    params = data.get("params", {})
    if not isinstance(source_id, str):
        return found  # reported above
    try:
        source = get_source(source_id)
    except DataError as exc:
        return [*found, FileProblem(json_path(section, "source"), exc.args[0])]
    if isinstance(params, Mapping):
        found += [
            FileProblem(json_path(section, "params", str(name)), message)
            for name, message in source.param_problems(params)
        ]
    return found


def _under(section: str, path: str) -> str:
    """`path` (a JSON path inside the section) as a path from the file's top."""
    if not path:
        return section
    return f"{section}{path}" if path.startswith("[") else f"{section}.{path}"


def _clip(text: str, limit: int = 240) -> str:
    """`text` cut to `limit` characters: a message quoting a huge value stays one short line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resolve_root(
    config: DataConfig, project_dir: Path | None = None, data_root: str | Path | None = None
) -> Path | None:
    """The data folder: `data_root` (a command-line override, relative to the working folder),
    else the config's `root` (relative to the project's folder), else the project's folder.

    None when there is no folder to go by: no root and no project folder, or a relative root
    and no project folder (a project never saved). A relative root never resolves against the
    working folder: the same project would read other data depending on where it was started.
    """
    if data_root is not None:
        return Path(os.path.abspath(Path(data_root).expanduser()))
    if config.root:
        root = Path(config.root).expanduser()
        if not root.is_absolute():
            if project_dir is None:
                return None
            root = Path(project_dir) / root
        return Path(os.path.abspath(root))
    return Path(os.path.abspath(project_dir)) if project_dir is not None else None


def sample_shape(config: DataConfig, root: Path | None) -> tuple[int, ...] | None:
    """One sample's shape of the data `config` describes (`root`: its resolved data folder),
    without loading the data (see `DataSource.sample_shape`); None when it is not known so, or
    the settings or files are not usable (loading them says why)."""
    try:
        source = get_source(config.source)
        params = source.check_params(config.params)
        return source.sample_shape(params, root)
    except (DataError, OSError, ValueError):
        return None


def project_sample_shape(
    data: Mapping[str, Any] | DataConfig, project_dir: Path | None = None
) -> tuple[int, ...] | None:
    """`sample_shape` of a project's "data" section as the file holds it (`project_dir`: the
    project file's folder, which a relative data folder is relative to); None when the
    section is not valid or the shape is not known without loading."""
    if not isinstance(data, (DataConfig, Mapping)) and hasattr(data, "model_dump"):
        data = data.model_dump()  # a typed section of another model class
    try:
        config = data if isinstance(data, DataConfig) else DataConfig.model_validate(data)
    except ValidationError:
        return None
    return sample_shape(config, resolve_root(config, project_dir))


def load_data(
    config: DataConfig, project_dir: Path | None = None, data_root: str | Path | None = None
) -> LoadedData:
    """Load the data a project's "data" section describes (see `resolve_root` for the folder)."""
    source = get_source(config.source)
    return source.load(config, resolve_root(config, project_dir, data_root))
