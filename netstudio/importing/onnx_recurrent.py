"""ONNX LSTM and GRU ops, with the ops an exporter writes around them, as one recurrent layer.

ONNX recurrent ops read and write the sequence first; NetStudio's layers (like PyTorch's with
``batch_first=True``) take the batch first. So PyTorch's exporter writes a batch-first LSTM as

    Transpose [1, 0, 2] → LSTM (zero initial states: Shape → Concat → Expand → Slice)
        → Transpose [0, 2, 1, 3] → Reshape (steps, batch, directions × hidden)
        [→ LSTM → Transpose → Reshape, once more per stacked layer]
        → Transpose [1, 0, 2] [→ Gather step -1 on axis 1, for the last step only]

`claim` finds that group for each first LSTM or GRU and `translate` makes it one layer with
its options (hidden size, stacked layers, both directions, bias, whole sequence or last step),
the ONNX weights put back in PyTorch's gate order. The transposes into and out of the group are
no layer at all (`netstudio.importing.onnx_ops.transpose`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.importing.onnx_messages import OTHER_ACTIVATIONS

if TYPE_CHECKING:
    import torch

    from netstudio.importing.onnx_import import OnnxReader

#: Gates per cell, and PyTorch's gate order as ONNX's blocks: LSTM i o f c → i f g(c) o,
#: GRU z r h → r z n.
GATES = {"LSTM": 4, "GRU": 3}
ORDER = {"LSTM": (0, 2, 3, 1), "GRU": (1, 0, 2)}
#: The inputs that hold the initial states (zeros in every NetStudio recurrent layer).
STATES = {"LSTM": (5, 6), "GRU": (5,)}
#: ONNX's default activations per direction, the only ones PyTorch's cells compute.
ACTIVATIONS = {"LSTM": ["Sigmoid", "Tanh", "Tanh"], "GRU": ["Sigmoid", "Tanh"]}
#: Ops that pass the zeros of an initial state on unchanged in value.
_ZERO_KEEPING = {"Slice", "Expand", "Identity", "Squeeze", "Unsqueeze", "Reshape", "Cast"}


@dataclass
class RecurrentPlan:
    """One group found by `claim`: the ONNX op of each stacked layer, the name of the group's
    sequence-first output, and the name of its last step (batch first) when only that is read."""

    layers: list[Any]
    sequence: str
    last: str | None = None


def claim(reader: OnnxReader, nodes: list[Any]) -> None:
    """Plan every LSTM/GRU group (see module docstring) and claim its ops but the first."""
    for node in nodes:
        if node.op_type not in GATES or id(node) in reader.claimed:
            continue
        found = _sequence(reader, node)
        if found is None:
            continue  # `translate` says why
        taken, sequence = found
        plan = RecurrentPlan([node], sequence)
        while (after := reader.only_reader(sequence)) is not None and _stacks(reader, node, after):
            more = _sequence(reader, after)
            if more is None:
                break
            plan.layers.append(after)
            taken += [after, *more[0]]
            sequence = plan.sequence = more[1]
        back = reader.only_reader(sequence)
        pick = back
        if back is not None and back.op_type == "Transpose" and _perm(reader, back) == [1, 0, 2]:
            pick = reader.only_reader(back.output[0])
            if _is_last_step(reader, pick, axis=1):
                plan.last = pick.output[0]
                taken += [back, pick]
        elif _is_last_step(reader, pick, axis=0):
            plan.last = pick.output[0]
            taken.append(pick)
        reader.claimed.update(id(n) for n in taken)
        reader.plans[id(node)] = plan


def translate(reader: OnnxReader, node: Any) -> None:
    """Add the recurrent layer that `claim` planned for `node` (or say what does not fit)."""
    plan = reader.plans.get(id(node))
    if plan is None:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages",
                "its output is read other than as the whole sequence of steps (through the "
                "exporter's Transpose and Reshape), which a recurrent layer cannot give",
            ),
        )
    for layer in plan.layers:
        problem = _problem(reader, layer)
        if problem:
            raise reader.refuse(layer, problem)
    source = reader.seq_first.get(node.input[0])
    if source is None:
        raise reader.refuse(
            node,
            QT_TRANSLATE_NOOP(
                "ImportMessages",
                "its input is not a batch-first tensor with batch and steps swapped "
                "(Transpose [1, 0, 2]); NetStudio's recurrent layers read (N, steps, features)",
            ),
        )
    cell = node.op_type
    weights: dict[str, torch.Tensor] = {}
    for k, layer in enumerate(plan.layers):
        weights.update(_weights(reader, layer, k))
    first_w = reader.tensor(node.input[1])
    directions = first_w.shape[0]
    params = {
        "input_size": int(first_w.shape[2]),
        "hidden_size": int(reader.tensor(node.input[2]).shape[2]),
        "num_layers": len(plan.layers),
        "bias": _has_bias(node),
        "dropout": 0.0,
        "bidirectional": directions == 2,
        "output": "last" if plan.last else "sequence",
    }
    port = reader.add(
        node, cell, params, weights=weights, sources=[source], output=plan.last or plan.sequence
    )
    if plan.last is None:
        del reader.values[plan.sequence]
        reader.seq_first[plan.sequence] = port


def _weights(reader: OnnxReader, layer: Any, k: int) -> dict[str, torch.Tensor]:
    """Stacked layer `k`'s ONNX W, R, B as PyTorch's weight_ih_l{k}, weight_hh_l{k}, ...
    (``_reverse`` for the backward direction), gates in PyTorch's order."""
    import torch

    cell = layer.op_type
    gates, order = GATES[cell], ORDER[cell]

    def reorder(t: torch.Tensor) -> torch.Tensor:
        blocks = t.chunk(gates, dim=0)
        return torch.cat([blocks[i] for i in order]).contiguous()

    for index in (1, 2):
        reader.const(layer, index)
    w, r = reader.tensor(layer.input[1]), reader.tensor(layer.input[2])
    b = reader.tensor(layer.input[3]) if reader.const(layer, 3) is not None else None
    result = {}
    for d in range(w.shape[0]):
        suffix = f"_l{k}" + ("_reverse" if d else "")
        result[f"weight_ih{suffix}"] = reorder(w[d])
        result[f"weight_hh{suffix}"] = reorder(r[d])
        if b is not None:
            size = b.shape[1] // 2
            result[f"bias_ih{suffix}"] = reorder(b[d, :size])
            result[f"bias_hh{suffix}"] = reorder(b[d, size:])
    return result


