"""Copied NetStudio code that says something in a message template says it in English, with
no NetStudio to import: a module of templates becomes a small class of format strings."""

from __future__ import annotations

from pathlib import Path

from netstudio.export.code import Imports
from netstudio.export.source_copy import SourceBundle
from netstudio.training import csv_source
from netstudio.training.data_messages import CSV_WHERE, VALUE_COUNT


def test_a_copied_function_says_its_messages_in_english_without_netstudio(
    tmp_path: Path, load_module
) -> None:
    imports = Imports()
    bundle = SourceBundle(imports)
    bundle.add(csv_source.read_table)
    text = "\n".join([*imports.render(), "", *bundle.definitions()])
    assert "netstudio" not in text.replace("NetStudio", "")  # nothing to import from us
    assert "class words:" in text and "    CSV_NOT_FOUND = " in text
    assert "    NOT_FINITE = " not in text  # only the templates the copied code uses

    path = tmp_path / "copied.py"
    path.write_text(text + "\n", encoding="utf-8")
    copied = load_module(path)
    words = copied.words
    args = {"file": "rows.csv", "line": 3, "count": 2, "expected": 4, "columns": "a, b"}
    assert words.VALUE_COUNT(**args) == VALUE_COUNT(**args)
    assert words.CSV_WHERE(file="f.csv", line=1, column="x") == CSV_WHERE(
        file="f.csv", line=1, column="x"
    )
    missing = tmp_path / "nowhere.csv"
    try:
        copied.read_table(missing, ",", True)
    except Exception as error:  # the copied DataError
        assert str(error).startswith(f"CSV file {missing} not found")
    else:
        raise AssertionError("a missing file was read")
