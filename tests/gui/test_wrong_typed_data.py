"""Data settings of the wrong JSON type (a file edited by hand) open without a crash: the Data
panel shows each such field editable, marked, with the problem in the app's words, nothing
loads, and the person's first edit of the field puts the value right as one undoable change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")


from netstudio.gui.main_window import MainWindow
from netstudio.gui.param_editors import (
    BoolEditor,
    ChoiceEditor,
    FloatEditor,
    IntEditor,
    LineEditor,
    ParamEditor,
)
from netstudio.training.sources import get_source

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "digits_mlp.net"

#: (source, parameter, a value of the wrong type or far out of range)
WRONG = [
    ("spiral", "noise", [1, 2]),  # a list for a number
    ("moons", "samples", None),  # null for a whole number
    ("image_folder", "resize", "big"),  # text for a whole number
    ("csv", "file", ["data.csv"]),  # a list for text
    ("csv", "label_column", 5),  # a number for text
    ("spiral", "classes", True),  # a boolean for a whole number
    ("moons", "samples", 10**30),  # a huge whole number
    ("circles", "factor", {"a": 1}),  # an object for a number
    ("csv", "task", 5),  # a number for a choice
    ("mnist", "download", "yes"),  # text for a switch
    ("blobs", "spread", "wide"),  # text for a number
    ("sequences", "length", 2.5),  # a fraction for a whole number
    ("image_folder", "grayscale", None),  # null for a switch
    ("csv", "delimiter", [","]),  # a list for a choice
    ("csv", "test_file", {"path": "x.csv"}),  # an object for text
]


def write_project(folder: Path, data: dict[str, Any]) -> Path:
    content = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    content["data"] = data
    path = folder / "wrong.net"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def window(blank_window: MainWindow) -> MainWindow:
    """The window, with no PyTorch: no PyTorch needed: nothing here loads data."""
    return blank_window


def put_right(hands: Any, editor: ParamEditor) -> Any:
    """What a person does to put the field right; returns the value it should write. Numbers
    and text: enter the default (for a spin box, the number it holds underneath, so the entry
    must count even though the number does not change); a switch: click it."""
    widget: Any = editor.widget
    default = editor.spec.default
    if isinstance(editor, (IntEditor, FloatEditor)):
        hands.type_into(widget, f"{default:g}" if isinstance(default, float) else str(default))
    elif isinstance(editor, BoolEditor):
        assert widget.isChecked() == default
        widget.click()
        return not default
    elif isinstance(editor, ChoiceEditor):
        index = editor.spec.choices.index(default)
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
    else:
        assert isinstance(editor, LineEditor)
        hands.type_into(widget, default)
    return default


@pytest.mark.parametrize(("source_id", "name", "value"), WRONG)
def test_a_wrong_typed_data_setting_is_shown_marked_and_the_first_edit_fixes_it(
    hands, qtbot, window: MainWindow, tmp_path: Path, source_id: str, name: str, value: Any
) -> None:
    data = {"source": source_id, "params": {name: value}}
    path = write_project(tmp_path, data)
    with qtbot.captureExceptions() as exceptions:
        assert window.open_file(path)
        qtbot.wait(10)  # let queued events (the canvas, the panels) run
    assert exceptions == []

    panel = window.evaluation_ui.data_panel
    source = get_source(source_id)
    editor = panel.editors[name]
    assert editor.widget.isEnabled()
    assert editor.problem.startswith(f"'{name}' ")
    assert editor.widget.property("problem") == editor.problem
    assert editor.problem in editor.widget.toolTip()
    status = panel.status.text()
    assert status.startswith(f"{source.name}: {editor.problem}")
    assert "marked in red" in status
    assert "Error" not in status and "Traceback" not in status
    assert not panel.loader.busy  # nothing loads settings it cannot use
    others = [e for n, e in panel.editors.items() if n != name]
    assert all(not other.problem for other in others)

    with qtbot.captureExceptions() as exceptions:
        expected = put_right(hands, editor)
    assert exceptions == []
    document = window.document
    assert document.undo_stack.count() == 1
    assert document.project.data["params"][name] == expected
    assert editor.problem == "" and not editor.widget.property("problem")
    assert status not in panel.status.text()

    document.undo_stack.undo()
    assert document.project.data == data
    assert panel.editors[name].problem and panel.status.text() == status
