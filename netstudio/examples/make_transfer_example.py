"""Make the transfer-learning example: `python examples/make_transfer_example.py`.

Writes ``transfer_digits.net`` and its starting weights ``transfer_digits.safetensors`` beside
this script. The weights are the convolution backbone of the same network trained on the
digits 0–4 (with a temporary five-way head, through NetStudio's own trainer); the project
freezes that backbone and trains a new head on the digits 5–9 from a handful of examples.
Seeded throughout: a re-run on the same versions of torch and scikit-learn writes the same
files.

    python examples/make_transfer_example.py            # both files
    python examples/make_transfer_example.py --compare  # and print pretrained vs scratch
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, save_project

if TYPE_CHECKING:
    from torch import Tensor

    from netstudio.training.results import RunResult
    from netstudio.training.trainer import Trainer

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "transfer_digits.net"
STEP = 240.0

#: The task the backbone learnt, and the task the example trains its head on.
PRETRAINING_DIGITS = [0, 1, 2, 3, 4]
TARGET_DIGITS = [5, 6, 7, 8, 9]
#: The nodes whose weights come pretrained, and stay frozen.
BACKBONE = ["conv1", "conv2"]
#: Pretraining: epochs on about 1,300 digits 0–4.
PRETRAINING_EPOCHS = 8
SEED = 0


def network() -> NetworkGraph:
    """Two 3×3 convolutions (the backbone), a pooling, and a Linear head of five classes."""
    graph = NetworkGraph()
    layers = [
        # Set, not auto, like every example: the network compiles without its data.
        ("input", "Input", {"shape": [1, 8, 8]}),
        ("conv1", "Conv2d", {"out_channels": 16, "kernel_size": 3, "padding": 1}),
        ("relu1", "ReLU", {}),
        ("conv2", "Conv2d", {"out_channels": 32, "kernel_size": 3, "padding": 1}),
        ("relu2", "ReLU", {}),
        ("pool", "MaxPool2d", {"kernel_size": 2}),
        ("flatten", "Flatten", {}),
        ("head", "Linear", {"out_features": len(TARGET_DIGITS)}),
        ("output", "Output", {}),
    ]
    previous = None
    for i, (node_id, type_id, params) in enumerate(layers):
        graph.add_node(
            type_id, name=node_id, node_id=node_id, params=params, position=(i * STEP, 0.0)
        )
        if previous is not None:
            graph.connect(previous, "out", node_id, graph.node(node_id).input_ports[0])
        previous = node_id
    return graph


def _training(epochs: int, frozen: list[str]) -> dict:
    training: dict = {
        "task": "classification",
        "loss": {"type": "cross_entropy"},
        "optimizer": {"type": "adam", "lr": 0.01},
        "batch_size": 16,
        "epochs": epochs,
        "seed": SEED,
    }
    if frozen:
        training["fine_tuning"] = {"frozen": frozen}
    return training


def transfer_project() -> Project:
    """The example: the backbone frozen, the head trained on 5–9 from ~70 examples (80% of
    what the test split leaves is held out for validation: transfer learning shines with
    little data)."""
    return Project(
        graph=network(),
        name="Transfer learning: digits 5–9",
        description="The two convolutions start from weights learnt on the digits 0–4 "
        "(transfer_digits.safetensors) and are frozen; only the head learns the digits 5–9, "
        "from 71 examples. Compare with the same network trained from scratch.",
        data={
            "source": "digits",
            "params": {"digits": TARGET_DIGITS},
            "val_fraction": 0.9,
            "test_fraction": 0.2,
        },
        training=_training(10, BACKBONE),
    )


def from_scratch(project: Project) -> Project:
    """`project` with nothing frozen: the baseline the example is measured against (run it
    without starting weights)."""
    training = {k: v for k, v in project.training.items() if k != "fine_tuning"}
    return Project(
        graph=project.graph,
        name=project.name,
        description=project.description,
        data=project.data,
        training=training,
    )


def pretraining_project() -> Project:
    """The same network learning the digits 0–4, with plenty of examples."""
    return Project(
        graph=network(),
        name="Pretraining: digits 0–4",
        data={"source": "digits", "params": {"digits": PRETRAINING_DIGITS}, "val_fraction": 0.1},
        training=_training(PRETRAINING_EPOCHS, []),
    )


def train(
    project: Project, starting_weights: dict[str, Tensor] | None = None
) -> tuple[Trainer, RunResult]:
    """Run `project` through NetStudio's trainer on the CPU, from `starting_weights` when
    given; the trainer (its model as trained) and the result. RuntimeError when it fails."""
    from netstudio.training.config import TrainingConfig
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data
    from netstudio.training.trainer import Trainer

    config = TrainingConfig.model_validate({**project.training, "device": "cpu"})
    data = load_data(DataConfig.model_validate(project.data))
    trainer = Trainer(project.graph, data, config, starting_weights=starting_weights)
    result = trainer.run()
    if result.failure is not None:
        raise RuntimeError(f"{project.name}: {result.failure.message}")
    return trainer, result


def pretrained_backbone() -> dict[str, Tensor]:
    """The backbone's tensors after pretraining, keyed as the example's starting weights."""
    from netstudio.training.starting_weights import node_keys, project_model

    trainer, _ = train(pretraining_project())
    assert trainer.model is not None
    state = trainer.model.state_dict()
    example = project_model(transfer_project())
    keys = [key for node in BACKBONE for key in node_keys(example, node)]
    return {key: state[key].detach().cpu().contiguous() for key in keys}


def epochs_to(result: RunResult, accuracy: float) -> int | None:
    """The first epoch whose validation accuracy reaches `accuracy`; None when none does."""
    for metrics in result.epochs:
        if metrics.val_accuracy is not None and metrics.val_accuracy >= accuracy:
            return metrics.epoch
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--compare", action="store_true", help="train the example pretrained and from scratch"
    )
    options = parser.parse_args(argv)
    from netstudio.io import load_project
    from netstudio.training.starting_weights import read_starting_weights, write_starting_weights

    project = transfer_project()
    save_project(project, EXAMPLE)
    print(f"wrote {EXAMPLE}")
    written = write_starting_weights(EXAMPLE, pretrained_backbone())
    print(f"wrote {written} ({written.stat().st_size:,} bytes)" if written else "no weights")
    if options.compare:
        saved = load_project(EXAMPLE)
        _, pretrained = train(saved, read_starting_weights(saved))
        _, scratch = train(from_scratch(saved))
        for name, result in (("pretrained, frozen", pretrained), ("from scratch", scratch)):
            accuracies = ", ".join(f"{m.val_accuracy:.3f}" for m in result.epochs)
            print(f"{name}: val accuracy by epoch {accuracies}")
            print(f"  epochs to 90%: {epochs_to(result, 0.9)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
