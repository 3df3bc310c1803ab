"""The fast meta run (netstudio.core.meta_run) answers exactly what the plain one answers.

Every catalogue layer, at each rank it takes and with random widths, gets the same output
shapes, dtypes and strides, parameter counts and MACs whether its module is built and run
plainly (``torch.device("meta")``, every op's own meta kernel) or the fast way; every answered
aten op returns what its plain kernel returns, or raises what it raises, on random shapes,
dtypes and layouts; and the fast way is taken (the slow kernels are not called).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.utils._python_dispatch import TorchDispatchMode

from netstudio.core.catalogue import LayerSpec, TensorInfo, catalogue
from netstudio.core.graph import NetworkGraph
from netstudio.core.meta_run import ANSWERS, IDLE_RUNS, FastMeta, build_context, run_context
from netstudio.core.shapes import ShapeInference

aten = torch.ops.aten
LAYERS = [s for s in catalogue() if s.role == "layer" and s.type_id != "Block"]
#: Layers whose defaults need one size: Unflatten splits 784 into 1×28×28, Permute orders
#: three dimensions (as in tests/core/test_catalogue.py).
FIXED_SHAPES = {"Unflatten": [(784,)], "Permute": [(8, 16)]}


def sample_shapes(spec: LayerSpec, rng: random.Random) -> list[tuple[int, ...]]:
    """One sample shape (no batch) per rank the layer takes, with random widths: multiples of
    8, so that GroupNorm's groups and the attention layers' heads divide them."""
    if spec.type_id in FIXED_SHAPES:
        return FIXED_SHAPES[spec.type_id]
    ranks = spec.input_ranks or ((3,) if spec.input_dtype == "long" else (2, 3))
    return [tuple(8 * rng.randint(1, 6) for _ in range(rank - 1)) for rank in ranks]


def analyse(spec: LayerSpec, shape: tuple[int, ...], fast: bool) -> ShapeInference:
    """Input of `shape` → the layer with its defaults, analysed plainly or fast."""
    dtype = "int64" if spec.input_dtype == "long" else "float32"
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": shape, "dtype": dtype})
    node = graph.add_node(spec.type_id, node_id="layer")
    for port in node.input_ports:
        graph.connect("input", "out", "layer", port)
    inference = ShapeInference(graph)
    inference.fast_meta = fast
    inference.update()
    inference.count_macs()
    return inference


def layout(results: Any) -> list[tuple[tuple[int, ...], torch.dtype, tuple[int, ...]]]:
    """Shape, dtype and strides of each tensor of a result."""
    tensors = results if isinstance(results, (tuple, list)) else (results,)
    return [(tuple(t.shape), t.dtype, t.stride()) for t in tensors if isinstance(t, torch.Tensor)]


@pytest.mark.parametrize("spec", LAYERS, ids=lambda s: s.type_id)
def test_every_layer_infers_the_same_fast_and_plain(spec: LayerSpec) -> None:
    rng = random.Random(spec.type_id)
    for shape in sample_shapes(spec, rng):
        plain, fast = analyse(spec, shape, fast=False), analyse(spec, shape, fast=True)
        expected, got = plain.info("layer"), fast.info("layer")
        assert expected.error is None, expected.error
        assert got == expected  # outputs, resolved parameters, parameter counts, MACs
        assert got.macs is not None and got.param_count == expected.param_count
        if spec.elementwise:
            continue  # passed on without a run (tests/core/test_catalogue.py)
        inputs = [t for t in expected.inputs if t is not None]
        plain_module, _, _ = plain._module(spec, expected.resolved)
        fast_module, _, _ = fast._module(spec, got.resolved)
        assert [
            (n, p.shape, p.dtype, p.requires_grad) for n, p in plain_module.named_parameters()
        ] == [(n, p.shape, p.dtype, p.requires_grad) for n, p in fast_module.named_parameters()]
        assert [(n, b.shape, b.dtype) for n, b in plain_module.named_buffers()] == [
            (n, b.shape, b.dtype) for n, b in fast_module.named_buffers()
        ]
        run = inputs
        if spec.stepwise:  # one step, as shape inference runs it
            run = [TensorInfo((2, 1, *inputs[0].shape[2:]), inputs[0].dtype)]
        with torch.no_grad():
            plain_out = plain_module(*plain._meta_inputs(run))
            with FastMeta():
                fast_out = fast_module(*fast._meta_inputs(run))
        assert layout(fast_out) == layout(plain_out)
        plain.close()
        fast.close()


def test_a_varied_network_has_the_same_totals_fast_and_plain() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3, 6, 6]})
    previous = "input"
    chain = [("Conv2d", {"out_channels": 5, "padding": 1}), ("BatchNorm2d", None)]
    chain += [("GroupNorm", {"num_groups": 1}), ("AdaptiveAvgPool2d", None), ("Flatten", None)]
    chain += [("Linear", {"out_features": 7}), ("LayerNorm", None), ("ReLU", None)]
    chain += [("Linear", {"out_features": 3, "bias": False}), ("LogSoftmax", None)]
    for type_id, params in chain:
        node = graph.add_node(type_id, params=params)
        graph.connect(previous, "out", node.id, "in")
        previous = node.id
    plain, fast = ShapeInference(graph), ShapeInference(graph)
    plain.fast_meta = False
    assert fast.infos() == plain.infos()
    assert all(info.ok for info in fast.infos().values())
    assert fast.total_params() == plain.total_params() > 0
    assert fast.total_macs() == plain.total_macs() > 0
    assert fast.infos() == plain.infos()  # the MACs counted too


class Calls(TorchDispatchMode):
    """Records the aten ops that reach the kernels below it."""

    def __init__(self) -> None:
        super().__init__()
        self.ops: list[Any] = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        self.ops.append(func)
        return func(*args, **(kwargs or {}))


def test_the_fast_way_is_taken() -> None:
    """A Linear's constructor fills nothing and its addmm never reaches the slow kernel; a
    BatchNorm's and a LayerNorm's norm neither (what makes inference several times faster)."""
    calls = Calls()
    with calls, build_context():
        linear = torch.nn.Linear(12, 5)
    assert linear.weight.is_meta and linear.weight.shape == (5, 12)
    assert aten.uniform_.default not in calls.ops
    norms = torch.nn.Sequential(torch.nn.BatchNorm1d(5), torch.nn.LayerNorm(5))
    norms.to_empty(device="meta").eval()
    calls = Calls()
    with torch.no_grad(), calls, FastMeta():  # FastMeta on top: what it answers never arrives
        out = norms(linear(torch.empty(2, 12, device="meta")))
    assert out.shape == (2, 5)
    assert aten.t.default in calls.ops  # the plain ops still run
    answered = {aten.addmm.default, aten.native_batch_norm.default}
    assert not answered & set(calls.ops)
    assert aten.native_layer_norm.default not in calls.ops


def test_a_module_class_that_needs_no_answer_runs_without_the_mode() -> None:
    """A convolution's meta kernel is fast already: after `IDLE_RUNS` runs without an answer
    its class runs without the mode's per-op cost; a Linear's keeps it."""

    class Conv(torch.nn.Conv1d):
        pass

    class Linear(torch.nn.Linear):
        pass

    with build_context():
        conv, linear = Conv(3, 4, 3), Linear(3, 4)
    for _ in range(IDLE_RUNS):
        with torch.no_grad(), run_context(conv) as mode:
            assert isinstance(mode, FastMeta)
            conv(torch.empty(2, 3, 9, device="meta"))
        with torch.no_grad(), run_context(linear) as mode:
            linear(torch.empty(2, 3, device="meta"))
            assert mode.answered == 1
    assert not isinstance(run_context(conv), FastMeta)
    assert isinstance(run_context(linear), FastMeta)


# --- each answered op against its plain kernel --------------------------------------------------

DTYPES = [torch.float32, torch.float32, torch.float64, torch.float16, torch.int64]


@st.composite
def tensors(draw: st.DrawFn, shape: tuple[int, ...], dtype: torch.dtype | None = None) -> Any:
    """A meta tensor of `shape`: row-major, or transposed, or expanded, or channels-last."""
    dtype = dtype or draw(st.sampled_from(DTYPES))
    kind = draw(st.sampled_from(["plain"] * 3 + ["transposed", "expanded", "channels_last"]))
    if kind == "transposed" and len(shape) >= 2:
        return torch.empty(shape[::-1], dtype=dtype, device="meta").permute(
            *reversed(range(len(shape)))
        )
    if kind == "expanded" and shape:
        return torch.empty((1, *shape[1:]), dtype=dtype, device="meta").expand(shape)
    if kind == "channels_last" and len(shape) == 4:
        return torch.empty(shape, dtype=dtype, device="meta").to(memory_format=torch.channels_last)
    return torch.empty(shape, dtype=dtype, device="meta")


SIZES = st.integers(1, 5)
SHAPES = st.lists(SIZES, min_size=1, max_size=4).map(tuple)


def near(draw: st.DrawFn, shape: tuple[int, ...]) -> tuple[int, ...]:
    """`shape`, or one like it (a size off by one, a dimension dropped, ones): to hit both
    the answers and the cases they leave to the plain kernel."""
    kind = draw(st.sampled_from(["same", "same", "same", "off", "dropped", "ones"]))
    if kind == "off" and shape:
        i = draw(st.integers(0, len(shape) - 1))
        return (*shape[:i], shape[i] + 1, *shape[i + 1 :])
    if kind == "dropped" and shape:
        return shape[1:]
    if kind == "ones":
        return tuple(draw(st.sampled_from([1, s])) for s in shape)
    return shape


def addmm(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    n, k, p = draw(SIZES), draw(SIZES), draw(SIZES)
    dtype = draw(st.sampled_from(DTYPES))
    bias = draw(tensors(near(draw, draw(st.sampled_from([(p,), (n, p)]))), dtype))
    mat1 = draw(tensors((n, k), dtype))
    mat2 = draw(tensors(near(draw, (k, p)), draw(st.sampled_from([dtype, dtype, torch.float64]))))
    return (bias, mat1, mat2)


def unary(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    return (draw(tensors(draw(SHAPES))),)


def binary(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    shape = draw(SHAPES)
    return (draw(tensors(shape)), draw(tensors(near(draw, shape))))


def scale(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    return (draw(tensors(draw(SHAPES))), draw(st.sampled_from([2, 0.5, True])))


def softmax(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    tensor = draw(tensors(draw(SHAPES)))
    dim = draw(st.integers(-tensor.dim() - 1, tensor.dim()))
    if op is aten._log_softmax.default:
        return (tensor, dim, draw(st.booleans()))
    return (tensor, dim)


def mean(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    tensor = draw(tensors(draw(SHAPES)))
    rank = tensor.dim()
    some = st.lists(st.integers(-rank, rank - 1), min_size=1, max_size=rank, unique=True)
    dims = draw(some | some | st.lists(st.integers(-rank - 1, rank), max_size=3))
    return (tensor, dims, draw(st.booleans()))


def layer_norm(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    tensor = draw(tensors(draw(SHAPES)))
    count = draw(st.integers(1, tensor.dim()))
    normalized = near(draw, tuple(tensor.shape[-count:]))
    weight = draw(st.none() | tensors(near(draw, normalized)))
    bias = draw(st.none() | tensors(normalized, tensor.dtype))
    return (tensor, list(normalized), weight, bias, 1e-5)


def batch_norm(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    shape = (draw(SIZES), *draw(st.lists(SIZES, min_size=1, max_size=3)))
    if draw(st.booleans()):  # an eval-mode BatchNorm as a layer runs it, in either dtype
        dtype = draw(st.sampled_from([torch.float32, torch.float64]))
        tensor, stats = torch.empty(shape, dtype=dtype, device="meta"), []
        for present in [*draw(st.lists(st.booleans(), min_size=2, max_size=2)), True, True]:
            stats.append(torch.empty(shape[1], dtype=dtype, device="meta") if present else None)
        return (tensor, *stats, False, 0.1, 1e-5)
    tensor = draw(tensors(shape))
    channels = near(draw, (shape[1],))
    present = st.sampled_from([True, True, True, False])
    stats = [draw(tensors(channels, tensor.dtype)) if draw(present) else None for _ in range(4)]
    return (tensor, *stats, draw(st.sampled_from([False, False, True])), 0.1, 1e-5)


def group_norm(draw: st.DrawFn, op: Any) -> tuple[Any, ...]:
    n, groups, per = draw(SIZES), draw(SIZES), draw(SIZES)
    rest = tuple(draw(st.lists(SIZES, max_size=2)))
    shape = (n, groups * per, *rest)
    tensor = draw(tensors(shape))
    c, hxw = shape[1], 1
    for size in rest:
        hxw *= size
    weight = draw(st.none() | tensors(near(draw, (c,)), tensor.dtype))
    groups = draw(st.sampled_from([groups, groups, per + 1 if c % (per + 1) else 7]))
    return (tensor, weight, None, n, c, hxw, groups, 1e-5)


#: How to draw the arguments of each answered op.
ARGUMENTS: dict[Any, Callable[[st.DrawFn, Any], tuple[Any, ...]]] = {
    aten.addmm.default: addmm,
    **dict.fromkeys([aten.relu.default, aten.sigmoid.default, aten.tanh.default], unary),
    **dict.fromkeys([aten.relu_.default, aten.sigmoid_.default, aten.tanh_.default], unary),
    **dict.fromkeys([aten.add.Tensor, aten.sub.Tensor, aten.mul.Tensor], binary),
    **dict.fromkeys([aten.add_.Tensor, aten.mul_.Tensor], binary),
    aten.mul.Scalar: scale,
    **dict.fromkeys([aten._log_softmax.default, aten._safe_softmax.default], softmax),
    aten.mean.dim: mean,
    aten.native_layer_norm.default: layer_norm,
    aten.native_batch_norm.default: batch_norm,
    aten.native_group_norm.default: group_norm,
}


def outcome(op: Any, args: tuple[Any, ...], fast: bool) -> Any:
    """The layout of what `op` returns, or the error it raises."""
    try:
        with torch.no_grad():
            if fast:
                with FastMeta():
                    return layout(op(*args))
            return layout(op(*args))
    except Exception as error:  # the plain kernel's error, word for word
        return (type(error), str(error))


def test_every_answered_op_is_drawn() -> None:
    assert set(ARGUMENTS) == set(ANSWERS)


@pytest.mark.parametrize("op", list(ARGUMENTS), ids=str)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_answered_op_returns_what_its_plain_kernel_returns(
    op: Any, data: st.DataObject
) -> None:
    args = ARGUMENTS[op](data.draw, op)
    assert outcome(op, args, fast=True) == outcome(op, args, fast=False)
