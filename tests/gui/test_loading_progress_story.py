"""Loading that takes a while, in the app: a person trains on an image folder and, before the
first batch, the Training panel and the status bar say how many files are read of how many,
with an ETA; in the Data panel they tick "Cache decoded images on disk" (one undo step) and
the plan line says where a streamed run keeps the decoded images (and how many images its
normalisation statistics come from)."""

from __future__ import annotations

import json
from pathlib import Path

from netstudio.training import decoded_cache, loading_progress
from tests.gui.test_data_scale_story import FILES, RUN_TIMEOUT, _image_folder, _project
from tests.shots import save_shot


def _open_folder_project(window, qtbot, tmp_path: Path, data: dict) -> None:
    path = _project(tmp_path)
    project = json.loads(path.read_text(encoding="utf-8"))
    project["data"] = data
    path.write_text(json.dumps(project), encoding="utf-8")
    assert window.open_file(path)
    panel = window.evaluation_ui.data_panel
    qtbot.waitUntil(
        lambda: panel.preview_data is not None and not panel.loader.busy, timeout=20_000
    )


def test_training_shows_the_files_read_while_an_image_folder_loads(
    window, qtbot, hands, tmp_path: Path, monkeypatch
) -> None:
    folder = _image_folder(tmp_path / "pets")
    # Every load is "slow" here: a small folder loads in a blink.
    monkeypatch.setattr(loading_progress, "THRESHOLD", 0.0)
    _open_folder_project(
        window, qtbot, tmp_path, {"source": "image_folder", "root": str(folder), "params": {}}
    )
    session = window.training_ui.session
    training = window.training_ui.panel
    bar_label = window.training_ui.status
    seen: list[tuple[str, str, int]] = []

    def on_loading(progress) -> None:
        seen.append((training.status.text(), bar_label.text(), training.progress.value()))
        if len(seen) == 1:
            save_shot(window, "loading/loading_window")

    session.loading_progressed.connect(on_loading)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    assert finished.args[0].record["status"] == "finished", finished.args[0].record["error"]
    total = sum(FILES.values())
    assert seen, "no loading progress was shown"
    panel_texts = [panel for panel, _, _ in seen]
    assert panel_texts[-1] == f"Loading the data — decoding images: {total} / {total} files"
    assert all(t.startswith("Loading the data — decoding images: ") for t in panel_texts)
    done = [int(t.split(": ")[1].split(" /")[0].replace(",", "")) for t in panel_texts]
    assert done == sorted(done)
    assert seen[-1][2] == 1000  # the bar full when every file is read
    assert all(bar.startswith(f"{panel} — editing locked") for panel, bar, _ in seen)
    # Once training runs, the epochs take over the line.
    assert not training.status.text().startswith("Loading the data")


def test_the_decoded_image_cache_is_a_data_panel_checkbox_the_plan_line_names(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    import netstudio.training.streaming as streaming

    folder = _image_folder(tmp_path / "pets")
    monkeypatch.setenv(decoded_cache.CACHE_ENV, str(tmp_path / "cache"))
    # Room for the cache, whatever this machine's disk holds (the end takes it away).
    monkeypatch.setattr(decoded_cache, "usable_bytes", lambda folder: 2**40)
    monkeypatch.setattr(streaming, "STATS_SAMPLE", 100)  # fewer than the 216 training images
    data = {"source": "image_folder", "root": str(folder), "params": {}, "streaming": "always"}
    _open_folder_project(window, qtbot, tmp_path, data)
    window.data_dock.raise_()
    panel = window.evaluation_ui.data_panel
    box = panel.cache_check
    assert box.text() == "Cache decoded images on disk" and not box.isChecked()
    qtbot.waitUntil(lambda: "streaming from disk" in panel.loading_plan.text())
    # The person is told how many images the normalisation statistics come from.
    assert panel.loading_plan.text().endswith("; mean/std from 100 of 216 training images")
    assert "cache" not in panel.loading_plan.text()

    box.click()
    document = window.document
    assert document.project.data["decoded_cache"] is True
    where = tmp_path / "cache" / "32x32x3"
    qtbot.waitUntil(
        lambda: f"decoded images cached on disk in {where}" in panel.loading_plan.text()
    )
    save_shot(panel.memory_box.parentWidget(), "loading/data_panel_cache")
    document.undo_stack.undo()
    assert "decoded_cache" not in document.project.data and not box.isChecked()
    document.undo_stack.redo()
    assert box.isChecked()

    # A disk without room: the plan line says the cache is off, and why.
    monkeypatch.setattr(decoded_cache, "usable_bytes", lambda folder: 0)
    box.click()
    box.click()
    qtbot.waitUntil(lambda: "the decoded-image cache is off" in panel.loading_plan.text())
    save_shot(panel.memory_box.parentWidget(), "loading/data_panel_cache_off")
