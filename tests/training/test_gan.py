"""GAN training: settings, the checks before Train, the loop's records, samples and quality."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from pydantic import ValidationError

from netstudio.cli import main
from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, load_project, save_project
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import DataConfig
from netstudio.training.gan_checks import gan_problems
from netstudio.training.gan_records import GanBatchMetrics, GanEpochMetrics
from netstudio.training.results import TrainerCallbacks
from netstudio.training.sources import load_data
from netstudio.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parents[2] / "netstudio" / "examples" / "digits_gan.net"


def _chain(layers: list[tuple[str, str, dict[str, Any]]]) -> NetworkGraph:
    graph = NetworkGraph()
    previous = None
    for node_id, type_id, params in layers:
        graph.add_node(type_id, name=node_id, node_id=node_id, params=params)
        if previous is not None:
            graph.connect(previous, "out", node_id, graph.node(node_id).input_ports[0])
        previous = node_id
    return graph


def _generator(noise: int = 16, pixels: int = 64, side: tuple[int, ...] = (1, 8, 8)):
    return _chain(
        [
            ("noise", "Input", {"shape": [noise]}),
            ("fc1", "Linear", {"out_features": 128}),
            ("relu1", "ReLU", {}),
            ("fc2", "Linear", {"out_features": 256}),
            ("relu2", "ReLU", {}),
            ("fc3", "Linear", {"out_features": pixels}),
            ("tanh", "Tanh", {}),
            ("image", "Unflatten", {"dim": 1, "unflattened_size": list(side)}),
            ("output", "Output", {}),
        ]
    )


def _discriminator(units: int = 1) -> NetworkGraph:
    return _chain(
        [
            ("image", "Input", {"shape": None}),
            ("flatten", "Flatten", {}),
            ("fc1", "Linear", {"out_features": 128}),
            ("lrelu", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc2", "Linear", {"out_features": units}),
            ("output", "Output", {}),
        ]
    )


def _project(generator: NetworkGraph | None = None, discriminator: NetworkGraph | None = None):
    g = generator or _generator()
    project = Project(
        g,
        networks={"gen": g, "disc": discriminator or _discriminator()},
        main="gen",
    )
    project.name = "tiny GAN"
    project.data = {"source": "digits", "val_fraction": 0.0, "test_fraction": 0.0}
    project.training = {
        "task": "gan",
        "epochs": 4,
        "batch_size": 32,
        "device": "cpu",
        "gan": {
            "generator": "gen",
            "discriminator": "disc",
            "noise_size": 16,
            "generator_optimizer": {"lr": 0.001, "betas": [0.5, 0.999]},
            "discriminator_optimizer": {"lr": 0.001, "betas": [0.5, 0.999]},
            "sample_grid": 4,
        },
    }
    return project


@pytest.fixture(scope="module")
def digits():
    return load_data(DataConfig(source="digits", val_fraction=0.0, test_fraction=0.0))


class _Recorder(TrainerCallbacks):
    def __init__(self) -> None:
        self.batches: list[GanBatchMetrics] = []
        self.epochs: list[GanEpochMetrics] = []

    def batch_ended(self, metrics) -> None:
        self.batches.append(metrics)

    def epoch_ended(self, metrics) -> None:
        self.epochs.append(metrics)


# --- settings --------------------------------------------------------------------------------


def test_a_gan_task_alone_takes_the_digits_friendly_defaults() -> None:
    gan = TrainingConfig.model_validate({"task": "gan"}).gan
    assert gan is not None
    assert (gan.generator_optimizer.type, gan.generator_optimizer.lr) == ("adam", 2e-4)
    assert gan.discriminator_optimizer.betas == (0.5, 0.999)
    assert (gan.loss, gan.noise, gan.d_steps) == ("bce_with_logits", "normal", 1)
    assert TrainingConfig.model_validate({}).gan is None  # other tasks carry no GAN section


def test_bad_gan_settings_are_named_at_their_json_path() -> None:
    with pytest.raises(ValidationError) as caught:
        TrainingConfig.model_validate(
            {
                "task": "gan",
                "gan": {"generator": "a", "discriminator": "a", "loss": "wasserstein"},
            }
        )
    where = {".".join(map(str, e["loc"])): e["msg"] for e in caught.value.errors()}
    assert "two networks" in where["gan.discriminator"]
    assert "gan.loss" in where


# --- checks before Train ---------------------------------------------------------------------


def _messages(project: Project) -> list[str]:
    config = TrainingConfig.model_validate(project.training)
    assert config.gan is not None
    return [p.message for p in gan_problems(dict(project.network_items()), config.gan, (1, 8, 8))]


def test_a_fitting_gan_has_no_problems() -> None:
    assert _messages(_project()) == []


def test_generator_output_that_does_not_fit_is_refused_naming_both_networks(digits) -> None:
    project = _project(generator=_generator(pixels=16, side=(1, 4, 4)))
    (message, *_) = _messages(project)
    assert "generator 'gen'" in message and "discriminator 'disc'" in message
    assert "1×4×4" in message and "1×8×8" in message
    config = TrainingConfig.model_validate(project.training)
    result = Trainer(project.graph, digits, config).run()
    assert result.status == "failed" and result.failure is not None
    assert "generator 'gen'" in result.failure.message
    assert "discriminator 'disc'" in result.failure.message


def test_a_discriminator_not_ending_in_one_value_is_refused() -> None:
    (message,) = _messages(_project(discriminator=_discriminator(units=10)))
    assert "generator 'gen' and discriminator 'disc'" in message
    assert "ends in 10 values" in message and "Linear of 1 unit" in message


def test_a_generator_input_of_another_size_than_the_noise_is_refused() -> None:
    (message,) = _messages(_project(generator=_generator(noise=20)))
    assert "Input takes 20" in message and "noise has 16 values" in message


def test_a_missing_network_is_named_with_those_the_project_has() -> None:
    project = _project()
    project.training["gan"]["discriminator"] = "critic"
    (message,) = _messages(project)
    assert "no network 'critic'" in message and "'gen', 'disc'" in message


def test_netstudio_check_reports_the_gan_problem(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.net"
    save_project(_project(discriminator=_discriminator(units=3)), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "error: training.gan: the GAN's generator 'gen' and discriminator 'disc'" in out


# --- the loop --------------------------------------------------------------------------------


def _quality(samples: torch.Tensor) -> float:
    """A digits classifier's mean confidence on `samples` (in [-1, 1])."""
    from sklearn.datasets import load_digits
    from sklearn.linear_model import LogisticRegression

    real = load_digits()
    classifier = LogisticRegression(max_iter=300).fit(real.data / 16, real.target)
    images = ((samples.reshape(len(samples), -1) + 1) / 2).clamp(0, 1).numpy()
    probabilities = classifier.predict_proba(images)
    return float(probabilities.max(1).mean())


