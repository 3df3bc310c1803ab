"""Bringing weights in: reading files safely, matching them to a network, the project's starting
weights beside its file, and training that starts from them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from netstudio.cli import main
from netstudio.core.compiler import compile_graph
from netstudio.io import Project, load_project, save_project
from netstudio.training.checkpoints import save_weights
from netstudio.training.config import TrainingConfig
from netstudio.training.runs import RunRecorder
from netstudio.training.starting_weights import (
    WeightsFileError,
    apply_weights,
    match_weights,
    merged,
    node_keys,
    read_starting_weights,
    read_weights_file,
    renamed,
    start_from,
    starting_weights_path,
    weights_report,
    without_keys,
    without_node,
    write_starting_weights,
)
from netstudio.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _layers(head: int = 3):
    return [
        ("Linear", "fc1", {"out_features": 16}),
        ("ReLU", "relu1", {}),
        ("Linear", "fc2", {"out_features": head}),
    ]


def _model(chain_graph, head: int = 3, seed: int = 0) -> torch.fx.GraphModule:
    torch.manual_seed(seed)
    return compile_graph(chain_graph([4], _layers(head)))


def _state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


# --- reading -------------------------------------------------------------------------------------


def test_a_matching_safetensors_file_matches_completely(chain_graph, tmp_path: Path) -> None:
    path = tmp_path / "w.safetensors"
    save_weights(_model(chain_graph, seed=1), path)
    model = _model(chain_graph)
    report = weights_report(path, model)
    assert report.complete and not report.partial
    assert [m.key for m in report.matched] == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert report.matched_nodes == ["fc1", "fc2"]
    assert report.lines()[0] == (
        "w.safetensors: 4 tensors match, 0 missing, 0 unexpected, 0 with another shape"
    )


def test_another_head_is_a_partial_match_that_names_both_shapes(chain_graph, tmp_path) -> None:
    path = tmp_path / "w.safetensors"
    trained = _model(chain_graph, head=10, seed=1)
    save_weights(trained, path)
    model = _model(chain_graph, head=3)
    before = _state(model)
    report = weights_report(path, model)
    assert report.partial
    assert [m.key for m in report.matched] == ["fc1.weight", "fc1.bias"]
    assert [(m.key, m.file_shape, m.model_shape) for m in report.mismatched] == [
        ("fc2.weight", (10, 16), (3, 16)),
        ("fc2.bias", (10,), (3,)),
    ]
    assert report.missing == [] and report.unexpected == []  # named, with another shape
    assert any("fc2.weight (10×16) in the file, (3×16) here" in line for line in report.lines())
    assert _same_state(_state(model), before)  # matching changes nothing
    apply_weights(model, report.tensors)  # the caller accepted the partial load
    assert torch.equal(model.fc1.weight, trained.fc1.weight)
    assert torch.equal(model.fc2.weight, before["fc2.weight"])


def test_weights_of_another_architecture_match_nothing(chain_graph, tmp_path: Path) -> None:
    path = tmp_path / "other.safetensors"
    save_file({"encoder.0.weight": torch.zeros(5, 5), "decoder.bias": torch.zeros(2)}, str(path))
    report = weights_report(path, _model(chain_graph))
    assert report.matched == [] and not report.complete and not report.partial
    assert sorted(report.unexpected) == ["decoder.bias", "encoder.0.weight"]
    assert report.missing == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]


def test_torchvision_like_keys_find_the_nodes_named_after_their_modules(chain_graph) -> None:
    """An imported model's nodes are named like its modules with ``_`` for ``.``."""
    graph = chain_graph(
        [4],
        [("Linear", "features_0", {"out_features": 6}), ("Linear", "head", {"out_features": 2})],
    )
    model = compile_graph(graph)
    source = {
        "features.0.weight": torch.ones(6, 4),
        "module.features.0.bias": torch.ones(6),  # a DataParallel prefix
        "head.weight": torch.ones(2, 6, dtype=torch.float16),  # another dtype: converted
    }
    report = match_weights(source, model, "resnet")
    assert {(m.source_key, m.key) for m in report.matched} == {
        ("features.0.weight", "features_0.weight"),
        ("module.features.0.bias", "features_0.bias"),
        ("head.weight", "head.weight"),
    }
    assert report.missing == ["head.bias"]
    assert report.tensors["head.weight"].dtype == torch.float32


