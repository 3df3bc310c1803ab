"""A layer on the canvas: a rounded card with a category-coloured header.

Header: the node's name. Body: type and key parameters ("Conv2d · 32, 3×3, pad 1"). Footer:
the output shape and parameter count, or, when the node is invalid, a warning icon and the
start of the message. The tooltip says all of it. While previews are on (`set_preview_shown`), the
card is `PREVIEW` taller: between body and footer it shows a picture of the node's output for
one sample (`set_preview`: a pixmap drawn once elsewhere, so painting only copies it) and its
value range, NaN and inf counts written out in the error colour. `set_health` puts a coloured
badge with a number in the body's corner (colour by a training statistic; never colour alone);
zoomed out to a plain block, the health colour fills the block and the number is in the
tooltip. The item only shows what the scene tells it;
it holds no graph state. A frozen node (it does not learn: fine-tuning) draws a padlock in its
header, and its tooltip says so, with its learning-rate multiplier when it has one. `flash()` blinks a red outline a few times, to point at the node a
failed run names; the item then looks as before.

Ports sit on the left (inputs) and right (outputs) edges when the network flows left to right,
on the top and bottom edges when it flows top to bottom (`set_flow`).

At every zoom the name is written whole or not at all, never cut ("bl…v1" says nothing). When
the text is large enough to read (`DETAIL_ZOOM` and above), the card shows its details; the
subtitle is shortened first, then the name's font shrinks, down to `LEGIBLE_PX` on screen, and
wraps onto a second line at a word break. Further out, or for a name that cannot be written
legibly in the header, the card is a block in its category colour with the name as large as
fits (on up to three lines), else a short label from its type, else no text: the tooltip names
it. `drawn_text(lod)` says what is written at a zoom, so tests can check it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations, pairwise
from typing import Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from netstudio.core.layout import FOOTER, HEADER, MIN_BODY, PORT_SPACING, PREVIEW, card_height
from netstudio.core.layout import NODE_WIDTH as WIDTH
from netstudio.core.routing import Flow
from netstudio.gui import i18n
from netstudio.gui.canvas.port_item import PortItem
from netstudio.gui.style import CanvasTheme, text_on, with_alpha

RADIUS = 7.0
PAD = 10.0
#: Ports on the top and bottom edges (top-to-bottom flow) are at most this far apart.
PORT_GAP = 40.0
#: The smallest text a person can read, in screen pixels.
LEGIBLE_PX = 7.0
#: Title, subtitle, footer and wire-label font sizes, in scene pixels.
TITLE_PX, BODY_PX, SMALL_PX = 12, 11, 10
#: From this zoom the smallest text of a card (its footer) is legible: the card shows details.
DETAIL_ZOOM = LEGIBLE_PX / SMALL_PX
#: A block's text is at most this large on screen, and this large in scene pixels.
BLOCK_MAX_PX, BLOCK_MAX_SCENE_PX = 14.0, 48
#: The height of a card with one row of ports.
SMALLEST_CARD = HEADER + MIN_BODY + FOOTER
#: A name may wrap after these characters, or where a lower-case letter meets a capital.
_BREAK = re.compile(r"(?<=[_\-./: ])(?=.)|(?<=[a-z])(?=[A-Z])")
#: `flash()`: this many blinks, each this many milliseconds on and as many off.
FLASHES = 3
FLASH_MS = 250
#: The frozen mark's padlock, in scene pixels (in the header's right end).
LOCK = 12.0

Severity = Literal["error", "warning"] | None
translate = QCoreApplication.translate


@cache
def _fonts() -> tuple[QFont, QFont, QFont]:
    """Title, subtitle and footer fonts, sized in scene pixels so that a node's layout is the
    same whatever the desktop's font size (the view's zoom scales them). Made once and shared
    by every card (a card copies one before changing its size)."""
    body = QFont()
    body.setPixelSize(BODY_PX)
    title = QFont(body)
    title.setPixelSize(TITLE_PX)
    title.setBold(True)
    small = QFont(body)
    small.setPixelSize(SMALL_PX)
    return title, body, small


@dataclass(frozen=True)
class NodeText:
    """What a node writes at one zoom.

    block: the card is a plain block in its category colour. name: the lines the name is
    written on (they join to the whole name); empty when it is not written. name_px: their font
    size in scene pixels. extra: in detail, the subtitle as written (shortened to fit); on a
    block, a short label from the layer's type ("" for none). extra_px: its font size.
    """

    block: bool
    name: tuple[str, ...]
    name_px: int
    extra: str = ""
    extra_px: int = 0


@cache
def _unit_metrics(bold: bool) -> QFontMetricsF:
    """Metrics of the canvas font at 100 px: text widths scale with the size from these."""
    font = QFont()
    font.setPixelSize(100)
    font.setBold(bold)
    return QFontMetricsF(font)


def fit_lines(
    text: str, bold: bool, width: float, height: float, smallest: float, largest: float, lines: int
) -> tuple[tuple[str, ...], int] | None:
    """The fewest lines (at most `lines`, split only at word breaks) and the largest whole
    pixel size, between `smallest` and `largest`, at which `text` fits in width x height; None
    when it cannot fit at `smallest`."""
    metrics = _unit_metrics(bold)
    line_height = metrics.height() / 100
    breaks = [m.start() for m in _BREAK.finditer(text)]
    widths: dict[str, float] = {}

    def unit_width(part: str) -> float:
        if part not in widths:
            widths[part] = metrics.horizontalAdvance(part) / 100
        return widths[part]

    least = math.ceil(smallest - 1e-9)
    for count in range(1, min(lines, len(breaks) + 1) + 1):
        best: tuple[float, tuple[str, ...]] | None = None
        for cuts in combinations(breaks, count - 1):
            bounds = (0, *cuts, len(text))
            parts = tuple(text[a:b] for a, b in pairwise(bounds))
            widest = max(unit_width(part) for part in parts)
            if best is None or widest < best[0]:
                best = (widest, parts)
        if best is None or not text:
            return None
        size = math.floor(min(largest, 0.97 * width / best[0], height / (count * line_height)))
        if size >= least:
            return best[1], size
    return None


def short_labels(subtitle: str) -> list[str]:
    """Short labels from a layer's type, longest first: "BatchNorm2d · 64" gives BatchNorm2d,
    BatchNorm, BN."""
    kind = subtitle.split(" · ")[0].strip()
    plain = re.sub(r"[123]d$", "", kind)
    capitals = "".join(c for c in plain if c.isupper())
    labels = [kind, plain, capitals if len(capitals) >= 2 else ""]
    return [label for i, label in enumerate(labels) if label and label not in labels[:i]]


def warning_triangle(centre: QPointF, size: float) -> QPolygonF:
    h = size * 0.9
    return QPolygonF(
        [
            QPointF(centre.x(), centre.y() - h / 2),
            QPointF(centre.x() + size / 2, centre.y() + h / 2),
            QPointF(centre.x() - size / 2, centre.y() + h / 2),
        ]
    )


class NodeItem(QGraphicsItem):
    """One node (see module docstring).

    It has no `itemChange`: Qt would call it into Python a dozen times as each card is made,
    and at every change after. The scene follows the cards' moves itself, and raises the
    selected ones above their neighbours."""

    def __init__(self, node_id: str, colour: QColor, theme: CanvasTheme) -> None:
        super().__init__()
        self.node_id = node_id
        self.colour = colour
        self.theme = theme
        self.title = ""
        self.subtitle = ""
        self.shape_text = ""
        self.params_text = ""
        self.severity: Severity = None
        self.message = ""
        #: The layer is frozen (does not learn), and its learning-rate multiplier.
        self.frozen = False
        self.multiplier = 1.0
        self._short = ""
        self._tooltip = ""
        self.inputs: dict[str, PortItem] = {}
        self.outputs: dict[str, PortItem] = {}
        #: Which way the network flows: where the ports sit.
        self.flow: Flow = "right"
        self._body = MIN_BODY
        #: `drawn_text` by zoom, while the text stays the same.
        self._texts: dict[float, NodeText] = {}
        self._title_font, self._body_font, self._small_font = _fonts()
        self._flash_timer: QTimer | None = None
        self._flash_steps = 0  # half-blinks left: lit on an even count, off on an odd one
        #: Previews are on: the card has room for one (see module docstring).
        self.preview_shown = False
        self.preview_pixmap: QPixmap | None = None
        self.preview_text = ""
        #: What is odd about the preview (an error, NaN or inf), written in the error colour.
        self.preview_alert = ""
        #: The health badge's colour and number (None: no badge), and what the number is.
        self.health_colour: QColor | None = None
        self.health_text = ""
        self.health_tip = ""
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)

    # --- what the scene sets -------------------------------------------------------------------

    def set_ports(self, inputs: Sequence[str], outputs: Sequence[str]) -> None:
        """Create, keep or drop port items so they match these port names."""
        for ports, names, is_input in ((self.inputs, inputs, True), (self.outputs, outputs, False)):
            for name in list(ports):
                if name not in names:
                    item = ports.pop(name)
                    item.setParentItem(None)
                    if item.scene() is not None:
                        item.scene().removeItem(item)
            for name in names:
                if name not in ports:
                    ports[name] = PortItem(
                        self.node_id, name, is_input, self.colour, self.theme, self
                    )
            # Keep the order the names come in (the ports' order on the edge).
            for name in names:
                ports[name] = ports.pop(name)
        self._place_ports()

    def set_flow(self, flow: Flow) -> None:
        """Put the ports on the sides (flow "right") or on the top and bottom (flow "down")."""
        if flow != self.flow:
            self.flow = flow
            self._place_ports()

    def set_preview_shown(self, shown: bool) -> None:
        """Make room for a preview under the body (previews on), or take it away."""
        if shown == self.preview_shown:
            return
        self.prepareGeometryChange()
        self.preview_shown = shown
        self._texts.clear()
        self._place_ports()

    def set_preview(self, pixmap: QPixmap | None, text: str, alert: str = "") -> None:
        """Show this picture of the node's output, its value range, and what is odd about it."""
        if (pixmap, text, alert) == (self.preview_pixmap, self.preview_text, self.preview_alert):
            return  # the card's cached drawing stays
        self.preview_pixmap, self.preview_text, self.preview_alert = pixmap, text, alert
        self._update_tooltip()
        self.update()

    def set_health(self, colour: QColor | None, text: str = "", tip: str = "") -> None:
        """A badge of `colour` with `text` (a statistic's value) in the body's corner; `tip`
        says in words what it is, in the tooltip. None: no badge."""
        if (colour, text, tip) == (self.health_colour, self.health_text, self.health_tip):
            return
        self.health_colour, self.health_text, self.health_tip = colour, text, tip
        self._texts.clear()  # the subtitle has less room beside the badge
        self._update_tooltip()
        self.update()

    def preview_rect(self) -> QRectF:
        """Where the preview's picture is drawn, in item coordinates (empty when off)."""
        if not self.preview_shown:
            return QRectF()
        return QRectF(PAD / 2, HEADER + self._body + 3, WIDTH - PAD, PREVIEW - 20)

    def _place_ports(self) -> None:
        body = card_height(len(self.inputs), len(self.outputs), self.flow) - HEADER - FOOTER
        if body != self._body:
            self.prepareGeometryChange()
            self._body = body
        for ports, is_input in ((self.inputs, True), (self.outputs, False)):
            count = len(ports)
            if self.flow == "down":
                gap = min(PORT_GAP, (WIDTH - 4 * RADIUS) / max(count - 1, 1))
                y = 0.0 if is_input else self.height
                for i, port in enumerate(ports.values()):
                    port.setPos(WIDTH / 2 + (i - (count - 1) / 2) * gap, y)
            else:
                x = 0.0 if is_input else WIDTH
                centre = HEADER + self._body / 2
                for i, port in enumerate(ports.values()):
                    port.setPos(x, centre + (i - (count - 1) / 2) * PORT_SPACING)
        self.update()

    def set_text(self, title: str, subtitle: str) -> None:
        if (title, subtitle) != (self.title, self.subtitle):
            self.title, self.subtitle = title, subtitle
            self._texts.clear()
            self._update_tooltip()
            self.update()

    def set_footer(self, shape: str, params: str) -> None:
        if (shape, params) != (self.shape_text, self.params_text):
            self.shape_text, self.params_text = shape, params
            self._update_tooltip()
            self.update()

    def set_problem(self, severity: Severity, message: str, prefix: str = "") -> None:
        """Mark the node invalid (`error`), doubtful (`warning`) or fine (None). The footer
        writes `message` without the node's name (`prefix`) it starts with, where the rest
        reads alone (in Chinese "{node} 的输入…" keeps its name: "的…" does not)."""
        short = message.removeprefix(prefix).lstrip(": ：") if prefix else message
        if short.startswith("的"):
            short = message
        short = short[:1].upper() + short[1:]
        if (severity, message) == (self.severity, self.message):
            return
        self.severity, self.message, self._short = severity, message, short
        self._update_tooltip()
        self.update()

    def set_tuning(self, frozen: bool, multiplier: float = 1.0) -> None:
        """Mark the node frozen (a padlock in the header) and note its learning-rate
        multiplier (1: the optimizer's own rate) in the tooltip."""
        if (frozen, multiplier) == (self.frozen, self.multiplier):
            return
        self.frozen, self.multiplier = frozen, multiplier
        self._texts.clear()  # the name has less room beside the padlock
        self._update_tooltip()
        self.update()

    def _update_tooltip(self) -> None:
        """Name, type, output shape and parameters, and what is wrong: all a block hides."""
        footer = " · ".join(t for t in (self.shape_text, self.params_text) if t and t != "…")
        tuning = []
        if self.frozen:
            tuning.append(translate("NodeItem", "frozen: its weights do not change in training"))
        if self.multiplier != 1:
            rate = translate("NodeItem", "learning rate × {multiplier}")
            tuning.append(rate.format(multiplier=i18n.number(self.multiplier)))
        preview = " · ".join(t for t in (self.preview_text, self.preview_alert) if t)
        if preview and (self.preview_pixmap is not None or self.preview_alert):
            preview = translate("NodeItem", "Preview: {preview}").format(preview=preview)
        # else it says why there is no preview, naming previews itself ("Previews: …")
        parts = (self.title, self.subtitle, footer, " · ".join(tuning), self.health_tip,
                 preview, self.message)  # fmt: skip
        text = "\n".join(p for p in parts if p)
        if text != self._tooltip:  # a tooltip set again costs as much as a new one
            self._tooltip = text
            self.setToolTip(text)

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        for port in [*self.inputs.values(), *self.outputs.values()]:
            port.set_theme(theme)
        self.update()

    def port(self, name: str, is_input: bool) -> PortItem | None:
        return (self.inputs if is_input else self.outputs).get(name)

    def ports(self) -> list[PortItem]:
        return [*self.inputs.values(), *self.outputs.values()]

    @property
    def _text_height(self) -> float:
        """The card's height above its preview (a block's text is centred in it)."""
        return self.height - (PREVIEW if self.preview_shown else 0)

    @property
    def height(self) -> float:
        return HEADER + self._body + (PREVIEW if self.preview_shown else 0) + FOOTER

    # --- flashing ------------------------------------------------------------------------------

    def flash(self, times: int = FLASHES, interval_ms: int = FLASH_MS) -> None:
        """Blink a red outline `times` times (on the GUI thread's timer); again from the start
        when it is already flashing."""
        if self._flash_timer is None:
            self._flash_timer = QTimer()
            self._flash_timer.setInterval(interval_ms)
            self._flash_timer.timeout.connect(self._flash_step)
        self._flash_timer.setInterval(interval_ms)
        self._flash_steps = 2 * max(1, times)
        self._flash_timer.start()
        self.update()

    @property
    def flashing(self) -> bool:
        """Whether the item is blinking now."""
        return self._flash_steps > 0

    @property
    def flash_lit(self) -> bool:
        """Whether the blinking outline is drawn now."""
        return self._flash_steps > 0 and self._flash_steps % 2 == 0

    def _flash_step(self) -> None:
        timer = self._flash_timer
        if not shiboken6.isValid(self):  # removed from the canvas and deleted meanwhile
            if timer is not None:
                timer.stop()
            return
        self._flash_steps = max(0, self._flash_steps - 1)
        if self._flash_steps == 0 and timer is not None:
            timer.stop()
        self.update()

    # --- QGraphicsItem -------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, WIDTH, self.height).adjusted(-5, -5, 5, 7)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, self.height), RADIUS, RADIUS)
        return path

    def drawn_text(self, lod: float) -> NodeText:
        """What the card writes at zoom `lod` (1 is 100 %; see module docstring)."""
        key = round(lod, 3)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) > 32:
                self._texts.clear()
            text = self._texts[key] = self._fit_text(max(lod, 1e-3))
        return text

    def _fit_text(self, lod: float) -> NodeText:
        smallest = LEGIBLE_PX / lod
        if lod >= DETAIL_ZOOM:
            width = WIDTH - 2 * PAD
            title_width = width - (LOCK + 4 if self.frozen else 0)
            fitted = fit_lines(self.title, True, title_width, HEADER, smallest, TITLE_PX, 2)
            if not self.title:
                fitted = ((), TITLE_PX)
            if fitted is not None:
                metrics = QFontMetricsF(self._body_font)
                room = width - (self._badge_width() + 4 if self.health_colour else 0)
                extra = metrics.elidedText(self.subtitle, Qt.TextElideMode.ElideRight, room)
                return NodeText(False, fitted[0], fitted[1], extra, BODY_PX)
        # Every block's name gets the room of the smallest card, so that names of the same
        # length are written the same size; a taller card only has more room for the type.
        width, height = WIDTH - 10, self._text_height - 10
        largest = min(BLOCK_MAX_PX / lod, BLOCK_MAX_SCENE_PX)
        fitted = fit_lines(self.title, True, width, SMALLEST_CARD - 10, smallest, largest, 3)
        if fitted is not None:
            lines, size = fitted
            room = height - len(lines) * size * _unit_metrics(True).height() / 100
            for label in [self.subtitle, *short_labels(self.subtitle)[:1]]:
                under = fit_lines(label, False, width, room, smallest, size * 0.8, 1)
                if under is not None:
                    return NodeText(True, lines, size, label, under[1])
            return NodeText(True, lines, size)
        for label in short_labels(self.subtitle):
            under = fit_lines(label, False, width, height, smallest, largest, 1)
            if under is not None:
                return NodeText(True, (), 0, label, under[1])
        return NodeText(True, (), 0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        rect = QRectF(0, 0, WIDTH, self.height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        text = self.drawn_text(lod)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.shadow)
        painter.drawRoundedRect(rect.translated(0, 2.5), RADIUS, RADIUS)
        if text.block:  # coloured by health, the block is that colour (its number on hover)
            painter.setBrush(self.block_colour)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            self._paint_block_text(painter, text)
            if self.preview_shown:
                painter.setBrush(theme.node_fill)
                top = self._text_height - 2
                painter.drawRect(QRectF(2, top, WIDTH - 4, PREVIEW - 2))
                self._paint_preview(painter, top - 1, lod)
        else:
            painter.setBrush(theme.node_fill)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            outline = QPainterPath()
            outline.addRoundedRect(rect, RADIUS, RADIUS)
            header = QPainterPath()
            header.addRect(QRectF(0, 0, WIDTH, HEADER))
            painter.setBrush(self.colour)
            painter.drawPath(outline.intersected(header))
            self._paint_text(painter, text)

        scale = 1 / max(lod, 1e-3)  # outlines keep their width on screen when far out
        if self.severity == "error":
            painter.setPen(QPen(theme.error, 2.0 * max(1.0, scale * 0.6)))
        else:
            painter.setPen(QPen(theme.node_border, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        if text.block and self.severity is not None:
            size = min(max(11.0, 10 * scale), HEADER * 1.5)
            self._paint_warning(painter, QPointF(WIDTH - size * 0.75, size * 0.75), size)
        if self.frozen:
            if text.block:
                size = min(max(LOCK, 10 * scale), HEADER * 1.5)
                self._paint_lock(painter, QRectF(size * 0.3, size * 0.25, size, size), True)
            else:
                box = QRectF(WIDTH - PAD - LOCK + 2, (HEADER - LOCK) / 2, LOCK, LOCK)
                self._paint_lock(painter, box, False)
        if self.isSelected():
            grow = 3.5 * max(1.0, scale * 0.6)
            painter.setPen(QPen(theme.selection, 2.0 * max(1.0, scale * 0.6)))
            painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), RADIUS + 3, RADIUS + 3)
        if self.flash_lit:
            painter.setPen(QPen(theme.error, 2.5))
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            painter.setPen(QPen(theme.error, 3.0))  # over the selection outline
            painter.drawRoundedRect(rect.adjusted(-3.5, -3.5, 3.5, 3.5), RADIUS + 3, RADIUS + 3)

    def _paint_block_text(self, painter: QPainter, text: NodeText) -> None:
        """A block: the name (and a short type label under it), or the short label alone,
        centred on the card."""
        painter.setPen(text_on(self.block_colour))
        rows: list[tuple[str, QFont]] = []
        if text.name:
            font = QFont(self._title_font)
            font.setPixelSize(text.name_px)
            rows += [(line, font) for line in text.name]
        if text.extra:
            font = QFont(self._body_font)
            font.setPixelSize(text.extra_px)
            rows.append((text.extra, font))
        heights = [QFontMetricsF(font).height() for _, font in rows]
        y = (self._text_height - sum(heights)) / 2
        for (line, font), height in zip(rows, heights, strict=True):
            painter.setFont(font)
            painter.drawText(QRectF(0, y, WIDTH, height), Qt.AlignmentFlag.AlignCenter, line)
            y += height

    @property
    def block_colour(self) -> QColor:
        """A plain block's fill: the health colour while nodes are coloured by a statistic,
        else the category's."""
        return self.health_colour if self.health_colour is not None else self.colour

    def _paint_lock(self, painter: QPainter, box: QRectF, on_block: bool) -> None:
        """A padlock in `box`: the frozen mark (a shape, not a colour)."""
        colour = text_on(self.colour)
        size = box.width()
        if on_block:  # on a plain block it sits on a disc of the card's colour, outlined
            painter.setPen(QPen(colour, size * 0.08))
            painter.setBrush(self.colour)
            painter.drawEllipse(box.adjusted(-size * 0.2, -size * 0.2, size * 0.2, size * 0.2))
        body = QRectF(box.left() + size * 0.12, box.top() + size * 0.45, size * 0.76, size * 0.52)
        shackle = QRectF(box.left() + size * 0.27, box.top() + size * 0.05, size * 0.46, size * 0.7)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, size * 0.13))
        painter.drawArc(shackle, 0, 180 * 16)
        painter.drawLine(
            QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top())
        )
        painter.drawLine(
            QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top())
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(body, size * 0.08, size * 0.08)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the outlines drawn after it are not filled

    def _paint_warning(self, painter: QPainter, centre: QPointF, size: float) -> None:
        colour = self.theme.error if self.severity == "error" else self.theme.warning
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(warning_triangle(centre, size))
        painter.setPen(QPen(QColor("white"), size * 0.13))
        painter.drawLine(centre + QPointF(0, -size * 0.16), centre + QPointF(0, size * 0.11))
        painter.drawPoint(centre + QPointF(0, size * 0.27))

    def _paint_text(self, painter: QPainter, text: NodeText) -> None:
        theme = self.theme
        font = QFont(self._title_font)
        font.setPixelSize(text.name_px)
        painter.setFont(font)
        painter.setPen(text_on(self.colour))
        line_height = QFontMetricsF(font).height()
        y = (HEADER - line_height * len(text.name)) / 2
        for line in text.name:
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRectF(PAD, y, WIDTH - 2 * PAD, line_height), align, line)
            y += line_height

        painter.setFont(self._body_font)
        painter.setPen(theme.text)
        painter.drawText(
            QRectF(PAD, HEADER + 2, WIDTH - 2 * PAD, 22),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            text.extra,
        )

        if self.health_colour is not None:
            self._paint_health(painter)
        top = HEADER + self._body
        if self.preview_shown:
            self._paint_preview(painter, top, DETAIL_ZOOM)
            top += PREVIEW
        painter.setPen(QPen(with_alpha(theme.node_border, 0.6), 1.0))
        painter.drawLine(QPointF(1, top + 0.5), QPointF(WIDTH - 1, top + 0.5))
        footer = QRectF(PAD, top, WIDTH - 2 * PAD, FOOTER)
        painter.setFont(self._small_font)
        left = footer
        if self.severity is not None:
            self._paint_warning(painter, QPointF(PAD + 5, top + FOOTER / 2), 11)
            left = footer.adjusted(16, 0, 0, 0)
        if self.severity == "error":
            painter.setPen(theme.error)
            self._draw(painter, left, self._short)
            return
        painter.setPen(theme.muted)
        metrics = QFontMetricsF(self._small_font)
        right_width = metrics.horizontalAdvance(self.params_text) + 6 if self.params_text else 0
        self._draw(painter, left.adjusted(0, 0, -right_width, 0), self.shape_text)
        if self.params_text:
            painter.drawText(
                footer,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                self.params_text,
            )

    def _badge_width(self) -> float:
        return QFontMetricsF(self._small_font).horizontalAdvance(self.health_text) + 8

    def _paint_health(self, painter: QPainter) -> None:
        """The health badge: the statistic's colour, and its number written on it."""
        painter.setFont(self._small_font)
        width = self._badge_width()
        badge = QRectF(WIDTH - PAD - 2 - width, HEADER + 3, width, 15)
        painter.setPen(QPen(self.theme.node_border, 1.0))
        painter.setBrush(self.health_colour)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(text_on(self.health_colour))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.health_text)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_preview(self, painter: QPainter, top: float, lod: float) -> None:
        """The preview's picture (copied from its pixmap) and its range or what is odd (when
        it can be read at zoom `lod`)."""
        theme = self.theme
        painter.setPen(QPen(with_alpha(theme.node_border, 0.6), 1.0))
        painter.drawLine(QPointF(1, top + 0.5), QPointF(WIDTH - 1, top + 0.5))
        box = QRectF(PAD / 2, top + 3, WIDTH - PAD, PREVIEW - 20)
        pixmap = self.preview_pixmap
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().scaled(
                box.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            if pixmap.height() == 1:  # a vector's heat strip fills the width, 20 high
                size = box.size()
                size.setHeight(min(20.0, box.height()))
            target = QRectF(QPointF(0, 0), size)
            target.moveCenter(box.center())
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
        if lod < DETAIL_ZOOM and not self.preview_alert:
            return
        painter.setFont(self._small_font)
        line = QRectF(PAD / 2, top + PREVIEW - 16, WIDTH - PAD, 14)
        if self.preview_alert:
            painter.setPen(theme.error)
            self._draw(painter, line, self.preview_alert)
        else:
            painter.setPen(theme.muted)
            self._draw(painter, line, self.preview_text or translate("NodeItem", "preview…"))

    @staticmethod
    def _draw(painter: QPainter, rect: QRectF, text: str) -> None:
        metrics = QFontMetricsF(painter.font())
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