def test_gan_training_makes_digits_a_classifier_recognises(digits, tmp_path: Path) -> None:
    project = load_project(EXAMPLE)  # the example's own networks and settings, fewer epochs
    config = TrainingConfig.model_validate({**project.training, "epochs": 5, "device": "cpu"})
    recorder = _Recorder()
    trainer = Trainer(project.graph, digits, config, callbacks=recorder, checkpoint_dir=tmp_path)
    result = trainer.run()
    assert result.status == "finished", result.failure
    generator = trainer.model["generator"].eval()
    torch.manual_seed(1)
    with torch.no_grad():
        made = generator(torch.randn(300, 32))
    noise = torch.rand(300, 64) * 2 - 1
    made_confidence, noise_confidence = _quality(made), _quality(noise)
    # Chance is 0.1; uniform noise already scores about 0.6 with this classifier.
    assert made_confidence > noise_confidence + 0.15, (made_confidence, noise_confidence)
    # D and G losses and D's verdicts, per batch and per epoch.
    assert len(recorder.epochs) == 5 and len(recorder.batches) == 5 * -(-len(digits.train) // 32)
    for record in [*recorder.epochs, *recorder.batches]:
        assert all(np.isfinite([record.d_loss, record.g_loss, record.d_real, record.d_fake]))
        assert 0 < record.d_real < 1 and 0 < record.d_fake < 1
    # The fixed noise batch's samples, drawn every epoch.
    for epoch in range(1, 6):
        assert (tmp_path / f"samples_epoch_{epoch:03d}.png").stat().st_size > 100
    from PIL import Image

    with Image.open(tmp_path / "samples_epoch_005.png") as grid:
        assert grid.mode == "L" and grid.width == grid.height >= 8 * 9
    with open(tmp_path / "gan.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3, 4, 5]
    assert float(rows[-1]["d_real"]) == pytest.approx(recorder.epochs[-1].d_real, rel=1e-4)


def test_a_gan_run_stops_within_one_batch(digits) -> None:
    project = _project()
    config = TrainingConfig.model_validate(project.training)

    class StopAtOnce(_Recorder):
        def batch_ended(self, metrics) -> None:
            super().batch_ended(metrics)
            trainer.stop()

    recorder = StopAtOnce()
    trainer = Trainer(project.graph, digits, config, callbacks=recorder)
    result = trainer.run()
    assert result.status == "stopped"
    assert len(recorder.batches) == 1 and len(result.epochs) == 1


def test_the_hinge_loss_and_several_d_steps_train(digits) -> None:
    project = _project()
    training = copy.deepcopy(project.training)
    training["epochs"] = 1
    training["gan"].update({"loss": "hinge", "d_steps": 2, "noise": "uniform"})
    recorder = _Recorder()
    result = Trainer(
        project.graph, digits, TrainingConfig.model_validate(training), callbacks=recorder
    ).run()
    assert result.status == "finished", result.failure
    steps = [b for b in recorder.batches if np.isfinite(b.d_loss)]
    assert len(steps) == len(recorder.batches)
    assert np.isnan(recorder.batches[0].g_loss)  # the generator's first step is after two D's
    assert np.isfinite(recorder.batches[1].g_loss)


def test_netstudio_train_runs_a_gan_headless(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gan.net"
    project = _project()
    project.training["epochs"] = 2
    save_project(project, path)
    code = main(["train", str(path), "--out", str(tmp_path / "runs"), "--json"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    epoch_lines = [line for line in lines if line.startswith("epoch ")]
    assert len(epoch_lines) == 2
    assert all(part in epoch_lines[0] for part in ("D loss", "G loss", "D(x)", "D(G(z))")), (
        epoch_lines[0]
    )
    summary = json.loads(lines[-1])
    assert summary["status"] == "finished" and summary["epochs"] == 2
    assert {"d_loss", "g_loss", "d_real", "d_fake"} <= summary.keys()
    (run,) = (tmp_path / "runs").iterdir()
    from safetensors.torch import load_file

    keys = load_file(str(run / "last.safetensors")).keys()
    assert "gen.fc1.weight" in keys and "disc.fc2.weight" in keys
    assert (run / "samples_epoch_002.png").is_file()


def test_the_digits_gan_example_is_valid(capsys) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("valid")
