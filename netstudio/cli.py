"""The `netstudio` command: the desktop app, and headless subcommands scripts rely on.

    netstudio [FILE]          open the desktop app (a ready example without FILE)
    netstudio FILE --screenshot PNG [--size WxH]   render the window to PNG and exit
    netstudio check FILE      validate; exit 0 valid, 1 invalid, 2 unreadable
    netstudio train FILE      train headless with the project's own settings
    netstudio export FILE --format python|pt2|torchscript|onnx|weights -o PATH
    netstudio import SOURCE -o OUT.net   a .py model class, torchvision name or .onnx file
    netstudio tune FILE       search hyperparameters and structure (the 'search' section)

The contract (arguments, output lines, exit codes) is in shared/PRODUCT.md; keep it stable.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netstudio.io import Project
    from netstudio.training.loaded_data import DataError
    from netstudio.training.results import FailureKind, TrainingFailure

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

SUBCOMMANDS = ("check", "train", "export", "import", "tune")
EXIT_FAILED = 1


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio check",
        description="Validate a .net project: print each node's output shape and parameter "
        "count; exit 0 if valid, 1 if invalid, 2 if the file cannot be read.",
    )
    parser.add_argument("file", type=Path, help="the .net project file")
    parser.add_argument(
        "--preview-sample",
        type=int,
        metavar="N",
        help="also run training sample N (0-based) of the project's data through the network "
        "(fresh weights) and print each node's value range; a layer that fails on it is an error",
    )
    parser.add_argument("--data-root", type=Path, help="folder holding the dataset files")
    return parser


def run_check(
    path: Path, out=None, *, preview_sample: int | None = None, data_root: Path | None = None
) -> int:
    """`netstudio check`: the summary table, then each problem; returns the exit code.

    Everything printed from the file (names, messages quoting them) goes through `printable`,
    so a project cannot drive the terminal with escape sequences.
    """
    from netstudio.core.shapes import ShapeInference, is_auto_input
    from netstudio.core.summary import format_bytes, summarize
    from netstudio.core.validation import errors, validate
    from netstudio.io import ProjectFileError
    from netstudio.search.checks import check_problems, load_for_check
    from netstudio.training.sources import project_sample_shape

    out = out or sys.stdout
    try:
        project, search_read = load_for_check(path)
    except ProjectFileError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_UNREADABLE
    graph = project.graph
    auto = [node for node in graph.inputs() if is_auto_input(node)]
    # An auto Input takes the shape of the data's samples, as training would give them.
    data_shape = project_sample_shape(project.data, path.resolve().parent) if auto else None
    inference = ShapeInference(graph, data_shape=data_shape)
    problems = validate(graph, inference)
    summary = summarize(graph, inference)

    header = ("node", "type", "output", "params", "MACs")
    table: list[tuple[str, ...]] = [header]
    for row in summary.rows:
        table.append(
            (
                printable(
                    row.node_id if row.name == row.node_id else f"{row.node_id} ({row.name})"
                ),
                printable(row.type_name + ("" if row.repeat is None else f" ×{row.repeat}")),
                "error" if row.error else row.shape,
                f"{row.params:,}",
                "-" if row.macs is None else f"{row.macs:,}",
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print(printable(f"{path.name}: {project.name}"), file=out)
    for i, cols in enumerate(table):
        cells = [
            cell.ljust(width) if col < 3 else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(cols, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip(), file=out)
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths), file=out)
    tuning = _fine_tuning_check(project, {row.node_id: row.params for row in summary.rows})
    learn = f"{summary.trainable_params:,} trainable"
    if tuning.frozen_params:
        learn = f"{tuning.trainable_params:,} trainable, {tuning.frozen_params:,} frozen"
    print(
        f"total: {summary.total_params:,} parameters ({learn}), "
        f"{format_bytes(summary.size_bytes)} as float32, {summary.total_macs:,} MACs per sample",
        file=out,
    )
    if auto and data_shape is not None:
        names = ", ".join(node.name for node in auto)
        shape = "×".join(str(d) for d in data_shape)
        print(printable(f"input {names}: auto, the data's samples: {shape}"), file=out)
    for line in tuning.lines:
        print(printable(line), file=out)
    for problem in problems:
        print(printable(str(problem)), file=out)
    settings = settings_problems(project) + tuning.errors + check_problems(project, search_read)
    for setting in settings:
        print(printable(f"error: {setting}"), file=out)
    failed = len(errors(problems)) + len(settings)
    if not failed and preview_sample is not None:
        from netstudio.training.previews import sample_preview_lines

        lines, failed = sample_preview_lines(
            project, path, preview_sample, data_root, data_error_text
        )
        for line in lines:
            print(printable(line), file=out)
    if failed:
        print(f"invalid: {failed} error(s)", file=out)
        return EXIT_INVALID
    print("valid", file=out)
    return EXIT_OK


@dataclass
class _TuningCheck:
    """What `netstudio check` says of the fine-tuning settings: lines (the frozen layers, a
    warning for each id of a node that is gone), errors (``<json path>: <message>``: every
    layer that learns frozen, which training refuses) and the parameters that learn or not."""

    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    trainable_params: int = 0
    frozen_params: int = 0


def _fine_tuning_check(project: Project, params: dict[str, int]) -> _TuningCheck:
    """`_TuningCheck` of `project` (`params`: each node's parameter count)."""
    from pydantic import ValidationError

    from netstudio.training.config import FineTuningConfig
    from netstudio.training.fine_tuning import parameter_split, unknown_node_problems

    section = project.training.get("fine_tuning", {}) if isinstance(project.training, dict) else {}
    try:
        config = FineTuningConfig.model_validate(section)
    except ValidationError:  # settings_problems reports it
        return _TuningCheck()
    frozen = [node_id for node_id in dict.fromkeys(config.frozen) if node_id in project.graph]
    split = parameter_split(params, frozen)
    check = _TuningCheck(trainable_params=split.trainable, frozen_params=split.frozen)
    if frozen:
        names = ", ".join(project.graph.node(node_id).name for node_id in frozen)
        check.lines.append(f"frozen: {names}")
    check.lines += [
        f"warning: {path}: {message}"
        for path, message in unknown_node_problems(project.graph, config)
    ]
    if split.trainable == 0 and split.frozen > 0:
        check.errors.append(
            "training.fine_tuning.frozen: every layer that learns is frozen, so training would "
            "change nothing: remove at least one node id from this list"
        )
    return check


def settings_problems(project: Project) -> list[str]:
    """``<json path>: <message>`` for every problem of the project's "data" and "training"
    sections, checked as `netstudio train` reads them (without reading any data file)."""
    from pydantic import ValidationError

    from netstudio.io.errors import json_path
    from netstudio.training.config import TrainingConfig
    from netstudio.training.sources import data_problems

    found = [str(problem) for problem in data_problems(project.data)]
    try:
        config = TrainingConfig.model_validate(project.training)
    except ValidationError as error:
        found += [f"{json_path('training', *e['loc'])}: {e['msg']}" for e in error.errors()]
        return found
    if config.task == "gan" and config.gan is not None:  # its two networks must meet
        from netstudio.training.gan_checks import gan_problems
        from netstudio.training.sources import project_sample_shape

        shape = project_sample_shape(project.data, project.path.parent if project.path else None)
        gan = gan_problems(dict(project.network_items()), config.gan, shape)
        found += [f"training.gan: {problem.message}" for problem in gan]
    return found


#: Characters a terminal acts on rather than shows: C0 and C1 controls (ANSI escape sequences
#: start with ESC), bidirectional overrides and isolates, and lone surrogates (unprintable).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every character a terminal would act on written as its escape (ESC as
    ``\\x1b``, a line break as ``\\n``), so one message stays one visible line."""
    return _UNPRINTABLE.sub(
        lambda match: match.group().encode("unicode_escape").decode("ascii"), text
    )


def _train_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio train",
        description="Train a .net project headless with its own data and training settings; "
        "one line per epoch. The run (metrics, weights, checkpoint) is written to "
        "<project>.runs/<timestamp>/ unless --out says otherwise.",
    )
    parser.add_argument("file", type=Path, help="the .net project file")
    parser.add_argument("--epochs", type=int, help="override the number of epochs")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), help="where to train")
    parser.add_argument("--data-root", type=Path, help="folder holding the dataset files")
    parser.add_argument("--batch-size", type=int, help="override the batch size")
    parser.add_argument("--seed", type=int, help="override the random seed")
    parser.add_argument("--out", type=Path, help="folder for the run (default: beside the project)")
    parser.add_argument(
        "--download",
        action="store_true",
        help="download torchvision datasets that are missing (needs internet)",
    )
    parser.add_argument(
        "--resume",
        type=Path,
        metavar="RUN_DIR",
        help="continue the run in this folder from its last checkpoint",
    )
    parser.add_argument(
        "--memory-budget",
        type=int,
        metavar="MB",
        help="memory (MiB) the data may take in memory; more streams from disk "
        "(default: half the available memory)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    parser.add_argument(
        "--stats",
        action="store_true",
        help="record each layer's training health (activations, gradients, updates) now and "
        "then, at most 3%% of the training time, into health.json and health.csv in the run "
        "folder, and warn of dead ReLUs and vanishing or exploding gradients",
    )
    return parser


class _Refused(Exception):
    """`netstudio train` stops before its run: the exit code, the failure's kind (as a run's
    failure names it) and the one-line message for people."""

    def __init__(self, code: int, kind: FailureKind, message: str, quiet: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind
        self.message = message
        #: Another process of a distributed run on this machine says the same line.
        self.quiet = quiet


def run_train(options: argparse.Namespace, out=None) -> int:
    """`netstudio train`: returns 0 when the run finished (or stopped early), 1 when it failed,
    2 when the project or its settings cannot be read.

    With ``--json`` the last line on stdout is always the run's JSON summary, also when the run
    never started (``"status": "failed"`` and the reason in ``"error"``), so a script reading
    that line learns why; the one-line reason for people goes to stderr as well.
    """
    import json
    import os

    from netstudio.training import distributed
    from netstudio.training.results import RunResult, TrainingFailure

    out = out or sys.stdout
    ranks = distributed.join(options.device)  # under torchrun; None alone
    if ranks is not None and not ranks.main:
        out = open(os.devnull, "w")  # noqa: SIM115 - only rank 0 prints; closed at exit
    try:
        return _train(options, out)
    except _Refused as refused:
        if not refused.quiet:
            print(printable(f"error: {refused.message}"), file=sys.stderr)
        failure = TrainingFailure(refused.kind, refused.message)
        if options.json:
            print(json.dumps(RunResult(status="failed", failure=failure).summary()), file=out)
        return refused.code
    except Exception as error:  # a fault of NetStudio's own: the traceback follows on stderr
        if options.json:
            failure = TrainingFailure("error", f"{type(error).__name__}: {error}")
            print(json.dumps(RunResult(status="failed", failure=failure).summary()), file=out)
        raise
    finally:
        distributed.leave()


def _agree(parts, options: argparse.Namespace) -> None:
    """Under torchrun, refuse a run whose processes would train different things (the digests
    `parts()` gives, see `distributed.agree`); one process per machine says why."""
    from netstudio.training import distributed

    if not distributed.active():
        return
    try:
        distributed.agree(parts(), here=str(options.file))
    except distributed.Disagreement as error:
        quiet = (distributed.from_environment() or distributed.Ranks(0, 1, 0)).local_rank != 0
        raise _Refused(EXIT_FAILED, "config", str(error), quiet=quiet) from None


def _train(options: argparse.Namespace, out) -> int:
    """`run_train` without its answer for a run that never started (raises `_Refused`)."""
    import json

    from pydantic import ValidationError

    from netstudio.io import ProjectFileError, load_project, project_to_dict

    try:
        project = load_project(options.file)
    except ProjectFileError as error:
        raise _Refused(EXIT_UNREADABLE, "config", str(error)) from None
    from netstudio.training.config import TrainingConfig
    from netstudio.training.data_config import DataConfig

    sections = {}
    for section, model in (("data", DataConfig), ("training", TrainingConfig)):
        try:
            sections[section] = model.model_validate(getattr(project, section))
        except ValidationError as error:
            first = error.errors()[0]
            path = ".".join(str(part) for part in (section, *first["loc"]))
            more = len(error.errors()) - 1
            raise _Refused(
                EXIT_UNREADABLE,
                "config",
                f"{options.file}: {path}: {first['msg']}"
                + (f" (and {more} more problems)" if more else ""),
            ) from None
    data_config, config = sections["data"], sections["training"]
    assert isinstance(data_config, DataConfig) and isinstance(config, TrainingConfig)
    overrides = {
        "epochs": options.epochs,
        "batch_size": options.batch_size,
        "seed": options.seed,
        "device": options.device,
    }
    overrides = {k: v for k, v in overrides.items() if v is not None}
    try:  # validated like the file's own settings: --epochs 0 is refused, not trained
        config = TrainingConfig.model_validate({**config.model_dump(), **overrides})
    except ValidationError as error:
        first = error.errors()[0]
        flag = "--" + str(first["loc"][0]).replace("_", "-")
        raise _Refused(EXIT_UNREADABLE, "config", f"{flag}: {first['msg']}") from None

    import atexit
    import shutil
    import tempfile

    from netstudio.training import distributed
    from netstudio.training.health import HealthOptions
    from netstudio.training.loaded_data import DataError
    from netstudio.training.loading_progress import TerminalProgress, reporting
    from netstudio.training.results import TrainerCallbacks
    from netstudio.training.runs import RunRecorder, new_run_dir, stop_on_interrupt
    from netstudio.training.sources import get_source, load_data
    from netstudio.training.starting_weights import (
        WeightsFileError,
        read_starting_weights,
        starting_weights_path,
    )
    from netstudio.training.trainer import Trainer

    # Under torchrun, every process about to train the same thing, before anything is read.
    _agree(lambda: distributed.run_parts(project_to_dict(project), data_config, config), options)
    if options.resume is not None and not (options.resume / "checkpoint").is_dir():
        raise _Refused(
            EXIT_FAILED,
            "config",
            f"{options.resume} holds no checkpoint to resume from: give the folder of an "
            "earlier run (it has a 'checkpoint' sub-folder)",
        )
    try:
        if options.download and any(
            p.name == "download" for p in get_source(data_config.source).params
        ):
            data_config = data_config.model_copy(
                update={"params": {**data_config.params, "download": True}}
            )
        if options.memory_budget is not None:
            data_config = data_config.model_copy(update={"memory_budget_mb": options.memory_budget})
        # Files read of the total, with an ETA, on stderr for a load over half a second.
        progress = TerminalProgress(sys.stderr, quiet=distributed.shard()[0] != 0)
        with reporting(progress), progress:
            data = load_data(data_config, options.file.parent, options.data_root)
    except DataError as error:
        raise _Refused(EXIT_FAILED, "data", data_error_text(error)) from None
    _agree(lambda: {"data": distributed.data_digest(data)}, options)
    print(f"data: {data.summary()}", file=out)
    if get_source(data_config.source).can_stream:  # the path was chosen: say which and why
        print(printable(f"data: {data.loading}"), file=out)
    try:
        starting = read_starting_weights(project)
    except WeightsFileError as error:
        raise _Refused(EXIT_FAILED, "config", str(error)) from None
    starting_name = starting_weights_path(options.file).name

    class Printer(TrainerCallbacks):
        def run_started(self, info) -> None:
            resuming = f", resuming after epoch {info.start_epoch}" if info.start_epoch else ""
            frozen = (
                f" ({info.parameters - info.frozen_parameters:,} learn, "
                f"{info.frozen_parameters:,} frozen)"
                if info.frozen_parameters
                else ""
            )
            print(
                f"training on {info.device}: {info.parameters:,} parameters{frozen}, "
                f"{info.epochs} epochs of {info.batches_per_epoch} batches{resuming}",
                file=out,
            )
            if info.starting_tensors:
                print(
                    printable(
                        f"starting weights: {info.starting_tensors} tensors from {starting_name}"
                    ),
                    file=out,
                )
            for note in info.notes if not private else ():  # rank 0 alone under torchrun
                print(printable(f"warning: {note}"), file=sys.stderr)

        def epoch_ended(self, metrics) -> None:
            print(metrics.line(), file=out, flush=True)

    # Under torchrun only rank 0 writes the run folder; the others record into a private one.
    private = distributed.shard()[0] != 0
    folder = (
        Path(tempfile.mkdtemp(prefix="netstudio-rank-"))
        if private
        else options.resume or new_run_dir(options.file.resolve(), options.out)
    )
    if private:
        atexit.register(shutil.rmtree, folder, True)
    snapshot = project_to_dict(project)
    snapshot["data"] = data_config.model_dump(mode="json")
    snapshot["training"] = config.model_dump(mode="json")
    resuming = options.resume is not None and not private
    recorder = RunRecorder(folder, snapshot, then=Printer(), resuming=resuming)
    trainer = Trainer(
        project.graph,
        data,
        config,
        callbacks=recorder,
        checkpoint_dir=folder,
        augment=data_config.augment,
        starting_weights=starting,
        health=HealthOptions() if options.stats else None,
    )
    recorder.trainer = trainer
    resume = options.resume / "checkpoint" if options.resume else None
    with stop_on_interrupt(trainer) as interrupted:
        result = trainer.run(resume_from=resume)
    if interrupted:
        print(
            f"interrupted: the run so far is in {folder} (continue it with --resume)",
            file=sys.stderr,
        )
        if options.json:
            print(json.dumps(result.summary()), file=out)
        return EXIT_FAILED
    if result.failure is not None:
        where = f"{result.failure.node_id}: " if result.failure.node_id else ""
        kept = ""
        if options.resume is not None:
            kept = (
                f" (nothing in {folder} was changed)"
                if not recorder.started
                else f" ({folder} keeps its earlier result and weights)"
            )
        message = failure_text(result.failure)
        # under torchrun rank 0 says it, unless it could not learn of it (`rank_failures`)
        speaks = getattr(result.failure, "speaks", None)
        if (not private) if speaks is None else speaks:
            print(printable(f"error: {where}{message}{kept}"), file=sys.stderr)
    else:
        test = result.test_accuracy
        print(
            f"{result.status}: {len(result.epochs)} epochs in {result.train_seconds:.1f} s"
            + (f", test accuracy {test:.2%}" if test is not None else "")
            + (f", test loss {result.test_loss:.4f}" if result.test_loss is not None else "")
            + f"; run saved in {folder}",
            file=out,
        )
    for warning in result.health_warnings:
        print(printable(f"health warning: {warning.message}"), file=out)
    if options.json:
        from netstudio.training.gan_records import gan_summary  # a GAN adds its figures

        print(json.dumps(gan_summary(result)), file=out)
    return EXIT_FAILED if result.failure is not None else EXIT_OK


def data_error_text(error: DataError) -> str:
    """A data error with what to do said in this command's options (the app says its own)."""
    from netstudio.training.loaded_data import DataFix

    return error.advice(
        {
            DataFix.CHOOSE_FOLDER: "give the folder that holds them with --data-root DIR",
            DataFix.DOWNLOAD: "pass --download to fetch them when online",
            DataFix.CHOOSE_FILE: "give the file's path in the project's data.params.file",
            DataFix.SAVE_PROJECT: "give the data folder with --data-root DIR",
        }
    )


