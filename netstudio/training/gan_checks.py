"""What must hold before a GAN trains: both networks exist, and their shapes meet.

The generator takes one noise vector (its Input of `noise_size` values) and makes one sample
shaped like the data's; the discriminator takes that sample and ends in one value per sample.
Checked from the inferred shapes (no weights, no data loaded), so `netstudio check`, the app's
Train and the GAN trainer itself refuse the same projects, each problem naming both networks and
the fix. No torch work beyond shape inference, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import Problem, errors, validate
from netstudio.training.config import GanConfig


def _dims(shape: Sequence[int] | None) -> str:
    return "×".join(str(d) for d in shape) if shape else "?"


def _ends(
    name: str, role: str, graph: NetworkGraph, data_shape: Sequence[int] | None
) -> tuple[list[Problem], tuple[int, ...] | None, tuple[int, ...] | None]:
    """The problems of one network and its Input's and Output's sample shapes."""
    inputs, outputs = graph.inputs(), graph.outputs()
    if len(inputs) != 1 or len(outputs) != 1:
        return (
            [
                Problem(
                    "error",
                    None,
                    f"the GAN's {role} '{name}' has {len(inputs)} Inputs and {len(outputs)} "
                    "Outputs: give it exactly one of each",
                )
            ],
            None,
            None,
        )
    inference = ShapeInference(graph, data_shape=data_shape)
    try:
        found = errors(validate(graph, inference))
        if found:
            first = found[0]
            return (
                [
                    Problem(
                        "error",
                        None,
                        f"the GAN's {role} '{name}' has {len(found)} error(s) (first: "
                        f"{first.where}: {first.message}): fix them in its tab",
                    )
                ],
                None,
                None,
            )
        source = inference.info(inputs[0].id).output
        out = inference.info(outputs[0].id).output
    finally:
        inference.close()
    return (
        [],
        tuple(source.shape[1:]) if source is not None else None,
        tuple(out.shape[1:]) if out is not None else None,
    )


def gan_problems(
    networks: Mapping[str, NetworkGraph],
    gan: GanConfig,
    sample_shape: Sequence[int] | None = None,
) -> list[Problem]:
    """Every reason these two networks cannot train as a GAN on data of `sample_shape` (one
    real sample, no batch dimension; None when not known without loading the data)."""
    g_name, d_name = gan.generator, gan.discriminator
    pair = f"generator '{g_name}' and discriminator '{d_name}'"
    missing = [name for name in (g_name, d_name) if name not in networks]
    if missing:
        have = ", ".join(f"'{name}'" for name in networks) or "none"
        return [
            Problem(
                "error",
                None,
                f"the GAN's {pair}: the project has no network "
                f"{' or '.join(repr(name) for name in missing)} (it has {have}): name networks "
                "of the project in training.gan, or add them",
            )
        ]
    found, noise_in, g_out = _ends(g_name, "generator", networks[g_name], (gan.noise_size,))
    d_data = tuple(sample_shape) if sample_shape is not None else g_out
    more, d_in, d_out = _ends(d_name, "discriminator", networks[d_name], d_data)
    found += more
    if noise_in is not None and noise_in != (gan.noise_size,):
        found.append(
            Problem(
                "error",
                None,
                f"the GAN's {pair}: the generator's Input takes {_dims(noise_in)} but the noise "
                f"has {gan.noise_size} values: clear the Input's shape (it then follows the "
                f"noise), or set the noise size to {math.prod(noise_in)} with a flat Input",
            )
        )
    if g_out is not None and sample_shape is not None and g_out != tuple(sample_shape):
        found.append(
            Problem(
                "error",
                None,
                f"the GAN's {pair}: the generator makes {_dims(g_out)} samples but the data's "
                f"are {_dims(sample_shape)}: make the generator's last layers give "
                f"{_dims(sample_shape)} (e.g. an Unflatten)",
            )
        )
    if g_out is not None and d_in is not None and math.prod(g_out) != math.prod(d_in):
        found.append(
            Problem(
                "error",
                None,
                f"the GAN's {pair}: the generator's output ({_dims(g_out)}) does not fit the "
                f"discriminator's Input ({_dims(d_in)}): give both {_dims(sample_shape or g_out)}",
            )
        )
    if d_out is not None and math.prod(d_out) != 1:
        found.append(
            Problem(
                "error",
                None,
                f"the GAN's {pair}: the discriminator ends in {_dims(d_out)} values per sample "
                "but must end in one (real or fake): make its last layer a Linear of 1 unit",
            )
        )
    return found
