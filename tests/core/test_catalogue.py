"""The layer catalogue: every layer works with its defaults, on meta tensors and on real ones."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch

from netstudio.core.catalogue import CATEGORIES, Catalogue, LayerSpec, TensorInfo, catalogue
from netstudio.core.errors import ParamError, UnknownLayerError
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference

SPECS = list(catalogue())

#: One sample's shape (no batch) for each accepted rank, batch included in the key. 16 channels
#: or features divide GroupNorm's 8 groups and the 4 heads of the attention layers.
SAMPLE_SHAPES = {2: (16,), 3: (8, 16), 4: (16, 8, 8), 5: (16, 4, 8, 8)}
#: Layers whose defaults need a particular size: Unflatten splits 784 into 1×28×28, Permute
#: orders three dimensions.
SHAPE_OVERRIDES = {"Unflatten": (784,), "Permute": (8, 16)}


def sample_shape(spec: LayerSpec) -> tuple[int, ...]:
    if spec.type_id in SHAPE_OVERRIDES:
        return SHAPE_OVERRIDES[spec.type_id]
    if spec.input_ranks:
        return SAMPLE_SHAPES[spec.input_ranks[0]]
    return SAMPLE_SHAPES[3 if spec.input_dtype == "long" else 2]


def wire_with_defaults(spec: LayerSpec) -> tuple[NetworkGraph, ShapeInference, str]:
    """A graph Input → layer (with default parameters); returns it, its inference, the dtype."""
    dtype = "int64" if spec.input_dtype == "long" else "float32"
    graph = NetworkGraph()
    inference = ShapeInference(graph)
    graph.add_node("Input", node_id="input", params={"shape": sample_shape(spec), "dtype": dtype})
    if spec.role == "input":
        return graph, inference, dtype
    node = graph.add_node(spec.type_id, node_id="layer")
    for port in node.input_ports:
        graph.connect("input", "out", "layer", port)
    return graph, inference, dtype


#: A Block has no module of its own: its network's layers run (tests/core/test_blocks.py).
@pytest.mark.parametrize(
    "spec", [s for s in SPECS if s.type_id != "Block"], ids=lambda s: s.type_id
)
def test_every_layer_infers_with_defaults_and_matches_a_real_forward(spec: LayerSpec) -> None:
    graph, inference, dtype = wire_with_defaults(spec)
    source = inference.info("input").output
    assert source == TensorInfo((2, *sample_shape(spec)), dtype)
    if spec.role == "input":
        graph.add_node("Input", node_id="layer")  # auto by default: the data's shape
        assert "takes its shape from the data" in (inference.info("layer").error or "")
        inference.set_data_shape((1, 8, 8))
        assert inference.info("layer").output == TensorInfo((2, 1, 8, 8), "float32")
        return
    info = inference.info("layer")
    assert info.error is None
    assert info.ok
    inferred = info.output
    assert inferred is not None
    if spec.role == "output":
        assert inferred == source
        return
    for param in spec.params:
        if param.auto:
            assert info.resolved[param.name] is not None, param.name

    torch.manual_seed(0)
    module = spec.create_module(info.resolved)
    x = torch.randint(0, 10, source.shape) if dtype == "int64" else torch.randn(source.shape)
    real = module(*[x] * len(graph.node("layer").input_ports))
    assert tuple(real.shape) == inferred.shape
    assert str(real.dtype).removeprefix("torch.") == inferred.dtype
    assert info.param_count == sum(p.numel() for p in module.parameters())


ELEMENTWISE = [spec for spec in SPECS if spec.elementwise]


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.type_id)
@pytest.mark.parametrize(
    ("shape", "dtype"),
    [((2, 7), torch.float32), ((2, 3, 5, 4), torch.float16), ((2, 6, 9), torch.float64)],
)
def test_an_elementwise_layer_keeps_its_input_tensor_and_counts_no_work(
    spec: LayerSpec, shape: tuple[int, ...], dtype: torch.dtype
) -> None:
    """Shape inference passes an elementwise layer's input on without running it: hold every
    such layer to that, its real module on meta tensors of several ranks and dtypes, counted."""
    from torch.utils.flop_counter import FlopCounterMode

    module = spec.create_module(spec.defaults())
    counter = FlopCounterMode(display=False)
    with torch.device("meta"), torch.no_grad(), counter:
        out = module(torch.empty(shape, dtype=dtype))
    assert (tuple(out.shape), out.dtype) == (shape, dtype)
    assert counter.get_total_flops() == 0


def test_the_elementwise_layers_are_the_activations_dropout_and_identity() -> None:
    assert {s.type_id for s in ELEMENTWISE} == {
        "ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "Dropout", "Identity",
        "ReLU6", "Hardtanh", "Hardswish", "Hardsigmoid", "Mish", "Softplus", "StochasticDepth",
    }  # fmt: skip


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.type_id)
def test_every_spec_is_documented_and_complete(spec: LayerSpec) -> None:
    assert spec.category in CATEGORIES
    assert spec.doc.strip()
    assert spec.name
    assert spec.base_name and spec.base_name.isidentifier()
    for param in spec.params:
        assert param.doc.strip(), f"{spec.type_id}.{param.name} has no doc"
    assert len(set(spec.param_names())) == len(spec.params)
    if spec.role == "layer":
        assert spec.module or spec.build is not None
    # the defaults pass their own checks, and describe() works on them
    defaults = spec.check_params({})
    assert list(defaults) == list(spec.param_names())
    assert spec.describe(defaults).startswith(spec.name)


def test_type_ids_are_unique_and_registration_refuses_duplicates() -> None:
    ids = catalogue().type_ids()
    assert len(ids) == len(set(ids)) == len(catalogue())
    registry = Catalogue()
    registry.register(LayerSpec("Thing", "Core", "a thing"))
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(LayerSpec("Thing", "Core", "another thing"))


def test_registration_refuses_an_unknown_category() -> None:
    with pytest.raises(ValueError, match="unknown category 'Misc'"):
        Catalogue().register(LayerSpec("Thing", "Misc", "a thing"))


def test_by_category_follows_the_palette_order() -> None:
    grouped = catalogue().by_category()
    assert list(grouped) == [c for c in CATEGORIES if c in grouped]
    assert sum(len(specs) for specs in grouped.values()) == len(catalogue())
    assert grouped["Input/Output"][0].type_id == "Input"


def test_get_unknown_type_suggests_the_closest() -> None:
    with pytest.raises(UnknownLayerError, match="did you mean 'Linear'"):
        catalogue().get("Linaer")
    assert "Linear" in catalogue()
    assert "Linaer" not in catalogue()


def test_check_params_fills_defaults_in_catalogue_order() -> None:
    spec = catalogue().get("Linear")
    assert spec.check_params({"bias": False, "out_features": 5}) == {
        "in_features": None,
        "out_features": 5,
        "bias": False,
    }
    assert list(spec.check_params({"bias": False})) == ["in_features", "out_features", "bias"]


def test_check_params_canonicalises_values() -> None:
    checked = catalogue().get("Conv2d").check_params({"kernel_size": 5, "padding": [2, 2]})
    assert checked["kernel_size"] == (5, 5)
    assert checked["padding"] == (2, 2)


def test_check_params_rejects_an_unknown_name_with_a_suggestion() -> None:
    with pytest.raises(ParamError) as caught:
        catalogue().get("Linear").check_params({"out_feature": 5}, owner="Linear 'fc1'")
    message = str(caught.value)
    assert message.startswith("Linear 'fc1': Linear has no parameter 'out_feature'")
    assert "did you mean 'out_features'?" in message
    assert "in_features, out_features, bias" in message
    assert caught.value.param == "out_feature"


def test_check_params_without_a_close_match_lists_the_parameters() -> None:
    with pytest.raises(ParamError) as caught:
        catalogue().get("ReLU").check_params({"inplace": True})
    assert "did you mean" not in str(caught.value)
    assert "(parameters: none)" in str(caught.value)


def test_check_params_rejects_bad_values_naming_owner_and_parameter() -> None:
    with pytest.raises(ParamError, match=r"^Linear 'fc1': 'out_features' must be at least 1"):
        catalogue().get("Linear").check_params({"out_features": 0}, owner="Linear 'fc1'")


@pytest.mark.parametrize(
    ("type_id", "params", "expected"),
    [
        ("Conv2d", {"out_channels": 32, "kernel_size": 3, "padding": 1}, "Conv2d · 32, 3×3, pad 1"),
        (
            "Conv2d",
            {"out_channels": 8, "kernel_size": (3, 5), "stride": 2},
            "Conv2d · 8, 3×5, stride 2",
        ),
        ("Conv1d", {"out_channels": 16, "kernel_size": 5}, "Conv1d · 16, 5"),
        ("Linear", {"out_features": 128}, "Linear · 128 units"),
        ("Linear", {"out_features": 10, "bias": False}, "Linear · 10 units, no bias"),
        ("MaxPool2d", {}, "MaxPool2d · 2×2"),
        (
            "MaxPool2d",
            {"kernel_size": 3, "stride": 2, "padding": 1},
            "MaxPool2d · 3×3, stride 2, pad 1",
        ),
        ("Input", {"shape": (3, 32, 32)}, "Input · 3×32×32"),
        ("Input", {"shape": (20,), "dtype": "int64"}, "Input · 20 int64"),
        ("Dropout", {"p": 0.25}, "Dropout · p=0.25"),
        ("LSTM", {"hidden_size": 32, "num_layers": 2, "output": "last"}, "LSTM · 32×2, last"),
        ("ReLU", {}, "ReLU"),
    ],
)
def test_describe_gives_the_node_subtitle(type_id: str, params: dict, expected: str) -> None:
    spec = catalogue().get(type_id)
    assert spec.describe(spec.check_params(params)) == expected


@pytest.mark.parametrize("type_id", ["Add", "Concat", "Multiply"])
def test_variadic_input_ports_follow_the_inputs_parameter(type_id: str) -> None:
    spec = catalogue().get(type_id)
    assert spec.variadic
    assert spec.input_ports(spec.check_params({})) == ("in1", "in2")
    assert spec.input_ports(spec.check_params({"inputs": 4})) == ("in1", "in2", "in3", "in4")
    with pytest.raises(ParamError, match="'inputs' must be at most 16"):
        spec.check_params({"inputs": 17})
    with pytest.raises(ParamError, match="'inputs' must be at least 2"):
        spec.check_params({"inputs": 1})


def test_fixed_ports_do_not_depend_on_params() -> None:
    linear = catalogue().get("Linear")
    assert linear.input_ports(linear.defaults()) == ("in",)
    assert catalogue().get("Input").input_ports({}) == ()
    assert catalogue().get("Output").outputs == ()


def test_spec_param_lookup() -> None:
    spec = catalogue().get("Conv2d")
    assert spec.param("in_channels").auto
    with pytest.raises(KeyError):
        spec.param("units")


def test_create_module_applies_fixed_overrides() -> None:
    spec = catalogue().get("TransformerEncoderLayer")
    module = spec.create_module({**spec.defaults(), "d_model": 16})
    assert module.self_attn.batch_first


def test_roles_without_a_module_refuse_to_build() -> None:
    with pytest.raises(TypeError, match="Input has no module"):
        catalogue().get("Input").create_module({})


def test_tensor_info_describe_and_str() -> None:
    info = TensorInfo((2, 64, 8, 8))
    assert info.describe() == "N×64×8×8"
    assert info.describe(batch="B") == "B×64×8×8"
    assert str(info) == "(N, 64, 8, 8)"
    assert info.rank == 4
    assert TensorInfo(()).describe() == "scalar"


def test_reading_the_catalogue_does_not_import_torch() -> None:
    """The palette reads the catalogue before torch has loaded (torch costs ~2 s)."""
    code = (
        "import sys\n"
        "from netstudio.core.catalogue import catalogue\n"
        "from netstudio.core.graph import NetworkGraph\n"
        "g = NetworkGraph(); g.add_node('Conv2d'); len(catalogue())\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
