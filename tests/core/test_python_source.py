"""`python_source.parse`: ast.parse without CPython 3.11's spurious "AST constructor recursion
depth mismatch" (two threads parsing at once; it failed an export from the Export dialog in
CI), retried a few times; every other error as ast.parse raises it."""

from __future__ import annotations

import ast

import pytest

from netstudio.core import python_source
from netstudio.core.python_source import TRIES, parse

RACE = SystemError("AST constructor recursion depth mismatch (before=48, after=20)")


def _failing(times: int, error: Exception = RACE):
    real = ast.parse
    calls = []

    def parse_(source: str, filename: str = "<unknown>") -> ast.Module:
        calls.append(filename)
        if len(calls) <= times:
            raise error
        return real(source, filename=filename)

    return parse_, calls


def test_a_parse_the_race_stopped_is_tried_again(monkeypatch) -> None:
    fake, calls = _failing(TRIES - 1)
    monkeypatch.setattr(python_source.ast, "parse", fake)
    tree = parse("x = 1\n", filename="model.py")
    assert isinstance(tree.body[0], ast.Assign) and calls == ["model.py"] * TRIES


def test_the_race_every_time_and_other_errors_are_raised(monkeypatch) -> None:
    fake, calls = _failing(TRIES)
    monkeypatch.setattr(python_source.ast, "parse", fake)
    with pytest.raises(SystemError, match="recursion depth mismatch"):
        parse("x = 1\n")
    assert len(calls) == TRIES

    other, calls = _failing(1, SystemError("something else"))
    monkeypatch.setattr(python_source.ast, "parse", other)
    with pytest.raises(SystemError, match="something else"):
        parse("x = 1\n")
    assert len(calls) == 1


def test_syntax_errors_are_ast_parses() -> None:
    with pytest.raises(SyntaxError) as caught:
        parse("def (:\n", filename="broken.py")
    assert caught.value.filename == "broken.py"
