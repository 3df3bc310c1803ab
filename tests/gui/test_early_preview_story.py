"""Opening a project on an image folder: the window, then the Data preview drawn before PyTorch
is imported, then PyTorch loads behind it (the shapes and the augmentation grid follow).

Checked in a fresh process (this one has imported torch long ago), by the order of events and
what `sys.modules` holds at each, never by a wall-clock time (that is
benchmarks/bench_open_large_data.py's).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.gui.test_data_scale_story import _image_folder, _project
from tests.shots import shots_folder

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from netstudio.gui import app as app_module
from netstudio.gui.main_window import MainWindow

project, shots = Path(sys.argv[1]), Path(sys.argv[2])
HEAVY = ("torch", "torchvision", "torch._dynamo", "sklearn")
events = []

def note(name, **facts):
    events.append({"event": name, "imported": [m for m in HEAVY if m in sys.modules], **facts})

class Window(MainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        if events:
            return
        note("window")
        panel = self.evaluation_ui.data_panel
        panel.preview_ready.connect(self.drawn)

    def drawn(self, got):
        panel = self.evaluation_ui.data_panel
        if isinstance(got, str):
            note("preview failed", message=got)
            return
        grid = panel.preview.sample_grid
        panel.preview.resize(900, 380)
        shots.mkdir(parents=True, exist_ok=True)
        panel.preview.grab().save(str(shots / "early_data_preview.png"))
        panel.grab().save(str(shots / "early_data_panel.png"))
        note(
            "preview",
            rows=[[label, len(thumbs)] for label, thumbs in grid.rows],
            counts=list(panel.preview.bars.opts["height"]),
            status=panel.status.text(),
            plan=panel.loading_plan.text(),
        )

    def set_analysis_ready(self, error=""):
        note("torch ready", error=error)
        super().set_analysis_ready(error)

app_module.MainWindow = Window
code = app_module.run_app(project, shots / "early_window.png", (1200, 800))
note("quit", code=code)
print(json.dumps(events))
"""


def test_the_data_preview_of_an_image_folder_is_drawn_before_torch_loads(
    tmp_path: Path,
) -> None:
    _image_folder(tmp_path / "pets")
    project = _project(tmp_path)
    data = json.loads(project.read_text(encoding="utf-8"))
    data["data"] = {"source": "image_folder", "root": "pets", "params": {"resize": 8}}
    project.write_text(json.dumps(data), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shots = (shots_folder() or tmp_path / "shots") / "p21"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(project), str(shots)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    events = json.loads(done.stdout.splitlines()[-1])
    order = [event["event"] for event in events]
    assert order == ["window", "preview", "torch ready", "quit"], events
    window, preview, ready, quit_ = events
    assert window["imported"] == []
    # Drawn with nothing heavy imported: the samples of each class, the training counts.
    assert preview["imported"] == [], preview
    assert preview["rows"] == [["ant", 8], ["bee", 8], ["cow", 8]]
    assert preview["counts"] == [108, 72, 36]  # 20 % test, then 10 % validation: by class
    assert preview["status"] == "Image folder pets: 216 train / 84 val and test, 3×8×8, 3 classes"
    assert preview["plan"] == ""  # the plan line needs PyTorch: it follows it
    # Then PyTorch loads, scikit-learn with it (the other sources' previews split with it).
    assert ready["error"] == "" and {"torch", "sklearn"} <= set(ready["imported"])
    assert quit_["code"] == 0


def test_an_image_folders_shape_is_read_behind_the_window(qtbot, tmp_path: Path) -> None:
    """Without a resize, the folder's first image gives the auto Input's shape: on opening,
    while PyTorch loads, it is read on a worker (the document has it a moment later), and
    the first analysis uses it."""
    from netstudio.gui.document import Document
    from netstudio.io import load_project

    _image_folder(tmp_path / "pets")
    path = _project(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["data"] = {"source": "image_folder", "root": "pets", "params": {"resize": 0}}
    path.write_text(json.dumps(data), encoding="utf-8")
    document = Document(load_project(path), analysis=False)
    assert document.data_shape is None  # not read on the GUI thread
    qtbot.waitUntil(lambda: document.data_shape == (3, 8, 8), timeout=10_000)
    document.enable_analysis()
    info = document.info("input")
    assert info is not None and info.outputs["out"].shape[1:] == (3, 8, 8)  # batch first
    # Opened with PyTorch ready (a file opened later), the shape is there at once.
    assert Document(load_project(path)).data_shape == (3, 8, 8)
