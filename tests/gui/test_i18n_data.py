"""The Data panel and the Data preview in Chinese: a person opens the digits example, reads the
source's description, the groups and the memory settings in Chinese, changes the validation
split (the project changes, Undo names the edit in Chinese), sees the preview's class
balance and samples titled in Chinese, and picks another source by its Chinese name (the
project stores its id); dataset names (MNIST, CIFAR-10) stay as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox

from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.data_source_words import WORDS
from netstudio.training.sources import all_sources
from tests.shots import save_shot

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _labels(form: QFormLayout) -> list[str]:
    items = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
    return [i.widget().text() for i in items if i is not None and isinstance(i.widget(), QLabel)]


def test_the_data_panel_in_chinese(qtbot, tmp_path: Path, monkeypatch, chinese) -> None:
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=True)
    qtbot.addWidget(window)
    path = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
    assert window.open_file(path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    panel = window.evaluation_ui.data_panel
    window.data_dock.raise_()
    qtbot.waitUntil(lambda: panel.preview_data is not None, timeout=30_000)

    combo = panel.source_combo
    assert combo.currentText() == "手写数字（8×8）"  # a source's name that is a word
    assert combo.currentData() == "digits"  # the stored id stays
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names["moons"] == "双月牙" and names["image_folder"] == "图像文件夹"
    assert names["mnist"] == "MNIST" and names["cifar10"] == "CIFAR-10"  # a dataset's name stays
    assert names["csv"] == "CSV" and names["fashion_mnist"] == "Fashion-MNIST"
    assert panel.description.text().startswith("1,797 张真实手写数字")
    assert panel.status.text().startswith("手写数字（8×8）：训练 ")
    assert panel.status.text().endswith("，10 个类别")
    assert panel.splits_box.title() == "数据划分"
    assert panel.augment_box.title() == "数据增强（训练图像）"
    assert panel.memory_box.title() == "内存"
    assert panel.params_box.title() == "手写数字（8×8） 设置"
    assert panel.cache_check.text() == "在磁盘上缓存解码后的图像"
    assert panel.budget_spin.specialValueText() == "自动"
    items = [panel.streaming_combo.itemText(i) for i in range(panel.streaming_combo.count())]
    assert items == ["自动", "总是", "从不"]
    assert panel.streaming_combo.currentData() == "auto"  # the stored value stays
    assert _labels(panel.params_form) == ["数字"]
    assert panel.editors["digits"].widget.toolTip().startswith("保留的数字")
    qtbot.waitUntil(lambda: panel.loading_plan.text().startswith("训练："), timeout=20_000)
    save_shot(panel, "i18n_data_panel")

    # The person changes the validation split: the project holds it, Undo says it in Chinese.
    panel.val_spin.setValue(25)
    assert window.document.project.data["val_fraction"] == 0.25
    assert window.document.undo_stack.undoText() == "更改验证集比例"
    window.document.undo_stack.undo()
    assert window.document.project.data.get("val_fraction") != 0.25

    preview = panel.preview
    qtbot.waitUntil(  # the undo reloads the preview: wait for it again
        lambda: not preview.message.isVisibleTo(preview) and preview.augment_grid.count > 0,
        timeout=30_000,
    )
    assert preview.samples_box.title() == "样本"
    assert preview.balance_box.title() == "类别分布（训练集）"
    assert preview.augment_box.title() == "数据增强（第一张为原图）"
    tip = preview.sample_grid.rows[0][1][0].tooltip
    assert tip.startswith("训练样本 ") and "双击可在每一层的预览中显示它" in tip
    menu = preview.sample_menu(preview.sample_grid, preview.sample_grid._layout()[0][2].center())
    assert menu is not None and menu.actions()[0].text() == "用于预览"
    dock = window.evaluation_ui.docks["data_preview_dock"]
    dock.show()
    dock.raise_()
    preview.resize(900, 420)
    save_shot(preview, "i18n_data_preview")

    # The person picks the two moons by their Chinese name: the project stores the source's id.
    index = combo.findText("双月牙")
    combo.setCurrentIndex(index)
    with qtbot.waitSignal(panel.preview_ready, timeout=30_000):
        combo.activated.emit(index)
    assert window.document.project.data["source"] == "moons"
    assert window.document.undo_stack.undoText() == "使用 双月牙 数据"
    assert panel.status.text().startswith("双月牙：训练 ")


def test_every_data_source_word_is_listed_for_translation() -> None:
    """A new source, or a changed description or setting, fails here until it is listed in
    data_source_words.WORDS (and so reaches the catalogue)."""
    listed = set(WORDS)
    for source in all_sources():
        assert source.description in listed, source.id
        for spec in source.params:
            assert spec.display_name.capitalize() in listed, (source.id, spec.name)
            assert spec.doc in listed, (source.id, spec.name)


def test_a_loaded_datas_name_is_shown_in_chinese(chinese) -> None:
    """The summary's name: a source's word translated, the folder or file it read as it is."""
    from netstudio.gui.panels.data_panel import shown_name

    assert shown_name("Digits (8×8)") == "手写数字（8×8）"
    assert shown_name("Image folder flowers") == "图像文件夹 flowers"
    assert shown_name("CSV iris.csv") == "CSV iris.csv"
    assert shown_name("CIFAR-10") == "CIFAR-10"
    assert shown_name("my data") == "my data"  # not a source's: as it is


def test_a_missing_folder_says_its_fix_in_chinese(chinese) -> None:
    from netstudio.gui.data_messages import data_error_shown, data_error_text
    from netstudio.training.loaded_data import DataError, DataFix

    error = DataError(
        "MNIST files not found in data/", fixes=[DataFix.CHOOSE_FOLDER, DataFix.DOWNLOAD]
    )
    shown = data_error_shown(error, in_data_panel=True)
    assert shown == (
        "MNIST files not found in data/ 请用“文件夹”旁的“…”按钮选择存放它们的文件夹，"
        "或请勾选“下载”，联网时自动获取。"
    )
    assert data_error_text(error).startswith("MNIST files not found in data/. Choose the folder")
