"""The GAN's networks in the tabs (issue 15): renaming one renames it in the Training panel's GAN
settings in the same undo step; deleting one is refused naming the setting; while a run trains,
every tab shown is read-only (the discriminator's too), and editable again after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QInputDialog

from netstudio.gui.main_window import MainWindow


def _movable(window: MainWindow) -> list[bool]:
    flag = QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    return [bool(item.flags() & flag) for item in window.scene.nodes.values()]


def _click_tab(window: MainWindow, name: str, double: bool = False) -> None:
    bar = window.network_tabs.bar
    index = window.network_tabs.names().index(name)
    click = QTest.mouseDClick if double else QTest.mouseClick
    click(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
          bar.tabRect(index).center())  # fmt: skip


def test_renaming_the_discriminator_renames_it_in_the_gan_settings_and_undo_puts_both_back(
    window: MainWindow, open_example, hands, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("critic", True))
    )
    open_example("digits_gan.net")
    document = window.document
    qtbot.waitUntil(lambda: document.analysed_once, timeout=20_000)
    _click_tab(window, "discriminator", double=True)  # double-click: rename
    assert list(document.project.networks) == ["generator", "critic"]
    assert document.project.training["gan"]["discriminator"] == "critic"
    assert document.project.training["gan"]["generator"] == "generator"
    assert document.undo_stack.count() == 1
    combo = window.findChild(QComboBox, "training_gan_discriminator")
    qtbot.waitUntil(lambda: combo.currentText() == "critic", timeout=5_000)
    qtbot.waitUntil(lambda: document.analysed_once, timeout=20_000)
    assert not [p for p in document.problems if "critic" in p.message or "discriminator" in
                p.message], [p.message for p in document.problems]  # fmt: skip

    hands.action(window, "edit_undo").trigger()
    assert list(document.project.networks) == ["generator", "discriminator"]
    assert document.project.training["gan"]["discriminator"] == "discriminator"
    qtbot.waitUntil(lambda: combo.currentText() == "discriminator", timeout=5_000)
    hands.action(window, "edit_redo").trigger()
    assert document.project.training["gan"]["discriminator"] == "critic"


def test_deleting_a_network_the_gan_trains_is_refused_naming_the_setting(
    window: MainWindow, open_example, hands
) -> None:
    open_example("digits_gan.net")
    document = window.document
    _click_tab(window, "discriminator")
    assert document.shown_name == "discriminator"
    hands.action(window, "model_delete_network").trigger()
    message = window.statusBar().currentMessage()
    assert "Cannot delete discriminator" in message
    assert "GAN's discriminator" in message and "Generative adversarial: Discriminator" in message
    assert list(document.project.networks) == ["generator", "discriminator"]
    assert document.undo_stack.count() == 0


def test_while_a_gan_trains_the_other_networks_tab_is_read_only_too(
    window: MainWindow, open_example, hands
) -> None:
    open_example("digits_gan.net")
    document = window.document
    session = window.training_ui.session
    assert all(_movable(window))
    session.running_changed.emit(True)  # a run starts: what the Train action leads to
    assert not any(_movable(window))
    _click_tab(window, "discriminator")  # the discriminator trains too
    assert document.shown_name == "discriminator" and not any(_movable(window))
    edges = len(document.graph.edges())
    hands.wire(window, "fc1", "fc2")  # a wire drag is refused
    assert len(document.graph.edges()) == edges
    assert "Editing is locked while training" in window.statusBar().currentMessage()
    assert not hands.action(window, "edit_paste").isEnabled()

    session.running_changed.emit(False)  # the run ended
    assert all(_movable(window))
    _click_tab(window, "generator")
    assert all(_movable(window))
    assert hands.action(window, "model_delete_network").isEnabled()
