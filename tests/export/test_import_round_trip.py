"""Round trip: a PyTorch module imported into NetStudio, then exported as Python code, gives
the same outputs with the same weights (functional ops included, as Function nodes)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from netstudio.export import export_project
from netstudio.importing import from_module
from netstudio.training.checkpoints import save_state_dict


class Block(nn.Module):
    """A residual block with ops that have no catalogue layer (hardtanh, mean, scaling)."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.head = nn.Linear(8, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.hardtanh(self.bn(self.conv1(x)))
        h = h + 0.5 * self.conv2(h)
        pooled = h.mean(dim=(2, 3))
        return self.head(torch.flatten(pooled, 1))


def test_an_imported_module_exports_to_code_with_the_same_outputs(
    tmp_path: Path, load_module, ruff
) -> None:
    torch.manual_seed(0)
    original = Block().eval()
    with torch.no_grad():  # running statistics that are not the defaults
        original.bn.running_mean.uniform_(-0.5, 0.5)
        original.bn.running_var.uniform_(0.5, 2.0)
    imported = from_module(original, (3, 10, 10), name="Block")
    assert any(node.type_id == "Function" for node in imported.project.graph)
    weights = tmp_path / "block.safetensors"
    save_state_dict(imported.weights, weights)
    imported.project.path = tmp_path / "block.net"

    written = export_project(imported.project, "python", tmp_path / "block.py", weights=weights)
    code = written[0]
    assert ruff(code) == ""
    exported = load_module(code).load_model().eval()
    x = torch.randn(4, 3, 10, 10)
    with torch.no_grad():
        torch.testing.assert_close(exported(x), original(x), atol=1e-5, rtol=1e-5)


def test_the_imported_module_exports_to_onnx_and_torchscript(tmp_path: Path) -> None:
    imported = from_module(Block().eval(), (3, 10, 10), name="Block")
    torchscript = export_project(imported.project, "torchscript", tmp_path / "b.pt")[0]
    assert torch.jit.load(str(torchscript))(torch.randn(2, 3, 10, 10)).shape == (2, 5)
    pytest.importorskip("onnxscript")
    onnx_file = export_project(imported.project, "onnx", tmp_path / "b.onnx")[0]
    assert onnx_file.stat().st_size > 0
