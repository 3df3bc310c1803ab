"""Keras layers as NetStudio nodes, read from each layer's config and weights (no tracing).

`KerasLayers.translate` turns one Keras layer, given the values that feed it, into one or
more catalogue nodes with the same settings and weights: kernels are transposed to PyTorch's
layout (Conv2D HWIO → OIHW, Dense (in, out) → (out, in)), an ``activation=`` argument becomes
its own activation node, and axes are moved from channels-last to channels-first (see
`KerasValue`). A layer or setting with no NetStudio counterpart is refused naming the layer
and what to use instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netstudio.core.catalogue import catalogue
from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.importing import import_messages
from netstudio.importing import keras_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.keras_activations import activation_node
from netstudio.importing.keras_shape_layers import ShapeLayers, pair
from netstudio.importing.keras_values import KerasValue, tensor

#: What to use instead of common Keras layers that have no counterpart here.
#: What to do instead of a Keras layer NetStudio has none for (phrases of the messages).
_INSTEAD = {
    "Rescaling": QT_TRANSLATE_NOOP(
        "ImportMessages", "remove it and let the data source scale the images"
    ),
    "Normalization": QT_TRANSLATE_NOOP(
        "ImportMessages", "remove it and let the data source normalise the inputs"
    ),
    "Lambda": QT_TRANSLATE_NOOP(
        "ImportMessages", "replace it with a built-in layer (Lambda code is never loaded)"
    ),
    "DepthwiseConv2D": QT_TRANSLATE_NOOP(
        "ImportMessages", "use Conv2D with groups equal to the channels"
    ),
    "SeparableConv2D": QT_TRANSLATE_NOOP(
        "ImportMessages", "use a Conv2D with groups followed by a 1×1 Conv2D"
    ),
    "Conv1D": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "build the sequence model in NetStudio (Conv1d) or import its PyTorch version",
    ),
    "LSTM": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "build the recurrent model in NetStudio (LSTM) or import its PyTorch version",
    ),
    "GRU": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "build the recurrent model in NetStudio (GRU) or import its PyTorch version",
    ),
    "SimpleRNN": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "build the recurrent model in NetStudio (RNN) or import its PyTorch version",
    ),
}


class KerasLayers(ShapeLayers):
    """Adds the nodes for Keras layers to `assembly`; `source` names the model in errors."""

    def __init__(self, assembly: GraphAssembly, source: str) -> None:
        super().__init__(assembly, source)
        self._rules: dict[str, Callable[[Any, dict[str, Any], list[KerasValue]], KerasValue]] = {
            "Conv2D": self._conv2d,
            **({"ZeroPadding2D": self._zero_padding} if "ZeroPad2d" in catalogue() else {}),
            "MaxPooling2D": self._pool,
            "AveragePooling2D": self._pool,
            "GlobalAveragePooling2D": self._global_pool,
            "GlobalMaxPooling2D": self._global_pool,
            "Flatten": self._flatten,
            "Dense": self._dense,
            "Dropout": self._dropout,
            "SpatialDropout2D": self._dropout,
            "BatchNormalization": self._batchnorm,
            "Activation": self._activation,
            "ReLU": self._relu,
            "LeakyReLU": self._activation,
            "ELU": self._activation,
            "Softmax": self._softmax,
            "Reshape": self._reshape,
            "Add": self._merge,
            "Multiply": self._merge,
            "Concatenate": self._concatenate,
        }

    @property
    def supported(self) -> list[str]:
        """The Keras layer classes this importer reads (for messages)."""
        return ["InputLayer", *self._rules]

    def translate(self, layer: Any, inputs: list[KerasValue]) -> KerasValue:
        """The value `layer` computes from `inputs`, after adding its nodes."""
        kind = type(layer).__name__
        rule = self._rules.get(kind)
        if rule is None:
            instead = import_messages.phrase(_INSTEAD.get(kind, said.REBUILD))
            supported = ", ".join(self.supported)
            refused = said.NO_LAYER(where=self.where(layer), instead=instead, supported=supported)
            raise ModelImportError(refused)
        config = layer.get_config()
        if config.get("data_format", "channels_last") != "channels_last":
            value = repr(config["data_format"])
            raise ModelImportError(said.DATA_FORMAT(where=self.where(layer), value=value))
        return rule(layer, config, inputs)

    def _then(self, layer: Any, config: dict[str, Any], value: KerasValue) -> KerasValue:
        """`value` followed by the layer's ``activation=`` argument, as a node of its own."""
        activation = config.get("activation", "linear")
        name = f"{layer.name}_{activation}" if isinstance(activation, str) else layer.name
        return activation_node(self.assembly, activation, value, name, layer)

    # --- layers ----------------------------------------------------------------------------

    def _conv2d(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        value = self._image(layer, inputs)
        kernel, stride = pair(config["kernel_size"]), pair(config["strides"])
        dilation = pair(config["dilation_rate"])
        (top, bottom), (left, right) = self._padding(
            layer, config["padding"], value, kernel, stride, dilation
        )
        if (top, left) != (bottom, right):  # Keras pads the bottom and right one more
            if "ZeroPad2d" not in catalogue():
                uneven = said.SAME_UNEVEN_CONV(where=self.where(layer), size=value.shape[:2])
                raise ModelImportError(uneven)
            params = {"padding": (left, right, top, bottom)}
            padded = self._add("ZeroPad2d", params, f"{layer.name}_pad", [value])
            value = KerasValue(
                padded,
                (value.shape[0] + top + bottom, value.shape[1] + left + right, value.shape[2]),
            )
            top = left = 0
        params = {
            "in_channels": value.shape[-1],
            "out_channels": int(config["filters"]),
            "kernel_size": kernel,
            "stride": stride,
            "padding": (top, left),
            "dilation": dilation,
            "groups": int(config.get("groups", 1)),
            "bias": bool(config["use_bias"]),
            "padding_mode": "zeros",
        }
        weights = {"weight": tensor(layer.kernel).permute(3, 2, 0, 1).contiguous()}
        if config["use_bias"]:
            weights["bias"] = tensor(layer.bias)
        port = self._add("Conv2d", params, layer.name, [value], weights)
        return self._then(layer, config, KerasValue(port, self._out_shape(layer, inputs)))

    def _dense(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        if value.channels_first:
            raise ModelImportError(said.DENSE_ON_IMAGES(where=self.where(layer), shape=value.shape))
        kernel = tensor(layer.kernel)
        if value.order is not None:  # Flatten's channels-first order: the rows follow it
            kernel = kernel[value.order]
        params = {
            "in_features": value.shape[-1],
            "out_features": int(config["units"]),
            "bias": bool(config["use_bias"]),
        }
        weights = {"weight": kernel.T.contiguous()}
        if config["use_bias"]:
            weights["bias"] = tensor(layer.bias)
        port = self._add("Linear", params, layer.name, [value], weights)
        return self._then(layer, config, KerasValue(port, self._out_shape(layer, inputs)))

    def _batchnorm(
        self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]
    ) -> KerasValue:
        (value,) = inputs
        axes = config["axis"] if isinstance(config["axis"], (list, tuple)) else [config["axis"]]
        rank = len(value.shape)
        if rank not in (1, 3) or len(axes) != 1 or value.dim(axes[0], self.where(layer)) != 1:
            raise ModelImportError(
                said.NORMALISED_AXIS(
                    where=self.where(layer), axis=str(config["axis"]), shape=value.shape
                )
            )
        if config.get("renorm"):
            raise ModelImportError(said.RENORM(where=self.where(layer)))
        import torch

        channels = value.shape[-1]
        stats = {
            "running_mean": tensor(layer.moving_mean),
            "running_var": tensor(layer.moving_variance),
        }
        affine = bool(config["scale"] or config["center"])
        if affine:
            stats["weight"] = tensor(layer.gamma) if config["scale"] else torch.ones(channels)
            stats["bias"] = tensor(layer.beta) if config["center"] else torch.zeros(channels)
            if not (config["scale"] and config["center"]):
                kept = said.KEPT_SCALE if config["center"] else said.KEPT_SHIFT
                self.assembly.notes.append(kept(name=layer.name))
        if value.order is not None:
            stats = {key: t[torch.from_numpy(value.order)] for key, t in stats.items()}
        stats["num_batches_tracked"] = torch.tensor(0)
        params = {
            "num_features": channels,
            "eps": float(config["epsilon"]),
            "momentum": round(1.0 - float(config["momentum"]), 12),
            "affine": affine,
            "track_running_stats": True,
        }
        kind = "BatchNorm1d" if rank == 1 else "BatchNorm2d"
        port = self._add(kind, params, layer.name, [value], stats)
        return KerasValue(port, value.shape, value.order)

    def _activation(
        self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]
    ) -> KerasValue:
        (value,) = inputs
        kind = type(layer).__name__
        activation: Any = config.get("activation")
        if kind == "LeakyReLU":
            activation = ("leaky_relu", {"negative_slope": float(config["negative_slope"])})
        elif kind == "ELU":
            activation = ("elu", {"alpha": float(config["alpha"])})
        return activation_node(self.assembly, activation, value, layer.name, layer)

    def _relu(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        top, slope = config["max_value"], float(config["negative_slope"])
        if float(config["threshold"]) != 0 or (top is not None and (slope or float(top) != 6)):
            raise ModelImportError(said.RELU_SETTINGS(where=self.where(layer)))
        activation: Any = "relu" if top is None else "relu6"
        if slope:
            activation = ("leaky_relu", {"negative_slope": slope})
        return activation_node(self.assembly, activation, value, layer.name, layer)

    def _softmax(self, layer: Any, config: dict[str, Any], inputs: list[KerasValue]) -> KerasValue:
        (value,) = inputs
        axis = config["axis"]
        if isinstance(axis, (list, tuple)):
            if len(axis) != 1:
                raise ModelImportError(said.SOFTMAX_AXES(where=self.where(layer)))
            axis = axis[0]
        return activation_node(self.assembly, ("softmax", {"axis": axis}), value, layer.name, layer)
