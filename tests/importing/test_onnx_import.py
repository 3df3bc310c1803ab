"""ONNX files as graphs: torch → ONNX → NetStudio gives the same outputs."""

from __future__ import annotations

import warnings
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
