"""Fit to data: the units the network's last Linear needs for the project's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.io import load_project
from netstudio.training.head_fit import HeadFitError, fit_head, head_node

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_last_linear_fits_the_class_count_of_the_data() -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    fit = fit_head(project)
    assert (fit.node_id, fit.param, fit.current, fit.units) == ("fc2", "out_features", 10, 10)
    assert not fit.changes and fit.reason == "the data has 10 classes"
    project.graph.set_params("fc2", {"out_features": 1000})  # a head pretrained elsewhere
    assert fit_head(project).changes


def test_the_class_count_of_loaded_data_and_a_chosen_node(blob_data) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    fit = fit_head(project, "fc1", data=blob_data)
    assert (fit.node_id, fit.units, fit.reason) == ("fc1", 3, "the data has 3 classes")


def test_regression_data_needs_one_unit_per_target(regression_data) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    fit = fit_head(project, data=regression_data)
    assert (fit.units, fit.reason) == (2, "the data has 2 target values per sample")


def test_what_cannot_be_fitted_says_why(chain_graph) -> None:
    project = load_project(EXAMPLES / "digits_mlp.net")
    with pytest.raises(HeadFitError, match="ReLU 'relu1' has no units to fit"):
        fit_head(project, "relu1")
    with pytest.raises(HeadFitError, match="no node 'nope'"):
        head_node(project.graph, "nope")
    with pytest.raises(HeadFitError, match="no Linear layer"):
        head_node(chain_graph([4], [("ReLU", "relu", {})]))
    project.training = {**project.training, "task": "reconstruction"}
    with pytest.raises(HeadFitError, match="reconstructs its input"):
        fit_head(project)
