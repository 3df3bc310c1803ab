"""Importing an nn.Module with torch.fx: the graph compiles to the same outputs."""

from __future__ import annotations

import pytest
import torch
import torchvision
from torch import nn
from torch.nn import functional as F

from netstudio.core.compiler import compile_graph
from netstudio.importing import ModelImportError, from_module
from netstudio.io import load_project
from netstudio.training.checkpoints import load_weights


class Residual(nn.Module):
    def __init__(self, channels: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(self.bn(self.conv(x)) + x)


class SmallNet(nn.Module):
    """A skip connection, functional ops that are layers (hardtanh, max_pool2d, a mean over
    height and width, a broadcast multiply), a view with the batch size, a shared activation
    module and a shared Linear."""

    def __init__(self) -> None:
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.block = Residual(4)
        self.act = nn.ReLU()
        self.fc = nn.Linear(64, 16)
        self.head = nn.Linear(16, 16)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.hardtanh(self.stem(x), -0.5, 0.5)
        x = self.block(x)
        x = F.max_pool2d(x, 2)
        x = x * torch.sigmoid(x.mean(dim=(2, 3), keepdim=True))
        x = x.view(x.size(0), -1)
        x = self.act(self.fc(x))
        return self.head(self.act(self.head(x)))


def test_a_small_custom_module_computes_the_same(same_outputs) -> None:
    torch.manual_seed(0)
    model = SmallNet().eval()
    model.block.bn.running_mean.normal_()
    imported = from_module(model, (1, 8, 8))
    graph = imported.project.graph
    types = [node.type_id for node in graph.nodes()]
    assert types.count("Input") == 1 and types.count("Output") == 1
    assert {"Add", "Reshape", "BatchNorm2d", "Conv2d", "Hardtanh", "MaxPool2d"} <= set(types)
    assert {"AdaptiveAvgPool2d", "Multiply"} <= set(types) and "Function" not in types
    assert graph.node_by_name("hardtanh").params == {"min_val": -0.5, "max_val": 0.5}
    assert graph.node_by_name("view").params["shape"] == (64,)
    assert graph.node_by_name("block.conv").params["bias"] is False
    assert any("self.head is used 2 times" in note for note in imported.notes)
    assert not any("self.act" in note for note in imported.notes)
    same_outputs(imported, model, torch.randn(5, 1, 8, 8))


def test_the_imported_graph_is_laid_out_left_to_right() -> None:
    imported = from_module(SmallNet(), (1, 8, 8))
    graph = imported.project.graph
    first, last = graph.node_by_name("input"), graph.node_by_name("output")
    assert last.position[0] > first.position[0]
    positions = {node.position for node in graph.nodes()}
    assert len(positions) == len(graph)


def test_torchvision_resnet18_computes_the_same(same_outputs) -> None:
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None, num_classes=10).eval()
    imported = from_module(model, (3, 64, 64), blocks=False)  # blocks: test_import_blocks.py
    types = [node.type_id for node in imported.project.graph.nodes()]
    assert types.count("Add") == 8 and "Function" not in types
    same_outputs(imported, model, torch.randn(2, 3, 64, 64))


def test_mobilenet_v2_computes_the_same_with_relu6_layers(same_outputs) -> None:
    torch.manual_seed(0)
    model = torchvision.models.mobilenet_v2(weights=None, num_classes=10).eval()
    imported = from_module(model, (3, 32, 32), blocks=False)  # every layer in one network
    types = [n.type_id for n in imported.project.graph.nodes()]
    assert types.count("ReLU6") == 35 and "Function" not in types
    same_outputs(imported, model, torch.randn(2, 3, 32, 32))


def test_a_function_node_never_works_in_place(same_outputs) -> None:
    model = _module(lambda self, x: F.celu(x, 0.5, True))
    imported = from_module(model, (4,))
    (node,) = [n for n in imported.project.graph.nodes() if n.type_id == "Function"]
    assert node.params["function"] == "torch.nn.functional.celu"
    assert node.params["args"] == '[{"$input": 0}, 0.5, false]'
    x = torch.randn(3, 4)
    expected = F.celu(x, 0.5)
    same_outputs(imported, lambda _: expected, x)
    assert (x < 0).any()  # the compiled model left its input as it was


