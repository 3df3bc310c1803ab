"""The search section: what a search means on its own, and whether it fits its project."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from netstudio.search.config import SearchConfig
from netstudio.search.targets import SearchError, apply_params, search_problems
from tests.search.conftest import small_digits


def _one(target: str, **domain: Any) -> dict[str, Any]:
    return {"parameters": [{"target": target, "domain": domain}]}


def _refusal(section: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        SearchConfig.model_validate(section)
    return " | ".join(e["msg"] for e in caught.value.errors())


def test_defaults_make_a_tpe_search_of_twenty_trials_for_validation_accuracy() -> None:
    config = SearchConfig.model_validate({})
    assert (config.sampler, config.pruner, config.trials) == ("tpe", "median", 20)
    assert config.objective.goal == "maximize"
    loss = SearchConfig.model_validate({"objective": {"metric": "val_loss"}})
    assert loss.objective.goal == "minimize"


@pytest.mark.parametrize(
    ("section", "words"),
    [
        (_one("fc1.out_features", kind="int", low=256, high=16), "range 256..16 is empty"),
        (_one("training.optimizer.lr", kind="float", low=0, high=0.1, log=True), "above 0"),
        (_one("fc1.out_features", kind="int", low=-4, high=8, log=True), "above 0"),
        (_one("fc1.out_features", kind="int", low=4, high=8, log=True, step=2), "no step"),
        (_one("dropout.p", kind="choice", values=[]), "needs at least one value"),
        (_one("dropout.p", kind="float", low=0.1), "needs its high end"),
        (_one("fc1.out_features", kind="int", low=1.5, high=8), "whole numbers"),
        (_one("dropout.p", kind="choice", values=[0.1], low=0), "no low end"),
        (_one("dropout.p", kind="choice", values=[0.1, 0.1]), "listed twice"),
        (_one("fc1", kind="int", low=4, high=8), "names no parameter"),
        (
            {"sampler": "grid", **_one("dropout.p", kind="float", low=0, high=0.5)},
            "grid sampler tries lists of choices only",
        ),
        ({"trials": None}, "no budget"),
        (
            {"parameters": 2 * _one("dropout.p", kind="float", low=0, high=0.5)["parameters"]},
            "searched twice",
        ),
    ],
)
def test_a_section_that_cannot_mean_a_search_is_refused_saying_why(
    section: dict[str, Any], words: str
) -> None:
    assert words in _refusal(section)


def _problems(section: dict[str, Any]) -> list[str]:
    project = small_digits()
    return [str(p) for p in search_problems(SearchConfig.model_validate(section), project)]


def test_a_node_that_is_gone_is_named_with_what_to_do() -> None:
    assert _problems(_one("fc9.out_features", kind="int", low=8, high=16)) == [
        "search.parameters[0]: fc9.out_features: there is no node fc9 — remove it from the "
        "search or pick another"
    ]


@pytest.mark.parametrize(
    ("target", "domain", "words"),
    [
        ("fc1.width", {"kind": "int", "low": 8, "high": 16}, "has no parameter 'width'"),
        ("fc1.out_features", {"kind": "int", "low": 0, "high": 16}, "must be at least 1"),
        ("dropout.p", {"kind": "float", "low": 0.2, "high": 1.5}, "must be at most 1"),
        ("fc1.out_features", {"kind": "float", "low": 8, "high": 64}, "use an int range"),
        ("training.optimizer.lr", {"kind": "float", "low": 0.1, "high": 20}, "at most 10"),
        ("training.optimizer.name", {"kind": "choice", "values": ["sgd"]}, "no setting 'name'"),
        ("training.optimizer.type", {"kind": "choice", "values": ["lbfgs"]}, "'lbfgs'"),
        ("training.optimizer", {"kind": "choice", "values": ["sgd"]}, "a group of settings"),
        ("training.batch_size", {"kind": "int", "low": 0, "high": 64}, "at least 1"),
        ("data.val_fraction", {"kind": "float", "low": 0.1, "high": 1.0}, "less than 1"),
        ("data.params.noise", {"kind": "float", "low": 0.1, "high": 1.0}, "no parameter noise"),
    ],
)
def test_a_domain_its_target_does_not_take_is_reported(
    target: str, domain: dict[str, Any], words: str
) -> None:
    (problem,) = _problems(_one(target, **domain))
    assert problem.startswith(f"search.parameters[0]: {target}: ")
    assert words in problem


def test_a_sound_search_of_the_project_has_no_problems_and_an_empty_one_has_one() -> None:
    assert _problems(small_digits().search) == []
    assert _problems({}) == [
        "search.parameters: the search has no parameters: choose at least one value to search"
    ]


def test_apply_params_sets_each_value_where_its_target_says_on_a_copy() -> None:
    project = small_digits()
    before = dict(project.graph.node("fc1").params)
    best = apply_params(
        project,
        {
            "fc1.out_features": 24,
            "dropout.p": 0.25,
            "training.optimizer.lr": 0.02,
            "training.optimizer.type": "sgd",
        },
    )
    assert best.graph.node("fc1").params["out_features"] == 24
    assert best.graph.node("dropout").params["p"] == 0.25
    assert best.training["optimizer"] == {"type": "sgd", "lr": 0.02}
    assert best.training_config().optimizer.lr == 0.02
    assert project.graph.node("fc1").params == before  # the original is untouched
    assert project.training["optimizer"]["lr"] == 0.002


def test_apply_params_refuses_a_target_that_is_gone_or_a_value_out_of_range() -> None:
    project = small_digits()
    with pytest.raises(SearchError, match="there is no node fc9"):
        apply_params(project, {"fc9.out_features": 8})
    with pytest.raises(SearchError, match=r"fc1\.out_features: .*at least 1"):
        apply_params(project, {"fc1.out_features": 0})
    with pytest.raises(SearchError, match=r"training\.optimizer\.lr: must be at most 10"):
        apply_params(project, {"training.optimizer.lr": 50.0})
