"""Previews: each node's output for one sample, equal to the compiled model's, recomputed only
downstream of an edit, with NaNs and runtime errors said as such."""

from __future__ import annotations

import torch

from netstudio.core.compiler import compile_graph
from netstudio.core.previews import PreviewEngine, weights_by_node
from tests.training.conftest import chain_graph as _chain

CNN = [
    ("Conv2d", "conv1", {"out_channels": 4, "kernel_size": 3, "padding": 1}),
    ("BatchNorm2d", "bn1", {}),
    ("ReLU", "relu1", {}),
    ("Flatten", "flat", {}),
    ("Linear", "fc1", {"out_features": 5}),
]


def test_previews_equal_a_forward_pass_of_the_compiled_model() -> None:
    graph = _chain([1, 6, 6], CNN)
    torch.manual_seed(3)
    model = compile_graph(graph).eval()
    model.bn1.running_mean.uniform_(-0.5, 0.5)  # weights that are not the defaults
    sample = torch.randn(1, 6, 6)
    kept: dict[str, torch.Tensor] = {}
    for name in ("conv1", "bn1", "relu1", "flat", "fc1"):
        model.get_submodule(name).register_forward_hook(
            lambda m, a, out, name=name: kept.__setitem__(name, out)
        )
    with torch.no_grad():
        expected = model(sample.unsqueeze(0))
    engine = PreviewEngine(graph, sample, weights=weights_by_node(model))
    previews = engine.update()
    assert engine.computed == len(CNN) + 2
    for name, tensor in kept.items():
        assert torch.allclose(previews[name].value, tensor, atol=1e-6), name
    assert torch.allclose(previews["output"].value, expected, atol=1e-6)
    assert torch.equal(previews["input"].value, sample.unsqueeze(0))
    fc1 = previews["fc1"]
    assert fc1.shape == (1, 5) and fc1.finite
    assert fc1.minimum == kept["fc1"].min().item() and fc1.maximum == kept["fc1"].max().item()


def test_an_edit_recomputes_only_what_is_downstream() -> None:
    layers = [
        ("Linear", "fc1", {"out_features": 6}),
        ("ReLU", "relu1", {}),
        ("Linear", "fc2", {"out_features": 4}),
        ("Sigmoid", "sig", {}),
    ]
    graph = _chain([3], layers)
    engine = PreviewEngine(graph, torch.randn(3))
    first = dict(engine.update())
    assert engine.computed == 6
    engine.update()
    assert engine.computed == 0
    graph.set_params("fc2", {"out_features": 2})
    after = engine.update()
    assert engine.computed == 3  # fc2, sig, output
    for node_id in ("input", "fc1", "relu1"):
        assert after[node_id] is first[node_id]
    assert after["sig"].shape == (1, 2)
    # The same network and seed give the same numbers in a fresh engine.
    again = PreviewEngine(graph, engine.sample["input"][0]).update()
    assert torch.equal(again["sig"].value, after["sig"].value)


def test_nan_and_inf_are_counted_not_hidden() -> None:
    graph = _chain([4], [("ReLU", "relu1", {})])
    sample = torch.tensor([1.0, float("nan"), float("inf"), -2.0])
    preview = PreviewEngine(graph, sample).update()["relu1"]
    assert (preview.nan, preview.inf) == (1, 1) and not preview.finite
    assert preview.minimum == 0.0 and preview.maximum == 1.0
    assert preview.range_text() == "1×4  0 .. 1, 1 NaN, 1 inf"


def test_an_embedding_index_out_of_range_names_the_node_and_the_fix() -> None:
    graph = _chain(
        [4],
        [("Embedding", "embed", {"num_embeddings": 10, "embedding_dim": 3}), ("Flatten", "f", {})],
        dtype="int64",
    )
    previews = PreviewEngine(graph, torch.tensor([1, 2, 12, 3])).update()
    assert previews["embed"].value is None
    assert previews["embed"].error == (
        "Embedding 'embed': the sample holds index 12 but num_embeddings is 10: raise "
        "num_embeddings to at least 13, or check the data's token ids"
    )
    assert previews["f"].value is None and previews["f"].missing == "nothing arrives at its input"
