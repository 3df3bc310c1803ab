"""`netstudio tune FILE`: run the project's search headless, one line per trial.

    netstudio tune FILE [--trials N] [--timeout S] [--storage URL] [--study NAME] [--json]

The study is kept in ``<stem>.tune.db`` beside the project unless ``--storage`` names another
database; running the command again resumes it (the new trials add to the old ones), and
several processes given one PostgreSQL URL share one study. Exit 0 when a trial of this run
completed, 1 when every one failed or was pruned, 2 when the search could not start (an
unreadable project, a search that does not fit it, a database that cannot be reached: nothing
is written then). With ``--json`` the last line is the study's best trial as a JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from netstudio.cli import EXIT_FAILED, EXIT_OK, EXIT_UNREADABLE, printable

if TYPE_CHECKING:
    import optuna


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {text}")
    return value


def tune_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio tune",
        description="Search a .net project's hyperparameters and structure as its 'search' "
        "section sets out; one line per trial. Each trial's run goes to "
        "<project>.runs/<stamp>-trial<N>/; the study to <project>.tune.db (run again to add "
        "trials to it).",
    )
    parser.add_argument("file", type=Path, help="the .net project file")
    parser.add_argument("--trials", type=_positive_int, help="how many trials to run")
    parser.add_argument(
        "--timeout", type=_positive_seconds, metavar="S", help="stop starting trials after S s"
    )
    parser.add_argument(
        "--storage",
        metavar="URL",
        help="the study's database (default: sqlite:///<project>.tune.db beside the project; "
        "postgresql://user@host/db to share one study between processes and machines)",
    )
    parser.add_argument("--study", metavar="NAME", help="the study's name (default: file stem)")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), help="where to train")
    parser.add_argument("--data-root", type=Path, help="folder holding the dataset files")
    parser.add_argument("--out", type=Path, help="folder for the runs (default: beside project)")
    parser.add_argument(
        "--json", action="store_true", help="print the best trial as JSON as the last line"
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="also print each trial's start, epochs and end as JSON lines (what the app reads)",
    )
    return parser


def tune_arguments(
    file: Path,
    *,
    storage: str,
    study: str,
    trials: int | None = None,
    seconds: float | None = None,
    out: Path | None = None,
    data_root: Path | None = None,
) -> list[str]:
    """The arguments after ``netstudio`` that run `file`'s search as the app does: with
    ``--progress`` and ``--json``, so every trial's start, epochs and end come as JSON lines."""
    arguments = ["tune", str(file), "--progress", "--json", "--storage", storage]
    arguments += ["--study", study]
    if trials is not None:
        arguments += ["--trials", str(trials)]
    if seconds is not None:
        arguments += ["--timeout", f"{seconds:g}"]
    if out is not None:
        arguments += ["--out", str(out)]
    if data_root is not None:
        arguments += ["--data-root", str(data_root)]
    return arguments


