"""The Layers palette: the whole catalogue, searchable, dragged as a layer type id."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from netstudio.core.catalogue import catalogue
from netstudio.gui.canvas.view import LAYER_MIME, CanvasView
from netstudio.gui.palette import TYPE_ROLE, LayerPalette


@pytest.fixture
def palette(qtbot) -> LayerPalette:
    widget = LayerPalette()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def shown(palette: LayerPalette) -> list[str]:
    return [index.data(TYPE_ROLE) for index in palette.layer_rows()]


def test_every_layer_of_the_catalogue_in_palette_order(palette: LayerPalette) -> None:
    assert shown(palette) == [
        s.type_id for specs in catalogue().by_category().values() for s in specs
    ]
    groups = [palette.filter.index(r, 0).data() for r in range(palette.filter.rowCount())]
    assert groups[:3] == ["Input/Output", "Core", "Convolution"]
    linear = palette.index_of("Linear")
    assert "Fully connected" in linear.data(Qt.ItemDataRole.ToolTipRole)


def test_search_by_name_category_or_description(palette: LayerPalette) -> None:
    QTest.keyClicks(palette.search, "conv")
    assert shown(palette) == ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose2d"]
    palette.search.clear()
    QTest.keyClicks(palette.search, "fully connected")
    assert shown(palette) == ["Linear"]
    palette.search.clear()
    QTest.keyClicks(palette.search, "pooling 2d")
    assert "MaxPool2d" in shown(palette) and "MaxPool1d" not in shown(palette)
    palette.search.setText("")
    assert len(shown(palette)) == len(catalogue())


def test_enter_and_double_click_choose_a_layer(qtbot, palette: LayerPalette) -> None:
    QTest.keyClicks(palette.search, "dropout2")
    with qtbot.waitSignal(palette.layer_chosen) as chosen:
        QTest.keyClick(palette.search, Qt.Key.Key_Return)
    assert chosen.args == ["Dropout2d"]
    palette.search.clear()
    index = palette.index_of("GELU")
    palette.tree.scrollTo(index)
    rect = palette.tree.visualRect(index)
    QTest.mouseClick(
        palette.tree.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    with qtbot.waitSignal(palette.layer_chosen) as chosen:
        QTest.mouseDClick(
            palette.tree.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
    assert chosen.args == ["GELU"]


def test_a_layer_drags_as_its_type_id(palette: LayerPalette) -> None:
    index = palette.index_of("BatchNorm2d")
    mime = palette.filter.mimeData([index])
    assert mime.hasFormat(LAYER_MIME)
    assert CanvasView.layer_of(mime) == "BatchNorm2d"
    category = palette.filter.index(0, 0)
    assert not (palette.filter.flags(category) & Qt.ItemFlag.ItemIsDragEnabled)
