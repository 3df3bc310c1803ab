"""Previews and training health in the app: `python benchmarks/bench_previews.py`.

With the real main window (offscreen unless a display is set), on the CPU:
- preview refresh after one edit: a parameter of a layer in the middle of the network, from
  the edit pushed until the new previews are on the cards (the job on the pool thread: only
  the edited node and those downstream run again, each drawn as a picture), on the CIFAR-10
  CNN (examples/cifar10_cnn.net, a random 3×32×32 sample given as Try it gives one: its data
  need not be downloaded) and on a 100-node network (Linear/ReLU blocks on the digits).
  Goal (issue 16): under 100 ms for the changed part;
- the 500-node edit bar with previews on: an edit in the middle and a synchronous repaint, the
  GUI thread's share only (the previews arrive later). Goal: under 50 ms, as without previews;
- training the digits MLP from the window (Train, until the run ends) with Train > Record
  Layer Health on and off, alternating; the fastest of `ROUNDS` each. Goal: on/off <= 1.03.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_graph_edits import build
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from netstudio.core.layout import layered_positions
from netstudio.gui import previews as previews_module
from netstudio.gui.commands import SetParamsCommand
from netstudio.gui.main_window import MainWindow
from netstudio.io import Project, save_project

ROOT = Path(__file__).resolve().parents[1]
EDITS = 10
ROUNDS = 3
EPOCHS = 5


#: How long each preview job took on the pool thread (ms).
JOB_MS: list[float] = []
_run = previews_module._Work.run


def _timed_run(self, *args):
    start = time.perf_counter()
    try:
        return _run(self, *args)
    finally:
        JOB_MS.append((time.perf_counter() - start) * 1000)


previews_module._Work.run = _timed_run


def wait(app: QApplication, done, timeout: float = 120.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("waited too long")
        app.processEvents()
        time.sleep(0.0005)


def settled(app: QApplication, window: MainWindow) -> None:
    previews = window.previews
    wait(app, lambda: not window.document.analysing and not previews.busy)


def refresh_after_edits(app: QApplication, window: MainWindow, param: str, node_type: str):
    """Milliseconds from a parameter edit in the middle of the network to its previews on the
    cards, and how many nodes each refresh ran."""
    document, previews = window.document, window.previews
    graph = document.graph
    order = graph.topological_order()
    kind = [n for n in order if graph.node(n).type_id == node_type]
    middle = kind[len(kind) // 2]
    value = graph.node(middle).params[param]
    times, counts = [], []
    arrived: list[float] = []

    def note() -> None:
        arrived.append(time.perf_counter())

    previews.updated.connect(note)
    for i in range(EDITS):
        arrived.clear()
        start = time.perf_counter()
        document.push(SetParamsCommand(graph, middle, {param: value + (i % 2 == 0)}))
        wait(app, lambda: bool(arrived) and not previews.busy)
        times.append((arrived[-1] - start) * 1000)
        counts.append(previews.computed)
    previews.updated.disconnect(note)
    return times, counts, len(graph)


def project_file(folder: Path, nodes: int) -> Path:
    graph = build(nodes)
    for node_id, position in layered_positions(graph).items():
        graph.move(node_id, position)
    path = folder / f"net{nodes}.net"
    save_project(Project(graph=graph, name=f"{nodes} nodes", data={"source": "digits"}), path)
    return path


def edit_bar(app: QApplication, window: MainWindow, path: Path, previews: bool) -> list[float]:
    """An edit in the middle of the network and a synchronous repaint, previews on or off."""
    assert window.open_file(path)
    window.menu_actions.previews.setChecked(previews)
    document = window.document
    settled(app, window)
    graph = document.graph
    order = graph.topological_order()
    middle = next(n for n in order[len(order) // 2 :] if graph.node(n).type_id == "Linear")
    width = graph.node(middle).params["out_features"]
    window.view.centre_on_node(middle)
    app.processEvents()
    times = []
    for i in range(20):
        start = time.perf_counter()
        document.push(SetParamsCommand(graph, middle, {"out_features": width + (i % 2 == 0)}))
        window.view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        settled(app, window)  # the previews' job is not part of the edit
    return times


def train_seconds(app: QApplication, window: MainWindow, health: bool) -> float:
    """The training epochs' seconds of a run started from the window (Train)."""
    window.menu_actions.record_health.setChecked(health)
    session = window.training_ui.session
    finished = []
    session.run_finished.connect(finished.append)
    start = time.perf_counter()
    window.menu_actions.train.trigger()
    wait(app, lambda: bool(finished), timeout=600)
    session.run_finished.disconnect(finished.append)
    del start
    return sum(epoch.seconds for epoch in finished[0].result.epochs)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    import torch

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1400, 900)
        window.show()
        app.processEvents()

        cifar = Path(folder / "cifar10_cnn.net")
        cifar.write_bytes((ROOT / "examples" / "cifar10_cnn.net").read_bytes())
        assert window.open_file(cifar)
        window.previews.show_input(
            torch.randn(3, 32, 32, generator=torch.Generator().manual_seed(0))
        )
        settled(app, window)
        times, counts, total = refresh_after_edits(app, window, "out_channels", "Conv2d")
        jobs = list(JOB_MS)
        print(
            f"CIFAR-10 CNN ({total} nodes): preview refresh after an edit: median "
            f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms "
            f"({statistics.median(counts):.0f} nodes recomputed; goal < 100 ms), of which the "
            f"job on the pool thread {statistics.median(jobs[-EDITS:]):.1f} ms"
        )

        path = project_file(folder, 100)
        assert window.open_file(path)
        settled(app, window)
        assert window.previews.previews, "no previews on the 100-node network"
        times, counts, total = refresh_after_edits(app, window, "out_features", "Linear")
        jobs = list(JOB_MS)
        print(
            f"{total}-node network: preview refresh after an edit: median "
            f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms "
            f"({statistics.median(counts):.0f} nodes recomputed; goal < 100 ms), of which the "
            f"job on the pool thread {statistics.median(jobs[-EDITS:]):.1f} ms"
        )

        big = project_file(folder, 500)
        for shown in (False, True, False, True):
            times = edit_bar(app, window, big, shown)
            print(
                f"500-node canvas, previews {'on' if shown else 'off'}: edit + repaint median "
                f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms (goal < 50 ms)"
            )

        digits = folder / "digits_mlp.net"
        project = json.loads((ROOT / "examples" / "digits_mlp.net").read_text(encoding="utf-8"))
        project["training"]["epochs"] = EPOCHS  # the same work each run: no early stopping
        project["training"]["regularization"]["early_stopping"]["enabled"] = False
        digits.write_text(json.dumps(project), encoding="utf-8")
        assert window.open_file(digits)
        window.menu_actions.previews.setChecked(False)  # the training alone
        settled(app, window)
        train_seconds(app, window, True)  # warm-up
        on, off = [], []
        for _ in range(ROUNDS):
            off.append(train_seconds(app, window, False))
            on.append(train_seconds(app, window, True))
        print(
            f"digits MLP trained from the window: health off {min(off):.2f} s, on "
            f"{min(on):.2f} s: {min(on) / min(off):.3f}x (goal <= 1.03x)"
        )
        QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Discard
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
