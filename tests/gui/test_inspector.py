"""The inspector: a form generated from the layer's parameter specs; each committed change is
one undo step, and a value the graph refuses is explained and changes nothing."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from netstudio.core.graph import NetworkGraph
from netstudio.gui.canvas.scene import CanvasScene
from netstudio.gui.commands import AddNodeCommand, ConnectCommand
from netstudio.gui.document import Document
from netstudio.gui.inspector import Inspector
from netstudio.io import Project


@pytest.fixture
def document(mlp_graph: NetworkGraph) -> Document:
    return Document(Project(graph=mlp_graph))


@pytest.fixture
def inspector(qtbot, document: Document) -> Inspector:
    widget = Inspector()
    widget.set_document(document)
    widget.resize(320, 600)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def editor(inspector: Inspector, name: str):
    return inspector.editors[name].widget


def type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Backspace)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_the_form_is_generated_from_the_param_specs(inspector: Inspector) -> None:
    inspector.show_node("fc1")
    assert isinstance(editor(inspector, "out_features"), QSpinBox)
    assert editor(inspector, "out_features").value() == 256
    assert editor(inspector, "out_features").minimum() == 1
    assert isinstance(editor(inspector, "bias"), QCheckBox)
    auto = editor(inspector, "in_features")
    assert isinstance(auto, QLineEdit)
    assert auto.text() == "" and auto.placeholderText() == "auto (784)"
    assert "size of each output sample" in editor(inspector, "out_features").toolTip()
    assert inspector.output_label.text() == "N×256"
    assert inspector.params_label.text() == "200,960"


def test_other_kinds_of_editor(inspector: Inspector, document: Document) -> None:
    ids = {}
    for type_id in ("Conv2d", "BatchNorm2d", "GELU"):
        command = AddNodeCommand(document.graph, type_id, (0.0, 0.0))
        document.push(command)
        ids[type_id] = command.node_id
    inspector.show_node(ids["Conv2d"])
    assert editor(inspector, "kernel_size").text() == "3, 3"
    assert isinstance(editor(inspector, "padding_mode"), QComboBox)
    inspector.show_node(ids["BatchNorm2d"])
    eps = editor(inspector, "eps")
    assert isinstance(eps, QDoubleSpinBox) and eps.text() == "1e-05"
    inspector.show_node(ids["GELU"])
    assert editor(inspector, "approximate").currentText() == "none"


def test_editing_a_parameter_updates_the_node_on_the_canvas(
    inspector: Inspector, document: Document
) -> None:
    scene = CanvasScene(document)
    inspector.show_node("fc1")
    type_into(editor(inspector, "out_features"), "64")
    assert document.graph.node("fc1").params["out_features"] == 64
    assert document.undo_stack.count() == 1
    assert scene.nodes["fc1"].shape_text == "N×64"
    assert scene.nodes["fc1"].subtitle == "Linear · 64 units"
    assert scene.nodes["fc2"].params_text == "8.3 k"  # 64·128 + 128, in_features inferred
    assert inspector.output_label.text() == "N×64"
    document.undo_stack.undo()
    assert editor(inspector, "out_features").value() == 256
    assert scene.nodes["fc1"].shape_text == "N×256"
    scene.detach()


def test_a_pinned_auto_value_and_back_to_auto(inspector: Inspector, document: Document) -> None:
    inspector.show_node("fc2")
    field = editor(inspector, "in_features")
    type_into(field, "100")
    assert document.graph.node("fc2").params["in_features"] == 100
    assert "in_features = 100" in inspector.problem_label.text()
    type_into(field, "")
    assert document.graph.node("fc2").params["in_features"] is None
    assert inspector.problem_label.isHidden()


def test_a_bad_tuple_is_explained_and_changes_nothing(
    inspector: Inspector, document: Document
) -> None:
    command = AddNodeCommand(document.graph, "Conv2d", (0.0, 0.0))
    document.push(command)
    inspector.show_node(command.node_id)
    steps = document.undo_stack.count()
    field = editor(inspector, "kernel_size")
    type_into(field, "3, 3, 3")
    error = inspector.errors["kernel_size"]
    assert not error.isHidden() and "must have 2 values" in error.text()
    assert document.graph.node(command.node_id).params["kernel_size"] == (3, 3)
    assert document.undo_stack.count() == steps
    type_into(field, "three")
    assert "'three' is not one" in error.text()
    type_into(field, "5x5")
    assert error.isHidden()
    assert document.graph.node(command.node_id).params["kernel_size"] == (5, 5)


def test_lowering_merge_inputs_below_a_wire_is_refused(
    inspector: Inspector, document: Document
) -> None:
    command = AddNodeCommand(document.graph, "Add", (0.0, 0.0), params={"inputs": 3})
    document.push(command)
    document.push(ConnectCommand(document.graph, "fc1", "out", command.node_id, "in3"))
    inspector.show_node(command.node_id)
    type_into(editor(inspector, "inputs"), "2")
    assert document.graph.node(command.node_id).params["inputs"] == 3
    assert "still has a wire" in inspector.errors["inputs"].text()


def test_rename_and_a_name_clash(inspector: Inspector, document: Document) -> None:
    inspector.show_node("fc1")
    name = inspector.name_edit
    type_into(name, "hidden")
    assert document.graph.node("fc1").name == "hidden"
    assert document.undo_stack.undoText() == "Rename fc1 to hidden"
    type_into(name, "fc2")
    assert document.graph.node("fc1").name == "hidden"
    assert "already named 'fc2'" in inspector.errors[""].text()


def test_nothing_selected_shows_a_hint(inspector: Inspector) -> None:
    inspector.show_node(None)
    assert inspector.currentWidget() is inspector.hint
    inspector.show_node(None, count=3)
    assert inspector.hint.text() == "3 layers selected."
