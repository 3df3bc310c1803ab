"""Torch modules that have a catalogue layer: which layer, with which parameters.

`layer_for_module` reads a module's constructor attributes (``in_features``, ``kernel_size``
...) and returns the catalogue type and parameters that rebuild the same module, so the
copied weights give the same outputs. A module whose settings the catalogue layer cannot
express (``padding='same'``, ``batch_first=False`` ...) is refused with what to change; a
class not listed here is traced into by torch.fx and becomes the layers and functions it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from torch import nn
from torch.nn import functional as F

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message
from netstudio.importing import import_messages as said
from netstudio.importing.errors import ModelImportError

Layer = tuple[str, dict[str, Any]]


class UnsupportedSetting(ModelImportError):
    """A catalogue-mappable module with a setting its layer does not have."""


def _refuse(module: nn.Module, setting: str, fix: str) -> UnsupportedSetting:
    """`module`'s refusal: `setting` is PyTorch's own words (padding='same'), or a phrase or
    message; `fix` a phrase, marked with QT_TRANSLATE_NOOP where it is written."""
    if not isinstance(setting, Message):
        setting = said.phrase(setting)  # shown as it is unless the catalogue has it
    refusal = said.NO_LAYER_WITH(
        module=type(module).__name__, setting=setting, fix=said.phrase(fix)
    )
    return UnsupportedSetting(refusal)


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, (tuple, list)) else value


def _linear(m: nn.Linear) -> Layer:
    return "Linear", {
        "in_features": m.in_features,
        "out_features": m.out_features,
        "bias": m.bias is not None,
    }


def _conv(m: nn.Conv1d | nn.Conv2d | nn.Conv3d) -> Layer:
    if isinstance(m.padding, str):
        raise _refuse(
            m,
            f"padding={m.padding!r}",
            QT_TRANSLATE_NOOP("ImportMessages", "give the padding as numbers"),
        )
    rank = len(m.kernel_size)
    size = _first if rank == 1 else tuple
    return f"Conv{rank}d", {
        "in_channels": m.in_channels,
        "out_channels": m.out_channels,
        "kernel_size": size(m.kernel_size),
        "stride": size(m.stride),
        "padding": size(m.padding),
        "dilation": size(m.dilation),
        "groups": m.groups,
        "bias": m.bias is not None,
        "padding_mode": m.padding_mode,
    }


def _deconv(m: nn.ConvTranspose2d) -> Layer:
    if m.padding_mode != "zeros":
        raise _refuse(
            m,
            f"padding_mode={m.padding_mode!r}",
            QT_TRANSLATE_NOOP("ImportMessages", "use zero padding"),
        )
    return "ConvTranspose2d", {
        "in_channels": m.in_channels,
        "out_channels": m.out_channels,
        "kernel_size": m.kernel_size,
        "stride": m.stride,
        "padding": m.padding,
        "output_padding": m.output_padding,
        "groups": m.groups,
        "bias": m.bias is not None,
        "dilation": m.dilation,
    }


def _pool(kind: str, rank: int) -> Callable[[Any], Layer]:
    def rule(m: Any) -> Layer:
        if kind == "Max" and (_first(m.dilation) != 1 or m.return_indices):
            raise _refuse(
                m,
                QT_TRANSLATE_NOOP("ImportMessages", "dilation or return_indices"),
                QT_TRANSLATE_NOOP("ImportMessages", "use dilation 1, no indices"),
            )
        if kind == "Avg" and (not m.count_include_pad or m.divisor_override is not None):
            raise _refuse(
                m,
                QT_TRANSLATE_NOOP(
                    "ImportMessages", "count_include_pad=False or a divisor_override"
                ),
                QT_TRANSLATE_NOOP("ImportMessages", "use defaults"),
            )
        size = _first if rank == 1 else (lambda v: v)
        return f"{kind}Pool{rank}d", {
            "kernel_size": size(m.kernel_size),
            "stride": None if m.stride is None else size(m.stride),
            "padding": size(m.padding),
            "ceil_mode": m.ceil_mode,
        }

    return rule


def _adaptive_avg(m: nn.AdaptiveAvgPool2d) -> Layer:
    size = m.output_size
    size = (size, size) if isinstance(size, int) else tuple(size)
    if None in size:
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP("ImportMessages", "a None output size"),
            QT_TRANSLATE_NOOP("ImportMessages", "give both output sizes"),
        )
    return "AdaptiveAvgPool2d", {"output_size": size}


def _adaptive_max(m: nn.AdaptiveMaxPool2d) -> Layer:
    size = m.output_size
    size = (size, size) if isinstance(size, int) else tuple(size)
    if None in size or m.return_indices:
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP("ImportMessages", "a None output size or return_indices"),
            QT_TRANSLATE_NOOP("ImportMessages", "give both sizes, no indices"),
        )
    return "AdaptiveMaxPool2d", {"output_size": size}


def _zero_pad(m: nn.ZeroPad2d) -> Layer:
    if min(m.padding) < 0:
        raise _refuse(
            m,
            said.NEGATIVE_PADDING(padding=m.padding),
            QT_TRANSLATE_NOOP("ImportMessages", "crop with a slice instead"),
        )
    return "ZeroPad2d", {"padding": tuple(m.padding)}


def _softplus(m: nn.Softplus) -> Layer:
    return "Softplus", {"beta": float(m.beta), "threshold": float(m.threshold)}


def _hardtanh(m: nn.Hardtanh) -> Layer:
    return "Hardtanh", {"min_val": float(m.min_val), "max_val": float(m.max_val)}


def _prelu(m: nn.PReLU) -> Layer:
    return "PReLU", {"num_parameters": m.num_parameters, "init": float(m.init)}


def _stochastic_depth(m: Any) -> Layer:
    """torchvision.ops.StochasticDepth: its own layer (the same draws while training)."""
    return "StochasticDepth", {"p": float(m.p), "mode": m.mode}


def _permute(m: Any) -> Layer:
    """torchvision.ops.Permute: its dims count the batch, as the Permute layer's."""
    dims = tuple(m.dims)
    if not dims or dims[0] != 0:
        raise _refuse(
            m, f"dims={list(dims)}", QT_TRANSLATE_NOOP("ImportMessages", "keep the batch (0) first")
        )
    return "Permute", {"dims": dims}


