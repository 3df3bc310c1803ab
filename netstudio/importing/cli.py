"""`netstudio import SOURCE -o OUT.net`: a Python file, torchvision name or ONNX file as a project.

Exit codes: 0 written, 1 the model cannot be imported (a one-line reason), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from netstudio.cli import printable
from netstudio.core.shapes import ShapeInference
from netstudio.importing.errors import ModelImportError
from netstudio.importing.keras_import import imports_keras
from netstudio.importing.result import ImportedModel
from netstudio.importing.training_defaults import fill_training_defaults
from netstudio.training.sources import all_sources, get_source

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio import",
        description="Import a network as a .net project: an nn.Module class from a Python file "
        "(--class), a Keras model (a .keras file, or a Python file that builds one), a "
        "torchvision architecture by name, or an ONNX file. Weights, when there are any, are "
        "written beside the project as OUT.safetensors.",
    )
    parser.add_argument(
        "source", help="a .py file, a .keras file, a torchvision name (resnet18) or a .onnx file"
    )
    parser.add_argument("-o", "--out", type=Path, required=True, help="the .net file to write")
    parser.add_argument(
        "--class",
        dest="class_name",
        help="the nn.Module class of a .py file; for a .py file that uses Keras, the model "
        "variable or the function that builds it (default: its only model)",
    )
    parser.add_argument(
        "--input-shape",
        type=_shape,
        help="one sample's shape without the batch, e.g. 1,28,28 (needed for .py files; "
        "torchvision default 3,224,224; Keras: in Keras's order, e.g. 32,32,3, only for a "
        "model without an Input)",
    )
    parser.add_argument(
        "--weights", type=Path, help="torchvision weights from a local .safetensors or .pth file"
    )
    parser.add_argument(
        "--kwargs", type=json.loads, default=None, help="constructor arguments as a JSON object"
    )
    parser.add_argument(
        "--flat",
        action="store_true",
        help="one flat network: repeated submodules (a ResNet's BasicBlocks) stay layers "
        "instead of becoming Block nodes of networks of their own",
    )
    parser.add_argument(
        "--data",
        choices=[source.id for source in all_sources()],
        metavar="SOURCE",
        help="the data the project trains on (a data source id: digits, mnist, cifar10, ...); "
        "default: the built-in data whose samples fit the Input",
    )
    return parser


def _shape(text: str) -> tuple[int, ...]:
    try:
        shape = tuple(int(part) for part in text.replace("x", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a shape like 1,28,28") from None
    if not shape or any(d < 1 for d in shape):
        raise argparse.ArgumentTypeError(f"{text!r}: every size must be at least 1")
    return shape


def run_import(options: argparse.Namespace, out: TextIO | None = None) -> int:
    """Import `options.source` and write the project (and weights); returns the exit code."""
    out = out or sys.stdout
    try:
        imported = _import(options)
    except ModelImportError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_FAILED
    except _UsageError as error:
        print(printable(f"error: {error}"), file=sys.stderr)
        return EXIT_USAGE
    fill_training_defaults(imported, options.data)
    try:
        written = imported.save(options.out)
    except OSError as error:
        print(printable(f"error: cannot write {options.out}: {error}"), file=sys.stderr)
        return EXIT_FAILED
    graph = imported.project.graph
    functions = sum(1 for node in graph.nodes() if node.type_id == "Function")
    others = [g for name, g in imported.project.network_items() if g is not graph]
    # Parameters as the app's summary counts them (BatchNorm's running statistics are not).
    params = ShapeInference(graph).total_params()
    print(
        f"imported {imported.project.name}: {len(graph)} nodes"
        + (f" ({functions} Function)" if functions else "")
        + (
            f" + {sum(len(g) for g in others)} in {len(others)} block "
            + ("network" if len(others) == 1 else "networks")
            if others
            else ""
        )
        + f", {params:,} parameters"
        + (" with their weights" if imported.weights else "")
        + f" → {', '.join(str(p) for p in written)}",
        file=out,
    )
    if imported.project.data:
        task = imported.project.training.get("task")
        print(
            f"data: {get_source(imported.project.data['source']).name}"
            + (f" ({task})" if task else ""),
            file=out,
        )
    for note in imported.notes:
        print(printable(f"note: {note}"), file=out)
    return EXIT_OK


class _UsageError(Exception):
    """Arguments that do not fit the source."""


def _import(options: argparse.Namespace) -> ImportedModel:
    source: str = options.source
    if options.out.suffix != ".net":
        raise _UsageError(f"-o {options.out}: the project file must end in .net")
    if source.endswith(".keras") or (source.endswith(".py") and imports_keras(source)):
        if options.kwargs is not None or options.weights is not None:
            raise _UsageError(f"{source}: --kwargs and --weights are not used for Keras models")
        from netstudio.importing.keras_import import from_keras

        return from_keras(source, options.class_name, options.input_shape)
    if source.endswith(".py"):
        if not options.class_name or not options.input_shape:
            raise _UsageError(f"{source}: give --class NAME and --input-shape for a Python file")
        from netstudio.importing.python_file import from_python_file

        return from_python_file(
            source,
            options.class_name,
            options.input_shape,
            kwargs=options.kwargs,
            blocks=not options.flat,
        )
    if source.endswith(".onnx"):
        from netstudio.importing.onnx_import import from_onnx

        return from_onnx(source)
    from netstudio.importing.torchvision_models import SUPPORTED, from_torchvision

    if source not in SUPPORTED:
        raise _UsageError(
            f"{source!r} is not a .py file, an .onnx file or a torchvision architecture "
            f"({', '.join(SUPPORTED)})"
        )
    return from_torchvision(
        source, options.input_shape or (3, 224, 224), options.weights, blocks=not options.flat
    )
