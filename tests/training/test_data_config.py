"""The project file's "data" section and the source registry, before any file is read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.sources import (
    DataError,
    DataFix,
    all_sources,
    check_config,
    get_source,
    load_data,
    resolve_root,
)


def test_defaults_are_the_embedded_digits() -> None:
    config = DataConfig()
    assert config.source == "digits"
    assert config.params == {}
    assert (config.val_fraction, config.test_fraction, config.seed) == (0.1, 0.2, 0)
    assert config.normalize and not config.augment.enabled


def test_round_trips_through_json() -> None:
    config = DataConfig(
        source="csv",
        params={"file": "iris.csv", "label_column": "species"},
        root="data",
        augment=AugmentConfig(random_crop_padding=4, horizontal_flip=True),
    )
    assert DataConfig.model_validate_json(config.model_dump_json()) == config
    assert config.augment.enabled


@pytest.mark.parametrize(
    "fields",
    [{"val_fraction": 1.0}, {"test_fraction": -0.1}, {"colour": "red"}, {"seed": -1}],
)
def test_rejects_bad_values_and_unknown_fields(fields: dict) -> None:
    with pytest.raises(ValidationError):
        DataConfig(**fields)


def test_augment_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        DataConfig.model_validate({"augment": {"vertical_flip": True}})


def test_importing_and_listing_sources_loads_no_torch() -> None:
    code = (
        "import sys\n"
        "from netstudio.training.sources import all_sources, check_config\n"
        "from netstudio.training.data_config import DataConfig\n"
        "assert all_sources() and check_config(DataConfig(source='mnist')) == []\n"
        "heavy = [m for m in ('torch', 'torchvision', 'sklearn') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_registry_lists_every_source_with_a_form() -> None:
    ids = [source.id for source in all_sources()]
    assert ids[0] == "digits"
    expected = {"spiral", "moons", "circles", "xor", "blobs", "mnist", "fashion_mnist"}
    assert expected | {"kmnist", "cifar10", "image_folder", "csv"} <= set(ids)
    for source in all_sources():
        assert source.name and source.description
        assert source.check_params({}) == source.defaults()
        if source.needs_root:
            assert source.files


def test_check_config_reports_every_problem() -> None:
    config = DataConfig(source="spiral", params={"clases": 3, "noise": -1})
    problems = check_config(config)
    assert len(problems) == 2
    assert "did you mean 'classes'" in problems[0]
    assert "'noise' must be at least 0" in problems[1]
    with pytest.raises(DataError, match="clases"):
        get_source("spiral").check_params(config.params)


def test_unknown_source_suggests_a_close_one() -> None:
    with pytest.raises(DataError, match="did you mean 'mnist'"):
        get_source("mnsit")
    assert "unknown data source" in check_config(DataConfig(source="mnsit"))[0]


def test_root_resolution(tmp_path: Path) -> None:
    project = tmp_path / "projects"
    assert resolve_root(DataConfig(root="data"), project) == project / "data"
    assert resolve_root(DataConfig(root=str(tmp_path)), project) == tmp_path
    assert resolve_root(DataConfig(root="data"), project, data_root=tmp_path / "x") == (
        tmp_path / "x"
    )
    assert resolve_root(DataConfig(), project) == project
    assert resolve_root(DataConfig(), None) is None


def test_file_source_without_a_folder_says_what_to_do() -> None:
    with pytest.raises(DataError, match="from a data folder, and the project names none") as error:
        get_source("mnist").load(DataConfig(source="mnist"), None)
    assert error.value.fixes == (DataFix.CHOOSE_FOLDER,)
    assert "--" not in str(error.value)  # each front end names its own option or button
    advice = error.value.advice({DataFix.CHOOSE_FOLDER: "give it with --data-root DIR"})
    assert advice == f"{error.value}. Give it with --data-root DIR."


def test_a_relative_root_never_resolves_against_the_working_folder(
    tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "data" / "MNIST" / "raw").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # the folder holds a "data" folder: it must not be taken
    config = DataConfig(source="mnist", root="data")
    assert resolve_root(config, None) is None
    assert resolve_root(config, tmp_path / "p") == tmp_path / "p" / "data"
    with pytest.raises(DataError) as error:
        load_data(config, None)
    message = str(error.value)
    assert "'data'" in message and "has not been saved yet" in message
    assert str(tmp_path) not in message and "--" not in message
    assert error.value.fixes == (DataFix.CHOOSE_FOLDER, DataFix.SAVE_PROJECT)
