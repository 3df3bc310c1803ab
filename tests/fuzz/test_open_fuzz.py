"""The app opens a few hundred damaged projects, offscreen: each is opened or refused with a
message, every node that opens can be selected, nothing raises or hangs, and no file is
written.

Selecting a node builds its Inspector page, most of the test's time: a node whose page would
show what a page selected before showed (the same layer, name and settings, the same inferred
shapes and problems, the same fine-tuning) is not selected again. Most damage leaves most
nodes of a file as the example has them; each damaged node, and each node whose shapes or
problems the damage changed, is still selected."""

from __future__ import annotations

import json
import os
import time
import traceback
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from netstudio.gui.document import Document
from netstudio.gui.main_window import MainWindow
from netstudio.gui.tuning_edits import frozen_ids, multiplier_of

#: Seconds one file may take to open and have each node selected (see test_check_fuzz).
DEADLINE = 20.0
#: The GUI is slower than `check`: every other damaged file is enough to reach each stage.
STRIDE = 2


def inspector_page(document: Document, node_id: str) -> str:
    """What selecting `node_id` shows in the Inspector, as one string: the layer, its name and
    settings (a Block's also the networks it may run), what shape inference found, the node's
    problems and its fine-tuning."""
    node = document.graph.node(node_id)
    info = document.info(node_id)
    found = info and (info.outputs, info.inputs, info.resolved, info.param_count, info.error)
    networks = [name for name, _ in document.project.network_items()]
    return repr(
        (
            node.type_id,
            node.name,
            json.dumps(node.params, sort_keys=True, default=repr),
            networks if node.type_id == "Block" else None,
            repr(found),
            [(p.severity, p.message) for p in document.node_problems(node_id)],
            node_id in frozen_ids(document),
            multiplier_of(document, node_id),
        )
    )


def test_the_app_opens_every_damaged_file(
    qtbot, fuzz_cases: list[tuple[str, bytes]], tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    discard = QMessageBox.StandardButton.Discard  # the damaged file before is never saved
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    # Shapes are then inferred as each file opens: a page's key is what it will show.
    qtbot.waitUntil(lambda: window.analysis_ready, timeout=60_000)
    folder = tmp_path / "projects"
    folder.mkdir()
    failures = []
    opened = refused = selected = 0
    pages: set[str] = set()
    with qtbot.captureExceptions() as raised:  # also what background work raises later
        for index, (label, data) in enumerate(fuzz_cases[::STRIDE]):
            path = folder / f"case{index}.net"
            path.write_bytes(data)
            before, seen = len(shown), len(raised)
            start = time.perf_counter()
            try:
                if window.open_file(path):
                    opened += 1
                    document = window.document
                    for node_id in [node.id for node in document.graph.nodes()]:
                        page = inspector_page(document, node_id)
                        if page in pages:
                            continue
                        pages.add(page)
                        window.scene.select_nodes([node_id])
                        QApplication.processEvents()
                        selected += 1
                else:
                    refused += 1
                    assert len(shown) > before, "refused without a message"
                qtbot.wait(5)
            except Exception as error:
                failures.append(f"{label}: {traceback.format_exception_only(error)[-1].strip()}")
            failures += [f"{label}: {error!r}" for _, error, _ in raised[seen:]]
            if time.perf_counter() - start > DEADLINE:
                failures.append(f"{label}: took {time.perf_counter() - start:.0f} s")
            if path.read_bytes() != data:
                failures.append(f"{label}: the file was written")
        qtbot.wait(200)
        failures += [f"after the last file: {error!r}" for _, error, _ in raised[len(raised) :]]
    written = sorted(p.name for p in folder.iterdir() if not p.name.startswith("case"))
    assert not written, f"files appeared beside the projects: {written}"
    assert not failures, f"{len(failures)} files:\n" + "\n".join(failures)
    assert opened and refused and selected, (opened, refused, selected)
