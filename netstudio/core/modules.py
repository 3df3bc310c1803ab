"""Small torch modules for catalogue layers that torch has no single module for.

Imported only when a module is built (this file imports torch).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn


class Reshape(nn.Module):
    """Reshape every sample to `shape`, keeping the batch dimension (-1 infers one size)."""

    def __init__(self, shape: Sequence[int]) -> None:
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.shape)

    def extra_repr(self) -> str:
        return f"shape={self.shape}"


class Add(nn.Module):
    """Element-wise sum of its inputs (a residual join)."""

    def __init__(self, inputs: int = 2) -> None:
        super().__init__()
        self.inputs = inputs

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Multiply(nn.Module):
    """Element-wise product of its inputs (gating)."""

    def __init__(self, inputs: int = 2) -> None:
        super().__init__()
        self.inputs = inputs

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out * x
        return out


class Concat(nn.Module):
    """Join its inputs along `dim` (1 = channels or features)."""

    def __init__(self, inputs: int = 2, dim: int = 1) -> None:
        super().__init__()
        self.inputs = inputs
        self.dim = dim

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        return torch.cat(xs, dim=self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Recurrent(nn.Module):
    """An RNN, LSTM or GRU over (N, L, features) that passes on the whole sequence or the last step."""

    def __init__(self, cell: str, output: str = "sequence", **kwargs: object) -> None:
        super().__init__()
        cls = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}[cell]
        self.rnn = cls(batch_first=True, **kwargs)
        self.output = output

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        if self.output == "last":
            return out[:, -1]
        return out

    def extra_repr(self) -> str:
        return f"output={self.output!r}"


class SelfAttention(nn.Module):
    """Multi-head self-attention over (N, L, embed_dim): query, key and value are the input."""

    def __init__(
        self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True
    ) -> None:
        super().__init__()
        self.attn = nn.MultiheadAttention(
            embed_dim, num_heads, dropout=dropout, bias=bias, batch_first=True
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.attn(x, x, x, need_weights=False)[0]
