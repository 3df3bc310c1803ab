"""Parsing Python source text (`ast.parse`), safe from a CPython 3.11 race.

CPython 3.11 keeps the depth counter that checks the conversion of a parsed tree into `ast`
objects in one place for the whole interpreter, so two threads parsing at the same moment (an
export on a worker while PyTorch, say, inspects source on another thread) can make one of them
fail with ``SystemError: AST constructor recursion depth mismatch`` though its source is fine
(python/cpython#106905, fixed in 3.12). Our own parses take turns, and one that another
library's parse upset is tried again.
"""

from __future__ import annotations

import ast
import threading

_TURNS = threading.Lock()
#: How many times a parse is tried when the race stopped it.
TRIES = 3


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse(source, filename=filename)`: SyntaxError and ValueError as it raises them;
    never the spurious SystemError of the race (see module docstring)."""
    for attempt in range(1, TRIES + 1):
        try:
            with _TURNS:
                return ast.parse(source, filename=filename)
        except SystemError as error:
            if "recursion depth mismatch" not in str(error) or attempt == TRIES:
                raise
    raise AssertionError("unreachable: the last try returns or raises")
