"""Decoded images kept on disk, so the epochs after the first of a streamed image folder read
raw pixels instead of decoding and resizing every file again (the Data panel's "Cache decoded
images on disk").

Each image is one ``.npy`` file (uint8, height × width × channels), read back with
``numpy.load(allow_pickle=False)``: plain array bytes, never pickle. Its name is a hash of the
image's absolute path, modification time and size and the resolution and colour mode it was
decoded at, so an edited, replaced or differently resized image is decoded afresh, and projects
that read one folder at one size share the files. A file is written under a temporary name and
renamed into place, so a loader worker never reads half a file and two workers writing the same
image do no harm.

Where: the per-user cache folder (``$XDG_CACHE_HOME/netstudio/decoded``, ``~/.cache/...`` on
Linux, ``~/Library/Caches/NetStudio`` on macOS, ``%LOCALAPPDATA%\\NetStudio\\Cache`` on
Windows; ``NETSTUDIO_CACHE_DIR`` overrides it), not beside the project or the images: the data
folder may be read-only or shared, a project folder is often synced or versioned, and a cache
is what the system's cleaners expect to find there. Nothing is removed automatically.

The cache is used only when the decoded images fit on its disk with `KEEP_FREE_SHARE` of the
disk still free; otherwise it is off and `plan_cache` says why, in one line for the run notes.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.training import data_messages as words
from netstudio.training.memory_budget import gib

if TYPE_CHECKING:
    import numpy as np

#: Environment variable naming the cache folder instead of the per-user one.
CACHE_ENV = "NETSTUDIO_CACHE_DIR"
#: The share of its disk the cache always leaves free.
KEEP_FREE_SHARE = 0.1
#: Bytes one cached image takes beyond its pixels: the .npy header, rounded up to whole
#: file-system blocks (most file systems give a file 4 KiB blocks).
_HEADER, _BLOCK = 128, 4096


def cache_root() -> Path:
    """The folder decoded images are cached under (see module docstring)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "NetStudio" / "Cache" / "decoded"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "NetStudio" / "decoded"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "netstudio" / "decoded"


def cached_bytes(count: int, shape: tuple[int, int, int]) -> int:
    """Disk space `count` cached images of `shape` (height, width, channels) take."""
    per_file = _BLOCK * math.ceil((_HEADER + math.prod(shape)) / _BLOCK)
    return count * per_file


def usable_bytes(folder: Path) -> int:
    """Bytes the cache may fill on `folder`'s disk (free space less `KEEP_FREE_SHARE` of it)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    usage = shutil.disk_usage(existing)
    return max(0, int(usage.free - KEEP_FREE_SHARE * usage.total))


@dataclass(frozen=True)
class DecodedCache:
    """The cached images of one resolution and colour mode, under `folder`."""

    folder: Path
    height: int
    width: int
    channels: int
    fixed: bool

    def path_for(self, image: str) -> Path:
        """Where the decoded `image` is kept, named by what it was decoded from."""
        path = os.path.abspath(image)
        stat = os.stat(path)
        key = "\0".join(
            (path, str(stat.st_mtime_ns), str(stat.st_size), str(self.height), str(self.width),
             str(self.channels), "fixed" if self.fixed else "resized")
        )  # fmt: skip
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.npy"

    def load(self, where: Path) -> np.ndarray | None:
        """The image cached at `where`; None when it is not there (or not whole)."""
        import numpy as np

        try:
            image = np.load(where, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        if image.dtype != np.uint8 or image.shape != (self.height, self.width, self.channels):
            return None
        return image

    def store(self, where: Path, image: np.ndarray) -> None:
        """Keep `image` at `where`; a cache that cannot be written (a full disk) is skipped."""
        import numpy as np

        temporary = where.with_name(f"{where.name}.{os.getpid()}.tmp")
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as file:
                np.save(file, image, allow_pickle=False)
            os.replace(temporary, where)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()


def plan_cache(
    count: int, size: tuple[int, int], channels: int, fixed: bool, root: Path | None = None
) -> tuple[DecodedCache | None, str]:
    """The cache for `count` images decoded at `size` (height, width) with `channels`, and a
    line on it for the run's notes: where it is, or why it is off."""
    folder = (root or cache_root()) / f"{size[0]}x{size[1]}x{channels}"
    needed = cached_bytes(count, (*size, channels))
    try:
        usable = usable_bytes(folder)
    except OSError as error:
        return None, words.CACHE_FOLDER_UNUSABLE(folder=folder, error=str(error))
    if needed > usable:
        return None, words.CACHE_NO_ROOM(
            size=gib(needed), usable=gib(usable), folder=folder, share=f"{KEEP_FREE_SHARE:.0%}"
        )
    cache = DecodedCache(folder, size[0], size[1], channels, fixed)
    return cache, words.CACHED(folder=folder, size=gib(needed))
