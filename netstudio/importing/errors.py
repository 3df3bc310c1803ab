"""The one error every importer raises: what could not be imported, where, and what to do."""

from __future__ import annotations


class ModelImportError(Exception):
    """A model, file or ONNX graph that cannot become a NetStudio project.

    The message names the source (file and line, module path, op or node) and says what to
    change. It is not Python's `ImportError`: nothing here is about a missing package, except
    the one message that asks to install the ``[onnx]`` extra.
    """
