"""Whether a project's search can run: one check for the Search panel, `tune` and `check`.

`check_search` reads the project's "search" section as a `SearchConfig` and collects every
reason it cannot run, each a `FileProblem` at its JSON path from the top of the file
(``search.parameters[1].domain.high``):

- what the section means on its own (an empty range, a log range reaching 0, an empty list of
  choices, a grid search over a range), in the file layer's words (`error_message`);
- what no longer fits the project (`netstudio.search.targets.search_problems`: a node deleted
  since the search was set up, a range end its parameter does not take);
- an objective the project's runs will not record (`objective_problems`: an accuracy of a
  regression, a validation figure without a validation split, a test figure without a test
  split), which would otherwise fail every trial after its training.

The panel shows them beside the parameters and refuses to start, `netstudio tune` refuses with
them, and `netstudio check` prints them as errors. No torch and no Optuna here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pydantic import ValidationError

from netstudio.core.messages import QT_TRANSLATE_NOOP, Phrase, Template
from netstudio.io.errors import FileProblem, ProjectFileError, json_path
from netstudio.io.project import Project
from netstudio.search.config import SearchConfig
from netstudio.search.targets import search_config, search_problems

CONTEXT = "SearchChecks"

# The objective's problems (`netstudio.core.messages`: `netstudio check` prints the English, the
# Search panel shows them translated). metric: the objective's figure as runs record it
# (val_accuracy); loss: the figure to judge by instead (val_loss); task: the training's task.
NO_ACCURACY = Template(
    "search.no-accuracy",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchChecks", "a {task} run records no {metric}: judge the trials by {loss}"
    ),
)
NO_VALIDATION = Template(
    "search.no-validation-split",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchChecks",
        "the data keeps no validation split (data.val_fraction is 0), so no run records "
        "{metric}: give the split a fraction, or judge the trials by another figure",
    ),
)
NO_TEST = Template(
    "search.no-test-split",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchChecks",
        "the data keeps no test split (data.test_fraction is 0), so no run records "
        "{metric}: give the split a fraction, or judge the trials by another figure",
    ),
)
#: The tasks, as {task} names them in a sentence (the project's own word, translated).
TASK_WORDS = (
    QT_TRANSLATE_NOOP("SearchChecks", "regression"),
    QT_TRANSLATE_NOOP("SearchChecks", "reconstruction"),
    QT_TRANSLATE_NOOP("SearchChecks", "gan"),
)


@dataclass
class SearchCheck:
    """The project's search (None when its section does not read as one) and every problem."""

    config: SearchConfig | None
    problems: list[FileProblem] = field(default_factory=list)


def check_search(project: Project) -> SearchCheck:
    """`project`'s search and every reason it cannot run (see the module docstring): the
    section's own problems when it does not read, else those of its targets and objective."""
    try:
        config = search_config(project)
    except ValidationError as error:
        return SearchCheck(None, config_problems(error))
    found = search_problems(config, project) + objective_problems(config, project)
    return SearchCheck(config, found)


def load_for_check(path: str | os.PathLike[str]) -> tuple[Project, list[FileProblem]]:
    """The project at `path` as `netstudio check` reads it, with the problems the file reader
    found in its "search" section.

    Read strictly, except that a file whose only problems are in its "search" section is read
    whole (the section without its bad values): a search that cannot run does not make the
    network unreadable, so check can still report the network and name each search problem.
    ProjectFileError for any other problem.
    """
    from netstudio.io import load_project

    try:
        return load_project(path), []
    except ProjectFileError as error:
        if not error.problems or not all(_in_search(p.path) for p in error.problems):
            raise
        read = error.problems
    return load_project(path, strict=False), read


def check_problems(project: Project, read: list[FileProblem] | None = None) -> list[str]:
    """``search.<path>: <message>`` for each problem `netstudio check` reports of the
    project's search: those the file reader found in the section (`read`, from
    `load_for_check`) when there are any (the rest of the section is then not what the file
    says, so its targets are not checked), else `check_search`'s. A project that searches
    nothing (no parameters) has none: a search is optional."""
    if read:
        return [str(problem) for problem in read]
    search = project.search if isinstance(project.search, dict) else {}
    if not search.get("parameters"):
        return []
    return [str(problem) for problem in check_search(project).problems]


def _in_search(path: str) -> bool:
    return path == "search" or path.startswith(("search.", "search["))


def config_problems(error: ValidationError) -> list[FileProblem]:
    """Each error of validating a "search" section, at its JSON path, in the file's words."""
    from netstudio.io.schema import error_message

    return [
        FileProblem(json_path("search", *item["loc"]), error_message(item, SearchConfig))
        for item in error.errors(include_url=False)
    ]


def objective_problems(config: SearchConfig, project: Project) -> list[FileProblem]:
    """Why the project's runs would not record the objective's figure (at most one problem).

    Read from the settings alone, before any data is loaded: an accuracy needs a
    classification, a validation figure a validation split, a test figure a test split (the
    source's own, or a ``test_fraction`` above 0).
    """
    metric = config.objective.metric
    path = "search.objective.metric"
    training = project.training if isinstance(project.training, dict) else {}
    data = project.data if isinstance(project.data, dict) else {}
    task = str(training.get("task", "classification"))
    if metric.endswith("accuracy") and task != "classification":
        loss = f"{metric.removesuffix('accuracy')}loss"
        said = NO_ACCURACY(task=Phrase(CONTEXT, task), metric=metric, loss=loss)
        return [FileProblem(path, said)]
    if metric.startswith("val_") and _fraction(data, "val_fraction", 0.1) == 0:
        return [FileProblem(path, NO_VALIDATION(metric=metric))]
    test = metric.startswith("test_")
    if test and _fraction(data, "test_fraction", 0.2) == 0 and not _official_test(data):
        return [FileProblem(path, NO_TEST(metric=metric))]
    return []


def _fraction(data: dict[str, object], key: str, default: float) -> float | None:
    value = data.get(key, default)
    return float(value) if isinstance(value, (int, float)) else None


def _official_test(data: dict[str, object]) -> bool:
    """Whether the data's source has its own test split (an unknown source: said elsewhere)."""
    from netstudio.training.data_config import DataConfig
    from netstudio.training.loaded_data import DataError
    from netstudio.training.sources import get_source

    try:
        return get_source(str(data.get("source", DataConfig().source))).official_test
    except DataError:
        return True
