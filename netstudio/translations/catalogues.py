"""Making the catalogues: which sources belong to which area, and the Qt tools that refresh
(pyside6-lupdate) and compile (pyside6-lrelease) them.

One catalogue per area and language (``zh_CN/canvas.ts``), so that people translating
different parts of the app never edit the same file; every language's areas compile into one
``netstudio_<language>.qm`` that ships in the package. English is the source language: its
catalogue holds only the plural forms (``en/<area>.ts``, made with ``-pluralonly``), so that
``tr("%n errors", "", 1)`` reads "1 error".

Run ``python -m netstudio.translations update`` after changing translatable strings, then
translate what is unfinished (Qt Linguist: ``pyside6-linguist netstudio/translations/zh_CN/
<area>.ts``, or by hand), then run it again to compile. ``check`` says what is stale.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
PACKAGE = FOLDER.parent
#: The languages translated in full (the source language, English, is not among them).
LANGUAGES = ("zh_CN",)
SOURCE_LANGUAGE = "en"

#: The areas, in order: a source belongs to the first whose patterns (relative to the
#: ``netstudio`` folder) match it. "messages" holds the templates of the headless code
#: (`netstudio.core.messages`), "interop" those of exporting and importing; "app" everything
#: else in ``gui/`` (the main window, its menus and actions, the dialogs).
AREAS: dict[str, tuple[str, ...]] = {
    "layers": ("core/layers.py",),  # the layer catalogue: categories, one-line docs, parameters
    # What exporting and importing say when they fail (headless, like "messages").
    "interop": ("export/*.py", "importing/*.py"),
    "messages": (
        "core/*.py",
        "training/*.py",
        "io/*.py",
        "search/*.py",
        "cli.py",
    ),
    "search": ("gui/search_*.py", "gui/panels/search_*.py"),
    "inside": (
        "gui/previews.py",
        "gui/preview_images.py",
        "gui/health_*.py",
        "gui/inside_ui.py",
        "gui/node_insight.py",
    ),
    "training": ("gui/training/*.py",),
    "evaluation": (
        "gui/evaluation/*.py",
        "gui/panels/run*.py",
        "gui/panels/plots.py",
        "gui/panels/crosshair.py",
    ),
    "data": (
        "gui/panels/data*.py",
        "gui/panels/preview_data.py",
        "gui/panels/thumbnails.py",
        "gui/data_messages.py",
    ),
    "canvas": (
        "gui/canvas/*.py",
        "gui/quick_add.py",
        "gui/network_tabs.py",
        "gui/block_*.py",
        "gui/editing.py",
        "gui/clipboard.py",
    ),
    "panels": (
        "gui/panels/*.py",
        "gui/inspector.py",
        "gui/palette.py",
        "gui/param_editors.py",
        "gui/number_boxes.py",
        "gui/field_marks.py",
        "gui/tuning_edits.py",
    ),
    "app": ("gui/*.py",),
}


def area_of(path: Path) -> str | None:
    """The area of the source `path` (None: not translated, e.g. a file outside the areas)."""
    relative = path.resolve().relative_to(PACKAGE).as_posix()
    return next((a for a, globs in AREAS.items() if any(fnmatch(relative, g) for g in globs)), None)


def sources(area: str) -> list[Path]:
    """The Python sources of `area`, sorted."""
    return sorted(p for p in PACKAGE.rglob("*.py") if area_of(p) == area)


def catalogue(language: str, area: str, folder: Path = FOLDER) -> Path:
    """The catalogue (.ts) of `area` in `language`."""
    return folder / language / f"{area}.ts"


def compiled(language: str, folder: Path = FOLDER) -> Path:
    """The compiled catalogue (.qm) of `language`: all its areas in one file."""
    return folder / f"netstudio_{language}.qm"


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``): beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PySide6 (pip install -e '.[dev]')")
    return found


def _lupdate_command(
    language: str, folder: Path, project: Path, areas: list[str] | None = None
) -> list[str]:
    """pyside6-lupdate refreshing all of `language`'s catalogues under `folder` in one run
    (one process per area cost ~0.5 s each): each area is a sub-project of the JSON project
    file written at `project`, with its own sources and catalogue."""
    areas = [
        {
            "projectFile": str(folder / f"{area}.pro"),
            "sources": [str(p) for p in sources(area)],
            "translations": [str(catalogue(language, area, folder))],
        }
        for area in areas or AREAS
    ]
    root = {"projectFile": str(folder / "netstudio.pro"), "sources": [], "subProjects": areas}
    project.write_text(json.dumps(root), encoding="utf-8")
    # No line numbers: a catalogue changes when a string does, not when code around it moves.
    flags = ["-silent", "-no-obsolete", "-locations", "none", "-source-language", "en"]
    flags += ["-target-language", language]
    if language == SOURCE_LANGUAGE:
        flags.append("-pluralonly")
    return [tool("pyside6-lupdate"), *flags, "-project", str(project)]


def refresh(folder: Path = FOLDER, areas: list[str] | None = None) -> None:
    """Bring the catalogues of `areas` (None: all) under `folder` up to date with the sources.
    Only those files are written: people translating other areas meanwhile are not
    disturbed."""
    unknown = [a for a in areas or [] if a not in AREAS]
    if unknown:
        raise ValueError(f"no area {unknown}: the areas are {', '.join(AREAS)}")
    with tempfile.TemporaryDirectory() as tmp:
        commands = []
        for language in (*LANGUAGES, SOURCE_LANGUAGE):
            (folder / language).mkdir(parents=True, exist_ok=True)
            project = Path(tmp) / f"{language}.json"
            commands.append(_lupdate_command(language, folder, project, areas))
        running = [
            subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for c in commands
        ]
        for command, process in zip(commands, running, strict=True):
            output, _ = process.communicate()
            if process.returncode != 0:
                text = output.decode(errors="replace")
                raise RuntimeError(f"{' '.join(command)} failed:\n{text}")


def release(folder: Path = FOLDER, into: Path | None = None) -> None:
    """Compile each language's catalogues under `folder` into its .qm (under `into`, else
    `folder`)."""
    for language in (*LANGUAGES, SOURCE_LANGUAGE):
        ts = [str(catalogue(language, area, folder)) for area in AREAS]
        qm = compiled(language, into or folder)
        # Written beside it and renamed over it: a running app maps the .qm it loaded, and a
        # file rewritten in place under it reads as garbage (or a bus error).
        fresh = qm.with_suffix(".qm.new")
        subprocess.run([tool("pyside6-lrelease"), "-silent", *ts, "-qm", str(fresh)], check=True)
        os.replace(fresh, qm)


def stale() -> list[str]:
    """What `update` would change: catalogues behind their sources, compiled catalogues
    behind their catalogues (empty when all is fresh)."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy"
        shutil.copytree(FOLDER, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        refresh(copy)
        for language in (*LANGUAGES, SOURCE_LANGUAGE):
            for area in AREAS:
                mine, fresh = catalogue(language, area), catalogue(language, area, copy)
                if not mine.is_file() or mine.read_bytes() != fresh.read_bytes():
                    found.append(str(mine.relative_to(PACKAGE.parent)))
        built = Path(tmp) / "built"
        built.mkdir()
        release(FOLDER, built)
        for language in (*LANGUAGES, SOURCE_LANGUAGE):
            mine = compiled(language)
            if not mine.is_file() or mine.read_bytes() != compiled(language, built).read_bytes():
                found.append(str(mine.relative_to(PACKAGE.parent)))
    return found


def main(argv: list[str]) -> int:
    """update [AREA…]: refresh the catalogues (of these areas, else all) and compile them;
    release: compile only; check: list what is stale (exit 1 if anything is)."""
    command = argv[0] if argv else "update"
    if command == "update":
        try:
            refresh(areas=argv[1:] or None)
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        release()
    elif command == "release":
        release()
    elif command == "check":
        behind = stale()
        for path in behind:
            print(f"stale: {path} (run: python -m netstudio.translations update)")
        return 1 if behind else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0
