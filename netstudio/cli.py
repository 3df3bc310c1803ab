"""The `netstudio` command: the desktop app, and headless subcommands scripts rely on.

    netstudio [FILE]          open the desktop app (a ready example without FILE)
    netstudio check FILE      validate; exit 0 valid, 1 invalid, 2 unreadable

The contract (arguments, output lines, exit codes) is in shared/PRODUCT.md; keep it stable.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

SUBCOMMANDS = ("check",)


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio check",
        description="Validate a .net project: print each node's output shape and parameter "
        "count; exit 0 if valid, 1 if invalid, 2 if the file cannot be read.",
    )
    parser.add_argument("file", type=Path, help="the .net project file")
    return parser


def run_check(path: Path, out=None) -> int:
    """`netstudio check`: the summary table, then each problem; returns the exit code."""
    from netstudio.core.shapes import ShapeInference
    from netstudio.core.summary import format_bytes, summarize
    from netstudio.core.validation import errors, validate
    from netstudio.io import ProjectFileError, load_project

    out = out or sys.stdout
    try:
        project = load_project(path)
    except ProjectFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    graph = project.graph
    inference = ShapeInference(graph)
    problems = validate(graph, inference)
    summary = summarize(graph, inference)

    header = ("node", "type", "output", "params", "MACs")
    table = [header]
    for row in summary.rows:
        table.append(
            (
                row.node_id if row.name == row.node_id else f"{row.node_id} ({row.name})",
                row.type_name,
                "error" if row.error else row.shape,
                f"{row.params:,}",
                "-" if row.macs is None else f"{row.macs:,}",
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print(f"{path.name}: {project.name}", file=out)
    for i, row in enumerate(table):
        cells = [
            cell.ljust(width) if col < 3 else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip(), file=out)
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths), file=out)
    print(
        f"total: {summary.total_params:,} parameters ({summary.trainable_params:,} trainable), "
        f"{format_bytes(summary.size_bytes)} as float32, {summary.total_macs:,} MACs per sample",
        file=out,
    )
    for problem in problems:
        print(str(problem), file=out)
    failed = errors(problems)
    if failed:
        print(f"invalid: {len(failed)} error(s)", file=out)
        return EXIT_INVALID
    print("valid", file=out)
    return EXIT_OK


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio",
        description="NetStudio: build, check and train neural networks visually. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (netstudio SUBCOMMAND --help).",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .net project to open")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        options = _check_parser().parse_args(args[1:])
        return run_check(options.file)
    options = _app_parser().parse_args(args)
    try:
        from netstudio.gui.app import run_app
    except ImportError:
        print(
            "error: the desktop editor is not part of this build yet; "
            "use 'netstudio check FILE' to validate a project",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    return run_app(options.file)


if __name__ == "__main__":
    raise SystemExit(main())
