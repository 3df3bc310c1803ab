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

3. Searching from the app vs headless. The same search (digits MLP, `--gui-trials` trials of
   `--gui-epochs` epochs, each trying the project's own values, so every trial trains the
   same) run two ways, alternately, `--gui-rounds` times: (a) headless, the command the app
   runs (`netstudio tune … --progress --json`) as a plain subprocess; (b) from a real, shown
   main window (offscreen is fine) with the project open: Train > Search, the worker process
   read line by line, the trial table, charts and Runs history filling, until the search ends.
   Timed two ways: the whole search, from the start to the process's end ("wall"), and the
   trials' own span in the study database, from the first trial's start to the last one's
   end ("trials": what the trials' training cost, without starting Python). Meanwhile a
   10 ms QTimer on the GUI thread records how late each tick is; the worst lateness and the
   GUI thread's CPU seconds are printed.

Goals (issue 17): trial / plain train <= 1.05 for a 5-second trial; searching from the app
<= 1.10x headless, and the GUI event loop never stalls 100 ms or more.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
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
GOAL_GUI, GOAL_STALL_MS = 1.10, 100.0


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


def _fixed_search(folder: Path, trials: int, epochs: int) -> Path:
    """The digits MLP with a search of `trials` trials of `epochs` epochs that each try the
    project's own values (one choice each), saved in `folder`."""
    project = load_project(EXAMPLES / "digits_mlp.net")
    project.training["regularization"] = {}  # no early stop: every trial trains its epochs
    lr = project.training["optimizer"]["lr"]
    width = project.graph.node("fc1").params["out_features"]
    project.search = {
        "trials": trials,
        "epochs": epochs,
        "pruner": "none",
        "parameters": [
            {"target": "training.optimizer.lr", "domain": {"kind": "choice", "values": [lr]}},
            {"target": "fc1.out_features", "domain": {"kind": "choice", "values": [width]}},
        ],
    }
    path = folder / "digits.net"
    save_project(project, path)
    return path


def _trials_span(url: str, name: str, trials: int) -> float:
    """Seconds from the first trial's start to the last one's end in study `name`."""
    study = optuna.load_study(study_name=name, storage=url)
    done = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    if len(done) != trials:
        raise SystemExit(f"study {name}: {len(done)} of {trials} trials completed")
    span = max(t.datetime_complete for t in done) - min(t.datetime_start for t in done)
    return span.total_seconds()


def _headless_search(path: Path, url: str, name: str, trials: int) -> tuple[float, float]:
    """(a) wall seconds and the trials' span of the app's command run as a plain process."""
    from netstudio.search.cli import tune_arguments

    command = [sys.executable, "-m", "netstudio"]
    command += tune_arguments(path, storage=url, study=name, out=path.parent / "runs")
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, _trials_span(url, name, trials)


def _gui_search(window, lateness, url: str, name: str, trials: int) -> tuple[float, ...]:
    """(b) wall seconds, the trials' span, the worst timer lateness (ms) and the GUI thread's
    CPU seconds of Train > Search in `window`."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QAction

    panel = window.search_ui.panel
    panel.storage.setText(url)
    panel.storage.editingFinished.emit()
    panel.study.setText(name)
    loop = QEventLoop()
    ended: list[str] = []

    def on_finished(_completed: bool, error: str) -> None:
        ended.append(error)
        loop.quit()

    panel.worker.finished.connect(on_finished)
    lateness.start()
    start, cpu = time.perf_counter(), time.thread_time()
    window.findChild(QAction, "search_start").trigger()
    if not ended:
        loop.exec()
    wall, cpu = time.perf_counter() - start, time.thread_time() - cpu
    lateness.stop()
    panel.worker.finished.disconnect(on_finished)
    if ended[0]:
        raise SystemExit(f"the search from the app failed: {ended[0]}")
    if panel.table.rowCount() != trials:
        raise SystemExit(f"the app's trial table has {panel.table.rowCount()} rows")
    return wall, _trials_span(url, name, trials), lateness.worst, cpu


def gui_overhead(folder: Path, trials: int, epochs: int, rounds: int, threads: int) -> None:
    """Part 3 of the module docstring; each search's process trains on `threads` threads (the
    app's worker inherits the environment, as the headless process does)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["OMP_NUM_THREADS"] = str(threads)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_gui_training import Lateness, settle

    from netstudio.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Discard  # type: ignore
    path = _fixed_search(folder, trials, epochs)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.show()
    if not window.open_file(path):
        raise SystemExit("the app could not open the benchmark's project")
    settle(app, window, 1.0)
    lateness = Lateness()
    plain: list[tuple[float, float]] = []
    shown: list[tuple[float, ...]] = []
    for r in range(rounds + 1):  # round 0 warms both up (the data cache, the disk)
        url = f"sqlite:///{folder / f'study{r}.db'}"
        headless = _headless_search(path, url, f"headless{r}", trials)
        settle(app, window, 0.5)
        from_app = _gui_search(window, lateness, url, f"app{r}", trials)
        settle(app, window, 0.5)
        if r:
            plain.append(headless)
            shown.append(from_app)
    window.document.undo_stack.setClean()
    window.close()
    print(
        f"searching from the app vs headless: digits MLP, {trials} trials of {epochs} epochs, "
        f"{rounds} rounds, {threads} thread(s) a process"
    )
    for label, i in (("wall", 0), ("trials", 1)):
        a, b = [p[i] for p in plain], [g[i] for g in shown]
        ratio = min(b) / min(a)
        median = statistics.median(b) / statistics.median(a)
        print(
            f"  {label:6}  headless {min(a):6.2f} s  app {min(b):6.2f} s  app / headless = "
            f"{ratio:.3f} (medians {median:.3f})   (headless {_list(a)}; app {_list(b)})"
        )
    ratio = min(g[1] for g in shown) / min(p[1] for p in plain)
    worst = max(g[2] for g in shown)
    cpu = statistics.median(g[3] / g[0] for g in shown)
    print(
        f"  worst GUI timer lateness {worst:.0f} ms; GUI thread {cpu * 100:.1f} % of a core   "
        f"goals <= {GOAL_GUI:.2f}x, < {GOAL_STALL_MS:.0f} ms: "
        + ("met" if ratio <= GOAL_GUI and worst < GOAL_STALL_MS else "NOT met")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trial-seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0, help="each throughput run")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per process")
    parser.add_argument("--gui-trials", type=int, default=4, help="trials of each search (3)")
    parser.add_argument("--gui-epochs", type=int, default=100, help="epochs of each trial (3)")
    parser.add_argument("--gui-rounds", type=int, default=3, help="searches each way (3)")
    parser.add_argument(
        "--only", choices=("overhead", "throughput", "gui"), help="run one part only"
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "overhead"):
            overhead(Path(tmp), args.trial_seconds, args.rounds)
        if args.only in (None, "throughput"):
            throughput(Path(tmp), args.seconds, args.threads)
        if args.only in (None, "gui"):
            with tempfile.TemporaryDirectory() as gui_tmp:
                gui_overhead(
                    Path(gui_tmp), args.gui_trials, args.gui_epochs, args.gui_rounds, args.threads
                )


if __name__ == "__main__":
    main()
