"""Import makes blocks: calls of repeated submodules become Block nodes of networks of their own,
one network per structure, consecutive copies that feed one another chained with a repeat count,
and the compiled project with the imported weights gives the model's outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from netstudio.cli import main, run_check
from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.importing import ImportedModel, from_module
from tests.importing.conftest import compiled


class ConvUnit(nn.Module):
    """A residual unit whose output channels are a constructor size."""

    def __init__(self, channels: int, width: int = 8) -> None:
        super().__init__()
        self.conv = nn.Conv2d(channels, width, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(width)
        self.skip = nn.Conv2d(channels, width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.bn(self.conv(x)) + self.skip(x))


class Stack(nn.Module):
    """Three units in an nn.Sequential, the first taking 3 channels, the others 8."""

    def __init__(self) -> None:
        super().__init__()
        self.stem = nn.Identity()
        self.units = nn.Sequential(ConvUnit(3), ConvUnit(8), ConvUnit(8))
        self.head = nn.Linear(8, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.units(x).mean((2, 3)))


class SkipAround(nn.Module):
    """Two units of one structure, the first one's output also read past the second."""

    def __init__(self) -> None:
        super().__init__()
        self.a = ConvUnit(8)
        self.b = ConvUnit(8)
        self.c = ConvUnit(8, width=16)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        first = self.a(x)
        return self.c(self.b(first) + first)


TWO_UNITS = """
from torch import nn


class Unit(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        return x + self.fc(x).relu()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.units = nn.Sequential(Unit(), Unit())

    def forward(self, x):
        return self.units(x)
"""


def blocks(graph: NetworkGraph) -> list[tuple[str, str, int]]:
    return [
        (node.name, node.params["network"], node.params["repeat"])
        for node in graph.nodes()
        if node.type_id == "Block"
    ]


def outputs_match(imported: ImportedModel, model: nn.Module, x: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        return float((compiled(imported)(x) - model(x)).abs().max())


@pytest.fixture(scope="module")
def resnet18() -> tuple[nn.Module, ImportedModel]:
    import torchvision

    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None).eval()
    return model, from_module(model, (3, 64, 64), name="resnet18")


def test_resnet18_stages_become_basic_block_networks(resnet18) -> None:
    model, imported = resnet18
    project = imported.project
    found = blocks(project.graph)
    # layer1's two BasicBlocks are one structure feeding one another: one Block, repeat 2.
    # A BasicBlock with a downsample branch, or with other channels, is a network of its own.
    assert found[0] == ("layer1", "BasicBlock", 2)
    assert [name for name, _, _ in found[1:]] == [
        f"layer{stage}.{k}" for stage in (2, 3, 4) for k in (0, 1)
    ]
    assert len({network for _, network, _ in found}) == 7
    assert all(network.startswith("BasicBlock") for _, network, _ in found)
    assert "downsample.0" in [n.name for n in project.networks["BasicBlock_1"].nodes()]
    assert "layer1.0.conv1.weight" in imported.weights
    x = torch.randn(2, 3, 64, 64)
    assert outputs_match(imported, model, x) < 1e-5
    ours = ShapeInference(project.graph).total_params()
    assert ours == sum(p.numel() for p in model.parameters())


def test_resnet18_project_with_blocks_passes_check(resnet18, tmp_path: Path) -> None:
    _, imported = resnet18
    path = tmp_path / "resnet18.net"
    imported.save(path)
    assert run_check(path) == 0


def test_sequential_of_three_units_is_one_network_repeated_three_times() -> None:
    torch.manual_seed(0)
    model = Stack()
    imported = from_module(model, (3, 6, 6))
    # The first unit takes 3 channels, the others 8: sizes filled per copy, so one network.
    assert blocks(imported.project.graph) == [("units", "ConvUnit", 3)]
    assert list(imported.project.networks) == ["main", "ConvUnit"]
    conv = imported.project.networks["ConvUnit"].node_by_name("conv")
    assert conv.params["in_channels"] is None and conv.params["out_channels"] == 8
    assert imported.weights["units.0.conv.weight"].shape == (8, 3, 3, 3)
    assert imported.weights["units.2.conv.weight"].shape == (8, 8, 3, 3)
    assert outputs_match(imported, model, torch.randn(2, 3, 6, 6)) < 1e-5
    flat = from_module(model, (3, 6, 6), blocks=False)
    assert not blocks(flat.project.graph) and list(flat.project.networks) == ["main"]
    assert outputs_match(flat, model, torch.randn(2, 3, 6, 6)) < 1e-5


def test_a_copy_whose_output_is_read_elsewhere_is_not_chained() -> None:
    torch.manual_seed(0)
    model = SkipAround()
    imported = from_module(model, (8, 5, 5))
    # a and b share a network but b's input is also read after b: two Blocks, not one ×2;
    # c has 16 channels: another network.
    assert blocks(imported.project.graph) == [
        ("a", "ConvUnit", 1),
        ("b", "ConvUnit", 1),
        ("c", "ConvUnit_1", 1),
    ]
    assert outputs_match(imported, model, torch.randn(2, 8, 5, 5)) < 1e-5


def test_mobilenet_v2_inverted_residuals_become_blocks() -> None:
    import torchvision

    torch.manual_seed(0)
    model = torchvision.models.mobilenet_v2(weights=None, num_classes=10).eval()
    imported = from_module(model, (3, 32, 32))
    found = blocks(imported.project.graph)
    # Each stage: its first block (new channels or stride) on its own, the rest chained.
    assert len(found) == 12 and all(net.startswith("InvertedResidual") for _, net, _ in found)
    assert ("features.5", "InvertedResidual_4", 2) in found  # 32 channels, stride 1: chained
    assert sum(repeat for _, _, repeat in found) == 17
    assert outputs_match(imported, model, torch.randn(2, 3, 32, 32)) < 1e-5


def test_cli_flat_switch(tmp_path: Path, capsys) -> None:
    source = tmp_path / "stack.py"
    source.write_text(TWO_UNITS)
    args = ["import", str(source), "--class", "Net", "--input-shape", "4", "-o"]
    assert main([*args, str(tmp_path / "blocks.net")]) == 0
    assert "imported Net: 3 nodes + 5 in 1 block network," in capsys.readouterr().out
    assert main([*args, str(tmp_path / "flat.net"), "--flat"]) == 0
    assert "imported Net: 8 nodes, 40 parameters" in capsys.readouterr().out
    assert run_check(tmp_path / "blocks.net") == 0


class TwoWay(nn.Module):
    """Two tensors in, two out: the copies chain when each reads the last one's pair."""

    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.fc(a) + b, b.relu()


class Pairs(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.pre = nn.Linear(4, 4)
        self.steps = nn.ModuleList([TwoWay(), TwoWay(), TwoWay()])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a, b = x, self.pre(x)
        for step in self.steps:
            a, b = step(a, b)
        return a * b


def test_copies_with_two_inputs_and_two_outputs_chain() -> None:
    torch.manual_seed(0)
    model = Pairs()
    imported = from_module(model, (4,))
    assert blocks(imported.project.graph) == [("steps", "TwoWay", 3)]
    network = imported.project.networks["TwoWay"]
    assert len(network.inputs()) == 2 and len(network.outputs()) == 2
    assert outputs_match(imported, model, torch.randn(2, 4)) < 1e-5
