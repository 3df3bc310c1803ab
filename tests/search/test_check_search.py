"""`netstudio check` reports a search that cannot run, with the words `tune` and the panel use.

Each problem is one ``error: search.<path>: <message>`` line after the network's table, and
the exit code is 1 (invalid), as for a node's problem: the file is readable, its search is not
runnable. The same problems come from `check_search` for the Search panel and `tune`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netstudio.cli import EXIT_INVALID, EXIT_OK, run_check
from netstudio.io import Project, save_project
from netstudio.search.checks import check_search
from netstudio.search.cli import run_tune, tune_parser
from tests.search.conftest import small_digits

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_search.net"


def _saved(project: Project, folder: Path) -> Path:
    path = folder / "digits.net"
    save_project(project, path)
    return path


def _with_search(tmp_path: Path, change: Any) -> Path:
    """The digits example's file with its search section changed by `change` (raw JSON, so a
    section the app would never write can be written)."""
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "digits_search.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = run_check(path)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _parameter(index: int, **domain: Any) -> Any:
    return lambda raw: raw["search"]["parameters"][index]["domain"].update(domain)


def _target(index: int, target: str) -> Any:
    return lambda raw: raw["search"]["parameters"][index].update(target=target)


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            _target(1, "fc9.out_features"),
            "error: search.parameters[1]: fc9.out_features: there is no node fc9 — remove it "
            "from the search or pick another",
        ),
        (_target(1, "fc1.width"), "error: search.parameters[1]: fc1.width: Linear 'fc1' has no"),
        (
            _parameter(1, low=300, high=16),
            "error: search.parameters[1].domain.high: the range 300..16 is empty",
        ),
        (
            _parameter(0, low=0.0),
            "error: search.parameters[0].domain.low: a log range needs both ends above 0",
        ),
        (
            lambda raw: raw["search"]["parameters"].__setitem__(
                0, {"target": "training.optimizer.type", "domain": {"kind": "choice", "values": []}}
            ),
            "error: search.parameters[0].domain.values: a list of choices needs at least one",
        ),
        (
            lambda raw: raw["search"].update(sampler="grid"),
            "error: search.parameters: training.optimizer.lr: the grid sampler tries lists of "
            "choices only",
        ),
        (
            lambda raw: raw["search"]["objective"].update(metric="val_f1"),
            "error: search.objective.metric: must be 'val_accuracy', 'val_loss'",
        ),
        (
            _parameter(2, high=1.5),
            "error: search.parameters[2]: dropout.p: the high end 1.5 does not fit",
        ),
        (
            lambda raw: raw["data"].update(val_fraction=0.0),
            "error: search.objective.metric: the data keeps no validation split",
        ),
    ],
)
def test_check_names_each_search_problem_at_its_path_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, line: str
) -> None:
    path = _with_search(tmp_path, change)
    code, out, err = _check(path, capsys)
    assert code == EXIT_INVALID, err
    assert err == ""
    errors = [text for text in out if text.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(line), out
    assert any(text.lstrip().startswith("fc1 ") for text in out)  # the network is still shown
    assert out[-1] == "invalid: 1 error(s)"


def test_a_sound_search_and_no_search_at_all_are_both_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _check(EXAMPLE, capsys)
    assert code == EXIT_OK and out[-1] == "valid"
    project = small_digits()
    project.search = {}
    code, out, _ = _check(_saved(project, tmp_path), capsys)
    assert code == EXIT_OK and out[-1] == "valid"
    project.search = {"trials": 5}  # budget set, nothing searched yet: nothing to run
    code, out, _ = _check(_saved(project, tmp_path), capsys)
    assert code == EXIT_OK and out[-1] == "valid"


def test_a_problem_outside_the_search_still_makes_the_file_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def both(raw: dict[str, Any]) -> None:
        raw["search"]["parameters"][1]["domain"].update(low=300, high=16)
        raw["networks"][0]["graph"]["nodes"][1]["type"] = "NoSuchLayer"

    code, out, err = _check(_with_search(tmp_path, both), capsys)
    assert code == 2 and out == []
    assert err.startswith("error: ") and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"training": {"task": "regression"}}, "a regression run records no val_accuracy"),
        ({"objective": {"metric": "test_loss"}, "data": {"test_fraction": 0.0}}, "no test split"),
    ],
)
def test_an_objective_the_runs_would_not_record_is_refused_before_any_trial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, Any], words: str
) -> None:
    project = small_digits(**{k: v for k, v in change.items() if k == "objective"})
    project.training.update(change.get("training", {}))
    project.data.update(change.get("data", {}))
    (problem,) = check_search(project).problems
    assert problem.path == "search.objective.metric" and words in problem.message

    path = _saved(project, tmp_path)
    code = run_tune(tune_parser().parse_args([str(path)]))
    err = capsys.readouterr().err
    assert code == 2 and f"error: {path}: search.objective.metric: " in err and words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.net"]  # no study, no runs


def test_a_test_figure_of_a_source_with_its_own_test_split_is_fine() -> None:
    project = small_digits(objective={"metric": "test_accuracy"})
    project.data = {"source": "mnist", "test_fraction": 0.0}
    assert not [p for p in check_search(project).problems if p.path.startswith("search.obj")]
