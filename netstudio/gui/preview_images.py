"""Pictures of a node's output for one sample, and its words: what a node card and the
Inspector show.

An image-shaped output (channels × height × width) is a grid of its feature maps, a vector a
heat strip, a sequence (steps × features) a line per feature. Colours: a diverging blue-white-
red centred on 0 when the values have both signs, else black to white from the smallest value to
the largest. Values that are not finite are drawn magenta (and the card says how many, in words:
the picture is never the only sign). Made as a QImage, which a pool thread may paint; the GUI
thread turns it into a QPixmap once per preview. The words (`preview_texts`: the value range,
NaN and inf counts, why there is no value) are in the app's language, context ``CanvasPreviews``.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from netstudio.gui import i18n

if TYPE_CHECKING:
    import torch

    from netstudio.core.previews import NodePreview

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)

#: Feature maps a card shows (the Inspector shows every one).
CARD_CHANNELS = 16
#: A vector's cells at most (longer vectors are averaged in bins), and a sequence's lines.
STRIP_CELLS = 256
SEQUENCE_LINES = 8
#: The colour of a value that is not finite.
NOT_FINITE = (255, 0, 255)
LINE_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                "#7f7f7f")  # fmt: skip


def preview_image(
    value: torch.Tensor, aspect: float = 150 / 52, channels: int | None = CARD_CHANNELS
) -> QImage:
    """A picture of `value` (one sample, its batch dimension first) about `aspect` wide for
    each unit high; `channels`: feature maps shown at most (None: all)."""
    array = value.detach().float().cpu().numpy()[0] if value.dim() else np.zeros(1)
    if array.ndim == 3:
        return _maps(array, aspect, channels)
    if array.ndim == 2:
        return _lines(array, aspect)
    return _strip(array.reshape(-1))


def _colours(array: np.ndarray) -> np.ndarray:
    """RGB bytes for `array`'s values (see module docstring), same shape plus 3."""
    finite = np.isfinite(array)
    kept = array[finite]
    low, high = (float(kept.min()), float(kept.max())) if kept.size else (0.0, 0.0)
    safe = np.where(finite, array, 0.0)
    if low < 0 < high:
        scale = max(-low, high)
        t = np.clip(safe / scale, -1, 1)
        neg, pos = np.clip(-t, 0, 1), np.clip(t, 0, 1)
        r = 255 * (1 - neg * 0.8)
        g = 255 * (1 - np.maximum(neg, pos) * 0.8)
        b = 255 * (1 - pos * 0.8)
        rgb = np.stack([r, g, b], axis=-1)
    else:
        t = (safe - low) / (high - low) if high > low else np.full_like(safe, 0.5)
        rgb = np.repeat((np.clip(t, 0, 1) * 255)[..., None], 3, axis=-1)
    rgb = rgb.astype(np.uint8)
    rgb[~finite] = NOT_FINITE
    return rgb


def _image(rgb: np.ndarray) -> QImage:
    height, width = rgb.shape[:2]
    data = np.ascontiguousarray(rgb, dtype=np.uint8)
    image = QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()  # owns its pixels once `data` is gone


def _maps(array: np.ndarray, aspect: float, channels: int | None) -> QImage:
    """Feature maps in a grid as near `aspect` as the count allows, one pixel apart."""
    count = array.shape[0] if channels is None else min(channels, array.shape[0])
    maps = array[:count]
    height, width = maps.shape[1:]
    best = 1
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        ratio = cols * (width + 1) / (rows * (height + 1))
        if abs(math.log(ratio / aspect)) < abs(
            math.log(best * (width + 1) / (math.ceil(count / best) * (height + 1)) / aspect)
        ):
            best = cols
    rows = math.ceil(count / best)
    rgb = _colours(maps)
    canvas = np.full((rows * (height + 1) - 1, best * (width + 1) - 1, 3), 90, dtype=np.uint8)
    for index in range(count):
        row, col = divmod(index, best)
        y, x = row * (height + 1), col * (width + 1)
        canvas[y : y + height, x : x + width] = rgb[index]
    return _image(canvas)


def _strip(vector: np.ndarray) -> QImage:
    """A vector as one row of cells (binned means when it is long)."""
    if vector.size > STRIP_CELLS:
        edges = np.linspace(0, vector.size, STRIP_CELLS + 1).astype(int)
        vector = np.array([vector[a:b].mean() for a, b in itertools.pairwise(edges)])
    return _image(_colours(vector.reshape(1, -1)))


def _lines(array: np.ndarray, aspect: float) -> QImage:
    """A sequence (steps × features): the first features as lines over the steps."""
    steps = array.shape[0]
    series = array[:, :SEQUENCE_LINES]
    finite = series[np.isfinite(series)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    span = high - low or 1.0
    height = 60
    width = max(2, round(height * aspect))
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for feature in range(series.shape[1]):
        painter.setPen(QPen(QColor(LINE_COLOURS[feature % len(LINE_COLOURS)]), 1.2))
        points = []
        for step in range(steps):
            v = float(series[step, feature])
            x = step / max(steps - 1, 1) * (width - 2) + 1
            if not math.isfinite(v):
                painter.fillRect(int(x), 0, 2, height, QColor(*NOT_FINITE))
                continue
            points.append(QPointF(x, (height - 2) * (1 - (v - low) / span) + 1))
        if len(points) > 1:
            painter.drawPolyline(points)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.end()
    return image


def preview_texts(preview: NodePreview) -> tuple[str, str]:
    """A card's range line and its alert (an error, no value, NaN or inf: in words), in the
    app's language."""
    if preview.error is not None:
        return "", i18n.translated(preview.error)
    if preview.value is None:
        said = translate("CanvasPreviews", "no preview: {reason}")
        return said.format(reason=i18n.translated(preview.missing or "")), ""
    if preview.minimum is None or preview.maximum is None:
        span = translate("CanvasPreviews", "no finite values")
    else:
        span = translate("CanvasPreviews", "{low} .. {high}").format(
            low=significant(preview.minimum, 3), high=significant(preview.maximum, 3)
        )
    nan = translate("CanvasPreviews", "{count} NaN").format(count=i18n.number(preview.nan))
    inf = translate("CanvasPreviews", "{count} inf").format(count=i18n.number(preview.inf))
    if preview.nan and preview.inf:
        odd = translate("CanvasPreviews", "{nan}, {inf}").format(nan=nan, inf=inf)
    elif preview.nan or preview.inf:
        odd = nan if preview.nan else inf
    else:
        return span, ""
    return span, translate("CanvasPreviews", "{odd} · {span}", "a card's alert").format(
        odd=odd, span=span
    )


def significant(value: float, digits: int) -> str:
    """`value` with `digits` significant figures as the locale writes it (``-0.52``, ``3e-05``:
    Python's ``g`` format, with the locale's decimal sign)."""
    return i18n.locale().toString(float(value), "g", digits)
