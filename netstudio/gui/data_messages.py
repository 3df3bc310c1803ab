"""Why data cannot be loaded, or a run cannot go on, in the app's own words.

A `DataError` says what is wrong in words that fit every front end, and lists its fixes
(`DataFix`) for each front end to name with its own controls: the command line names its
options, the app its panels and buttons (never a command-line option). A `TrainingFailure`
lists its fixes (`FailureFix`) the same way: `training_failure_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message
from netstudio.training.loaded_data import DataError, DataFix, with_fixes
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


#: The same fixes as the person reads them, whole clauses in both places: outside the Data
#: panel (naming it), and in it. `data_error_shown` translates these.
_SHOWN = {
    DataFix.CHOOSE_FOLDER: (
        QT_TRANSLATE_NOOP(
            "DataMessages",
            "choose the folder that holds them with the “…” button beside Folder in the Data panel",
        ),
        QT_TRANSLATE_NOOP(
            "DataMessages", "choose the folder that holds them with the “…” button beside Folder"
        ),
    ),
    DataFix.DOWNLOAD: (
        QT_TRANSLATE_NOOP(
            "DataMessages", "tick “download” in the Data panel to fetch them when online"
        ),
        QT_TRANSLATE_NOOP("DataMessages", "tick “download” to fetch them when online"),
    ),
    DataFix.CHOOSE_FILE: (
        QT_TRANSLATE_NOOP(
            "DataMessages", "choose the file with the “…” button beside File in the Data panel"
        ),
        QT_TRANSLATE_NOOP("DataMessages", "choose the file with the “…” button beside File"),
    ),
    DataFix.SAVE_PROJECT: (
        QT_TRANSLATE_NOOP(
            "DataMessages",
            "save the project (File ▸ Save As…) in the folder its data folder is relative to",
        ),
    )
    * 2,
}


def data_error_shown(error: BaseException, *, in_data_panel: bool = False) -> str:
    """`data_error_text` in the person's language, for a window to show (never stored: a
    run's record keeps `data_error_text`'s English). The message is translated where it is a
    `netstudio.core.messages.Message`, the fixes always."""
    from netstudio.gui.i18n import translated

    if not isinstance(error, DataError):
        first = error.args[0] if error.args else None
        return translated(first) if isinstance(first, Message) else data_error_text(error)
    first = error.args[0] if error.args else None
    message = translated(first) if isinstance(first, Message) else str(error)
    translate = QCoreApplication.translate
    said = [
        translate("DataMessages", _SHOWN[fix][1 if in_data_panel else 0])
        for fix in error.fixes
        if fix in _SHOWN
    ]
    return _with_fixes_shown(message, said)


def _with_fixes_shown(message: str, said: list[str]) -> str:
    """`message` (translated) and then the fixes `said` (translated clauses) as one more
    sentence, in the language installed."""
    from netstudio.gui.i18n import language

    translate = QCoreApplication.translate
    if language() in ("", "en") or not said:  # English: the sentence as the app always said it
        return with_fixes(message, said)
    fixes = said[0]
    for fix in said[1:]:
        fixes = translate("DataMessages", "{fixes}, or {fix}", "one more way to fix it").format(
            fixes=fixes, fix=fix
        )
    return translate(
        "DataMessages", "{message} {fixes}.", "what is wrong, then how to fix it"
    ).format(message=message, fixes=fixes)


def data_error_text(error: BaseException, *, in_data_panel: bool = False) -> str:
    """The message of `error`, with what to do named by the app's controls when it is a
    `DataError`; `in_data_panel`: the message shows in the Data panel itself."""
    message = str(error) or type(error).__name__
    if not isinstance(error, DataError):
        return message
    where = "" if in_data_panel else _WHERE
    return error.advice({fix: text.format(where=where) for fix, text in _PHRASES.items()})


#: Each fix of a failed run as the app says it (English; `training_failure_shown` translates).
_FAILURE_PHRASES = {
    FailureFix.UNFREEZE: QT_TRANSLATE_NOOP(
        "DataMessages",
        "select a layer on the canvas and turn on Trainable in the Inspector "
        "(or Model ▸ Unfreeze Selected Layers)",
    ),
}


def training_failure_text(failure: TrainingFailure) -> str:
    """The message of a run's `failure`, with its fixes named by the app's controls, in
    English: what a run's record keeps (`training_failure_shown` is what a window shows)."""
    return failure.advice(_FAILURE_PHRASES)


def training_failure_shown(failure: TrainingFailure) -> str:
    """`training_failure_text` in the person's language, for a window to show: the message
    translated where it is a `netstudio.core.messages.Message` (a failure to load the data,
    which keeps its `DataError` as its `__cause__`, as `data_error_shown` says it), then its
    fixes."""
    from netstudio.gui.i18n import translated

    if isinstance(failure.__cause__, DataError):
        return data_error_shown(failure.__cause__)
    translate = QCoreApplication.translate
    said = [
        translate("DataMessages", _FAILURE_PHRASES[fix])
        for fix in failure.fixes
        if fix in _FAILURE_PHRASES
    ]
    return _with_fixes_shown(translated(failure.message), said)
