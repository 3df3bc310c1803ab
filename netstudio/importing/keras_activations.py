"""Keras activations (``activation='relu'`` arguments and activation layers) as nodes.

Each Keras activation becomes the catalogue layer that computes the same function, with
Keras's own defaults where they differ from PyTorch's (Keras's ``leaky_relu`` slope is 0.2,
PyTorch's 0.01). One the catalogue has no layer for becomes a Function node calling the
matching ``torch.nn.functional`` function, so nothing Keras computes is left out.
"""

from __future__ import annotations

from typing import Any

from netstudio.core.catalogue import catalogue
from netstudio.importing import import_messages
from netstudio.importing import keras_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.keras_values import KerasValue

#: Keras activation name → (catalogue layer, its parameters, torch.nn.functional fallback).
_LAYERS: dict[str, tuple[str, dict[str, Any], str]] = {
    "relu": ("ReLU", {}, "relu"),
    "sigmoid": ("Sigmoid", {}, "sigmoid"),
    "tanh": ("Tanh", {}, "tanh"),
    "gelu": ("GELU", {"approximate": "none"}, "gelu"),
    "elu": ("ELU", {"alpha": 1.0}, "elu"),
    "selu": ("SELU", {}, "selu"),
    "silu": ("SiLU", {}, "silu"),
    "leaky_relu": ("LeakyReLU", {"negative_slope": 0.2}, "leaky_relu"),
    "relu6": ("ReLU6", {}, "relu6"),
    "softplus": ("Softplus", {}, "softplus"),
    "mish": ("Mish", {}, "mish"),
    "hard_sigmoid": ("Hardsigmoid", {}, "hardsigmoid"),
    "hard_silu": ("Hardswish", {}, "hardswish"),
}
_ALIASES = {"swish": "silu", "hard_swish": "hard_silu"}


def activation_node(
    assembly: GraphAssembly, activation: Any, value: KerasValue, name: str, layer: Any
) -> KerasValue:
    """`value` passed through `activation`: a Keras name ('relu'), or (name, settings).

    ``linear`` adds nothing. `name` names the node; `layer` names the Keras layer in errors.
    """
    settings: dict[str, Any] = {}
    if isinstance(activation, tuple):
        activation, settings = activation
    if not isinstance(activation, str):
        where = said.LAYER_AT(source=assembly.source, name=layer.name, kind=type(layer).__name__)
        custom = said.CUSTOM_ACTIVATION(where=where, activations=", ".join(names()))
        raise ModelImportError(custom)
    activation = _ALIASES.get(activation, activation)
    if activation == "linear":
        return value
    origin = said.LAYER(name=layer.name)
    if activation in ("softmax", "log_softmax"):
        type_id = "Softmax" if activation == "softmax" else "LogSoftmax"
        axis = int(settings.get("axis", -1))
        dim = value.dim(axis, import_messages.ABOUT(source=assembly.source, message=origin))
        node = assembly.add(type_id, {"dim": dim}, name, [value.port], origin=origin)
        return KerasValue((node, "out"), value.shape, value.order)
    if activation not in _LAYERS:
        where = said.LAYER_AT(source=assembly.source, name=layer.name, kind=type(layer).__name__)
        refused = said.ACTIVATION_NOT_IMPORTED(
            where=where, activation=activation, activations=", ".join(names())
        )
        raise ModelImportError(refused)
    type_id, params, function = _LAYERS[activation]
    params = {**params, **settings}
    if type_id in catalogue():
        node = assembly.add(type_id, params, name, [value.port], origin=origin)
    else:
        function_params = {
            "function": f"torch.nn.functional.{function}",
            "inputs": 1,
            "args": "[]",
            "kwargs": _json(params),
            "item": None,
        }
        node = assembly.add("Function", function_params, name, [value.port], origin=origin)
    return KerasValue((node, "out"), value.shape, value.order)


def names() -> list[str]:
    """The Keras activation names that are imported."""
    return ["linear", "softmax", "log_softmax", *_LAYERS, *_ALIASES]


def _json(params: dict[str, Any]) -> str:
    import json

    return json.dumps(params)
