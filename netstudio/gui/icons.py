"""Toolbar and menu icons: SVGs shipped in the package (`netstudio.package_data`), drawn in the palette's text colour.

The SVGs stroke with ``currentColor``; each icon is rendered for the normal and disabled
text colours at several sizes, so it stays crisp at high DPI and follows light or dark mode.
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


def _render(svg: str, colour: QColor, size: int) -> QPixmap:
    data = QByteArray(svg.replace("currentColor", colour.name()).encode())
    renderer = QSvgRenderer(data)
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
    result = QIcon()
    for size in SIZES:
        result.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal)
        result.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled)
    return result
