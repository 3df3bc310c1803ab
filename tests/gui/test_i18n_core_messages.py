"""Story: a person who reads Chinese works on the digits MLP and runs into what the core refuses.
They drag a wire into an input that is already wired and one that would close a loop: the
status bar says why in Chinese, node names as they are, and the network is as it was. They
give the last Linear 3 units: the Problems list says in Chinese that the loss needs one score
per class (10 classes), and Ctrl+Z gives the 10 units back. They open a file that holds NaN
(Python wrote it, JSON has no such number): the message is Chinese, the window keeps the
project it had. The same refusals stay English for the command line."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from netstudio.gui.main_window import MainWindow
from netstudio.io import project_to_dict
from tests.shots import save_shot


def _drag_wire(window: MainWindow, src: str, src_port: str, dst: str, dst_port: str) -> None:
    """Drag from `src`'s output port to `dst`'s input port, as a hand does."""
    view, scene = window.view, window.scene
    start = scene.port(src, src_port, False).scene_anchor()
    end = scene.port(dst, dst_port, True).scene_anchor()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view.viewport(), left, none, view.mapFromScene(start))
    for i in range(1, 7):
        QTest.mouseMove(view.viewport(), view.mapFromScene(start + (end - start) * (i / 6)))
    QTest.mouseRelease(view.viewport(), left, none, view.mapFromScene(end))


def _file(window: MainWindow) -> dict:
    document = window.document
    assert document is not None
    return json.loads(json.dumps(project_to_dict(document.project)))


def test_core_refusals_read_in_chinese(
    qtbot, chinese, window: MainWindow, open_example, hands, tmp_path: Path, monkeypatch
) -> None:
    open_example("digits_mlp.net")
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✓ 有效 · "), timeout=20000)
    document = window.document
    assert document is not None
    window.view.set_zoom(1.0)
    status = window.statusBar()

    # A wire into relu1's input, which fc1 already feeds: refused, said in Chinese.
    before = _file(window)
    window.view.centre_on_node("relu1")
    _drag_wire(window, "input", "out", "relu1", "in")
    said = status.currentMessage()
    assert said == "无法连接：ReLU 'relu1' 的输入 'in' 已经连着 'fc1'：请先删除那条连线"
    assert _file(window) == before

    # Two new layers wired in a ring: the second wire would close a loop.
    add = hands.drop_layer(window, "Add", QPoint(-120, 160))
    dense = hands.drop_layer(window, "Linear", QPoint(120, 160))
    _drag_wire(window, add, "out", dense, "in")
    assert document.graph.edge_into(dense, "in") is not None
    before = _file(window)
    _drag_wire(window, dense, "out", add, "in1")
    add_label, dense_label = document.graph.node(add).label, document.graph.node(dense).label
    add_name, dense_name = document.graph.node(add).name, document.graph.node(dense).name
    assert status.currentMessage() == (
        f"无法连接：把 {dense_label} 连到 {add_label} 会形成环路："
        f"'{add_name}' 已经流向 '{dense_name}'"
    )
    assert _file(window) == before
    save_shot(window, "i18n_core_messages_cycle")
    for _ in range(3):  # the wire and the two layers go again
        window.menu_actions.undo.trigger()
    assert add not in document.graph and dense not in document.graph

    # The last Linear with 3 units: the loss needs one score per class, said in Chinese.
    scene = window.scene
    window.view.centre_on_node("fc2")
    point = window.view.mapFromScene(scene.nodes["fc2"].scenePos() + QPointF(60, 40))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
    assert window.inspector.node_id == "fc2"
    hands.type_into(window.inspector.editors["out_features"].widget, "3")
    wanted = (
        "cross_entropy 需要每个类别一个分数：数据有 10 个类别，但输出给出 3 个值："
        "请把最后一个 Linear 设为 10 个单元"
    )
    problems = window.problems

    def listed() -> list[str]:
        return [problems.item(i).text() for i in range(problems.count())]

    qtbot.waitUntil(lambda: any(wanted in text for text in listed()), timeout=20000)
    assert any(str(p.message).startswith("cross_entropy needs one score per class: the data has "
                                         "10 classes but the output gives 3 values")
               for p in document.problems)  # fmt: skip
    window.problems_dock.raise_()
    save_shot(window, "i18n_core_messages_problems")
    window.menu_actions.undo.trigger()
    assert document.graph.node("fc2").params["out_features"] == 10
    qtbot.waitUntil(lambda: not any(wanted in text for text in listed()), timeout=20000)

    # File > Open on a file Python wrote with NaN in it: refused in Chinese, nothing changes.
    broken = tmp_path / "nan.net"
    broken.write_text('{"format": "netstudio", "version": 3, "x": NaN}', encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(broken), ""))
    )
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        box.show()
        save_shot(box, "i18n_core_messages_open")
        box.hide()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    before = _file(window)
    window.menu_actions.open.trigger()
    assert shown == [("无法打开项目", f"{broken}：不是有效的 JSON：NaN 不是 JSON 数字")]
    assert window.document is document and _file(window) == before
