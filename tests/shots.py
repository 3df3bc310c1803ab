"""Screens the GUI tests render, to look at them: with ``NETSTUDIO_SHOTS=folder`` each is also
saved there as PNG; without it (CI) it is only rendered, so a test never writes outside its
own temporary folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def shots_folder() -> Path | None:
    """Where the screens go (None: nowhere, they are only rendered)."""
    folder = os.environ.get("NETSTUDIO_SHOTS")
    return Path(folder) if folder else None


def save_shot(widget: Any, name: str) -> None:
    """Render `widget` (a QWidget) and, when asked, save it as ``<folder>/<name>.png`` (`name`
    may hold a sub-folder)."""
    image = widget.grab()
    folder = shots_folder()
    if folder is not None:
        path = folder / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(path))