def _has_bias(node: Any) -> bool:
    return len(node.input) > 3 and bool(node.input[3])


def _hidden(reader: OnnxReader, node: Any) -> int | None:
    hidden = reader.attrs(node).get("hidden_size")
    if hidden is None and node.input[2] in reader.constants:
        hidden = reader.constants[node.input[2]].shape[-1]
    return hidden


def _directions(reader: OnnxReader, node: Any) -> int:
    return 2 if reader.attrs(node).get("direction", "forward") == "bidirectional" else 1


def _perm(reader: OnnxReader, node: Any) -> list[int]:
    return list(reader.attrs(node).get("perm", []))


def _sequence(reader: OnnxReader, node: Any) -> tuple[list[Any], str] | None:
    """The ops that turn `node`'s output Y (steps, directions, batch, hidden) into one
    sequence-first tensor (steps, batch, directions × hidden), and that tensor's name.

    The Reshape's target is computed from Y's shape, which shape inference does not always
    work out: every size it does know must be the one wanted."""
    from netstudio.importing.onnx_import import BATCH

    hidden, directions = _hidden(reader, node), _directions(reader, node)
    first = reader.only_reader(node.output[0])
    if first is None:
        return None
    if first.op_type == "Transpose" and _perm(reader, first) == [0, 2, 1, 3]:
        second = reader.only_reader(first.output[0])
        shape = reader.shapes.get(second.output[0], ()) if second is not None else ()
        steps = reader.shapes.get(node.output[0], (None,))[0]
        wanted = (steps, BATCH, directions * (hidden or -1))
        if (
            second is not None
            and second.op_type == "Reshape"
            and len(shape) == 3
            and all(d is None or d == w for d, w in zip(shape, wanted, strict=True))
        ):
            return [first, second], second.output[0]
    if first.op_type == "Squeeze" and directions == 1:
        axes = reader.constants.get(first.input[1]) if len(first.input) > 1 else None
        axes = list(reader.attrs(first).get("axes", [])) if axes is None else list(axes)
        if [int(a) for a in axes] == [1]:
            return [first], first.output[0]
    return None


