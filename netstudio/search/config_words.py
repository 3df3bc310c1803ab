"""The refusals of the "search" section's own checks (`netstudio.search.config`), as message
templates (`netstudio.core.messages`): the file reader and `netstudio check`/`tune` show the
English, the "Search this…" dialog and the Search panel show them translated.

Each is raised as ``ValueError(message)``: pydantic keeps the exception (``error["ctx"]
["error"]``) and its text is the English, byte for byte.

Fields: end, a range's end as the file spells the key (``low``, ``high``: never translated);
range, suggestion, a range as ``1..0`` (numbers as Python's ``:g`` writes them); value, a
choice as Python writes it (``'adam'``, ``32``); target, a searched target
(``fc1.out_features``, the person's own).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "SearchConfig"

NOT_A_CHOICE = Template(
    "search-config.not-a-choice",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a value to try is a number, text, or true/false"),
)
CHOICES_NO_LOG = Template(
    "search-config.choices-no-log",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a list of choices is not on a scale: remove 'log'"),
)
CHOICES_NO_STEP = Template(
    "search-config.choices-no-step",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a list of choices takes no step: remove it"),
)
LOG_NO_STEP = Template(
    "search-config.log-no-step",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig", "a log range takes no step: remove the step or make it linear"
    ),
)
WHOLE_STEP = Template(
    "search-config.whole-step",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "the step of an int range is a whole number"),
)
CHOICES_NO_END = Template(
    "search-config.choices-no-end",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a list of choices has no {end} end: list its values"),
)
#: Reported as pydantic's "missing" (the file reader says so in its own words).
NEEDS_END = Template(
    "search-config.needs-end",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a range needs its {end} end"),
)
WHOLE_ENDS = Template(
    "search-config.whole-ends",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "an int range takes whole numbers: make it a float range"),
)
EMPTY_RANGE = Template(
    "search-config.empty-range",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig",
        "the range {range} is empty: its low end must be at most its high end (did you mean "
        "{suggestion}?)",
    ),
)
LOG_ABOVE_ZERO = Template(
    "search-config.log-above-zero",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig",
        "a log range needs both ends above 0: raise the low end, or make the range linear",
    ),
)
RANGE_NO_VALUES = Template(
    "search-config.range-no-values",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig", "a range takes no list of values: remove it, or make the kind 'choice'"
    ),
)
NO_VALUES = Template(
    "search-config.no-values",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "a list of choices needs at least one value"),
)
LISTED_TWICE = Template(
    "search-config.listed-twice",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "{value} is listed twice: list each choice once"),
)
NO_PARAMETER_NAMED = Template(
    "search-config.no-parameter-named",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig",
        "{target} names no parameter: write a node's id and its parameter "
        "('fc1.out_features') or a setting's path ('training.optimizer.lr')",
    ),
)
NO_BUDGET = Template(
    "search-config.no-budget",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig", "the search has no budget: give a number of trials, seconds, or both"
    ),
)
SEARCHED_TWICE = Template(
    "search-config.searched-twice",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchConfig", "{target} is searched twice: keep one of its entries"),
)
GRID_OF_CHOICES = Template(
    "search-config.grid-of-choices",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchConfig",
        "{target}: the grid sampler tries lists of choices only, and this is a range: list "
        "the values to try, or choose the tpe or random sampler",
    ),
)
