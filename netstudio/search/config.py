"""The "search" section of a project: what a search tries, for how long, and what it optimises.

Plain pydantic models, no torch and no Optuna: the file reader and the app's Search panel use
them before either has loaded. Each searched parameter is a target and a domain:

- the target is a node's parameter, ``"<node id>.<parameter>"`` (``"fc1.out_features"``,
  ``"dropout.p"``), or a setting of the project's "training" or "data" section by its path
  (``"training.optimizer.lr"``, ``"training.batch_size"``, ``"training.optimizer.type"``,
  ``"data.params.noise"``);
- the domain is a range of whole numbers (``int``) or of numbers (``float``), linear or log,
  with an optional step, or a list of choices.

What these models check is what a section means on its own (an empty range, a log range
reaching 0, a grid search over a range); whether each target still exists in the project, and
whether each value fits it, is checked against the project by
`netstudio.search.targets.search_problems`.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from netstudio.search import config_words as words

#: What a trial can be judged by: the figures of the epoch whose weights the run ends with,
#: or of the test pass after it.
ObjectiveMetric = Literal[
    "val_accuracy", "val_loss", "train_accuracy", "train_loss", "test_accuracy", "test_loss"
]
Direction = Literal["maximize", "minimize"]
Sampler = Literal["tpe", "random", "grid"]
Pruner = Literal["median", "hyperband", "none"]
#: A value a list of choices can hold (what Optuna stores for a categorical parameter).
Choice = int | float | str | bool


def _choice(value: Any) -> Choice:
    if isinstance(value, (bool, int, str)) or (isinstance(value, float) and math.isfinite(value)):
        return value
    raise ValueError(words.NOT_A_CHOICE())


#: A `Choice` as read from a file: checked as one value (not as each member of the union in
#: turn), so a wrong one is one problem, at its own key, and only it is left out.
ChoiceValue = Annotated[Choice, PlainValidator(_choice)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


def _range_text(low: float, high: float) -> str:
    return f"{low:g}..{high:g}"


class Domain(_Section):
    """What a searched value may be, by `kind`:

    - ``int``: whole numbers from `low` to `high`, both included, every `step` (default 1)
      from `low`;
    - ``float``: numbers from `low` to `high`; with `step`, only every `step` from `low`;
    - ``choice``: one of `values`, each tried as it is (for a grid search, each in turn).

    `log` (ranges only, without a step): spread evenly on a log scale, as learning rates and
    widths want (1e-4 is as far from 1e-3 as 1e-2 from 1e-1; 16 from 32 as 128 from 256).

    One model for the three kinds (not a union of three), so each problem is reported at the
    key at fault (``domain.low``), each checked when its key is, in this field order.
    """

    kind: Literal["int", "float", "choice"]
    log: bool = False
    step: float | None = Field(None, gt=0)
    low: float | None = Field(None, validate_default=True)
    high: float | None = Field(None, validate_default=True)
    values: list[ChoiceValue] | None = Field(None, validate_default=True)

    @field_validator("log")
    @classmethod
    def _log_of_a_range(cls, log: bool, info: ValidationInfo) -> bool:
        if log and info.data.get("kind") == "choice":
            raise ValueError(words.CHOICES_NO_LOG())
        return log

    @field_validator("step")
    @classmethod
    def _step_fits(cls, step: float | None, info: ValidationInfo) -> float | None:
        if step is None:
            return None
        kind = info.data.get("kind")
        if kind == "choice":
            raise ValueError(words.CHOICES_NO_STEP())
        if info.data.get("log"):
            raise ValueError(words.LOG_NO_STEP())
        if kind == "int" and not float(step).is_integer():
            raise ValueError(words.WHOLE_STEP())
        return step

    @field_validator("low", "high")
    @classmethod
    def _end_fits(cls, end: float | None, info: ValidationInfo) -> float | None:
        kind, name = info.data.get("kind"), info.field_name
        if kind == "choice":
            if end is not None:
                raise ValueError(words.CHOICES_NO_END(end=name))
            return None
        if end is None:
            if kind is None:  # reported at kind already
                return None
            # "missing": a file reader that took out a bad end does not report it twice.
            raise PydanticCustomError("missing", words.NEEDS_END.text, {"end": name})
        if kind == "int" and not float(end).is_integer():
            raise ValueError(words.WHOLE_ENDS())
        low = info.data.get("low")
        if name == "high" and low is not None and low > end:
            raise ValueError(
                words.EMPTY_RANGE(range=_range_text(low, end), suggestion=_range_text(end, low))
            )
        if info.data.get("log") and end <= 0:
            raise ValueError(words.LOG_ABOVE_ZERO())
        return int(end) if kind == "int" else float(end)

    @field_validator("values")
    @classmethod
    def _values_fit(cls, values: list[Choice] | None, info: ValidationInfo) -> list[Choice] | None:
        kind = info.data.get("kind")
        if kind != "choice":
            if values is not None:
                raise ValueError(words.RANGE_NO_VALUES())
            return None
        if values is None:  # "missing", as for a range's end
            raise PydanticCustomError("missing", words.NO_VALUES.text)
        if not values:
            raise ValueError(words.NO_VALUES())
        seen: list[tuple[type, Choice]] = []
        for value in values:
            key = (type(value), value)
            if key in seen:
                raise ValueError(words.LISTED_TWICE(value=repr(value)))
            seen.append(key)
        return values

    @property
    def choices(self) -> list[Choice]:
        """The values of a list of choices ([] for a range)."""
        return list(self.values or [])


class SearchParameter(_Section):
    """One searched value: where it is set (`target`, see the module docstring) and what it
    may be (`domain`)."""

    target: str = Field(min_length=1)
    domain: Domain

    @field_validator("target")
    @classmethod
    def _has_a_dot(cls, target: str) -> str:
        head, dot, tail = target.rpartition(".")
        if not dot or not head or not tail:
            raise ValueError(words.NO_PARAMETER_NAMED(target=repr(target)))
        return target


class ObjectiveConfig(_Section):
    """What a trial is judged by. `direction` None: up for an accuracy, down for a loss."""

    metric: ObjectiveMetric = "val_accuracy"
    direction: Direction | None = None

    @property
    def goal(self) -> Direction:
        """The direction the study optimises in."""
        if self.direction is not None:
            return self.direction
        return "maximize" if self.metric.endswith("accuracy") else "minimize"


class SearchConfig(_Section):
    """A search: its objective, sampler and pruner, its budget and the parameters it tries.

    trials, seconds: the budget, a number of trials and/or a time limit (the search stops at
    whichever comes first; a running study is resumed with a fresh budget). sampler: tpe
    (Optuna's default, learns from earlier trials), random, or grid (every combination of the
    lists of choices, so lists only). pruner: ends a trial early whose per-epoch validation is
    worse than the median of earlier trials at that epoch (median), or Hyperband's brackets,
    or never (none). seed: the sampler's seed (None: a new one each time). epochs: each trial's
    number of epochs (None: the training section's).
    """

    objective: ObjectiveConfig = Field(default_factory=ObjectiveConfig)
    sampler: Sampler = "tpe"
    pruner: Pruner = "median"
    trials: int | None = Field(20, ge=1, le=1_000_000)
    seconds: float | None = Field(None, gt=0, validate_default=True)
    epochs: int | None = Field(None, ge=1, le=100_000)
    seed: int | None = Field(0, ge=0, le=2**32 - 1)
    parameters: list[SearchParameter] = Field(default_factory=list)

    @field_validator("seconds")
    @classmethod
    def _some_budget(cls, seconds: float | None, info: ValidationInfo) -> float | None:
        if seconds is None and "trials" in info.data and info.data["trials"] is None:
            raise ValueError(words.NO_BUDGET())
        return seconds

    @field_validator("parameters")
    @classmethod
    def _fit_the_sampler(
        cls, parameters: list[SearchParameter], info: ValidationInfo
    ) -> list[SearchParameter]:
        seen: set[str] = set()
        for parameter in parameters:
            if parameter.target in seen:
                raise ValueError(words.SEARCHED_TWICE(target=parameter.target))
            seen.add(parameter.target)
            if info.data.get("sampler") == "grid" and parameter.domain.kind != "choice":
                raise ValueError(words.GRID_OF_CHOICES(target=parameter.target))
        return parameters

    def parameter(self, target: str) -> SearchParameter:
        """The searched parameter of `target` (KeyError when it is not searched)."""
        for parameter in self.parameters:
            if parameter.target == target:
                return parameter
        raise KeyError(target)
