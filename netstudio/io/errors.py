"""What can be wrong with a `.net` file, said so that a person can find and fix it.

Every problem carries the JSON path of the value at fault (``graph.nodes[2].type``); reading
collects all of them before giving up, so one `ProjectFileError` lists every problem of a partly
broken file, not the first only. Its `str()` is one line, fit for a status bar or the CLI's
exit-2 message; the full list is in `.problems`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netstudio.io import problem_messages as words


@dataclass(frozen=True)
class FileProblem:
    """One problem of a project file: where (a JSON path, ``""`` for the whole file) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return words.PROBLEM_AT(path=self.path, message=self.message) if self.path else self.message


class ProjectFileError(Exception):
    """A project file that cannot be read (or, in strict mode, not read completely).

    file: the file it came from, when known. problems: every problem found, in file order.
    """

    def __init__(
        self, problems: FileProblem | str | Iterable[FileProblem], file: Path | None = None
    ) -> None:
        if isinstance(problems, str):
            problems = [FileProblem("", problems)]
        elif isinstance(problems, FileProblem):
            problems = [problems]
        self.problems: list[FileProblem] = list(problems)
        self.file: Path | None = file
        super().__init__(self.problems, file)

    def __str__(self) -> str:
        first = str(self.problems[0]) if self.problems else words.UNREADABLE()
        more = len(self.problems) - 1
        if more == 1:
            first = words.AND_ONE_MORE(problem=first)
        elif more:
            first = words.AND_MORE(problem=first, count=more)
        line = words.IN_FILE(file=self.file, problem=first) if self.file is not None else first
        # One line always: a name or value quoted in a message may hold a line break.
        joined = " ".join(line.splitlines())
        return line if joined == line else joined


_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(*parts: str | int) -> str:
    """The JSON path of a value: ``json_path("graph", "nodes", 2, "type")`` is
    ``graph.nodes[2].type``; keys that are not plain words are quoted (``data["my key"]``)."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _KEY_RE.match(part):
            path += f".{part}" if path else part
        else:
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path
