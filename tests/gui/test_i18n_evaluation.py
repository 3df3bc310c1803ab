"""Evaluation in Chinese: after a run, Evaluation, Try it, the Runs table's weights and the
curves' readout say in Chinese which weights their figures come from ("最佳轮次（第 1 轮）"),
the confusion matrix leads to its samples with Chinese titles, and a run whose weights are gone
says why in Chinese; numbers keep the locale's digits. (That every text of these panels is
wrapped, with runs shown, is checked by the walk: `_evaluation` in test_i18n_walk.py.)"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QPushButton

from netstudio.gui import i18n
from netstudio.gui.evaluation.panel import CLASSIFICATION, EMPTY
from netstudio.gui.evaluation.run_weights import describe_epochs, percent
from netstudio.gui.evaluation.try_it import TryItPanel
from netstudio.gui.main_window import MainWindow
from netstudio.gui.panels.run_table import TEST, WEIGHTS

RUN_TIMEOUT = 30_000
#: Epoch 1 stays the best (no later epoch improves the validation loss by 10): the run ends
#: with its best epoch's weights, restored by early stopping.
BEST_EPOCH_ONE = {
    "epochs": 2,
    "regularization": {"early_stopping": {"enabled": True, "patience": 5, "min_delta": 10.0}},
}


def _dock(window: MainWindow, name: str) -> QDockWidget:
    dock = window.findChild(QDockWidget, name)
    assert dock is not None, name
    return dock


def test_evaluating_a_run_in_chinese(qtbot, chinese, window: MainWindow, open_example) -> None:
    path = open_example("digits_mlp.net", BEST_EPOCH_ONE)
    ui = window.evaluation_ui
    evaluation, try_it = ui.evaluation_panel, ui.try_it_panel
    titles = [_dock(window, n).windowTitle() for n in ui.docks]
    assert titles == ["数据预览", "训练记录", "评估", "试一试"]
    assert evaluation.stack.currentIndex() == EMPTY
    assert evaluation.empty.text().startswith("训练网络后即可查看它的表现：请按 F5。")
    assert try_it.empty.text().startswith("“试一试”需要一个训练好的分类器：训练一个分类器（F5）")

    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.findChild(QAction, "train_start").trigger()
    record = done.args[0].record
    assert record["weights"] == "best" and record["best"]["epoch"] == 1

    # Every view names the same weights in the same Chinese words, with the same figure.
    accuracy = percent(record["test_accuracy"])
    assert re.fullmatch(r"\d{1,3}\.\d%", accuracy)
    table = ui.runs_panel.model
    assert table.text(0, WEIGHTS) == "最佳轮次（第 1 轮）" and table.text(0, TEST) == accuracy
    shown = f"权重：最佳轮次（第 1 轮） · 测试准确率 {accuracy}"
    assert evaluation.stack.currentIndex() == CLASSIFICATION
    assert f"<b>训练记录 1</b> · {shown} · 宏平均 F1 " in evaluation.header.text()
    assert evaluation.header.text().endswith(" 个测试样本")
    assert try_it.source.text() == f"训练记录 1 · {shown}"
    best, last, ended = describe_epochs(record).splitlines()  # the Weights column's tooltip
    figures = r"验证准确率 \d{1,3}\.\d%，验证损失 [\d.e+-]+"
    assert re.fullmatch(rf"最佳轮次（第 1 轮）：{figures}", best)
    assert re.fullmatch(rf"最后一轮（第 2 轮）：{figures}", last)
    assert (
        ended
        == "训练结束时采用的是最佳轮次（第 1 轮）的权重：测试结果、“打开权重”和“导出”都使用这组权重"
    )
    report = evaluation.report
    headers = [report.horizontalHeaderItem(c).text() for c in range(report.columnCount())]
    assert headers == ["类别", "精确率", "召回率", "F1", "样本数"]
    support = done.args[0].result.report.support
    assert report.item(3, 4).text() == i18n.number(int(support[3]))

    # A cell of the confusion matrix says what it holds, and a click shows those samples.
    matrix = evaluation.matrix
    model = matrix.model()
    count = model.matrix[2][2]
    tip = model.data(model.index(2, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"2 的 {count} 个测试样本被预测为 2（占 2 的 ")
    assert tip.endswith("，正确）；点击查看这些样本")
    assert matrix.horizontalHeader().toolTip() == "预测类别"
    assert model.headerData(4, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "真实：4"
    rect = matrix.visualRect(model.index(2, 2))
    QTest.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert evaluation.samples.title.text() == f"真实类别 2，预测正确：{count} 个样本"
    assert len(evaluation.samples.indices) == count > 0
    caption = evaluation.samples.grid.rows[0][1][0].caption
    assert re.fullmatch(r"2 \d+%\n真实 2", caption)

    # Try it: the buttons and the answer in Chinese, the prediction of a stroke as before.
    clear, open_image = _button(try_it, "try_it_clear"), _button(try_it, "try_it_open")
    assert (clear.text(), open_image.text()) == ("清除", "打开图像…")
    assert open_image.toolTip() == "对一个图像文件分类（也可以把图像拖放到此面板上）"
    clear.click()
    qtbot.waitUntil(lambda: try_it.answer.text() == "写点什么吧…")
    pad = try_it.pad
    w, h = pad.width(), pad.height()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h // 5))
    for i in range(1, 12):
        QTest.mouseMove(pad, QPoint(w // 2, h // 5 + i * h // 18))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 2, h * 4 // 5))
    qtbot.waitUntil(lambda: try_it.probabilities is not None, timeout=10_000)
    best = int(np.argmax(try_it.probabilities))
    assert re.fullmatch(rf"{best}  \(\d+%\)", try_it.answer.text())

    # The curves' readout counts epochs in Chinese.
    curves = window.training_ui.curves
    box = curves.plots["loss"].getViewBox()
    (_, right), (low, high) = box.viewRange()
    curves.crosshair.move_to(box.mapViewToScene(QPointF(right - 0.05, (low + high) / 2)))
    assert "第 2 轮" in curves.crosshair.labels["loss"].textItem.toPlainText()

    # The weights file is gone: Open weights says what is missing, and where, in Chinese.
    folder = path.parent / record["run_dir"]
    for name in ("last.safetensors", "best.safetensors"):
        (folder / name).unlink()
    runs = ui.runs_panel
    runs.select_rows([0])
    runs.open_button.click()
    qtbot.waitUntil(lambda: "中没有权重" in runs.message.text(), timeout=RUN_TIMEOUT)
    assert runs.message.text() == (
        f"{folder} 中没有权重：应有 last.safetensors 或 best.safetensors"
        "（训练记录文件夹是否被移动或删除了？）"
    )


def _button(panel: TryItPanel, name: str) -> QPushButton:
    button = panel.findChild(QPushButton, name)
    assert button is not None, name
    return button