def test_chunk_transpose_and_recurrent_layers(same_outputs) -> None:
    class Sequence(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding(20, 8)
            self.lstm = nn.LSTM(4, 6, batch_first=True)
            self.out = nn.Linear(6, 3)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            a, b = self.embed(x).chunk(2, dim=2)
            y, _ = self.lstm(torch.cat([a * b, torch.tanh(b)], dim=1))
            return F.log_softmax(self.out(y[:, -1]), dim=-1)

    model = Sequence().eval()
    imported = from_module(model, (5,))
    graph = imported.project.graph
    assert graph.node_by_name("input").params["dtype"] == "int64"
    assert graph.node_by_name("lstm").type_id == "LSTM"
    assert {"Concat", "LogSoftmax", "Multiply", "Tanh"} <= {n.type_id for n in graph.nodes()}
    same_outputs(imported, model, torch.randint(0, 20, (3, 5)))


def test_the_saved_project_and_weights_reload(tmp_path, same_outputs) -> None:
    model = SmallNet().eval()
    written = from_module(model, (1, 8, 8), name="small").save(tmp_path / "small.net")
    assert [p.name for p in written] == ["small.net", "small.safetensors"]
    project = load_project(tmp_path / "small.net")
    assert project.name == "small"
    net = compile_graph(project.graph).eval()
    load_weights(net, tmp_path / "small.safetensors")
    x = torch.randn(2, 1, 8, 8)
    with torch.no_grad():
        torch.testing.assert_close(net(x), model(x), atol=1e-5, rtol=1e-5)


def _module(forward, **layers: nn.Module) -> nn.Module:
    cls = type("Model", (nn.Module,), {"forward": forward})
    module = cls()
    for name, layer in layers.items():
        module.add_module(name, layer)
    return module


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (
            _module(lambda self, x: x * self.scale.weight, scale=nn.Linear(4, 1, bias=False)),
            "'scale_weight' (self.scale.weight) reads a parameter",
        ),
        (
            _module(lambda self, x: x * 2 if x.sum() > 0 else x),
            "Data-dependent control flow cannot be traced",
        ),
        (
            _module(lambda self, x: x.expand(x.size(0), 4)),
            "uses the batch size as a number",
        ),
        (
            _module(lambda self, x: x * x.sum().item()),
            "turns tensor values into a Python value",
        ),
        (
            _module(lambda self, x: self.rnn(x)[0], rnn=nn.GRU(4, 4)),
            "set batch_first=True",
        ),
        (
            _module(lambda self, x: self.rnn(x)[1], rnn=nn.GRU(4, 4, batch_first=True)),
            "uses the hidden state",
        ),
        (
            _module(lambda self, x: x.reshape(-1)),
            "reshapes across the batch dimension",
        ),
        (
            _module(lambda self, x: x + torch.zeros(x.shape[1])),
            "makes a tensor that does not come from the input",
        ),
        (
            _module(lambda self, x: x.to(torch.device("cpu"))),
            "has an argument NetStudio cannot store: device(type='cpu')",
        ),
    ],
    ids=[
        "parameter",
        "control-flow",
        "batch-size",
        "item",
        "not-batch-first",
        "hidden-state",
        "flatten-batch",
        "constant-tensor",
        "device-argument",
    ],
)
def test_what_cannot_be_imported_is_said_plainly(model: nn.Module, message: str) -> None:
    with pytest.raises(ModelImportError) as caught:
        from_module(model, (4,))
    assert message in str(caught.value)


def test_a_second_tensor_input_is_refused() -> None:
    model = _module(lambda self, x, y: x + y)
    with pytest.raises(ModelImportError, match="forward takes 2 tensors \\(x, y\\)"):
        from_module(model, (4,))


def test_an_input_shape_the_model_cannot_take() -> None:
    with pytest.raises(ModelImportError, match="fails on an input of shape \\(2, 5\\)"):
        from_module(nn.Sequential(nn.Linear(4, 2)), (5,))
