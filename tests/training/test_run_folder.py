"""The run folder keeps what was trained: a resume that cannot start changes nothing in it, a
resumed run that fails later keeps the earlier result and weights, a run that never trained
writes no weights, and a damaged or crafted checkpoint is one line, never a traceback."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from netstudio.cli import main
from netstudio.training.config import TrainingConfig
from netstudio.training.results import TrainerCallbacks, TrainingFailure
from netstudio.training.runs import RunRecorder, write_atomically
from netstudio.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MLP = [
    ("Linear", "fc1", {"out_features": 16}),
    ("ReLU", "relu1", {}),
    ("Linear", "fc2", {"out_features": 3}),
]


def _hashes(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _cli(capsys: pytest.CaptureFixture, *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The digits MLP example (copied) and its run folder after 2 epochs of training."""
    home = tmp_path_factory.mktemp("trained")
    project = home / "digits_mlp.net"
    shutil.copy(EXAMPLES / "digits_mlp.net", project)
    assert main(["train", str(project), "--epochs", "2", "--device", "cpu"]) == 0
    (folder,) = (home / "digits_mlp.runs").iterdir()
    return project, folder


@pytest.fixture
def run_copy(trained: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the trained project and its run folder, for a test to spoil."""
    project, folder = trained
    shutil.copy(project, tmp_path / project.name)
    shutil.copytree(folder, tmp_path / "run")
    return tmp_path / project.name, tmp_path / "run"


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and "weights_only" not in err
    return lines[0]


def test_a_resume_of_an_edited_network_changes_nothing_and_export_keeps_the_weights(
    run_copy: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project, folder = run_copy
    original = project.read_text()
    before = _hashes(folder)
    trained = load_file(folder / "last.safetensors")
    assert json.loads((folder / "result.json").read_text())["epochs"] == 2

    data = json.loads(original)
    for node in data["networks"][0]["graph"]["nodes"]:
        if node["id"] == "fc1":
            node["params"]["out_features"] = 100
    project.write_text(json.dumps(data))
    code, out, err = _cli(capsys, "train", project, "--epochs", "4", "--resume", folder)
    assert code == 1
    line = _one_line_error(err)
    assert "do not fit this network" in line and "fc1.weight (128, 64) vs (100, 64)" in line
    assert "undo the changes to the network" in line and "nothing in" in line
    assert "training on" not in out
    assert _hashes(folder) == before  # not one byte of the run changed

    # The edited network cannot take the run's weights: refused, not exported untrained.
    code, _, err = _cli(
        capsys,
        "export",
        project,
        "--format",
        "weights",
        "--from-run",
        folder,
        "-o",
        tmp_path / "edited.safetensors",
    )
    assert code == 1 and "do not fit" in err
    # With the edit undone, the run exports the weights it trained.
    project.write_text(original)
    exported = tmp_path / "trained.safetensors"
    code, _, err = _cli(
        capsys, "export", project, "--format", "weights", "--from-run", folder, "-o", exported
    )
    assert code == 0, err
    weights = load_file(exported)
    assert weights.keys() == trained.keys()
    for name, tensor in trained.items():
        assert torch.equal(weights[name], tensor), name


def _edit_state(change: Callable[[dict], object]) -> Callable[[Path], None]:
    """Craft the checkpoint's state.pt: load it, apply `change`, save it back."""

    def craft(checkpoint: Path) -> None:
        state = torch.load(checkpoint / "state.pt", weights_only=True)
        change(state)
        torch.save(state, checkpoint / "state.pt")

    return craft


def _replace(name: str, content: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def craft(checkpoint: Path) -> None:
        path = checkpoint / name
        path.write_bytes(content(path.read_bytes()))

    return craft


def _save_state(value: object) -> Callable[[Path], None]:
    return lambda checkpoint: torch.save(value, checkpoint / "state.pt")


def _set(key: str, value: object) -> Callable[[dict], None]:
    return lambda state: state.__setitem__(key, value)


CRAFTED = {
    "missing-history": (_edit_state(lambda s: s.pop("history")), "'history' is missing"),
    "missing-rng": (_edit_state(lambda s: s.pop("rng")), "'rng' is missing"),
    "missing-optimizer": (_edit_state(lambda s: s.pop("optimizer")), "'optimizer' is missing"),
    "epoch-as-text": (_edit_state(_set("epoch", "2")), "'epoch' is str, not int"),
    "optimizer-as-list": (_edit_state(_set("optimizer", [1, 2])), "'optimizer' is list"),
    "optimizer-garbage": (_edit_state(_set("optimizer", {"x": 1})), "not an optimizer's state"),
    "history-garbage": (
        _edit_state(_set("history", [{"epoch": "x"}, 5])),
        "'history' entry 1 is not one epoch's metrics",
    ),
    "history-wrong-type": (
        _edit_state(lambda s: s["history"][1].__setitem__("train_loss", "low")),
        "'history' entry 2 has a train_loss of str",
    ),
    "history-too-short": (
        _edit_state(lambda s: s["history"].pop()),
        "'history' holds 1 epochs, 'epoch' says 2",
    ),
    "rng-of-floats": (_edit_state(_set("rng", {"torch": torch.zeros(5)})), "'rng' is not"),
    "rng-as-text": (_edit_state(_set("rng", "seed")), "'rng' is str, not dict"),
    "rng-wrong-size": (
        _edit_state(_set("rng", {"torch": torch.zeros(3, dtype=torch.uint8)})),
        "random number generator state does not fit",
    ),
    "early-garbage": (_edit_state(_set("early", {"stale": "x"})), "'early' is not"),
    "other-optimizer": (_edit_state(_set("kinds", ["sgd", "none"])), "another optimizer"),
    "param-groups-empty": (
        _edit_state(lambda s: s["optimizer"].__setitem__("param_groups", [])),
        "optimizer or schedule state does not fit",
    ),
    "state-a-list": (_save_state([1, 2, 3]), "holds list, not a dictionary"),
    "state-not-tensors": (
        _save_state({"epoch": 2, "when": datetime.date(2020, 1, 1)}),
        "never loaded",
    ),
    "state-truncated": (_replace("state.pt", lambda b: b[: len(b) // 2]), "training state"),
    "state-garbage": (_replace("state.pt", lambda b: b"\x80\x02garbage"), "training state"),
    "weights-truncated": (
        _replace("weights.safetensors", lambda b: b[: len(b) // 2]),
        "is damaged or is not a safetensors",
    ),
    "weights-empty": (_replace("weights.safetensors", lambda b: b""), "cannot read the weights"),
    "best-truncated": (
        _replace("best.safetensors", lambda b: b[:100]),
        "best.safetensors: the file is damaged",
    ),
}


@pytest.mark.parametrize(("craft", "expected"), CRAFTED.values(), ids=CRAFTED.keys())
def test_a_damaged_or_crafted_checkpoint_is_one_line_and_changes_nothing(
    run_copy: tuple[Path, Path],
    capsys: pytest.CaptureFixture,
    craft: Callable[[Path], None],
    expected: str,
) -> None:
    project, folder = run_copy
    craft(folder / "checkpoint")
    before = _hashes(folder)
    code, out, err = _cli(capsys, "train", project, "--epochs", "4", "--resume", folder)
    assert code == 1
    assert expected in _one_line_error(err)
    assert "training on" not in out
    assert _hashes(folder) == before


class FailAt(TrainerCallbacks):
    """Fails the run at the first batch of `epoch`, as a NaN there would."""

    def __init__(self, epoch: int) -> None:
        self.epoch = epoch

    def batch_ended(self, metrics) -> None:
        if metrics.epoch == self.epoch:
            raise TrainingFailure("nan", "the loss became nan", epoch=self.epoch, batch=1)


def _recorded_run(
    folder: Path, blob_data, graph, epochs: int, *, resume: bool, then=None
) -> tuple[RunRecorder, str]:
    recorder = RunRecorder(folder, {"epochs": epochs}, then=then, resuming=resume)
    config = TrainingConfig(epochs=epochs, batch_size=16, device="cpu")
    trainer = Trainer(graph, blob_data, config, callbacks=recorder, checkpoint_dir=folder)
    recorder.trainer = trainer
    result = trainer.run(resume_from=folder / "checkpoint" if resume else None)
    return recorder, result.status


def _epochs_in(folder: Path) -> list[str]:
    lines = (folder / "epochs.csv").read_text().splitlines()[1:]
    return [line.split(",")[0] for line in lines]


def test_a_resume_that_fails_later_keeps_the_earlier_result_and_weights(
    tmp_path: Path, blob_data, chain_graph: Callable
) -> None:
    folder = tmp_path / "run"
    graph = chain_graph([4], MLP)
    assert _recorded_run(folder, blob_data, graph, 2, resume=False)[1] == "finished"
    kept = ("config.json", "result.json", "last.safetensors", "best.safetensors")
    before = {name: (folder / name).read_bytes() for name in kept}

    recorder, status = _recorded_run(
        folder, blob_data, chain_graph([4], MLP), 5, resume=True, then=FailAt(4)
    )
    assert status == "failed" and recorder.started
    for name in kept:
        assert (folder / name).read_bytes() == before[name], name
    # Epoch 3 really trained: the checkpoint and the epochs moved on, so resuming goes on.
    state = torch.load(folder / "checkpoint" / "state.pt", weights_only=True)
    assert state["epoch"] == 3 and _epochs_in(folder) == ["1", "2", "3"]
    assert not list(folder.rglob("*.tmp"))

    recorder, status = _recorded_run(folder, blob_data, chain_graph([4], MLP), 5, resume=True)
    assert status == "finished"
    result = json.loads((folder / "result.json").read_text())
    assert result["epochs"] == 5 and [e["epoch"] for e in result["history"]] == [1, 2, 3, 4, 5]
    assert json.loads((folder / "config.json").read_text()) == {"epochs": 5}
    assert _epochs_in(folder) == ["1", "2", "3", "4", "5"]
    assert (folder / "last.safetensors").read_bytes() != before["last.safetensors"]


def test_a_new_run_that_fails_before_an_epoch_keeps_its_record_but_no_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    project = json.loads((EXAMPLES / "digits_mlp.net").read_text())
    project["training"]["batch_size"] = 8
    for node in project["networks"][0]["graph"]["nodes"]:
        if node["id"] == "fc2":
            node["params"]["out_features"] = 4  # 10 classes: fails at the first batch
    path = tmp_path / "few_outputs.net"
    path.write_text(json.dumps(project))
    code, _, err = _cli(capsys, "train", path, "--out", tmp_path / "runs", "--device", "cpu")
    assert code == 1 and err.startswith("error: ")
    (folder,) = (tmp_path / "runs").iterdir()
    result = json.loads((folder / "result.json").read_text())
    assert result["status"] == "failed" and result["epochs"] == 0 and result["error"]
    assert (folder / "config.json").is_file()
    assert not list(folder.glob("*.safetensors"))  # no untrained weights to export by mistake


def test_write_atomically_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text("the earlier result")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("half of a new")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(path, half_then_fail)
    assert path.read_text() == "the earlier result"
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]  # no .tmp left behind
    write_atomically(path, lambda tmp: tmp.write_text("the new result"))
    assert path.read_text() == "the new result"
