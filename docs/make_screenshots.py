"""Render the README's screenshots: `python docs/make_screenshots.py` (offscreen is fine).

The editor on the CIFAR-10 CNN; the digits MLP trained from the app (live curves); the
evaluation of that run (confusion matrix, per-class scores). Each PNG is the real main window,
once in English and once in Simplified Chinese (``*_zh_CN.png``; the app picks its language at
start, so the Chinese set comes from a second window made after the language is installed).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1400, 900)


def wait(app: QApplication, signal, seconds: float = 120) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    app.processEvents()


def main() -> int:
    app = QApplication(sys.argv[:1])
    import torch  # noqa: F401  (the app loads it behind the window)

    from netstudio.gui import i18n

    for language, suffix in (("en", ""), ("zh_CN", "_zh_CN")):
        i18n.install(language)
        render(app, suffix)
    return 0


def render(app: QApplication, suffix: str) -> None:
    """The three pictures, named with `suffix`, from a new window in the installed language."""
    from netstudio.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(*SIZE)
        window.show()
        assert window.open_file(ROOT / "examples" / "cifar10_cnn.net")
        window.view.show_network()
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / f"screenshot{suffix}.png"))

        project = Path(tmp) / "digits_mlp.net"
        shutil.copy(ROOT / "examples" / "digits_mlp.net", project)
        assert window.open_file(project)
        window.view.show_network()
        session = window.training_ui.session
        window.menu_actions.train.trigger()
        wait(app, session.run_finished)
        vertical = Qt.Orientation.Vertical
        window.resizeDocks([window.summary_dock], [360], vertical)  # room for the plots
        window.training_ui.curves_dock.raise_()
        window.training_dock.raise_()
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / f"training{suffix}.png"))
        window.evaluation_ui.docks["evaluation_dock"].raise_()
        matrix = window.evaluation_ui.evaluation_panel.matrix.matrix_model.matrix
        wrong = max(
            ((t, p) for t in range(len(matrix)) for p in range(len(matrix)) if t != p),
            key=lambda cell: matrix[cell[0]][cell[1]],
        )
        window.evaluation_ui.evaluation_panel.show_cell(*wrong)  # the most common confusion
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / f"evaluation{suffix}.png"))
        window.hide()  # not close(): the run it made is new, and closing would ask to save it
        window.deleteLater()


if __name__ == "__main__":
    sys.exit(main())
