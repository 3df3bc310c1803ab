"""File > Examples, Export and Import, driven through their dialogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from netstudio.gui.examples_dialog import EXAMPLES, PATH_ROLE, show_examples
from netstudio.gui.export_dialog import show_export
from netstudio.gui.import_dialog import TORCHVISION, TORCHVISION_NAMES, parse_shape, show_import
from netstudio.gui.main_window import MainWindow

EXAMPLE = EXAMPLES / "mnist_mlp.net"
MODEL = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(12, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))
"""


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    path = tmp_path / "mnist_mlp.net"
    shutil.copy(EXAMPLE, path)
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_file(path)
    return win


def test_the_examples_gallery_lists_every_example_with_a_thumbnail(window: MainWindow) -> None:
    dialog = show_examples(window)
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    assert {item.data(PATH_ROLE).name for item in items} == {p.name for p in EXAMPLES.glob("*.net")}
    assert all(not item.icon().isNull() for item in items)
    digits = next(item for item in items if item.data(PATH_ROLE).name == "digits_mlp.net")
    dialog.list.setCurrentItem(digits)
    dialog._open(digits)
    document = window.document
    assert document.path is None and len(document.graph) > 2  # a template: saving asks where
    assert window.windowTitle().startswith(document.project.name)


def test_export_to_python_and_weights_from_the_dialog(qtbot, window: MainWindow, tmp_path) -> None:
    dialog = show_export(window)
    assert dialog is not None
    assert dialog.path.text().endswith("mnist_mlp.py")
    target = tmp_path / "out" / "model.py"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    dialog.training.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=30_000
    )
    assert dialog.written == [target], dialog.status.text()
    code = target.read_text()
    assert "class MnistMlp(nn.Module)" in code and "def train" in code
    dialog.format.setCurrentIndex(dialog.format.findData("weights"))
    assert not dialog.training.isEnabled() and dialog.path.text().endswith("model.safetensors")
    dialog.written = []
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=30_000
    )
    assert dialog.written and dialog.written[0].suffix == ".safetensors"


def test_export_without_a_run_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = show_export(window)
    assert not dialog.weights.model().item(1).isEnabled()  # no runs yet
    dialog.weights.setCurrentIndex(1)  # forced: the export itself refuses and says why
    dialog.path.setText(str(tmp_path / "m.py"))
    dialog.export_button.click()
    assert "train it first" in dialog.status.text() and "--" not in dialog.status.text()


def test_import_a_python_class_opens_it_as_a_project(qtbot, window, tmp_path) -> None:
    source = tmp_path / "model.py"
    source.write_text(MODEL)
    dialog = show_import(window)
    dialog.py_file.setText(str(source))
    dialog.py_class.setText("Net")
    dialog.py_shape.setText("12")
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as opened:
        dialog.import_button.click()
    saved = opened.args[0]
    assert saved == tmp_path / "model.net" and saved.with_suffix(".safetensors").is_file()
    graph = window.document.graph
    assert window.document.path == saved
    assert [n.type_id for n in graph.nodes() if n.type_id == "Linear"] == ["Linear", "Linear"]
    # The network is valid (its Input of 12 does not fit the new project's digits, which
    # the data problems say: a data source is chosen next).
    assert all(p.severity != "error" for p in window.document.graph_problems)


def test_import_form_errors_are_said_in_the_dialog(window: MainWindow) -> None:
    dialog = show_import(window)
    dialog.import_button.click()
    assert "Choose the Python file" in dialog.status.text()
    dialog.tabs.setCurrentIndex(TORCHVISION)
    dialog.tv_shape.setText("3, x, 4")
    dialog.import_button.click()
    assert "is not a shape" in dialog.status.text()


def test_shapes_parse_and_the_torchvision_list_matches_the_importer() -> None:
    from netstudio.importing.torchvision_models import SUPPORTED

    assert parse_shape("3, 224, 224") == (3, 224, 224) == parse_shape("3x224x224")
    with pytest.raises(ValueError):
        parse_shape("0, 4")
    assert tuple(TORCHVISION_NAMES) == tuple(SUPPORTED)
