"""The core never imports Qt: netstudio.core, io, training and export run without PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import netstudio

HEADLESS = (
    "netstudio.core",
    "netstudio.io",
    "netstudio.training",
    "netstudio.export",
    "netstudio.importing",
    "netstudio.cli",
)


def _headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(netstudio.__path__, "netstudio."):
        if info.name.startswith(HEADLESS):
            names.append(info.name)
    return sorted(names)


def test_headless_packages_import_without_qt() -> None:
    """Import every headless module in a fresh interpreter where importing PySide6 fails."""
    modules = _headless_modules()
    assert "netstudio.core.graph" in modules
    code = f"""
import importlib, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
            raise ImportError(f"{{name}} imported by a headless module")
        return None

sys.meta_path.insert(0, BlockQt())
for name in {modules!r}:
    importlib.import_module(name)
print("ok", len({modules!r}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_catalogue_loads_without_torch() -> None:
    """The palette reads the catalogue before torch has loaded (the window appears first)."""
    code = """
import sys
import netstudio.core.layers
import netstudio.core.graph
assert "torch" not in sys.modules, "torch was imported"
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
