"""Headless messages shown in Chinese: with the app in Simplified Chinese, a person opens a
broken project file (the dialog says what is wrong with it in Chinese, the file's path as it
is), makes a shape error in the Inspector (the node's tooltip and the Inspector say it in
Chinese), and trains a network whose loss blows up (the Training panel says why in Chinese)
while the run's record in the project keeps the English."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netstudio.gui.main_window import MainWindow
from netstudio.gui.training import session as session_module
from tests.gui.conftest import EXAMPLES

RUN_TIMEOUT = 30_000


def _window(qtbot, tmp_path: Path, monkeypatch, shown: list[QMessageBox]) -> MainWindow:
    """A main window built in the language installed; message boxes are kept, not waited on."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: discard)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(session_module, "unsaved_runs_root", lambda: tmp_path / "unsaved-runs")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _chain(*nodes: tuple[str, str, dict]) -> dict:
    return {
        "nodes": [
            {"id": i, "type": t, "name": i, "params": p, "position": [240.0 * k, 0.0]}
            for k, (i, t, p) in enumerate(nodes)
        ],
        "edges": [
            {"from": a[0], "from_port": "out", "to": b[0], "to_port": "in"}
            for a, b in pairwise(nodes)
        ],
    }


def _type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_headless_messages_are_shown_in_chinese(
    qtbot,
    tmp_path: Path,
    monkeypatch,
    chinese,
) -> None:
    shown: list[QMessageBox] = []
    window = _window(qtbot, tmp_path, monkeypatch, shown)

    # A file cut short: the dialog names the file and says, in Chinese, what is wrong.
    broken = tmp_path / "broken.net"
    broken.write_text("{", encoding="utf-8")
    assert not window.open_file(broken)
    (box,) = shown
    assert box.windowTitle() == "无法打开项目"
    assert box.text().startswith(f"{broken}：")
    assert "JSON" in box.text() and "第 1 行" in box.text() and "截断" in box.text()
    assert "line 1" not in box.text() and "truncated" not in box.text()
    assert box.detailedText() == box.text().removeprefix(f"{broken}：")
    assert window.document is None or window.document.project.path != broken

    # The spiral example, its points read as word ids by an Embedding of one word: the
    # network is valid, and the run fails on its first batch.
    data = json.loads((EXAMPLES / "spiral_toy.net").read_text(encoding="utf-8"))
    data["training"] |= {"epochs": 1}
    data["networks"][0]["graph"] = _chain(
        ("input", "Input", {"shape": [2], "dtype": "int64"}),
        ("embed", "Embedding", {"num_embeddings": 1, "embedding_dim": 4}),
        ("flat", "Flatten", {}),
        ("fc", "Linear", {"out_features": 3}),
        ("output", "Output", {}),
    )
    path = tmp_path / "spiral_toy.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    document = window.document
    assert document is not None
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✓ 有效"), timeout=20_000)

    # fc is told it takes 5 features, in the Inspector: its shape error is said in Chinese
    # on the node's card (its tooltip) and in the Inspector; the core's message stays English.
    window.scene.select_nodes(["fc"])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.node_id == "fc", timeout=5_000)
    _type_into(inspector.editors["in_features"].widget, "5")
    assert document.graph.node("fc").params["in_features"] == 5
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✗"), timeout=20_000)
    info = document.info("fc")
    assert info is not None and info.error is not None
    assert "in_features" in info.error and "8" in info.error  # the English, for the CLI
    tooltip = window.scene.nodes["fc"].toolTip()
    said = inspector.problem_label.text()
    for text in (tooltip, said):
        assert "fc" in text and "in_features" in text and "8" in text
        assert str(info.error) not in text
        assert any("\u4e00" <= c <= "\u9fff" for c in text.splitlines()[-1])  # Chinese
    assert inspector.problem_label.isVisible()

    # Undone, the network is valid again; the run fails, said in Chinese.
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✓ 有效"), timeout=20_000)
    ui = window.training_ui
    with qtbot.waitSignal(ui.session.run_finished, timeout=RUN_TIMEOUT) as done:
        window.menu_actions.train.trigger()
    record = done.args[0].record
    assert record["status"] == "failed" and record["error"]["node_id"] == "embed"
    banner = ui.panel.failure
    assert banner.isVisible()
    text = banner.label.text()
    assert text.startswith("形状不匹配：网络运行出错（位于 Embedding 'embed'）")
    assert "num_embeddings" in text and "0..0" in text and "词表大小" in text
    assert "raise num_embeddings" not in text
    assert text.endswith("出错位置：Embedding 'embed'（已在画布上选中）。")
    # The project keeps the English, in memory and in the file saved.
    message = record["error"]["message"]
    assert message == (
        "the network failed in Embedding 'embed' at epoch 1, batch 1: index out of range in "
        "self. The data holds token ids outside 0..0: raise num_embeddings to the vocabulary size"
    )
    assert document.project.runs == [record]
    window.menu_actions.save.trigger()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["runs"][0]["error"]["message"] == message
    assert not shown[1:]  # no other message box


def test_a_file_problem_keeps_its_json_path(qtbot, tmp_path: Path, monkeypatch, chinese) -> None:
    """A file read in part: the dialog says the part left out, by its JSON path, in Chinese."""
    shown: list[QMessageBox] = []
    window = _window(qtbot, tmp_path, monkeypatch, shown)
    data = json.loads((EXAMPLES / "spiral_toy.net").read_text(encoding="utf-8"))
    data["networks"].append(dict(data["networks"][0]))  # a second network named "main"
    path = tmp_path / "spiral_toy.net"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    (box,) = shown
    assert box.windowTitle() == "项目已打开，但有问题"
    (line,) = box.detailedText().splitlines()
    assert line.startswith("networks[1].name：") and "'main'" in line and "networks[0]" in line
    assert any("\u4e00" <= c <= "\u9fff" for c in line) and "already named" not in line
    assert line in box.text()
    document = window.document
    assert document is not None  # the file's own problem keeps the English
    assert str(document.project.problems[0]).startswith("networks[1].name: another network")