def test_a_pth_state_dict_is_read_with_weights_only(chain_graph, tmp_path: Path) -> None:
    trained = _model(chain_graph, seed=1)
    plain, nested = tmp_path / "plain.pth", tmp_path / "checkpoint.pt"
    torch.save(trained.state_dict(), plain)
    torch.save({"epoch": 3, "state_dict": trained.state_dict(), "note": "hi"}, nested)
    for path in (plain, nested):
        report = weights_report(path, _model(chain_graph))
        assert report.complete, path.name
        assert torch.equal(report.tensors["fc2.bias"], trained.fc2.bias)


class _Payload:
    """A pickle that runs code when loaded unsafely: it writes the file `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('the file ran code')",))


def test_a_pth_with_code_is_refused_and_nothing_in_it_runs(tmp_path: Path) -> None:
    marker = tmp_path / "marker.txt"
    payload = _Payload(marker)
    path = tmp_path / "evil.pth"
    torch.save({"fc1.weight": torch.zeros(2), "surprise": payload}, path)
    with pytest.raises(WeightsFileError) as caught:
        read_weights_file(path)
    message = str(caught.value)
    assert message.startswith("evil.pth was refused: it holds Python objects other than tensors")
    assert "(exec: " in message
    assert "\n" not in message and "weights_only=False" not in message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.safetensors", b"not a safetensors file", "is damaged or is not a safetensors"),
        ("broken.pth", b"\x00\x01 nothing", "is damaged or is not a PyTorch weights file"),
        ("weights.txt", b"1 2 3", "is not a weights file NetStudio reads"),
    ],
)
def test_unreadable_files_say_why_in_one_line(tmp_path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WeightsFileError, match=expected) as caught:
        read_weights_file(path)
    assert "\n" not in str(caught.value)


def test_the_folder_of_a_finished_run_of_another_project(chain_graph, blob_data, tmp_path) -> None:
    folder = tmp_path / "other.runs" / "20260101-120000"
    graph = chain_graph([4], _layers())
    recorder = RunRecorder(folder, {})
    config = TrainingConfig(device="cpu", epochs=1, batch_size=16)
    trainer = Trainer(graph, blob_data, config, callbacks=recorder, checkpoint_dir=folder)
    recorder.trainer = trainer
    trainer.run()
    report = weights_report(folder, _model(chain_graph))
    assert report.complete
    assert torch.equal(report.tensors["fc1.weight"], trainer.model.fc1.weight.detach())
    with pytest.raises(WeightsFileError, match="holds no weights"):
        read_weights_file(tmp_path)


def test_fit_to_data_drops_only_that_nodes_starting_weights(chain_graph) -> None:
    model = _model(chain_graph)
    tensors = _state(model)
    assert node_keys(model, "fc2") == ["fc2.weight", "fc2.bias"]
    assert list(without_keys(tensors, node_keys(model, "fc2"))) == ["fc1.weight", "fc1.bias"]


# --- the project's starting weights -------------------------------------------------------------


def test_starting_weights_live_beside_the_project(chain_graph, tmp_path: Path) -> None:
    project_path = tmp_path / "my.model.net"
    assert starting_weights_path(project_path) == tmp_path / "my.model.safetensors"
    project = Project(graph=chain_graph([4], _layers()), path=project_path)
    assert read_starting_weights(project) == {}
    assert read_starting_weights(Project()) == {}  # never saved: none on disk
    tensors = _state(_model(chain_graph, seed=4))
    assert write_starting_weights(project_path, tensors) == tmp_path / "my.model.safetensors"
    read = read_starting_weights(project)
    assert read.keys() == tensors.keys()
    assert all(torch.equal(read[k], tensors[k]) for k in tensors)
    assert not list(tmp_path.glob("*.tmp"))  # written whole, in place
    assert write_starting_weights(project_path, {}) is None
    assert not starting_weights_path(project_path).exists()


def test_a_damaged_starting_weights_file_says_what_to_do(chain_graph, tmp_path: Path) -> None:
    project = Project(graph=chain_graph([4], _layers()), path=tmp_path / "p.net")
    starting_weights_path(project.path).write_bytes(b"garbage")
    with pytest.raises(WeightsFileError, match="load weights again"):
        read_starting_weights(project)


def test_starting_weights_that_no_longer_fit_are_skipped_with_a_note(chain_graph) -> None:
    old = _state(_model(chain_graph, head=10, seed=2))
    old["gone.weight"] = torch.zeros(1)
    model = _model(chain_graph, head=3)
    before = _state(model)
    started = start_from(model, old)
    assert started.loaded == 2  # fc1's weight and bias
    assert torch.equal(model.fc1.weight, old["fc1.weight"])
    assert torch.equal(model.fc2.weight, before["fc2.weight"])
    assert len(started.notes) == 2
    assert "fc2.weight (10×16) (now (3×16))" in started.notes[0]
    assert "gone.weight" in started.notes[1]


def test_training_starts_from_the_starting_weights(chain_graph, blob_data) -> None:
    graph = chain_graph([4], _layers())
    config = TrainingConfig(device="cpu", epochs=3, batch_size=16, optimizer={"lr": 0.01})
    trained = Trainer(graph, blob_data, config).run()
    fresh_first = trained.epochs[0].train_loss
    weights = Trainer(graph, blob_data, config)
    weights.run()
    tensors = _state(weights.model)
    again = Trainer(
        graph, blob_data, config.model_copy(update={"epochs": 1}), starting_weights=tensors
    )
    result = again.run()
    assert again.started_from.loaded == 4
    # It goes on where three epochs left the weights: below a fresh start's third epoch.
    assert result.epochs[0].train_loss < trained.epochs[2].train_loss < fresh_first
    frozen = TrainingConfig(device="cpu", epochs=1, batch_size=16, fine_tuning={"frozen": ["fc1"]})
    kept = Trainer(graph, blob_data, frozen, starting_weights=tensors)
    kept.run()
    assert torch.equal(kept.model.fc1.weight, tensors["fc1.weight"])


_TINY_MODEL = """
import torch
from torch import nn


