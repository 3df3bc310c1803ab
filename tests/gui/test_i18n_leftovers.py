"""The last English corners, in Chinese: a person browses File > Examples (names and
descriptions in Chinese; the one opened becomes their project under its Chinese name, the
example's file untouched), wires a Conv2d after a Flatten (the card and Problems say the rank
and its fix in Chinese, the core keeps the English the CLI prints), types a value and a name
the Inspector refuses, reads Help > Layer reference, picks the data to train an import on,
meets a crash of the training thread, and starts a search whose objective no run records: each
said in Chinese, while what is stored stays English.

NETSTUDIO_SHOTS=folder saves the screens shown to that folder as i18n_*.png (to look at them).
"""

from __future__ import annotations

import hashlib
import json
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from netstudio.gui.examples_dialog import EXAMPLES, PATH_ROLE, ExamplesDialog
from netstudio.gui.import_dialog import ImportDialog
from netstudio.gui.layer_reference import LayerReferenceDialog
from netstudio.gui.main_window import MainWindow
from tests.shots import save_shot

RUN_TIMEOUT = 60_000


@pytest.fixture(autouse=True)
def _in_chinese(chinese) -> None:
    """Every test here in Chinese, installed before the window fixtures build their window."""


def _shot(widget: QWidget, name: str) -> None:
    save_shot(widget, f"i18n_{name}")


def _type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


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


def test_the_examples_gallery_in_chinese(digits_window: MainWindow, hands) -> None:
    window = digits_window  # PyTorch is not needed
    example = EXAMPLES / "digits_mlp.net"
    before = hashlib.sha256(example.read_bytes()).hexdigest()
    hands.action(window, "file_examples").trigger()
    dialog = window.findChild(ExamplesDialog, "examples_dialog")
    assert dialog is not None and dialog.windowTitle() == "示例"
    items = {
        dialog.list.item(i).data(PATH_ROLE).name: dialog.list.item(i)
        for i in range(dialog.list.count())
    }
    assert items["digits_mlp.net"].text() == "手写数字 MLP"
    assert items["transfer_digits.net"].text() == "迁移学习：数字 5–9"
    assert items["cifar10_cnn.net"].text() == "CIFAR-10 卷积网络"
    tip = items["digits_mlp.net"].toolTip()
    assert "scikit-learn 自带的 8×8 手写数字" in tip and "digits_mlp.net" in tip
    assert "handwritten" not in tip
    dialog.resize(1100, 640)
    _shot(dialog, "examples")

    dialog.list.setCurrentItem(items["digits_mlp.net"])
    dialog.findChild(QPushButton, "examples_open").click()
    document = window.document
    assert document is not None and document.path is None  # a new project: saving asks where
    assert document.project.name == "手写数字 MLP"  # the person's project, in their language
    assert document.project.description.startswith("scikit-learn 自带的")
    assert window.windowTitle().startswith("手写数字 MLP")
    assert hashlib.sha256(example.read_bytes()).hexdigest() == before  # the example stays
    assert json.loads(example.read_text(encoding="utf-8"))["name"] == "Digits MLP"


