"""Fixtures for the export tests: the example projects, and loading a generated file.

(pytest runs with --import-mode=importlib, so helpers reach the tests as fixtures.)
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.net"))
#: The project's ruff settings (pyproject.toml), given on the command line so that ruff judges
#: a generated file in a temporary folder by them, whatever configuration lies around it.
RUFF_CHECK = [
    "check",
    "--isolated",
    "--line-length=100",
    "--select=E,F,W,I,UP,B,SIM,RUF",
    "--ignore=E501,RUF001,RUF002,RUF003",
]
RUFF_FORMAT = ["format", "--isolated", "--line-length=100", "--check", "--diff"]


@pytest.fixture(params=EXAMPLES, ids=[path.stem for path in EXAMPLES])
def example(request: pytest.FixtureRequest) -> Path:
    """Each project of examples/ in turn."""
    return request.param


@pytest.fixture
def without_netstudio() -> str:
    """Python code that runs a script (argv[1], its arguments after it) as __main__ in an
    interpreter where importing netstudio fails: an exported script stands alone."""
    return """
import runpy, sys

class NoNetStudio:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "netstudio":
            raise ImportError("the exported script imported " + name)

sys.meta_path.insert(0, NoNetStudio())
script, sys.argv = sys.argv[1], sys.argv[1:]
runpy.run_path(script, run_name="__main__")
"""


@pytest.fixture
def load_module():
    """Import a generated .py file as a module (registered while the test runs)."""
    loaded: list[str] = []

    def load(path: Path) -> ModuleType:
        name = f"exported_{path.stem}_{len(loaded)}"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while defined
        loaded.append(name)
        spec.loader.exec_module(module)
        return module

    yield load
    for name in loaded:
        sys.modules.pop(name, None)


@pytest.fixture
def ruff():
    """Run ``ruff check`` and ``ruff format --check`` on a path; returns the failures' text."""
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed")

    def run(path: Path) -> str:
        problems = []
        for args in (RUFF_CHECK, RUFF_FORMAT):
            result = subprocess.run([found, *args, str(path)], capture_output=True, text=True)
            if result.returncode != 0:
                problems.append(result.stdout + result.stderr)
        return "\n".join(problems)

    return run
