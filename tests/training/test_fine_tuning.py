"""Fine-tuning in the trainer: frozen layers, per-layer learning rates, gradual unfreezing."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from netstudio.cli import failure_text
from netstudio.training.config import TrainingConfig
from netstudio.training.fine_tuning import (
    ParameterSplit,
    nodes_before,
    parameter_split,
    unknown_node_problems,
    with_frozen,
    with_multiplier,
)
from netstudio.training.objectives import lr_group_preview
from netstudio.training.results import FailureFix, RunResult, TrainerCallbacks
from netstudio.training.trainer import Trainer

MLP = [
    ("Linear", "fc1", {"out_features": 16}),
    ("ReLU", "relu1", {}),
    ("Linear", "fc2", {"out_features": 8}),
    ("ReLU", "relu2", {}),
    ("Linear", "fc3", {"out_features": 3}),
]
WITH_BATCHNORM = [
    ("Linear", "fc1", {"out_features": 16}),
    ("BatchNorm1d", "bn", {}),
    ("ReLU", "relu", {}),
    ("Linear", "fc2", {"out_features": 3}),
]


def _config(**fields) -> TrainingConfig:
    fields.setdefault("device", "cpu")
    fields.setdefault("batch_size", 16)
    fields.setdefault("epochs", 2)
    return TrainingConfig(**fields)


class Snapshots(TrainerCallbacks):
    """The model's tensors when the run starts and after each epoch."""

    def __init__(self) -> None:
        self.trainer: Trainer | None = None
        self.start: dict[str, torch.Tensor] = {}
        self.epochs: list[dict[str, torch.Tensor]] = []

    def _state(self) -> dict[str, torch.Tensor]:
        assert self.trainer is not None and self.trainer.model is not None
        return {k: v.detach().clone() for k, v in self.trainer.model.state_dict().items()}

    def run_started(self, info) -> None:
        self.info = info
        self.start = self._state()

    def epoch_ended(self, metrics) -> None:
        self.epochs.append(self._state())


def _train(graph, data, config, **options) -> tuple[Trainer, RunResult, Snapshots]:
    snapshots = Snapshots()
    trainer = Trainer(graph, data, config, callbacks=snapshots, **options)
    snapshots.trainer = trainer
    result = trainer.run()
    assert result.failure is None, result.failure and result.failure.message
    return trainer, result, snapshots


def _same(a: torch.Tensor, b: torch.Tensor) -> bool:
    return torch.equal(a, b)


# --- freezing ------------------------------------------------------------------------------------


def test_frozen_layers_stay_bitwise_the_same_while_the_others_learn(chain_graph, blob_data):
    config = _config(fine_tuning={"frozen": ["fc1", "fc2"]})
    trainer, _, seen = _train(chain_graph([4], MLP), blob_data, config)
    end = trainer.model.state_dict()
    for key in ("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"):
        assert _same(end[key], seen.start[key]), key
    for key in ("fc3.weight", "fc3.bias"):
        assert not _same(end[key], seen.start[key]), key
    frozen = sum(p.numel() for n, p in trainer.model.named_parameters() if not n.startswith("fc3"))
    assert seen.info.frozen_parameters == frozen


def test_the_optimizer_holds_no_frozen_parameter(chain_graph, blob_data):
    trainer, _, _ = _train(
        chain_graph([4], MLP), blob_data, _config(fine_tuning={"frozen": ["fc1"]})
    )
    model, optimizer = trainer.model, trainer.optimizer
    held = {id(p) for group in optimizer.param_groups for p in group["params"]}
    frozen = {id(p) for p in model.fc1.parameters()}
    assert not held & frozen
    assert held == {id(p) for n, p in model.named_parameters() if not n.startswith("fc1")}
    assert not {id(p) for p in optimizer.state} & frozen  # no moments kept for them
    assert all(p.grad is None for p in model.fc1.parameters())


def test_ids_of_nodes_that_are_gone_are_ignored(chain_graph, blob_data):
    config = _config(fine_tuning={"frozen": ["gone"], "lr_multipliers": {"gone": 3.0}})
    trainer, result, _ = _train(chain_graph([4], MLP), blob_data, config)
    assert result.status == "finished"
    assert [g["multiplier"] for g in trainer.optimizer.param_groups] == [1.0]


def test_freezing_every_layer_that_learns_is_refused_with_the_fix(chain_graph, blob_data):
    config = _config(fine_tuning={"frozen": ["fc1", "fc2", "fc3"]})
    result = Trainer(chain_graph([4], MLP), blob_data, config).run()
    failure = result.failure
    assert result.status == "failed" and result.epochs == []
    assert failure.kind == "config" and failure.fixes == (FailureFix.UNFREEZE,)
    assert "every layer that learns is frozen" in failure.message
    assert failure_text(failure).endswith(
        "Remove a node id from the project's training.fine_tuning.frozen."
    )


