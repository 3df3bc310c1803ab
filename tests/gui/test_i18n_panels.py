"""The Layers palette, the Inspector and the Summary in Chinese (area "panels", and the layer
catalogue's words, area "layers"): a person finds a layer by its Chinese description or its
PyTorch name, adds it, reads its doc and parameters in Chinese beside the type name PyTorch
gives it, has a wrong number refused in Chinese, enters a good one, and freezes layers; the
catalogue itself stays English for the CLI and the files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from netstudio.core.catalogue import CATEGORIES, catalogue
from netstudio.gui.layer_reference import layer_page
from netstudio.gui.main_window import MainWindow
from netstudio.gui.palette import TYPE_ROLE, layer_text, param_label

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch, chinese) -> MainWindow:
    """The digits example (a copy) in a main window built in Chinese, its shapes inferred."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    path = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
    assert window.open_file(path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.document.analysed_once, timeout=30000)
    return window


def _listed(window: MainWindow) -> list[str]:
    return [index.data(TYPE_ROLE) for index in window.palette_panel.layer_rows()]


def _form_label(window: MainWindow, param: str) -> QLabel:
    """The label of `param`'s row in the Inspector's form."""
    editor = window.inspector.editors[param].widget
    form_field = editor.parentWidget()
    page = window.inspector.scroll.widget()
    layout = page.layout().itemAt(2).layout()  # the parameters' form
    label = layout.labelForField(form_field)
    assert isinstance(label, QLabel)
    return label


def test_a_person_adds_and_sets_a_layer_in_chinese(qtbot, window: MainWindow) -> None:
    palette, inspector, document = window.palette_panel, window.inspector, window.document
    assert palette.search.placeholderText() == "搜索层…"
    groups = [palette.filter.index(r, 0).data() for r in range(palette.filter.rowCount())]
    assert groups[:6] == ["输入/输出", "核心层", "卷积层", "池化层", "归一化层", "激活函数"]
    conv = palette.index_of("Conv2d")
    assert conv.data() == "Conv2d"  # PyTorch's name stays, its description is Chinese
    assert "二维卷积：学到的卷积核在图像" in conv.data(Qt.ItemDataRole.ToolTipRole)

    # Found by its Chinese description, its English one, or its PyTorch name.
    palette.search.setText("卷积")
    assert {"Conv1d", "Conv2d", "Conv3d", "ConvTranspose2d"} <= set(_listed(window))
    palette.search.setText("fully connected")
    assert _listed(window) == ["Linear"]
    palette.search.setText("置零")
    assert _listed(window) == ["Dropout", "Dropout2d"]

    # Enter adds the first one after the selected layer, and the Inspector shows it.
    window.scene.select_nodes(["relu1"])
    before = {n.id for n in document.graph.nodes()}
    QTest.keyClick(palette.search, Qt.Key.Key_Return)
    (added,) = {n.id for n in document.graph.nodes()} - before
    assert document.graph.node(added).type_id == "Dropout"
    window.inspector.show_node(added)
    page = inspector.scroll.widget()
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "训练时，以概率 p 把每个元素置零。<br><span style='color:gray'>正则化</span>" in texts
    label = _form_label(window, "p")
    assert label.text() == "概率 p"
    assert label.toolTip() == "把一个元素置零的概率\n\nPyTorch 参数名：p"
    assert inspector.editors["p"].widget.toolTip() == "把一个元素置零的概率"

    # A probability of 2 is refused in Chinese and changes nothing; 0.3 is taken.
    box = inspector.editors["p"].widget
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "2")
    QTest.keyClick(box, Qt.Key.Key_Return)
    message = inspector.errors["p"].text()
    assert message == "2 太大：只允许介于 0 和 1 之间的数值。未应用。"
    assert document.graph.node(added).params["p"] == 0.5
    box.selectAll()
    QTest.keyClicks(box, "0.3")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert document.graph.node(added).params["p"] == 0.3
    assert inspector.errors["p"].isHidden()

    # The Summary's table, then freezing the two Linear layers from a selection.
    summary = window.summary.table
    headers = [summary.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(5)]
    assert headers == ["名称", "类型", "输出形状", "参数", "乘加运算"]
    total = summary.rowCount() - 1
    assert summary.index(total, 0).data() == "合计"
    assert summary.index(total, 1).data().startswith(f"{total} 个层，权重 ")
    window.scene.select_nodes(["fc1", "relu1", "fc2"])
    assert inspector.selection_label.text() == "已选择 3 个层。\n其中 2 个有参数；0 个已冻结。"
    assert inspector.freeze_button.text() == "全部冻结"
    qtbot.mouseClick(inspector.freeze_button, Qt.MouseButton.LeftButton)
    assert document.project.training["fine_tuning"]["frozen"] == ["fc1", "fc2"]
    assert inspector.selection_label.text().endswith("其中 2 个有参数；2 个已冻结。")
    fc1_row = next(r for r in range(total) if summary.index(r, 0).data() == "fc1")
    assert summary.index(fc1_row, 1).data().endswith(" · 已冻结")
    assert "个已冻结" in summary.index(total, 1).data()


def test_the_whole_catalogue_reads_in_chinese_and_stays_english_underneath(chinese) -> None:
    """Every category, layer doc, parameter label and parameter doc has its Chinese (a doc
    changed in the catalogue without its translation fails here); the catalogue itself, which
    the CLI prints and the files name, is English."""
    untranslated = [c for c in CATEGORIES if layer_text(c) == c]
    for spec in catalogue():
        words = [spec.doc, *(p.doc for p in spec.params)]
        words += [p.display_name.capitalize() for p in spec.params]
        untranslated += [f"{spec.type_id}: {w}" for w in words if layer_text(w) == w]
    # "eps", "alpha", "beta" are the same words in Chinese texts; their labels are lower-case.
    assert untranslated == [], untranslated
    linear = catalogue().get("Linear")
    assert linear.doc == "Fully connected layer: y = xWᵀ + b over the last dimension."
    assert param_label(linear.param("out_features")) == "输出特征数"
    assert linear.param("out_features").display_name == "out features"
    page = layer_page(catalogue().get("Conv2d"))
    assert "<i>卷积层</i> · Conv2d" in page and "卷积核每次移动的步幅" in page
    assert QCoreApplication.translate("Layers", "Pooling") == "池化层"
