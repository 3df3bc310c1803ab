"""The Data panel: sources and their settings written as undoable edits, previews loaded in the
background, and a clear message when the files are missing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from netstudio.gui.document import Document
from netstudio.gui.panels.data_panel import DataPanel
from netstudio.io import Project
from netstudio.training.sources import all_sources


def _panel(qtbot, data: dict) -> tuple[DataPanel, Document]:
    document = Document(Project(data=data), analysis=False)
    panel = DataPanel()
    qtbot.addWidget(panel)
    qtbot.addWidget(panel.preview)
    panel.resize(290, 700)
    panel.preview.resize(1100, 260)
    panel.set_document(document)
    return panel, document


def _loaded(qtbot, panel: DataPanel) -> None:
    qtbot.waitUntil(lambda: not panel.loader.busy and not panel.augmenter.busy, timeout=20000)


def test_every_source_is_listed_and_choosing_one_is_undoable(qtbot) -> None:
    panel, document = _panel(qtbot, {"source": "digits"})
    combo = panel.source_combo
    listed = [combo.itemData(i) for i in range(combo.count())]
    assert listed == [source.id for source in all_sources()]
    _loaded(qtbot, panel)

    combo.setCurrentIndex(listed.index("spiral"))
    combo.activated.emit(listed.index("spiral"))
    assert document.project.data["source"] == "spiral"
    assert document.modified
    assert set(panel.editors) == {"classes", "points_per_class", "noise"}

    panel.editors["classes"].widget.setValue(4)
    assert document.project.data["params"] == {"classes": 4}
    _loaded(qtbot, panel)
    assert panel.preview_data is not None and panel.preview_data.classes == [
        f"class {i}" for i in range(4)
    ]
    assert panel.preview.samples_stack.currentWidget() is panel.preview.scatter

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.project.data == {"source": "digits"}
    assert combo.currentData() == "digits"
    assert not document.modified


def test_split_and_normalise_edits_write_the_data_section(qtbot) -> None:
    panel, document = _panel(qtbot, {})
    panel.val_spin.setValue(25)
    panel.normalize_check.setChecked(False)
    assert document.project.data == {"val_fraction": 0.25, "normalize": False}
    document.undo_stack.undo()
    assert document.project.data == {"val_fraction": 0.25}
    assert panel.normalize_check.isChecked()
    _loaded(qtbot, panel)


def test_digits_load_in_the_background_with_samples_and_class_balance(qtbot) -> None:
    panel, _ = _panel(qtbot, {"source": "digits"})
    assert panel.status.text() == "Loading…"
    with qtbot.waitSignal(panel.preview_ready, timeout=20000):
        pass
    _loaded(qtbot, panel)
    assert panel.status.text().startswith("Digits (8×8): 1293 train / 144 val / 360 test")
    grid = panel.preview.sample_grid
    assert [label for label, _ in grid.rows] == [str(i) for i in range(10)]
    assert all(len(thumbs) == 8 for _, thumbs in grid.rows)
    heights = panel.preview.bars.opts["height"]
    assert len(heights) == 10 and sum(heights) == 1293
    assert panel.preview.body.isVisible() or not panel.preview.isVisible()


def test_a_missing_mnist_folder_gives_a_message_not_a_crash(qtbot, tmp_path: Path) -> None:
    panel, _ = _panel(qtbot, {"source": "mnist", "root": str(tmp_path)})
    with qtbot.waitSignal(panel.preview_ready, timeout=20000) as signal:
        pass
    message = signal.args[0]
    assert isinstance(message, str)
    assert "MNIST not found under" in message and str(tmp_path) in message
    assert "Choose the folder" in message and "download" in message and "--" not in message
    assert panel.status.text() == message
    assert panel.preview.message.text() == message
    assert not panel.folder_row.isHidden()


def test_the_folder_picker_writes_the_root(qtbot, tmp_path: Path, monkeypatch) -> None:
    panel, document = _panel(qtbot, {"source": "image_folder"})
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    panel.choose_folder()
    assert document.project.data["root"] == str(tmp_path)
    assert panel.folder_edit.text() == str(tmp_path)
    _loaded(qtbot, panel)
    assert "does not exist" in panel.status.text() or "found" in panel.status.text()


def _augmented(qtbot, panel: DataPanel) -> np.ndarray:
    _loaded(qtbot, panel)
    return np.stack(
        [_pixels(t.image) for _, thumbs in panel.preview.augment_grid.rows for t in thumbs]
    )


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = np.frombuffer(grey.constBits(), np.uint8, grey.bytesPerLine() * grey.height())
    return raw.reshape(grey.height(), grey.bytesPerLine())[:, : grey.width()].copy()


@pytest.mark.parametrize("setting", ["rotation", "crop"])
def test_the_augmentation_preview_follows_the_settings(qtbot, setting: str) -> None:
    panel, document = _panel(qtbot, {"source": "digits"})
    plain = _augmented(qtbot, panel)
    assert len(plain) == 8
    assert all((image == plain[0]).all() for image in plain)  # no augmentation: all alike

    if setting == "rotation":
        panel.rotation_spin.setValue(40)
        assert document.project.data["augment"] == {"rotation_degrees": 40.0}
    else:
        panel.crop_spin.setValue(2)
        assert document.project.data["augment"] == {"random_crop_padding": 2}
    changed = _augmented(qtbot, panel)
    assert (changed[0] == plain[0]).all()  # the original stays first
    assert any((image != plain[0]).any() for image in changed[1:])
