"""Data settings of the wrong JSON type: every one reported at its JSON path, none a TypeError.

`data_problems` is what `netstudio check` and the GUI ask before anything is loaded; `load_data`
must refuse the same settings with a DataError, never hand a wrong type to a reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netstudio.training.data_config import DataConfig
from netstudio.training.sources import DataError, all_sources, data_problems, load_data

#: (source, parameter, a value of the wrong JSON type or out of range, words the message holds)
WRONG_PARAMS = [
    ("moons", "noise", [1, 2], "must be a number"),
    ("moons", "samples", None, "needs a value"),
    ("moons", "samples", "500", "must be a whole number"),
    ("moons", "samples", 10**30, "must be at most 1000000"),
    ("spiral", "classes", 2.5, "must be a whole number"),
    ("spiral", "classes", True, "must be a whole number"),
    ("circles", "factor", {"value": 0.5}, "must be a number"),
    ("blobs", "spread", "wide", "must be a number"),
    ("sequences", "length", [40], "must be a whole number"),
    ("image_folder", "resize", "big", "must be a whole number"),
    ("image_folder", "grayscale", "yes", "must be true or false"),
    ("image_folder", "grayscale", None, "needs a value"),
    ("mnist", "download", 1, "must be true or false"),
    ("csv", "file", ["a.csv", "b.csv"], "must be text"),
    ("csv", "label_column", 3, "must be text"),
    ("csv", "task", ["classification"], "must be one of"),
    ("csv", "delimiter", {"char": ","}, "must be one of"),
    ("csv", "has_header", "true", "must be true or false"),
]


@pytest.mark.parametrize(("source", "name", "value", "words"), WRONG_PARAMS)
def test_a_wrong_param_is_a_problem_at_its_json_path(
    source: str, name: str, value: Any, words: str
) -> None:
    (problem,) = data_problems({"source": source, "params": {name: value}})
    assert problem.path == f"data.params.{name}"
    assert words in problem.message and f"'{name}'" in problem.message
    assert str(problem).startswith(f"data.params.{name}: ")


@pytest.mark.parametrize(("source", "name", "value", "words"), WRONG_PARAMS)
def test_a_wrong_param_never_reaches_the_reader(
    tmp_path: Path, source: str, name: str, value: Any, words: str
) -> None:
    config = DataConfig(source=source, params={name: value})
    with pytest.raises(DataError, match=words):
        load_data(config, data_root=tmp_path)


def test_every_problem_is_reported_not_only_the_first() -> None:
    data = {
        "source": "csv",
        "params": {"file": ["a.csv"], "delimiter": 5, "has_heder": True},
        "val_fraction": "a lot",
        "seed": -1,
        "augment": {"horizontal_flip": [True]},
        "colour": "red",
    }
    paths = [problem.path for problem in data_problems(data)]
    assert sorted(paths) == sorted(
        [
            "data.val_fraction",
            "data.seed",
            "data.augment.horizontal_flip",
            "data.colour",
            "data.params.file",
            "data.params.delimiter",
            "data.params.has_heder",
        ]
    )
    by_path = {problem.path: problem.message for problem in data_problems(data)}
    assert "did you mean 'has_header'" in by_path["data.params.has_heder"]


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"params": [1, 2]}, "data.params", "must be an object"),
        ({"params": None}, "data.params", "must be an object"),
        ({"source": 5}, "data.source", "must be text"),
        ({"source": "mnsit"}, "data.source", "did you mean 'mnist'"),
        ({"root": ["data"]}, "data.root", "must be text"),
        ({"normalize": [True]}, "data.normalize", "must be true or false"),
        ({"augment": "yes"}, "data.augment", "must be an object"),
    ],
)
def test_a_wrong_setting_is_a_problem_at_its_json_path(
    data: dict[str, Any], path: str, words: str
) -> None:
    (problem,) = data_problems(data)
    assert problem.path == path and words in problem.message


def test_a_data_section_that_is_not_an_object() -> None:
    (problem,) = data_problems(["digits"])  # type: ignore[arg-type]
    assert problem.path == "data" and "must be an object" in problem.message


def test_good_settings_have_no_problems() -> None:
    assert data_problems({}) == []
    assert data_problems(DataConfig(source="spiral", params={"classes": 4})) == []
    for source in all_sources():
        assert data_problems({"source": source.id, "params": source.defaults()}) == [], source.id


def test_a_huge_value_is_quoted_on_one_short_line() -> None:
    (problem,) = data_problems({"source": "moons", "params": {"samples": 1e300}})
    assert len(str(problem)) < 300 and "\n" not in str(problem)


def test_too_many_sequence_values_in_all_are_refused_before_generating() -> None:
    params = {"samples": 1_000_000, "length": 10_000}  # each within its own bound
    (problem,) = data_problems({"source": "sequences", "params": params})
    assert problem.path == "data.params.samples"
    assert "10,000,000,000 values" in problem.message and "fewer samples" in problem.message
    with pytest.raises(DataError, match="shorter sequences"):
        load_data(DataConfig(source="sequences", params=params))
