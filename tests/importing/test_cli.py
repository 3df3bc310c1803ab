"""`netstudio import`: writes the project and its weights, or says in one line why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.cli import SUBCOMMANDS, main, run_check

MODEL = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, width, 3, padding=1)
        self.fc = nn.Linear(width * 4 * 4, 10)

    def forward(self, x):
        x = nn.functional.max_pool2d(self.conv(x).clamp(min=0), 2)
        return self.fc(torch.flatten(x, 1))
"""


def test_import_a_python_file_then_check_it(tmp_path: Path, capsys) -> None:
    source = tmp_path / "model.py"
    source.write_text(MODEL)
    out = tmp_path / "net.net"
    code = main(
        [
            "import",
            str(source),
            "-o",
            str(out),
            "--class",
            "Net",
            "--input-shape",
            "1,8,8",
            "--kwargs",
            '{"width": 4}',
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert "import" in SUBCOMMANDS
    assert out.is_file() and out.with_suffix(".safetensors").is_file()
    assert "imported Net: 7 nodes (1 Function), 690 parameters with their weights" in printed
    assert run_check(out) == 0
    assert "valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["no_such_model"], 2, "is not a .py file, an .onnx file or a torchvision architecture"),
        (["model.py"], 2, "give --class NAME and --input-shape"),
        (["missing.py", "--class", "Net", "--input-shape", "4"], 1, "missing.py: no such file"),
        (["missing.onnx"], 1, "missing.onnx: no such file"),
    ],
)
def test_bad_sources_fail_with_one_line(
    tmp_path: Path, capsys, args: list[str], code: int, message: str
) -> None:
    args = [str(tmp_path / a) if a.endswith((".py", ".onnx")) else a for a in args]
    assert main(["import", *args, "-o", str(tmp_path / "out.net")]) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out.net").exists()


def test_a_torchvision_name_with_an_input_shape(tmp_path: Path, capsys) -> None:
    out = tmp_path / "resnet.net"
    assert main(["import", "resnet18", "-o", str(out), "--input-shape", "3,32,32"]) == 0
    # torchvision's published count for resnet18 (BatchNorm running statistics not counted);
    # its eight BasicBlocks are Blocks of 7 networks (layer1's two are one Block, repeat 2)
    assert (
        "imported resnet18: 16 nodes + 69 in 7 block networks, 11,689,512 parameters with "
        "their weights" in capsys.readouterr().out
    )
    assert out.with_suffix(".safetensors").stat().st_size > 40_000_000


def test_the_output_must_be_a_net_file(tmp_path: Path, capsys) -> None:
    assert main(["import", "resnet18", "-o", str(tmp_path / "x.json")]) == 2
    assert "must end in .net" in capsys.readouterr().err