def _stacks(reader: OnnxReader, first: Any, after: Any) -> bool:
    """Whether `after` is one more stacked layer of `first`'s kind, reading its sequence."""
    same = ("hidden_size", "direction", "linear_before_reset")
    a, b = reader.attrs(first), reader.attrs(after)
    return (
        after.op_type == first.op_type
        and all(a.get(key) == b.get(key) for key in same)
        and _has_bias(after) == _has_bias(first)
        and _problem(reader, after) is None
    )


def _is_last_step(reader: OnnxReader, node: Any, axis: int) -> bool:
    """Whether `node` picks the last step (index -1, a scalar) along `axis`."""
    if node is None or node.op_type != "Gather" or reader.attrs(node).get("axis", 0) != axis:
        return False
    index = reader.constants.get(node.input[1])
    return index is not None and index.ndim == 0 and int(index) == -1


def _problem(reader: OnnxReader, node: Any) -> str | None:
    """What in `node` NetStudio's recurrent layer cannot compute, or None."""
    cell, a = node.op_type, reader.attrs(node)
    directions = _directions(reader, node)
    if a.get("direction", "forward") not in ("forward", "bidirectional"):
        return QT_TRANSLATE_NOOP(
            "ImportMessages",
            "a layer that reads the sequence backwards only has no NetStudio layer",
        )
    if a.get("layout", 0) != 0:
        return QT_TRANSLATE_NOOP(
            "ImportMessages",
            "layout 1 (batch first inside the op) is not read; export with layout 0",
        )
    activations = [x.decode() if isinstance(x, bytes) else x for x in a.get("activations", [])]
    if activations and activations != ACTIVATIONS[cell] * directions:
        return OTHER_ACTIVATIONS(found=activations, pytorch=ACTIVATIONS[cell])
    if "clip" in a:
        return QT_TRANSLATE_NOOP("ImportMessages", "cell clipping has no NetStudio setting")
    if a.get("input_forget", 0):
        return QT_TRANSLATE_NOOP(
            "ImportMessages", "coupled input and forget gates have no NetStudio setting"
        )
    if cell == "GRU" and a.get("linear_before_reset", 0) != 1:
        return QT_TRANSLATE_NOOP(
            "ImportMessages",
            "linear_before_reset = 0 is not PyTorch's GRU (it resets after the linear map)",
        )
    if len(node.input) > 4 and node.input[4]:
        return QT_TRANSLATE_NOOP(
            "ImportMessages", "sequence lengths are not supported: every sequence has all its steps"
        )
    if cell == "LSTM" and len(node.input) > 7 and node.input[7]:
        return QT_TRANSLATE_NOOP("ImportMessages", "peephole weights have no NetStudio setting")
    if not all(_zeros(reader, node.input[i]) for i in STATES[cell] if i < len(node.input)):
        return QT_TRANSLATE_NOOP(
            "ImportMessages",
            "its initial state is not zero; NetStudio's recurrent layers start from zeros",
        )
    if any(name and reader.users[name] for name in node.output[1:]):
        return QT_TRANSLATE_NOOP(
            "ImportMessages", "its final state is read; a recurrent layer passes on only its steps"
        )
    return None


def _zeros(reader: OnnxReader, name: str) -> bool:
    """Whether the tensor `name` is all zeros (an empty name: not given, zeros by default)."""
    if not name:
        return True
    if name in reader.constants:
        return not reader.constants[name].any()
    node = reader.producer.get(name)
    if node is None:
        return False
    if node.op_type == "ConstantOfShape":
        from onnx import numpy_helper

        value = reader.attrs(node).get("value")
        return value is None or not numpy_helper.to_array(value).any()
    return node.op_type in _ZERO_KEEPING and _zeros(reader, node.input[0])
