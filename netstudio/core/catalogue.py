"""The layer catalogue: every layer type as plain data.

A `LayerSpec` says what a layer is called, where it sits in the palette, its parameters, its
ports, and how to build its torch module. Adding a layer type is adding one `LayerSpec` to
`netstudio.core.layers`; the palette, inspector, file reader, shape inference and compiler all
read it from here. Nothing in this module imports torch: the GUI reads the catalogue before
torch has loaded.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from netstudio.core import graph_messages
from netstudio.core import param_messages as param_words
from netstudio.core.errors import ParamError, UnknownLayerError
from netstudio.core.messages import Message, Template
from netstudio.core.params import ParamSpec

if TYPE_CHECKING:
    from torch import nn

Role = Literal["layer", "input", "output"]

#: Palette order of the categories.
CATEGORIES: tuple[str, ...] = (
    "Input/Output",
    "Core",
    "Convolution",
    "Pooling",
    "Normalization",
    "Activation",
    "Regularization",
    "Recurrent",
    "Attention",
    "Merge",
    "Generic",
)


@dataclass(frozen=True)
class TensorInfo:
    """What flows along a wire: the shape (batch dimension first) and the element type."""

    shape: tuple[int, ...]
    dtype: str = "float32"

    @property
    def rank(self) -> int:
        return len(self.shape)

    def describe(self, batch: str = "N") -> str:
        """The shape as people read it: ``N×64×8×8`` (the batch dimension written as N)."""
        if not self.shape:
            return "scalar"
        return "×".join([batch, *(str(d) for d in self.shape[1:])])

    def __str__(self) -> str:
        return "(" + ", ".join(["N", *(str(d) for d in self.shape[1:])]) + ")"


Autofill = Callable[[Sequence[TensorInfo]], dict[str, Any]]
Summary = Callable[[Mapping[str, Any]], str]
Builder = Callable[[Mapping[str, Any]], "nn.Module"]
WeightCount = Callable[[Mapping[str, Any]], int]

_NUMERIC = frozenset({"int", "float", "ints", "floats"})


@dataclass(frozen=True)
class RankHint:
    """What to do when a layer gets input of a rank it does not take: a message template
    (`netstudio.core.shape_messages`) with ``{name}`` for the node's name, and the arguments
    that are the same for every node of the type (a shape such as "(N, C, H, W)", another
    layer type). A message, not English text, so the app shows it translated."""

    template: Template
    args: Mapping[str, str] = field(default_factory=dict)

    def message(self, name: str) -> Message:
        """The hint for the node called `name`."""
        return self.template(name=name, **self.args)


@dataclass(frozen=True)
class LayerSpec:
    """One layer type of the catalogue.

    module: dotted path of the torch module class, built with the (resolved) parameters as
    keyword arguments, minus `fixed` overrides; `build` replaces this for layers that need it.
    inputs / outputs: port names. With `variadic` the input ports are ``in1 .. inN`` where N is
    the value of the ``inputs`` parameter (merge layers).
    autofill: derives the `auto` parameters from the input tensors.
    same_input_shapes: every input must have the same shape (element-wise merges).
    input_ranks: accepted input ranks (batch included); `rank_hint` says what to do otherwise.
    weight_count: the number of parameters the resolved values give, worked out without building
    the module, so that shape inference refuses an absurdly large layer before torch allocates
    (or loops over) anything. Layers without one are small for any value in their ranges.
    stepwise: the layer runs the same cell at every step along dimension 1 of its input (the
    recurrent layers): shape inference runs one step and scales, as a meta run of a long
    sequence takes milliseconds a step.
    elementwise: the layer maps each element on its own (an activation, dropout, identity):
    its output has its input's shape and dtype and it does no multiply-accumulate work, so
    shape inference passes the input's tensor on without a meta run (whose decomposed meta
    kernels cost most of an edit on a network of activations). A test runs every such layer
    on meta tensors to hold each one to it.
    """

    type_id: str
    category: str
    doc: str
    params: tuple[ParamSpec, ...] = ()
    module: str = ""
    build: Builder | None = None
    fixed: Mapping[str, Any] = field(default_factory=dict)
    inputs: tuple[str, ...] = ("in",)
    outputs: tuple[str, ...] = ("out",)
    variadic: bool = False
    autofill: Autofill | None = None
    input_ranks: tuple[int, ...] | None = None
    rank_hint: RankHint | None = None
    input_dtype: Literal["float", "long"] | None = "float"
    same_input_shapes: bool = False
    summary: Summary | None = None
    role: Role = "layer"
    display_name: str = ""
    short_name: str = ""
    weight_count: WeightCount | None = None
    stepwise: bool = False
    elementwise: bool = False

    @property
    def name(self) -> str:
        """Human name shown in the palette."""
        return self.display_name or self.type_id

    @property
    def base_name(self) -> str:
        """Stem of automatic node names: ``conv`` gives conv1, conv2, ..."""
        return self.short_name or self.type_id.lower()

    def param(self, name: str) -> ParamSpec:
        for spec in self.params:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def param_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.params)

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.params}

    def input_ports(self, params: Mapping[str, Any]) -> tuple[str, ...]:
        """The input port names for these parameter values."""
        if self.variadic:
            count = int(params.get("inputs", 2))
            return tuple(f"in{i}" for i in range(1, count + 1))
        return self.inputs

    def check_params(self, params: Mapping[str, Any], owner: str = "") -> dict[str, Any]:
        """Complete `params` with defaults and check every value; unknown names are errors.

        Returns a new dict in catalogue order. Raises ParamError naming the first bad value.
        """
        known = self.param_names()
        for key in params:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                said = {"layer": self.type_id, "param": key, "options": ", ".join(known)}
                if close:
                    problem = param_words.UNKNOWN_CLOSE(close=close[0], **said)
                else:
                    problem = (param_words.UNKNOWN if known else param_words.UNKNOWN_NONE)(**said)
                raise ParamError(param_words.owned(owner, problem), param=key)
        return {
            spec.name: spec.check(params.get(spec.name, spec.default), owner)
            for spec in self.params
        }

    def describe(self, params: Mapping[str, Any]) -> str:
        """Subtitle of a node: type and key parameters, e.g. ``Conv2d · 32, 3×3, pad 1``."""
        detail = self.summary(params) if self.summary else ""
        return f"{self.name} · {detail}" if detail else self.name

    def create_module(self, params: Mapping[str, Any]) -> nn.Module:
        """Build the torch module from resolved parameters (no ``None`` left in `auto` ones)."""
        if self.build is not None:
            return self.build(params)
        if not self.module:
            raise TypeError(f"{self.type_id} has no module")
        module_path, _, class_name = self.module.rpartition(".")
        cls = getattr(importlib.import_module(module_path), class_name)
        kwargs = {k: v for k, v in params.items() if k not in self.fixed}
        kwargs.update(self.fixed)
        return cls(**kwargs)


class Catalogue:
    """The registry of layer types, in palette order."""

    def __init__(self) -> None:
        self._specs: dict[str, LayerSpec] = {}

    def register(self, spec: LayerSpec) -> LayerSpec:
        if spec.type_id in self._specs:
            raise ValueError(f"layer type {spec.type_id!r} is registered twice")
        if spec.category not in CATEGORIES:
            raise ValueError(f"{spec.type_id}: unknown category {spec.category!r}")
        for param in spec.params:  # a number a file may set without bound can hang a constructor
            if param.kind in _NUMERIC and (param.minimum is None or param.maximum is None):
                raise ValueError(
                    f"{spec.type_id}: parameter {param.name!r} needs a minimum and a maximum"
                )
        self._specs[spec.type_id] = spec
        return spec

    def get(self, type_id: str) -> LayerSpec:
        try:
            return self._specs[type_id]
        except KeyError:
            raise UnknownLayerError(self.unknown_message(type_id)) from None

    def unknown_message(self, type_id: Any) -> str:
        close = difflib.get_close_matches(str(type_id), list(self._specs), n=1)
        if close:
            return graph_messages.UNKNOWN_LAYER_CLOSE(type=repr(type_id), close=close[0])
        return graph_messages.UNKNOWN_LAYER(type=repr(type_id))

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._specs

    def __iter__(self) -> Iterator[LayerSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    def type_ids(self) -> list[str]:
        return list(self._specs)

    def by_category(self) -> dict[str, list[LayerSpec]]:
        """Categories in palette order, each with its layers in registration order."""
        grouped: dict[str, list[LayerSpec]] = {name: [] for name in CATEGORIES}
        for spec in self._specs.values():
            grouped[spec.category].append(spec)
        return {name: specs for name, specs in grouped.items() if specs}


_BUILT: Catalogue | None = None


def catalogue() -> Catalogue:
    """The catalogue with every built-in layer registered (asked for thousands of times an edit
    on a large network: the import runs once)."""
    global _BUILT
    if _BUILT is None:
        from netstudio.core.layers import CATALOGUE

        _BUILT = CATALOGUE
    return _BUILT
