"""Tables and IDX files in the app: the Data panel's plan line names the memory Train plans
with (the same number, from the same estimate), and training on a CSV table shows the rows
read before the first batch, in the Training panel and the status bar."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from netstudio.training import loading_progress
from netstudio.training.data_config import DataConfig
from netstudio.training.memory_budget import preload_bytes
from netstudio.training.sources import load_data
from tests.gui.panels.test_data_panel import _loaded, _panel
from tests.gui.test_data_scale_story import RUN_TIMEOUT, _project
from tests.shots import save_shot
from tests.training.conftest import MNIST_TEST, MNIST_TRAIN, write_mnist


def _table(path: Path, rows: int = 90) -> Path:
    """`rows` rows of three numbers and a class (owl, cat, dog)."""
    rng = np.random.default_rng(3)
    lines = ["a,b,c,kind"]
    for i in range(rows):
        a, b, c = rng.normal(size=3) + i % 3
        lines.append(f"{a:.4f},{b:.4f},{c:.4f},{('owl', 'cat', 'dog')[i % 3]}")
    path.write_text("\n".join(lines) + "\n")
    return path


def _plan_line(qtbot, data: dict) -> str:
    panel, _ = _panel(qtbot, data)
    _loaded(qtbot, panel)
    qtbot.waitUntil(lambda: bool(panel.loading_plan.text()), timeout=10_000)
    save_shot(panel, f"data_formats/data_panel_{data['source']}")
    return panel.loading_plan.text()


def test_the_data_panel_names_the_memory_train_plans_with(qtbot, tmp_path: Path) -> None:
    write_mnist(tmp_path)
    mnist = {"source": "mnist", "root": str(tmp_path), "memory_budget_mb": 64}
    trainer = load_data(DataConfig.model_validate(mnist)).loading
    assert trainer == (  # 5 bytes a pixel: the uint8 images and their float32 splits
        "in memory: the data needs ~957.0 KiB in memory, within the 64.0 MiB budget"
    )
    assert preload_bytes(MNIST_TRAIN + MNIST_TEST, (1, 28, 28)) == 980_000
    assert _plan_line(qtbot, mnist) == f"Train: {trainer}"

    table = _table(tmp_path / "animals.csv")
    csv = {"source": "csv", "params": {"file": str(table)}, "memory_budget_mb": 64}
    trainer = load_data(DataConfig.model_validate(csv)).loading
    assert trainer.startswith("in memory: the data needs ~")
    assert _plan_line(qtbot, csv) == f"Train: {trainer}"


def test_training_on_a_csv_table_shows_the_rows_read(
    window, qtbot, hands, tmp_path: Path, monkeypatch
) -> None:
    table = _table(tmp_path / "animals.csv")
    monkeypatch.setattr(loading_progress, "THRESHOLD", 0.0)  # a small table loads in a blink
    path = _project(tmp_path)
    project = json.loads(path.read_text(encoding="utf-8"))
    project["data"] = {"source": "csv", "params": {"file": str(table)}}
    path.write_text(json.dumps(project), encoding="utf-8")
    assert window.open_file(path)
    panel = window.evaluation_ui.data_panel
    qtbot.waitUntil(
        lambda: panel.preview_data is not None and not panel.loader.busy, timeout=20_000
    )

    session = window.training_ui.session
    training = window.training_ui.panel
    bar = window.training_ui.status
    seen: list[tuple[str, str, int]] = []

    def on_loading(_progress: object) -> None:
        seen.append((training.status.text(), bar.text(), training.progress.value()))
        if len(seen) == 1:
            save_shot(window, "data_formats/loading_rows_window")

    session.loading_progressed.connect(on_loading)
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    run = finished.args[0]
    assert run.record["status"] == "finished", run.record["error"]
    texts = [text for text, _, _ in seen]
    assert "Loading the data — reading animals.csv: 90 / 90 rows" in texts, texts
    reading = [(t, b, v) for t, b, v in seen if "reading animals.csv" in t]
    assert reading[-1][2] == 1000  # the bar full once every row is read
    assert all(b.startswith(f"{t} — editing locked") for t, b, _ in reading)
