"""Trials on the digits MLP through the real trainer: a search, pruning, failed trials."""

from __future__ import annotations

import csv
from pathlib import Path

import optuna
import pytest

from netstudio.io import Project, save_project
from netstudio.search.config import SearchConfig
from netstudio.search.study import open_storage, open_study, pruner
from netstudio.search.targets import apply_params, search_config
from netstudio.search.trial import TrialFailed, TrialRunner
from tests.search.conftest import small_digits

optuna.logging.set_verbosity(optuna.logging.ERROR)


def _study(project: Project, tmp_path: Path) -> tuple[optuna.Study, TrialRunner]:
    config = search_config(project)
    path = tmp_path / "digits.net"
    save_project(project, path)
    storage = open_storage(f"sqlite:///{tmp_path / 'digits.tune.db'}")
    study = open_study(config, storage, "digits", epochs=1)
    return study, TrialRunner(project, config, path, study_name="digits", device="cpu")


def test_a_small_search_beats_its_first_trial_and_apply_best_sets_its_values(
    digits_project: Project, tmp_path: Path
) -> None:
    study, runner = _study(digits_project, tmp_path)
    # The first trial is the learning rate that learns nothing in an epoch: the search must
    # find better (the fixed seed makes the other three deterministic).
    study.enqueue_trial({"training.optimizer.lr": 1e-5})
    study.optimize(runner, n_trials=4, catch=(TrialFailed,))
    first, best = study.trials[0], study.best_trial
    assert [t.state for t in study.trials] == [optuna.trial.TrialState.COMPLETE] * 4
    assert best.value > first.value + 0.2
    assert best.params["training.optimizer.lr"] == 0.02

    applied = apply_params(digits_project, best.params)
    assert applied.graph.node("fc1").params["out_features"] == best.params["fc1.out_features"]
    assert applied.graph.node("dropout").params["p"] == best.params["dropout.p"]
    assert applied.training_config().optimizer.lr == 0.02
    assert digits_project.graph.node("fc1").params["out_features"] == 16

    # Each trial trained into its own run folder, tagged with its study and number.
    run = Path(best.user_attrs["run_dir"])
    assert run.parent == tmp_path / "digits.runs" and run.name.endswith(f"trial{best.number}")
    import json

    tag = json.loads((run / "config.json").read_text())["trial"]
    assert tag == {"study": "digits", "number": best.number, "params": best.params}
    assert (run / "result.json").is_file()


def test_the_median_pruner_prunes_a_trial_behind_the_earlier_ones() -> None:
    config = SearchConfig.model_validate({"pruner": "median"})
    study = optuna.create_study(direction="maximize", pruner=pruner(config, epochs=5))
    curves = [[0.5, 0.7, 0.8, 0.9]] * 3 + [[0.5, 0.1, 0.1, 0.1], [0.6, 0.8, 0.85, 0.95]]

    def objective(trial: optuna.Trial) -> float:
        for epoch, value in enumerate(curves[trial.number], start=1):
            trial.report(value, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return value

    study.optimize(objective, n_trials=len(curves))
    states = [t.state.name for t in study.trials]
    assert states == ["COMPLETE", "COMPLETE", "COMPLETE", "PRUNED", "COMPLETE"]
    assert max(study.trials[3].intermediate_values) == 2  # stopped at its second epoch
    assert optuna.pruners.NopPruner is type(pruner(SearchConfig(pruner="none"), 5))


def test_a_pruned_trial_stops_its_training_after_the_epoch_that_was_judged(
    tmp_path: Path,
) -> None:
    project = small_digits(epochs=4)
    config = search_config(project)
    save_project(project, tmp_path / "digits.net")
    # Any trial under 99 % validation accuracy is pruned as soon as it reports.
    study = optuna.create_study(
        direction="maximize", pruner=optuna.pruners.ThresholdPruner(lower=0.99)
    )
    runner = TrialRunner(project, config, tmp_path / "digits.net", study_name="s", device="cpu")
    study.optimize(runner, n_trials=1, catch=(TrialFailed,))
    (trial,) = study.trials
    assert trial.state == optuna.trial.TrialState.PRUNED
    assert list(trial.intermediate_values) == [1]
    with open(Path(trial.user_attrs["run_dir"]) / "epochs.csv") as rows:
        assert len(list(csv.DictReader(rows))) == 1  # not the 4 epochs it was set up for


def test_a_failing_trial_is_recorded_with_its_reason_and_the_study_goes_on(
    tmp_path: Path,
) -> None:
    project = small_digits(
        sampler="grid",
        trials=2,
        parameters=[
            {"target": "fc1.out_features", "domain": {"kind": "choice", "values": [8, 16]}}
        ],
    )
    # fc2 takes exactly 16 features, so the width 8 breaks the network's shapes.
    project.graph.set_params("fc2", {"in_features": 16})
    study, runner = _study(project, tmp_path)
    study.optimize(runner, n_trials=2, catch=(TrialFailed,))
    by_width = {t.params["fc1.out_features"]: t for t in study.trials}
    assert by_width[16].state == optuna.trial.TrialState.COMPLETE
    failed = by_width[8]
    assert failed.state == optuna.trial.TrialState.FAIL
    assert failed.user_attrs["error"].startswith("fc2: ")
    assert "16" in failed.user_attrs["error"] and "8" in failed.user_attrs["error"]


def test_a_metric_the_run_does_not_record_fails_the_trial_saying_so(tmp_path: Path) -> None:
    project = small_digits(objective={"metric": "test_accuracy"})
    project.data["test_fraction"] = 0.0
    study, runner = _study(project, tmp_path)
    study.optimize(runner, n_trials=1, catch=(TrialFailed,))
    (trial,) = study.trials
    assert trial.state == optuna.trial.TrialState.FAIL
    assert "recorded no test_accuracy" in trial.user_attrs["error"]


def test_a_study_made_for_another_objective_is_refused(
    digits_project: Project, tmp_path: Path
) -> None:
    storage = open_storage(f"sqlite:///{tmp_path / 'x.db'}")
    open_study(search_config(digits_project), storage, "s", 1)
    other = SearchConfig.model_validate({"objective": {"metric": "val_loss"}})
    with pytest.raises(ValueError, match="made to maximize val_accuracy, not to minimize"):
        open_study(other, storage, "s", 1)
