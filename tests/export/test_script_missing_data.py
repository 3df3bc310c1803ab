"""An exported training script whose data is missing ends with one line that names the folder it
looked in and the script's own flags (never torchvision's traceback advising download=True)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from netstudio.export import export_project
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _script(tmp_path: Path, example: str, data: dict | None = None) -> Path:
    project = load_project(EXAMPLES / example)
    if data is not None:
        project.data = data
    return export_project(project, "python", tmp_path / "train.py", with_training=True)[0]


def _flags(text: str) -> set[str]:
    return set(re.findall(r"--[a-z][a-z-]+", text))


def test_a_script_without_its_mnist_files_says_where_it_looked_and_which_flag_fetches_them(
    tmp_path: Path, without_netstudio: str
) -> None:
    script = _script(tmp_path, "mnist_mlp.net")
    empty = tmp_path / "empty"
    result = subprocess.run(
        [sys.executable, "-c", without_netstudio, str(script), "--data-root", str(empty)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert "Traceback" not in line and "download=True" not in line
    assert line.startswith(f"error: the MNIST files are missing or incomplete in {empty}/MNIST/raw")
    assert _flags(line) == {"--download", "--data-root"}
    # The flags it names are the script's own.
    source = script.read_text(encoding="utf-8")
    for flag in _flags(line):
        assert f'parser.add_argument("{flag}"' in source


def test_cifar10_names_its_own_folder(tmp_path: Path, load_module) -> None:
    module = load_module(_script(tmp_path, "cifar10_cnn.net"))
    with pytest.raises(SystemExit) as stopped:
        module.read_examples(tmp_path, False)
    message = str(stopped.value.code)
    assert f"in {tmp_path / 'cifar-10-batches-py'}: run again with --download" in message
    assert message.endswith("point --data-root at the folder that holds cifar-10-batches-py")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"source": "image_folder", "params": {"resize": 8}},
            "error: the image folder {root} was not found: point --data-root at the folder "
            "that holds one folder of images per class",
        ),
        (
            {"source": "csv", "params": {"file": "rows.csv"}},
            "error: the data file {root}/rows.csv was not found: point --data-root at the "
            "folder that holds rows.csv",
        ),
    ],
    ids=["image_folder", "csv"],
)
def test_folder_and_file_sources_name_what_is_missing(
    tmp_path: Path, load_module, ruff, data: dict, expected: str
) -> None:
    script = _script(tmp_path, "digits_mlp.net", data)
    assert ruff(script) == ""
    module = load_module(script)
    root = tmp_path / "nowhere"
    with pytest.raises(SystemExit) as stopped:
        module.read_examples(root, False)
    assert stopped.value.code == expected.format(root=root)
