"""What fails while a model is traced is said as what it is: a Lazy module, a Python error in
forward (with its file and line), and only real branches on tensor values as control flow."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from netstudio.importing import ModelImportError
from netstudio.importing.fx_import import from_module


class LazyNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.LazyConv2d(4, 3), nn.ReLU())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)


def test_a_lazy_module_is_named_and_the_fix_given() -> None:
    with pytest.raises(ModelImportError) as caught:
        from_module(LazyNet(), (3, 8, 8))
    assert str(caught.value) == (
        "LazyNet: self.body.0 is an nn.LazyConv2d: Lazy modules have no sizes until run: "
        "use Conv2d/Linear, NetStudio fills the input sizes"
    )


def test_a_lazy_module_already_run_is_an_ordinary_one(same_outputs) -> None:
    model = nn.Sequential(nn.LazyLinear(3)).eval()
    model(torch.zeros(1, 4))  # a first run gives it its sizes: it is an nn.Linear now
    same_outputs(from_module(model, (4,)), model, torch.randn(2, 4))


class Typo(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(x) * scale  # noqa: F821  (the mistake under test)


def test_an_error_in_forward_says_which_error_and_where() -> None:
    with pytest.raises(ModelImportError) as caught:
        from_module(Typo(), (4,))
    message = str(caught.value)
    line = Typo.forward.__code__.co_firstlineno + 1
    assert f"{__file__}:{line}: NameError: name 'scale' is not defined" in message
    assert "running Typo.forward to trace it failed" in message
    assert "control flow" not in message


class Branchy(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:
            return x
        return -x


def test_a_branch_on_tensor_values_is_control_flow_at_its_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        from_module(Branchy(), (4,))
    line = Branchy.forward.__code__.co_firstlineno + 1
    assert f"{__file__}:{line}" in str(caught.value)
    assert "Data-dependent control flow cannot be traced" in str(caught.value)