def _layernorm2d(m: nn.LayerNorm) -> Layer:
    """ConvNeXt's LayerNorm2d: a LayerNorm over the channels of each pixel."""
    if len(m.normalized_shape) != 1 or (m.elementwise_affine and m.bias is None):
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP("ImportMessages", "several normalised dimensions or bias=False"),
            QT_TRANSLATE_NOOP("ImportMessages", "use the defaults"),
        )
    return "LayerNorm2d", {
        "num_channels": m.normalized_shape[0],
        "eps": m.eps,
        "elementwise_affine": m.elementwise_affine,
    }


def _upsample(m: nn.Upsample) -> Layer:
    scale = m.scale_factor
    if isinstance(scale, (tuple, list)) and len(set(scale)) == 1:
        scale = scale[0]
    if m.size is not None or isinstance(scale, (tuple, list)) or m.align_corners:
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP("ImportMessages", "a size, per-axis scales or align_corners"),
            QT_TRANSLATE_NOOP("ImportMessages", "use one scale_factor"),
        )
    return "Upsample", {"scale_factor": float(scale), "mode": m.mode}


def _batchnorm(m: nn.BatchNorm1d | nn.BatchNorm2d) -> Layer:
    if m.momentum is None:
        raise _refuse(
            m,
            "momentum=None",
            QT_TRANSLATE_NOOP("ImportMessages", "give a momentum between 0 and 1"),
        )
    return type(m).__name__, {
        "num_features": m.num_features,
        "eps": m.eps,
        "momentum": m.momentum,
        "affine": m.affine,
        "track_running_stats": m.track_running_stats,
    }


