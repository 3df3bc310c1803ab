"""Picking the previews' sample in the Data preview: a person opens the digits example, looks
at the samples per class in the Data preview, double-clicks one (or chooses "Use for Previews"
from its context menu), and every node of the canvas shows that training sample."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from netstudio.gui.main_window import MainWindow
from tests.shots import save_shot


def _wait_previews(qtbot, window: MainWindow, text: str) -> None:
    previews = window.previews
    qtbot.waitUntil(
        lambda: previews.sample_text.startswith(text) and not previews.busy, timeout=30_000
    )


def test_a_sample_picked_in_the_data_preview_flows_through_every_node(
    window, open_example, qtbot, hands
) -> None:
    import torch

    from netstudio.core.compiler import compile_graph
    from netstudio.core.previews import weights_by_node
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    panel = window.evaluation_ui.data_panel
    with qtbot.waitSignal(panel.preview_ready, timeout=30_000):
        path = open_example("digits_mlp.net")
    window.show_dock(window.findChild(QDockWidget, "data_preview_dock"))
    _wait_previews(qtbot, window, "training sample 1 of")
    previews = window.previews
    torch.manual_seed(2)
    model = compile_graph(window.document.graph).eval()
    previews.set_weights(weights_by_node(model))  # as an opened run's weights
    data = load_data(DataConfig.model_validate(window.document.project.data), path.parent)

    # Double-click the third "7" of the samples grid.
    preview = panel.preview
    grid = preview.sample_grid
    qtbot.waitUntil(lambda: grid.count > 0 and grid.width() > 0)
    row = [label for label, _ in grid.rows].index("7")
    rect = next(r for rr, c, r in grid._layout() if (rr, c) == (row, 2))
    k = preview.grid_index(row, 2)
    assert k is not None and int(data.train.y[k]) == 7
    assert f"training sample {k + 1}" in grid.rows[row][1][2].tooltip
    QTest.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=rect.center())
    _wait_previews(qtbot, window, f"training sample {k + 1} of")
    assert previews.index == k
    x = data.train.x[k]
    assert torch.equal(previews.previews["input"].value, x.reshape(1, 64))  # the Input's shape
    with torch.no_grad():
        expected = model(x.reshape(1, 64))
    assert torch.allclose(previews.previews["output"].value, expected, atol=1e-5)
    assert window.scene.nodes["fc2"].preview_pixmap is not None

    # Previews off, then "Use for Previews" on another sample: they come back, showing it.
    hands.action(window, "view_previews").trigger()
    assert not previews.shown
    rect = next(r for rr, c, r in grid._layout() if (rr, c) == (0, 5))
    menu = preview.sample_menu(grid, rect.center())
    assert menu is not None
    use = next(a for a in menu.actions() if a.objectName() == "data_preview_use_for_previews")
    assert use.text() == "Use for Previews"
    use.trigger()
    j = preview.grid_index(0, 5)
    assert j is not None and j != k
    assert hands.action(window, "view_previews").isChecked()
    _wait_previews(qtbot, window, f"training sample {j + 1} of")
    assert torch.equal(previews.previews["input"].value, data.train.x[j].reshape(1, 64))
    with torch.no_grad():
        expected = model(data.train.x[j].reshape(1, 64))
    assert torch.allclose(previews.previews["output"].value, expected, atol=1e-5)
    save_shot(window, "previews_picked_sample")
    # No sample under the pointer: no menu.
    assert preview.sample_menu(grid, grid.rect().bottomRight()) is None
