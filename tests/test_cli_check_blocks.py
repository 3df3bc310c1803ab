"""`netstudio check` and `train` on a project of several networks (the residual blocks example)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.cli import main
from netstudio.examples.make_examples import residual_blocks
from netstudio.io import dumps_project

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE = EXAMPLES / "residual_blocks.net"


def test_the_shipped_example_is_what_the_script_makes() -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == dumps_project(residual_blocks())


def test_check_prints_the_main_network_with_its_block_and_passes(
    capsys: pytest.CaptureFixture,
) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out.splitlines()
    row = next(line.split() for line in out if line.strip().startswith("blocks "))
    # node, type (Block ×3), output, params (three copies), MACs
    assert row[1:5] == ["Block", "×3", "N×16×8×8", "14,016"]
    assert not any(line.strip().startswith(("conv1", "bn1")) for line in out)  # inner nodes
    assert out[-1] == "valid"


def test_check_reports_a_block_that_uses_itself_naming_the_block(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    inner = raw["networks"][1]["graph"]
    inner["nodes"].append(
        {"id": "again", "type": "Block", "params": {"network": "res_block", "repeat": 1}}
    )
    path = tmp_path / "loop.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "error: blocks: Block 'blocks' uses the network 'res_block', which uses itself through "
        "its blocks (res_block → res_block): remove one of those blocks"
    ) in out


def test_train_runs_the_example_for_an_epoch(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["data"]["params"] = {"digits": [0, 1]}  # a fifth of the digits: a fast epoch
    head = next(n for n in raw["networks"][0]["graph"]["nodes"] if n["id"] == "fc")
    head["params"]["out_features"] = 2
    path = tmp_path / "residual_blocks.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    args = ["--epochs", "1", "--batch-size", "64", "--device", "cpu", "--out", str(tmp_path)]
    code = main(["train", str(path), *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.out.splitlines()
    assert lines[1].startswith("training on cpu: 14,226 parameters, 1 epochs")
    assert any(line.startswith("finished: 1 epochs") for line in lines)
