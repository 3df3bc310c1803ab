"""Each project opens clean: after a run, File > New, File > Close, File > Open or an example
leaves nothing of it (status, progress, curves, evaluation, Try it, messages, zoom), and a
project opens in its own saved view, else its network at a fitting zoom."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton

from netstudio.gui.evaluation.panel import EMPTY
from netstudio.gui.examples_dialog import PATH_ROLE, ExamplesDialog
from netstudio.gui.main_window import MainWindow
from netstudio.gui.training.panel import READY_TEXT

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
RUN_TIMEOUT = 30_000


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def train_and_zoom(qtbot, window: MainWindow, open_example) -> None:
    """A run of the digits MLP, shown everywhere, and the canvas zoomed in and scrolled."""
    open_example("digits_mlp.net", {"epochs": 2})
    with qtbot.waitSignal(window.training_ui.session.run_finished, timeout=RUN_TIMEOUT):
        action(window, "train_start").trigger()
    while window.view.zoom < 1.5:
        action(window, "view_zoom_in").trigger()
    window.view.centerOn(900.0, 700.0)
    assert window.training_ui.curves.buffers["train_loss"].size == 2
    assert "Finished after 2 epochs" in window.training_ui.panel.status.text()
    assert window.statusBar().currentMessage()
    assert window.evaluation_ui.evaluation_panel.stack.currentIndex() != EMPTY
    assert window.evaluation_ui.try_it_panel.model is not None


def replace_by_new(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    action(window, "file_new").trigger()


def replace_by_close(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    action(window, "file_close").trigger()


def replace_by_open(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    other = Path(shutil.copy(EXAMPLES / "spiral_toy.net", tmp_path / "other.net"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    action(window, "file_open").trigger()
    assert window.document.path == other


def replace_by_example(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    action(window, "file_examples").trigger()
    dialog = window.findChild(ExamplesDialog, "examples_dialog")
    assert dialog is not None
    rows = [dialog.list.item(i) for i in range(dialog.list.count())]
    chosen = next(item for item in rows if item.data(PATH_ROLE).name == "spiral_toy.net")
    dialog.list.setCurrentItem(chosen)
    dialog.findChild(QPushButton, "examples_open").click()
    assert window.document.project.name == "Spiral toy" and window.document.path is None


@pytest.mark.parametrize(
    "replace",
    [replace_by_new, replace_by_close, replace_by_open, replace_by_example],
    ids=["new", "close", "open", "example"],
)
def test_a_project_opens_clean_after_a_run(
    qtbot, window: MainWindow, open_example, tmp_path: Path, monkeypatch, replace
) -> None:
    train_and_zoom(qtbot, window, open_example)
    old = window.document
    replace(qtbot, window, tmp_path, monkeypatch)  # the unsaved run is discarded
    assert window.document is not old

    curves = window.training_ui.curves
    assert all(buffer.size == 0 for buffer in curves.buffers.values())
    panel = window.training_ui.panel
    assert panel.status.text() == READY_TEXT and panel.progress.value() == 0
    assert not panel.failure.isVisible()
    assert window.statusBar().currentMessage() == ""
    assert window.training_ui.session.last_run is None
    evaluation = window.evaluation_ui.evaluation_panel
    assert evaluation.stack.currentIndex() == EMPTY and not evaluation.header.isVisible()
    assert (
        window.evaluation_ui.try_it_panel.model is None
        and window.evaluation_ui.try_it_panel.source.text() == ""
    )
    assert window.evaluation_ui.runs_panel.model.rowCount() == 0
    assert window.evaluation_ui.runs_panel.message.text() == ""

    view = window.view
    qtbot.waitUntil(lambda: view.zoom <= 1.0)  # the new project's own view, set once shown
    if len(window.document.graph) == 0:
        assert view.zoom == pytest.approx(1.0)
        assert view.visible_centre().x() == pytest.approx(0, abs=1)
        assert view.visible_centre().y() == pytest.approx(0, abs=1)
    else:  # its whole network, at a fitting zoom
        network = view.network_rect()
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(network.center())
    assert window.zoom_label.text() == f"{view.zoom * 100:.0f} %"


def test_a_project_opens_in_its_saved_view(qtbot, window: MainWindow, tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "spiral_toy.net").read_text(encoding="utf-8"))
    data["view"] = {"zoom": 0.5, "centre": [120.0, 40.0]}
    path = tmp_path / "viewed.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    for _ in range(3):
        action(window, "view_zoom_in").trigger()
    assert window.open_file(path)
    view = window.view
    qtbot.waitUntil(lambda: view.zoom == pytest.approx(0.5))
    assert view.visible_centre().x() == pytest.approx(120, abs=2)
    assert view.visible_centre().y() == pytest.approx(40, abs=2)
    assert window.zoom_label.text() == "50 %"
