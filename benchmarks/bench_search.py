"""The cost of the search machinery: `python benchmarks/bench_search.py [--seconds S]`.

1. Overhead per trial. One trial of a search (`netstudio tune`'s path: the Optuna study in an
   SQLite file, values suggested and applied to a copy of the project, the trainer with the
   pruning reporter, the trial's run folder) against a plain `netstudio train` of the same
   settings (`run_train`, in the same process, so neither pays for starting Python and
   importing torch). The network is examples/digits_mlp.net on the CPU, its epochs set so that
   a run takes about `--trial-seconds` (5 s: the issue's bar); the search tries one value, the
   project's own, so both train exactly the same. Alternating, `--rounds` times after a warm-up;
   each figure is the fastest round (the least disturbed by other work on the machine).
2. Trials per minute. `netstudio tune examples/digits_search.net` (its 3-parameter space, 10
   epochs a trial, median pruning) run by 1 and then by 2 worker processes at once on one
   SQLite study for `--seconds` each; the rate counts the trials that ended (complete or
   pruned) between the first start and the last end, so starting Python is not counted.

Goal (issue 17): trial / plain train <= 1.05 for a 5-second trial.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import optuna
import torch

from netstudio.cli import _train_parser, run_train
from netstudio.io import load_project, save_project
from netstudio.search.study import open_storage, open_study
from netstudio.search.targets import search_config
from netstudio.search.trial import TrialFailed, TrialRunner

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOAL = 1.05


def _plain(path: Path, out: Path) -> float:
    """Seconds of one `netstudio train` of `path` (in-process, output swallowed)."""
    options = _train_parser().parse_args([str(path), "--device", "cpu", "--out", str(out)])
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = run_train(options)
    seconds = time.perf_counter() - start
    if code != 0:
        raise SystemExit("the plain training run failed")
    return seconds


def _trial(study: optuna.Study, runner: TrialRunner) -> float:
    """Seconds of one trial of `study`, as `netstudio tune` runs it."""
    start = time.perf_counter()
    study.optimize(runner, n_trials=1, catch=(TrialFailed,))
    seconds = time.perf_counter() - start
    if study.trials[-1].state != optuna.trial.TrialState.COMPLETE:
        raise SystemExit(f"the trial did not complete: {study.trials[-1].user_attrs}")
    return seconds


def overhead(folder: Path, trial_seconds: float, rounds: int) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.training["regularization"] = {}  # no early stop: every run trains its epochs
    project.training["epochs"] = 4
    path = folder / "digits.net"
    save_project(project, path)
    one_epoch = min(_plain(path, folder / "runs") for _ in range(2)) / 4
    epochs = max(1, round(trial_seconds / one_epoch))
    project.training["epochs"] = epochs
    lr = project.training["optimizer"]["lr"]
    project.search = {
        "trials": 1,
        "pruner": "none",
        "parameters": [
            {"target": "training.optimizer.lr", "domain": {"kind": "choice", "values": [lr]}}
        ],
    }
    save_project(project, path)
    config = search_config(project)
    storage = open_storage(f"sqlite:///{folder / 'digits.tune.db'}")
    study = open_study(config, storage, "bench", epochs)
    runner = TrialRunner(project, config, path, study_name="bench", device="cpu")
    _trial(study, runner)  # warm-up: the data loaded and cached, as in a real search
    plain, trial = [], []
    for _ in range(rounds):
        plain.append(_plain(path, folder / "runs"))
        trial.append(_trial(study, runner))
    ratio = min(trial) / min(plain)
    print(f"overhead per trial: digits MLP, {epochs} epochs, {torch.get_num_threads()} threads")
    print(f"  plain netstudio train  {min(plain):7.3f} s   (rounds: {_list(plain)})")
    print(f"  one search trial       {min(trial):7.3f} s   (rounds: {_list(trial)})")
    print(
        f"  trial / train = {ratio:.3f} ({(ratio - 1) * 100:+.1f} %, "
        f"{min(trial) - min(plain):+.3f} s)   goal <= {GOAL:.2f}: "
        + ("met" if ratio <= GOAL else "NOT met")
    )


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def throughput(folder: Path, seconds: float, threads: int) -> None:
    example = folder / "digits_search.net"
    example.write_bytes((EXAMPLES / "digits_search.net").read_bytes())
    env = os.environ | {"OMP_NUM_THREADS": str(threads)}
    print(f"trials per minute: digits_search.net, {seconds:g} s a run, {threads} thread(s) each")
    for workers in (1, 2):
        url = f"sqlite:///{folder / f'workers{workers}.db'}"
        command = [
            sys.executable, "-m", "netstudio", "tune", str(example), "--storage", url,
            "--study", f"w{workers}", "--timeout", str(seconds), "--trials", "100000",
            "--device", "cpu", "--out", str(folder / f"runs{workers}"),
        ]  # fmt: skip
        processes = [
            subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL) for _ in range(workers)
        ]
        for process in processes:
            process.wait()
        study = optuna.load_study(study_name=f"w{workers}", storage=url)
        ended = [
            t
            for t in study.trials
            if t.state in (optuna.trial.TrialState.COMPLETE, optuna.trial.TrialState.PRUNED)
        ]
        if not ended:
            print(f"  {workers} worker(s): no trial ended")
            continue
        window = max(t.datetime_complete for t in ended) - min(t.datetime_start for t in ended)
        pruned = sum(t.state == optuna.trial.TrialState.PRUNED for t in ended)
        rate = len(ended) / max(window.total_seconds(), 1e-9) * 60
        print(
            f"  {workers} worker(s): {len(ended)} trials ({pruned} pruned) in "
            f"{window.total_seconds():.1f} s = {rate:.1f} trials/min"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trial-seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0, help="each throughput run")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per process")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        overhead(Path(tmp), args.trial_seconds, args.rounds)
        throughput(Path(tmp), args.seconds, args.threads)


if __name__ == "__main__":
    main()
