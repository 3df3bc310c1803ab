"""A node's item flashes its outline a few times (the node at fault when a run fails), then
looks as before; an invalid node stays marked invalid."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.style import CanvasTheme


def _item() -> NodeItem:
    return NodeItem("fc1", QColor("#4a7ab5"), CanvasTheme.from_palette())


def test_flash_blinks_then_returns_to_normal(qtbot) -> None:
    item = _item()
    item.set_problem("error", "fc1: expects 2-D input")
    assert not item.flashing and not item.flash_lit
    item.flash(times=3, interval_ms=20)
    assert item.flashing and item.flash_lit
    lit: list[bool] = []
    qtbot.waitUntil(lambda: lit.append(item.flash_lit) or not item.flashing, timeout=3000)
    blinks = sum(1 for a, b in zip([False, *lit], lit, strict=False) if b and not a)
    assert blinks >= 1 and not item.flash_lit
    assert item.severity == "error"  # still invalid


def test_flash_again_starts_over(qtbot) -> None:
    item = _item()
    item.flash(times=2, interval_ms=1000)
    item.flash(times=3, interval_ms=10)
    qtbot.waitUntil(lambda: not item.flashing, timeout=3000)
    assert item.severity is None and not item.flash_lit


def _render(scene: QGraphicsScene) -> QImage:
    image = QImage(200, 120, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 200, 120), QRectF(-20, -20, 200, 120))
    painter.end()
    return image


def test_the_lit_outline_is_drawn_and_gone_after(qtbot) -> None:
    scene = QGraphicsScene()
    item = _item()
    scene.addItem(item)
    before = _render(scene)
    item.flash(times=1, interval_ms=50)
    assert _render(scene) != before
    qtbot.waitUntil(lambda: not item.flashing, timeout=3000)
    assert _render(scene) == before
