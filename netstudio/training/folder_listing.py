"""An image folder's classes and files, from its directory entries alone.

`scan_folder` gives what torchvision's ``ImageFolder(folder)`` gives as ``classes`` and
``samples`` (same classes, same files, same order, same errors), so the app, the command line
and an exported script see the same images in the same splits. It reads only directory
entries: no image is opened, and torchvision is not imported (importing it pulls in
``torch._dynamo``: seconds and hundreds of megabytes, for a listing). 100,000 files list in a
fraction of a second.
"""

from __future__ import annotations

import os

#: The file endings torchvision's ImageFolder reads as images (compared in lower case).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp")


def scan_folder(folder: str | os.PathLike[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """The class names (the sub-folders, sorted) and the (path, class index) of every image
    under them, as ``ImageFolder(folder)`` lists them. FileNotFoundError (with torchvision's
    words) when there is no class folder or a class holds no image; OSError when the folder
    cannot be read."""
    directory = os.path.expanduser(os.fspath(folder))
    with os.scandir(directory) as entries:
        classes = sorted(entry.name for entry in entries if entry.is_dir())
    if not classes:
        raise FileNotFoundError(f"Couldn't find any class folder in {directory}.")
    samples: list[tuple[str, int]] = []
    empty = []
    for index, name in enumerate(classes):
        before = len(samples)
        _add_class(os.path.join(directory, name), index, samples)
        if len(samples) == before:
            empty.append(name)
    if empty:
        raise FileNotFoundError(
            f"Found no valid file for the classes {', '.join(sorted(empty))}. "
            f"Supported extensions are: {', '.join(IMAGE_SUFFIXES)}"
        )
    return classes, samples


def _add_class(class_dir: str, index: int, samples: list[tuple[str, int]]) -> None:
    """Append the images under `class_dir` in ImageFolder's order: folders by path (as
    ``sorted(os.walk(...))`` visits them, links followed), each one's files by name."""
    if not os.path.isdir(class_dir):
        return
    for where, _, files in sorted(os.walk(class_dir, followlinks=True)):
        prefix = os.path.join(where, "")
        samples.extend(
            (prefix + name, index)
            for name in sorted(files)
            if name.lower().endswith(IMAGE_SUFFIXES)
        )