def _layernorm(m: nn.LayerNorm) -> Layer:
    if m.elementwise_affine and m.bias is None:
        raise _refuse(m, "bias=False", QT_TRANSLATE_NOOP("ImportMessages", "keep the bias"))
    return "LayerNorm", {
        "normalized_shape": tuple(m.normalized_shape),
        "eps": m.eps,
        "elementwise_affine": m.elementwise_affine,
    }


def _groupnorm(m: nn.GroupNorm) -> Layer:
    return "GroupNorm", {
        "num_groups": m.num_groups,
        "num_channels": m.num_channels,
        "eps": m.eps,
        "affine": m.affine,
    }


def _flatten(m: nn.Flatten) -> Layer:
    if m.start_dim == 0:
        raise _refuse(
            m,
            "start_dim=0",
            QT_TRANSLATE_NOOP("ImportMessages", "keep the batch dimension (start_dim=1)"),
        )
    return "Flatten", {"start_dim": m.start_dim, "end_dim": m.end_dim}


def _unflatten(m: nn.Unflatten) -> Layer:
    if m.dim == 0:
        raise _refuse(
            m, "dim=0", QT_TRANSLATE_NOOP("ImportMessages", "unflatten a dimension after the batch")
        )
    return "Unflatten", {"dim": m.dim, "unflattened_size": tuple(m.unflattened_size)}


def _embedding(m: nn.Embedding) -> Layer:
    if m.max_norm is not None or m.scale_grad_by_freq or m.sparse:
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP("ImportMessages", "max_norm, scale_grad_by_freq or sparse"),
            QT_TRANSLATE_NOOP("ImportMessages", "use the defaults"),
        )
    return "Embedding", {
        "num_embeddings": m.num_embeddings,
        "embedding_dim": m.embedding_dim,
        "padding_idx": m.padding_idx,
    }


def _recurrent(m: nn.RNN | nn.LSTM | nn.GRU) -> Layer:
    if not m.batch_first:
        raise _refuse(
            m,
            "batch_first=False",
            QT_TRANSLATE_NOOP("ImportMessages", "set batch_first=True (NetStudio is batch first)"),
        )
    if getattr(m, "proj_size", 0):
        raise _refuse(m, "proj_size", QT_TRANSLATE_NOOP("ImportMessages", "leave proj_size at 0"))
    params: dict[str, Any] = {
        "input_size": m.input_size,
        "hidden_size": m.hidden_size,
        "num_layers": m.num_layers,
        "bias": m.bias,
        "dropout": float(m.dropout),
        "bidirectional": m.bidirectional,
        "output": "sequence",
    }
    if isinstance(m, nn.RNN) and type(m) is nn.RNN:
        params["nonlinearity"] = m.nonlinearity
    return type(m).__name__, params


def _encoder(m: nn.TransformerEncoderLayer) -> Layer:
    activation = {F.relu: "relu", F.gelu: "gelu"}.get(m.activation)
    attn = m.self_attn
    if not attn.batch_first or activation is None or m.norm1.eps != 1e-5:
        raise _refuse(
            m,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "batch_first=False, a custom activation or layer_norm_eps"
            ),
            QT_TRANSLATE_NOOP("ImportMessages", "use the defaults"),
        )
    if attn.in_proj_bias is None or m.linear1.bias is None:
        raise _refuse(m, "bias=False", QT_TRANSLATE_NOOP("ImportMessages", "keep the biases"))
    return "TransformerEncoderLayer", {
        "d_model": attn.embed_dim,
        "nhead": attn.num_heads,
        "dim_feedforward": m.linear1.out_features,
        "dropout": m.dropout.p,
        "activation": activation,
        "norm_first": m.norm_first,
    }


def _plain(type_id: str, *names: str) -> Callable[[Any], Layer]:
    return lambda m: (type_id, {name: getattr(m, name) for name in names})


