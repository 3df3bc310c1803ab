"""Story: a person who reads Chinese opens the CIFAR-10 CNN. The cards say what each layer is in
Chinese beside PyTorch's own names ("Conv2d · 32, 3×3, 填充 1"), with the output shape and a
short parameter count ("18.5 k"); a port says its shape on hover. They find a layer with the
find bar, open quick-add, make a block of two layers (the dialog, the status bar and the undo
entry are Chinese, the saved file holds the block's network), try to delete the main network
and are told why not, and see a broken layer's problem on its card in Chinese. English stays
as it was (the existing canvas tests read it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from netstudio.core.catalogue import catalogue
from netstudio.gui import i18n
from netstudio.gui.block_texts import counted
from netstudio.gui.canvas.subtitles import short_count, subtitle
from netstudio.gui.main_window import MainWindow
from tests.gui.test_i18n_walk import NOT_YET, offenders, pseudo_window  # noqa: F401 (a fixture)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def cnn_window(qtbot, tmp_path: Path, monkeypatch, chinese) -> MainWindow:
    """The CIFAR-10 CNN (a copy) open in Chinese, shapes inferred; the names the window asks
    for are answered with the one it offers, and each question is kept in `window.asked`."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    asked: list[tuple[str, str]] = []

    def get_text(parent, title, label, mode, text=""):
        asked.append((title, label))
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    path = Path(shutil.copy(EXAMPLES / "cifar10_cnn.net", tmp_path / "cifar10_cnn.net"))
    assert window.open_file(path)
    window.show()
    qtbot.waitExposed(window)
    scene = window.scene
    qtbot.waitUntil(lambda: scene.nodes["fc1"].params_text != "", timeout=30000)
    return window


def test_the_canvas_in_chinese(qtbot, cnn_window: MainWindow, tmp_path: Path) -> None:
    window = cnn_window
    scene, view = window.scene, window.view
    conv1, conv2, fc1 = scene.nodes["conv1"], scene.nodes["conv2"], scene.nodes["fc1"]
    assert conv1.subtitle == "Conv2d · 32, 3×3, 填充 1"
    assert fc1.subtitle == "Linear · 512 个单元"
    assert scene.nodes["pool1"].subtitle == "MaxPool2d · 2×2"
    # The footer: the shape as it is, the count with k and M (see canvas/subtitles.py).
    assert (conv2.shape_text, conv2.params_text) == ("N×64×16×16", "18.5 k")
    assert (conv1.params_text, fc1.params_text) == ("896", "2.1 M")
    assert conv1.port("in", True).toolTip() == "输入“in” · N×3×32×32"
    assert conv1.port("out", False).toolTip() == "输出“out” · N×32×32×32"
    assert view.accessibleName() == "网络画布"
    assert view.overview.toolTip() == "整个网络：点击或拖动，把视图移到那里"

    # Edit > Find Layer…: the bar speaks Chinese; no match, then the two conv layers.
    window.menu_actions.find.trigger()
    bar = view.find_bar
    assert bar.isVisible() and bar.field.placeholderText() == "按名称或类型查找层"
    bar.field.setText("zzz")
    assert bar.count.text() == "没有匹配"
    bar.field.setText("conv")
    assert bar.count.text() in ("找到 2 个", "第 1/2 个")
    bar.next()
    assert bar.count.text() in ("第 1/2 个", "第 2/2 个")
    assert bar.next_button.toolTip() == "下一个匹配（Enter、F3）"
    bar.close_bar()

    # Quick-add on the canvas after the selected layer says where the layer goes.
    scene.select_nodes(["fc2"])
    popup = window.editing.quick_add(QPointF(0, 0))
    assert popup.title.text() == "在 fc2 之后添加一层"
    assert popup.search.placeholderText() == "输入层的名称…"
    popup.hide()

    # Model > Make Block of conv2 and relu2: asked in Chinese, told in Chinese, one undo step.
    scene.select_nodes(["conv2", "relu2"])
    window.menu_actions.make_block.trigger()
    assert window.asked == [("生成模块", "模块所用网络的名称：")]  # type: ignore[attr-defined]
    assert window.statusBar().currentMessage() == "已用 2 个层生成模块 block1：双击它可打开它的网络"
    assert window.document.undo_stack.undoText() == "生成模块 block1"
    tabs = window.network_tabs
    tips = [tabs.bar.tabToolTip(i) for i in range(tabs.bar.count())]
    assert tips == [
        "main：主网络，训练的就是它",
        "block1：作为模块使用（双击 Block 节点可来到这里）",
    ]
    window.menu_actions.save.trigger()
    saved = json.loads((tmp_path / "cifar10_cnn.net").read_text(encoding="utf-8"))
    assert [n["name"] for n in saved["networks"]] == ["main", "block1"]

    # The main network cannot be deleted: the status bar says why, in Chinese.
    window.menu_actions.delete_network.trigger()
    assert window.statusBar().currentMessage() == (
        "无法删除 main：“main”是主网络（训练的就是它）：请先把另一个网络设为主网络（设为主网络）"
    )
    assert list(window.document.project.networks) == ["main", "block1"]

    # A layer left unwired shows its problem on its card in Chinese, its name as it is.
    scene.select_nodes(["flatten"])
    window.menu_actions.delete.trigger()
    fc1 = scene.nodes["fc1"]
    qtbot.waitUntil(lambda: fc1.severity == "error", timeout=20000)
    assert "Linear 'fc1' 的输入没有连接：请把某一层的输出连到它" in fc1.toolTip().split("\n")
    # The footer keeps the name where the Chinese needs it ("的…" does not read alone).
    assert fc1._short == "Linear 'fc1' 的输入没有连接：请把某一层的输出连到它"


