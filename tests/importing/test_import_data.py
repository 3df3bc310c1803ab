"""Imported projects train as they are: the data whose samples fit the Input (or the one chosen)
and training settings for the output's shape, with a note for whatever the person must set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.cli import main
from netstudio.core.graph import NetworkGraph
from netstudio.importing import ImportedModel
from netstudio.importing.training_defaults import (
    CLASSIFICATION,
    RECONSTRUCTION,
    choose_data,
    fill_training_defaults,
)
from netstudio.io import Project

MLP = """
from torch import nn


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear({inputs}, {outputs})

    def forward(self, x):
        return self.fc(x)
"""


@pytest.mark.parametrize(
    ("shape", "classes", "expected"),
    [
        ((3, 32, 32), None, "cifar10"),
        ((1, 28, 28), 10, "mnist"),
        ((784,), None, "mnist"),  # the same number of values: the trainer reshapes
        ((1, 8, 8), None, "digits"),
        ((64,), 10, "digits"),
        ((2,), 3, "spiral"),
        ((2,), 2, "moons"),  # the same shape, and as many classes as the output has units
        ((40, 1), None, "sequences"),
        ((3, 224, 224), None, None),
        ((7,), None, None),
    ],
)
def test_the_data_whose_samples_fit_the_input(shape, classes, expected) -> None:
    choice = choose_data(shape, classes)
    assert (choice.source_id if choice else None) == expected


def _import(tmp_path: Path, capsys, inputs: int, outputs: int, *args: str) -> tuple[dict, str]:
    """`netstudio import` of a one-Linear model; the project file read back, and stdout."""
    source = tmp_path / "net.py"
    source.write_text(MLP.format(inputs=inputs, outputs=outputs), encoding="utf-8")
    out = tmp_path / "net.net"
    argv = ["import", str(source), "--class", "Net", "--input-shape", str(inputs), "-o", str(out)]
    assert main([*argv, *args]) == 0
    printed = capsys.readouterr().out
    return json.loads(out.read_text(encoding="utf-8")), printed


def test_an_imported_classifier_gets_the_matching_data_and_cross_entropy(
    tmp_path: Path, capsys
) -> None:
    project, printed = _import(tmp_path, capsys, 64, 10)
    assert project["data"] == {"source": "digits"}
    assert project["training"] == CLASSIFICATION
    assert "data: Digits (8×8) (classification)" in printed
    assert "note:" not in printed


def test_the_data_chosen_on_the_command_line_and_its_folder(tmp_path: Path, capsys) -> None:
    project, printed = _import(tmp_path, capsys, 784, 10, "--data", "fashion_mnist")
    assert project["data"] == {"source": "fashion_mnist", "root": "data"}
    assert project["training"]["loss"] == {"type": "cross_entropy"}
    assert "note:" not in printed


def test_chosen_data_that_does_not_fit_the_input_is_kept_with_a_note(
    tmp_path: Path, capsys
) -> None:
    project, printed = _import(tmp_path, capsys, 64, 10, "--data", "cifar10")
    assert project["data"]["source"] == "cifar10"
    (note,) = [line for line in printed.splitlines() if line.startswith("note: ")]
    assert "CIFAR-10's samples are 3×32×32 but the Input takes 64" in note
    assert "input shape of 3, 32, 32" in note and "--" not in note


def test_a_head_with_other_units_than_the_data_has_classes_is_named(tmp_path: Path, capsys) -> None:
    project, printed = _import(tmp_path, capsys, 64, 5)
    assert project["data"] == {"source": "digits"}
    assert project["training"]["task"] == "classification"
    assert (
        "note: the network gives 5 scores per sample but Digits (8×8) has 10 classes: " in printed
    )
    assert "set out_features of the Linear 'fc' to 10" in printed


def test_no_fitting_data_leaves_the_data_and_says_what_to_choose(tmp_path: Path, capsys) -> None:
    project, printed = _import(tmp_path, capsys, 7, 3)
    assert project["data"] == {}
    assert "note: no built-in data has samples of 7: choose the project's data" in printed
    assert "3×32×32 for CIFAR-10" in printed and "1×28×28 for MNIST" in printed


def test_an_unknown_data_source_is_refused_by_the_arguments(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["import", "x.py", "-o", str(tmp_path / "x.net"), "--data", "imagenet"])
    assert stopped.value.code == 2
    assert "--data: invalid choice: 'imagenet'" in capsys.readouterr().err


def _chain(input_shape: tuple[int, ...], layers: list[tuple[str, dict]]) -> ImportedModel:
    graph = NetworkGraph()
    previous = graph.add_node("Input", params={"shape": input_shape}).id
    for type_id, params in [*layers, ("Output", {})]:
        node = graph.add_node(type_id, params=params)
        graph.connect(previous, "out", node.id, "in")
        previous = node.id
    return ImportedModel(Project(graph=graph))


def test_an_output_of_the_inputs_shape_reconstructs() -> None:
    imported = _chain(
        (1, 28, 28), [("Conv2d", {"out_channels": 1, "kernel_size": 3, "padding": 1})]
    )
    fill_training_defaults(imported)
    assert imported.project.data == {"source": "mnist", "root": "data"}
    assert imported.project.training == RECONSTRUCTION
    assert imported.notes == []


def test_an_output_of_another_shape_says_to_set_the_task() -> None:
    imported = _chain((1, 8, 8), [("Conv2d", {"out_channels": 3, "kernel_size": 3})])
    fill_training_defaults(imported)
    assert imported.project.data == {"source": "digits"}
    assert imported.project.training == {}
    (note,) = imported.notes
    assert note.startswith("the network's output is N×3×6×6, not one score per class: set the")


def test_settings_the_project_has_are_kept() -> None:
    imported = _chain((64,), [("Linear", {"out_features": 10})])
    imported.project.data = {"source": "digits", "params": {"digits": [0, 1]}}
    imported.project.training = {"epochs": 3}
    fill_training_defaults(imported)
    assert imported.project.data == {"source": "digits", "params": {"digits": [0, 1]}}
    assert imported.project.training == {"epochs": 3}
