"""Regenerate the example projects from code: `python examples/make_examples.py`.

The .net files are committed; this script is how they were made, so a change to the file
format or the layouts is one re-run rather than hand edits.
"""

from __future__ import annotations

from pathlib import Path

from netstudio.core.graph import NetworkGraph
from netstudio.io import Project, save_project

HERE = Path(__file__).resolve().parent
STEP = 240.0


def chain(
    graph: NetworkGraph,
    layers: list[tuple[str, str, dict]],
    y: float = 0.0,
    *,
    after: str | None = None,
    x: float = 0.0,
) -> str:
    """Add `layers` (id, type, params) left to right from `x`, wire each into the next (the
    first from `after`, when given), and return the last id."""
    previous = after
    for i, (node_id, type_id, params) in enumerate(layers):
        graph.add_node(
            type_id, name=node_id, node_id=node_id, params=params, position=(x + i * STEP, y)
        )
        if previous is not None:
            graph.connect(previous, "out", node_id, graph.node(node_id).input_ports[0])
        previous = node_id
    return previous


def mnist_mlp() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [784]}),
            ("fc1", "Linear", {"out_features": 256}),
            ("relu1", "ReLU", {}),
            ("fc2", "Linear", {"out_features": 128}),
            ("relu2", "ReLU", {}),
            ("fc3", "Linear", {"out_features": 10}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="MNIST MLP",
        description="The classic 784-256-128-10 multilayer perceptron for handwritten digits.",
        data={"source": "mnist", "root": "data"},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adam", "lr": 0.001},
            "batch_size": 64,
            "epochs": 10,
        },
    )


def cifar10_cnn() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [3, 32, 32]}),
            ("conv1", "Conv2d", {"out_channels": 32, "kernel_size": 3, "padding": 1}),
            ("relu1", "ReLU", {}),
            ("pool1", "MaxPool2d", {"kernel_size": 2}),
            ("conv2", "Conv2d", {"out_channels": 64, "kernel_size": 3, "padding": 1}),
            ("relu2", "ReLU", {}),
            ("pool2", "MaxPool2d", {"kernel_size": 2}),
            ("flatten", "Flatten", {}),
            ("fc1", "Linear", {"out_features": 512}),
            ("relu3", "ReLU", {}),
            ("fc2", "Linear", {"out_features": 10}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="CIFAR-10 CNN",
        description="Two convolution blocks and two dense layers for 32×32 colour images.",
        data={"source": "cifar10", "root": "data"},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "sgd", "lr": 0.001, "momentum": 0.9},
            "batch_size": 128,
            "epochs": 20,
        },
    )


def residual_cnn() -> Project:
    """A small ResNet-style network: two residual blocks joined with Add."""
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [3, 32, 32]}),
            ("stem", "Conv2d", {"out_channels": 32, "kernel_size": 3, "padding": 1, "bias": False}),
            ("stem_bn", "BatchNorm2d", {}),
            ("stem_relu", "ReLU", {}),
        ],
    )
    x = 3 * STEP
    previous = "stem_relu"
    for block in (1, 2):
        b = f"block{block}"
        x0 = x
        branch = [
            (
                f"{b}_conv1",
                "Conv2d",
                {"out_channels": 32, "kernel_size": 3, "padding": 1, "bias": False},
            ),
            (f"{b}_bn1", "BatchNorm2d", {}),
            (f"{b}_relu1", "ReLU", {}),
            (
                f"{b}_conv2",
                "Conv2d",
                {"out_channels": 32, "kernel_size": 3, "padding": 1, "bias": False},
            ),
            (f"{b}_bn2", "BatchNorm2d", {}),
        ]
        last = chain(graph, branch, 140.0, after=previous, x=x0 + STEP)
        add_x = x0 + (len(branch) + 1) * STEP
        graph.add_node("Add", name=f"{b}_add", node_id=f"{b}_add", position=(add_x, 0.0))
        graph.connect(previous, "out", f"{b}_add", "in1")
        graph.connect(last, "out", f"{b}_add", "in2")
        graph.add_node("ReLU", name=f"{b}_relu", node_id=f"{b}_relu", position=(add_x + STEP, 0.0))
        graph.connect(f"{b}_add", "out", f"{b}_relu", "in")
        previous = f"{b}_relu"
        x = add_x + STEP
    tail = [
        ("gap", "AdaptiveAvgPool2d", {"output_size": [1, 1]}),
        ("flatten", "Flatten", {}),
        ("fc", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    ]
    chain(graph, tail, after=previous, x=x)
    return Project(
        graph=graph,
        name="Residual CNN",
        description="Two residual blocks (convolution branch + identity skip, joined by Add).",
        data={"source": "cifar10", "root": "data"},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adamw", "lr": 0.001},
            "regularization": {"weight_decay": 0.0005},
            "batch_size": 128,
            "epochs": 20,
        },
    )


