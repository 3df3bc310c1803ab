"""The "fine_tuning" settings in a project file: old files load unchanged, a bad value is named
by its JSON path and a lenient read loses that value alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netstudio.io import ProjectFileError, dumps_project, loads_project
from netstudio.training.config import FineTuningConfig, TrainingConfig

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def digits() -> dict[str, Any]:
    return json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))


def test_a_file_without_fine_tuning_reads_as_every_layer_learning(digits) -> None:
    project = loads_project(json.dumps(digits))
    assert "fine_tuning" not in project.training
    assert project.training_config().fine_tuning == FineTuningConfig()
    assert not FineTuningConfig().active
    assert TrainingConfig.model_validate({}).fine_tuning.frozen_batchnorm_eval is True


def test_fine_tuning_settings_round_trip_as_written(digits) -> None:
    tuning = {
        "frozen": ["fc1"],
        "lr_multipliers": {"fc2": 2, "fc1": 0.1},
        "frozen_batchnorm_eval": False,
        "unfreeze_every": 3,
    }
    digits["training"]["fine_tuning"] = tuning
    project = loads_project(json.dumps(digits))
    assert project.training["fine_tuning"] == tuning
    assert json.loads(dumps_project(project))["training"]["fine_tuning"] == tuning
    config = project.training_config().fine_tuning
    assert config.active and config.lr_multipliers == {"fc2": 2.0, "fc1": 0.1}


BAD = {
    "frozen": ["fc1", 7, ""],
    "lr_multipliers": {"fc1": 0.5, "fc2": -1, "relu1": "fast"},
    "frozen_batchnorm_eval": "yes",
    "unfreeze_every": 0,
    "freeze": [],
}
PROBLEMS = [
    "training.fine_tuning.frozen[1]: must be text, got 7",
    "training.fine_tuning.frozen[2]: must not be empty",
    "training.fine_tuning.lr_multipliers.fc2: must be greater than 0, got -1",
    'training.fine_tuning.lr_multipliers.relu1: must be a number, got "fast"',
    'training.fine_tuning.frozen_batchnorm_eval: must be true or false, got "yes"',
    "training.fine_tuning.unfreeze_every: must be at least 1, got 0",
    "training.fine_tuning.freeze: unknown key; did you mean 'frozen'? (keys here: frozen, "
    "lr_multipliers, frozen_batchnorm_eval, unfreeze_every)",
]


def test_every_bad_fine_tuning_value_is_named_by_its_path(digits) -> None:
    digits["training"]["fine_tuning"] = BAD
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(digits))
    assert sorted(str(p) for p in caught.value.problems) == sorted(PROBLEMS)


def test_a_lenient_read_loses_only_the_bad_values(digits) -> None:
    digits["training"]["fine_tuning"] = BAD
    project = loads_project(json.dumps(digits), strict=False)
    assert sorted(str(p) for p in project.problems) == sorted(PROBLEMS)
    assert project.training["fine_tuning"] == {"frozen": ["fc1"], "lr_multipliers": {"fc1": 0.5}}
    assert project.training["epochs"] == 20  # the rest of the section is kept
    assert loads_project(dumps_project(project)).problems == []
