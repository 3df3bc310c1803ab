"""Importing a model class from a Python file: it works, and each way it fails is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from netstudio.importing import ModelImportError
from netstudio.importing.python_file import from_python_file

MODEL = """
import torch
from torch import nn


class Tiny(nn.Module):
    def __init__(self, hidden: int = 8) -> None:
        super().__init__()
        self.fc1 = nn.Linear(4, hidden)
        self.fc2 = nn.Linear(hidden, 2)

    def forward(self, x):
        return self.fc2(torch.nn.functional.silu(self.fc1(x)))


class NeedsArgs(nn.Module):
    def __init__(self, width):
        super().__init__()


class Branchy(nn.Module):
    def forward(self, x):
        if x.mean() > 0:
            return x
        return -x


class Broken(nn.Module):
    def __init__(self):
        super().__init__()
        raise ValueError("no GPU here")


NOT_A_MODULE = 3
"""


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "model.py"
    path.write_text(MODEL)
    return path


def test_a_class_from_a_file_computes_the_same(model_file: Path, same_outputs) -> None:
    imported = from_python_file(model_file, "Tiny", (4,), kwargs={"hidden": 6})
    assert imported.project.name == "Tiny"
    assert imported.project.graph.node_by_name("fc1").params["out_features"] == 6
    torch.manual_seed(0)
    x = torch.randn(3, 4)
    fc1, fc2 = (imported.weights[f"{n}.weight"] for n in ("fc1", "fc2"))
    b1, b2 = (imported.weights[f"{n}.bias"] for n in ("fc1", "fc2"))
    expected = torch.nn.functional.silu(x @ fc1.T + b1) @ fc2.T + b2
    same_outputs(imported, lambda _: expected, x)


@pytest.mark.parametrize(
    ("class_name", "message"),
    [
        ("Missing", "there is no class 'Missing' (its nn.Module classes: Tiny, NeedsArgs"),
        ("NOT_A_MODULE", "'NOT_A_MODULE' is not an nn.Module class"),
        ("NeedsArgs", "NeedsArgs() missing a required argument: 'width'"),
        ("Broken", "Broken() failed: ValueError: no GPU here (line 31)"),
        ("Branchy", "Data-dependent control flow cannot be traced"),
    ],
)
def test_each_failure_names_the_file_and_the_cause(
    model_file: Path, class_name: str, message: str
) -> None:
    with pytest.raises(ModelImportError) as caught:
        from_python_file(model_file, class_name, (4,))
    assert str(model_file) in str(caught.value) or "model.py" in str(caught.value)
    assert message in str(caught.value)


def test_a_missing_file_and_a_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(ModelImportError, match="no such file"):
        from_python_file(tmp_path / "nope.py", "Net", (4,))
    bad = tmp_path / "bad.py"
    bad.write_text("import torch\n\nclass Net(:\n    pass\n")
    with pytest.raises(ModelImportError, match=r"bad\.py:3: syntax error"):
        from_python_file(bad, "Net", (4,))
    failing = tmp_path / "failing.py"
    failing.write_text("import torch\nraise RuntimeError('boom')\n")
    with pytest.raises(
        ModelImportError, match=r"failing\.py:2: running the file failed: RuntimeError: boom$"
    ):
        from_python_file(failing, "Net", (4,))


def test_an_error_in_forward_is_reported_as_itself_with_its_line(tmp_path: Path) -> None:
    """Not as 'data-dependent control flow': the Python error, at the file's own line."""
    path = tmp_path / "typo.py"
    path.write_text(
        "from torch import nn\n\n\nclass Net(nn.Module):\n    def forward(self, x):\n"
        "        return relu(x)\n"
    )
    with pytest.raises(ModelImportError) as caught:
        from_python_file(path, "Net", (4,))
    message = str(caught.value)
    assert f"{path}:6: NameError: name 'relu' is not defined" in message
    assert "control flow" not in message


def test_a_name_error_while_the_file_loads_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "undefined.py"
    path.write_text("import torch\n\nlayers = [nn.Linear(4, 2)]\n")
    with pytest.raises(
        ModelImportError,
        match=r"undefined\.py:3: running the file failed: NameError: name 'nn' is not defined$",
    ):
        from_python_file(path, "Net", (4,))
