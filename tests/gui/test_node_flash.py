"""A node's item flashes its outline a few times (the node at fault when a run fails), then
looks as before; an invalid node stays marked invalid.

The waits are generous: six 20 ms ticks take far longer than that on a loaded host running two
test processes (CI once saw more than 3 s), and how soon they come is not what is tested."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from netstudio.gui.canvas.node_item import NodeItem
from netstudio.gui.style import CanvasTheme

#: How long a test waits for the blinking to end.
PATIENCE_MS = 20_000


def _item() -> NodeItem:
    return NodeItem("fc1", QColor("#4a7ab5"), CanvasTheme.from_palette())


def _wait_until_still(qtbot, item: NodeItem, also=lambda: None) -> None:
    """Wait for the blinking to end; when it does not, say whether the timer still runs."""
    try:
        qtbot.waitUntil(lambda: also() or not item.flashing, timeout=PATIENCE_MS)
    except WaitTimedOut as error:
        timer = item._flash_timer
        active = timer is not None and timer.isActive()
        raise AssertionError(
            f"still blinking after {PATIENCE_MS} ms: {item._flash_steps} half-blinks left, "
            f"timer active: {active}"
        ) from error


def test_flash_blinks_then_returns_to_normal(qtbot) -> None:
    item = _item()
    item.set_problem("error", "fc1: expects 2-D input")
    assert not item.flashing and not item.flash_lit
    item.flash(times=3, interval_ms=20)
    assert item.flashing and item.flash_lit
    lit: list[bool] = []
    _wait_until_still(qtbot, item, also=lambda: lit.append(item.flash_lit))
    blinks = sum(1 for a, b in zip([False, *lit], lit, strict=False) if b and not a)
    assert blinks >= 1 and not item.flash_lit
    assert item.severity == "error"  # still invalid


def test_flash_again_starts_over(qtbot) -> None:
    item = _item()
    item.flash(times=2, interval_ms=1000)
    item.flash(times=3, interval_ms=10)
    _wait_until_still(qtbot, item)
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
    _wait_until_still(qtbot, item)
    assert _render(scene) == before
