"""What flows between imported Keras layers: a NetStudio port and how its layout differs.

Keras images are channels-last (N, H, W, C); NetStudio's are channels-first (N, C, H, W). A
`KerasValue` keeps Keras's own sample shape and knows where NetStudio holds the same numbers:
a sample of rank 3 or more is channels-first, and a flat vector made from one (Flatten) lists
the features in channels-first order, recorded in `order` so that the Dense after it reads its
kernel rows in that order and gives the same outputs. `KerasRules` is what every layer rule
shares: adding nodes, output shapes, and messages that name the Keras layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from netstudio.importing import keras_messages as said
from netstudio.importing.errors import ModelImportError

if TYPE_CHECKING:
    import torch

    from netstudio.importing.assembly import GraphAssembly

Port = tuple[str, str]


@dataclass(frozen=True, eq=False)
class KerasValue:
    """A Keras tensor as NetStudio computes it.

    shape: Keras's sample shape (no batch, channels last). order: for a flat vector, the
    Keras feature index of each of NetStudio's features; None when both orders agree.
    """

    port: Port
    shape: tuple[int, ...]
    order: np.ndarray | None = None

    @property
    def channels_first(self) -> bool:
        """NetStudio holds this tensor with Keras's last axis moved to the front."""
        return len(self.shape) >= 3

    def same_layout(self, other: KerasValue) -> bool:
        """Both hold their numbers in the same places relative to Keras."""
        if self.shape != other.shape:
            return False
        if self.order is None or other.order is None:
            return self.order is None and other.order is None
        return bool(np.array_equal(self.order, other.order))

    def feature_order(self) -> np.ndarray:
        """`order`, or the identity when there is none (flat vectors only)."""
        return np.arange(self.shape[-1]) if self.order is None else self.order

    def dim(self, axis: int, where: str) -> int:
        """NetStudio's dimension (batch = 0) for Keras's `axis` (batch = 0, may be negative)."""
        rank = len(self.shape) + 1
        if not -rank <= axis < rank or axis % rank == 0:
            refused = said.NOT_A_FEATURE_AXIS(where=where, axis=str(axis), shape=self.shape)
            raise ModelImportError(refused)
        axis %= rank
        if not self.channels_first:
            return axis
        return 1 if axis == rank - 1 else axis + 1


def channels_first(shape: tuple[int, ...]) -> tuple[int, ...]:
    """NetStudio's sample shape for Keras's `shape`: channels last becomes channels first."""
    return (shape[-1], *shape[:-1]) if len(shape) >= 3 else shape


def flatten_order(shape: tuple[int, ...]) -> np.ndarray | None:
    """For each feature NetStudio's Flatten gives, the index Keras's Flatten gives it."""
    if len(shape) < 3:
        return None
    keras_index = np.arange(int(np.prod(shape))).reshape(shape)
    order = np.moveaxis(keras_index, -1, 0).reshape(-1)
    return None if np.array_equal(order, np.arange(order.size)) else order


def tensor(variable: Any) -> torch.Tensor:
    """A Keras variable's value as a float CPU tensor of its own (not shared with Keras).

    On the PyTorch backend a variable's value is a torch tensor already.
    """
    import keras
    import torch

    value = keras.ops.convert_to_tensor(variable)
    return torch.as_tensor(value).detach().to("cpu", torch.float32).clone()


class KerasRules:
    """What every Keras layer rule needs: the assembly it adds nodes to, and messages."""

    def __init__(self, assembly: GraphAssembly, source: str) -> None:
        self.assembly = assembly
        self.source = source

    def where(self, layer: Any) -> str:
        """`layer` named in a refusal, with the model it belongs to."""
        return said.LAYER_AT(source=self.source, name=layer.name, kind=type(layer).__name__)

    def _add(
        self,
        type_id: str,
        params: dict[str, Any],
        name: str,
        inputs: Sequence[KerasValue],
        weights: dict[str, Any] | None = None,
    ) -> tuple[str, str]:
        node = self.assembly.add(
            type_id,
            params,
            name,
            [value.port for value in inputs],
            weights=weights,
            origin=said.LAYER(name=name),
        )
        return (node, "out")

    def _out_shape(self, layer: Any, inputs: list[KerasValue]) -> tuple[int, ...]:
        shapes = [(None, *value.shape) for value in inputs]
        shape = layer.compute_output_shape(shapes if len(shapes) > 1 else shapes[0])
        if any(d is None for d in shape[1:]):
            raise ModelImportError(said.UNKNOWN_SIZES(where=self.where(layer), shape=shape))
        return tuple(int(d) for d in shape[1:])

    def _image(self, layer: Any, inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        if len(value.shape) != 3:
            raise ModelImportError(said.NEEDS_IMAGES(where=self.where(layer), shape=value.shape))
        return value