class Tiny(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(64, 10)
        with torch.no_grad():  # weights no fresh start would give
            self.fc.weight.fill_(0.01)
            self.fc.bias.copy_(torch.arange(10.0))

    def forward(self, x):
        return self.fc(x)
"""


def test_imported_weights_are_what_netstudio_train_starts_from(tmp_path: Path, capsys) -> None:
    source = tmp_path / "tiny.py"
    source.write_text(_TINY_MODEL, encoding="utf-8")
    project_path = tmp_path / "r.net"
    args = [
        "import",
        str(source),
        "--class",
        "Tiny",
        "--input-shape",
        "64",
        "-o",
        str(project_path),
    ]
    assert main(args) == 0
    assert starting_weights_path(project_path).is_file()
    project = load_project(project_path)
    # A learning rate too small to move them: the run ends where it started.
    project.training = {"epochs": 1, "device": "cpu", "optimizer": {"lr": 1e-9}}
    save_project(project, project_path)
    capsys.readouterr()
    out = tmp_path / "runs"
    assert main(["train", str(project_path), "--out", str(out), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "starting weights: 2 tensors from r.safetensors" in lines
    (folder,) = out.iterdir()
    end = read_weights_file(folder)
    name = next(k for k in end if k.endswith(".bias"))
    torch.testing.assert_close(end[name], torch.arange(10.0), atol=1e-6, rtol=0)
    notes = json.loads((folder / "result.json").read_text())["notes"]
    assert [note for note in notes if not note.startswith("in memory: ")] == []  # the data path


def _same_state(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_the_starting_weights_after_a_load_a_fit_and_a_rename(chain_graph) -> None:
    model = _model(chain_graph)
    current = _state(_model(chain_graph, seed=3))
    loaded = match_weights({"fc1.weight": torch.ones(16, 4), "x": torch.ones(1)}, model)
    after_load = merged(current, loaded)
    assert torch.equal(after_load["fc1.weight"], torch.ones(16, 4))
    assert torch.equal(after_load["fc2.weight"], current["fc2.weight"])  # kept
    assert list(without_node(after_load, model, "fc2")) == ["fc1.weight", "fc1.bias"]
    moved = renamed(after_load, "fc1", "encoder 1")
    assert sorted(moved) == ["encoder_1.bias", "encoder_1.weight", "fc2.bias", "fc2.weight"]
    assert torch.equal(moved["encoder_1.weight"], torch.ones(16, 4))
