"""Before Qt starts, the command says in one line which system package the X11 plugin lacks."""

from __future__ import annotations

import pytest

from netstudio import cli
from netstudio.gui import system_libraries
from netstudio.gui.system_libraries import missing_message, missing_packages, uses_xcb


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_the_xcb_plugin_is_expected_only_where_qt_uses_it(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected


def test_each_missing_library_names_its_package() -> None:
    present = {"xcb-icccm": "libxcb-icccm.so.4"}
    missing = missing_packages({}, "linux", present.get)
    assert missing == ["libxcb-cursor0", "libxcb-keysyms1"]
    line = missing_message(missing)
    assert "\n" not in line and "sudo apt install libxcb-cursor0 libxcb-keysyms1" in line
    assert missing_packages({"QT_QPA_PLATFORM": "offscreen"}, "linux", present.get) == []


def test_the_app_command_stops_with_the_line_before_qt(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_libraries, "missing_packages", lambda: ["libxcb-cursor0"])
    assert cli.main([]) == cli.EXIT_UNREADABLE
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: the desktop app needs") and "libxcb-cursor0" in err
    assert len(err.splitlines()) == 1
