"""`netstudio export`: files written, exit codes and the messages of failed exports."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from netstudio.cli import main
from netstudio.core.compiler import compile_graph
from netstudio.io import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DIGITS = EXAMPLES / "digits_mlp.net"


def _export(capsys: pytest.CaptureFixture, *args: object) -> tuple[int, str, str]:
    code = main(["export", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_weights_are_written(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "digits.safetensors"
    code, stdout, err = _export(capsys, DIGITS, "--format", "weights", "-o", out)
    assert code == 0, err
    assert str(out) in stdout
    assert set(load_file(str(out))) == {"fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"}


def test_pt2_is_written_and_loads_with_torch_export(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "exported" / "digits.pt2"
    code, stdout, err = _export(capsys, DIGITS, "--format", "pt2", "-o", out)
    assert code == 0, err
    assert stdout.splitlines() == ["exported digits_mlp.net as pt2:", f"  {out}"]
    assert err == ""  # no notices from torch.export on the terminal
    program = torch.export.load(out)
    assert set(program.state_dict) == {"fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"}
    assert program.module()(torch.randn(4, 64)).shape == (4, 10)


def test_an_unknown_format_fails_naming_the_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    code, _, err = _export(capsys, DIGITS, "--format", "keras", "-o", tmp_path / "x")
    assert code == 1
    assert err.strip() == (
        "error: unknown export format 'keras': choose one of python, pt2, torchscript, onnx, "
        "weights"
    )


def test_an_unreadable_project_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = tmp_path / "broken.net"
    broken.write_text("{ not json")
    code, _, err = _export(capsys, broken, "--format", "python", "-o", tmp_path / "x.py")
    assert code == 2
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1


def test_missing_onnxscript_exits_1_saying_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "onnxscript", None)
    code, _, err = _export(capsys, DIGITS, "--format", "onnx", "-o", tmp_path / "d.onnx")
    assert code == 1
    assert 'pip install "netstudio[onnx]"' in err


def test_weights_of_another_network_are_refused_naming_the_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    other = compile_graph(load_project(EXAMPLES / "spiral_toy.net").graph)
    weights = tmp_path / "spiral.safetensors"
    save_file(other.state_dict(), str(weights))
    code, _, err = _export(
        capsys, DIGITS, "--format", "python", "-o", tmp_path / "d.py", "--weights", weights
    )
    assert code == 1
    assert "do not fit this network" in err
    assert "fc3.weight" in err  # in the spiral network only
    assert "wrong shape fc1.weight" in err
    assert not (tmp_path / "d.py").exists()


def test_from_run_exports_the_latest_run_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture, load_module
) -> None:
    project = tmp_path / "digits_mlp.net"
    project.write_bytes(DIGITS.read_bytes())
    model = compile_graph(load_project(project).graph)
    for stamp, scale in (("20250101-120000", 1.0), ("20250102-120000", 2.0)):
        run = tmp_path / "digits_mlp.runs" / stamp
        run.mkdir(parents=True)
        save_file(
            {k: v * scale for k, v in model.state_dict().items()}, str(run / "last.safetensors")
        )
    code, stdout, err = _export(
        capsys, project, "--format", "python", "-o", tmp_path / "out" / "digits.py", "--from-run"
    )
    assert code == 0, err
    assert "20250102-120000" in stdout
    exported = load_module(tmp_path / "out" / "digits.py").load_model()
    for key, value in model.state_dict().items():
        assert torch.equal(exported.state_dict()[key], value * 2.0)


def test_from_run_without_runs_says_to_train_first(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project = tmp_path / "digits_mlp.net"
    project.write_bytes(DIGITS.read_bytes())
    code, _, err = _export(
        capsys, project, "--format", "weights", "-o", tmp_path / "w", "--from-run"
    )
    assert code == 1
    assert "no finished run" in err and "netstudio train digits_mlp.net" in err


def test_an_error_quoting_the_file_escapes_what_a_terminal_would_act_on(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A project name holding an escape sequence and a lone surrogate: one plain line, no
    ESC byte reaches the terminal, nothing is written."""
    text = DIGITS.read_text(encoding="utf-8")
    bad = tmp_path / "bad.net"
    bad.write_text(text.replace('"name": "Digits MLP"', '"name": "a\\u001b[31m\\ud800"', 1))
    assert '"a\\u001b' in bad.read_text()
    code, _, err = _export(capsys, bad, "--format", "python", "-o", tmp_path / "out.py")
    assert code == 2
    assert "\x1b" not in err and "\\x1b[31m" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.net"]
