"""The document says which section an edit changed: a training-setting edit analyses no part of
the graph; a data edit re-infers shapes only when an auto Input's shape changes; data-vs-network
problems (an Input set by hand, an output the loss cannot use) are problems before Train."""

from __future__ import annotations

import copy

import pytest

from netstudio.core import shapes
from netstudio.core.graph import NetworkGraph
from netstudio.core.validation import Validator
from netstudio.gui.commands import SetParamsCommand, SetSectionCommand
from netstudio.gui.document import Document
from netstudio.io import Project


def auto_digits() -> NetworkGraph:
    """Input (auto) → Flatten → Linear(10) → Output: fits the digits (1×8×8, 10 classes)."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input")
    graph.add_node("Flatten", node_id="flat", name="flat")
    graph.add_node("Linear", node_id="fc", name="fc", params={"out_features": 10})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("input", "out", "flat", "in")
    graph.connect("flat", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    return graph


@pytest.fixture
def document(qtbot) -> Document:
    return Document(Project(graph=auto_digits(), data={"source": "digits"}))


class Counts:
    """How often the graph is analysed: inferred layers and validations of the graph."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.computed = self.validated = 0
        compute, problems = shapes.ShapeInference._compute, Validator.problems

        def counted_compute(inference, *args, **kwargs):
            self.computed += 1
            return compute(inference, *args, **kwargs)

        def counted_problems(validator, *args, **kwargs):
            self.validated += 1
            return problems(validator, *args, **kwargs)

        monkeypatch.setattr(shapes.ShapeInference, "_compute", counted_compute)
        monkeypatch.setattr(Validator, "problems", counted_problems)


def set_section(document: Document, section: str, changes: dict, text: str) -> None:
    value = copy.deepcopy(getattr(document.project, section))
    for key, item in changes.items():
        if isinstance(item, dict):
            value[key] = {**value.get(key, {}), **item}
        else:
            value[key] = item
    document.undo_stack.push(SetSectionCommand(document, section, value, text))


def test_an_auto_input_takes_the_data_shape_when_the_document_opens(document: Document) -> None:
    assert document.data_shape == (1, 8, 8)
    assert document.info("input").resolved["shape"] == (1, 8, 8)
    assert document.info("fc").resolved["in_features"] == 64
    assert document.problems == []


def test_a_learning_rate_edit_analyses_no_part_of_the_graph(
    qtbot, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = Counts(monkeypatch)
    analysed, sections = [], []
    document.analysed.connect(lambda *args: analysed.append(args))
    document.section_changed.connect(sections.append)
    with qtbot.waitSignal(document.edited):
        set_section(document, "training", {"optimizer": {"lr": 0.01}}, "Change learning rate")
    assert sections == ["training"]
    assert (counts.computed, counts.validated, analysed) == (0, 0, [])
    with qtbot.waitSignal(document.edited):
        document.undo_stack.undo()  # undo is announced the same way
    assert sections == ["training", "training"]
    assert (counts.computed, counts.validated, analysed) == (0, 0, [])


def test_a_graph_edit_still_analyses_and_says_no_section_changed(
    qtbot, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = Counts(monkeypatch)
    sections: list[str] = []
    document.section_changed.connect(sections.append)
    with qtbot.waitSignal(document.analysed) as signal:
        document.push(SetParamsCommand(document.graph, "fc", {"out_features": 12}))
    assert "fc" in signal.args[0] and counts.validated == 1 and counts.computed >= 1
    assert sections == []
    # 12 outputs for the digits' 10 classes: a problem on the Output, before any run.
    assert [(p.node_id, p.severity) for p in document.problems] == [("output", "error")]
    assert "10 classes" in document.problems[0].message


def test_a_data_edit_reinfers_only_when_the_auto_input_shape_changes(
    qtbot, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = Counts(monkeypatch)
    with qtbot.waitSignal(document.section_changed):
        set_section(document, "data", {"val_fraction": 0.25}, "Change validation")
    assert (counts.computed, counts.validated) == (0, 0)  # the samples keep their shape
    with qtbot.waitSignal(document.analysed) as signal:
        set_section(document, "data", {"source": "spiral"}, "Use Spiral data")
    assert {"input", "flat", "fc"} <= signal.args[0] and counts.validated == 1
    assert document.info("input").resolved["shape"] == (2,)
    assert document.info("fc").resolved["in_features"] == 2
    # 10 outputs for the spiral's 3 classes.
    (problem,) = document.problems
    assert problem.node_id == "output" and "3 classes" in problem.message


def test_a_loss_edit_rechecks_the_output_without_analysing_the_graph(
    qtbot, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = Counts(monkeypatch)
    with qtbot.waitSignal(document.analysed) as signal:  # the problems changed: announced
        set_section(document, "training", {"task": "reconstruction"}, "Change task")
    assert signal.args[0] == set() and (counts.computed, counts.validated) == (0, 0)
    assert [p.node_id for p in document.problems] == ["output"]
    assert "input's 64 values" in document.problems[0].message
    with qtbot.waitSignal(document.analysed):
        document.undo_stack.undo()
    assert document.problems == []


def test_an_input_set_by_hand_that_the_data_does_not_fit_is_a_problem_on_it(
    qtbot, document: Document
) -> None:
    with qtbot.waitSignal(document.analysed):
        document.push(SetParamsCommand(document.graph, "input", {"shape": [784]}))
    problems = document.node_problems("input")
    assert [p.severity for p in problems] == ["error"]
    assert "784" in problems[0].message and "1×8×8" in problems[0].message
    with qtbot.waitSignal(document.analysed):  # same count of values: the trainer reshapes
        document.push(SetParamsCommand(document.graph, "input", {"shape": [64]}))
    assert document.problems == []
