"""ONNX files as graphs: torch → ONNX → NetStudio gives the same outputs."""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pytest
import torch
from torch import nn

from netstudio.importing import ModelImportError

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxscript")

from netstudio.importing.onnx_import import from_onnx  # noqa: E402


class MLP(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(8, 16), nn.Linear(16, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.fc2(torch.relu(self.fc1(x))), dim=1)


class CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.c2 = nn.Conv2d(4, 4, 3, padding=1)
        self.fc = nn.Linear(8 * 4 * 4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.bn(self.c1(x)))
        x = torch.cat([x + torch.sigmoid(self.c2(x)), x], 1)
        x = nn.functional.avg_pool2d(nn.functional.max_pool2d(x, 2), 1)
        return self.fc(x.reshape(x.size(0), -1))


def export(model: nn.Module, shape: tuple[int, ...], path: Path, dynamo: bool) -> Path:
    model.eval()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            (torch.randn(2, *shape),),
            path,
            dynamo=dynamo,
            input_names=["x"],
            dynamic_axes=None if dynamo else {"x": {0: "batch"}},
        )
    return path


@pytest.mark.parametrize(("cls", "shape"), [(MLP, (8,)), (CNN, (1, 8, 8))])
@pytest.mark.parametrize("dynamo", [False, True], ids=["torchscript-exporter", "dynamo-exporter"])
def test_torch_to_onnx_to_graph_gives_the_same_outputs(
    tmp_path: Path, cls: type, shape: tuple[int, ...], dynamo: bool, same_outputs
) -> None:
    torch.manual_seed(0)
    model = cls().eval()
    if cls is CNN:
        model.bn.running_mean.normal_()
    imported = from_onnx(export(model, shape, tmp_path / "model.onnx", dynamo))
    graph = imported.project.graph
    assert graph.inputs()[0].params["shape"] == shape
    assert "Function" not in {n.type_id for n in graph.nodes()}
    same_outputs(imported, model, torch.randn(3, *shape))


def test_unsupported_ops_are_all_listed(tmp_path: Path) -> None:
    class Odd(nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return torch.cos(x[:, :2]) + torch.sin(x[:, 2:])

    path = export(Odd(), (4,), tmp_path / "odd.onnx", dynamo=False)
    with pytest.raises(ModelImportError) as caught:
        from_onnx(path)
    message = str(caught.value)
    assert "no layer for these ONNX ops: Cos ×1, Sin ×1, Slice ×2" in message
    assert "Supported: Add, AveragePool" in message


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ModelImportError, match="no such file"):
        from_onnx(tmp_path / "missing.onnx")
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"\x00\x01 not protobuf")
    with pytest.raises(ModelImportError, match="not a valid ONNX model"):
        from_onnx(junk)


class Activations(nn.Module):
    """The layers PyTorch's exporter writes as one op or a small pattern each."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.prelu = nn.PReLU(4)
        self.fc = nn.Linear(4 * 2, 6)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = nn.functional.pad(self.prelu(self.conv(x)), (1, 0, 2, 1))
        x = nn.functional.hardswish(nn.functional.relu6(x))
        x = nn.functional.silu(nn.functional.mish(nn.functional.hardtanh(x, -0.5, 2.0)))
        pooled = torch.cat(
            [x.mean(dim=(2, 3)), nn.functional.adaptive_max_pool2d(x, 1).flatten(1)], 1
        )
        return nn.functional.softplus(nn.functional.hardsigmoid(self.fc(pooled)))


def test_activation_and_pooling_patterns_become_their_layers(tmp_path: Path, same_outputs) -> None:
    torch.manual_seed(0)
    model = Activations().eval()
    imported = from_onnx(export(model, (3, 7, 7), tmp_path / "act.onnx", dynamo=True))
    types = Counter(n.type_id for n in imported.project.graph.nodes())
    for layer in ("PReLU", "ZeroPad2d", "ReLU6", "Hardswish", "Hardtanh", "Mish", "SiLU"):
        assert types[layer] == 1, layer
    for layer in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Hardsigmoid", "Softplus"):
        assert types[layer] == 1, layer
    assert not {"Function", "Multiply", "Sigmoid"} & set(types)
    pad = next(n for n in imported.project.graph.nodes() if n.type_id == "ZeroPad2d")
    assert tuple(pad.params["padding"]) == (1, 0, 2, 1)
    same_outputs(imported, model, torch.randn(3, 3, 7, 7))


class Sequence(nn.Module):
    def __init__(
        self, cell: type[nn.Module], start: bool = False, bidirectional: bool = True
    ) -> None:
        super().__init__()
        self.rnn = cell(3, 5, num_layers=2, bidirectional=bidirectional, batch_first=True)
        self.fc = nn.Linear(10 if bidirectional else 5, 2)
        self.start = nn.Parameter(torch.ones(4, 1, 5)) if start else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.start is None:
            out = self.rnn(x)[0]
        else:
            state = self.start.expand(4, x.shape[0], 5).contiguous()
            out = self.rnn(x, (state, state))[0]
        return self.fc(out[:, -1])


@pytest.mark.parametrize(
    ("cell", "bidirectional", "dynamo"),
    [(nn.LSTM, True, True), (nn.GRU, True, True), (nn.LSTM, False, False)],
    ids=["LSTM", "GRU", "LSTM-one-way-torchscript-exporter"],
)
def test_recurrent_ops_become_one_layer_with_its_options(
    tmp_path: Path, cell: type[nn.Module], bidirectional: bool, dynamo: bool, same_outputs
) -> None:
    torch.manual_seed(0)
    model = Sequence(cell, bidirectional=bidirectional).eval()
    imported = from_onnx(export(model, (6, 3), tmp_path / "seq.onnx", dynamo=dynamo))
    layers = [n for n in imported.project.graph.nodes() if n.type_id not in ("Input", "Output")]
    assert [n.type_id for n in layers] == [cell.__name__, "Linear"]
    assert layers[0].params == {
        "input_size": 3,
        "hidden_size": 5,
        "num_layers": 2,
        "bias": True,
        "dropout": 0.0,
        "bidirectional": bidirectional,
        "output": "last",
    }
    same_outputs(imported, model, torch.randn(3, 6, 3))


def test_a_recurrent_layer_that_starts_from_a_given_state_is_refused(tmp_path: Path) -> None:
    path = export(Sequence(nn.LSTM, start=True).eval(), (6, 3), tmp_path / "h0.onnx", True)
    with pytest.raises(ModelImportError, match="initial state is not zero") as caught:
        from_onnx(path)
    assert "(LSTM)" in str(caught.value)


def test_a_mean_over_other_axes_names_the_axes(tmp_path: Path) -> None:
    class ChannelMean(nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x.mean(dim=1)

    path = export(ChannelMean(), (4, 5, 5), tmp_path / "mean.onnx", dynamo=True)
    with pytest.raises(ModelImportError, match=r"ReduceMean\): only the ReduceMean over height"):
        from_onnx(path)