def test_a_layer_given_the_wrong_rank_says_its_fix_in_chinese(
    window: MainWindow, open_example, qtbot
) -> None:
    graph = _chain(
        ("input", "Input", {}),
        ("flat", "Flatten", {}),
        ("conv", "Conv2d", {"out_channels": 4}),
        ("flat2", "Flatten", {}),
        ("fc", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    )
    open_example("digits_mlp.net", graph=graph)
    qtbot.waitUntil(lambda: window.validity_label.text().startswith("✗"), timeout=20_000)
    document = window.document
    assert document is not None
    info = document.info("conv")
    assert info is not None and info.error == (  # the core's words, as `netstudio check` prints
        "Conv2d 'conv' expects 4-D input, got (N, 64): 'conv' needs (N, C, H, W) input: set the "
        "Input shape to include channels, or insert an Unflatten or Reshape before it"
    )
    said = (
        "Conv2d 'conv' 需要 4-D 输入，收到的是 (N, 64)：'conv' 需要 (N, C, H, W) 输入：请让输入"
        "（Input）节点的形状包含通道，或在它前面插入 Unflatten 或 Reshape"
    )
    assert said in window.scene.nodes["conv"].toolTip()
    problems = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any(said in text for text in problems), problems
    window.scene.select_nodes(["conv"])
    window.view.centerOn(window.scene.nodes["conv"])
    _shot(window, "bad_rank")


def test_the_inspector_refuses_a_value_and_a_name_in_chinese(
    window: MainWindow, open_example, qtbot
) -> None:
    graph = _chain(
        ("input", "Input", {}),
        ("conv", "Conv2d", {"out_channels": 4}),
        ("flat", "Flatten", {}),
        ("fc", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    )
    open_example("digits_mlp.net", graph=graph)
    document = window.document
    assert document is not None
    window.scene.select_nodes(["conv"])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.node_id == "conv", timeout=5_000)
    _type_into(inspector.editors["kernel_size"].widget, "3, 3, 3")
    assert inspector.errors["kernel_size"].text() == "'kernel_size' 必须有 2 个值，当前有 3 个"
    assert document.graph.node("conv").params["kernel_size"] == (3, 3)  # nothing changed
    assert inspector.name_edit is not None
    _type_into(inspector.name_edit, "fc")
    assert inspector.errors[""].text() == "已有另一个节点名为 'fc'"
    assert document.graph.node("conv").name == "conv"
    _shot(inspector, "inspector_refusals")


def test_the_layer_reference_in_chinese(window: MainWindow, hands) -> None:
    hands.action(window, "help_layer_reference").trigger()
    dialog = window.findChild(LayerReferenceDialog, "help_layer_reference_dialog")
    assert dialog is not None and dialog.windowTitle() == "层参考"
    assert dialog.search.placeholderText() == "搜索层及其说明…"
    assert dialog.show_layer("Conv2d")
    text = dialog.page.toPlainText()
    for words in ("接受 4 维的张量（含批次维度）。", "参数", "类型", "默认值", "范围"):
        assert words in text, words
    assert "整数，或自动" in text and "2 个整数" in text and "每个值：1 到 65536" in text
    assert "以下之一：zeros, reflect, replicate, circular" in text  # PyTorch's own values
    assert "Parameter" not in text and "whole number" not in text
    assert dialog.show_layer("Linear")
    assert "接受 2 或 3 维的张量（含批次维度）。" in dialog.page.toPlainText()
    _shot(dialog, "layer_reference")
    hands.type_into(dialog.search, "no such layer at all", enter=False)
    assert dialog.page.toPlainText() == "没有与搜索匹配的层。"


def test_the_data_to_train_an_import_on_in_chinese(window: MainWindow, hands) -> None:
    hands.action(window, "file_import").trigger()
    dialog = window.findChild(ImportDialog, "import_dialog")
    assert dialog is not None
    items = {dialog.data.itemData(i): dialog.data.itemText(i) for i in range(dialog.data.count())}
    assert items[None].startswith("与输入匹配的数据")
    assert items["moons"] == "双月牙" and items["image_folder"] == "图像文件夹"
    assert items["mnist"] == "MNIST" and items["cifar10"] == "CIFAR-10"  # datasets' own names
    hands.type_into(dialog.py_shape, "1, 8, 8", enter=False)
    assert dialog.data.itemText(0) == "与输入匹配的数据（手写数字（8×8））"
    dialog.data.setCurrentIndex(dialog.data.findData("moons"))
    assert dialog.data.currentData() == "moons"  # the choice is the source's id
    _shot(dialog, "import")


def test_a_crash_of_the_training_thread_in_chinese(
    window: MainWindow, open_example, hands, qtbot, monkeypatch
) -> None:
    from netstudio.gui.training.worker import TrainingWorker

    def crash(self) -> None:
        raise RuntimeError("a bug in the worker")

    monkeypatch.setattr(TrainingWorker, "_run", crash)
    open_example("spiral_toy.net", training={"epochs": 1})
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT):
        hands.action(window, "train_start").trigger()
    banner = window.training_ui.panel.failure
    assert banner.isVisibleTo(window.training_ui.panel)
    assert "训练已停止：RuntimeError：a bug in the worker" in banner.label.text()
    document = window.document
    assert document is not None  # the record keeps the English
    error = document.project.runs[-1]["error"]
    assert error["message"] == "training stopped: RuntimeError: a bug in the worker"


