"""Text that is not Unicode characters: lone surrogates, kept out of projects at the file boundary.

JSON may spell half of a UTF-16 pair on its own (``"\\ud800"``), and Python reads it as a one-
character string that no UTF-8 file, terminal or exported script can hold: printing it, saving
it or writing it into code fails. The reader replaces each with U+FFFD and reports it with its
JSON path; the writer refuses to save one (`find_lone_surrogates`), naming where it is.
"""

from __future__ import annotations

import re
from typing import Any

from netstudio.io import problem_messages as words
from netstudio.io.errors import FileProblem, json_path

#: A surrogate code point in a Python string is always a lone one: json and UTF-8 decoding
#: join real pairs into one character.
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def shown(text: str, limit: int = 40) -> str:
    """`text` as a message can print it: surrogates written as ``\\ud800``, cut at `limit`."""
    short = text if len(text) <= limit else text[: limit - 3] + "..."
    return short.encode("utf-8", "backslashreplace").decode("utf-8")


def has_lone_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def replace_lone_surrogates(
    value: Any, at: tuple[str | int, ...] = ()
) -> tuple[Any, list[FileProblem]]:
    """`value` (parsed JSON, found at the JSON path `at`) with every lone surrogate in its keys
    and strings replaced by U+FFFD, and a problem naming the JSON path of each string with one."""
    problems: list[FileProblem] = []

    def clean(item: Any, path: tuple[str | int, ...]) -> Any:
        if isinstance(item, str):
            if not has_lone_surrogate(item):
                return item
            problems.append(FileProblem(json_path(*path), _message(item)))
            return _SURROGATE.sub(REPLACEMENT, item)
        if isinstance(item, list):
            return [clean(element, (*path, i)) for i, element in enumerate(item)]
        if isinstance(item, dict):
            result = {}
            for key, element in item.items():
                name = key
                if isinstance(key, str) and has_lone_surrogate(key):
                    name = _SURROGATE.sub(REPLACEMENT, key)
                    problems.append(FileProblem(json_path(*path, shown(key)), _message(key)))
                result[name] = clean(element, (*path, shown(key) if isinstance(key, str) else key))
            return result
        return item

    return clean(value, at), problems


def find_lone_surrogates(value: Any) -> list[str]:
    """The JSON paths of the strings (and keys) in `value` that hold a lone surrogate."""
    _, problems = replace_lone_surrogates(value)
    return [problem.path or words.THE_FILE() for problem in problems]


def _message(text: str) -> str:
    code = next(f"\\u{ord(ch):04x}" for ch in text if _SURROGATE.match(ch))
    return words.LONE_SURROGATE(text=shown(text), code=code, replacement=REPLACEMENT)
