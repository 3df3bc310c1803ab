"""Importing a model class from the person's own Python file.

Loading the file runs it: that is what the person asks for by naming their own model file
(as with ``torch.hub``), never something a project file can trigger. The class is made with no
arguments, or with the JSON keyword arguments given, and imported with `from_module`.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from netstudio.importing import import_messages as said
from netstudio.importing.errors import ModelImportError
from netstudio.importing.fx_import import from_module
from netstudio.importing.result import ImportedModel


def from_python_file(
    path: str | Path,
    class_name: str,
    input_shape: Sequence[int],
    *,
    kwargs: Mapping[str, Any] | None = None,
    blocks: bool = True,
) -> ImportedModel:
    """Import class `class_name` of the Python file `path`, built with `kwargs` (`blocks` as
    in `from_module`).

    Raises ModelImportError for a missing file, a syntax error (file:line), an error while
    the file runs, no such class, a class that is not an nn.Module, a constructor that needs
    arguments, or a model torch.fx cannot trace.
    """
    from torch import nn

    path = Path(path)
    module = load_module(path)
    cls = getattr(module, class_name, None)
    if cls is None:
        classes = [
            name
            for name, value in vars(module).items()
            if inspect.isclass(value)
            and issubclass(value, nn.Module)
            and value.__module__ == module.__name__
        ]
        if classes:
            found = said.NO_CLASS_BUT(path=path, name=class_name, classes=", ".join(classes))
            raise ModelImportError(found)
        raise ModelImportError(said.NO_CLASS(path=path, name=class_name))
    if not (inspect.isclass(cls) and issubclass(cls, nn.Module)):
        raise ModelImportError(said.NOT_A_MODULE_CLASS(path=path, name=class_name))
    kwargs = dict(kwargs or {})
    try:
        inspect.signature(cls).bind(**kwargs)
    except TypeError as error:
        raise ModelImportError(
            said.CONSTRUCTOR_ARGUMENTS(path=path, name=class_name, error=str(error))
        ) from None
    try:
        model = cls(**kwargs)
    except Exception as error:
        line = _line_in(error, path)
        said_of = {"path": path, "call": f"{class_name}({_args(kwargs)})"}
        said_of.update(kind=type(error).__name__, error=str(error))
        failed = (
            said.CONSTRUCTOR_FAILED_AT(**said_of, line=str(line))
            if line
            else said.CONSTRUCTOR_FAILED(**said_of)
        )
        raise ModelImportError(failed) from None
    return from_module(
        model, input_shape, name=class_name, source=f"{path.name}:{class_name}", blocks=blocks
    )


def load_module(path: Path) -> ModuleType:
    """Run the person's Python file `path` as a fresh module and return it.

    Shared by the importers that read a model from a Python file (PyTorch classes, Keras
    builders). Raises ModelImportError for a missing file, a file that is not ``.py``, a syntax
    error (file:line), or an exception while the file runs (its type, message and line).
    """
    path = Path(path)
    if not path.is_file():
        raise ModelImportError(said.NO_SUCH_FILE(path=path))
    if path.suffix != ".py":
        raise ModelImportError(said.NOT_PYTHON(path=path))
    name = f"netstudio_import_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ModelImportError(said.NOT_LOADABLE(path=path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look the module up by name
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        del sys.modules[name]
        where = f"{error.filename or path}:{error.lineno}"
        raise ModelImportError(said.SYNTAX_ERROR(where=where, error=error.msg)) from None
    except Exception as error:
        del sys.modules[name]
        line = _line_in(error, path)
        where = f"{path}:{line}" if line else str(path)
        failed = said.RUNNING_FAILED(where=where, kind=type(error).__name__, error=str(error))
        raise ModelImportError(failed) from None
    return module


def _line_in(error: BaseException, path: Path) -> int | None:
    """The line of the deepest frame of `error` inside `path`, or None."""
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if Path(f.filename).resolve() == path.resolve()
    ]
    return frames[-1].lineno if frames else None


def _args(kwargs: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