def test_a_search_objective_no_run_records_is_refused_in_chinese(
    window: MainWindow, open_example
) -> None:
    path = open_example("digits_search.net")
    project = json.loads(path.read_text(encoding="utf-8"))
    project["data"]["val_fraction"] = 0
    project["search"]["objective"] = {"metric": "val_accuracy"}
    path.write_text(json.dumps(project), encoding="utf-8")
    assert window.open_file(path)
    panel = window.search_ui.panel
    panel.start()
    assert panel.status.text() == (
        "超参数搜索无法开始：数据没有留出验证集（验证集比例为 0），所以训练不会记录 val_accuracy："
        "请在“数据”面板中给验证集比例设一个值，或改用其他指标评判试验"
    )
    assert not panel.worker.running


def test_a_search_target_that_is_gone_is_refused_in_chinese(
    window: MainWindow, open_example
) -> None:
    """A searched node deleted since, and a data source's parameter that does not exist: the
    Search panel's table and its refusal say each in Chinese (the data source by its Chinese
    name); `netstudio check` keeps the English."""
    from netstudio.search.checks import check_problems

    path = open_example("digits_search.net")
    project = json.loads(path.read_text(encoding="utf-8"))
    parameters = project["search"]["parameters"]
    parameters[1]["target"] = "fc9.out_features"
    parameters[2] = {"target": "data.params.nope", "domain": {"kind": "choice", "values": [1]}}
    path.write_text(json.dumps(project), encoding="utf-8")
    assert window.open_file(path)
    panel = window.search_ui.panel
    panel.start()
    assert panel.status.text() == (
        "超参数搜索无法开始：fc9.out_features：没有节点 fc9——请把它从超参数搜索中移除，或另选一个"
    )
    assert not panel.worker.running
    said = panel.parameters.item(2, 2).text()
    assert said == (
        "data.params.nope：数据源“手写数字（8×8）”没有参数 nope（它的参数：digits）——"
        "请把它从超参数搜索中移除，或另选一个"
    )
    assert window.document is not None
    assert check_problems(window.document.project)[1] == (  # the CLI's words stay English
        "search.parameters[2]: data.params.nope: the data source Digits (8×8) has no parameter "
        "nope (its parameters: digits) — remove it from the search or pick another"
    )
    panel.resize(1300, 520)
    _shot(panel, "search_target_gone")


def test_a_files_bad_parameter_is_said_in_chinese() -> None:
    """A parameter the graph refuses, inside a file's problems: the file reader keeps the
    refusal's message, so the app says it in Chinese; the English (the CLI's) is unchanged."""
    from netstudio.gui import i18n
    from netstudio.io import loads_project
    from netstudio.io.errors import ProjectFileError

    raw = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    nodes = raw["networks"][0]["graph"]["nodes"]
    next(n for n in nodes if n["id"] == "fc1")["params"]["out_features"] = 0
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(raw))
    problem = caught.value.problems[0]
    assert str(problem) == (
        "networks[0].graph.nodes[1].params.out_features: Linear 'fc1': 'out_features' must be "
        "at least 1, got 0: choose a value from 1 to 1048576"
    )
    assert i18n.translated(problem.message) == (
        "Linear 'fc1'：'out_features' 不能小于 1，当前为 0：请选择 1 到 1048576 之间的值"
    )


