"""The files and dialogs of the app in Chinese (area "app"): a person starts a new project,
adds a layer and reads what Edit ▸ Undo will undo, is asked about unsaved changes, opens and
saves a project, is told why a broken file cannot open, exports the network, is offered
autosaved work back, and looks up a shortcut — every sentence in Simplified Chinese, the file
names and layer types as they are, and the files on disk right."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from netstudio.gui.dialogs import Restore, ask_restore
from netstudio.gui.export_dialog import ExportDialog
from netstudio.gui.help_pages import ShortcutsDialog
from netstudio.gui.import_dialog import ImportDialog
from netstudio.gui.main_window import MainWindow
from netstudio.gui.recovery import when_text
from netstudio.gui.warmup import warm_up_torch
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def answer_box(seen: list[dict[str, str]], button: Callable[[QMessageBox], object]) -> None:
    """Answer the next message box with `button(box)` once it is up, noting what it said."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        texts = {"title": box.windowTitle(), "text": box.text(), "more": box.informativeText()}
        texts["buttons"] = " ".join(b.text() for b in box.buttons())
        seen.append(texts)
        button(box).click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, answer)


def test_files_dialogs_and_undo_in_chinese(qtbot, tmp_path: Path, hands, chinese) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, analysis_ready=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # A new project is untitled in Chinese; a layer added is what Edit ▸ Undo will undo.
    hands.action(window, "file_new").trigger()
    assert window.windowTitle() == "未命名 — NetStudio"
    hands.drop_layer(window, "Linear", QPoint(0, 0))
    assert window.menu_actions.undo.text().startswith("撤销(&U) 添加 Linear '")
    assert window.windowTitle() == "未命名* — NetStudio"

    # Opening another project asks about the unsaved one, in Chinese; Discard goes on.
    path = Path(shutil.copy(EXAMPLES / "digits_mlp.net", tmp_path / "digits_mlp.net"))
    seen: list[dict[str, str]] = []
    answer_box(seen, lambda box: box.button(QMessageBox.StandardButton.Discard))
    assert window.files.maybe_save() and window.open_file(path)
    assert seen[0]["title"] == "保存更改？"
    assert seen[0]["text"] == "“未命名”有尚未保存的更改。\n关闭前要保存吗？"
    assert "丢弃" in seen[0]["buttons"]  # Qt's own words, from Qt's catalogue

    # Saving says so in the status bar; the file on disk is the project.
    hands.action(window, "file_save").trigger()
    assert window.statusBar().currentMessage() == f"已保存 {path}"
    assert load_project(path).name == window.document.project.name

    # A broken file is explained (the file's own problem as it is, for now); nothing changes.
    broken = tmp_path / "broken.net"
    broken.write_text("{ not json", encoding="utf-8")
    answer_box(seen, lambda box: box.button(QMessageBox.StandardButton.Ok))
    assert not window.open_file(broken)
    assert seen[1]["title"] == "无法打开项目" and window.document.path == path

    # File ▸ Export: the form in Chinese, and the code written where asked.
    warm_up_torch()  # as the window does behind itself: the form waits less than the watchdog
    hands.action(window, "file_export").trigger()
    export = window.findChild(ExportDialog, "export_dialog")
    assert export is not None and export.windowTitle() == "导出网络"
    formats = [export.format.itemText(i) for i in range(export.format.count())]
    assert formats[0] == "PyTorch 代码（.py）" and formats[2] == "TorchScript（旧版）"
    assert export.weights.itemText(0) == "全新初始化（使用项目的随机种子）"
    assert export.export_button.text() == "导出"
    target = tmp_path / "digits.py"
    export.path.setText(str(target))
    export.export_button.click()
    assert export.status.text() == "正在导出…"
    qtbot.waitUntil(lambda: bool(export.written) or "失败" in export.status.text(), timeout=30_000)
    assert export.status.text() == f"已导出到 {target}"
    assert "class DigitsMlp(nn.Module)" in target.read_text(encoding="utf-8")
    export.reject()

    # File ▸ Import says what is missing in Chinese.
    hands.action(window, "file_import").trigger()
    imports = window.findChild(ImportDialog, "import_dialog")
    assert imports is not None and imports.windowTitle() == "导入网络"
    assert imports.tabs.tabText(0) == "Python 类"
    imports.import_button.click()
    assert imports.status.text() == "请选择 Python 文件并输入类名。"
    imports.reject()

    # Work autosaved before a crash is offered back with a Chinese date; Later keeps it.
    answer_box(seen, lambda box: next(b for b in box.buttons() if b.text() == "稍后"))
    when = when_text(datetime(2025, 3, 5, 14, 30))
    assert ask_restore(window, "digits_mlp.net", when) is Restore.LATER
    assert seen[2]["title"] == "恢复未保存的工作？"
    assert seen[2]["text"] == (
        "NetStudio 关闭时没有保存对“digits_mlp.net”的更改。\n"
        "这些更改已于 2025年3月5日 14:30 自动保存。要恢复吗？"
    )

    # Help ▸ Keyboard Shortcuts names the menus and actions in Chinese.
    hands.action(window, "help_shortcuts").trigger()
    page = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
    table = page.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert headers == ["操作", "快捷键", "作用"] and page.windowTitle() == "键盘快捷键"
    rows = {action.objectName(): row for row, action in enumerate(page.shown_actions)}
    assert table.item(rows["file_save"], 0).text() == "文件 › 保存"
    assert table.item(rows["file_save"], 2).text() == "保存项目"
    undo = table.item(rows["edit_undo"], 2).text()
    assert undo.startswith("撤销") and not undo.endswith("）")  # the keys are their own column
    page.reject()
