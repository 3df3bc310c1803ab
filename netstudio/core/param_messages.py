"""The words of a parameter or node name the graph refuses (`ParamError`, `NameInUseError`), as
message templates (`netstudio.core.messages`): the command line and a file's problems keep the
English, the Inspector shows them translated.

Fields: owner, the node's label ("Linear 'fc1'"); param, the parameter's name as PyTorch spells
it (out_features: never translated); value, the value given as Python writes it ('a', 2.5,
None); numbers (minimum, maximum, low, high, count, length) as the parameter's check writes them.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message, Template

CONTEXT = "Parameters"

#: A problem of a node's parameter, with the node it belongs to in front.
OWNED = Template("params.owned", CONTEXT, QT_TRANSLATE_NOOP("Parameters", "{owner}: {problem}"))
NEEDS_VALUE = Template(
    "params.needs-value",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' needs a value ({doc})"),  # doc: a `Phrase`
)
NOT_BOOL = Template(
    "params.not-bool",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be true or false, got {value}"),
)
NOT_CHOICE = Template(
    "params.not-a-choice",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be one of {options}, got {value}"),
)
NOT_TEXT = Template(
    "params.not-text",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be text, got {value}"),
)
NOT_WHOLE = Template(
    "params.not-whole",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be a whole number, got {value}"),
)
NOT_NUMBER = Template(
    "params.not-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be a number, got {value}"),
)
NOT_FINITE = Template(
    "params.not-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be finite, got {value}"),
)
TOO_SMALL = Template(
    "params.too-small",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be at least {minimum}, got {value}"),
)
TOO_SMALL_RANGE = Template(
    "params.too-small-range",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Parameters",
        "'{param}' must be at least {minimum}, got {value}: choose a value from {low} to {high}",
    ),
)
TOO_LARGE = Template(
    "params.too-large",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be at most {maximum}, got {value}"),
)
TOO_LARGE_RANGE = Template(
    "params.too-large-range",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Parameters",
        "'{param}' must be at most {maximum}, got {value}: choose a value from {low} to {high}",
    ),
)
NOT_A_LIST = Template(
    "params.not-a-list",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must be a list of numbers, got {value}"),
)
WRONG_LENGTH = Template(
    "params.wrong-length",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' must have {length} values, got {count}"),
)
TOO_FEW = Template(
    "params.too-few-values",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' needs at least {length} value(s)"),
)
TOO_MANY = Template(
    "params.too-many-values",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "'{param}' takes at most {length} values, got {count}"),
)
#: A parameter name the layer type does not have; `close`: the nearest one it has.
UNKNOWN_CLOSE = Template(
    "params.unknown-close",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Parameters",
        "{layer} has no parameter '{param}'; did you mean '{close}'? (parameters: {options})",
    ),
)
UNKNOWN = Template(
    "params.unknown",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "{layer} has no parameter '{param}' (parameters: {options})"),
)
UNKNOWN_NONE = Template(
    "params.unknown-none",
    CONTEXT,
    QT_TRANSLATE_NOOP("Parameters", "{layer} has no parameter '{param}' (parameters: none)"),
)
INPUT_STILL_WIRED = Template(
    "params.input-still-wired",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Parameters",
        "{owner}: input '{port}' still has a wire; remove it before lowering the number of inputs",
    ),
)

NAMES = "NodeNames"
NO_NAME = Template("names.empty", NAMES, QT_TRANSLATE_NOOP("NodeNames", "a node needs a name"))
NOT_PRINTABLE = Template(
    "names.not-printable",
    NAMES,
    QT_TRANSLATE_NOOP("NodeNames", "a node name must be one line of printable text"),
)
TOO_LONG = Template(
    "names.too-long",
    NAMES,
    QT_TRANSLATE_NOOP("NodeNames", "the name '{start}…' is longer than 64 characters"),
)
NAME_TAKEN = Template(
    "names.taken",
    NAMES,
    QT_TRANSLATE_NOOP("NodeNames", "another node is already named '{name}'"),
)


def owned(owner: str, problem: Message) -> Message:
    """`problem` with the node it belongs to in front ("Linear 'fc1': …"), or alone."""
    return OWNED(owner=owner, problem=problem) if owner else problem
