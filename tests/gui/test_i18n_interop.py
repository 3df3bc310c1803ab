"""Story: NetStudio in Chinese, exporting and importing that fail. A person exports a network
they broke (its Output deleted) and then into a folder that is a file, through File ▸
Export…, and imports a damaged ONNX file through File ▸ Import…: each failure is said in
Chinese (PyTorch's, ONNX's and the system's own words as they are), nothing is written, and the
open project is unchanged. An import that works says what to set before training in Chinese
too, while the importer's notes stay English for the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("onnx")

from netstudio.gui.export_dialog import ExportDialog
from netstudio.gui.import_dialog import ONNX, PYTHON, ImportDialog
from netstudio.gui.main_window import MainWindow
from netstudio.io import dumps_project

TIMEOUT = 60_000

MODEL = """
import torch
from torch import nn


class ThreeScores(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(64, 3)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1))
"""


def _export(qtbot, dialog: ExportDialog, path: Path) -> str:
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=TIMEOUT)
    return dialog.status.text()


def test_a_failed_export_is_said_in_chinese(
    qtbot, chinese, hands, digits_window: MainWindow, tmp_path: Path
) -> None:
    window = digits_window
    document = window.document
    assert document is not None
    output = next(n for n in document.graph.nodes() if n.spec.role == "output")
    window.scene.select_nodes([output.id])
    window.menu_actions.delete.trigger()

    hands.action(window, "file_export").trigger()
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None and dialog.windowTitle() == "导出网络"
    (tmp_path / "notes.txt").write_text("a file where the folder would be", encoding="utf-8")
    before = sorted(tmp_path.iterdir())

    said = _export(qtbot, dialog, tmp_path / "digits_mlp.py")
    assert said.startswith("导出失败：网络无效，无法导出；请先修正以下问题：\ngraph：网络没有输出")
    assert "the network" not in said and not dialog.written

    window.menu_actions.undo.trigger()  # the Output is back: now the folder is what fails
    target = tmp_path / "notes.txt" / "digits_mlp.py"
    said = _export(qtbot, dialog, target)
    assert said.startswith(f"导出失败：无法写入 {target}：")
    assert not dialog.written and sorted(tmp_path.iterdir()) == before  # nothing written
    dialog.close()


def test_a_failed_import_is_said_in_chinese_and_the_project_stays(
    qtbot, chinese, hands, digits_window: MainWindow, tmp_path: Path
) -> None:
    window = digits_window
    document = window.document
    assert document is not None
    project_before = dumps_project(document.project)
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"\x08\x07not a protobuf at all")

    hands.action(window, "file_import").trigger()
    dialog = window.findChild(ImportDialog, "import_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.tabs.setCurrentIndex(ONNX)
    hands.type_into(dialog.onnx_file, str(broken), enter=False)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=TIMEOUT)

    said = dialog.status.text()
    assert said.startswith(f"导入失败：{broken}：不是有效的 ONNX 模型：")
    assert dialog.isVisible() and not broken.with_suffix(".net").exists()
    assert window.document is document and dumps_project(document.project) == project_before
    dialog.close()


def test_what_to_set_after_an_import_is_said_in_chinese(
    qtbot, chinese, hands, digits_window: MainWindow, tmp_path: Path
) -> None:
    from netstudio.gui.import_dialog import run_import

    source = tmp_path / "three_scores.py"
    source.write_text(MODEL, encoding="utf-8")
    window = digits_window
    window.set_analysis_ready()
    hands.action(window, "file_import").trigger()
    dialog = window.findChild(ImportDialog, "import_dialog")
    assert dialog is not None and dialog.tabs.currentIndex() == PYTHON
    hands.type_into(dialog.py_file, str(source), enter=False)
    hands.type_into(dialog.py_class, "ThreeScores", enter=False)
    hands.type_into(dialog.py_shape, "1, 8, 8", enter=False)
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported:
        dialog.import_button.click()
    assert imported.args[0] == tmp_path / "three_scores.net"
    assert window.document is not None and window.document.path == imported.args[0]

    shown = window.statusBar().currentMessage()
    assert shown.startswith(f"已导入到 {imported.args[0]}。")
    assert "网络为每个样本给出 3 个分数，但 手写数字（8×8） 有 10 个类别" in shown
    assert "把 Linear 'fc' 的 out_features 设为 10" in shown and shown.endswith("。")
    # The command line's words for the same import stay English.
    _, notes = run_import(PYTHON, str(source), "ThreeScores", (1, 8, 8), "", tmp_path / "b.net")
    assert notes[0].startswith("the network gives 3 scores per sample but Digits (8×8) has 10")
