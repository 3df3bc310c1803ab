"""The data, training, runs and view sections are typed: checked on open and on save, each
problem at its JSON path; version 1 files (every shipped example as it was, and old run
records) are brought to version 2; a lenient open leaves out one bad value, not its section."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any, get_args

import pytest

from netstudio.io import (
    CURRENT_VERSION,
    Project,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    save_project,
)
from netstudio.io.migrations import migrate
from netstudio.io.sections import EpochRecord, FailureRecord, RunRecord, ViewModel
from netstudio.io.sections import FailureKind as RecordFailureKind
from netstudio.io.sections import RunStatus as RecordStatus
from netstudio.training import results
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig

FIXTURES = Path(__file__).parent / "fixtures"
V1_EXAMPLES = sorted((FIXTURES / "v1_examples").glob("*.net"))
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OLD_RUNS = FIXTURES / "legacy_v1_runs.net"

Raw = dict[str, Any]


def test_the_current_version_is_3() -> None:
    assert CURRENT_VERSION == 3


# --- version 1 to 2 ----------------------------------------------------------------------------


def test_every_v1_example_is_kept() -> None:
    """The fixtures are the examples as shipped in version 1, each still shipped today (the
    examples made since, such as transfer_digits.net, were never version 1 files)."""
    shipped = {p.name for p in EXAMPLES.glob("*.net")}
    assert V1_EXAMPLES and {p.name for p in V1_EXAMPLES} <= shipped
    assert all(json.loads(p.read_text(encoding="utf-8"))["version"] == 1 for p in V1_EXAMPLES)


@pytest.mark.parametrize("old", V1_EXAMPLES, ids=[p.stem for p in V1_EXAMPLES])
def test_a_v1_example_opens_and_saves_as_current_with_nothing_changed(old: Path) -> None:
    raw = json.loads(old.read_text(encoding="utf-8"))
    project = load_project(old)  # strict: every setting is valid in versions 2 and 3
    assert project.problems == []
    saved = json.loads(dumps_project(project))
    assert saved["version"] == CURRENT_VERSION
    for key in ("name", "description", "data", "training", "runs", "view"):
        assert saved[key] == raw[key], key
    assert [network["name"] for network in saved["networks"]] == [saved["main"]]
    graph = saved["networks"][0]["graph"]
    nodes = [(n["id"], n["type"], n["name"], n["position"]) for n in graph["nodes"]]
    assert nodes == [(n["id"], n["type"], n["name"], n["position"]) for n in raw["graph"]["nodes"]]
    assert graph["edges"] == raw["graph"]["edges"]
    for new, was in zip(graph["nodes"], raw["graph"]["nodes"], strict=True):
        assert new["params"].items() >= was["params"].items()  # every value as it was


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.net")), ids=lambda p: p.stem)
def test_the_shipped_examples_are_current(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    assert json.loads(text)["version"] == CURRENT_VERSION
    assert dumps_project(load_project(example)) == text


def old_runs() -> list[Raw]:
    return json.loads(OLD_RUNS.read_text(encoding="utf-8"))["runs"]


def test_old_run_records_say_which_weights_they_ended_with() -> None:
    project = load_project(OLD_RUNS)
    assert project.problems == []
    early, finished, failed, never, imported = project.runs
    # Early stopping restored the best epoch (2), though epoch 3 had the best accuracy.
    assert early["weights"] == "best"
    assert early["best"] == {"epoch": 2, "val_accuracy": 0.9, "val_loss": 0.3, "train_loss": 0.4}
    assert early["last"] == {"epoch": 3, "val_accuracy": 0.93, "val_loss": 0.35, "train_loss": 0.3}
    assert finished["weights"] == "last" and finished["last"]["epoch"] == 2
    assert failed["weights"] == "last"  # a failed run never restored its best weights
    assert failed["error"]["kind"] == "nan"
    assert (never["weights"], never["best"], never["last"]) == (None, None, None)
    # No history: what the record knew of its best epoch is kept.
    assert imported["best"] == {
        "epoch": 4,
        "val_accuracy": 0.91,
        "val_loss": 0.28,
        "train_loss": None,
    }
    assert imported["last"] is None and imported["test_accuracy"] == 0.9
    for record in project.runs:
        assert "best_val_accuracy" not in record and "best_val_loss" not in record


def test_old_run_records_keep_their_key_order() -> None:
    project = load_project(OLD_RUNS)
    old = old_runs()[0]
    new = project.runs[0]
    assert list(new) == [
        "id", "name", "started", "seconds", "status", "data", "training", "epochs",
        "best_epoch", "weights", "best", "last", "test_accuracy", "test_loss", "run_dir", "error",
    ]  # fmt: skip
    assert all(new[key] == value for key, value in old.items() if not key.startswith("best_val"))
    assert list(project.runs[4]) == [
        "id", "name", "status", "best_epoch", "weights", "best", "last", "test_accuracy",
    ]  # fmt: skip


def test_a_migrated_file_round_trips_as_current(tmp_path: Path) -> None:
    path = tmp_path / "old.net"
    shutil.copy(OLD_RUNS, path)
    before = path.read_bytes()
    project = load_project(path)
    assert path.read_bytes() == before  # opening never writes
    save_project(project)
    saved = path.read_text(encoding="utf-8")
    assert json.loads(saved)["version"] == CURRENT_VERSION
    assert dumps_project(load_project(path)) == saved


def test_a_v1_record_already_in_the_new_shape_is_left_alone() -> None:
    raw = json.loads(OLD_RUNS.read_text(encoding="utf-8"))
    current = load_project(OLD_RUNS).runs[0]
    raw["runs"] = [current, {"id": "r", "name": "Run 9", "status": "finished"}]
    assert migrate(raw)["runs"] == raw["runs"]


def test_the_v1_migration_leaves_its_input_alone() -> None:
    raw = json.loads(OLD_RUNS.read_text(encoding="utf-8"))
    before = copy.deepcopy(raw)
    migrated = migrate(raw)
    assert raw == before
    assert migrated["version"] == CURRENT_VERSION and "best_val_accuracy" in raw["runs"][0]
    assert "graph" in raw and "networks" not in raw


def test_a_wrong_value_in_a_v1_record_is_reported_in_v2_terms() -> None:
    raw = json.loads(OLD_RUNS.read_text(encoding="utf-8"))
    raw["runs"][1]["epochs"][1]["val_accuracy"] = "high"
    raw["runs"][2] = "a run"
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(raw))
    assert [str(p) for p in caught.value.problems] == [
        'runs[1].epochs[1].val_accuracy: must be a number, got "high"',
        'runs[2]: must be an object {...}, got "a run"',
    ]


# --- what the models accept ----------------------------------------------------------------------


def test_the_run_record_models_follow_the_trainer() -> None:
    """A record holds `EpochMetrics.to_dict()` rows and a `TrainingFailure.to_dict()`, and the
    statuses and failure kinds the trainer has: a new one would be refused on saving."""
    full = results.EpochMetrics(1, 0.5, None, 0.4, None, 0.001, 0.3, 1000.0, unfrozen=("fc1",))
    assert list(EpochRecord.model_fields) == list(full.to_dict())  # health: in the run folder
    row = results.EpochMetrics(1, 0.5, None, 0.4, None, 0.001, 0.3, 1000.0).to_dict()
    failure = results.TrainingFailure("shape", "msg", node_id="fc1", epoch=1, batch=2)
    assert list(FailureRecord.model_fields) == list(failure.to_dict())
    assert get_args(RecordStatus) == get_args(results.Status)
    assert get_args(RecordFailureKind) == get_args(results.FailureKind)
    record = {"epochs": [row], "error": failure.to_dict()}
    record["data"] = DataConfig().model_dump(mode="json")
    record["training"] = TrainingConfig().model_dump(mode="json")
    project = Project(runs=[record])
    assert loads_project(dumps_project(project)).runs == [record]


def test_typed_accessors_read_the_sections() -> None:
    project = loads_project(OLD_RUNS.read_bytes())
    assert project.data_config() == DataConfig(source="digits", val_fraction=0.1)
    assert project.training_config().optimizer.lr == 0.002
    runs = project.run_records()
    assert [r.weights for r in runs] == ["best", "last", "last", None, None]
    assert isinstance(runs[0], RunRecord) and runs[0].best is not None and runs[0].best.epoch == 2
    assert project.view_settings() == ViewModel()
    project.view = {"zoom": 1.5, "centre": [10, -4]}
    assert project.view_settings().centre == [10.0, -4.0]


# --- refused when strict, left out alone when lenient --------------------------------------------


@pytest.fixture
def digits() -> Raw:
    return json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))


def spoil(raw: Raw) -> None:
    raw["data"]["val_fraction"] = 1.5
    raw["data"]["shuffle"] = True
    raw["training"]["optimizer"]["lr"] = -1
    raw["training"]["regularization"]["early_stopping"]["patience"] = "five"
    raw["runs"] = [{"id": "r1", "name": "Run 1", "status": "finished", "seconds": -2.0}]
    raw["view"] = {"zoom": 2.0, "centre": [1.0]}


SPOILED = [
    "data.val_fraction: must be less than 1, got 1.5",
    "data.shuffle: unknown key (keys here: source, params, root, val_fraction, test_fraction, "
    "normalize, augment, seed, memory_budget_mb, streaming, decoded_cache)",
    "training.optimizer.lr: must be greater than 0, got -1",
    'training.regularization.early_stopping.patience: must be a whole number, got "five"',
    "runs[0].seconds: must be at least 0, got -2.0",
    "view.centre: needs 2 items, got 1",
]


def test_strict_reading_lists_every_wrong_setting(digits: Raw) -> None:
    spoil(digits)
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(digits))
    assert [str(p) for p in caught.value.problems] == SPOILED


def test_lenient_reading_leaves_out_each_wrong_setting_alone(digits: Raw, tmp_path: Path) -> None:
    spoil(digits)
    path = tmp_path / "spoiled.net"
    path.write_text(json.dumps(digits), encoding="utf-8")
    before = path.read_bytes()
    project = load_project(path, strict=False)
    assert path.read_bytes() == before
    assert [str(p) for p in project.problems] == SPOILED
    assert project.data == {"source": "digits", "test_fraction": 0.2}  # the rest is kept
    assert project.training["optimizer"] == {"type": "adam"}  # lr takes its default
    assert project.training["batch_size"] == 32 and project.training["epochs"] == 20
    assert project.training["regularization"]["early_stopping"] == {
        "enabled": True,
        "metric": "val_loss",
    }
    assert project.runs == [{"id": "r1", "name": "Run 1", "status": "finished"}]
    assert project.view == {"zoom": 2.0}
    assert project.training_config().optimizer.lr == 0.001
    assert len(project.graph) == 6  # the graph is whole
    text = dumps_project(project)  # what is left is a sound project
    assert loads_project(text).problems == []


def test_lenient_reading_drops_a_bad_list_item_and_keeps_the_others(digits: Raw) -> None:
    good = {"id": "r2", "name": "Run 2", "status": "stopped"}
    digits["runs"] = [7, good, {"id": "r3", "epochs": [{"epoch": 0}, {"epoch": 2}]}]
    project = loads_project(json.dumps(digits), strict=False)
    assert [str(p) for p in project.problems] == [
        "runs[0]: must be an object {...}, got 7",
        "runs[2].epochs[0].epoch: must be at least 1, got 0",
    ]
    assert project.runs == [good, {"id": "r3", "epochs": [{"epoch": 2}]}]


def test_a_problem_found_after_leaving_out_is_named_by_its_place_in_the_file(
    digits: Raw,
) -> None:
    """Nesterov is checked against a valid momentum only: with the momentum left out, it is
    found one round later, after runs[0] and [1] have gone from the list, and still named
    runs[2]."""
    optimizer = {"type": "sgd", "momentum": -0.5, "nesterov": True}
    r3 = {"id": "r3", "training": {"optimizer": optimizer}}
    digits["runs"] = ["?", "!", r3, {"id": "r4"}]
    project = loads_project(json.dumps(digits), strict=False)
    assert [p.path for p in project.problems] == [
        "runs[0]",
        "runs[1]",
        "runs[2].training.optimizer.momentum",
        "runs[2].training.optimizer.nesterov",
    ]
    assert project.runs == [{"id": "r3", "training": {"optimizer": {"type": "sgd"}}}, {"id": "r4"}]


def test_a_section_of_the_wrong_type_takes_its_default(digits: Raw) -> None:
    digits["training"] = "fast"
    project = loads_project(json.dumps(digits), strict=False)
    assert [str(p) for p in project.problems] == ['training: must be an object {...}, got "fast"']
    assert project.training == {} and project.data["source"] == "digits"


def test_nesterov_without_momentum_loses_only_that_switch(digits: Raw) -> None:
    digits["training"]["optimizer"] = {"type": "sgd", "lr": 0.05, "nesterov": True}
    project = loads_project(json.dumps(digits), strict=False)
    assert [str(p) for p in project.problems] == [
        "training.optimizer.nesterov: nesterov needs the SGD optimizer with momentum above 0, "
        "got true"
    ]
    assert project.training["optimizer"] == {"type": "sgd", "lr": 0.05}


def test_settings_are_not_converted(digits: Raw) -> None:
    """No silent coercion: text is not a number, a fraction not a whole number."""
    digits["training"]["epochs"] = "20"
    digits["training"]["batch_size"] = 32.0
    digits["data"]["normalize"] = 1
    with pytest.raises(ProjectFileError) as caught:
        loads_project(json.dumps(digits))
    assert [str(p) for p in caught.value.problems] == [
        "data.normalize: must be true or false, got 1",
        'training.epochs: must be a whole number, got "20"',
        "training.batch_size: must be a whole number, got 32.0",
    ]


# --- saving ------------------------------------------------------------------------------------


def test_saving_refuses_a_wrong_setting_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "digits.net"
    shutil.copy(EXAMPLES / "digits_mlp.net", path)
    before = path.read_bytes()
    project = load_project(path)
    project.training["optimizer"]["lr"] = -1
    project.view["centre"] = [0.0, 1.0, 2.0]
    with pytest.raises(ValueError) as caught:
        save_project(project)
    assert str(caught.value) == (
        "the project cannot be saved: training.optimizer.lr: must be greater than 0, got -1 "
        "(and 1 more problem): correct it and save again"
    )
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_saving_refuses_a_run_record_with_an_unknown_key() -> None:
    project = Project(runs=[{"id": "r1", "best_val_accuracy": 0.9}])
    with pytest.raises(ValueError, match=r"runs\[0\]\.best_val_accuracy: unknown key"):
        dumps_project(project)