def test_the_subtitle_words_in_chinese_and_english(qapp) -> None:
    """Each kind of subtitle term; the type name and PyTorch's values stay; English is the
    catalogue's own text, byte for byte."""
    layers = catalogue()
    cases = [
        ("Conv2d", {"out_channels": 8, "kernel_size": [5, 5], "stride": [2, 2], "padding": [1, 1]}),
        ("Linear", {"out_features": 4, "bias": False}),
        ("GroupNorm", {"num_groups": 4, "num_channels": 8}),
        ("LeakyReLU", {"negative_slope": 0.1}),
        ("MultiheadAttention", {"embed_dim": 8, "num_heads": 2}),
        ("Dropout", {"p": 0.5}),
    ]
    specs = [(layers.get(t), layers.get(t).check_params(p)) for t, p in cases]
    i18n.install("en")
    english = [subtitle(spec, params) for spec, params in specs]
    assert english == [spec.describe(params) for spec, params in specs]
    i18n.install("zh_CN")
    try:
        chinese = [subtitle(spec, params) for spec, params in specs]
    finally:
        i18n.install("en")
    assert chinese == [
        "Conv2d · 8, 5×5, 步幅 2, 填充 1",
        "Linear · 4 个单元, 无偏置",
        "GroupNorm · 4 组",
        "LeakyReLU · 斜率 0.1",
        "MultiheadAttention · 2 个头",
        "Dropout · p=0.5",
    ]
    assert [short_count(n) for n in (999, 18_496, 235_146, 2_097_664)] == [
        "999", "18.5 k", "235 k", "2.1 M"
    ]  # fmt: skip


def test_block_texts_read_right_in_english(qapp) -> None:
    """The counts in the block texts: English singular and plural from its catalogue."""
    i18n.install("en")
    texts = counted()
    assert texts.made_block("b", 1) == (
        "Made the block b of 1 layer: double-click it to open its network"
    )
    assert texts.made_block("b", 3).startswith("Made the block b of 3 layers:")
    assert texts.paste_with_networks("Paste 2 nodes", "b1", 1) == (
        "Paste 2 nodes with the network b1"
    )
    assert texts.paste_with_networks("Paste 2 nodes", "b1, b2", 2) == (
        "Paste 2 nodes with the networks b1, b2"
    )


def test_the_walk_finds_an_unwrapped_canvas_string(pseudo_window) -> None:  # noqa: F811
    """The canvas walk can fail: a plain tooltip on the overview map is reported with its path."""
    pseudo_window.view.overview.setToolTip("The whole network")
    found = offenders(pseudo_window, ["canvas"], NOT_YET)
    assert found == ["canvas/overview/toolTip: 'The whole network'"]
