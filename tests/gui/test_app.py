"""Starting the app: the window appears before PyTorch loads; --screenshot renders and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage

from netstudio.gui import app as app_module
from netstudio.gui.app import open_start_project, run_app
from netstudio.gui.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OFFSCREEN = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_the_window_is_shown_before_torch_is_imported() -> None:
    code = f"""
import sys, time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication
from netstudio.gui.app import _application, _open_quietly
from netstudio.gui.main_window import MainWindow
app = _application()
window = MainWindow(None, analysis_ready=False)
assert _open_quietly(window, __import__("pathlib").Path({str(EXAMPLES / "mnist_mlp.net")!r}))
window.show()
app.processEvents()
assert "torch" not in sys.modules, "torch was imported before the window was shown"
assert window.validity_label.text() == "loading PyTorch…"
assert window.scene.nodes["fc1"].shape_text == "…"
print(f"{{time.perf_counter() - start:.2f}}")
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=OFFSCREEN,
        timeout=120,
    )
    # What is checked is the order (the window before torch), not the time it took: a timed
    # assert failed on a loaded CI host (9.7 s). The time is a benchmark's
    # (benchmarks/bench_gui_editor.py, benchmarks/bench_open_large_data.py).
    assert result.returncode == 0, result.stderr


def test_screenshot_of_a_file(tmp_path: Path) -> None:
    """In its own process: run_app runs and quits the application's event loop, which would
    leave the test process's QApplication unable to run local event loops."""
    png = tmp_path / "shot.png"
    code = (
        "from pathlib import Path; from netstudio.gui.app import run_app; "
        f"raise SystemExit(run_app(Path({str(EXAMPLES / 'cifar10_cnn.net')!r}), "
        f"Path({str(png)!r}), (1000, 700)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=OFFSCREEN, timeout=120
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1000, 700)


def test_without_a_file_the_example_opens_as_a_template(qtbot) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    assert open_start_project(window, None)
    assert len(window.document.graph) == 6  # the digits MLP: it trains offline
    assert window.document.project.data["source"] == "digits"
    assert window.document.path is None, "saving must not overwrite the shipped example"
    assert window.windowTitle() == "Digits MLP — NetStudio"


def test_without_the_example_a_builtin_network_opens(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "EXAMPLE", tmp_path / "missing.net")
    window = MainWindow(None)
    qtbot.addWidget(window)
    assert open_start_project(window, None)
    assert window.document.project.name == "Digits MLP"
    assert window.document.project.data == {"source": "digits"}
    assert len(window.scene.nodes) == 5


def test_screenshot_of_an_unreadable_file_fails_cleanly(qapp, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.net"
    bad.write_text("nonsense", encoding="utf-8")
    assert run_app(bad, tmp_path / "shot.png") == 2
    assert "bad.net" in capsys.readouterr().err
    assert not (tmp_path / "shot.png").exists()


def test_the_builtin_example_is_valid() -> None:
    from netstudio.core.validation import errors, validate

    project = app_module.builtin_example()
    assert not errors(validate(project.graph))
    assert list(project.graph.node("input").params["shape"]) == [64]  # the digits, 8×8
