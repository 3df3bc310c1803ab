"""One trial of a search: suggest values, train the project with them, judge the run.

`TrialRunner` is the study's objective. For each Optuna trial it draws a value for every
searched parameter (`suggest`), applies them to a copy of the project
(`netstudio.search.targets.apply_params`), and trains that copy with the real `Trainer`, as
`netstudio train` does, into a run folder of its own (``<project>.runs/<stamp>-trial<N>/``,
its ``config.json`` tagged with the study and trial, a `TrialTag` as its run record keeps it). After each epoch the objective's
validation figure goes to the trial (``trial.report``); when the pruner says so, the trainer
stops within one batch and the trial ends as pruned. A trial that cannot train (a NaN, a shape
a searched width breaks, out of memory, a data error) raises `TrialFailed` with the reason,
also kept in the trial's ``error`` attribute: the study records it as failed and goes on.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.io.project import Project
from netstudio.io.sections import TrialTag
from netstudio.search.config import SearchConfig, SearchParameter
from netstudio.search.targets import SearchError, apply_params
from netstudio.training.results import EpochMetrics, RunResult, TrainerCallbacks

if TYPE_CHECKING:
    import optuna

    from netstudio.training.loaded_data import LoadedData
    from netstudio.training.trainer import Trainer


class TrialFailed(Exception):
    """A trial that could not give its objective: the reason, for people (one line)."""


def suggest(trial: optuna.Trial, parameters: list[SearchParameter]) -> dict[str, Any]:
    """A value for every searched parameter from `trial`, by target."""
    values: dict[str, Any] = {}
    for parameter in parameters:
        domain, name = parameter.domain, parameter.target
        if domain.kind == "choice" or domain.low is None or domain.high is None:
            values[name] = trial.suggest_categorical(name, domain.choices)
        elif domain.kind == "float":
            values[name] = trial.suggest_float(
                name, domain.low, domain.high, step=domain.step, log=domain.log
            )
        else:
            values[name] = trial.suggest_int(
                name, int(domain.low), int(domain.high), step=int(domain.step or 1), log=domain.log
            )
    return values


def objective_value(result: RunResult, metric: str, restores_best: bool) -> float | None:
    """The figure a finished run is judged by: a test figure from its test pass, any other from
    the epoch whose weights it ended with (its best epoch when early stopping restored it,
    else its last); None when the run did not record it."""
    if metric.startswith("test_"):
        value = getattr(result, metric)
    else:
        epoch = result.last
        if restores_best and result.best_epoch is not None:
            epoch = next((e for e in result.epochs if e.epoch == result.best_epoch), epoch)
        value = getattr(epoch, metric) if epoch is not None else None
    return None if value is None else float(value)


class _Reporter(TrainerCallbacks):
    """Sends each epoch's objective figure to the trial and stops the trainer when the pruner
    says the trial will not catch up."""

    def __init__(
        self,
        trial: optuna.Trial,
        metric: str,
        on_epoch: Callable[[int, EpochMetrics], None] | None = None,
    ) -> None:
        self.trial = trial
        self.metric = metric
        self.on_epoch = on_epoch
        self.trainer: Trainer | None = None
        self.pruned_at: int | None = None

    def epoch_ended(self, metrics: EpochMetrics) -> None:
        if self.on_epoch is not None:
            self.on_epoch(self.trial.number, metrics)
        if self.metric.startswith("test_"):  # judged after training: nothing to prune on
            return
        value = getattr(metrics, self.metric)
        if value is None or not math.isfinite(value):
            return
        self.trial.report(float(value), metrics.epoch)
        if self.trainer is not None and self.trial.should_prune():
            self.pruned_at = metrics.epoch
            self.trainer.stop()


class TrialRunner:
    """The objective of a search of `project` set up as `config` (see the module docstring).

    project_path: the project's file, beside which the run folders go (`out`: elsewhere).
    data_root, device: as `netstudio train` takes them. study_name: tagged into each run.
    on_interrupt: called when a person pressed Ctrl+C during a trial (the trial fails as
    stopped; the caller stops the study). on_trial_started(number, values), on_epoch(number,
    metrics): told as each trial starts and after each of its epochs (the app's live view).
    """

    def __init__(
        self,
        project: Project,
        config: SearchConfig,
        project_path: Path,
        *,
        study_name: str,
        data_root: Path | None = None,
        device: str | None = None,
        out: Path | None = None,
        on_interrupt: Callable[[], None] | None = None,
        on_trial_started: Callable[[int, dict[str, Any]], None] | None = None,
        on_epoch: Callable[[int, EpochMetrics], None] | None = None,
    ) -> None:
        self.project = project
        self.config = config
        self.project_path = project_path
        self.study_name = study_name
        self.data_root = data_root
        self.device = device
        self.out = out
        self.on_interrupt = on_interrupt
        self.on_trial_started = on_trial_started
        self.on_epoch = on_epoch
        self._data: dict[str, LoadedData] = {}

    def __call__(self, trial: optuna.Trial) -> float:
        values = suggest(trial, self.config.parameters)
        if self.on_trial_started is not None:
            self.on_trial_started(trial.number, values)
        try:
            return self._train(trial, values)
        except TrialFailed as failure:
            trial.set_user_attr("error", str(failure))
            raise

    def _train(self, trial: optuna.Trial, values: dict[str, Any]) -> float:
        import optuna

        from netstudio.cli import data_error_text, failure_text
        from netstudio.io import project_to_dict
        from netstudio.training.loaded_data import DataError
        from netstudio.training.runs import RunRecorder, stop_on_interrupt
        from netstudio.training.starting_weights import WeightsFileError, read_starting_weights
        from netstudio.training.trainer import Trainer

        try:
            project = apply_params(self.project, values)
        except SearchError as error:
            raise TrialFailed(str(error)) from None
        data_config, config = self._settings(project)
        try:
            data = self._load(data_config)
        except DataError as error:
            raise TrialFailed(data_error_text(error)) from None
        try:
            starting = read_starting_weights(project)
        except WeightsFileError as error:
            raise TrialFailed(str(error)) from None
        folder = self._run_folder(trial.number)
        trial.set_user_attr("run_dir", str(folder))
        snapshot = project_to_dict(project)
        snapshot["data"] = data_config.model_dump(mode="json")
        snapshot["training"] = config.model_dump(mode="json")
        tag = TrialTag(study=self.study_name, number=trial.number, params=values)
        snapshot["trial"] = tag.model_dump(mode="json")
        reporter = _Reporter(trial, self.config.objective.metric, self.on_epoch)
        recorder = RunRecorder(folder, snapshot, then=reporter)
        trainer = Trainer(
            project.graph,
            data,
            config,
            callbacks=recorder,
            checkpoint_dir=folder,
            augment=data_config.augment,
            starting_weights=starting,
        )
        reporter.trainer = trainer
        recorder.trainer = trainer
        with stop_on_interrupt(trainer) as interrupted:
            result = trainer.run()
        if interrupted:
            if self.on_interrupt is not None:
                self.on_interrupt()
            raise TrialFailed(f"stopped by Ctrl+C; its run so far is in {folder}")
        if result.failure is not None:
            where = f"{result.failure.node_id}: " if result.failure.node_id else ""
            raise TrialFailed(where + failure_text(result.failure))
        if reporter.pruned_at is not None:
            raise optuna.TrialPruned(f"pruned after epoch {reporter.pruned_at}")
        early = config.regularization.early_stopping
        metric = self.config.objective.metric
        value = objective_value(result, metric, early.enabled and early.restore_best)
        if value is None or not math.isfinite(value):
            missing = "recorded no" if value is None else "ended with a non-finite"
            raise TrialFailed(
                f"the run {missing} {metric}: choose another objective for this project "
                f"(a regression has no accuracy; a project without a test split has no test "
                "figures)"
            )
        return value

    def _settings(self, project: Project) -> tuple[Any, Any]:
        """The trial's data and training settings, typed, with the search's epochs and the
        command's device; TrialFailed naming the first setting a trial's values broke."""
        from pydantic import ValidationError

        from netstudio.training.config import TrainingConfig
        from netstudio.training.data_config import DataConfig

        overrides: dict[str, Any] = {}
        if self.config.epochs is not None:
            overrides["epochs"] = self.config.epochs
        if self.device is not None:
            overrides["device"] = self.device
        typed: dict[str, Any] = {}
        for section, model, raw in (
            ("data", DataConfig, project.data),
            ("training", TrainingConfig, {**project.training, **overrides}),
        ):
            try:
                typed[section] = model.model_validate(raw)
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                path = ".".join(str(part) for part in (section, *first["loc"]))
                raise TrialFailed(f"{path}: {first['msg']}") from None
        return typed["data"], typed["training"]

    def _load(self, config: Any) -> LoadedData:
        """The data of `config`, loaded once per distinct data settings (a search that does not
        touch the data section loads it once)."""
        from netstudio.training.sources import load_data

        key = json.dumps(config.model_dump(mode="json"), sort_keys=True)
        if key not in self._data:
            self._data[key] = load_data(config, self.project_path.parent, self.data_root)
        return self._data[key]

    def _run_folder(self, number: int) -> Path:
        """A new folder for trial `number`'s run, under `out` or ``<project>.runs/``."""
        from netstudio.training.runs import runs_folder

        root = self.out or runs_folder(self.project_path.resolve())
        stem = f"{time.strftime('%Y%m%d-%H%M%S')}-trial{number}"
        folder = root / stem
        i = 2
        while True:
            try:
                folder.mkdir(parents=True)
                return folder
            except FileExistsError:
                folder = root / f"{stem}-{i}"
                i += 1
