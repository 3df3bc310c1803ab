"""Previews of a Block node: a person opens the residual-blocks example and sees, on the Block
node's card, the output of its last copy; with a run's weights it is the model's own output;
after an edit inside the block's network the card shows the edited network's output."""

from __future__ import annotations

from netstudio.gui.main_window import MainWindow
from tests.shots import save_shot


def _wait_previews(qtbot, window: MainWindow) -> None:
    previews = window.previews
    qtbot.waitUntil(lambda: bool(previews.previews) and not previews.busy, timeout=30_000)


def test_a_block_nodes_card_previews_its_last_copys_output(
    window, open_example, qtbot, hands
) -> None:
    import torch

    from netstudio.core.compiler import compile_graph
    from netstudio.core.previews import PreviewEngine, weights_by_node

    open_example("residual_blocks.net")
    assert hands.action(window, "view_previews").isChecked()
    _wait_previews(qtbot, window)
    previews, card = window.previews, window.scene.nodes["blocks"]
    fresh = previews.previews["blocks"]
    assert fresh.shape == (1, 16, 8, 8) and fresh.error is None
    assert card.preview_pixmap is not None and " .. " in card.preview_text
    assert not card.preview_alert
    window.view.centerOn(card)
    save_shot(window, "previews_block_card")

    # A run's weights (as opening a run gives them): the card shows what the model computes.
    graph = window.document.graph
    torch.manual_seed(1)
    model = compile_graph(graph).eval()
    kept: dict[str, torch.Tensor] = {}
    model.get_submodule("blocks.2").register_forward_hook(
        lambda m, a, out: kept.__setitem__("blocks", out)
    )
    sample = previews.previews["input"].value
    with torch.no_grad():
        expected = model(sample)
    previews.set_weights(weights_by_node(model))
    qtbot.waitUntil(lambda: previews.previews["blocks"] is not fresh, timeout=30_000)
    _wait_previews(qtbot, window)
    assert torch.allclose(previews.previews["blocks"].value, kept["blocks"], atol=1e-5)
    assert torch.allclose(previews.previews["output"].value, expected, atol=1e-5)

    # Inside the block's network (double-click the Block node: its tab), an edit; back on
    # the main network the card shows the edited network's output.
    window.scene.node_double_clicked.emit("blocks")
    assert window.document.shown_name == "res_block"
    window.scene.select_nodes(["bn2"])
    hands.type_into(window.inspector.editors["eps"].widget, "0.5")
    assert window.document.project.networks["res_block"].node("bn2").params["eps"] == 0.5
    window.network_tabs.bar.setCurrentIndex(window.network_tabs.names().index("main"))
    assert window.document.shown_name == "main"
    _wait_previews(qtbot, window)
    engine = PreviewEngine(graph, previews.previews["input"].value[0])
    expected_blocks = engine.update()["blocks"].value
    engine.close()
    assert torch.equal(previews.previews["blocks"].value, expected_blocks)
    assert not torch.equal(previews.previews["blocks"].value, fresh.value)