def digits_mlp() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [64]}),
            ("fc1", "Linear", {"out_features": 128}),
            ("relu1", "ReLU", {}),
            ("dropout", "Dropout", {"p": 0.2}),
            ("fc2", "Linear", {"out_features": 10}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="Digits MLP",
        description="scikit-learn's bundled 8×8 handwritten digits (real, offline): trains in "
        "seconds on a CPU.",
        data={"source": "digits", "val_fraction": 0.1, "test_fraction": 0.2},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adam", "lr": 0.002},
            "batch_size": 32,
            "epochs": 20,
            "regularization": {
                "early_stopping": {"enabled": True, "metric": "val_loss", "patience": 5}
            },
        },
    )


def spiral_toy() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [2]}),
            ("fc1", "Linear", {"out_features": 64}),
            ("relu1", "ReLU", {}),
            ("fc2", "Linear", {"out_features": 64}),
            ("relu2", "ReLU", {}),
            ("fc3", "Linear", {"out_features": 3}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="Spiral toy",
        description="Three interleaved spiral arms: no straight line separates them, two hidden "
        "layers do. Generated in code; trains in seconds.",
        data={"source": "spiral", "params": {"classes": 3, "points_per_class": 300}},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adam", "lr": 0.01},
            "schedule": {"type": "cosine", "min_lr": 0.0005},
            "batch_size": 32,
            "epochs": 60,
        },
    )


def mnist_autoencoder() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [784]}),
            ("encode1", "Linear", {"out_features": 128}),
            ("relu1", "ReLU", {}),
            ("code", "Linear", {"out_features": 32}),
            ("relu2", "ReLU", {}),
            ("decode1", "Linear", {"out_features": 128}),
            ("relu3", "ReLU", {}),
            ("decode2", "Linear", {"out_features": 784}),
            ("sigmoid", "Sigmoid", {}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="MNIST autoencoder",
        description="Squeezes each digit through 32 numbers and rebuilds it (784-128-32-128-784): "
        "the target is the input. Pixels stay in [0, 1] to match the Sigmoid output.",
        data={"source": "mnist", "root": "data", "normalize": False},
        training={
            "task": "reconstruction",
            "loss": {"type": "mse"},
            "optimizer": {"type": "adam", "lr": 0.001},
            "batch_size": 128,
            "epochs": 10,
        },
    )


def fashion_cnn() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [1, 28, 28]}),
            ("conv1", "Conv2d", {"out_channels": 16, "kernel_size": 3, "padding": 1}),
            ("relu1", "ReLU", {}),
            ("pool1", "MaxPool2d", {"kernel_size": 2}),
            ("conv2", "Conv2d", {"out_channels": 32, "kernel_size": 3, "padding": 1}),
            ("relu2", "ReLU", {}),
            ("pool2", "MaxPool2d", {"kernel_size": 2}),
            ("flatten", "Flatten", {}),
            ("fc1", "Linear", {"out_features": 128}),
            ("relu3", "ReLU", {}),
            ("dropout", "Dropout", {"p": 0.3}),
            ("fc2", "Linear", {"out_features": 10}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="Fashion-MNIST CNN",
        description="A small two-block CNN for 28×28 pictures of clothing (10 kinds), with "
        "left-right flips as augmentation.",
        data={"source": "fashion_mnist", "root": "data", "augment": {"horizontal_flip": True}},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adam", "lr": 0.001},
            "batch_size": 64,
            "epochs": 10,
            "regularization": {
                "early_stopping": {"enabled": True, "metric": "val_accuracy", "patience": 3}
            },
        },
    )


def sequence_lstm() -> Project:
    graph = NetworkGraph()
    chain(
        graph,
        [
            ("input", "Input", {"shape": [40, 1]}),
            ("lstm", "LSTM", {"hidden_size": 32, "output": "last"}),
            ("fc", "Linear", {"out_features": 3}),
            ("output", "Output", {}),
        ],
    )
    return Project(
        graph=graph,
        name="Wave shapes LSTM",
        description="An LSTM reads a noisy wave step by step and tells a sine from a square "
        "from a sawtooth by its last hidden state. Generated in code; trains in seconds.",
        data={"source": "sequences", "params": {"samples": 1200, "length": 40, "noise": 0.3}},
        training={
            "task": "classification",
            "loss": {"type": "cross_entropy"},
            "optimizer": {"type": "adam", "lr": 0.01},
            "schedule": {"type": "cosine", "min_lr": 0.0005},
            "regularization": {"grad_clip": 1.0},
            "batch_size": 32,
            "epochs": 30,
        },
    )