# --- learning rates ----------------------------------------------------------------------------


def test_multipliers_make_one_group_per_rate_in_the_models_order(chain_graph, blob_data):
    config = _config(
        optimizer={"type": "sgd", "lr": 0.1},
        fine_tuning={"lr_multipliers": {"fc1": 0.1, "fc3": 0.1, "fc2": 2.0}},
    )
    trainer, result, _ = _train(chain_graph([4], MLP), blob_data, config)
    groups = trainer.optimizer.param_groups
    assert [g["modules"] for g in groups] == [["fc1", "fc3"], ["fc2"]]
    assert [g["lr"] for g in groups] == [pytest.approx(0.01), pytest.approx(0.2)]
    model = trainer.model
    assert [id(p) for p in groups[0]["params"]] == [
        id(p) for p in [*model.fc1.parameters(), *model.fc3.parameters()]
    ]
    # The curves show the optimizer's own rate, not a layer's.
    assert result.epochs[0].lr == pytest.approx(0.1)


def test_a_step_schedule_decays_every_group_from_its_own_rate(chain_graph, blob_data):
    config = _config(
        epochs=3,
        optimizer={"type": "sgd", "lr": 0.1},
        schedule={"type": "step", "step_size": 1, "gamma": 0.5},
        fine_tuning={"lr_multipliers": {"fc1": 0.1}},
    )
    trainer, result, _ = _train(chain_graph([4], MLP), blob_data, config)
    assert [g["lr"] for g in trainer.optimizer.param_groups] == [
        pytest.approx(0.01 * 0.5**3),
        pytest.approx(0.1 * 0.5**3),
    ]
    assert [e.lr for e in result.epochs] == [
        pytest.approx(0.1),
        pytest.approx(0.05),
        pytest.approx(0.025),
    ]


def test_one_cycle_peaks_at_each_groups_own_rate() -> None:
    config = _config(
        epochs=4,
        optimizer={"type": "sgd", "lr": 0.01},
        schedule={"type": "one_cycle"},
        fine_tuning={"lr_multipliers": {"a": 0.5}},
    )
    curves = lr_group_preview(config, steps_per_epoch=5)
    assert set(curves) == {0.5, 1.0}
    for full, half in zip(curves[1.0], curves[0.5], strict=True):
        assert half == pytest.approx(full * 0.5)
    assert max(curves[1.0]) <= 0.1 + 1e-12  # ten times the rate at most


# --- BatchNorm -----------------------------------------------------------------------------------


@pytest.mark.parametrize("keep_eval", [True, False])
def test_a_frozen_batchnorm_keeps_its_running_statistics(chain_graph, blob_data, keep_eval):
    config = _config(fine_tuning={"frozen": ["bn"], "frozen_batchnorm_eval": keep_eval})
    trainer, _, seen = _train(chain_graph([4], WITH_BATCHNORM), blob_data, config)
    end = trainer.model.state_dict()
    stats = ("bn.running_mean", "bn.running_var", "bn.num_batches_tracked")
    assert all(_same(end[k], seen.start[k]) for k in stats) is keep_eval
    assert _same(end["bn.weight"], seen.start["bn.weight"])  # frozen either way
    assert not _same(end["fc1.weight"], seen.start["fc1.weight"])


# --- gradual unfreezing --------------------------------------------------------------------------


def test_gradual_unfreezing_frees_one_layer_from_the_output_back(chain_graph, blob_data):
    config = _config(
        epochs=5,
        fine_tuning={
            "frozen": ["fc1", "fc2"],
            "unfreeze_every": 2,
            "lr_multipliers": {"fc1": 0.5},
        },
    )
    trainer, result, seen = _train(chain_graph([4], MLP), blob_data, config)
    assert [e.unfrozen for e in result.epochs] == [(), (), ("fc2",), (), ("fc1",)]
    changed = [
        [
            not _same(after[f"{name}.weight"], seen.start[f"{name}.weight"])
            for name in ("fc1", "fc2")
        ]
        for after in seen.epochs
    ]
    assert changed == [[False, False], [False, False], [False, True], [False, True], [True, True]]
    groups = trainer.optimizer.param_groups
    assert [(g["modules"], g["multiplier"]) for g in groups] == [
        (["fc3"], 1.0),
        (["fc2"], 1.0),
        (["fc1"], 0.5),
    ]
    assert groups[2]["lr"] == pytest.approx(groups[0]["lr"] * 0.5)
    assert result.epochs[2].to_dict()["unfrozen"] == ["fc2"]
    assert "unfrozen" not in result.epochs[0].to_dict()
    assert "unfroze fc2" in result.epochs[2].line()


