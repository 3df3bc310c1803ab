"""The graph's, the file format's, training's and the search's refusals are messages
(`netstudio.core.messages`): the same English as before (the CLI prints it, tests compare it),
with a stable code and their arguments, so the app can show them translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.core.errors import CycleError, GraphError, PortInUseError, UnknownLayerError
from netstudio.core.graph import NetworkGraph
from netstudio.core.messages import Message


def _chinese(table: dict[tuple[str, str], str]) -> object:
    return lambda context, text: table.get((context, text), text)


def _chain() -> NetworkGraph:
    graph = NetworkGraph()
    graph.add_node("Input", name="in", node_id="in", params={"shape": [4]})
    graph.add_node("Linear", name="fc1", node_id="fc1", params={"out_features": 4})
    graph.add_node("Linear", name="fc2", node_id="fc2", params={"out_features": 4})
    graph.connect("in", "out", "fc1", "in")
    graph.connect("fc1", "out", "fc2", "in")
    return graph


def test_a_wire_that_closes_a_loop_is_refused_in_the_same_english_with_its_arguments() -> None:
    graph = _chain()
    graph.add_node("Add", name="add", node_id="add")
    graph.connect("in", "out", "add", "in1")
    graph.disconnect(graph.edge_into("fc1", "in"))  # type: ignore[arg-type]
    graph.connect("add", "out", "fc1", "in")
    with pytest.raises(CycleError) as caught:
        graph.connect("fc2", "out", "add", "in2")
    message = caught.value.message
    assert message == (
        "wiring Linear 'fc2' into Add 'add' would make a cycle: 'add' already feeds 'fc2'"
    )
    assert isinstance(message, Message) and message.code == "graph.makes-cycle"
    assert message.args["source_name"] == "fc2" and message.args["target_name"] == "add"
    verdict = graph.can_connect("fc2", "out", "add", "in2")
    assert isinstance(verdict.reason, Message) and verdict.reason == message  # what the canvas says


def test_port_refusals_carry_codes_and_a_node_without_ports_says_none_translated() -> None:
    graph = _chain()
    with pytest.raises(PortInUseError) as caught:
        graph.connect("in", "out", "fc2", "in")
    assert caught.value.message.code == "graph.port-in-use"
    assert caught.value.message.args["wired_from"] == "fc1"
    graph.add_node("Output", name="out", node_id="out")
    with pytest.raises(GraphError) as caught:
        graph.connect("out", "out", "fc1", "in")
    message = caught.value.message
    assert message == "Output 'out' has no output port 'out' (outputs: none)"
    table = {
        ("Graph", "{node} has no output port '{port}' (outputs: {ports})"): "{node} 没有输出端口 "
        "'{port}'（输出端口：{ports}）",
        ("Graph", "none"): "无",
    }
    assert isinstance(message, Message)
    assert message.translated(_chinese(table)) == "Output 'out' 没有输出端口 'out'（输出端口：无）"


def test_ids_positions_and_layer_types_refused_with_codes() -> None:
    graph = _chain()
    cases = [
        (lambda: graph.add_node("ReLU", node_id="fc1"), "graph.id-taken"),
        (lambda: graph.add_node("ReLU", node_id="my relu"), "graph.bad-id"),
        (lambda: graph.add_node("ReLU", position=(float("nan"), 0)), "graph.position-not-finite"),
        (lambda: graph.node("nope"), "graph.no-node"),
        (lambda: graph.add_node("Lineer"), "graph.unknown-layer-type-close"),
        (lambda: graph.add_node("Xyzzyq"), "graph.unknown-layer-type"),
    ]
    for edit, code in cases:
        with pytest.raises(GraphError) as caught:
            edit()
        assert caught.value.message.code == code, code
    with pytest.raises(UnknownLayerError, match=r"^unknown layer type 'Lineer'; did you mean"):
        graph.add_node("Lineer")
    assert len(graph) == 3  # nothing was added


def test_a_layer_of_netstudio_that_refuses_says_why_in_a_message_inside_the_node_problem() -> None:
    from netstudio.core.shapes import ShapeInference

    graph = NetworkGraph()
    graph.add_node("Input", name="in", node_id="in", params={"shape": [8, 16]})
    graph.add_node("Permute", name="p", node_id="p", params={"dims": [0, 0, 1]})
    graph.connect("in", "out", "p", "in")
    error = ShapeInference(graph).info("p").error
    assert error == (
        "Permute 'p': dims (0, 0, 1) must order 0 .. 2, each once, with 0 (the batch) first: "
        "change its parameters"
    )
    assert isinstance(error, Message) and error.args["reason"].code == "modules.permute-order"


def test_a_project_that_cannot_be_saved_says_so_with_its_first_problem_and_the_count() -> None:
    from netstudio.io import Project, dumps_project

    project = Project(graph=_chain())
    project.training = {"optimizer": {"lr": -1}, "epochs": 0, "batch_size": 0}
    with pytest.raises(ValueError) as caught:
        dumps_project(project)
    message = caught.value.args[0]
    assert isinstance(message, Message) and message.code == "file.cannot-save-and-more"
    assert message.startswith("the project cannot be saved: training.")
    assert message.endswith(" (and 2 more problems): correct it and save again")


def test_the_output_against_the_data_is_a_message_with_its_fix() -> None:
    from netstudio.training.compat import check_compatibility

    (problem,) = check_compatibility((None, 1), "classification", "cross_entropy", num_classes=2)
    assert problem == (
        "cross_entropy needs one score per class: the data has 2 classes but the output gives "
        "1 value (one unit cannot tell classes apart): set the last Linear to 2 units, or use "
        "bce_with_logits with 1 unit"
    )
    assert isinstance(problem, Message) and problem.code == "fit.one-unit-cannot-tell-or-one"
    (problem,) = check_compatibility((None, 3), "regression", "mse", target_size=1)
    assert problem.code == "fit.one-target-value"  # type: ignore[attr-defined]
    assert problem == (
        "The data has 1 target value per sample but the output gives 3 values: set the last "
        "Linear to 1 unit"
    )


def test_fit_to_data_and_starting_weights_refuse_with_codes(tmp_path: Path) -> None:
    from netstudio.training.head_fit import HeadFitError, head_node
    from netstudio.training.starting_weights import WeightsFileError, read_weights_file

    graph = NetworkGraph()
    graph.add_node("Input", name="in", node_id="in", params={"shape": [4]})
    with pytest.raises(HeadFitError) as caught:
        head_node(graph)
    assert caught.value.args[0].code == "fit.no-head"
    with pytest.raises(HeadFitError, match=r"^Input 'in' has no units to fit") as caught:
        head_node(graph, "in")
    assert caught.value.args[0].code == "fit.not-a-head"
    (tmp_path / "w.txt").write_text("not weights")
    with pytest.raises(WeightsFileError) as caught:
        read_weights_file(tmp_path / "w.txt")
    assert caught.value.args[0].code == "weights.not-a-weights-file"
    assert caught.value.args[0].args["file"] == "w.txt"


def test_a_run_folder_left_behind_is_noted_in_a_message(tmp_path: Path) -> None:
    from netstudio.training.runs import relocate_runs

    records = [{"id": "r1", "run_dir": "gone.runs/r1"}]
    moved = relocate_runs(records, tmp_path / "a.net", tmp_path / "b" / "b.net")
    (note,) = moved.notes
    assert isinstance(note, Message) and note.code == "run-folders.missing"
    assert note.startswith("r1: its run folder ") and note.endswith("its record is kept as is")


def test_a_study_made_for_another_objective_names_both_goals_translated() -> None:
    from netstudio.search import study_words as words

    message = words.OTHER_OBJECTIVE(
        study="s",
        had_goal=words.goal("minimize"),
        had="val_loss",
        goal=words.goal("maximize"),
        metric="val_accuracy",
    )
    assert message == (
        "study 's' was made to minimize val_loss, not to maximize val_accuracy: give another "
        "study name, or search for its own objective"
    )
    table = {
        ("SearchStudy", words.OTHER_OBJECTIVE.text): "搜索 '{study}' 的目标是{had_goal} {had}，"
        "而不是{goal} {metric}",
        ("SearchStudy", "minimize"): "最小化",
        ("SearchStudy", "maximize"): "最大化",
    }
    chinese = message.translated(_chinese(table))
    assert chinese == "搜索 's' 的目标是最小化 val_loss，而不是最大化 val_accuracy"
