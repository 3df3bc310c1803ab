"""Make the MNIST GAN example: `python examples/make_mnist_gan_example.py`.

Writes ``mnist_gan.net`` beside this script: a GAN of two multilayer perceptrons (Goodfellow et
al. 2014, with the LeakyReLU and batch normalisation of later practice) that trains on the real
MNIST files (the IDX files under ``data/MNIST/raw``, found from the project's folder or
`netstudio train --data-root`). The generator turns 64 random numbers into 784 pixels shaped
1×28×28; the discriminator flattens an image and ends in one value. Plain layers only, so the
project exports to Python, TorchScript and ONNX and imports back (an ONNX ConvTranspose, which a
DCGAN's generator needs, would not import back yet).
"""

from __future__ import annotations

from pathlib import Path

from netstudio.core.blocks import Library
from netstudio.core.graph import NetworkGraph
from netstudio.examples.make_examples import chain
from netstudio.io import Project, save_project

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "mnist_gan.net"

#: Values in one noise vector.
NOISE = 64


def mnist_gan() -> Project:
    generator = NetworkGraph()
    chain(
        generator,
        [
            ("noise", "Input", {"shape": [NOISE]}),
            ("fc1", "Linear", {"out_features": 256}),
            ("lrelu1", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc2", "Linear", {"out_features": 512}),
            ("bn2", "BatchNorm1d", {}),
            ("lrelu2", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc3", "Linear", {"out_features": 28 * 28}),
            ("tanh", "Tanh", {}),
            ("image", "Unflatten", {"dim": 1, "unflattened_size": [1, 28, 28]}),
            ("output", "Output", {}),
        ],
    )
    discriminator = NetworkGraph()
    chain(
        discriminator,
        [
            ("image", "Input", {"shape": [1, 28, 28]}),
            ("flatten", "Flatten", {}),
            ("fc1", "Linear", {"out_features": 512}),
            ("lrelu1", "LeakyReLU", {"negative_slope": 0.2}),
            ("fc2", "Linear", {"out_features": 256}),
            ("lrelu2", "LeakyReLU", {"negative_slope": 0.2}),
            ("judge", "Linear", {"out_features": 1}),
            ("output", "Output", {}),
        ],
    )
    project = Project(
        generator,
        networks=Library({"generator": generator, "discriminator": discriminator}),
        main="generator",
    )
    project.name = "MNIST GAN"
    project.description = (
        "A GAN on the real MNIST digits (28×28): the generator (64-256-512-784) turns 64 "
        "random numbers into a digit, the discriminator (784-512-256-1) tells its digits from "
        "the real ones. Needs the MNIST files under data/MNIST/raw; the run folder keeps a "
        "grid of samples per epoch."
    )
    project.data = {"source": "mnist", "root": "data", "normalize": False, "val_fraction": 0.0}
    project.training = {
        "task": "gan",
        "batch_size": 128,
        "epochs": 10,
        "gan": {
            "generator": "generator",
            "discriminator": "discriminator",
            "noise_size": NOISE,
            "noise": "normal",
            "loss": "bce_with_logits",
            "generator_optimizer": {"type": "adam", "lr": 0.0002, "betas": [0.5, 0.999]},
            "discriminator_optimizer": {"type": "adam", "lr": 0.0002, "betas": [0.5, 0.999]},
            "d_steps": 1,
            "sample_grid": 8,
            "real_scale": "minus_one_to_one",
        },
    }
    return project


def main() -> None:
    save_project(mnist_gan(), EXAMPLE)
    print(f"wrote {EXAMPLE}")


if __name__ == "__main__":
    main()
