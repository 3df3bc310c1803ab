"""`netstudio train --json` ends with one JSON line also when the run never starts or fails:
``"status": "failed"`` and the reason, beside the one-line error for people on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netstudio.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _train(capsys: pytest.CaptureFixture, *args: object) -> tuple[int, dict, str]:
    """Runs `netstudio train ... --json`; the exit code, the last stdout line read as JSON, and
    stderr (which must be one line)."""
    code = main(["train", *map(str, args), "--json"])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines, "no JSON line"
    summary = json.loads(lines[-1])
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    assert captured.err.startswith("error: ") and "Traceback" not in captured.err
    return code, summary, captured.err


def _digits_project(tmp_path: Path, change) -> Path:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    change(project)
    path = tmp_path / "p.net"
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def _failed(summary: dict, kind: str) -> str:
    assert summary["status"] == "failed" and summary["epochs"] == 0
    assert summary["error"]["kind"] == kind
    return summary["error"]["message"]


def test_a_missing_dataset_ends_with_a_failed_json_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "runs"
    args = (EXAMPLES / "mnist_mlp.net", "--data-root", tmp_path / "empty", "--out", out)
    code, summary, err = _train(capsys, *args)
    assert code == 1
    message = _failed(summary, "data")
    assert "train-images-idx3-ubyte" in message and "--download" in message
    assert err.strip() == f"error: {message}"
    assert summary["train_loss"] is None and summary["run_dir"] is None
    assert not out.exists()


def test_an_unreadable_project_ends_with_a_failed_json_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.net"
    path.write_text('{"format_version": 1, "graph": ', encoding="utf-8")
    code, summary, err = _train(capsys, path)
    assert code == 2
    assert "broken.net" in _failed(summary, "config") and "broken.net" in err


def test_bad_settings_and_overrides_end_with_a_failed_json_line(tmp_path: Path, capsys) -> None:
    path = _digits_project(tmp_path, lambda p: p["training"]["optimizer"].update(lr=-1))
    code, summary, _ = _train(capsys, path, "--out", tmp_path / "runs")
    assert code == 2 and "training.optimizer.lr" in _failed(summary, "config")
    code, summary, _ = _train(capsys, EXAMPLES / "digits_mlp.net", "--epochs", "0")
    assert code == 2 and _failed(summary, "config").startswith("--epochs: ")


def test_an_invalid_network_ends_with_a_failed_json_line(tmp_path: Path, capsys) -> None:
    def unwire_fc2(project: dict) -> None:
        edges = project["networks"][0]["graph"]["edges"]
        edges[:] = [edge for edge in edges if edge["to"] != "fc2"]

    path = _digits_project(tmp_path, unwire_fc2)
    code, summary, err = _train(capsys, path, "--out", tmp_path / "runs")
    assert code == 1
    assert "not valid" in _failed(summary, "config") and "not valid" in err


def test_damaged_starting_weights_end_with_a_failed_json_line(tmp_path: Path, capsys) -> None:
    path = _digits_project(tmp_path, lambda p: None)
    path.with_suffix(".safetensors").write_bytes(b"not safetensors")
    code, summary, err = _train(capsys, path, "--out", tmp_path / "runs")
    assert code == 1
    assert "p.safetensors" in _failed(summary, "config") and "p.safetensors" in err


def test_a_fault_of_netstudio_still_ends_stdout_with_the_json_line(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("netstudio.training.sources.load_data", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        main(["train", str(EXAMPLES / "digits_mlp.net"), "--out", str(tmp_path), "--json"])
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert _failed(summary, "error") == "RuntimeError: a bug"
