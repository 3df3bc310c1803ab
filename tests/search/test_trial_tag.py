"""A run made by a search trial carries its trial on file: typed, optional, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.io import ProjectFileError, load_project, save_project
from netstudio.io.sections import RunRecord, TrialTag
from tests.search.conftest import small_digits

TAG = {"study": "digits", "number": 3, "params": {"fc1.out_features": 64, "dropout.p": 0.25,
                                                   "training.optimizer.type": "adam"}}  # fmt: skip


def _record(**extra: object) -> dict[str, object]:
    return {"id": "20260101-120000-trial3", "name": "Trial 3 of digits", "status": "finished",
            **extra}  # fmt: skip


def test_a_trial_tag_is_kept_by_the_file_and_a_record_without_one_reads_as_before(
    tmp_path: Path,
) -> None:
    project = small_digits()
    project.runs = [_record(trial=TAG), _record(id="by-hand", name="Run 1")]
    path = tmp_path / "digits.net"
    save_project(project, path)
    written = path.read_bytes()
    again = load_project(path)
    assert again.runs[0]["trial"] == TAG and "trial" not in again.runs[1]
    save_project(again, path)
    assert path.read_bytes() == written  # open + save changes no byte
    assert RunRecord.model_validate(again.runs[1]).trial is None
    assert RunRecord.model_validate(again.runs[0]).trial == TrialTag.model_validate(TAG)


@pytest.mark.parametrize(
    ("tag", "where", "words"),
    [
        ({**TAG, "number": -1}, "runs[0].trial.number", "must be at least 0, got -1"),
        ({"study": "digits"}, "runs[0].trial.number", "missing"),
        (
            {**TAG, "params": {"fc1.out_features": [64]}},
            'runs[0].trial.params["fc1.out_features"]',
            "a value to try is a number, text, or true/false, got a list",
        ),
        ({**TAG, "seed": 1}, "runs[0].trial.seed", "unknown key (keys here: study, number"),
    ],
)
def test_a_wrong_trial_tag_is_one_problem_at_its_path_and_a_lenient_read_keeps_the_run(
    tmp_path: Path, tag: dict[str, object], where: str, words: str
) -> None:
    project = small_digits()
    raw = json.loads(json.dumps({"runs": [_record(trial=tag)]}))
    path = tmp_path / "digits.net"
    save_project(project, path)
    text = json.loads(path.read_text(encoding="utf-8"))
    text.update(raw)
    path.write_text(json.dumps(text), encoding="utf-8")
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    (problem,) = refused.value.problems
    assert problem.path == where and words in problem.message
    lenient = load_project(path, strict=False)
    assert [run["id"] for run in lenient.runs] == ["20260101-120000-trial3"]