def failure_text(failure: TrainingFailure) -> str:
    """A run's failure with what to do said in the project file's terms (the app says its own:
    the Inspector's switches)."""
    from netstudio.training.results import FailureFix

    return failure.advice(
        {
            FailureFix.UNFREEZE: "remove a node id from the project's training.fine_tuning.frozen",
        }
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio",
        description="NetStudio: build, check and train neural networks visually. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (netstudio SUBCOMMAND --help).",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .net project to open")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the main window with FILE open to PNG and exit",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1400, 900),
        metavar="WxH",
        help="window size for --screenshot (default 1400x900)",
    )
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1400x900") from None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"{text!r}: each side must be 200 to 10000 pixels")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        options = _check_parser().parse_args(args[1:])
        return run_check(
            options.file, preview_sample=options.preview_sample, data_root=options.data_root
        )
    if args and args[0] == "train":
        return run_train(_train_parser().parse_args(args[1:]))
    if args and args[0] == "export":
        from netstudio.export.cli import export_parser, run_export

        return run_export(export_parser().parse_args(args[1:]))
    if args and args[0] == "import":
        from netstudio.importing.cli import import_parser, run_import

        return run_import(import_parser().parse_args(args[1:]))
    if args and args[0] == "tune":
        from netstudio.search.cli import run_tune, tune_parser

        return run_tune(tune_parser().parse_args(args[1:]))
    options = _app_parser().parse_args(args)
    from netstudio.gui.system_libraries import missing_message, missing_packages

    missing = missing_packages()
    if missing:  # Qt would abort with a message that does not say what to install
        print(missing_message(missing), file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        from netstudio.gui.app import run_app
    except ImportError as error:  # PySide6 missing or broken: the headless commands still work
        print(
            f"error: the desktop app cannot start ({error}); 'netstudio check' and "
            "'netstudio train' work without it",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    return run_app(options.file, options.screenshot, options.size)


if __name__ == "__main__":
    raise SystemExit(main())
