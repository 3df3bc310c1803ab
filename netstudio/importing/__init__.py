"""Bringing networks in: an `nn.Module` (object, Python file or torchvision name) or an ONNX
file becomes an editable, laid-out NetStudio project with its weights. No Qt here."""

from __future__ import annotations

from netstudio.importing.errors import ModelImportError
from netstudio.importing.fx_import import from_module
from netstudio.importing.result import ImportedModel

__all__ = ["ImportedModel", "ModelImportError", "from_module"]