def test_an_unfrozen_layer_joins_a_cosine_schedule_where_it_is(chain_graph, blob_data):
    """Its rate from then on is what it would have been in a group there from the start."""
    config = _config(
        epochs=4,
        optimizer={"type": "sgd", "lr": 0.1},
        schedule={"type": "cosine", "min_lr": 0.01},
        fine_tuning={"frozen": ["fc1"], "unfreeze_every": 2, "lr_multipliers": {"fc1": 0.5}},
    )

    class Rates(Snapshots):
        def __init__(self) -> None:
            super().__init__()
            self.rates: list[list[float]] = []

        def epoch_ended(self, metrics) -> None:  # the rates of the next epoch
            self.rates.append([g["lr"] for g in self.trainer.optimizer.param_groups])

    rates = Rates()
    trainer = Trainer(chain_graph([4], MLP), blob_data, config, callbacks=rates)
    rates.trainer = trainer
    assert trainer.run().failure is None
    curves = lr_group_preview(config, steps_per_epoch=1)
    assert rates.rates[2] == [pytest.approx(curves[1.0][3]), pytest.approx(curves[0.5][3])]
    assert curves[0.5][3] != pytest.approx(curves[1.0][3] * 0.5)  # the floor is not scaled
    assert rates.rates[3] == [pytest.approx(0.01), pytest.approx(0.01)]  # the end: the floor


def test_a_resumed_run_with_groups_and_unfreezing_ends_as_an_uninterrupted_one(
    chain_graph, blob_data, tmp_path: Path
):
    tuning = {"frozen": ["fc1", "fc2"], "unfreeze_every": 1, "lr_multipliers": {"fc2": 0.3}}
    graph = chain_graph([4], MLP)
    whole, _, _ = _train(graph, blob_data, _config(epochs=3, fine_tuning=tuning))
    first = tmp_path / "run"
    _train(graph, blob_data, _config(epochs=2, fine_tuning=tuning), checkpoint_dir=first)
    again = Trainer(graph, blob_data, _config(epochs=3, fine_tuning=tuning), checkpoint_dir=first)
    result = again.run(resume_from=first / "checkpoint")
    assert result.failure is None, result.failure and result.failure.message
    assert [e.unfrozen for e in result.epochs] == [(), ("fc2",), ("fc1",)]
    for key, value in whole.model.state_dict().items():
        assert torch.equal(value, again.model.state_dict()[key]), key
    assert len(again.optimizer.param_groups) == 3


def test_a_run_does_not_resume_with_other_fine_tuning_settings(
    chain_graph, blob_data, tmp_path: Path
):
    graph = chain_graph([4], MLP)
    folder = tmp_path / "run"
    _train(
        graph, blob_data, _config(epochs=1, fine_tuning={"frozen": ["fc1"]}), checkpoint_dir=folder
    )
    other = _config(epochs=2, fine_tuning={"frozen": ["fc2"]})
    result = Trainer(graph, blob_data, other, checkpoint_dir=folder).run(folder / "checkpoint")
    assert result.status == "failed"
    assert "other fine-tuning settings" in result.failure.message


# --- editing the section -------------------------------------------------------------------------


def test_the_switches_edit_a_copy_of_the_section_and_leave_nothing_behind(chain_graph) -> None:
    section = {"epochs": 3, "fine_tuning": {"frozen": ["fc2"], "unfreeze_every": 2}}
    frozen = with_frozen(section, ["fc1", "fc2"], True)
    assert frozen["fine_tuning"] == {"frozen": ["fc2", "fc1"], "unfreeze_every": 2}
    assert section["fine_tuning"]["frozen"] == ["fc2"]  # the original is left alone
    assert with_frozen(frozen, ["fc2"], False)["fine_tuning"]["frozen"] == ["fc1"]
    assert with_frozen({"epochs": 3}, ["fc1"], False) == {"epochs": 3}
    fast = with_multiplier({"epochs": 3}, "fc3", 10)
    assert fast["fine_tuning"] == {"lr_multipliers": {"fc3": 10.0}}
    assert with_multiplier(fast, "fc3", 1) == {"epochs": 3}
    graph = chain_graph([4], MLP)
    assert nodes_before(graph, "fc3") == ["input", "fc1", "relu1", "fc2", "relu2"]
    params = {"fc1": 80, "fc2": 136, "fc3": 27}
    assert nodes_before(graph, "fc3", params) == ["fc1", "fc2"]
    assert parameter_split(params, ["fc1", "fc2"]) == ParameterSplit(trainable=27, frozen=216)
    assert unknown_node_problems(graph, {"frozen": ["fc1", "nope"]}) == [
        ("training.fine_tuning.frozen[1]", "no node 'nope' in the network: it is ignored")
    ]
