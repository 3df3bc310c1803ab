"""The examples and icons are package data, found through importlib.resources (so a wheel is
the whole app; `.ci/wheel_smoke` installs one outside the checkout and compares its window)."""

from __future__ import annotations

from pathlib import Path

import netstudio
from netstudio.io import load_project
from netstudio.package_data import examples_dir, icons_dir

ROOT = Path(__file__).resolve().parents[1]


def test_examples_and_icons_live_inside_the_package() -> None:
    package = Path(netstudio.__file__).resolve().parent
    assert examples_dir().resolve().parent == package
    names = sorted(p.name for p in examples_dir().glob("*.net"))
    assert "digits_mlp.net" in names and len(names) >= 8
    for name in names:
        assert load_project(examples_dir() / name).graph  # every example opens
    icons = [entry.name for entry in icons_dir().iterdir()]
    assert {"train.svg", "save.svg", "error.svg"} <= set(icons)


def test_the_checkout_examples_folder_is_the_packages() -> None:
    """`netstudio examples/mnist_mlp.net` from a clone opens the packaged file."""
    assert (ROOT / "examples").resolve() == examples_dir().resolve()


def test_the_wheel_declares_them() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("netstudio = ["))  # package-data
    assert '"examples/*.net"' in line and '"resources/icons/*.svg"' in line
    assert '"examples/*.safetensors"' in line  # an example's starting weights
