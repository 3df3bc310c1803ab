"""`netstudio export FILE --format python|pt2|torchscript|onnx|weights -o PATH`.

Exit codes: 0 exported, 1 the export failed (the reason on stderr), 2 the project cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from netstudio.cli import printable
from netstudio.export import (
    FORMATS,
    RUN_WEIGHTS,
    ExportError,
    export_project,
    run_weights_file,
)

EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE = 0, 1, 2


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio export",
        description="Export a .net project as a standalone PyTorch file, a PyTorch 2 "
        "ExportedProgram (torch.export, .pt2), TorchScript (legacy), ONNX or safetensors "
        "weights; exit 0 when done, 1 when the export failed, 2 when the file cannot be read.",
    )
    parser.add_argument("file", type=Path, help="the .net project file")
    parser.add_argument(
        "--format",
        required=True,
        help=f"what to write: {', '.join(FORMATS)} (pt2: torch.export.load reads it, any batch "
        "size; torchscript: legacy, for consumers without torch.export)",
        metavar="FORMAT",
    )
    parser.add_argument("-o", "--output", required=True, type=Path, help="the file to write")
    parser.add_argument(
        "--with-training",
        action="store_true",
        help="python: also write the data loading and the training loop (python FILE.py "
        "--epochs N; runs under torchrun --nproc_per_node N)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--weights", type=Path, metavar="SAFETENSORS", help="export with these trained weights"
    )
    source.add_argument(
        "--from-run",
        nargs="?",
        const=True,
        type=Path,
        metavar="RUN_DIR",
        help="export with the weights of this run folder, or of the project's latest run",
    )
    return parser


def run_export(options: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run `netstudio export`; returns the exit code."""
    from netstudio.io import ProjectFileError, load_project

    out = out or sys.stdout
    try:
        project = load_project(options.file)
    except ProjectFileError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        weights = options.weights
        if options.from_run is not None:
            run_dir = None if options.from_run is True else options.from_run
            weights = latest_run_weights(options.file.resolve(), run_dir)
        written = export_project(
            project,
            options.format,
            options.output,
            weights=weights,
            with_training=options.with_training,
        )
    except ExportError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_FAILED
    origin = f" with the weights of {weights}" if weights is not None else ""
    print(f"exported {options.file.name} as {options.format}{origin}:", file=out)
    for path in written:
        print(f"  {path}", file=out)
    return EXIT_OK


def latest_run_weights(project_path: Path, run_dir: Path | None = None) -> Path:
    """The weights of `run_dir`, or of the newest run beside the project
    (``<project>.runs/<timestamp>/``); ExportError when there is none."""
    if run_dir is None:
        runs = project_path.with_name(project_path.stem + ".runs")
        found = sorted(p for p in runs.glob("*") if p.is_dir() and run_weights_file(p) is not None)
        if not found:
            raise ExportError(
                f"{project_path.name} has no finished run in {runs}: train it first "
                f"(netstudio train {project_path.name}) or give --weights FILE"
            )
        run_dir = found[-1]
    weights = run_weights_file(run_dir)
    if weights is None:
        raise ExportError(
            f"the run folder {run_dir} holds no weights ({' or '.join(RUN_WEIGHTS)}): "
            "give the folder of a run that finished"
        )
    return weights
