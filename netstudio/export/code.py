"""Writing Python source that `ruff format` leaves as it is and `ruff check` finds clean.

The exporters build code line by line; these helpers give them literals, calls wrapped the way
ruff wraps them, and an import block in ruff's isort order. The line length is NetStudio's own
(100): the NetStudio functions copied into an exported file are formatted to it.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Sequence
from typing import Any

from netstudio.export.export_messages import NOT_A_LITERAL

#: NetStudio's own line length: the copied NetStudio functions are formatted to it.
LINE_LENGTH = 100


def literal(value: Any) -> str:
    """`value` as a Python literal in ruff's style (double-quoted strings, single-quoted when
    that saves escaping the double quotes inside, e.g. a JSON argument). Text with a character
    that is not printable (a NUL, a line separator, a lone surrogate) is written with escapes
    only, so the source stays one line of valid UTF-8."""
    if isinstance(value, str):
        if not value.isprintable():
            return json.dumps(value, ensure_ascii=True)
        if '"' in value and "'" not in value and "\\" not in value:
            return f"'{value}'"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        items = [literal(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    raise TypeError(NOT_A_LITERAL(value=repr(value), kind=type(value).__name__))


def wrap_call(prefix: str, args: Sequence[str], indent: int, suffix: str = "") -> list[str]:
    """``prefix(args)suffix`` at `indent`, split over lines as ruff format splits it.

    `prefix` holds what comes before the parenthesis (``self.fc1 = nn.Linear``).
    """
    pad = " " * indent
    flat = f"{pad}{prefix}({', '.join(args)}){suffix}"
    if len(flat) <= LINE_LENGTH:
        return [flat]
    hugged = f"{pad}    {', '.join(args)}"
    if len(hugged) <= LINE_LENGTH:
        return [f"{pad}{prefix}(", hugged, f"{pad}){suffix}"]
    return [f"{pad}{prefix}(", *(f"{pad}    {arg}," for arg in args), f"{pad}){suffix}"]


def class_name(text: str) -> str:
    """A CamelCase class name from a project name: "MNIST MLP" gives ``MnistMlp``."""
    words = re.findall(r"[A-Za-z0-9]+", text)
    name = "".join(
        word.capitalize() if word.isupper() or word.islower() else word[0].upper() + word[1:]
        for word in words
    )
    if not name or name[0].isdigit() or keyword.iskeyword(name):
        name = "Net" + name
    return name


def _member_key(name: str) -> tuple[int, str]:
    """isort's order-by-type: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1 if name[:1].isupper() else 2), name.lower()


class Imports:
    """The import statements a generated file needs, rendered in ruff's isort order."""

    def __init__(self) -> None:
        self._plain: set[tuple[str, str | None]] = set()
        self._members: dict[str, set[tuple[str, str | None]]] = {}

    def add(self, module: str, name: str | None = None, alias: str | None = None) -> None:
        """``import module [as alias]``, or with `name`, ``from module import name [as alias]``."""
        if name is None:
            self._plain.add((module, alias if alias != module else None))
        else:
            self._members.setdefault(module, set()).add((name, alias if alias != name else None))

    def update(self, other: Imports) -> None:
        self._plain |= other._plain
        for module, names in other._members.items():
            self._members.setdefault(module, set()).update(names)

    def render(self) -> list[str]:
        """The import block: __future__, standard library, then third-party sections."""
        sections: dict[int, list[tuple[int, str, list[str]]]] = {0: [], 1: [], 2: []}
        for module, alias in self._plain:
            text = f"import {module}" + (f" as {alias}" if alias else "")
            sections[_section(module)].append((0, module.lower(), [text]))
        for module, names in self._members.items():
            members = [n + (f" as {a}" if a else "") for n, a in sorted(names, key=_by_member)]
            text = [f"from {module} import {', '.join(members)}"]
            if len(text[0]) > LINE_LENGTH:
                text = [f"from {module} import (", *(f"    {m}," for m in members), ")"]
            sections[_section(module)].append((1, module.lower(), text))
        lines: list[str] = []
        for key in (0, 1, 2):
            if sections[key]:
                if lines:
                    lines.append("")
                for _, _, text in sorted(sections[key], key=lambda item: item[:2]):
                    lines.extend(text)
        return lines


def _by_member(item: tuple[str, str | None]) -> tuple[int, str]:
    return _member_key(item[0])


def _section(module: str) -> int:
    top = module.split(".")[0]
    if top == "__future__":
        return 0
    return 1 if top in sys.stdlib_module_names else 2
