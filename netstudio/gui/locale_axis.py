"""Plot axes whose tick labels are written the locale's way: "10,000" and "0.5" in English and
Chinese, "10.000" and "0,5" in German (pyqtgraph writes "10000" whatever the locale)."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from netstudio.gui import i18n


class LocaleAxis(pg.AxisItem):
    """A pyqtgraph axis (see module docstring): each tick keeps the decimals pyqtgraph chose
    for it; one written in scientific notation ("1e-05") stays as it is."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        strings = super().tickStrings(values, scale, spacing)
        return [
            _localised(text, value * scale) for text, value in zip(strings, values, strict=True)
        ]


def _localised(text: str, value: float) -> str:
    if not text or "e" in text.lower():
        return text
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return i18n.locale().toString(float(value), "f", decimals)


def locale_axes() -> dict[str, pg.AxisItem]:
    """A plot's left and bottom axes, for ``axisItems=`` where a plot is made."""
    return {"left": LocaleAxis("left"), "bottom": LocaleAxis("bottom")}
