"""The Input follows the data, the way a person meets it: File > New, an MLP from the palette,
the Input shows "auto (1×8×8)" and trains at once; choosing other data moves the Input with it,
and what then does not fit (the output for the classes, an Input set by hand) is a Problem on
the canvas and in the Problems list before Train, and Train refuses with it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QSpinBox

from netstudio.gui.main_window import MainWindow

RUN_TIMEOUT = 60_000


def select(window: MainWindow, node_id: str) -> None:
    window.scene.select_nodes([node_id])
    assert window.inspector.node_id == node_id


def shown_auto(window: MainWindow, param: str) -> str:
    """The inspector's field of `param`: empty, with what auto means as its placeholder."""
    field = window.inspector.editors[param].widget
    assert isinstance(field, QLineEdit) and field.text() == ""
    return field.placeholderText()


def problem_lines(window: MainWindow) -> list[str]:
    problems = window.findChild(QListWidget, "problems_list")
    return [problems.item(i).text() for i in range(problems.count())]


def test_the_input_follows_the_data_and_a_mismatch_is_a_problem_before_train(
    hands, qtbot, window: MainWindow
) -> None:
    # File > New, and Input → Flatten → Linear → Output from the palette.
    hands.action(window, "file_new").trigger()
    window.resize(1400, 900)
    window.view.set_zoom(0.7)
    source = hands.drop_layer(window, "Input", QPoint(-420, 0))
    flat = hands.drop_layer(window, "Flatten", QPoint(-140, 0))
    fc = hands.drop_layer(window, "Linear", QPoint(140, 0))
    output = hands.drop_layer(window, "Output", QPoint(420, 0))
    for a, b in ((source, flat), (flat, fc), (fc, output)):
        hands.wire(window, a, b)
    document = window.document
    assert len(document.graph.edges()) == 3
    select(window, fc)
    hands.type_into(window.inspector.editors["out_features"].widget, "10")

    # The Input is auto and shows the digits' shape; the Linear's input follows it.
    select(window, source)
    assert shown_auto(window, "shape") == "auto (1×8×8)"
    assert window.scene.nodes[source].subtitle == "Input · auto (1×8×8)"
    select(window, fc)
    assert shown_auto(window, "in_features") == "auto (64)"
    assert window.validity_label.text().startswith("✓ valid")

    # F5 trains it, without a failure.
    hands.type_into(window.findChild(QSpinBox, "training_epochs"), "1")
    session = window.training_ui.session
    with qtbot.waitSignal(session.run_finished, timeout=RUN_TIMEOUT) as finished:
        hands.action(window, "train_start").trigger()
    record = finished.args[0].record
    assert record["status"] == "finished", record["error"]
    assert document.graph.node(source).params["shape"] is None  # still auto

    # The spiral (points in the plane, 3 classes) chosen in the Data panel.
    combo = window.evaluation_ui.data_panel.findChild(QComboBox, "data_source")
    spiral = combo.findData("spiral")
    combo.setFocus()
    while combo.currentIndex() != spiral:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < spiral else Qt.Key.Key_Up)
    assert document.project.data["source"] == "spiral"
    select(window, source)
    assert shown_auto(window, "shape") == "auto (2)"
    assert window.scene.nodes[source].subtitle == "Input · auto (2)"
    assert document.info(fc).resolved["in_features"] == 2
    # 10 outputs for 3 classes: marked on the Output, listed, and Train refuses with it.
    assert window.scene.nodes[output].severity == "error"
    assert "3 classes" in window.scene.nodes[output].message
    assert any("3 classes" in line for line in problem_lines(window))
    assert window.validity_label.text().startswith("✗")
    runs = len(document.project.runs)
    with qtbot.waitSignal(session.refused) as refused:
        hands.action(window, "train_start").trigger()
    assert any("3 classes" in text for text in refused.args[0])
    assert len(document.project.runs) == runs and not session.running  # no failed run

    # The output fixed; then the Input set by hand to a shape the spiral does not fit.
    select(window, fc)
    hands.type_into(window.inspector.editors["out_features"].widget, "3")
    assert window.scene.nodes[output].severity is None
    select(window, source)
    hands.type_into(window.inspector.editors["shape"].widget, "5")
    assert document.graph.node(source).params["shape"] == (5,)
    name = document.graph.node(source).name
    item = window.scene.nodes[source]
    assert item.severity == "error" and "5" in item.message and "2" in item.message
    assert any(line.startswith(f"Input '{name}'") for line in problem_lines(window))
    with qtbot.waitSignal(session.refused) as refused:
        hands.action(window, "train_start").trigger()
    assert any(f"Input '{name}'" in text for text in refused.args[0])
    # Cleared again, it follows the data once more.
    field = window.inspector.editors["shape"].widget
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert document.graph.node(source).params["shape"] is None
    assert item.severity is None and window.validity_label.text().startswith("✓ valid")
