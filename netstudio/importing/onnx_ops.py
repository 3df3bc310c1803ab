"""ONNX ops as catalogue layers: one rule per op, and the patterns matched before them.

A rule reads one ONNX node (its attributes, its constant inputs) and adds the layer that
computes the same thing through `OnnxReader.add`, or refuses with a message that names the
node and the setting NetStudio has no layer for. `claim_patterns` runs first and claims the
groups of ops an exporter writes for one layer (see `netstudio.importing.onnx_recurrent`,
`netstudio.importing.onnx_activations`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.importing import onnx_activations, onnx_recurrent
from netstudio.importing import onnx_messages as said
from netstudio.importing.onnx_activations import Rule, silu_input, simple

if TYPE_CHECKING:
    from netstudio.importing.onnx_import import OnnxReader


def claim_patterns(reader: OnnxReader, nodes: list[Any]) -> None:
    """Claim the groups of ops that together are one layer, before the ops are translated."""
    onnx_recurrent.claim(reader, nodes)
    onnx_activations.claim(reader, nodes)


# --- layers with weights --------------------------------------------------------------------


def gemm(reader: OnnxReader, node: Any) -> None:
    a = reader.attrs(node)
    if a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0 or a.get("transA", 0):
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "only alpha = beta = 1 and transA = 0 make a Linear layer"
            ),
        )
    weight = reader.tensor(node.input[1])
    weight = weight if a.get("transB", 0) else weight.T.contiguous()
    weights = {"weight": weight}
    if reader.const(node, 2) is not None:
        weights["bias"] = reader.tensor(node.input[2]).reshape(-1)
    params = {
        "in_features": weight.shape[1],
        "out_features": weight.shape[0],
        "bias": "bias" in weights,
    }
    reader.add(node, "Linear", params, weights=weights)


def matmul(reader: OnnxReader, node: Any) -> None:
    reader.const(node, 1)
    weight = reader.tensor(node.input[1])
    if weight.dim() != 2:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages",
                "only a matrix product with a constant 2-D weight is a Linear layer",
            ),
        )
    weights = {"weight": weight.T.contiguous()}
    output = node.output[0]
    add = _bias_add(reader, output)
    if add is not None:
        bias_name = next(name for name in add.input if name != output)
        weights["bias"] = reader.tensor(bias_name).reshape(-1)
        output = add.output[0]
    params = {
        "in_features": weight.shape[0],
        "out_features": weight.shape[1],
        "bias": "bias" in weights,
    }
    reader.add(node, "Linear", params, weights=weights, output=output)
    reader.values.setdefault(node.output[0], reader.values[output])


def _bias_add(reader: OnnxReader, output: str) -> Any:
    if reader.users[output] != 1:
        return None
    for node in reader.graph.node:
        if node.op_type == "Add" and output in node.input:
            other = next((n for n in node.input if n != output), None)
            if other in reader.constants and reader.constants[other].ndim == 1:
                return node
    return None


def conv(reader: OnnxReader, node: Any) -> None:
    a = reader.attrs(node)
    if a.get("auto_pad", "NOTSET") != "NOTSET":
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "auto_pad is not supported: export with explicit pads"
            ),
        )
    weight = reader.tensor(node.input[1])
    rank = weight.dim() - 2
    pads = list(a.get("pads", [0] * 2 * rank))
    if pads[:rank] != pads[rank:]:
        raise reader.refuse(node, said.PADS_DIFFER(pads=pads))
    one = (lambda v: v[0]) if rank == 1 else tuple
    weights = {"weight": weight}
    if reader.const(node, 2) is not None:
        weights["bias"] = reader.tensor(node.input[2])
    groups = a.get("group", 1)
    params = {
        "in_channels": weight.shape[1] * groups,
        "out_channels": weight.shape[0],
        "kernel_size": one(list(weight.shape[2:])),
        "stride": one(list(a.get("strides", [1] * rank))),
        "padding": one(pads[:rank]),
        "dilation": one(list(a.get("dilations", [1] * rank))),
        "groups": groups,
        "bias": "bias" in weights,
    }
    reader.add(node, f"Conv{rank}d", params, weights=weights)


def batchnorm(reader: OnnxReader, node: Any) -> None:
    import torch

    if reader.attrs(node).get("training_mode", 0):
        raise reader.refuse(
            node, QT_TRANSLATE_NOOP("ImportMessages", "training_mode is not supported")
        )
    names = ("weight", "bias", "running_mean", "running_var")
    weights = {k: reader.tensor(node.input[i + 1]) for i, k in enumerate(names)}
    weights["num_batches_tracked"] = torch.tensor(0)
    rank = len(reader.shapes.get(node.input[0], (0, 0, 0, 0)))
    params = {
        "num_features": weights["weight"].shape[0],
        "eps": reader.attrs(node).get("epsilon", 1e-5),
    }
    reader.add(node, "BatchNorm2d" if rank == 4 else "BatchNorm1d", params, weights=weights)


# --- pooling --------------------------------------------------------------------------------


def pool(reader: OnnxReader, node: Any) -> None:
    a = reader.attrs(node)
    kernel = list(a["kernel_shape"])
    rank = len(kernel)
    pads = list(a.get("pads", [0] * 2 * rank))
    kind = "Max" if node.op_type == "MaxPool" else "Avg"
    if pads[:rank] != pads[rank:] or rank not in (1, 2):
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "only 1-D or 2-D pooling with equal pads at both ends"
            ),
        )
    if kind == "Max" and (any(d != 1 for d in a.get("dilations", [1])) or len(node.output) > 1):
        raise reader.refuse(
            node, QT_TRANSLATE_NOOP("ImportMessages", "dilation and indices are not supported")
        )
    if kind == "Avg" and any(pads) and not a.get("count_include_pad", 0):
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "padding that is left out of the average is not supported"
            ),
        )
    one = (lambda v: v[0]) if rank == 1 else tuple
    params = {
        "kernel_size": one(kernel),
        "stride": one(list(a.get("strides", [1] * rank))),
        "padding": one(pads[:rank]),
        "ceil_mode": bool(a.get("ceil_mode", 0)),
    }
    reader.add(node, f"{kind}Pool{rank}d", params)


def _global_pool(kind: str) -> Rule:
    """ReduceMean/ReduceMax over height and width of (N, C, H, W): global pooling, followed
    by a Flatten when the reduced axes are dropped (keepdims = 0)."""
    type_id = f"Adaptive{kind}Pool2d"

    def rule(reader: OnnxReader, node: Any) -> None:
        a = reader.attrs(node)
        axes = reader.const(node, 1)
        axes = list(a.get("axes", [])) if axes is None else [int(v) for v in axes.reshape(-1)]
        rank = len(reader.shapes.get(node.input[0], ()))
        if rank != 4 or sorted(axis % rank for axis in axes) != [2, 3]:
            refused = said.NOT_GLOBAL_POOLING(op=node.op_type, axes=axes, rank=str(rank))
            raise reader.refuse(node, refused)
        if a.get("keepdims", 1):
            reader.add(node, type_id, {"output_size": (1, 1)})
            return
        pooled = reader.add(
            node, type_id, {"output_size": (1, 1)}, output=node.output[0] + "#pooled"
        )
        reader.add(node, "Flatten", {"start_dim": 1, "end_dim": -1}, sources=[pooled])

    return rule


def pad(reader: OnnxReader, node: Any) -> None:
    """Zero padding of height and width is ZeroPad2d."""
    a = reader.attrs(node)
    pads = reader.const(node, 1)
    pads = list(a.get("pads", [])) if pads is None else [int(v) for v in pads]
    value = reader.const(node, 2)
    axes = reader.const(node, 3)
    fill = float(value) if value is not None else a.get("value", 0.0)
    if (
        a.get("mode", "constant") != "constant"
        or fill != 0
        or axes is not None
        or len(pads) != 8
        or any(pads[i] for i in (0, 1, 4, 5))
        or min(pads) < 0
    ):
        mode = a.get("mode", "constant")
        raise reader.refuse(node, said.NOT_ZERO_PADDING(mode=mode, value=f"{fill:g}", pads=pads))
    reader.add(node, "ZeroPad2d", {"padding": (pads[3], pads[7], pads[2], pads[6])})


# --- shapes ---------------------------------------------------------------------------------


def reshape(reader: OnnxReader, node: Any) -> None:
    from netstudio.importing.onnx_import import BATCH

    shape = reader.constants.get(node.input[1])
    if shape is not None and 0 not in shape[1:] and shape[0] in (-1, 0, BATCH):
        sample = tuple(int(d) for d in shape[1:])
    else:  # computed from the input's shape: shape inference knows the result
        known = reader.shapes.get(node.output[0], ())
        if len(known) < 2 or known[0] != BATCH or None in known[1:]:
            raise reader.refuse(
                node,
                QT_TRANSLATE_NOOP(
                    "ImportMessages", "its target shape is neither constant nor known"
                ),
            )
        sample = tuple(int(d) for d in known[1:])
    source = reader.shapes.get(node.input[0], ())
    if sample in ((-1,), (_product(source[1:]),)) and len(source) > 2:
        reader.add(node, "Flatten", {"start_dim": 1, "end_dim": -1})  # what a head flattens
        return
    reader.add(node, "Reshape", {"shape": sample})


def _product(dims: tuple[int | None, ...]) -> int:
    total = 1
    for d in dims:
        if d is None:
            return -2  # unknown: never equal to a target size
        total *= d
    return total


def flatten(reader: OnnxReader, node: Any) -> None:
    if reader.attrs(node).get("axis", 1) != 1:
        raise reader.refuse(
            node, QT_TRANSLATE_NOOP("ImportMessages", "only axis 1 keeps the batch dimension")
        )
    reader.add(node, "Flatten", {"start_dim": 1, "end_dim": -1})


def transpose(reader: OnnxReader, node: Any) -> None:
    """Swapping the batch and steps of a sequence: no layer, the tensor is the same one read
    the other way round (see `OnnxReader.seq_first`)."""
    perm = list(reader.attrs(node).get("perm", []))
    name = node.input[0]
    if perm == [1, 0, 2] and name in reader.values:
        reader.seq_first[node.output[0]] = reader.values[name]
    elif perm == [1, 0, 2] and name in reader.seq_first:
        reader.values[node.output[0]] = reader.seq_first[name]
    else:
        raise reader.refuse(node, said.TRANSPOSE(perm=perm))


# --- merges ---------------------------------------------------------------------------------


def _merge(type_id: str) -> Rule:
    def rule(reader: OnnxReader, node: Any) -> None:
        if any(name in reader.constants for name in node.input):
            raise reader.refuse(node, said.WITH_A_CONSTANT(op=node.op_type))
        reader.add(node, type_id, {}, inputs=list(node.input))

    return rule


def multiply(reader: OnnxReader, node: Any) -> None:
    x = silu_input(reader, node)
    if x is not None:
        reader.add(node, "SiLU", {}, inputs=[x])
        return
    _merge("Multiply")(reader, node)


def concat(reader: OnnxReader, node: Any) -> None:
    axis = reader.attrs(node)["axis"]
    if axis == 0:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "joining along the batch dimension is not supported"
            ),
        )
    reader.add(node, "Concat", {"dim": axis}, inputs=list(node.input))


def passthrough(reader: OnnxReader, node: Any) -> None:
    reader.values[node.output[0]] = reader.value(node.input[0], node)


def dropout(reader: OnnxReader, node: Any) -> None:
    ratio = reader.const(node, 1)
    p = float(ratio) if ratio is not None else reader.attrs(node).get("ratio", 0.5)
    reader.add(node, "Dropout", {"p": p})


RULES: dict[str, Rule] = {
    "Gemm": gemm,
    "MatMul": matmul,
    "Conv": conv,
    "MaxPool": pool,
    "AveragePool": pool,
    "GlobalAveragePool": simple("AdaptiveAvgPool2d", output_size=("", (1, 1))),
    "ReduceMean": _global_pool("Avg"),
    "GlobalMaxPool": simple("AdaptiveMaxPool2d", output_size=("", (1, 1))),
    "ReduceMax": _global_pool("Max"),
    "Pad": pad,
    "BatchNormalization": batchnorm,
    "Reshape": reshape,
    "Flatten": flatten,
    "Transpose": transpose,
    "Add": _merge("Add"),
    "Mul": multiply,
    "Concat": concat,
    "Identity": passthrough,
    "Dropout": dropout,
    "LSTM": onnx_recurrent.translate,
    "GRU": onnx_recurrent.translate,
    **onnx_activations.RULES,
}
