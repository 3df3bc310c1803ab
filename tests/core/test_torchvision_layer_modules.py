"""NetStudio's modules for torchvision's plain layers compute what torchvision's do, and the
broadcast Multiply says which shapes it cannot take."""

from __future__ import annotations

import pytest
import torch
from torchvision.models.convnext import LayerNorm2d as TorchvisionLayerNorm2d
from torchvision.ops import stochastic_depth

from netstudio.core.graph import NetworkGraph
from netstudio.core.modules import LayerNorm2d, Multiply, Permute, StochasticDepth
from netstudio.core.shapes import ShapeInference


def test_layernorm2d_is_convnexts() -> None:
    torch.manual_seed(0)
    ours, theirs = LayerNorm2d(6), TorchvisionLayerNorm2d(6, eps=1e-6)
    with torch.no_grad():
        theirs.weight.normal_()
        theirs.bias.normal_()
    ours.load_state_dict(theirs.state_dict())
    x = torch.randn(2, 6, 3, 5)
    torch.testing.assert_close(ours(x), theirs(x))


@pytest.mark.parametrize("mode", ["row", "batch"])
def test_stochastic_depth_draws_as_torchvision_does(mode: str) -> None:
    x = torch.randn(8, 3, 4)
    layer = StochasticDepth(0.4, mode)
    torch.manual_seed(3)
    got = layer(x)
    torch.manual_seed(3)
    torch.testing.assert_close(got, stochastic_depth(x, 0.4, mode, training=True))
    assert torch.equal(layer.eval()(x), x)


def test_multiply_broadcasts_a_gate_and_refuses_other_shapes() -> None:
    x, gate = torch.randn(2, 3, 4, 4), torch.randn(2, 3, 1, 1)
    torch.testing.assert_close(Multiply()(gate, x), gate * x)
    with pytest.raises(ValueError, match=r"\(2, 3, 4\) and \(2, 3\) cannot be multiplied"):
        Multiply()(torch.randn(2, 3, 4), torch.randn(2, 3))
    with pytest.raises(ValueError, match="each dimension the same size or 1"):
        Multiply()(torch.randn(2, 3), torch.randn(2, 4))


def test_shape_inference_takes_a_gate_and_names_a_mismatch() -> None:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="image", params={"shape": (8, 4, 4)})
    graph.add_node("AdaptiveAvgPool2d", node_id="squeeze")
    graph.add_node("Multiply", node_id="gate")
    graph.connect("image", "out", "squeeze", "in")
    graph.connect("squeeze", "out", "gate", "in1")
    graph.connect("image", "out", "gate", "in2")
    inference = ShapeInference(graph)
    assert inference.info("gate").output.shape == (2, 8, 4, 4)
    graph.set_params("squeeze", {"output_size": (2, 2)})
    assert "cannot be multiplied" in (inference.info("gate").error or "")


def test_permute_keeps_the_batch_first_and_counts_dimensions() -> None:
    x = torch.randn(2, 3, 4, 5)
    assert Permute((0, 2, 3, 1))(x).shape == (2, 4, 5, 3)
    with pytest.raises(ValueError, match="with 0 \\(the batch\\) first"):
        Permute((1, 0, 2))
    with pytest.raises(ValueError, match="order 3 dimensions but the input has 4"):
        Permute((0, 2, 1))(x)
