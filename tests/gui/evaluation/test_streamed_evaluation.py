"""Evaluation of a run whose data streamed from disk: a person trains one epoch on an image
folder with "Stream from disk: Always", clicks a cell of the confusion matrix, opens an image
in Try it and reopens the run's weights in Runs; each shows what the same data held in memory
shows. A file deleted since the run: the gallery shows the other samples and names it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPushButton

from netstudio.gui.evaluation.reopen import reopen_run
from netstudio.gui.evaluation.samples import SampleView
from netstudio.gui.evaluation.try_it import TryItPanel
from netstudio.gui.training.session import FinishedRun, training_copy
from netstudio.training.data_config import DataConfig
from netstudio.training.sources import load_data
from tests.shots import save_shot

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
RUN_TIMEOUT = 30_000
CLASSES = ("ant", "bee", "cow")
PER_CLASS = 20


def _image_folder(root: Path) -> Path:
    """60 small PNGs (8×8 RGB), 20 per class; each class has its own tint, so one epoch of a
    linear layer already tells most of them apart."""
    from PIL import Image

    rng = np.random.default_rng(5)
    for index, name in enumerate(CLASSES):
        (root / name).mkdir(parents=True)
        for i in range(PER_CLASS):
            pixels = rng.integers(0, 120, (8, 8, 3), dtype=np.uint8)
            pixels[..., index] += 120
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def _data(folder: Path, streaming: str) -> dict:
    return {
        "source": "image_folder",
        "root": str(folder),
        "params": {"resize": 8},
        "streaming": streaming,
    }


def _project(tmp_path: Path, folder: Path) -> Path:
    """The digits example on the folder, streamed: an auto Input, Flatten, a 3-class Linear."""
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
    project["training"] = {**project["training"], "epochs": 1, "batch_size": 16}
    project["data"] = _data(folder, "always")
    path = tmp_path / "pets.net"
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def _pixels(view: SampleView) -> list[bytes]:
    return [thumb.image.constBits().tobytes() for _, row in view.grid.rows for thumb in row]


def _captions(view: SampleView) -> list[str]:
    return [thumb.caption for _, row in view.grid.rows for thumb in row]


def _click_cell(qtbot, panel, true: int, pred: int) -> None:
    view = panel.matrix
    rect = view.visualRect(view.model().index(true, pred))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not panel.samples.reader.busy, timeout=10_000)


def _try_it(qtbot, panel: TryItPanel, image: Path, monkeypatch) -> np.ndarray:
    """Open `image` with Try it's "Open image…" button; the probabilities it shows."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(image), ""))
    with qtbot.waitSignal(panel.predicted, timeout=10_000) as shown:
        panel.findChild(QPushButton, "try_it_open").click()
    return np.asarray(shown.args[0])


def test_a_streamed_run_is_evaluated_as_the_same_data_in_memory(
    window, qtbot, hands, tmp_path: Path, monkeypatch
) -> None:
    # Batches read in the training thread itself: no loader processes to start (seconds).
    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 0)
    folder = _image_folder(tmp_path / "pets")
    path = _project(tmp_path, folder)
    assert window.open_file(path)
    previews = hands.action(window, "view_previews")
    if previews.isChecked():
        previews.trigger()

    # Train one epoch (F5): the data streams.
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as done:
        hands.action(window, "train_start").trigger()
    run = done.args[0]
    assert run.record["status"] == "finished", run.record.get("error")
    assert run.data.streaming
    in_memory = load_data(DataConfig.model_validate(_data(folder, "never")), None)
    assert not in_memory.streaming and len(in_memory.test) == len(run.data.test) == 12

    # Evaluation: the diagonal cell with the most samples shows its test images, the very
    # thumbnails and captions that the data held in memory gives.
    ui = window.evaluation_ui
    panel = ui.evaluation_panel
    predictions = run.result.predictions
    report = run.result.report
    cell = int(np.argmax(np.diag(report.confusion)))
    _click_cell(qtbot, panel, cell, cell)
    expected = [int(i) for i in predictions.misclassified(cell, cell)]
    assert expected and panel.samples.indices == expected
    assert panel.samples.grid.count == len(expected)
    assert not panel.samples.missing.isVisible()
    preloaded = SampleView()
    qtbot.addWidget(preloaded)
    title = panel.samples.title.text().split(":")[0]
    preloaded.show_samples(np.array(expected), in_memory, predictions, report.classes, title)
    assert _pixels(panel.samples) == _pixels(preloaded)
    assert _captions(panel.samples) == _captions(preloaded)
    assert f"true {CLASSES[cell]}" in _captions(panel.samples)[0]
    ui.docks["evaluation_dock"].raise_()
    save_shot(panel, "streamed_eval")

    # Try it: an image of the folder gets the answer the in-memory data's run gives.
    streamed_try = ui.try_it_panel
    assert streamed_try.model is not None and streamed_try.image_shape == (3, 8, 8)
    image = Path(run.data.test.paths[expected[0]])
    answer = _try_it(qtbot, streamed_try, image, monkeypatch)
    memory_try = TryItPanel()
    qtbot.addWidget(memory_try)
    memory_try.set_run(
        FinishedRun(run.record, run.result, run.model, in_memory), window.document.graph
    )
    assert np.allclose(answer, _try_it(qtbot, memory_try, image, monkeypatch), atol=1e-6)

    # Runs ▸ Open: the weights evaluated on the streamed test split give the run's predictions,
    # and so does the same run opened on the data held in memory.
    runs = ui.runs_panel
    runs.select_rows([0])
    with qtbot.waitSignal(runs.run_opened, timeout=RUN_TIMEOUT) as opened:
        runs.open_button.click()
    reopened = opened.args[0]
    assert reopened.data.streaming and reopened.result.failure is None
    again = reopened.result.predictions
    assert np.array_equal(again.targets, predictions.targets)
    assert np.array_equal(again.predicted, predictions.predicted)
    assert np.allclose(again.confidence, predictions.confidence, atol=1e-5)
    record = {**run.record, "data": _data(folder, "never")}
    project = window.document.project
    memory_run = reopen_run(record, training_copy(project), window.document.path)
    assert not memory_run.data.streaming
    assert np.array_equal(memory_run.result.predictions.predicted, again.predicted)
    assert reopened.result.test_accuracy == memory_run.result.test_accuracy

    # A file deleted since: the gallery shows the others and names the one missing.
    gone = Path(reopened.data.test.paths[expected[0]])
    gone.unlink()
    _click_cell(qtbot, panel, cell, cell)
    assert panel.samples.indices == expected  # what the cell holds
    assert panel.samples.grid.count == len(expected) - 1
    assert _pixels(panel.samples) == _pixels(preloaded)[1:]
    note = panel.samples.missing
    assert note.isVisible() and note.text().startswith(f"Could not read the image {gone} (")
    assert "\n" not in note.text()  # one file, one line
    save_shot(panel, "streamed_eval_missing")


