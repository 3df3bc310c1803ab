"""File > Export as a PyTorch 2 program: the format offered beside TorchScript (now legacy), and
the file it writes read back by `torch.export.load`."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import torch
from PySide6.QtCore import Qt

from netstudio.export.formats import compiled_model, example_inputs
from netstudio.gui.export_dialog import ExportDialog
from netstudio.gui.main_window import MainWindow


def test_export_pt2_from_the_dialog_writes_a_program_that_loads(
    hands, qtbot, digits_window: MainWindow, tmp_path: Path
) -> None:
    hands.action(digits_window, "file_export").trigger()
    dialog = digits_window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None
    labels = {
        dialog.format.itemData(i): dialog.format.itemText(i) for i in range(dialog.format.count())
    }
    assert labels["pt2"] == "PyTorch 2 (torch.export, .pt2)"
    assert labels["torchscript"] == "TorchScript (legacy)"
    legacy = dialog.format.findData("torchscript")
    assert "deprecates" in dialog.format.itemData(legacy, Qt.ItemDataRole.ToolTipRole)

    dialog.format.setCurrentIndex(dialog.format.findData("pt2"))
    assert dialog.path.text() == str(tmp_path / "digits_mlp.pt2")  # the format's suffix
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: bool(dialog.written) or "failed" in dialog.status.text(), timeout=30_000
    )
    target = tmp_path / "digits_mlp.pt2"
    assert dialog.written == [target], dialog.status.text()
    assert dialog.status.text() == f"Exported to {target}"

    loaded = torch.export.load(target).module()
    graph = digits_window.document.graph
    model = compiled_model(graph, seed=digits_window.document.project.training.get("seed", 0))
    x = example_inputs(graph, batch=3)
    with torch.no_grad():
        assert (loaded(*x) - model(*x)).abs().max().item() < 1e-5
