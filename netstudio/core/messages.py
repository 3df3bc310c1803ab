"""Messages made without a window (validation problems, and later training failures): a stable
code, an English template and its arguments.

A `Message` *is* its English text (a `str`), so the CLI prints it and every caller that takes
a string keeps working, byte for byte. It also remembers how it was made, so the GUI can show
it in the person's language through the same Qt catalogue as the rest of the app
(`netstudio.gui.i18n.translated`): the template is looked up by its context and English text,
and the arguments are put into the translation.

The templates are marked with `QT_TRANSLATE_NOOP`, a plain function of the name that
pyside6-lupdate extracts by name (it returns its text unchanged), so the core never imports
Qt. See docs/translating.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, unchanged: marks it for pyside6-lupdate as translatable in `context`."""
    return text


#: Every template by its code: a code names one message for good (tests, logs, support).
TEMPLATES: dict[str, Template] = {}


@dataclass(frozen=True)
class Template:
    """One kind of message: `code` (stable), the catalogue `context` and the English `text`,
    with ``{name}`` fields for the arguments."""

    code: str
    context: str
    text: str

    def __post_init__(self) -> None:
        if self.code in TEMPLATES:
            raise ValueError(f"two message templates have the code {self.code!r}")
        TEMPLATES[self.code] = self

    def __call__(self, **args: Any) -> Message:
        """The message with these arguments."""
        return Message(self, args)


#: How a message's numbers are written for a person (the GUI passes its locale's).
NumberFormat = Callable[[int | float], str]
#: Looks up a translation: (context, English text) -> translated text.
Translate = Callable[[str, str], str]


class Message(str):
    """A message's English text that keeps its `template` and `args` (see module docstring).

    An argument may itself be a `Message` (translated with the one holding it); numbers (and
    `Count`s, grouped in English) are written with the GUI's number format; anything else (node names, layer types, file
    paths: the person's own data) is put in as it is.
    """

    template: Template
    args: Mapping[str, Any]

    def __new__(cls, template: Template, args: Mapping[str, Any]) -> Message:
        self = super().__new__(cls, template.text.format_map({k: str(v) for k, v in args.items()}))
        self.template = template
        self.args = MappingProxyType(dict(args))
        return self

    @property
    def code(self) -> str:
        return self.template.code

    def translated(self, translate: Translate, number: NumberFormat = str) -> str:
        """The message in the language `translate` looks up; English where the translation
        is missing or does not fit the arguments (a translator's slip shows English, never
        an error)."""
        values = {}
        for name, value in self.args.items():
            if isinstance(value, Message):
                values[name] = value.translated(translate, number)
            elif isinstance(value, Phrase):
                values[name] = translate(value.context, str(value)) or str(value)
            elif isinstance(value, Count):
                values[name] = number(int(value))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name] = number(value)
            else:
                values[name] = str(value)
        text = translate(self.template.context, self.template.text) or self.template.text
        try:
            return text.format_map(values)
        except (KeyError, IndexError, ValueError):
            return self.template.text.format_map(values)

    def to_dict(self) -> dict[str, Any]:
        """The code and arguments, for a record in a file (`Message.from_dict` makes the
        message again); an argument that is a message is written as its own dict, a `Phrase`
        as its English."""
        return {"code": self.code, "args": {k: _plain(v) for k, v in self.args.items()}}

    @staticmethod
    def from_dict(data: Any) -> Message | None:
        """The message `to_dict` wrote; None when `data` names no known template (a file
        written by another version, whose module is not loaded) or its arguments do not fit
        it (a damaged file). Only plain values are taken as arguments: a file never makes
        anything but text, numbers and counts (a file written before `Count` holds the count
        as its English text, "40,000": shown as it is)."""
        if not isinstance(data, Mapping):
            return None
        template = TEMPLATES.get(str(data.get("code")))
        raw = data.get("args", {})
        if template is None or not isinstance(raw, Mapping):
            return None
        args: dict[str, Any] = {}
        for name, value in raw.items():
            if isinstance(value, Mapping):
                value = Count.from_dict(value) if "count" in value else Message.from_dict(value)
            if value is None or not isinstance(value, (str, int, float)):
                return None
            args[str(name)] = value
        try:
            return template(**args)
        except (KeyError, IndexError, ValueError):
            return None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, dict(self.args)))


class Phrase(str):
    """A word or phrase of the catalogue's `context` put into a message as an argument (a layer
    parameter's one-line doc, marked where it is written): English as it is, translated with
    the message that holds it."""

    context: str

    def __new__(cls, context: str, text: str) -> Phrase:
        self = super().__new__(cls, text)
        self.context = context
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.context, str(self)))


class Count(int):
    """A count a person reads (samples, values, parameters, bytes): an `int` whose English text
    is grouped, ``str(Count(40000)) == "40,000"`` (as the messages always wrote it), and that
    `Message.translated` writes with the locale's number format ("40.000" in German).

    Pass it rather than a text made by ``f"{count:,}"``: a number made text before the
    message cannot be written the locale's way any more."""

    def __str__(self) -> str:
        return f"{int(self):,}"

    def __repr__(self) -> str:
        return f"Count({int(self)})"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else int(self).__format__(spec)

    def to_dict(self) -> dict[str, int]:
        """As `Message.to_dict` writes it: ``{"count": 40000}``."""
        return {"count": int(self)}

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Count | None:
        """The count `to_dict` wrote; None for anything but a whole number."""
        value = data.get("count")
        if isinstance(value, bool) or not isinstance(value, int) or len(data) != 1:
            return None
        return Count(value)


def _plain(value: Any) -> Any:
    """An argument as `Message.to_dict` writes it."""
    if isinstance(value, (Message, Count)):
        return value.to_dict()
    return str(value) if isinstance(value, Phrase) else value
