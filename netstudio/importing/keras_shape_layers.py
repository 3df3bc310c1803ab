"""Keras layers that move, pool, join or drop values: no weights, only layout.

Pooling and padding follow Keras's 'valid'/'same' rules; Flatten, Reshape and Concatenate
keep track of where NetStudio's channels-first layout puts Keras's numbers (`KerasValue`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from netstudio.importing import keras_messages as said
from netstudio.importing.errors import ModelImportError
from netstudio.importing.keras_values import KerasRules, KerasValue, flatten_order


def pair(value: Any) -> tuple[int, int]:
    """A Keras size given as one int or two, as (height, width)."""
    return (int(value), int(value)) if isinstance(value, int) else (int(value[0]), int(value[1]))


class ShapeLayers(KerasRules):
    """The weightless layers of `KerasLayers`: pooling, padding, reshaping and merging."""

    def _padding(
        self,
        layer: Any,
        mode: str,
        value: KerasValue,
        kernel: tuple[int, int],
        stride: tuple[int, int],
        dilation: tuple[int, int] = (1, 1),
    ) -> list[tuple[int, int]]:
        """(before, after) padding of height and width for Keras's 'valid' or 'same'."""
        if mode == "valid":
            return [(0, 0), (0, 0)]
        if mode != "same":
            raise ModelImportError(said.PADDING_MODE(where=self.where(layer), mode=repr(mode)))
        pads = []
        for size, k, s, d in zip(value.shape[:2], kernel, stride, dilation, strict=True):
            total = max((math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0)
            pads.append((total // 2, total - total // 2))
        return pads

    def _zero_padding(
        self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]
    ) -> KerasValue:
        value = self._image(layer, inputs)
        (top, bottom), (left, right) = config["padding"]
        params = {"padding": (left, right, top, bottom)}
        port = self._add("ZeroPad2d", params, layer.name, [value])
        return KerasValue(port, self._out_shape(layer, inputs))

    def _pool(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        value = self._image(layer, inputs)
        kind = "MaxPool2d" if type(layer).__name__ == "MaxPooling2D" else "AvgPool2d"
        kernel = pair(config["pool_size"])
        stride = pair(config["strides"] or config["pool_size"])
        pads = self._padding(layer, config["padding"], value, kernel, stride)
        padding = (pads[0][0], pads[1][0])
        ceil = pads[0][0] != pads[0][1] or pads[1][0] != pads[1][1]
        out_shape = self._out_shape(layer, inputs)
        if kind == "AvgPool2d" and (padding != (0, 0) or ceil):
            raise ModelImportError(said.SAME_AVERAGE(where=self.where(layer)))
        for size, k, s, p, want in zip(
            value.shape[:2], kernel, stride, padding, out_shape[:2], strict=True
        ):
            got = (math.ceil if ceil else math.floor)((size + 2 * p - k) / s) + 1
            got -= 1 if ceil and (got - 1) * s >= size + p else 0
            if got != want:
                raise ModelImportError(said.SAME_UNEVEN_POOL(where=self.where(layer)))
        params = {"kernel_size": kernel, "stride": stride, "padding": padding, "ceil_mode": ceil}
        port = self._add(kind, params, layer.name, [value])
        return KerasValue(port, out_shape)

    def _global_pool(
        self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]
    ) -> KerasValue:
        value = self._image(layer, inputs)
        if type(layer).__name__ == "GlobalAveragePooling2D":
            port = self._add("AdaptiveAvgPool2d", {"output_size": (1, 1)}, layer.name, [value])
        else:  # a max pool over the whole image
            whole = value.shape[:2]
            params = {"kernel_size": whole, "stride": whole, "padding": (0, 0), "ceil_mode": False}
            port = self._add("MaxPool2d", params, layer.name, [value])
        pooled = KerasValue(port, (1, 1, value.shape[-1]))
        if config.get("keepdims"):
            return pooled
        flat = self._add(
            "Flatten", {"start_dim": 1, "end_dim": -1}, f"{layer.name}_flatten", [pooled]
        )
        return KerasValue(flat, (value.shape[-1],))

    def _flatten(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        port = self._add("Flatten", {"start_dim": 1, "end_dim": -1}, layer.name, [value])
        order = value.order if len(value.shape) == 1 else flatten_order(value.shape)
        return KerasValue(port, (int(np.prod(value.shape)),), order)

    def _dropout(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        kind = "Dropout" if type(layer).__name__ == "Dropout" else "Dropout2d"
        if kind == "Dropout2d":
            self._image(layer, inputs)
        port = self._add(kind, {"p": float(config["rate"])}, layer.name, [value])
        return KerasValue(port, value.shape, value.order)

    def _reshape(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        shape = self._out_shape(layer, inputs)
        if value.channels_first and len(shape) == 1:  # a Flatten by another name
            return self._flatten(layer, config, inputs)
        if value.channels_first or value.order is not None or len(shape) > 3:
            raise ModelImportError(
                said.RESHAPE(where=self.where(layer), shape=value.shape, target=shape)
            )
        if len(shape) < 3 or shape[-1] == 1:  # channels last and first hold the same order
            target = shape if len(shape) < 3 else (1, *shape[:-1])
            port = self._add("Reshape", {"shape": target}, layer.name, [value])
            return KerasValue(port, shape)
        port = self._add("Reshape", {"shape": shape}, layer.name, [value])
        params = {"function": "method:permute", "inputs": 1, "args": "[0, 3, 1, 2]"}
        params |= {"kwargs": "{}", "item": None}
        port = self._add("Function", params, f"{layer.name}_to_channels_first", [_at(port)])
        return KerasValue(port, shape)

    def _merge(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        return self.merge(type(layer).__name__, inputs, layer.name, self.where(layer))

    def merge(self, kind: str, inputs: list[KerasValue], name: str, where: str) -> KerasValue:
        """An Add or Multiply node of `inputs`, which must be laid out alike."""
        if len(inputs) < 2 or any(not inputs[0].same_layout(v) for v in inputs[1:]):
            shapes = ", ".join(str(v.shape) for v in inputs)
            raise ModelImportError(said.MERGE_SHAPES(where=where, kind=kind, shapes=shapes))
        port = self._add(kind, {}, name, inputs)
        return KerasValue(port, inputs[0].shape, inputs[0].order)

    def _concatenate(
        self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]
    ) -> KerasValue:
        dims = {value.dim(int(config["axis"]), self.where(layer)) for value in inputs}
        ranks = {len(value.shape) for value in inputs}
        if len(dims) != 1 or len(ranks) != 1 or len(inputs) < 2:
            raise ModelImportError(said.RANKS_DIFFER(where=self.where(layer)))
        (dim,) = dims
        port = self._add("Concat", {"dim": dim}, layer.name, inputs)
        shape = self._out_shape(layer, inputs)
        order = None
        if ranks == {1} and any(value.order is not None for value in inputs):
            offsets = np.cumsum([0, *(value.shape[0] for value in inputs)])
            order = np.concatenate(
                [
                    value.feature_order() + offset
                    for value, offset in zip(inputs, offsets[:-1], strict=True)
                ]
            )
        return KerasValue(port, shape, order)


def _at(port: tuple[str, str]) -> KerasValue:
    """A stand-in value for wiring an intermediate port (only `port` is read)."""
    return KerasValue(port, ())
