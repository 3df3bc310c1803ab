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
    assert panel.status.text().startswith("Digits (8×8): 1,293 train / 144 val / 360 test")
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


def test_augmented_images_that_cannot_be_made_are_said_and_the_next_edit_tries_again(
    qtbot, monkeypatch
) -> None:
    from netstudio.gui.panels import data_panel
    from netstudio.training.loaded_data import DataError

    real = data_panel.augment_samples

    def fails(preview, augment):
        if augment.rotation_degrees:
            raise DataError("rotation broke")
        return real(preview, augment)

    monkeypatch.setattr(data_panel, "augment_samples", fails)
    panel, _ = _panel(qtbot, {"source": "digits", "augment": {"rotation_degrees": 40.0}})
    _loaded(qtbot, panel)
    message = panel.preview.augment_message
    assert message.isVisibleTo(panel.preview) and not panel.preview.augment_grid.rows
    assert message.text() == "No augmented images: rotation broke"
    panel.rotation_spin.setValue(0)
    assert len(_augmented(qtbot, panel)) == 8
    assert not message.isVisibleTo(panel.preview)


def _image_folder(root: Path, counts: dict[str, int], size: int = 10) -> Path:
    """Small noise PNGs in class sub-folders, `counts` per class."""
    from PIL import Image

    rng = np.random.default_rng(3)
    for name, count in counts.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (size, size, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def test_an_image_folder_preview_decodes_only_the_images_it_shows(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PIL import Image

    root = _image_folder(tmp_path / "pets", {"cat": 50, "dog": 30, "eel": 12})
    opened: list[str] = []
    real_open = Image.open

    def counting_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    data = {"source": "image_folder", "root": str(root), "params": {"resize": 8},
            "val_fraction": 0.0, "test_fraction": 0.0}  # fmt: skip
    panel, _ = _panel(qtbot, data)
    _loaded(qtbot, panel)
    preview = panel.preview_data
    assert preview is not None, panel.status.text()
    shown = sum(len(samples) for _, samples in preview.samples)
    assert shown == 24 and preview.decoded == 24
    assert len(opened) == 24  # the images shown, nothing else of the 92
    assert preview.counts == [50, 30, 12]  # from the listing: no split takes any here
    assert list(panel.preview.bars.opts["height"]) == [50, 30, 12]
    assert [label for label, _ in panel.preview.sample_grid.rows] == ["cat", "dog", "eel"]
    assert preview.augment_source is not None and preview.augment_source.shape == (3, 8, 8)
    assert panel.status.text().startswith("Image folder pets: 92 train / 0 val and test")


def test_memory_settings_are_undoable_and_the_panel_says_which_path_train_takes(
    qtbot, tmp_path: Path
) -> None:
    root = _image_folder(tmp_path / "pets", {"cat": 20, "dog": 20})
    data = {"source": "image_folder", "root": str(root), "params": {"resize": 64}}
    panel, document = _panel(qtbot, data)
    _loaded(qtbot, panel)
    qtbot.waitUntil(lambda: bool(panel.loading_plan.text()), timeout=5000)
    assert panel.loading_plan.text().startswith("Train: in memory: the data needs ~")
    assert panel.streaming_combo.currentData() == "auto"
    assert panel.budget_spin.text() == "Auto"
    loaded = panel.preview_data

    always = panel.streaming_combo.findData("always")
    panel.streaming_combo.setCurrentIndex(always)
    panel.streaming_combo.activated.emit(always)
    assert document.project.data["streaming"] == "always"
    assert document.undo_stack.undoText() == "Change streaming from disk"
    qtbot.waitUntil(lambda: "streaming from disk" in panel.loading_plan.text(), timeout=5000)
    assert panel.loading_plan.text().startswith(
        "Train: streaming from disk: the data settings ask for it"
    )
    assert panel.preview_data is loaded  # the memory settings never reload the preview

    document.undo_stack.undo()
    assert "streaming" not in document.project.data
    assert panel.streaming_combo.currentData() == "auto"
    qtbot.waitUntil(lambda: "in memory" in panel.loading_plan.text(), timeout=5000)

    panel.budget_spin.setValue(1)  # 40 images of 3×64×64 need ~2.3 MiB preloaded
    assert document.project.data["memory_budget_mb"] == 1
    qtbot.waitUntil(lambda: "over the 1.0 MiB budget" in panel.loading_plan.text(), timeout=5000)
    assert panel.loading_plan.text().startswith("Train: streaming from disk: the data needs ~")
    panel.budget_spin.setValue(0)
    assert document.project.data["memory_budget_mb"] is None
    assert panel.budget_spin.text() == "Auto"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.project.data == data
    assert panel.budget_spin.value() == 0
