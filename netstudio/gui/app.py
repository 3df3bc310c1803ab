"""Starting the desktop app: the window first, PyTorch behind it.

`run_app` shows the main window with the project (or a ready example) before torch is
imported; a worker thread loads torch, and only then does shape inference run. With
`screenshot`, it waits for the shapes, renders the window to a PNG and exits (for docs and
checks; works with ``QT_QPA_PLATFORM=offscreen``).

The app speaks the language chosen under View > Language, else the system's when NetStudio has
it (`netstudio.gui.i18n`); its catalogues load before the window is built (a few milliseconds).

Without a file the window opens the digits MLP as a new, untitled project: it trains here and
now, offline (scikit-learn's bundled digits), whatever folder the app was started from.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from netstudio.core.graph import NetworkGraph
from netstudio.gui import i18n
from netstudio.gui.document import Document
from netstudio.gui.main_window import APP_NAME, MainWindow
from netstudio.gui.recovery import default_folder, offer_recovery
from netstudio.gui.warmup import TorchWarmup
from netstudio.io import Project
from netstudio.package_data import examples_dir

EXAMPLES = examples_dir()
EXAMPLE = EXAMPLES / "digits_mlp.net"
EXIT_OK, EXIT_FAILED = 0, 2


def builtin_example() -> Project:
    """A small MLP on the digits (it trains offline), for when the example files are not
    installed."""
    graph = NetworkGraph()
    previous = None
    layers = [
        ("input", "Input", {"shape": [64]}),
        ("fc1", "Linear", {"out_features": 128}),
        ("relu1", "ReLU", {}),
        ("fc2", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    ]
    for i, (name, type_id, params) in enumerate(layers):
        graph.add_node(type_id, name=name, node_id=name, params=params, position=(i * 240.0, 0))
        if previous is not None:
            graph.connect(previous, "out", name, "in")
        previous = name
    return Project(graph=graph, name="Digits MLP", data={"source": "digits"})


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("netstudio.dev")
    return app


def run_app(
    path: Path | None = None,
    screenshot: Path | None = None,
    size: tuple[int, int] = (1400, 900),
    language: str | None = None,
) -> int:
    """Run the editor on `path` (a ready example without one); returns the exit code.

    screenshot: open, wait until shapes are inferred and the previews drawn, save the window as
    this PNG, exit 0 (2 when the file cannot be opened or the PNG cannot be written). size:
    the window's size for the screenshot. language: a key of `i18n.LANGUAGES` (None: the one
    chosen under View > Language, else the system's; for a screenshot, the system's).
    """
    app = _application()
    settings = None if screenshot is not None else QSettings()
    i18n.install(i18n.resolve(language or i18n.saved_choice(settings)))
    recovery = None if screenshot is not None else default_folder()
    window = MainWindow(settings, analysis_ready=False, recovery_dir=recovery)
    if screenshot is not None:
        window.resize(*size)
    if not open_start_project(window, path, quiet=screenshot is not None) and screenshot:
        return EXIT_FAILED
    window.show()

    warmup = TorchWarmup(window)
    warmup.finished.connect(window.set_analysis_ready)
    app.aboutToQuit.connect(warmup.wait)
    result = {"code": EXIT_OK}
    if screenshot is not None:

        def capture(*_: object) -> None:
            window.view.show_network()
            app.processEvents()
            if not window.grab().save(str(screenshot)):
                print(f"error: cannot write {screenshot}", file=sys.stderr)
                result["code"] = EXIT_FAILED
            app.quit()

        def settled() -> bool:
            """Nothing of the start project is still being read or drawn in the background
            (the Data preview, its augmentation and plan, the layer previews)."""
            panel = window.evaluation_ui.data_panel
            jobs = (panel.loader, panel.augmenter, panel.planner)
            return not any(job.busy for job in jobs) and not window.previews.busy

        def capture_when_settled(waited: float = 0.0, calm: int = 0) -> None:
            # Twice settled in a row (a finished job may start the next), or 60 s at most.
            calm = calm + 1 if settled() else 0
            if calm >= 2 or waited >= 60.0:
                capture()
            else:
                QTimer.singleShot(100, lambda: capture_when_settled(waited + 0.1, calm))

        warmup.finished.connect(lambda *_: QTimer.singleShot(200, capture_when_settled))
    # An image folder's Data preview is drawn without PyTorch: torch loads once it is.
    panel = window.evaluation_ui.data_panel
    QTimer.singleShot(0, lambda: warmup.start_after(lambda: panel.loading_early, panel.early_ended))
    if screenshot is None:
        QTimer.singleShot(0, lambda: offer_recovery(window))  # after a crash: the work autosaved
    code = app.exec()
    return result["code"] if screenshot is not None else code


def open_start_project(window: MainWindow, path: Path | None, quiet: bool = False) -> bool:
    """Open `path`, or with none the example (else a built-in one); False if `path` failed.

    quiet: no dialogs (a failure is printed), for screenshots.
    """
    if path is not None:
        return _open_quietly(window, path) if quiet else window.open_file(path)
    if not (EXAMPLE.is_file() and _open_quietly(window, EXAMPLE, as_template=True)):
        window.set_document(Document(builtin_example(), analysis=window.analysis_ready))
    return True


def _open_quietly(window: MainWindow, path: Path, as_template: bool = False) -> bool:
    """Open `path` without dialogs (for the example and screenshots); False on failure.

    as_template: open it as a new project with no file (`as_template`), so saving asks where
    (the shipped example stays as it is).
    """
    from netstudio.gui.examples_dialog import as_template as template_of
    from netstudio.io import ProjectFileError, load_project

    try:
        project = load_project(path)
    except ProjectFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return False
    if as_template:
        project = template_of(project, path)
    window.set_document(Document(project, analysis=window.analysis_ready))
    return True
