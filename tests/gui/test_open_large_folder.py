"""Opening a project whose data is a large image folder: the Data preview shows a few samples
per class and the class balance of the whole training split, and opening decodes only samples
(the preview's, and the layers' previews' normalisation sample), never the folder
(`benchmarks/bench_open_large_data.py` measures it at 100,000 images)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gui.test_data_scale_story import FILES, _project
from tests.shots import save_shot

#: Images per class: 1,500 in all.
PER_CLASS = 500
#: The layers' previews normalise their sample with statistics from this many images (far
#: fewer than the training split's 1,080, so that a whole-folder decode cannot pass unseen).
STATS = 40


def _large_folder(root: Path) -> Path:
    """`PER_CLASS` copies of one small PNG per class of `FILES` (written once, copied)."""
    from PIL import Image

    for index, name in enumerate(FILES):
        (root / name).mkdir(parents=True)
        Image.new("RGB", (8, 8), (90 * index, 40, 200 - 90 * index)).save(root / name / "0.png")
        png = (root / name / "0.png").read_bytes()
        for i in range(1, PER_CLASS):
            (root / name / f"{i}.png").write_bytes(png)
    return root


def test_opening_a_large_image_folder_decodes_only_samples(
    window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    from netstudio.training import streaming

    _large_folder(tmp_path / "pets")  # beside the project, which names it "pets"
    path = _project(tmp_path)
    project = json.loads(path.read_text(encoding="utf-8"))
    project["data"] = {"source": "image_folder", "root": "pets", "params": {"resize": 0}}
    path.write_text(json.dumps(project), encoding="utf-8")
    monkeypatch.setattr(streaming, "STATS_SAMPLE", STATS)
    opened: list[str] = []
    real_open = Image.open

    def counting_open(where, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(where))
        return real_open(where, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    panel = window.evaluation_ui.data_panel
    with qtbot.waitSignal(panel.preview_ready, timeout=30_000) as loaded:
        assert window.open_file(path)
    previews = window.previews
    assert previews.shown  # the layers' previews read their own training sample
    qtbot.waitUntil(lambda: bool(previews.sample_text) and not previews.busy, timeout=30_000)
    qtbot.waitUntil(lambda: not (panel.loader.busy or panel.planner.busy), timeout=30_000)
    monkeypatch.setattr(Image, "open", real_open)

    preview = loaded.args[0]
    assert not isinstance(preview, str), preview
    # Eight samples per class in the grid, and the class balance of the whole training split
    # (1,500 images: 20 % test, then 10 % validation), from the listing.
    grid = panel.preview.sample_grid
    assert [label for label, _ in grid.rows] == list(FILES)
    assert [len(thumbs) for _, thumbs in grid.rows] == [8, 8, 8]
    heights = [int(h) for h in panel.preview.bars.opts["height"]]
    assert heights == [360, 360, 360] and preview.train_count == 1080 and preview.total == 1500
    assert preview.input_shape == (3, 8, 8)
    assert "training sample 1 of 1,080" in previews.sample_text
    # Decoded: the preview's 24, the statistics' sample, the layers' one sample, and a header
    # or two for the size (resize 0): never the 1,500 images of the folder.
    assert preview.decoded == 24
    assert len(opened) <= 24 + STATS + 1 + 3, len(opened)
    assert len(set(opened)) <= 24 + STATS + 1 + 1
    save_shot(panel.preview, "open_large_folder_preview")
