"""Data of any size in the app: a person chooses an image folder in the Data panel, sees its
samples and class counts (only the images shown are decoded), sets "Stream from disk: Always"
(one undo step), trains one epoch, and the app and the run's notes say the data streamed; the
class balance drawn was the run's own training split. (Opening such a project draws the preview
before PyTorch loads: tests/gui/test_early_preview_story.py.)"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QFileDialog, QToolButton

from netstudio.training.memory_budget import gib, preload_bytes
from tests.shots import save_shot

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RUN_TIMEOUT = 60_000
FILES = {"ant": 150, "bee": 100, "cow": 50}


def _image_folder(root: Path) -> Path:
    """300 small noise PNGs (8×8 RGB) in three class sub-folders."""
    from PIL import Image

    rng = np.random.default_rng(11)
    for name, count in FILES.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def _project(tmp_path: Path) -> Path:
    """The digits example with an auto-shaped Input and a 3-class head: Flatten → Linear."""
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    layers = [
        ("input", "Input", {"shape": None, "dtype": "float32"}),
        ("flat", "Flatten", {}),
        ("fc", "Linear", {"in_features": None, "out_features": 3, "bias": True}),
        ("output", "Output", {}),
    ]
    nodes = [
        {"id": id_, "type": type_, "name": id_, "params": params, "position": [240.0 * i, 0.0]}
        for i, (id_, type_, params) in enumerate(layers)
    ]
    edges = [
        {"from": a[0], "from_port": "out", "to": b[0], "to_port": "in"}
        for a, b in itertools.pairwise(layers)
    ]
    project["networks"][0]["graph"] = {"nodes": nodes, "edges": edges}
    project["training"] = {**project["training"], "epochs": 1, "batch_size": 64}
    path = tmp_path / "pets.net"
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def test_an_image_folder_is_previewed_from_a_sample_and_trained_streaming(
    window, qtbot, hands, tmp_path: Path, monkeypatch
) -> None:
    from PIL import Image

    # One loader worker process, whatever the machine (started by forkserver: the app trains
    # on a thread of its own).
    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 1)
    folder = _image_folder(tmp_path / "pets")
    assert window.open_file(_project(tmp_path))
    # The layers' previews read their sample for themselves (streamed, normalised from a
    # bounded sample: the last test): View > Previews off, so that what is counted below is
    # the Data panel's own decoding.
    previews = hands.action(window, "view_previews")
    if previews.isChecked():
        previews.trigger()
    window.data_dock.raise_()
    panel = window.evaluation_ui.data_panel
    qtbot.waitUntil(lambda: not panel.loader.busy, timeout=20_000)

    # The person picks "Image folder" as the source, then its folder with the "…" button.
    combo = panel.source_combo
    index = combo.findData("image_folder")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    opened: list[str] = []
    real_open = Image.open

    def counting_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(panel.preview_ready, timeout=20_000) as loaded:
        panel.findChild(QToolButton, "data_root_choose").click()
    preview = loaded.args[0]
    assert not isinstance(preview, str), preview
    qtbot.waitUntil(lambda: not panel.augmenter.busy and bool(panel.loading_plan.text()))
    monkeypatch.setattr(Image, "open", real_open)

    # The samples: 8 per class decoded, nothing else of the 300 (a header read for the size).
    grid = panel.preview.sample_grid
    assert [label for label, _ in grid.rows] == list(FILES)
    assert [len(thumbs) for _, thumbs in grid.rows] == [8, 8, 8]
    assert preview.decoded == 24
    assert len(opened) <= 24 + 2, opened
    # The class balance: the training split's counts, from the file listing.
    heights = list(panel.preview.bars.opts["height"])
    assert sum(heights) == int(panel.status.text().split(": ")[1].split(" train")[0])
    for count, files in zip(heights, FILES.values(), strict=True):
        assert abs(count - 0.8 * 0.9 * files) <= 2  # 20 % test, then 10 % validation
    assert panel.loading_plan.text().startswith("Train: in memory: the data needs ~")
    save_shot(panel, "pQ/data_panel")
    save_shot(panel.preview, "pQ/data_preview")

    # "Stream from disk: Always", one undo step.
    streaming = panel.streaming_combo
    always = streaming.findData("always")
    streaming.setCurrentIndex(always)
    streaming.activated.emit(always)
    document = window.document
    assert document.project.data["streaming"] == "always"
    document.undo_stack.undo()
    assert "streaming" not in document.project.data and streaming.currentData() == "auto"
    document.undo_stack.redo()
    assert streaming.currentData() == "always"
    qtbot.waitUntil(lambda: "streaming from disk" in panel.loading_plan.text())
    assert preview.input_shape == (3, 32, 32)  # the folder's default resize
    needed = gib(preload_bytes(300, (3, 32, 32)))  # what the trainer's own estimate says
    assert panel.loading_plan.text() == (
        f"Train: streaming from disk: the data settings ask for it (the data needs ~{needed} in "
        "memory)"
    )
    save_shot(panel, "pQ/data_panel_always")

    # Train one epoch: the Training panel says the data streams, and so does the run.
    session = window.training_ui.session
    said: list[str] = []
    training = window.training_ui.panel
    session.run_started.connect(lambda _info: said.append(training.status.text()))
    session.batches_ended.connect(lambda _b: said.append(training.status.text()))
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    run = finished.args[0]
    assert run.record["status"] == "finished", run.record["error"]
    assert said and all("streaming from disk" in text for text in said), said
    assert run.data.streaming
    # The class balance the preview drew is the run's training split, class by class.
    import torch

    trained = torch.bincount(torch.as_tensor(run.data.train.y), minlength=len(FILES)).tolist()
    assert trained == heights == [108, 72, 36]
    result = json.loads((tmp_path / run.record["run_dir"] / "result.json").read_text())
    assert "streaming from disk: the data settings ask for it" in " ".join(result["notes"])


def test_the_progress_line_says_streaming_only_for_a_streamed_run() -> None:
    from netstudio.gui.training.panel import progress_text
    from netstudio.training.results import BatchMetrics, RunInfo

    info = RunInfo("cpu", 2, 10, 300, 30, 60, 1000)
    batch = BatchMetrics(epoch=1, batch=5, batches=10, loss=0.5, lr=0.01, samples_per_second=900.0)
    held, _ = progress_text(info, batch, 2.0)
    streamed, fraction = progress_text(RunInfo(**{**info.__dict__, "streaming": True}), batch, 2.0)
    assert "streaming" not in held
    assert streamed == f"{held} · streaming from disk" and fraction == 0.25


def test_the_layer_previews_read_an_image_folder_a_sample_at_a_time(tmp_path: Path) -> None:
    """The canvas previews take their training sample from the streaming path: the folder is
    never decoded into memory whole (its normalisation comes from a bounded sample)."""
    from netstudio.gui.previews import _Work
    from netstudio.training.streaming import StreamSplit

    folder = _image_folder(tmp_path / "pets")
    work = _Work()
    config = {"source": "image_folder", "root": str(folder), "params": {"resize": 8}}
    x, text = work._training_sample("pets", config, tmp_path, 3)
    assert isinstance(work.data.train, StreamSplit)
    assert tuple(x.shape) == (3, 8, 8)
    assert text.startswith("training sample 4 of ")
