"""A person trains on an image folder streamed from disk in which one test image is damaged: the
run leaves it out of its test figures, and every cell of the Evaluation's confusion matrix shows
the images its predictions are about (each thumbnail's colour is its class), never a neighbour
of a left-out image nor the damaged file itself."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.gui.evaluation.test_streamed_evaluation import (
    CLASSES,
    RUN_TIMEOUT,
    _captions,
    _click_cell,
    _project,
)
from tests.shots import save_shot

#: 120 images: one may be left out (1 %).
PER_CLASS = 40


def _tinted_folder(root: Path) -> Path:
    """8×8 PNGs, 40 per class, each class tinted in its own colour channel (red, green, blue)."""
    from PIL import Image

    rng = np.random.default_rng(11)
    for index, name in enumerate(CLASSES):
        (root / name).mkdir(parents=True)
        for i in range(PER_CLASS):
            pixels = rng.integers(0, 100, (8, 8, 3), dtype=np.uint8)
            pixels[..., index] += 150
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def _tints(view) -> list[int]:
    """The strongest colour channel of each thumbnail shown: the class its image is of."""
    tints = []
    for _, row in view.grid.rows:
        for thumb in row:
            image = thumb.image
            pixels = np.frombuffer(image.constBits().tobytes(), dtype=np.uint8)
            rows = pixels.reshape(image.height(), image.bytesPerLine())
            rgb = rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3)
            tints.append(int(np.argmax(rgb.reshape(-1, 3).mean(axis=0))))
    return tints


def test_the_gallery_shows_each_prediction_its_own_image_after_one_is_left_out(
    window, qtbot, hands, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 0)
    folder = _tinted_folder(tmp_path / "pets")
    path = _project(tmp_path, folder)
    assert window.open_file(path)
    previews = hands.action(window, "view_previews")
    if previews.isChecked():
        previews.trigger()
    # the test image whose neighbour is of another class is damaged after the project opened
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    test = load_data(DataConfig.model_validate(data), None).test
    labels = test.y.tolist()
    broken = next(i for i in range(len(labels) - 1) if labels[i] != labels[i + 1])
    damaged = Path(test.paths[broken])
    damaged.write_bytes(b"not a png")

    # Train (F5): one epoch, streamed.
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as done:
        hands.action(window, "train_start").trigger()
    run = done.args[0]
    assert run.record["status"] == "finished", run.record.get("error")
    assert any(str(damaged) in note for note in run.result.notes)
    predictions = run.result.predictions
    assert len(predictions.targets) == len(run.data.test) - 1

    # Evaluation: every cell's thumbnails are the images of its predictions' samples.
    panel = window.evaluation_ui.evaluation_panel
    window.evaluation_ui.docks["evaluation_dock"].raise_()
    confusion = np.asarray(run.result.report.confusion)
    shown = 0
    for true, predicted in zip(*np.nonzero(confusion), strict=True):
        _click_cell(qtbot, panel, int(true), int(predicted))
        assert not panel.samples.missing.isVisible(), panel.samples.missing.text()
        captions = _captions(panel.samples)
        assert len(captions) == confusion[true, predicted]
        assert all(f"true {CLASSES[true]}" in caption for caption in captions)
        assert _tints(panel.samples) == [int(true)] * len(captions)
        shown += len(captions)
    assert shown == len(predictions.targets)
    save_shot(panel, "left_out_gallery")
