"""The app's language: which one, loading its catalogues, and showing headless messages and
numbers in it.

The language is chosen once, at start-up (`install`): the one saved under View > Language,
else the system's when NetStudio has it, else English. Changing it takes effect at the next
start: every window sets its strings when it is built, and re-setting all of them on
QEvent.LanguageChange (live switching) would have to be done, and kept right, in every panel
and dialog of the app; a missed one would show two languages at once. The person's work stays
open until they quit (docs/translating.md).

Loading is cheap (a few memory-mapped .qm files, no parsing of .ts): the window still appears
first. Qt's own catalogue (qtbase) translates the standard dialogs' buttons, where present.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from netstudio.core.messages import Message

#: The languages NetStudio speaks, each named in its own language (never translated).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SYSTEM = "system"
#: Where View > Language keeps the choice (QSettings).
SETTING = "ui/language"

_installed: list[QTranslator] = []
_language = ""


def catalogues_dir() -> Path:
    """The folder of the compiled catalogues (package data: an installed wheel has them)."""
    return Path(str(files("netstudio") / "translations"))


def system_language(locale: QLocale | None = None) -> str:
    """The language NetStudio speaks for the system's `locale`: Simplified Chinese for any
    Chinese (closer to a Chinese reader than English), else English."""
    locale = locale if locale is not None else QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def saved_choice(settings: QSettings | None) -> str:
    """The choice made under View > Language: a key of `LANGUAGES`, or `SYSTEM`."""
    value = settings.value(SETTING, SYSTEM) if settings is not None else SYSTEM
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language a choice means (`SYSTEM`: the system's)."""
    return choice if choice in LANGUAGES else system_language(locale)


def install(language: str) -> None:
    """Translate the app into `language` (a key of `LANGUAGES`) from now on: its catalogue
    (for English, the plural forms only) and Qt's own for the standard dialogs. Replaces the
    language installed before."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install the language after the QApplication is made")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    if ours.load(f"netstudio_{language}.qm", str(catalogues_dir())):
        _installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}.qm", folder):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    _language = language


def ensure_installed() -> None:
    """Install English (its plural forms) when no language was installed yet: a window built
    without `install` (tests, tools) reads "1 error", not "1 errors"."""
    if not _language and QCoreApplication.instance() is not None:
        install("en")


def language() -> str:
    """The language installed ("" before any)."""
    return _language


def translate_in(language: str, context: str, text: str) -> str:
    """`text` of `context` in `language`, whatever language is installed (for a notice the
    person must read in the language they just chose)."""
    translator = QTranslator()
    if translator.load(f"netstudio_{language}.qm", str(catalogues_dir())):
        found = translator.translate(context, text)
        if found:
            return found
    return text


def locale() -> QLocale:
    """The locale numbers are written in: the system's, English where it is the bare "C"
    locale (no digit grouping), as on many servers and CI machines."""
    system = QLocale()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system


def number(value: int | float) -> str:
    """`value` as a person reads it here: digit grouping and decimal sign of the locale."""
    if isinstance(value, int):
        return locale().toString(value)
    return locale().toString(value, "g", 6)


def size(size_bytes: int) -> str:
    """A size in bytes as a person reads it here: ``format_bytes`` ("918.5 KB") with the
    locale's decimal sign ("918,5 KB" in German); the units stay in every language."""
    from netstudio.core.summary import format_bytes

    return format_bytes(size_bytes).replace(".", locale().decimalPoint())


def translated(text: str) -> str:
    """`text` in the installed language: a `netstudio.core.messages.Message` is translated
    through the catalogue; any other text is returned as it is (not translated yet)."""
    if isinstance(text, Message):
        return text.translated(QCoreApplication.translate, number)
    return text


def error_said(error: BaseException) -> str:
    """What an error says, in the installed language: its message translated when the core
    made it a `Message` (the error's only argument: ``str(error)`` is plain English), any other
    error's text as it is."""
    first = error.args[0] if len(error.args) == 1 else None
    return translated(first) if isinstance(first, Message) else str(error)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ("&File" and the Chinese "文件(&F)" alike) and
    ellipsis."""
    text = re.sub(r"\(&[^&]\)", "", text)  # "打开(&O)…": the mnemonic in brackets goes whole
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")
