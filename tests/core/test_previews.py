"""Previews: each node's output for one sample, equal to the compiled model's, recomputed only
downstream of an edit, with NaNs and runtime errors said as such."""

from __future__ import annotations

from pathlib import Path

import torch

from netstudio.core.compiler import compile_graph
from netstudio.core.previews import PreviewEngine, weights_by_node
from netstudio.io import load_project
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


RESIDUAL = Path(__file__).resolve().parents[2] / "examples" / "residual_blocks.net"


def _randomise_batchnorms(model: torch.nn.Module) -> None:
    """Running statistics other than the defaults, so a wrong copy's weights would show."""
    generator = torch.Generator().manual_seed(5)
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            shape = module.running_mean.shape
            module.running_mean.copy_(torch.rand(shape, generator=generator) - 0.5)
            module.running_var.copy_(torch.rand(shape, generator=generator) + 0.5)


def test_a_repeated_block_previews_its_last_copys_output_as_the_compiled_model() -> None:
    project = load_project(RESIDUAL)
    graph = project.graph
    torch.manual_seed(4)
    model = compile_graph(graph).eval()
    _randomise_batchnorms(model)
    kept: dict[str, torch.Tensor] = {}
    for name in ("stem_relu", "gap", "fc"):
        model.get_submodule(name).register_forward_hook(
            lambda m, a, out, name=name: kept.__setitem__(name, out)
        )
    copies = [model.get_submodule(f"blocks.{k}") for k in range(3)]
    for k, copy in enumerate(copies):
        copy.register_forward_hook(lambda m, a, out, k=k: kept.__setitem__(f"copy{k}", out))
        copy.get_submodule("conv1").register_forward_hook(
            lambda m, a, out, k=k: kept.__setitem__(f"conv1/{k}", out)
        )
    sample = torch.randn(1, 8, 8)
    with torch.no_grad():
        expected = model(sample.unsqueeze(0))
    weights = weights_by_node(model)
    assert set(weights["blocks/2/conv1"]) == {"weight"}
    engine = PreviewEngine(graph, sample, weights=weights)
    previews = engine.update()
    assert previews["blocks"].shape == (1, 16, 8, 8) and previews["blocks"].error is None
    assert torch.allclose(previews["blocks"].value, kept["copy2"], atol=1e-5)
    for name in ("stem_relu", "gap", "fc"):
        assert torch.allclose(previews[name].value, kept[name], atol=1e-5), name
    assert torch.allclose(previews["output"].value, expected, atol=1e-5)
    # Each copy ran with its own weights: the copies' inner outputs match the model's too.
    for k, inner in enumerate(engine._copies["blocks"]):
        assert torch.allclose(inner.previews["conv1"].value, kept[f"conv1/{k}"], atol=1e-5)
    engine.close()


def test_an_edit_around_or_inside_a_block_recomputes_only_what_follows() -> None:
    project = load_project(RESIDUAL)
    graph, inner = project.graph, project.networks["res_block"]
    engine = PreviewEngine(graph, torch.randn(1, 8, 8))
    first = dict(engine.update())
    assert engine.computed == len(graph)
    engine.update()
    assert engine.computed == 0  # nothing changed, inside the block either

    graph.set_params("fc", {"out_features": 4})  # after the block: the block is not run again
    after = engine.update()
    assert engine.computed == 2  # fc, output
    assert after["blocks"] is first["blocks"] and after["output"].shape == (1, 4)

    # Inside the block's network: the Block node and what follows it; not the stem.
    inner.set_params("bn2", {"eps": 0.5})
    after = engine.update()
    assert engine.computed == 5  # blocks, gap, flatten, fc, output
    assert after["stem_relu"] is first["stem_relu"]
    assert not torch.equal(after["blocks"].value, first["blocks"].value)
    # ... and it equals a fresh engine's view of the edited network.
    fresh = PreviewEngine(graph, engine.sample["input"][0]).update()
    assert torch.equal(fresh["blocks"].value, after["blocks"].value)

    # Fewer copies: the block's output is the second copy's now.
    graph.set_params("blocks", {"repeat": 2})
    after = engine.update()
    assert len(engine._copies["blocks"]) == 2
    assert engine.computed == 5
    engine.close()


def test_a_layer_failing_inside_a_block_names_the_block_and_the_fix() -> None:
    from netstudio.core.blocks import Library
    from netstudio.core.graph import NetworkGraph

    inner = _chain(
        [4], [("Embedding", "embed", {"num_embeddings": 10, "embedding_dim": 3})], "int64"
    )
    main = NetworkGraph()
    Library({"main": main, "lookup": inner})
    main.add_node("Input", node_id="input", params={"shape": [4], "dtype": "int64"})
    main.add_node("Block", node_id="words", name="words", params={"network": "lookup"})
    main.add_node("Flatten", node_id="flat")
    main.connect("input", "out", "words", "input")
    main.connect("words", "output", "flat", "in")
    engine = PreviewEngine(main, torch.tensor([1, 2, 12, 3]))
    previews = engine.update()
    assert previews["words"].value is None
    assert previews["words"].error == (
        "block 'words': Embedding 'embed': the sample holds index 12 but num_embeddings is 10: "
        "raise num_embeddings to at least 13, or check the data's token ids"
    )
    assert previews["flat"].missing == "nothing arrives at its input"
    engine.update()
    assert engine.computed == 0  # an unchanged failure is not news downstream
    inner.set_params("embed", {"num_embeddings": 13})
    previews = engine.update()
    assert previews["words"].shape == (1, 4, 3) and previews["flat"].shape == (1, 12)
    assert engine.computed == 2  # words, flat