def run_tune(options: argparse.Namespace, out: TextIO | None = None) -> int:
    """`netstudio tune` (see the module docstring); returns the exit code."""
    from netstudio.cli import settings_problems
    from netstudio.io import ProjectFileError, load_project
    from netstudio.search.checks import check_search
    from netstudio.search.targets import SearchError

    out = out or sys.stdout
    try:
        project = load_project(options.file)
    except ProjectFileError as error:
        return _refuse(str(error))
    checked = check_search(project)
    config = checked.config
    if config is None:
        return _refuse(*(f"{options.file}: {problem}" for problem in checked.problems))
    if options.trials is not None or options.timeout is not None:
        config = config.model_copy(
            update={
                "trials": options.trials if options.trials is not None else config.trials,
                "seconds": options.timeout if options.timeout is not None else config.seconds,
            }
        )
    found = [str(p) for p in checked.problems] + settings_problems(project)
    if found:
        return _refuse(*(f"{options.file}: {problem}" for problem in found))

    import optuna

    from netstudio.search.study import StorageError, default_storage, open_storage, open_study
    from netstudio.search.trial import TrialFailed, TrialRunner

    optuna.logging.set_verbosity(optuna.logging.ERROR)  # the lines below say it for people
    url = options.storage or default_storage(options.file)
    name = options.study or options.file.stem
    epochs = config.epochs or project.training_config().epochs
    try:
        storage = open_storage(url)
        study = open_study(config, storage, name, epochs)
    except StorageError as error:
        return _refuse(str(error))
    except SearchError as error:
        return _refuse(f"{options.file}: {error}")
    earlier = len(study.trials)
    metric = config.objective.metric
    targets = ", ".join(p.target for p in config.parameters)
    print(
        printable(
            f"study {name}: {earlier} earlier trials; searching {targets} to "
            f"{config.objective.goal} {metric}"
        ),
        file=out,
    )
    progress = bool(getattr(options, "progress", False))

    def event(kind: str, **fields: Any) -> None:
        if progress:
            print(json.dumps({"event": kind, **fields}), file=out, flush=True)

    event("study", name=name, earlier=earlier, metric=metric, goal=config.objective.goal)
    finished: list[optuna.trial.FrozenTrial] = []

    def report(_study: optuna.Study, trial: optuna.trial.FrozenTrial) -> None:
        finished.append(trial)
        print(printable(trial_line(trial, metric)), file=out, flush=True)
        event("trial", **trial_summary(trial))

    def epoch_ended(number: int, metrics: Any) -> None:
        event("epoch", number=number, **_finite(metrics.to_dict()))

    runner = TrialRunner(
        project,
        config,
        options.file,
        study_name=name,
        data_root=options.data_root,
        device=options.device,
        out=options.out,
        on_interrupt=study.stop,
        on_trial_started=lambda number, values: event("started", number=number, params=values),
        on_epoch=epoch_ended,
    )
    try:
        study.optimize(
            runner,
            n_trials=config.trials,
            timeout=config.seconds,
            catch=(TrialFailed,),
            callbacks=[report],
        )
    except KeyboardInterrupt:
        print("interrupted: run the same command again to go on with the study", file=sys.stderr)
    best = best_trial(study)
    if best is not None:
        print(printable(f"best: {trial_line(best, metric)}"), file=out)
    if options.json:
        print(json.dumps(trial_summary(best)), file=out)
    done = any(t.state == optuna.trial.TrialState.COMPLETE for t in finished)
    return EXIT_OK if done else EXIT_FAILED


def _refuse(*lines: str) -> int:
    for line in lines:
        print(printable(f"error: {line}"), file=sys.stderr)
    return EXIT_UNREADABLE


def trial_line(trial: optuna.trial.FrozenTrial, metric: str) -> str:
    """One trial as `netstudio tune` prints it: number, values, objective, state, seconds."""
    values = ", ".join(f"{key}={_value(value)}" for key, value in trial.params.items())
    state = trial.state.name.lower()
    if state == "complete" and trial.value is not None:
        outcome = f"{metric} {trial.value:.4g}"
    elif state == "fail":
        outcome = "failed: " + str(trial.user_attrs.get("error", "see the study's log"))
    else:
        outcome = state
    seconds = trial.duration.total_seconds() if trial.duration is not None else 0.0
    return f"trial {trial.number} · {values or 'no values'} · {outcome} · {seconds:.1f} s"


def _value(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def best_trial(study: optuna.Study) -> optuna.trial.FrozenTrial | None:
    """The study's best completed trial (None when none has completed)."""
    try:
        return study.best_trial
    except ValueError:
        return None


def trial_summary(trial: optuna.trial.FrozenTrial | None) -> dict[str, Any]:
    """The JSON object `--json` prints last: the best trial's number, value(s), parameters,
    state and run folder (all null when no trial completed)."""
    if trial is None:
        return {"number": None, "value": None, "values": None, "params": {}, "state": None}
    return {
        "number": trial.number,
        "value": trial.value,
        "values": trial.values,
        "params": trial.params,
        "state": trial.state.name.lower(),
        "run_dir": trial.user_attrs.get("run_dir"),
        "seconds": trial.duration.total_seconds() if trial.duration is not None else None,
        "error": trial.user_attrs.get("error"),
    }


def _finite(figures: dict[str, Any]) -> dict[str, Any]:
    """`figures` with each non-finite number made None (JSON has no NaN)."""
    return {
        key: None if isinstance(value, float) and not math.isfinite(value) else value
        for key, value in figures.items()
    }
