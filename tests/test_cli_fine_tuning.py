"""`netstudio check` and `netstudio train` with fine-tuning settings: frozen layers named and
counted, ids of deleted nodes warned about, every layer frozen refused with the fix."""

from __future__ import annotations

import json
from pathlib import Path

from netstudio.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _project(tmp_path: Path, fine_tuning: dict) -> Path:
    raw = json.loads((EXAMPLES / "digits_mlp.net").read_text(encoding="utf-8"))
    raw["training"]["fine_tuning"] = fine_tuning
    raw["training"]["epochs"] = 1
    path = tmp_path / "digits.net"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _run(capsys, *args: object) -> tuple[int, list[str], str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_check_names_the_frozen_layers_and_warns_about_ids_of_deleted_nodes(
    tmp_path: Path, capsys
) -> None:
    path = _project(tmp_path, {"frozen": ["fc1", "gone"], "lr_multipliers": {"old": 2.0}})
    code, lines, _ = _run(capsys, "check", path)
    assert code == 0 and lines[-1] == "valid"
    assert any(
        line.startswith("total: 9,610 parameters (1,290 trainable, 8,320 frozen)") for line in lines
    )
    assert "frozen: fc1" in lines
    assert (
        "warning: training.fine_tuning.frozen[1]: no node 'gone' in the network: it is ignored"
        in lines
    )
    assert (
        "warning: training.fine_tuning.lr_multipliers.old: no node 'old' in the network: it is ignored"
        in lines
    )


def test_check_refuses_a_network_whose_every_layer_is_frozen(tmp_path: Path, capsys) -> None:
    code, lines, _ = _run(capsys, "check", _project(tmp_path, {"frozen": ["fc1", "fc2"]}))
    assert code == 1
    assert lines[-2].startswith(
        "error: training.fine_tuning.frozen: every layer that learns is frozen"
    )
    assert lines[-1] == "invalid: 1 error(s)"


def test_train_counts_the_frozen_parameters(tmp_path: Path, capsys) -> None:
    path = _project(tmp_path, {"frozen": ["fc1"]})
    code, lines, err = _run(capsys, "train", path, "--out", tmp_path / "runs", "--device", "cpu")
    assert code == 0, err
    assert lines[1].startswith("training on cpu: 9,610 parameters (1,290 learn, 8,320 frozen), ")


def test_train_refuses_every_layer_frozen_and_says_what_to_change(tmp_path: Path, capsys) -> None:
    path = _project(tmp_path, {"frozen": ["fc1", "fc2"]})
    code, _, err = _run(capsys, "train", path, "--out", tmp_path / "runs")
    assert code == 1
    assert err.strip() == (
        "error: every layer that learns is frozen, so training would change nothing: unfreeze "
        "at least one layer. Remove a node id from the project's training.fine_tuning.frozen."
    )
