"""Toolbar and menu icons: SVGs shipped in the package (`netstudio.package_data`), drawn in the palette's text colour.

The SVGs stroke with ``currentColor``; each icon is rendered for the normal and disabled
text colours at several sizes, so it stays crisp at high DPI and follows light or dark mode.
An icon is rendered once per process for each pair of colours (every window built after the
first, as in the GUI tests, takes it from the cache), each colour's SVG parsed once.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from netstudio.package_data import icons_dir

ICON_DIR = icons_dir()
SIZES = (16, 20, 24, 32, 40, 48, 64)


def _renderer(svg: str, colour: QColor) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode()))


def _render(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def _svg(name: str) -> str:
    try:
        return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return ""


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """The icon `name` (an SVG file stem of the package's icons); an empty icon when it is missing."""
    svg = _svg(name)
    if not svg:
        return QIcon()
    palette = QApplication.palette()
    normal = colour or palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    # A copy: it shares the cached pixmaps, and a caller's change to it stays its own.
    return QIcon(_rendered(name, normal.rgba(), disabled.rgba()))


@cache
def _rendered(name: str, normal: int, disabled: int) -> QIcon:
    """The icon `name` drawn in the colours `normal` and `disabled` (ARGB) at every size."""
    svg = _svg(name)
    result = QIcon()
    for rgba, mode in ((normal, QIcon.Mode.Normal), (disabled, QIcon.Mode.Disabled)):
        renderer = _renderer(svg, QColor.fromRgba(rgba))
        for size in SIZES:
            result.addPixmap(_render(renderer, size), mode)
    return result
