"""The words of a project file's problems found while building it (`FileProblem`: the schema's
checks, the graph's nodes and wires, unstorable text) and of `ProjectFileError`'s one line, as
message templates (`netstudio.core.messages`): the command line prints the English, the app
shows them translated.

Fields: value, a JSON value as `schema.describe` writes it; error, pydantic's or a validator's
own words for a check NetStudio has no sentence for; first and at, JSON paths
("networks[0].graph.nodes[2]"); node, a node's label.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "ProjectFiles"

# One problem, and the error's line.
PROBLEM_AT = Template(
    "file.problem-at", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "{path}: {message}")
)
IN_FILE = Template("file.in-file", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "{file}: {problem}"))
UNREADABLE = Template(
    "file.unreadable", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "unreadable project file")
)
AND_ONE_MORE = Template(
    "file.and-one-more",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "{problem} (and 1 more problem)"),
)
AND_MORE = Template(
    "file.and-more",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "{problem} (and {count} more problems)"),
)

# JSON values as messages show them.
AN_OBJECT = Template("file.an-object", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "an object"))
A_LIST = Template("file.a-list", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "a list"))

# The schema's checks, one per kind of pydantic error.
MISSING_KEY = Template(
    "file.missing-key",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "missing: this key is required"),
)
UNKNOWN_KEY = Template(
    "file.unknown-key",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "unknown key (keys here: {keys})"),
)
UNKNOWN_KEY_MEANT = Template(
    "file.unknown-key-meant",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "unknown key; did you mean '{close}'? (keys here: {keys})"),
)
UNKNOWN_KEY_NONE = Template(
    "file.unknown-key-none",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "unknown key (keys here: none)"),
)
MUST_BE_TEXT = Template(
    "file.must-be-text", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "must be text, got {value}")
)
NOT_EMPTY = Template(
    "file.must-not-be-empty", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "must not be empty")
)
WHOLE_NUMBER = Template(
    "file.must-be-whole-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be a whole number, got {value}"),
)
NUMBER = Template(
    "file.must-be-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be a number, got {value}"),
)
FINITE_NUMBER = Template(
    "file.must-be-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be a finite number, got {value}"),
)
TRUE_OR_FALSE = Template(
    "file.must-be-bool",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be true or false, got {value}"),
)
AN_OBJECT_NEEDED = Template(
    "file.must-be-object",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be an object {{...}}, got {value}"),
)
A_LIST_NEEDED = Template(
    "file.must-be-list",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be a list [...], got {value}"),
)
TOO_FEW_ITEMS = Template(
    "file.too-few-items",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "needs {count} items, got {actual}"),
)
TOO_MANY_ITEMS = Template(
    "file.too-many-items",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "takes {count} items, got {actual}"),
)
ONE_OF = Template(
    "file.must-be-one-of",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be {expected}, got {value}"),
)
GREATER_THAN = Template(
    "file.greater-than",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be greater than {limit}, got {value}"),
)
AT_LEAST = Template(
    "file.at-least",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be at least {limit}, got {value}"),
)
LESS_THAN = Template(
    "file.less-than",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be less than {limit}, got {value}"),
)
AT_MOST = Template(
    "file.at-most",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be at most {limit}, got {value}"),
)
#: A check NetStudio has no sentence for: pydantic's (or a validator's) own words.
CHECK_FAILED = Template(
    "file.check-failed", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "{error}, got {value}")
)

# The graph's nodes and wires.
DUPLICATE_ID = Template(
    "file.duplicate-node-id",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "another node ({first}) already has the id '{id}'"),
)
DUPLICATE_NAME = Template(
    "file.duplicate-node-name",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "another node ({first}) is already named '{name}'"),
)
ID_EXISTS = Template(
    "file.node-id-exists",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "a node with id '{id}' already exists"),
)
NO_NODE = Template(
    "file.no-such-node", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "there is no node '{id}'")
)
ALREADY_WIRED = Template(
    "file.already-wired",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "input '{port}' of {node} is already wired from '{source}': an input takes one wire",
    ),
)
ALREADY_WIRED_AT = Template(
    "file.already-wired-at",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "input '{port}' of {node} is already wired from '{source}' ({at}): an input takes one wire",
    ),
)

# Text no file can store.
LONE_SURROGATE = Template(
    "file.lone-surrogate",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        'the text "{text}" holds a lone surrogate ({code}), half of a character pair, which no '
        "file can store (NetStudio shows it as {replacement}): retype this text",
    ),
)
THE_FILE = Template("file.the-file", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "the file"))
