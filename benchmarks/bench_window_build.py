"""Building the main window: `python benchmarks/bench_window_build.py [--rounds N]`.

Every GUI test builds a `MainWindow`, and the app builds one before its window appears, so its
cost is paid hundreds of times a test run and once per start. Timed in one process (offscreen
unless a display is set), each the median of ``--rounds`` builds after one warm-up build:

- frame (the baseline): a plain `QMainWindow` with a canvas view in the centre and the main
  window's docks (same names, areas and tabs) holding empty widgets, built and shown. It is
  what any window of this shape costs on this machine, so the ratios below travel between
  machines and loads;
- window: `MainWindow()`, shown, and the event loop turned once (what a test's ``window``
  fixture and the app's start pay);
- window + every dock: the same, then every dock brought to the front in turn and painted,
  as a person visiting each tab does. Parts that are built when first shown are built here,
  so this says that deferring them did not make the whole more costly.

Each figure is printed in seconds and as a ratio to the frame. The window is closed (without
asking about saving: its project is the unchanged empty one) and deleted, and its background
work (the data preview, shape inference) left to end, between builds; PyTorch is imported
before the first, as the app imports it behind its first window. The
figures are noisy on a loaded machine: compare ratios from runs made one after the other.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QMainWindow, QWidget

from netstudio.gui.main_window import MainWindow

#: The main window's docks: (name, area, the dock it is tabbed behind).
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
DOCKS = (
    ("layers_dock", LEFT, None),
    ("inspector_dock", RIGHT, None),
    ("data_dock", RIGHT, None),
    ("training_dock", RIGHT, "data_dock"),
    ("summary_dock", BOTTOM, None),
    ("problems_dock", BOTTOM, "summary_dock"),
    ("curves_dock", BOTTOM, "problems_dock"),
    ("data_preview_dock", BOTTOM, "curves_dock"),
    ("runs_dock", BOTTOM, "data_preview_dock"),
    ("evaluation_dock", BOTTOM, "runs_dock"),
    ("try_it_dock", BOTTOM, "evaluation_dock"),
    ("search_dock", BOTTOM, "runs_dock"),
    ("health_dock", BOTTOM, "problems_dock"),
)


def frame() -> QMainWindow:
    """The baseline: the window's shape with nothing in it."""
    window = QMainWindow()
    window.setCentralWidget(QGraphicsView(window))
    docks: dict[str, QDockWidget] = {}
    for name, area, behind in DOCKS:
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        dock.setWidget(QWidget(dock))
        window.addDockWidget(area, dock)
        if behind is not None:
            window.tabifyDockWidget(docks[behind], dock)
        docks[name] = dock
    window.menuBar().addMenu("&File")
    window.addToolBar("Main Toolbar")
    window.statusBar()
    window.resize(1400, 900)
    return window


def visit_docks(app: QApplication, window: QMainWindow) -> None:
    """Bring every dock to the front in turn and let it paint."""
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        app.processEvents()


def timed(
    app: QApplication, build: Callable[[], QMainWindow], visit: bool = False
) -> tuple[float, float]:
    """Wall and CPU seconds to build, show (and with `visit`, visit every dock of) a window;
    then it goes."""
    start, cpu = time.perf_counter(), time.process_time()
    window = build()
    window.show()
    app.processEvents()
    if visit:
        visit_docks(app, window)
    seconds = time.perf_counter() - start, time.process_time() - cpu
    if isinstance(window, MainWindow) and window.document is not None:
        window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    # processEvents() outside an event loop leaves deferred deletions queued: delete it now, so
    # that windows do not pile up and slow the next builds down.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    QThreadPool.globalInstance().waitForDone()  # its background work (data, shapes) ends too
    gc.collect()
    return seconds


def medians(
    app: QApplication, build: Callable[[], QMainWindow], rounds: int, **kw: bool
) -> tuple[float, float]:
    """The median wall and CPU seconds of `rounds` builds, after a warm-up build."""
    timed(app, build, **kw)  # warm: imports, fonts, caches of the first build
    times = [timed(app, build, **kw) for _ in range(rounds)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    app = QApplication.instance() or QApplication(sys.argv[:1])
    import torch  # noqa: F401  (the app loads it behind its first window; not timed here)

    base = medians(app, frame, rounds)
    rows = [
        ("frame (baseline)", base),
        ("window", medians(app, MainWindow, rounds)),
        ("window + every dock", medians(app, MainWindow, rounds, visit=True)),
    ]
    print(f"median of {rounds} builds after a warm one (build + show + one event-loop turn)")
    print(f"{'':22}{'wall ms':>9} {'x frame':>8}  {'CPU ms':>9} {'x frame':>8}")
    for name, (wall, cpu) in rows:
        print(
            f"{name:22}{wall * 1000:9.1f} {wall / base[0]:8.1f}  {cpu * 1000:9.1f} "
            f"{cpu / base[1]:8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
