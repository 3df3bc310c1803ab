"""The words of a search target that cannot be searched or set (`netstudio.search.targets`), as
message templates (`netstudio.core.messages`): `netstudio check` and `tune` print the English,
the Search panel shows them translated.

Fields: target, the target as the search names it (``fc1.out_features``, never translated);
node, a node's id; owner, a node's label ("Linear 'fc1'"); param, key, a parameter's or a
setting's name as the file spells it; names, the ones there are (", "-separated, or `NONE`);
setting, a settings path (``training.optimizer``); source, a data source's name (a `Phrase`,
translated as the Data panel shows it); value, a value as Python writes it (``'x'``, ``1.5``);
problem, reason, error: what refused it (a `Message` where it is one).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Phrase, Template

CONTEXT = "SearchTargets"

#: A list of names with nothing in it ("its parameters: none").
NONE = Phrase(CONTEXT, QT_TRANSLATE_NOOP("SearchTargets", "none"))
#: A setting path with nothing after ``data.params``.
NO_NAME = Phrase(CONTEXT, QT_TRANSLATE_NOOP("SearchTargets", "(none)"))

NO_PARAMETERS = Template(
    "search.no-parameters",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets", "the search has no parameters: choose at least one value to search"
    ),
)
NOT_COPIED = Template(
    "search.project-not-copied",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchTargets", "the project cannot be copied for a trial: {error}"),
)
#: A problem of one target, with the target in front.
AT_TARGET = Template(
    "search.at-target", CONTEXT, QT_TRANSLATE_NOOP("SearchTargets", "{target}: {problem}")
)
NO_NODE = Template(
    "search.no-node",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "{target}: there is no node {node} — remove it from the search or pick another",
    ),
)
NO_NODE_PARAMETER = Template(
    "search.no-node-parameter",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "{target}: {owner} has no parameter '{param}' (its parameters: {names}) — remove it "
        "from the search or pick another",
    ),
)
FLOAT_RANGE_REFUSED = Template(
    "search.float-range-refused",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "{target}: a float range gives values such as {value}, which it does not take "
        "({reason}): use an int range or a list of choices",
    ),
)
LOW_END_REFUSED = Template(
    "search.low-end-refused",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchTargets", "{target}: the low end {value} does not fit: {reason}"),
)
HIGH_END_REFUSED = Template(
    "search.high-end-refused",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchTargets", "{target}: the high end {value} does not fit: {reason}"),
)
CHOICE_REFUSED = Template(
    "search.choice-refused",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchTargets", "{target}: the choice {value} does not fit: {reason}"),
)
NO_SETTING = Template(
    "search.no-setting",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "{setting} has no setting '{key}' (its settings: {names}) — remove it from the search "
        "or pick another",
    ),
)
A_GROUP = Template(
    "search.group-of-settings",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "{setting} is a group of settings, not one value: search one of its settings ({names})",
    ),
)
UNKNOWN_SOURCE = Template(
    "search.unknown-source",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchTargets", "the data source is not known: {error}"),
)
NO_SOURCE_PARAMETER = Template(
    "search.no-source-parameter",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchTargets",
        "the data source {source} has no parameter {param} (its parameters: {names}) — remove "
        "it from the search or pick another",
    ),
)


def names_of(names: list[str] | tuple[str, ...]) -> str | Phrase:
    """`names` as a message lists them: ", "-separated, or `NONE` when there are none."""
    return ", ".join(names) or NONE
