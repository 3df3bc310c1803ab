"""GUI tests run offscreen: no display is needed (CI has none)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
