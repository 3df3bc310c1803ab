"""The Curves panel's tools: smoothing, log scale, the crosshair readout, PNG and CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from netstudio.gui.training.curve_tools import moving_average
from netstudio.gui.training.curves import CurvesPanel
from netstudio.training.results import BatchMetrics, EpochMetrics


@pytest.fixture
def panel(qtbot, fake_session) -> CurvesPanel:
    panel = CurvesPanel(fake_session)
    qtbot.addWidget(panel)
    panel.resize(1000, 260)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_epochs(4)
    losses = [2.0, 1.0, 4.0, 0.5, 0.25, 0.5, 0.1, 0.05]
    panel.add_batches(
        [BatchMetrics(1 + i // 2, 1 + i % 2, 2, loss, 0.01, 100.0) for i, loss in enumerate(losses)]
    )
    panel.add_epochs(
        [EpochMetrics(e, 1.0 / e, 0.5 + e / 10, 1.2 / e, 0.4 + e / 10, 0.01, 0.1, 100.0)
         for e in (1, 2, 3, 4)]
    )  # fmt: skip
    panel.redraw()
    return panel


def test_moving_average_follows_the_weight_of_the_past() -> None:
    values = np.array([1.0, 3.0, np.nan, 3.0])
    assert np.array_equal(moving_average(values, 0.0), [1.0, 3.0, 3.0, 3.0])
    assert np.allclose(moving_average(values, 0.5), [1.0, 2.0, 2.0, 2.5])
    assert np.allclose(moving_average(np.array([3.0]), 0.5, start=1.0), [2.0])


def test_the_smoothing_slider_smooths_the_whole_run_again(panel: CurvesPanel) -> None:
    panel.controls.slider.setValue(0)  # no smoothing: the smoothed curve is the loss itself
    smoothed, loss = panel.buffers["smoothed"].y, panel.buffers["batch_loss"].y
    assert np.array_equal(smoothed, loss)
    panel.controls.slider.setValue(90)
    assert panel.smoothing == pytest.approx(0.9)
    assert np.allclose(panel.buffers["smoothed"].y, moving_average(loss, 0.9))
    assert panel.controls.value.text() == "0.90"
    # A run going on continues from there.
    panel.add_batches([BatchMetrics(5, 1, 2, 1.0, 0.01, 100.0)])
    assert np.allclose(
        panel.buffers["smoothed"].y, moving_average(panel.buffers["batch_loss"].y, 0.9)
    )


def test_log_scale_puts_the_losses_on_a_log_axis(panel: CurvesPanel) -> None:
    panel.controls.log.setChecked(True)
    for key, least, most in (("batch", 0.05, 4.0), ("loss", 0.25, 1.2)):
        assert panel.plots[key].getAxis("left").logMode
        (left, right), (low, high) = panel.plots[key].getViewBox().viewRange()
        assert low < np.log10(least) < np.log10(most) < high  # log10 of the values seen
        assert high - low < 1.2 * (np.log10(most) - np.log10(least))
        assert left < 0 and 4 < right < 4.2  # the epochs still span x
    assert not panel.plots["accuracy"].getAxis("left").logMode
    panel.controls.log.setChecked(False)
    (_, _), (low, _) = panel.plots["loss"].getViewBox().viewRange()
    assert low <= 0 and not panel.plots["loss"].getAxis("left").logMode


def test_the_crosshair_reads_the_nearest_epoch_and_steps_the_legend_aside(panel) -> None:
    plot = panel.plots["loss"]
    box = plot.getViewBox()
    scene = box.mapViewToScene(QPointF(2.2, 0.5))
    panel.crosshair.move_to(scene)
    label, line = panel.crosshair.labels["loss"], panel.crosshair.lines["loss"]
    assert label.isVisible() and line.isVisible() and line.value() == pytest.approx(2.0)
    text = label.textItem.toPlainText()
    assert "epoch 2" in text and "train 0.5" in text and "validation 0.6" in text
    assert not plot.legend.isVisible()
    assert not panel.crosshair.labels["batch"].isVisible()
    panel.crosshair.move_to(QPointF(-100, -100))  # off the plots
    assert not label.isVisible() and plot.legend.isVisible()


def test_context_menu_saves_png_and_the_plot_data_as_csv(
    panel, tmp_path: Path, monkeypatch
) -> None:
    box = panel.plots["accuracy"].getViewBox()
    pos = panel.view.mapFromScene(box.sceneBoundingRect().center())
    actions = [a.text() for a in panel.menu.menu(QPoint(pos.x(), pos.y())).actions()]
    assert actions == ["Save Image as PNG…", "Save “Accuracy per epoch” Data as CSV…"]
    assert [a.text() for a in panel.menu.menu(QPoint(-5, -5)).actions()] == ["Save Image as PNG…"]

    target = tmp_path / "acc.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert panel.menu.save_csv("accuracy")
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["epoch", "train accuracy", "validation accuracy"]
    assert rows[1:] == [
        ["1", "0.6", "0.5"],
        ["2", "0.7", "0.6"],
        ["3", "0.8", "0.7"],
        ["4", "0.9", "0.8"],
    ]

    image = tmp_path / "curves.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(image), ""))
    assert panel.menu.save_png() and image.stat().st_size > 1000
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not panel.menu.save_csv("loss")  # cancelled: nothing written


def test_a_csv_that_cannot_be_written_is_reported(panel, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "netstudio.gui.training.curve_tools.show_message",
        lambda _p, title, text: shown.append(text),
    )
    assert not panel.menu.save_csv("lr", tmp_path / "missing" / "lr.csv")
    assert shown and "lr.csv" in shown[0]


def test_the_log_range_takes_in_the_first_value_above_zero(qtbot, fake_session) -> None:
    panel = CurvesPanel(fake_session)
    qtbot.addWidget(panel)
    panel.set_epochs(2)
    panel.controls.log.setChecked(True)
    panel.add_batches([BatchMetrics(1, 1, 2, 0.0, 0.01, 100.0)])  # a loss of exactly 0 first
    panel.add_batches([BatchMetrics(1, 2, 2, 0.01, 0.01, 100.0)])
    (_, _), (low, _) = panel.plots["batch"].getViewBox().viewRange()
    assert low < np.log10(0.01)


def test_a_real_mouse_move_shows_the_readout_and_leaving_hides_it(panel, qtbot) -> None:
    box = panel.plots["loss"].getViewBox()
    pos = panel.view.mapFromScene(box.mapViewToScene(QPointF(3.1, 0.5)))
    QTest.mouseMove(panel.view.viewport(), pos)
    label = panel.crosshair.labels["loss"]
    qtbot.waitUntil(label.isVisible, timeout=1000)
    assert "epoch 3" in label.textItem.toPlainText()
    QApplication.sendEvent(panel.view.viewport(), QEvent(QEvent.Type.Leave))
    assert not label.isVisible() and panel.plots["loss"].legend.isVisible()
