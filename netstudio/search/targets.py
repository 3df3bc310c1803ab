"""Where a searched value goes: checking a search against its project, and applying values.

A target is a node's parameter (``"fc1.out_features"``) or a setting of the "training" or
"data" section (``"training.optimizer.lr"``). `search_problems` says, before any trial runs,
every target that no longer exists (a node deleted since the search was set up) and every
range end or choice the target does not take (the layer catalogue's bounds for a node's
parameter, the settings models' for a setting). `apply_params` writes one trial's values into
a copy of the project, through the graph's own API for node parameters (so shapes re-infer
from the new widths): what a trial trains and what the app's "Apply best" keeps.

No torch and no Optuna here.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from netstudio.core.errors import ParamError
from netstudio.core.messages import Phrase, Template
from netstudio.io.errors import FileProblem, json_path
from netstudio.io.project import Project
from netstudio.search import target_words as words
from netstudio.search.config import Domain, SearchConfig
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig

#: The sections a setting target can be in, with their models.
SETTINGS: dict[str, type[BaseModel]] = {"training": TrainingConfig, "data": DataConfig}


class SearchError(ValueError):
    """A search that cannot run as it is set up, or values that do not fit their targets:
    the message says which target and what to do.

    Its `str()` is the message as raised: a `netstudio.core.messages.Message` (English, as the
    CLI prints it), which the Search panel shows translated (`i18n.translated(str(error))`).
    """

    @property
    def message(self) -> str:
        """The message as raised (a `Message` where it is one)."""
        first = self.args[0] if len(self.args) == 1 else None
        return first if isinstance(first, str) else super().__str__()

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Target:
    """A parsed target: a node's parameter (`node_id`, `param`) or a setting (`path`, whose
    first part is the section)."""

    text: str
    kind: Literal["node", "setting"]
    node_id: str = ""
    param: str = ""
    path: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Target:
        """A setting when `text` starts with a settings section's name, else a node's
        parameter: the node id is everything before the last dot (ids may hold dots)."""
        head = text.split(".", 1)[0]
        if head in SETTINGS:
            return cls(text, "setting", path=tuple(text.split(".")))
        node_id, _, param = text.rpartition(".")
        return cls(text, "node", node_id=node_id, param=param)


def search_config(project: Project) -> SearchConfig:
    """The project's "search" section as a `SearchConfig` (pydantic's ValidationError when it
    does not fit the model; the defaults, with nothing searched, when there is none)."""
    return SearchConfig.model_validate(project.search)


def search_problems(config: SearchConfig, project: Project) -> list[FileProblem]:
    """Every reason `config` cannot run on `project`, each at the JSON path of the searched
    parameter at fault; [] when every target exists and takes its whole domain."""
    problems: list[FileProblem] = []
    if not config.parameters:
        problems.append(FileProblem("search.parameters", words.NO_PARAMETERS()))
    for index, parameter in enumerate(config.parameters):
        message = _target_problem(Target.parse(parameter.target), parameter.domain, project)
        if message is not None:
            problems.append(FileProblem(json_path("search", "parameters", index), message))
    return problems


def apply_params(project: Project, params: Mapping[str, Any]) -> Project:
    """A copy of `project` with each value of `params` (target → value, as a trial's params
    are) set where its target says; `project` itself is left as it was.

    Raises SearchError naming the target when one no longer exists or refuses its value.
    """
    from netstudio.io import dumps_project, loads_project

    try:
        result = loads_project(dumps_project(project))
    except ValueError as error:  # ProjectFileError too: the project cannot be copied whole
        raise SearchError(words.NOT_COPIED(error=str(error))) from None
    result.path = project.path
    for text, value in params.items():
        target = Target.parse(text)
        if target.kind == "node":
            if target.node_id not in result.graph:
                raise SearchError(_no_node(target))
            try:
                result.graph.set_params(target.node_id, {target.param: value})
            except ParamError as error:
                raise SearchError(words.AT_TARGET(target=text, problem=error.message)) from None
            continue
        problem = _setting_problem(target, result) or _setting_value_problem(target, value, result)
        if problem is not None:
            raise SearchError(words.AT_TARGET(target=text, problem=problem))
        section = getattr(result, target.path[0])
        _set_path(section, target.path[1:], value)
    return result


# --- checks ------------------------------------------------------------------------------------


def _target_problem(target: Target, domain: Domain, project: Project) -> str | None:
    """What is wrong with searching `target` over `domain` in `project` (None: nothing)."""
    if target.kind == "node":
        if target.node_id not in project.graph:
            return _no_node(target)
        node = project.graph.node(target.node_id)
        if target.param not in node.spec.param_names():
            return words.NO_NODE_PARAMETER(
                target=target.text,
                owner=node.label,
                param=target.param,
                names=words.names_of(node.spec.param_names()),
            )
        spec = node.spec.param(target.param)

        def refuse(value: Any) -> str | None:
            try:
                spec.check(value, node.label)
            except ParamError as error:
                return error.message
            return None

    else:
        problem = _setting_problem(target, project)
        if problem is not None:
            return words.AT_TARGET(target=target.text, problem=problem)

        def refuse(value: Any) -> str | None:
            return _setting_value_problem(target, value, project)

    for refused, value in _probes(domain):
        reason = refuse(value)
        if reason is not None:
            return refused(target=target.text, value=_shown(value), reason=reason)
    return None


def _probes(domain: Domain) -> list[tuple[Template, Any]]:
    """The values that show whether a target takes all of `domain`, each with the message
    that says it does not: both ends of a range (the bounds are ranges too) and a value
    between them (a float range on a whole-number target), or every choice."""
    if domain.kind == "choice" or domain.low is None or domain.high is None:
        return [(words.CHOICE_REFUSED, value) for value in domain.choices]
    probes: list[tuple[Template, Any]] = [
        (words.LOW_END_REFUSED, domain.low),
        (words.HIGH_END_REFUSED, domain.high),
    ]
    if domain.kind == "float" and domain.step is None and domain.low < domain.high:
        middle = domain.low + (domain.high - domain.low) * 0.37
        if not float(middle).is_integer():
            probes.append((words.FLOAT_RANGE_REFUSED, float(middle)))
    return probes


def _shown(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


def _no_node(target: Target) -> str:
    return words.NO_NODE(target=target.text, node=target.node_id)


def _setting_problem(target: Target, project: Project) -> str | None:
    """Why the setting `target` names is not one value the search can set (None: it is)."""
    section, *keys = target.path
    if section == "data" and keys[:1] == ["params"]:
        return _source_param_problem(keys[1:], project)
    model: type[BaseModel] | None = SETTINGS[section]
    walked = [section]
    for key in keys:
        fields = model.model_fields if model is not None else {}
        if key not in fields:
            return words.NO_SETTING(
                setting=".".join(walked), key=key, names=words.names_of(list(fields))
            )
        walked.append(key)
        model = _model_in(fields[key].annotation)
    if model is not None:
        return words.A_GROUP(setting=".".join(walked), names=", ".join(model.model_fields))
    return None


def _source_param_problem(keys: list[str], project: Project) -> str | None:
    """Why ``data.params.<keys>`` is not a parameter of the project's data source."""
    from netstudio.training.loaded_data import DataError
    from netstudio.training.sources import get_source

    try:
        source = get_source(str(project.data.get("source", DataConfig().source)))
    except DataError as error:
        first = error.args[0] if len(error.args) == 1 else None
        return words.UNKNOWN_SOURCE(error=first if isinstance(first, str) else str(error))
    names = [spec.name for spec in source.params]
    if len(keys) != 1 or keys[0] not in names:
        return words.NO_SOURCE_PARAMETER(
            source=Phrase("DataSources", source.name),  # as the Data panel names it
            param=".".join(keys) or words.NO_NAME,
            names=words.names_of(names),
        )
    return None


def _setting_value_problem(target: Target, value: Any, project: Project) -> str | None:
    """Why the setting `target` does not take `value` (None: it does), in the settings models'
    own words."""
    section, *keys = target.path
    candidate = copy.deepcopy(getattr(project, section) or {})
    _set_path(candidate, keys, value)
    if section == "data":
        from netstudio.training.sources import data_problems

        for problem in data_problems(candidate):
            if problem.path == target.text:
                return problem.message
        return None
    from netstudio.io.schema import error_message

    model = SETTINGS[section]
    try:
        model.model_validate(candidate)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            if tuple(str(part) for part in item["loc"]) == tuple(keys):
                return error_message(item, model)
    return None


def _set_path(section: dict[str, Any], keys: tuple[str, ...] | list[str], value: Any) -> None:
    """Set `value` at `keys` in the nested dict `section`, making the dicts on the way."""
    for key in keys[:-1]:
        inner = section.get(key)
        if not isinstance(inner, dict):
            inner = section[key] = {}
        section = inner
    section[keys[-1]] = value


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The settings model an annotation holds (``OptimizerConfig``, ``X | None``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
