"""Files NetStudio ships inside its package: the example projects and the icons.

Read through `importlib.resources`, so an installed wheel finds them as a checkout does. (The
checkout's top-level ``examples`` is a link to the package's, so that ``netstudio
examples/mnist_mlp.net`` works from a clone.)
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable


def examples_dir() -> Path:
    """The folder of the example projects (a real folder: NetStudio is installed unzipped)."""
    return Path(str(files("netstudio") / "examples"))


def icons_dir() -> Traversable:
    """The folder of the toolbar and menu icons (SVG)."""
    return files("netstudio") / "resources" / "icons"
