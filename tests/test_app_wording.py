"""Messages the app can show never name command-line flags: the app names its own menus and
buttons. The command line adds its flags itself (`netstudio.cli`, the packages' `cli` modules).

Every string the shared packages and the GUI hold is scanned, except docstrings, the command
line's own modules and the training script the export writes (whose flags are its own).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "netstudio"
#: Modules whose text is for the command line (the example makers are scripts run by hand), or
#: is code written into a generated script.
COMMAND_LINE = {
    "cli.py",
    "training_data.py",  # the script's data-missing messages name the script's own flags
    "training_loop.py",
    "training_gan.py",  # the exported GAN script's own flags
    "training_script.py",
    "make_transfer_example.py",
}
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
#: The usage lines of the exported training script's docstring: how to run that script.
SCRIPT_USAGE = ("torchrun --nproc_per_node", "--epochs 10 --data-root data", "--out weights.")


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_message_the_app_can_show_names_a_flag() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in COMMAND_LINE:
            continue
        for line, text in _strings(path):
            if FLAG.search(text) and not any(usage in text for usage in SCRIPT_USAGE):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:80]!r}")
    assert not found, "\n".join(found)
