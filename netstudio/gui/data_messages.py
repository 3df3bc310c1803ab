"""Why data cannot be loaded, or a run cannot go on, in the app's own words.

A `DataError` says what is wrong in words that fit every front end, and lists its fixes
(`DataFix`) for each front end to name with its own controls: the command line names its
options, the app its panels and buttons (never a command-line option). A `TrainingFailure`
lists its fixes (`FailureFix`) the same way: `training_failure_text`.
"""

from __future__ import annotations

from netstudio.training.loaded_data import DataError, DataFix
from netstudio.training.results import FailureFix, TrainingFailure

_WHERE = " in the Data panel"

#: Each fix as the app says it; "{where}" is the Data panel, unless that is where it shows.
_PHRASES = {
    DataFix.CHOOSE_FOLDER: "choose the folder that holds them with the “…” button beside "
    "Folder{where}",
    DataFix.DOWNLOAD: "tick “download”{where} to fetch them when online",
    DataFix.CHOOSE_FILE: "choose the file with the “…” button beside File{where}",
    DataFix.SAVE_PROJECT: "save the project (File ▸ Save As…) in the folder its data folder "
    "is relative to",
}


def data_error_text(error: BaseException, *, in_data_panel: bool = False) -> str:
    """The message of `error`, with what to do named by the app's controls when it is a
    `DataError`; `in_data_panel`: the message shows in the Data panel itself."""
    message = str(error) or type(error).__name__
    if not isinstance(error, DataError):
        return message
    where = "" if in_data_panel else _WHERE
    return error.advice({fix: text.format(where=where) for fix, text in _PHRASES.items()})


#: Each fix of a failed run as the app says it.
_FAILURE_PHRASES = {
    FailureFix.UNFREEZE: "select a layer on the canvas and turn on Trainable in the Inspector "
    "(or Model ▸ Unfreeze Selected Layers)",
}


def training_failure_text(failure: TrainingFailure) -> str:
    """The message of a run's `failure`, with its fixes named by the app's controls."""
    return failure.advice(_FAILURE_PHRASES)