def test_every_example_is_listed_for_translation() -> None:
    """A new example, or a changed name or description, fails here until it is listed in
    example_words.WORDS (and so reaches the catalogue) and translated."""
    from netstudio.gui.example_words import WORDS, example_text
    from netstudio.io import load_project

    same_in_chinese = {"MNIST GAN", "MNIST MLP"}  # a dataset's name and an acronym
    for path in sorted(EXAMPLES.glob("*.net")):
        project = load_project(path)
        for text in (project.name, project.description):
            assert text in WORDS, (path.name, text)
            assert example_text(text) != text or text in same_in_chinese, (path.name, text)


def test_search_this_refuses_an_empty_list_and_an_empty_range_in_chinese(
    window: MainWindow, open_example, hands
) -> None:
    """The "Search this…" dialog of the learning rate, with a list of values left empty, then
    a range given high end first: the dialog says each refusal of the search section in
    Chinese (the section's English is unchanged) and nothing is added to the project."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from netstudio.gui.search_fields import SEARCH_THIS, search_offer
    from netstudio.search.config import Domain

    open_example("digits_mlp.net")
    document = window.document
    assert document is not None
    before = (document.project.search, document.undo_stack.count())
    lr = window.findChild(QAbstractSpinBox, "training_optimizer_lr")
    (entry,) = [a for a in search_offer(lr).menu().actions() if a.objectName() == SEARCH_THIS]
    entry.trigger()
    dialog = window.search_ui.host.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.findChild(QPushButton, "search_ok")
    dialog.list_button.click()
    hands.type_into(dialog.values, "", enter=False)
    ok.click()
    assert dialog.message.text() == "一组选项至少需要一个值"
    dialog.range_button.click()
    dialog.log.setChecked(False)
    hands.type_into(dialog.low, "0.5", enter=False)
    hands.type_into(dialog.high, "0.001", enter=False)
    ok.click()
    said = "范围 0.5..0.001 是空的：下限不能大于上限（是不是指 0.001..0.5？）"
    assert dialog.message.text() == said
    assert dialog.isVisible()
    _shot(dialog, "search_dialog_empty_range")
    assert (document.project.search, document.undo_stack.count()) == before
    with pytest.raises(ValueError, match=r"the range 0\.5\.\.0\.001 is empty: its low end must be "
                       r"at most its high end \(did you mean 0\.001\.\.0\.5\?\)"):  # fmt: skip
        Domain.model_validate({"kind": "float", "low": 0.5, "high": 0.001})
    dialog.close()


def test_the_runs_the_app_named_read_in_chinese_and_stay_english_in_the_file(
    digits_window: MainWindow, hands
) -> None:
    """The Runs table names "Run 1" and "Trial 2 of digits" in Chinese; a name the person
    gave stays; after File ▸ Save the project file keeps the names in English."""
    from netstudio.gui.panels.run_table import NAME

    window = digits_window
    document = window.document
    epochs = [{"epoch": 1, "val_accuracy": 0.9, "train_loss": 0.5, "val_loss": 0.4}]
    for name in ("Run 1", "Trial 2 of digits", "Baseline"):
        document.add_run({"id": name.replace(" ", "_"), "name": name, "status": "finished",
                          "epochs": epochs})  # fmt: skip
    window.show_dock(window.evaluation_ui.docks["runs_dock"])
    runs = window.evaluation_ui.runs_panel
    shown = [runs.model.text(row, NAME) for row in range(runs.model.rowCount())]
    assert sorted(shown) == sorted(["训练记录 1", "digits 的第 2 次试验", "Baseline"])
    hands.action(window, "file_save").trigger()  # File ▸ Save (Ctrl+S)
    path = document.path
    assert path is not None and not document.modified
    stored = [run["name"] for run in json.loads(path.read_text(encoding="utf-8"))["runs"]]
    assert sorted(stored) == ["Baseline", "Run 1", "Trial 2 of digits"]
