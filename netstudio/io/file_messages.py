"""The words of project-file problems (`ProjectFileError`, `FileProblem`) as message templates
(`netstudio.core.messages`): the command line prints the English, the app shows them translated.
Fields: version and numbers as the file has them; kind, what the file holds ("a list").
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "ProjectFiles"

CANNOT_READ = Template(
    "file.cannot-read", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "cannot read: {reason}")
)
NOT_TEXT = Template(
    "file.not-text",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "not a NetStudio project: not text"),
)
EMPTY = Template("file.empty", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "the file is empty"))
BAD_JSON_AT = Template(
    "file.bad-json-at",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "not valid JSON at line {line} column {column}: {detail}"),
)
TRUNCATED = Template(
    "file.truncated",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "the file ends too early (truncated?)"),
)
BAD_JSON = Template(
    "file.bad-json", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "not valid JSON: {error}")
)
TOO_DEEP = Template(
    "file.nested-too-deeply",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "not valid JSON: nested too deeply"),
)
NOT_AN_OBJECT = Template(
    "file.not-an-object",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles", "not a NetStudio project: the file holds {kind}, not a project object"
    ),
)
NO_FORMAT = Template(
    "file.no-format",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", 'not a NetStudio project: it has no "format" key'),
)
OTHER_FORMAT = Template(
    "file.other-format",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles", 'not a NetStudio project: its "format" is {kind}, not "netstudio"'
    ),
)
DUPLICATE_NETWORK = Template(
    "file.duplicate-network",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "another network ({first}) is already named '{name}': give each network its own name",
    ),
)
NO_MAIN = Template(
    "file.no-main-network",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "there is no network named '{main}' (networks: {names}): name the network that trains",
    ),
)
NONE = Template("file.no-networks", CONTEXT, QT_TRANSLATE_NOOP("ProjectFiles", "none"))
NO_VERSION = Template(
    "file.no-version",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        'missing: a NetStudio project names its file format version ("version": {current})',
    ),
)
VERSION_NOT_NUMBER = Template(
    "file.version-not-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "must be a whole number, got {kind}"),
)
NEWER_VERSION = Template(
    "file.newer-version",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "written by a newer NetStudio (file format version {version}; this NetStudio reads "
        "versions up to {current}): update NetStudio to open it",
    ),
)
UNKNOWN_VERSION = Template(
    "file.unknown-version",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "unknown file format version {version} (this NetStudio reads versions {oldest} to "
        "{current})",
    ),
)
GRAPH_TOO_DEEP = Template(
    "file.graph-nested-too-deeply",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "the graph is nested too deeply"),
)

# Saving (`netstudio.io.writer.dumps_project`): a project the file format cannot hold.
# error: Python's own words for the value (English); where: JSON paths joined with ", ";
# problem: the first problem found, at its JSON path.
CANNOT_STORE_VALUE = Template(
    "file.cannot-store-value",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles", "the project holds a value a .net file cannot store: {error}"
    ),
)
LONE_SURROGATE = Template(
    "file.cannot-store-lone-surrogate",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "the project holds text a .net file cannot store (a lone surrogate, half of a "
        "character pair) at {where}: retype that text",
    ),
)
CANNOT_SAVE = Template(
    "file.cannot-save",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles", "the project cannot be saved: {problem}: correct it and save again"
    ),
)
CANNOT_SAVE_AND_ONE = Template(
    "file.cannot-save-and-one",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "the project cannot be saved: {problem} (and 1 more problem): correct it and save again",
    ),
)
CANNOT_SAVE_AND_MORE = Template(
    "file.cannot-save-and-more",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ProjectFiles",
        "the project cannot be saved: {problem} (and {more} more problems): correct it and save "
        "again",
    ),
)
# The `error` of BAD_JSON for a number JSON does not have (Python's json reads them).
NOT_A_JSON_NUMBER = Template(
    "file.not-a-json-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "{name} is not a JSON number"),
)
TOO_LARGE_A_NUMBER = Template(
    "file.too-large-a-number",
    CONTEXT,
    QT_TRANSLATE_NOOP("ProjectFiles", "{text} is too large a number"),
)