@pytest.mark.parametrize("streaming", ["always", "never"])
def test_try_it_starts_from_the_first_test_row_of_a_streamed_table(
    qtbot, tmp_path: Path, streaming: str
) -> None:
    """A table streamed from disk (CSV): Try it's fields start at its first test sample, as
    they do for the table in memory."""
    from netstudio.core.compiler import compile_graph
    from netstudio.core.graph import NetworkGraph
    from netstudio.training.results import RunResult

    path = tmp_path / "iris.csv"
    lines = ["a,b,c,species"] + [
        f"{4 + i % 3 + i / 100:.2f},{3 + (i % 5) / 10},{i % 7},{CLASSES[i % 3]}" for i in range(30)
    ]
    path.write_text("\n".join(lines) + "\n")
    config = DataConfig(source="csv", params={"file": path.name}, streaming=streaming)
    data = load_data(config, data_root=tmp_path)
    assert data.streaming == (streaming == "always")
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3]})
    graph.add_node("Linear", node_id="fc", params={"out_features": 3})
    graph.add_node("Output", node_id="output")
    graph.connect("input", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    record = {"name": "Run 1", "training": {"task": "classification"}}
    finished = FinishedRun(record, RunResult(status="finished"), compile_graph(graph), data)
    panel = TryItPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.predicted, timeout=10_000):
        panel.set_run(finished, graph)
    shown = [spin.value() for spin in panel.spins]
    first = load_data(config.model_copy(update={"streaming": "never"}), data_root=tmp_path)
    row = first.denormalize(first.test.x[:1])[0].tolist()
    assert shown == pytest.approx(row, abs=1e-3) and len(shown) == 3


def test_reopening_leaves_out_a_damaged_test_image_and_says_so(tmp_path: Path) -> None:
    """A test image damaged since the run: the reopened run's figures are of the others, its
    test split keeps the samples predicted (the gallery's samples match), and the Runs panel's
    note names the file."""
    from netstudio.core.compiler import compile_graph
    from netstudio.core.shapes import with_input_shape
    from netstudio.io import load_project
    from netstudio.training.checkpoints import save_weights

    folder = _image_folder(tmp_path / "pets")
    project = load_project(_project(tmp_path, folder))
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    save_weights(compile_graph(with_input_shape(project.graph, (3, 8, 8))), run_dir / "last.safetensors")  # fmt: skip
    record = {"name": "Run 1", "run_dir": str(run_dir), "data": project.data}
    whole = reopen_run(record, project.graph, None)
    assert whole.data.streaming and whole.result.failure is None
    damaged = Path(whole.data.test.paths[2])
    damaged.write_bytes(b"not a png at all")

    opened = reopen_run(record, project.graph, None)
    test = opened.data.test
    assert len(test) == len(whole.data.test) - 1 and str(damaged) not in test.paths
    assert len(opened.result.predictions.predicted) == len(test)
    keep = [i for i in range(len(whole.data.test)) if i != 2]
    assert np.array_equal(
        opened.result.predictions.predicted, whole.result.predictions.predicted[keep]
    )
    message = str(opened.result.failure.message)
    assert (
        message.startswith("1 test sample could not be read and is left out of the figures")
        and f"Could not read the image {damaged}" in message
    )
