"""The shape of a `.net` file (format version 3), as pydantic models of the raw JSON.

Structure is checked here, before anything is built: every key known (a typo is reported with
the key it was probably meant to be), every value of the right JSON type and in its range, no
silent coercion (``"3"`` is not a number). The settings sections are typed through and through
("data": `DataConfig`, "training": `TrainingConfig`, "runs": `RunRecord`, "view": `ViewModel`,
the optional "search": `SearchConfig`);
what the graph's values mean (layer types, parameters, ports) and a data source's own
parameters are checked later, when the graph is built (`netstudio.io.builder`) and by the data
source (`netstudio.training.sources.data_problems`). All problems are reported with the JSON
path of the value at fault.

Validation is strict and in JSON mode (`validate_raw`): JSON arrays are accepted where a model
holds a tuple, but nothing is converted, so a section that passes is kept as read, key order
included, and open + save changes no byte.
"""

from __future__ import annotations

import difflib
import json
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from netstudio.core.blocks import network_name_problem
from netstudio.io import problem_messages as words
from netstudio.io.errors import FileProblem, json_path
from netstudio.io.sections import RunRecord, ViewModel
from netstudio.search.config import SearchConfig
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig

_FILE_CONFIG = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

NonEmptyText = Annotated[str, Field(min_length=1)]
Point = Annotated[list[float], Field(min_length=2, max_length=2)]


class NodeModel(BaseModel):
    """One node: ``{"id", "type", "name", "params", "position"}``; name defaults to the id."""

    model_config = _FILE_CONFIG

    id: NonEmptyText
    type: NonEmptyText
    name: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    position: Point = Field(default_factory=lambda: [0.0, 0.0])


class EdgeModel(BaseModel):
    """One wire: ``{"from", "from_port", "to", "to_port"}``."""

    model_config = _FILE_CONFIG

    from_: NonEmptyText = Field(alias="from")
    from_port: NonEmptyText
    to: NonEmptyText
    to_port: NonEmptyText


class GraphModel(BaseModel):
    """The ``graph`` section: nodes and wires, each in the order the graph holds them."""

    model_config = _FILE_CONFIG

    nodes: list[NodeModel] = Field(default_factory=list)
    edges: list[EdgeModel] = Field(default_factory=list)


def _network_name(name: str) -> str:
    problem = network_name_problem(name)
    if problem is not None:
        raise ValueError(problem)
    return name


NetworkName = Annotated[str, AfterValidator(_network_name)]


class NetworkModel(BaseModel):
    """One network of the project: ``{"name", "graph"}``."""

    model_config = _FILE_CONFIG

    name: NetworkName
    graph: GraphModel = Field(default_factory=GraphModel)


class ProjectModel(BaseModel):
    """A whole file: its networks, and the settings and history kept beside them."""

    model_config = _FILE_CONFIG

    format: Literal["netstudio"]
    version: int
    name: str = "Untitled"
    description: str = ""
    networks: list[NetworkModel] = Field(default_factory=list)
    main: str = "main"
    data: DataConfig = Field(default_factory=DataConfig)
    training: TrainingConfig = Field(default_factory=TrainingConfig)
    runs: list[RunRecord] = Field(default_factory=list)
    view: ViewModel = Field(default_factory=ViewModel)
    search: SearchConfig = Field(default_factory=SearchConfig)


#: The sections of a file beside its graph, by key, in file order.
SECTIONS = ("data", "training", "runs", "view", "search")


class SectionsModel(BaseModel):
    """The settings and history of a project without its graph: what the writer checks."""

    model_config = _FILE_CONFIG

    data: DataConfig = Field(default_factory=DataConfig)
    training: TrainingConfig = Field(default_factory=TrainingConfig)
    runs: list[RunRecord] = Field(default_factory=list)
    view: ViewModel = Field(default_factory=ViewModel)
    search: SearchConfig = Field(default_factory=SearchConfig)


Model = TypeVar("Model", bound=BaseModel)


def validate_raw(model: type[Model], raw: Any) -> Model:
    """`raw` (parsed JSON) validated as `model`, strictly, as JSON: see the module docstring.

    Raises ValidationError; TypeError or ValueError if `raw` holds what JSON cannot (a NaN).
    """
    return model.model_validate_json(json.dumps(raw, allow_nan=False), strict=True)