def _softmax(type_id: str) -> Callable[[Any], Layer]:
    def rule(m: nn.Softmax | nn.LogSoftmax) -> Layer:
        if m.dim is None:
            raise _refuse(m, "dim=None", QT_TRANSLATE_NOOP("ImportMessages", "give the dimension"))
        return type_id, {"dim": m.dim}

    return rule


RULES: dict[type[nn.Module], Callable[[Any], Layer]] = {
    nn.Linear: _linear,
    nn.Conv1d: _conv,
    nn.Conv2d: _conv,
    nn.Conv3d: _conv,
    nn.ConvTranspose2d: _deconv,
    nn.MaxPool1d: _pool("Max", 1),
    nn.MaxPool2d: _pool("Max", 2),
    nn.AvgPool1d: _pool("Avg", 1),
    nn.AvgPool2d: _pool("Avg", 2),
    nn.AdaptiveAvgPool2d: _adaptive_avg,
    nn.AdaptiveMaxPool2d: _adaptive_max,
    nn.ZeroPad2d: _zero_pad,
    nn.Upsample: _upsample,
    nn.BatchNorm1d: _batchnorm,
    nn.BatchNorm2d: _batchnorm,
    nn.LayerNorm: _layernorm,
    nn.GroupNorm: _groupnorm,
    nn.Flatten: _flatten,
    nn.Unflatten: _unflatten,
    nn.Identity: _plain("Identity"),
    nn.Embedding: _embedding,
    nn.RNN: _recurrent,
    nn.LSTM: _recurrent,
    nn.GRU: _recurrent,
    nn.TransformerEncoderLayer: _encoder,
    nn.ReLU: _plain("ReLU"),
    nn.LeakyReLU: _plain("LeakyReLU", "negative_slope"),
    nn.ELU: _plain("ELU", "alpha"),
    nn.GELU: _plain("GELU", "approximate"),
    nn.SiLU: _plain("SiLU"),
    nn.Sigmoid: _plain("Sigmoid"),
    nn.Tanh: _plain("Tanh"),
    nn.ReLU6: _plain("ReLU6"),
    nn.Hardtanh: _hardtanh,
    nn.Hardswish: _plain("Hardswish"),
    nn.Hardsigmoid: _plain("Hardsigmoid"),
    nn.Mish: _plain("Mish"),
    nn.Softplus: _softplus,
    nn.PReLU: _prelu,
    nn.Softmax: _softmax("Softmax"),
    nn.LogSoftmax: _softmax("LogSoftmax"),
    nn.Dropout: _plain("Dropout", "p"),
    nn.Dropout2d: _plain("Dropout2d", "p"),
}

#: torchvision modules with a catalogue layer, by the class's dotted name: torchvision is not
#: imported to look them up.
NAMED_RULES: dict[str, Callable[[Any], Layer]] = {
    "torchvision.ops.stochastic_depth.StochasticDepth": _stochastic_depth,
    "torchvision.ops.misc.Permute": _permute,
    "torchvision.models.convnext.LayerNorm2d": _layernorm2d,
}

#: Layers whose module returns a tuple (output, hidden state); only the output is passed on.
RETURNS_STATE = frozenset({"RNN", "LSTM", "GRU"})


def _rule(module: nn.Module) -> Callable[[Any], Layer] | None:
    cls = type(module)
    return RULES.get(cls) or NAMED_RULES.get(f"{cls.__module__}.{cls.__qualname__}")


def has_layer(module: nn.Module) -> bool:
    """Whether `module`'s exact class has a catalogue layer (subclasses may change forward)."""
    return _rule(module) is not None


def layer_for_module(module: nn.Module) -> Layer:
    """The catalogue type id and parameters that rebuild `module`.

    Raises UnsupportedSetting for a setting the layer lacks, KeyError for a class without one.
    """
    rule = _rule(module)
    if rule is None:
        raise KeyError(type(module).__name__)
    return rule(module)
