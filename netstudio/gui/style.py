"""Colours and sizes shared by the canvas, the palette and the inspector.

Each layer category has one calm colour, the same on a node's header and beside the category
in the palette. Everything else derives from the application palette, so the editor follows
the system's light or dark scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

#: One calm colour per catalogue category (netstudio.core.catalogue.CATEGORIES).
CATEGORY_COLOURS: dict[str, str] = {
    "Input/Output": "#5d6d82",
    "Core": "#4a78b0",
    "Convolution": "#2f8f88",
    "Pooling": "#5a9650",
    "Normalization": "#b48a2c",
    "Activation": "#c46d45",
    "Regularization": "#8a78ad",
    "Recurrent": "#7058a0",
    "Attention": "#ad5a82",
    "Merge": "#85705a",
    "Generic": "#6f7f5f",
}
FALLBACK_COLOUR = "#808890"

#: Spacing of the canvas grid, in scene pixels; moved nodes snap to it.
GRID = 20.0

ERROR_COLOUR = "#d64541"
WARNING_COLOUR = "#d99a21"
OK_COLOUR = "#3f9a5a"


def category_colour(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, FALLBACK_COLOUR))


def text_on(background: QColor) -> QColor:
    """White or near-black, whichever reads better on `background`."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#1d1f22") if luminance > 0.6 else QColor("#ffffff")


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def with_alpha(colour: QColor, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(alpha)
    return result


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True)
class CanvasTheme:
    """The canvas colours for one application palette."""

    background: QColor
    grid: QColor
    node_fill: QColor
    node_border: QColor
    shadow: QColor
    text: QColor
    muted: QColor
    selection: QColor
    wire: QColor
    label_fill: QColor
    compatible: QColor
    error: QColor
    warning: QColor

    @classmethod
    def from_palette(cls, palette: QPalette | None = None) -> CanvasTheme:
        palette = palette or QApplication.palette()
        dark = is_dark(palette)
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        background = mix(window, QColor("black"), 0.18) if dark else mix(window, base, 0.55)
        node_fill = mix(base, window, 0.35) if dark else base
        return cls(
            background=background,
            grid=with_alpha(text, 0.22 if dark else 0.2),
            node_fill=node_fill,
            node_border=with_alpha(text, 0.28 if dark else 0.22),
            shadow=QColor(0, 0, 0, 90 if dark else 34),
            text=text,
            muted=with_alpha(text, 0.62),
            selection=palette.color(QPalette.ColorRole.Highlight),
            wire=with_alpha(text, 0.5),
            label_fill=with_alpha(node_fill, 0.92),
            compatible=QColor("#4cc27a") if dark else QColor("#2c9f58"),
            error=QColor(ERROR_COLOUR),
            warning=QColor(WARNING_COLOUR),
        )
