"""torchvision classifiers and the functional forms of their layers import as catalogue layers,
never as Function nodes for a plain layer; an LSTM read at its last step uses its own option."""

from __future__ import annotations

import pytest
import torch
import torchvision
from torch import nn
from torch.nn import functional as F
from torchvision.models.efficientnet import EfficientNet, MBConvConfig

from netstudio.importing.fx_import import from_module


def _types(imported) -> list[str]:
    return [node.type_id for node in imported.project.graph.nodes()]


def test_mobilenet_v3_small_has_hard_activations_and_gates(same_outputs) -> None:
    torch.manual_seed(0)
    model = torchvision.models.mobilenet_v3_small(weights=None, num_classes=10).eval()
    imported = from_module(model, (3, 32, 32), blocks=False)  # every layer in one network
    types = _types(imported)
    assert "Function" not in types
    assert types.count("Hardswish") == 19 and types.count("Hardsigmoid") == 9
    assert types.count("Multiply") == 9  # squeeze-and-excitation: (N, C, 1, 1) × (N, C, H, W)
    same_outputs(imported, model, torch.randn(2, 3, 32, 32))


def test_an_efficientnet_has_stochastic_depth_and_its_draws_while_training(same_outputs) -> None:
    """A two-stage EfficientNet (the real blocks: SiLU, squeeze-and-excitation, stochastic
    depth) stands for the family at a fraction of the import time."""
    torch.manual_seed(0)
    stages = [MBConvConfig(1, 3, 1, 8, 8, 1), MBConvConfig(4, 3, 2, 8, 16, 2)]
    model = EfficientNet(stages, dropout=0.2, stochastic_depth_prob=0.5, num_classes=5).eval()
    imported = from_module(model, (3, 16, 16), blocks=False)  # every layer in one network
    graph = imported.project.graph
    types = _types(imported)
    assert "Function" not in types and types.count("StochasticDepth") == 2
    depth = [n for n in graph.nodes() if n.type_id == "StochasticDepth"]
    assert {n.params["mode"] for n in depth} == {"row"} and depth[-1].params["p"] > 0
    x = torch.randn(2, 3, 16, 16)
    same_outputs(imported, model, x)

    from tests.importing.conftest import compiled

    ours, theirs = compiled(imported).train(), model.train()
    with torch.no_grad():
        torch.manual_seed(7)
        expected = theirs(x)
        torch.manual_seed(7)
        got = ours(x)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)


class Functional(nn.Module):
    """The functional forms of the new layers, and ops that are layers in disguise."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 1)
        self.prelu = nn.PReLU(4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.pad(F.relu6(self.conv(x)), (1, 1, 0, 2))
        x = F.hardtanh(x, -0.5, 2.0) + F.hardtanh(x, 0.0, 6.0)
        x = F.mish(F.hardswish(x)) * F.hardsigmoid(x).mean((2, 3), keepdim=True)
        x = F.softplus(self.prelu(x), beta=2.0)
        x = F.max_pool2d(x, 2) + F.avg_pool2d(x, 3, stride=2, padding=1)
        x = x.permute(0, 2, 3, 1).contiguous().transpose(1, 3)
        x = F.adaptive_max_pool2d(torch.cat([torch.cat([x] * 20, dim=1)], 1), (2, 2))
        return torch.flatten(x.mean([-1, -2]), 1)


def test_functional_forms_become_layers(same_outputs) -> None:
    torch.manual_seed(0)
    model = Functional().eval()
    imported = from_module(model, (4, 6, 6))
    types = _types(imported)
    assert "Function" not in types
    expected = {"ReLU6", "ZeroPad2d", "Hardtanh", "Mish", "Hardswish", "Hardsigmoid", "PReLU"}
    expected |= {"Softplus", "MaxPool2d", "AvgPool2d", "Permute", "AdaptiveMaxPool2d"}
    assert expected <= set(types)
    assert types.count("ReLU6") == 2  # F.relu6, and F.hardtanh(x, 0, 6)
    assert types.count("Concat") == 2  # 20 inputs: 16, then the rest
    assert types.count("Identity") == 1  # torch.cat of one tensor
    same_outputs(imported, model, torch.randn(3, 4, 6, 6))


class Recurrent(nn.Module):
    def __init__(self, cell: str, idiom: str, layers: int, bidirectional: bool) -> None:
        super().__init__()
        self.rnn = getattr(nn, cell)(4, 6, layers, batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(12 if bidirectional else 6, 3)
        self.idiom = idiom

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.idiom == "h[-1]":
            out, (h, c) = self.rnn(x)  # noqa: RUF059  (the tutorials' own idiom)
            return self.fc(h[-1])
        if self.idiom == "h.squeeze(0)":
            out, h = self.rnn(x)
            return self.fc(h.squeeze(0))
        out, _ = self.rnn(x)
        if self.idiom == "out[:, -1, :]":
            return self.fc(out[:, -1, :])
        return self.fc(out[:, -1])


@pytest.mark.parametrize(
    ("cell", "idiom", "layers", "bidirectional"),
    [
        ("LSTM", "h[-1]", 2, False),
        ("GRU", "h.squeeze(0)", 1, False),
        ("LSTM", "out[:, -1, :]", 1, False),
        ("LSTM", "out[:, -1]", 2, True),
    ],
)
def test_a_recurrent_layer_read_at_its_last_step_uses_its_last_option(
    cell: str, idiom: str, layers: int, bidirectional: bool, same_outputs
) -> None:
    torch.manual_seed(0)
    model = Recurrent(cell, idiom, layers, bidirectional).eval()
    imported = from_module(model, (5, 4))
    assert _types(imported) == ["Input", cell, "Linear", "Output"]
    assert imported.project.graph.node_by_name("rnn").params["output"] == "last"
    same_outputs(imported, model, torch.randn(3, 5, 4))


class Both(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(4, 6, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return out[:, -1] + out.mean(1)


def test_a_sequence_also_used_whole_keeps_its_sequence_output(same_outputs) -> None:
    torch.manual_seed(0)
    model = Both().eval()
    imported = from_module(model, (5, 4))
    assert imported.project.graph.node_by_name("lstm").params["output"] == "sequence"
    same_outputs(imported, model, torch.randn(3, 5, 4))
