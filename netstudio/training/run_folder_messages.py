"""The words of runs' folders that could not follow their project to where it was saved
(`netstudio.training.runs.relocate_runs`), as message templates (`netstudio.core.messages`):
the command line prints the English, Save As shows them translated.

Fields: name, the run's name (the person's data, else the phrase `A_RUN`); folder, where, a
folder's path; target, the folder the runs were to go to; reason, the system's words (English).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Phrase, Template

CONTEXT = "RunFolders"

#: A run that has neither a name nor an id.
A_RUN = Phrase(CONTEXT, QT_TRANSLATE_NOOP("RunFolders", "a run"))

MISSING = Template(
    "run-folders.missing",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "RunFolders", "{name}: its run folder {where} is missing; its record is kept as is"
    ),
)
NOT_MOVED = Template(
    "run-folders.not-moved",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "RunFolders",
        "{name}: its run folder {folder} could not be moved to {target} ({reason}); the project "
        "still names it where it is",
    ),
)
NOT_COPIED = Template(
    "run-folders.not-copied",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "RunFolders",
        "{name}: its run folder {folder} could not be copied to {target} ({reason}); the "
        "project still names it where it is",
    ),
)