def residual_blocks() -> Project:
    """The residual CNN's idea with a block: one residual network, used three times."""
    block = NetworkGraph()
    # The block's Input takes whatever arrives: each copy fills its layers' sizes from it.
    last = chain(
        block,
        [
            ("x", "Input", {"shape": None}),
            (
                "conv1",
                "Conv2d",
                {"out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False},
            ),
            ("bn1", "BatchNorm2d", {}),
            ("relu1", "ReLU", {}),
            (
                "conv2",
                "Conv2d",
                {"out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False},
            ),
            ("bn2", "BatchNorm2d", {}),
        ],
    )
    chain(block, [("add", "Add", {}), ("relu", "ReLU", {}), ("y", "Output", {})], x=6 * STEP)
    block.connect("x", "out", "add", "in1")
    block.connect(last, "out", "add", "in2")
    graph = NetworkGraph()
    project = Project(graph, networks={"main": graph, "res_block": block})
    stem = chain(
        graph,
        [
            ("input", "Input", {"shape": [1, 8, 8]}),
            ("stem", "Conv2d", {"out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False}),
            ("stem_bn", "BatchNorm2d", {}),
            ("stem_relu", "ReLU", {}),
            ("blocks", "Block", {"network": "res_block", "repeat": 3}),
        ],
    )
    assert stem == "blocks"
    chain(
        graph,
        [
            ("gap", "AdaptiveAvgPool2d", {"output_size": [1, 1]}),
            ("flatten", "Flatten", {}),
            ("fc", "Linear", {"out_features": 10}),
            ("output", "Output", {}),
        ],
        x=5 * STEP,
    )
    graph.connect("blocks", "y", "gap", "in")
    project.name = "Residual blocks"
    project.description = (
        "One residual block (convolution branch + identity skip, joined by Add) drawn once as "
        "its own network and used three times by a Block node, on the bundled 8×8 digits."
    )
    project.data = {"source": "digits", "val_fraction": 0.1, "test_fraction": 0.2}
    project.training = {
        "task": "classification",
        "loss": {"type": "cross_entropy"},
        "optimizer": {"type": "adam", "lr": 0.002},
        "batch_size": 32,
        "epochs": 15,
    }
    return project


def digits_gan() -> Project:
    """A GAN on the bundled digits: a generator network and a discriminator network."""
    generator = NetworkGraph()
    chain(
        generator,
        [
            ("noise", "Input", {"shape": [32]}),
            ("fc1", "Linear", {"out_features": 128}),
            ("relu1", "ReLU", {}),
            ("fc2", "Linear", {"out_features": 256}),
            ("relu2", "ReLU", {}),
            ("fc3", "Linear", {"out_features": 64}),
            ("tanh", "Tanh", {}),
            ("image", "Unflatten", {"dim": 1, "unflattened_size": [1, 8, 8]}),
            ("output", "Output", {}),
        ],
    )
    discriminator = NetworkGraph()
    chain(
        discriminator,
        [
            ("image", "Input", {"shape": [1, 8, 8]}),
            ("flatten", "Flatten", {}),
            ("fc1", "Linear", {"out_features": 256}),
            ("lrelu1", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc2", "Linear", {"out_features": 128}),
            ("lrelu2", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc3", "Linear", {"out_features": 1}),
            ("output", "Output", {}),
        ],
    )
    project = Project(
        generator,
        networks={"generator": generator, "discriminator": discriminator},
        main="generator",
    )
    project.name = "Digits GAN"
    project.description = (
        "A generative adversarial network on the bundled 8×8 digits: the generator turns 32 "
        "random numbers into a digit, the discriminator tells its digits from the real ones. "
        "Trains on a CPU in under a minute; the run folder keeps a grid of samples per epoch."
    )
    project.data = {"source": "digits", "val_fraction": 0.0, "test_fraction": 0.0}
    project.training = {
        "task": "gan",
        "batch_size": 32,
        "epochs": 30,
        "gan": {
            "generator": "generator",
            "discriminator": "discriminator",
            "noise_size": 32,
            "noise": "normal",
            "loss": "bce_with_logits",
            "generator_optimizer": {"type": "adam", "lr": 0.001, "betas": [0.5, 0.999]},
            "discriminator_optimizer": {"type": "adam", "lr": 0.001, "betas": [0.5, 0.999]},
            "d_steps": 1,
            "sample_grid": 8,
            "real_scale": "minus_one_to_one",
        },
    }
    return project


EXAMPLES = {
    "digits_mlp.net": digits_mlp,
    "mnist_mlp.net": mnist_mlp,
    "cifar10_cnn.net": cifar10_cnn,
    "residual_cnn.net": residual_cnn,
    "spiral_toy.net": spiral_toy,
    "mnist_autoencoder.net": mnist_autoencoder,
    "fashion_cnn.net": fashion_cnn,
    "sequence_lstm.net": sequence_lstm,
    "residual_blocks.net": residual_blocks,
    "digits_gan.net": digits_gan,
}


def main() -> None:
    for filename, make in EXAMPLES.items():
        save_project(make(), HERE / filename)
        print(f"wrote {HERE / filename}")


if __name__ == "__main__":
    main()
