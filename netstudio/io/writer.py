"""Writing `.net` files: a project as canonical JSON, saved atomically.

Canonical means one text for one project: keys in a fixed order, nodes and wires in graph
order, every parameter written (defaults included), 2-space indent, a final newline. So a file
opened and saved again is byte-identical, and diffs of saved projects show only real changes.
Saving goes through a temporary file in the same folder, synced and renamed over the old one:
a crash or a full disk mid-save leaves the old file as it was. A failed save removes its
temporary file; one left by a process killed mid-save is removed by the next save of that file.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from netstudio.core.graph import Edge, NetworkGraph, Node
from netstudio.io import file_messages as words
from netstudio.io.migrations import CURRENT_VERSION
from netstudio.io.project import Project
from netstudio.io.schema import SECTIONS, section_problems
from netstudio.io.text import find_lone_surrogates, has_lone_surrogate


def project_to_dict(project: Project) -> dict[str, Any]:
    """The whole file as a JSON-ready dict, keys in file order (the optional "search" section
    last, and only when the project has one: a file without a search stays as it was)."""
    raw: dict[str, Any] = {
        "format": "netstudio",
        "version": CURRENT_VERSION,
        "name": project.name,
        "description": project.description,
        "networks": [
            {"name": name, "graph": graph_to_dict(graph)} for name, graph in project.network_items()
        ],
        "main": project.main,
        "data": project.data,
        "training": project.training,
        "runs": project.runs,
        "view": project.view,
    }
    if project.search:
        raw["search"] = project.search
    return raw


def graph_to_dict(graph: NetworkGraph, node_ids: Iterable[str] | None = None) -> dict[str, Any]:
    """A network's ``graph`` section; with `node_ids`, only those nodes and the wires among them (copy).

    Raises UnknownNodeError for an id not in `graph`.
    """
    chosen = None if node_ids is None else {graph.node(node_id).id for node_id in node_ids}
    return {
        "nodes": [
            _node_to_dict(node) for node in graph.nodes() if chosen is None or node.id in chosen
        ],
        "edges": [
            _edge_to_dict(edge)
            for edge in graph.edges()
            if chosen is None or (edge.src in chosen and edge.dst in chosen)
        ],
    }


def _node_to_dict(node: Node) -> dict[str, Any]:
    specs = node.spec.params
    return {
        "id": node.id,
        "type": node.type_id,
        "name": node.name,
        "params": {p.name: p.to_json(node.params.get(p.name, p.default)) for p in specs},
        "position": [float(node.position[0]), float(node.position[1])],
    }


def _edge_to_dict(edge: Edge) -> dict[str, Any]:
    return {"from": edge.src, "from_port": edge.src_port, "to": edge.dst, "to_port": edge.dst_port}


def dumps_project(project: Project) -> str:
    """The canonical text of the project's file.

    Raises ValueError if the project holds a number JSON cannot store (NaN, infinity) or text
    UTF-8 cannot (a lone surrogate), naming where: the text always encodes as UTF-8; or a
    setting or run record that no NetStudio would read back (see `netstudio.io.schema`),
    naming its JSON path and what is allowed. Nothing invalid is ever written.
    """
    data = project_to_dict(project)
    try:
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError as error:
        raise ValueError(words.CANNOT_STORE_VALUE(error=str(error))) from None
    if has_lone_surrogate(text):
        where = ", ".join(find_lone_surrogates(data))
        raise ValueError(words.LONE_SURROGATE(where=where))
    problems = section_problems({key: data[key] for key in SECTIONS if key in data})
    if problems:
        more = len(problems) - 1
        first = problems[0].__str__()  # its Message (str() would make it plain text)
        if more == 0:
            raise ValueError(words.CANNOT_SAVE(problem=first))
        if more == 1:
            raise ValueError(words.CANNOT_SAVE_AND_ONE(problem=first))
        raise ValueError(words.CANNOT_SAVE_AND_MORE(problem=first, more=more))
    return _SCALAR_LIST.sub(_one_line, text) + "\n"


#: A list of scalars that json.dumps spread over several lines (no nested list or object).
_SCALAR_LIST = re.compile(r"\[\n[^\[\]{}]*\n\s*\]")


def _one_line(match: re.Match[str]) -> str:
    """Shapes, sizes and positions on one line: ``"shape": [3, 32, 32]`` reads and diffs better
    than one number per line. JSON strings hold no raw newline, so a match is always a real
    list; anything that does not parse back is left as it was."""
    try:
        values = json.loads(match.group(0))
    except ValueError:
        return match.group(0)
    return json.dumps(values, ensure_ascii=False)


def save_project(project: Project, path: str | os.PathLike[str] | None = None) -> None:
    """Write the project to `path` (default: `project.path`) atomically; set `project.path`.

    On failure the old file is left intact, no temporary file is left behind, and OSError says
    what went wrong ("cannot save <path>: <reason>").
    """
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ValueError("the project has not been saved before: give a path")
    write_atomically(target, dumps_project(project).encode("utf-8"))
    project.path = target


def write_atomically(path: Path, content: bytes) -> None:
    """Replace the file at `path` with `content` in one step (temp file, fsync, rename)."""
    real = Path(os.path.realpath(path))  # write through a symlink, keeping the link
    try:
        fd, temp_name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as error:
        raise _folder_error(path, real.parent, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(real))
        os.replace(temp, real)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _save_error(path, error) from error
        raise
    _fsync_directory(real.parent)
    _remove_stale_temps(real)


#: A save's temporary file this much older than the save has been left by a killed process: a
#: save in progress elsewhere (another window saving the same file) is seconds old.
STALE_TEMP_SECONDS = 600


def _remove_stale_temps(real: Path) -> None:
    """Delete the hidden temporary files (``.<name>.*.tmp``) of earlier saves of `real` that
    never finished, because their process was killed between writing and renaming. Best
    effort: the save itself has succeeded."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in real.parent.glob(f".{glob.escape(real.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if temp.is_file() and temp.stat().st_mtime < cutoff:
                temp.unlink()


def _folder_error(path: Path, folder: Path, error: OSError) -> OSError:
    """The error of a save that could not even start a file in `folder`: it names the folder,
    since no file can be saved in it, and says what to do."""
    code = error.errno
    if code == errno.ENOENT:
        reason = "there is no such folder"
    elif code == errno.ENOTDIR:
        is_file = folder.exists() and not folder.is_dir()
        reason = "that is a file, not a folder" if is_file else "part of that path is a file"
    elif code in (errno.EACCES, errno.EPERM):
        reason = "no permission to write there"
    elif code == errno.EROFS:
        reason = "the disk is read-only"
    else:
        return _save_error(path, error)
    new = OSError(f"cannot save {path.name} in {folder}: {reason}; choose another folder")
    new.errno = code
    return new


def _save_error(path: Path, error: OSError) -> OSError:
    new = OSError(f"cannot save {path}: {error.strerror or error}")
    new.errno = error.errno
    return new


def _mode_for(file: Path) -> int:
    """The permission bits the saved file gets: the old file's, else the usual new-file ones."""
    try:
        return stat.S_IMODE(os.stat(file).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Linux shows the umask without changing it; os.umask() must set it to read it, which
    # briefly affects files other threads create, so it is only the fallback.
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX). Best effort: the new file is already in place,
    and some file systems refuse to sync a directory."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
