"""NetStudio in Chinese: the main window, its menus, docks, status bar and Problems list read in
Simplified Chinese once the language is installed, while the CLI's messages stay English;
View > Language keeps the choice for the next start and says so in the language chosen; the
app starts in the system's language when it has it; English plurals read right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox

from netstudio.gui import i18n
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.problems import NODE_ROLE


def test_the_main_window_in_chinese(qtbot, chinese, window: MainWindow, open_example) -> None:
    open_example("digits_mlp.net")  # `chinese` comes first: installed before the window is built
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✓ 有效 · "), timeout=20000)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "模型(&M)", "训练(&T)", "帮助(&H)"]
    file_menu = window.menuBar().findChild(QMenu, "menu_file")
    assert file_menu is not None and file_menu.objectName() == "menu_file"  # names stay English
    open_action = window.menu_actions.open
    assert open_action.text() == "打开(&O)…" and open_action.toolTip() == "打开项目（Ctrl+O）"
    assert window.findChild(QDockWidget, "layers_dock").windowTitle() == "层"
    assert window.windowTitle() == "digits_mlp.net — NetStudio"

    # The network loses its Output: the status bar and Problems say so in Chinese, the node's
    # name and type as they are; the same problem in the CLI's words stays English.
    document = window.document
    assert document is not None
    output = next(n for n in document.graph.nodes() if n.spec.role == "output")
    window.scene.select_nodes([output.id])
    window.menu_actions.delete.trigger()
    qtbot.waitUntil(lambda: window.validity_label.text() == "✗ 1 个错误", timeout=20000)
    undo = window.menu_actions.undo  # its tooltip names the step without the menu's "(&U)"
    assert undo.text().startswith("撤销(&U) ")
    assert undo.toolTip().startswith("撤销 ") and "(U)" not in undo.toolTip()
    assert undo.toolTip().endswith("（Ctrl+Z）")
    items = [window.problems.item(i) for i in range(window.problems.count())]
    assert [item.text() for item in items] == [
        "网络没有输出（Output）节点：请添加一个，并把最后一层连到它"
    ]
    assert items[0].data(NODE_ROLE) is None
    assert window.problems_dock.windowTitle() == "问题（1）"
    (problem,) = document.problems
    assert str(problem) == (
        "error: graph: the network has no Output node: add one and wire the last layer into it"
    )


def test_qt_standard_buttons_are_chinese_too(chinese) -> None:
    """Qt's own catalogue (qtbase) is loaded beside NetStudio's: standard dialogs' buttons."""
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("Validation", "no Input reaches {node}: it never gets data")
    assert i18n.language() == "zh_CN"


def test_choosing_a_language_keeps_it_for_the_next_start(
    qtbot, digits_window: MainWindow, monkeypatch
) -> None:
    window = digits_window
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    languages = window.menuBar().findChild(QMenu, "menu_language")
    assert languages is not None
    entries = [a.text() for a in languages.actions()]
    assert entries == ["&System Language", "English", "简体中文"]
    assert window.menu_actions.language["system"].isChecked()

    window.menu_actions.language["zh_CN"].trigger()
    assert window.settings is not None and window.settings.value(i18n.SETTING) == "zh_CN"
    assert shown == [
        ("语言", "NetStudio 下次启动时将使用这种语言。在你退出之前，当前的工作会一直保持打开。")
    ]
    assert window.menuBar().actions()[0].text() == "&File"  # this window stays as it is

    window.menu_actions.language["en"].trigger()  # English is what is shown now: no notice
    assert len(shown) == 1 and window.settings.value(i18n.SETTING) == "en"
    window.menu_actions.language["zh_CN"].trigger()
    window.settings.sync()

    # The next start: the saved choice is checked, and it is the language installed.
    again = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert i18n.resolve(i18n.saved_choice(again)) == "zh_CN"
    second = MainWindow(again, analysis_ready=False)
    qtbot.addWidget(second)
    assert second.menu_actions.language["zh_CN"].isChecked()


def test_the_system_language_is_used_when_netstudio_has_it() -> None:
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_TW")) == "zh_CN"  # Chinese: closer than English
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.resolve("en", QLocale("zh_CN")) == "en"
    assert i18n.saved_choice(None) == "system"


def test_english_plurals_and_numbers(digits_window: MainWindow) -> None:
    window = digits_window
    assert window.tr("✗ %Ln error(s)", "", 1) == "✗ 1 error"
    assert window.tr("✗ %Ln error(s)", "", 3) == "✗ 3 errors"
    assert i18n.number(1234567) == i18n.locale().toString(1234567)
    assert window.zoom_label.text().endswith("%")
