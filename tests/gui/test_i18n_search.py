"""The search in Chinese: "Search this…" on the learning rate opens its dialog in Chinese, the
field's mark and the undo text say what is searched in Chinese, the Search panel's form,
choices, trial states and status lines are Chinese (Optuna's names, TPE and Hyperband, stay),
Apply best writes the best trial's value into the project, and the Runs table names a trial's
run in Chinese. (That every text there is wrapped is checked by `_search` in
test_i18n_walk.py.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QPushButton

from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.run_table import STATUS, TRIAL
from netstudio.gui.search_fields import SEARCH_THIS, search_offer
from tests.shots import save_shot


def test_searching_the_learning_rate_in_chinese(
    qtbot, chinese, window: MainWindow, open_example, hands
) -> None:
    open_example("digits_mlp.net")
    document = window.document
    assert document is not None
    lr = window.findChild(QAbstractSpinBox, "training_optimizer_lr")
    menu = search_offer(lr).menu()
    (entry,) = [a for a in menu.actions() if a.objectName() == SEARCH_THIS]
    assert entry.text() == "搜索此项…"
    entry.trigger()
    dialog = window.search_ui.host.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "搜索 学习率"
    assert dialog.range_button.text() == "一个范围" and dialog.log.text().startswith("对数刻度")
    hands.type_into(dialog.low, "abc", enter=False)
    dialog.findChild(QPushButton, "search_ok").click()  # refused, with the reason in Chinese
    assert "请输入 0.001 或 1e-4 这样的数字" in dialog.message.text()
    hands.type_into(dialog.low, "0.0005", enter=False)
    hands.type_into(dialog.high, "0.05", enter=False)
    assert dialog.findChild(QPushButton, "search_ok").text() == "搜索"
    dialog.findChild(QPushButton, "search_ok").click()
    assert lr.toolTip().startswith("搜索中：0.0005 … 0.05（对数）")
    assert document.undo_stack.undoText() == "搜索 training.optimizer.lr"
    domain = document.project.search["parameters"][0]["domain"]
    assert (domain["low"], domain["high"], domain["log"]) == (0.0005, 0.05, True)

    window.show_dock(window.search_ui.dock)
    panel = window.search_ui.panel
    assert window.search_ui.dock.windowTitle() == "搜索"
    assert panel.parameters.horizontalHeaderItem(0).text() == "搜索项"
    assert panel.parameters.item(0, 1).text() == "0.0005 … 0.05（对数）"
    samplers = [panel.sampler.itemText(i) for i in range(panel.sampler.count())]
    assert samplers[0] == "TPE（从之前的试验中学习）"
    pruners = [panel.pruner.itemText(i) for i in range(panel.pruner.count())]
    assert pruners == ["中位数", "Hyperband", "关闭"]
    assert panel.trials_box.specialValueText() == "不限"
    hands.type_into(panel.trials_box, "3")
    assert document.project.search["trials"] == 3
    assert document.undo_stack.undoText() == "修改超参数搜索"

    # Trials as the worker reports them (a real search runs in test_search_story.py).
    panel.worker.stopping = False
    for number, state, value, rate in ((0, "complete", 0.8, 0.001), (1, "complete", 0.9, 0.01),
                                       (2, "pruned", 0.3, 0.04)):  # fmt: skip
        params = {"training.optimizer.lr": rate}
        panel._on_event({"event": "trial", "number": number, "state": state, "value": value,
                         "params": params, "seconds": 1.25})  # fmt: skip
    table = panel.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["试验", "取值", "目标值", "状态", "用时"]
    assert [table.item(r, 3).text() for r in range(3)] == ["已完成", "已完成", "已剪枝"]
    assert table.item(0, 4).text() == "1.2 秒" or table.item(0, 4).text() == "1.3 秒"
    assert panel._ended_text(3, panel.best(), False) == "搜索已结束：3 次试验；最佳：试验 1"
    assert panel.charts.best_plot.getPlotItem().getAxis("left").labelText == "目前最佳"
    panel.resize(1200, 420)
    save_shot(panel, "i18n_search_panel")
    panel.apply_button.click()
    assert document.project.training["optimizer"]["lr"] == 0.01
    assert panel.status.text() == "已应用试验 1 的取值"
    assert document.undo_stack.undoText() == "应用搜索试验 1"

    document.add_run({"id": "t1", "name": "Trial 1 of digits_mlp", "status": "finished",
                      "epochs": [{"epoch": 1, "val_accuracy": 0.9}],
                      "trial": {"study": "digits_mlp", "number": 1,
                                "params": {"training.optimizer.lr": 0.01}}})  # fmt: skip
    runs = window.evaluation_ui.runs_panel
    model = runs.model
    assert model.headerData(TRIAL, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "试验"
    assert model.text(0, TRIAL) == "digits_mlp 的第 1 次"
    assert model.text(0, STATUS) == "已完成"
    tip = model.data(model.index(0, TRIAL), Qt.ItemDataRole.ToolTipRole)
    assert tip == "试验 digits_mlp 的第 1 次，尝试了：\ntraining.optimizer.lr = 0.01"
    assert runs.open_button.text() == "打开权重"
    window.show_dock(window.evaluation_ui.docks["runs_dock"])
    runs.select_rows([0])
    runs.resize(1000, 300)
    save_shot(runs, "i18n_search_runs")