def section_problems(sections: dict[str, Any]) -> list[FileProblem]:
    """Every problem of the "data", "training", "runs", "view" and "search" sections in
    `sections` (a section left out is its default), each at its JSON path from the top of the
    file; [] when they are sound."""
    try:
        validate_raw(SectionsModel, sections)
    except ValidationError as error:
        return problems_from(error, SectionsModel)
    return []


def problems_from(error: ValidationError, root: type[BaseModel]) -> list[FileProblem]:
    """Every error of `error` as a problem at its JSON path, in words a person can act on."""
    return [
        FileProblem(json_path(*item["loc"]), error_message(item, root))
        for item in error.errors(include_url=False)
    ]


def error_message(item: Any, root: type[BaseModel]) -> str:
    """What is wrong, in words a person can act on, for one error of a model under `root`."""
    kind: str = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    got = describe(value)
    if kind == "missing":
        return words.MISSING_KEY()
    if kind == "extra_forbidden":
        known = keys_at(root, item["loc"][:-1])
        close = difflib.get_close_matches(str(item["loc"][-1]), known, n=1)
        if close:
            return words.UNKNOWN_KEY_MEANT(close=close[0], keys=", ".join(known))
        return words.UNKNOWN_KEY(keys=", ".join(known)) if known else words.UNKNOWN_KEY_NONE()
    if kind in _KINDS:
        return _KINDS[kind](value=got)
    if kind == "string_too_short":
        return words.NOT_EMPTY()
    if kind == "too_short":
        return words.TOO_FEW_ITEMS(count=ctx.get("min_length"), actual=ctx.get("actual_length"))
    if kind == "too_long":
        return words.TOO_MANY_ITEMS(count=ctx.get("max_length"), actual=ctx.get("actual_length"))
    if kind == "literal_error":
        return words.ONE_OF(expected=ctx.get("expected"), value=got)
    if kind in _BOUNDS:
        return _BOUNDS[kind](limit=_number(ctx.get(_BOUND_KEYS[kind])), value=got)
    if kind == "value_error" and "error" in ctx:
        error = ctx["error"]
        said = error.args[0] if _one_text(error) else str(error)
        return words.CHECK_FAILED(error=said, value=got)
    text = str(item.get("msg", "is not valid"))
    return words.CHECK_FAILED(error=text[:1].lower() + text[1:], value=got)


def _one_text(error: Any) -> bool:
    """Whether `error` is an exception whose message is its one text argument (kept as it is,
    so a `Message` stays one)."""
    return isinstance(error, Exception) and len(error.args) == 1 and isinstance(error.args[0], str)


#: The sentence for each kind of wrong type, "must be …, got {value}".
_KINDS = {
    "string_type": words.MUST_BE_TEXT,
    "int_type": words.WHOLE_NUMBER,
    "int_from_float": words.WHOLE_NUMBER,
    "int_parsing": words.WHOLE_NUMBER,
    "float_type": words.NUMBER,
    "float_parsing": words.NUMBER,
    "finite_number": words.FINITE_NUMBER,
    "bool_type": words.TRUE_OR_FALSE,
    "dict_type": words.AN_OBJECT_NEEDED,
    "model_type": words.AN_OBJECT_NEEDED,
    "model_attributes_type": words.AN_OBJECT_NEEDED,
    "list_type": words.A_LIST_NEEDED,
    "tuple_type": words.A_LIST_NEEDED,
}

#: A range check's sentence, and the key of its limit in the error's context.
_BOUNDS = {
    "greater_than": words.GREATER_THAN,
    "greater_than_equal": words.AT_LEAST,
    "less_than": words.LESS_THAN,
    "less_than_equal": words.AT_MOST,
}
_BOUND_KEYS = {
    "greater_than": "gt",
    "greater_than_equal": "ge",
    "less_than": "lt",
    "less_than_equal": "le",
}


def _number(value: Any) -> str:
    """A limit as a person writes it: ``0``, ``0.5``, ``4294967295``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def describe(value: Any) -> str:
    """A JSON value as a message shows it: ``"abc"``, ``12``, ``true``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return words.AN_OBJECT()
    if isinstance(value, list):
        return words.A_LIST()
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(shown, ensure_ascii=False)
    return repr(value)


def keys_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at `loc` (a pydantic error location under `root`) accepts."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        found = fields.get(str(part))
        model = _model_in(found.annotation) if found is not None else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation like ``list[NodeModel]`` or ``GraphModel``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
