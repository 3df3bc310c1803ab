"""The file layer runs headless: importing it loads neither Qt nor torch."""

from __future__ import annotations

import subprocess
import sys


def test_io_imports_neither_qt_nor_torch() -> None:
    code = (
        "import sys, netstudio.io; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'torch')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
