"""The system libraries Qt's X11 platform plugin needs, checked before Qt starts.

On Debian and Ubuntu a fresh machine may lack them; Qt then aborts with a long message about
the "xcb" plugin that does not say what to install. Checked here first (no Qt imported), so the
command can say it in one line.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

#: Library (as the linker names it) -> the Debian/Ubuntu package that holds it.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start its X11 ("xcb") plugin: Linux, no other platform chosen, and not
    a Wayland session (where Qt picks its Wayland plugin)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0].strip() == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find: Callable[[str], str | None] = ctypes.util.find_library,
) -> list[str]:
    """The packages to install before the window can open here (none when it can, or when
    Qt will not use the xcb plugin)."""
    if not uses_xcb(environ, platform):
        return []
    return [package for library, package in XCB_LIBRARIES.items() if find(library) is None]


def missing_message(packages: list[str]) -> str:
    """One line saying what to install."""
    names = " ".join(packages)
    return (
        f"error: the desktop app needs system libraries that are not installed ({names}); on "
        f"Debian or Ubuntu: sudo apt install {names}. 'netstudio check' and 'netstudio train' "
        "work without them"
    )
