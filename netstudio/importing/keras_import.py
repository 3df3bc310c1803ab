"""Importing a Keras 3 model (``Sequential`` or functional) as an editable project.

The model comes from a ``.keras`` file (loaded in Keras's safe mode: no code in the file is
run) or from the person's own Python file that builds it. Keras runs on its PyTorch backend,
so no TensorFlow is needed; Keras itself is the optional ``netstudio[keras]`` extra. Each layer
is translated from its config and weights (`KerasLayers`), not traced, so the project shows
the layers the person wrote, channels-first as NetStudio computes them.
"""

from __future__ import annotations

import ast
import inspect
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from netstudio.core.python_source import parse
from netstudio.importing import import_messages
from netstudio.importing import keras_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.keras_graph import read_model
from netstudio.importing.keras_layers import KerasLayers
from netstudio.importing.result import ImportedModel


def from_keras(
    source: str | Path, name: str | None = None, input_shape: tuple[int, ...] | None = None
) -> ImportedModel:
    """Import the Keras model in `source`, a ``.keras`` file or a ``.py`` file that builds it.

    name: for a ``.py`` file, the module-level model variable or a function with no required
    arguments that returns the model (default: the file's only model variable); it also names
    the project (default: the file's stem). input_shape: one sample's shape in Keras's own
    channels-last order, e.g. (32, 32, 3), for a model built without an Input or with unknown
    sizes. Raises ModelImportError naming the file, the Keras layer and what to do instead.
    """
    path = Path(source)
    if not path.is_file():
        raise ModelImportError(import_messages.NO_SUCH_FILE(path=path))
    keras = _keras()
    if path.suffix == ".keras":
        try:
            model = keras.saving.load_model(path, compile=False, safe_mode=True)
        except Exception as error:
            reason = (str(error).strip() or type(error).__name__).splitlines()[0]
            if "safe_mode" in reason:  # Keras's safe mode refused code stored in the file
                reason = import_messages.phrase(said.STORES_CODE)
            raise ModelImportError(said.CANNOT_LOAD(path=path, reason=reason)) from None
        label = path.name
    elif path.suffix == ".py":
        model, name = _model_from_python(path, name, keras)
        label = f"{path.name}:{name}"
    else:
        raise ModelImportError(said.NOT_KERAS_FILE(path=path))
    return from_keras_model(model, name or path.stem, input_shape, source=label)


def from_keras_model(
    model: Any, name: str, input_shape: Sequence[int] | None = None, *, source: str = ""
) -> ImportedModel:
    """Import a built Keras `model` (see `from_keras`); `source` names it in messages."""
    keras = _keras()
    source = source or model.name
    if not isinstance(model, keras.Model):
        raise ModelImportError(said.NOT_A_MODEL(source=source, kind=type(model).__name__))
    assembly = GraphAssembly(source)
    outputs = read_model(model, input_shape, KerasLayers(assembly, source), keras)
    imported = assembly.finish(name, [value.port for value in outputs], f"Imported from {source}.")
    if any(
        node.type_id == "Input" and len(node.params["shape"] or ()) >= 3
        for node in imported.project.graph.nodes()
    ):
        imported.notes.append(import_messages.phrase(said.CHANNELS_FIRST))
    return imported


def imports_keras(path: str | Path) -> bool:
    """Whether the Python file `path` imports Keras (read as text, never run)."""
    try:
        tree = parse(Path(path).read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        else:
            continue
        if any(m == "keras" or m.startswith(("keras.", "tensorflow.keras")) for m in modules):
            return True
    return False


def _keras() -> ModuleType:
    """Keras on its PyTorch backend, or a ModelImportError saying what to install or change."""
    if sys.modules.get("keras") is None:
        os.environ["KERAS_BACKEND"] = "torch"
    try:
        import keras
    except ImportError:
        raise ModelImportError(said.NOT_INSTALLED()) from None
    backend = keras.backend.backend()
    if backend != "torch":
        raise ModelImportError(said.OTHER_BACKEND(backend=backend))
    return keras


def _model_from_python(path: Path, name: str | None, keras: ModuleType) -> tuple[Any, str]:
    from netstudio.importing.python_file import load_module

    try:
        module = load_module(path)
    except ModelImportError as error:
        if "No module named 'tensorflow" not in str(error):
            raise
        raise ModelImportError(said.TENSORFLOW(error=import_messages.reason(error))) from None
    owned = {
        key: value
        for key, value in vars(module).items()
        if not key.startswith("_")
        and (
            isinstance(value, keras.Model)
            or (inspect.isfunction(value) and value.__module__ == module.__name__)
        )
    }
    models = [key for key, value in owned.items() if isinstance(value, keras.Model)]
    found = ", ".join(f"{key}()" if key not in models else key for key in owned)
    if name is None:
        if len(models) != 1:
            raise ModelImportError(
                said.NAME_THE_MODEL_FOUND(path=path, found=found)
                if found
                else said.NAME_THE_MODEL(path=path)
            )
        name = models[0]
    if name not in vars(module):
        raise ModelImportError(
            said.NO_SUCH_NAME_FOUND(path=path, name=name, found=found)
            if found
            else said.NO_SUCH_NAME(path=path, name=name)
        )
    model = getattr(module, name)
    if inspect.isfunction(model):
        try:
            inspect.signature(model).bind()
        except TypeError as error:
            raise ModelImportError(
                said.FUNCTION_ARGUMENTS(path=path, name=name, error=str(error))
            ) from None
        try:
            model = model()
        except Exception as error:
            line, kind = _line_in(error, path), type(error).__name__
            raise ModelImportError(
                said.FUNCTION_FAILED_AT(
                    path=path, name=name, kind=kind, error=str(error), line=line
                )
                if line
                else said.FUNCTION_FAILED(path=path, name=name, kind=kind, error=str(error))
            ) from None
    if not isinstance(model, keras.Model):
        raise ModelImportError(
            said.NOT_A_MODEL_OR_FUNCTION(path=path, name=name, kind=type(model).__name__)
        )
    return model, name


def _line_in(error: BaseException, path: Path) -> str:
    """The line of `path` where `error` was raised (its deepest frame there), or ""."""
    import traceback

    lines = [
        f.lineno
        for f in traceback.extract_tb(error.__traceback__)
        if Path(f.filename).resolve() == path.resolve()
    ]
    return str(lines[-1]) if lines else ""
