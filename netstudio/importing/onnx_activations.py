"""ONNX activation ops as catalogue layers, and the small patterns exporters write for some.

PyTorch's exporter writes SiLU as ``x * Sigmoid(x)`` and Softplus as
``Where(x > threshold, x, Softplus(x))``; `claim` finds those groups, so that each becomes its
one layer, not a Sigmoid and a Multiply. Clip is ReLU, ReLU6 or Hardtanh by its bounds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netstudio.core.catalogue import catalogue
from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.importing.onnx_messages import NO_CLIP_LAYER

if TYPE_CHECKING:
    from netstudio.importing.onnx_import import OnnxReader

Rule = Callable[["OnnxReader", Any], None]


def claim(reader: OnnxReader, nodes: list[Any]) -> None:
    """Claim the Sigmoid of each SiLU and the Greater and Softplus of each thresholded
    Softplus; the Mul and the Where become the layer."""
    for node in nodes:
        if node.op_type == "Where" and _softplus(reader, node) is not None:
            reader.claimed.update(id(reader.producer[node.input[i]]) for i in (0, 2))
        if node.op_type == "Mul" and silu_input(reader, node) is not None:
            reader.claimed.add(id(reader.producer[_sigmoid_of(reader, node)]))


def _sigmoid_of(reader: OnnxReader, node: Any) -> str:
    """The input of the Mul `node` that is a Sigmoid of its other input ('' when none)."""
    if len(node.input) != 2:
        return ""
    for this, other in (node.input, reversed(node.input)):
        source = reader.producer.get(this)
        if (
            source is not None
            and source.op_type == "Sigmoid"
            and source.input[0] == other
            and reader.only_reader(this) is node
        ):
            return this
    return ""


def silu_input(reader: OnnxReader, node: Any) -> str | None:
    """`x` when the Mul `node` computes ``x * Sigmoid(x)`` (SiLU), else None."""
    sigmoid = _sigmoid_of(reader, node)
    return next(name for name in node.input if name != sigmoid) if sigmoid else None


def clip(reader: OnnxReader, node: Any) -> None:
    """Clip(0, 6) is ReLU6, Clip(0, ∞) ReLU, other bounds Hardtanh."""
    a = reader.attrs(node)
    low, high = reader.const(node, 1), reader.const(node, 2)
    low = float(low) if low is not None else a.get("min")
    high = float(high) if high is not None else a.get("max")
    if low == 0 and high is None:
        reader.add(node, "ReLU", {})
    elif low == 0 and high == 6 and "ReLU6" in catalogue():
        reader.add(node, "ReLU6", {})
    elif low is not None and high is not None and "Hardtanh" in catalogue():
        reader.add(node, "Hardtanh", {"min_val": low, "max_val": high})
    else:
        bounds = f"[{'-∞' if low is None else f'{low:g}'}, {'∞' if high is None else f'{high:g}'}]"
        raise reader.refuse(node, NO_CLIP_LAYER(bounds=bounds))


def prelu(reader: OnnxReader, node: Any) -> None:
    """PRelu with one slope, or one per channel (shape ([1,] C, 1, ...) against (N, C, ...))."""
    slope = reader.const(node, 1)
    rank = len(reader.shapes.get(node.input[0], ()))
    shape = list(slope.shape) if slope is not None else []
    while len(shape) > rank - 1 and shape[0] == 1:
        shape.pop(0)  # leading ones broadcast over the batch
    per_channel = (
        rank >= 2
        and len(shape) == rank - 1
        and shape[0] == reader.shapes[node.input[0]][1]
        and all(d == 1 for d in shape[1:])
    )
    if slope is None or not (slope.size == 1 or per_channel):
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "only one slope, or one per channel, is a PReLU layer"
            ),
        )
    weight = reader.tensor(node.input[1]).reshape(-1).float()
    reader.add(node, "PReLU", {"num_parameters": weight.numel()}, weights={"weight": weight})


def where(reader: OnnxReader, node: Any) -> None:
    """Where(x > t, x, Softplus(x)) is PyTorch's Softplus with threshold t (claimed first)."""
    found = _softplus(reader, node)
    if found is None:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "only the threshold of a Softplus is read; no layer selects"
            ),
        )
    x, threshold = found
    reader.add(node, "Softplus", {"beta": 1.0, "threshold": threshold}, inputs=[x])


def _softplus(reader: OnnxReader, node: Any) -> tuple[str, float] | None:
    """(x, t) when the Where `node` computes ``Where(x > t, x, Softplus(x))``, else None."""
    if len(node.input) != 3:
        return None
    cond, other = reader.producer.get(node.input[0]), reader.producer.get(node.input[2])
    x = node.input[1]
    threshold = reader.constants.get(cond.input[1]) if cond is not None else None
    if (
        cond is None
        or other is None
        or cond.op_type != "Greater"
        or cond.input[0] != x
        or threshold is None
        or threshold.size != 1
        or other.op_type != "Softplus"
        or other.input[0] != x
        or reader.only_reader(node.input[0]) is not node
        or reader.only_reader(node.input[2]) is not node
    ):
        return None
    return x, float(threshold.reshape(-1)[0])


def hard_sigmoid(reader: OnnxReader, node: Any) -> None:
    """HardSigmoid with PyTorch's slope and offset; ONNX's defaults (0.2, 0.5) are another."""
    a = reader.attrs(node)
    if abs(a.get("alpha", 0.2) - 1 / 6) > 1e-6 or a.get("beta", 0.5) != 0.5:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "only alpha = 1/6 and beta = 1/2 are PyTorch's Hardsigmoid"
            ),
        )
    reader.add(node, "Hardsigmoid", {})


def simple(type_id: str, **attrs: tuple[str, Any]) -> Rule:
    """A rule for an op that is `type_id` with parameters read from attributes:
    ``param=(attribute, default)``."""

    def rule(reader: OnnxReader, node: Any) -> None:
        found = reader.attrs(node)
        params = {param: found.get(attr, default) for param, (attr, default) in attrs.items()}
        reader.add(node, type_id, params)

    return rule


RULES: dict[str, Rule] = {
    "Relu": simple("ReLU"),
    "Clip": clip,
    "Sigmoid": simple("Sigmoid"),
    "HardSigmoid": hard_sigmoid,
    "HardSwish": simple("Hardswish"),
    "Mish": simple("Mish"),
    "PRelu": prelu,
    "Softplus": simple("Softplus"),
    "Where": where,
    "Tanh": simple("Tanh"),
    "LeakyRelu": simple("LeakyReLU", negative_slope=("alpha", 0.01)),
    "Elu": simple("ELU", alpha=("alpha", 1.0)),
    "Gelu": simple("GELU", approximate=("approximate", "none")),
    "Softmax": simple("Softmax", dim=("axis", -1)),
    "LogSoftmax": simple("LogSoftmax", dim=("axis", -1)),
}
