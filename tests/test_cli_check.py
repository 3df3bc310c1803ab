"""`netstudio check`: the command-line contract (output lines and exit codes 0/1/2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netstudio.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_mnist_mlp_is_valid_with_235146_parameters(capsys) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES / "mnist_mlp.net"))
    assert code == 0
    assert "235,146 parameters" in out
    assert "N×256" in out and "200,960" in out
    assert out.rstrip().endswith("valid")


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.net")))
def test_every_example_is_valid(capsys, example: str) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES / example))
    assert code == 0, out


def test_cifar_cnn_shapes(capsys) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES / "cifar10_cnn.net"))
    assert code == 0
    for shape in ("N×32×32×32", "N×32×16×16", "N×64×8×8", "N×4096", "N×512", "N×10"):
        assert shape in out


def _broken(tmp_path: Path) -> Path:
    """A conv net with a Linear straight after a 4-D output, an unwired Add input and a cycle."""
    data = json.loads((EXAMPLES / "cifar10_cnn.net").read_text())
    nodes = data["networks"][0]["graph"]["nodes"]
    edges = data["networks"][0]["graph"]["edges"]
    # Drop the Flatten: wire pool2 straight into fc1.
    nodes[:] = [n for n in nodes if n["id"] != "flatten"]
    edges[:] = [e for e in edges if "flatten" not in (e["from"], e["to"])]
    edges.append({"from": "pool2", "from_port": "out", "to": "fc1", "to_port": "in"})
    nodes.append(
        {"id": "add", "type": "Add", "name": "add", "params": {"inputs": 2}, "position": [0, 300]}
    )
    edges.append({"from": "relu3", "from_port": "out", "to": "add", "to_port": "in1"})
    nodes.append({"id": "a", "type": "ReLU", "name": "a", "params": {}, "position": [0, 400]})
    nodes.append({"id": "b", "type": "ReLU", "name": "b", "params": {}, "position": [0, 500]})
    edges.append({"from": "a", "from_port": "out", "to": "b", "to_port": "in"})
    edges.append({"from": "b", "from_port": "out", "to": "a", "to_port": "in"})
    path = tmp_path / "broken.net"
    path.write_text(json.dumps(data))
    return path


def test_broken_graph_exits_1_and_lists_every_problem(capsys, tmp_path: Path) -> None:
    path = _broken(tmp_path)
    before = path.read_bytes()
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error: ")]
    assert any(
        line.startswith("error: fc1: ") and "insert a Flatten before 'fc1'" in line
        for line in errors
    )
    assert any(line.startswith("error: add: ") and "not connected" in line for line in errors)
    assert any(line.startswith("error: a: ") and "cycle" in line for line in errors)
    assert any(line.startswith("error: b: ") and "cycle" in line for line in errors)
    assert path.read_bytes() == before


def test_missing_input_and_output_nodes(capsys, tmp_path: Path) -> None:
    path = tmp_path / "empty_graph.net"
    path.write_text(
        json.dumps({"format": "netstudio", "version": 1, "graph": {"nodes": [], "edges": []}})
    )
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert "error: graph: the network has no Input node" in out
    assert "error: graph: the network has no Output node" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b'{"format": "netstudio", "version": 1, "graph": {"nodes": [', "truncated"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not"),
        (b'{"format": "keras"}', "keras"),
        (b'{"format": "netstudio", "version": 99}', "99"),
        (
            b'{"format": "netstudio", "version": 1, "graph": {"nodes": [{"id": "x", '
            b'"type": "Conv4d"}], "edges": []}}',
            "graph.nodes[0].type",
        ),
        (
            b'{"format": "netstudio", "version": 1, "graph": {"nodes": [{"id": "x", '
            b'"type": "Linear", "position": "left"}], "edges": []}}',
            "graph.nodes[0].position",
        ),
    ],
    ids=["empty", "truncated", "binary", "other-format", "newer", "unknown-layer", "wrong-type"],
)
def test_unreadable_files_exit_2_with_one_line(
    capsys, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.net"
    path.write_bytes(content)
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0]
    assert "Traceback" not in err
    assert path.read_bytes() == content


def test_console_script_and_module_entry_point(tmp_path: Path) -> None:
    """`python -m netstudio check` runs in a fresh process with the same exit codes."""
    result = subprocess.run(
        [sys.executable, "-m", "netstudio", "check", str(EXAMPLES / "mnist_mlp.net")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "235,146" in result.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "netstudio", "check", str(tmp_path / "nope.net")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def _with(tmp_path: Path, **sections) -> Path:
    """The digits MLP example with some top-level sections replaced."""
    data = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    data.update(sections)
    path = tmp_path / "project.net"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ({"data": {"source": "spiral", "params": {"noise": [1, 2]}}}, "error: data.params.noise: "),
        ({"data": {"params": {"noise": 0.1}}}, "error: data.params.noise: "),
        ({"data": {"source": "mnits"}}, "error: data.source: unknown data source 'mnits'"),
    ],
    ids=["param-type", "unknown-param", "unknown-source"],
)
def test_bad_data_source_settings_are_invalid(
    capsys, tmp_path: Path, sections: dict, expected: str
) -> None:
    """The source and its own parameters are checked by the data source, as `train` reads
    them: the file is read, the project is not valid (exit 1)."""
    code, out, err = run(capsys, "check", str(_with(tmp_path, **sections)))
    assert code == 1, out
    errors = [line for line in out.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(expected), out
    assert out.rstrip().endswith("invalid: 1 error(s)")
    assert "Traceback" not in out + err


RUN = {"id": "r1", "name": "Run 1", "status": "finished"}


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ({"data": {"source": "digits", "shuffle": True}}, "data.shuffle: unknown key"),
        ({"training": {"epoch": 3}}, "training.epoch: unknown key; did you mean 'epochs'?"),
        ({"runs": [{**RUN, "acc": 0.9}]}, "runs[0].acc: unknown key"),
        (
            {"view": {"center": [1, 2]}},
            "view.center: unknown key; did you mean 'centre'? (keys here: zoom, centre, flow)",
        ),
        (
            {"training": {"optimizer": {"lr": -1}}},
            "training.optimizer.lr: must be greater than 0, got -1",
        ),
        ({"training": {"epochs": "ten"}}, 'training.epochs: must be a whole number, got "ten"'),
        ({"training": {"epochs": 2.5}}, "training.epochs: must be a whole number, got 2.5"),
        ({"data": {"val_fraction": 2}}, "data.val_fraction: must be less than 1, got 2"),
        ({"view": {"zoom": 0}}, "view.zoom: must be greater than 0, got 0"),
        (
            {"training": {"optimizer": {"type": "adamm"}}},
            "training.optimizer.type: must be 'sgd', 'adam', 'adamw', 'rmsprop' or 'adagrad', "
            'got "adamm"',
        ),
        (
            {"runs": [{**RUN, "status": "done"}]},
            "runs[0].status: must be 'finished', 'stopped', 'early_stopped' or 'failed', "
            'got "done"',
        ),
        ({"data": {"augment": []}}, "data.augment: must be an object {...}, got a list"),
    ],
    ids=[
        "data-unknown-key",
        "training-unknown-key",
        "runs-unknown-key",
        "view-unknown-key",
        "negative-lr",
        "epochs-as-text",
        "epochs-fraction",
        "fraction-out-of-range",
        "zoom-out-of-range",
        "unknown-optimizer",
        "unknown-status",
        "augment-wrong-type",
    ],
)
def test_wrong_settings_are_refused_with_their_json_path(
    capsys, tmp_path: Path, sections: dict, expected: str
) -> None:
    """A setting the file layer refuses is a file problem (exit 2, one line: the file, the
    JSON path, what is allowed), and the file is left as it was."""
    path = _with(tmp_path, **sections)
    before = path.read_bytes()
    code, out, err = run(capsys, "check", str(path))
    assert code == 2, out + err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"error: {path}: {expected}"), line
    assert "Traceback" not in out + err
    assert path.read_bytes() == before


def test_every_settings_problem_is_counted(capsys, tmp_path: Path) -> None:
    path = _with(
        tmp_path,
        data={"val_fraction": 2, "test_fraction": -1},
        training={"batch_size": 0, "optimizer": {"lr": -1}},
    )
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert err.strip() == (
        f"error: {path}: data.val_fraction: must be less than 1, got 2 (and 3 more problems)"
    )


def test_a_v1_file_with_old_run_records_checks_valid(capsys, tmp_path: Path) -> None:
    """Runs recorded by an older NetStudio (format version 1) are brought up to date."""
    record = {
        **RUN,
        "epochs": [{"epoch": 1, "train_loss": 0.5, "val_loss": 0.4, "val_accuracy": 0.8}],
        "best_epoch": 1,
        "best_val_accuracy": 0.8,
        "best_val_loss": 0.4,
    }
    path = _with(tmp_path, version=1, runs=[record])
    code, out, err = run(capsys, "check", str(path))
    assert code == 0, out + err
    assert out.rstrip().endswith("valid")


def test_control_characters_from_the_file_are_escaped(capsys, tmp_path: Path) -> None:
    """A project name cannot clear, recolour or retitle the terminal: escapes are shown, not
    sent. (Node names are refused at the file boundary already.)"""
    data = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    data["name"] = "\x1b[2J\x1b[31mred\x1b[0m\u202eevil\x1b]0;owned\x07"
    path = tmp_path / "ansi.net"
    path.write_text(json.dumps(data))
    code, out, err = run(capsys, "check", str(path))
    assert code == 0, out + err
    assert not any(ch in out + err for ch in "\x1b\x07\u202e"), repr(out + err)
    assert "ansi.net: \\x1b[2J\\x1b[31mred\\x1b[0m\\u202eevil\\x1b]0;owned\\x07" in out


def test_control_characters_in_a_problem_stay_on_one_line(capsys, tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    data["data"] = {"source": "mnist\n\x1b[31mfake: ok"}
    path = tmp_path / "ansi.net"
    path.write_text(json.dumps(data))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    (line,) = [line for line in out.splitlines() if line.startswith("error: ")]
    assert line.startswith("error: data.source: ") and "\\n\\x1b[31mfake" in line
    assert "\x1b" not in out
