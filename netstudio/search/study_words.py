"""The words of a search's study database refusing (`netstudio.search.study`), as message
templates (`netstudio.core.messages`): `netstudio tune` prints the English, the Search panel
shows them translated.

Fields: database, the study's database as shown to people (its password hidden); driver, a
Python module's name; reason, the database's own first line (its driver's words, English);
study, the study's name; goal and had_goal, the phrases `GOALS` holds; metric and had, metric
names as the project writes them (val_accuracy: never translated).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Phrase, Template

CONTEXT = "SearchStudy"

#: An objective's direction as a verb, by its value in the project.
GOALS = {
    "minimize": Phrase(CONTEXT, QT_TRANSLATE_NOOP("SearchStudy", "minimize")),
    "maximize": Phrase(CONTEXT, QT_TRANSLATE_NOOP("SearchStudy", "maximize")),
}

NO_DRIVER = Template(
    "search-study.no-driver",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchStudy",
        "cannot open the study database {database}: its driver ({driver}) is not installed; "
        "for PostgreSQL install netstudio[postgres]",
    ),
)
UNREACHABLE = Template(
    "search-study.unreachable",
    CONTEXT,
    QT_TRANSLATE_NOOP("SearchStudy", "cannot reach the study database {database}: {reason}"),
)
OTHER_OBJECTIVE = Template(
    "search-study.other-objective",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SearchStudy",
        "study '{study}' was made to {had_goal} {had}, not to {goal} {metric}: give another "
        "study name, or search for its own objective",
    ),
)


def goal(direction: str) -> str:
    """`direction` ("minimize") as the phrase a message translates; any other text as it is."""
    return GOALS.get(direction, direction)
