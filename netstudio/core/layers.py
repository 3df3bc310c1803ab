"""The built-in layer types. One `LayerSpec` per layer: add a layer by adding an entry here."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from netstudio.core.catalogue import Catalogue, LayerSpec, RankHint, TensorInfo
from netstudio.core.messages import QT_TRANSLATE_NOOP
from netstudio.core.params import (
    MAX_EXTENT,
    MAX_RANK,
    MAX_WIDTH,
    MAX_WINDOW,
    ParamSpec,
    p_bool,
    p_choice,
    p_float,
    p_int,
    p_ints,
)
from netstudio.core.shape_messages import (
    HINT_CHANNELS,
    HINT_FLATTEN,
    HINT_NEEDS,
    HINT_SEQUENCE,
    HINT_SEQUENCE_TOKENS,
    HINT_SPATIAL,
    HINT_UNFLATTEN,
    HINT_USE_OTHER,
)

CATALOGUE = Catalogue()
add = CATALOGUE.register

M = "netstudio.core.modules."


# --- helpers for auto-filled parameters and node subtitles ---------------------------------


def _from_last(name: str):
    def fill(inputs: Sequence[TensorInfo]) -> dict[str, Any]:
        return {name: inputs[0].shape[-1]}

    return fill


def _from_channels(name: str):
    def fill(inputs: Sequence[TensorInfo]) -> dict[str, Any]:
        return {name: inputs[0].shape[1]}

    return fill


def _size(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        if len(set(value)) == 1:
            return str(value[0])
        return "×".join(str(v) for v in value)
    return str(value)


def _kernel(value: Any, rank: int) -> str:
    if isinstance(value, (tuple, list)):
        return "×".join(str(v) for v in value)
    return "×".join([str(value)] * rank)


def _nonzero(value: Any) -> bool:
    if isinstance(value, (tuple, list)):
        return any(v != 0 for v in value)
    return bool(value)


def _not_one(value: Any) -> bool:
    if isinstance(value, (tuple, list)):
        return any(v != 1 for v in value)
    return value != 1


def _conv_summary(rank: int, channels: str = "out_channels"):
    def summary(p: Mapping[str, Any]) -> str:
        parts = [str(p[channels]), _kernel(p["kernel_size"], rank)]
        if _not_one(p.get("stride", 1)):
            parts.append(f"stride {_size(p['stride'])}")
        if _nonzero(p.get("padding", 0)):
            parts.append(f"pad {_size(p['padding'])}")
        return ", ".join(parts)

    return summary


def _pool_summary(rank: int):
    def summary(p: Mapping[str, Any]) -> str:
        parts = [_kernel(p["kernel_size"], rank)]
        if p.get("stride") is not None:
            parts.append(f"stride {_size(p['stride'])}")
        if _nonzero(p.get("padding", 0)):
            parts.append(f"pad {_size(p['padding'])}")
        return ", ".join(parts)

    return summary


# --- parameter counts, worked out before a module is built ---------------------------------
# Shape inference refuses a layer whose count is beyond `shapes.MAX_LAYER_PARAMS` before it
# builds anything, so absurd sizes never reach a constructor (or overflow torch's size maths).


def _n(p: Mapping[str, Any], name: str) -> int:
    """A resolved size; 0 where it is still unknown."""
    value = p.get(name)
    return int(value) if isinstance(value, int) else 0


def _volume(value: Any, rank: int) -> int:
    """Elements of a window: one int stands for every one of `rank` dimensions."""
    if isinstance(value, (tuple, list)):
        return math.prod(int(v) for v in value)
    return int(value or 0) ** rank


def _linear_weights(p: Mapping[str, Any]) -> int:
    out = _n(p, "out_features")
    return _n(p, "in_features") * out + (out if p.get("bias") else 0)


def _conv_weights(rank: int, transposed: bool = False):
    def count(p: Mapping[str, Any]) -> int:
        groups = max(1, _n(p, "groups"))
        c_in, c_out = _n(p, "in_channels"), _n(p, "out_channels")
        per_filter = (c_out if transposed else c_in) // groups
        filters = c_in if transposed else c_out
        bias = c_out if p.get("bias") else 0
        return filters * per_filter * _volume(p.get("kernel_size"), rank) + bias

    return count


def _recurrent_weights(gates: int):
    def count(p: Mapping[str, Any]) -> int:
        hidden, layers = _n(p, "hidden_size"), _n(p, "num_layers")
        directions = 2 if p.get("bidirectional") else 1
        bias = 2 * gates * hidden if p.get("bias") else 0

        def layer(inputs: int) -> int:
            return directions * (gates * hidden * (inputs + hidden) + bias)

        first = layer(_n(p, "input_size"))
        return first + max(0, layers - 1) * layer(hidden * directions)

    return count


def _attention_weights(dim: int, bias: bool) -> int:
    """Query, key, value and output projections."""
    return 4 * dim * dim + (4 * dim if bias else 0)


def _encoder_weights(p: Mapping[str, Any]) -> int:
    d, ff = _n(p, "d_model"), _n(p, "dim_feedforward")
    return _attention_weights(d, True) + 2 * d * ff + ff + d + 4 * d


def _from_input(name: str, doc: str) -> ParamSpec:
    """An input size (`in_features`, `in_channels`, ...): auto, filled from the upstream shape."""
    return p_int(name, None, doc, auto=True, maximum=MAX_EXTENT)


def _ints(name: str, default: Any, doc: str, rank: int, **kw: Any) -> ParamSpec:
    """A per-dimension size: one int for 1-D layers, a tuple of `rank` ints otherwise.

    A window size (kernel, stride, padding, dilation) unless `maximum` says otherwise."""
    kw.setdefault("maximum", MAX_WINDOW)
    if rank == 1:
        return p_int(name, default if not isinstance(default, tuple) else default[0], doc, **kw)
    value = default if isinstance(default, tuple) else (default,) * rank
    return p_ints(name, value, doc, length=rank, **kw)


def _optional_ints(name: str, doc: str, rank: int) -> ParamSpec:
    if rank == 1:
        return p_int(name, None, doc, optional=True, maximum=MAX_WINDOW)
    return p_ints(name, None, doc, length=rank, optional=True, maximum=MAX_WINDOW)


# --- Input / Output --------------------------------------------------------------------------

add(
    LayerSpec(
        "Input",
        "Input/Output",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Where data enters the network; shape is one sample's shape, without the batch "
            "dimension: auto (left empty) follows the data's samples.",
        ),
        params=(
            p_ints(
                "shape",
                None,
                QT_TRANSLATE_NOOP(
                    "Layers",
                    "shape of one sample, e.g. 784 or 3, 32, 32 (no batch dimension); left empty, "
                    "the shape of the data's samples",
                ),
                min_length=1,
                maximum=MAX_EXTENT,
                auto=True,
            ),
            p_choice(
                "dtype",
                "float32",
                ("float32", "int64"),
                QT_TRANSLATE_NOOP(
                    "Layers", "element type: float32 for features and images, int64 for token ids"
                ),
            ),
        ),
        inputs=(),
        role="input",
        input_dtype=None,
        summary=lambda p: (
            ("×".join(str(d) for d in p["shape"]) if p["shape"] is not None else "auto")
            + ("" if p["dtype"] == "float32" else f" {p['dtype']}")
        ),
        short_name="input",
    )
)

add(
    LayerSpec(
        "Output",
        "Input/Output",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Where a result leaves the network; what reaches it is the model's prediction.",
        ),
        outputs=(),
        role="output",
        input_dtype=None,
        short_name="output",
    )
)

# --- Core ------------------------------------------------------------------------------------

add(
    LayerSpec(
        "Linear",
        "Core",
        QT_TRANSLATE_NOOP("Layers", "Fully connected layer: y = xWᵀ + b over the last dimension."),
        params=(
            _from_input(
                "in_features",
                QT_TRANSLATE_NOOP("Layers", "size of each input sample (filled from the input)"),
            ),
            p_int(
                "out_features",
                10,
                QT_TRANSLATE_NOOP("Layers", "size of each output sample (number of units)"),
                maximum=MAX_WIDTH,
            ),
            p_bool("bias", True, QT_TRANSLATE_NOOP("Layers", "learn an additive bias")),
        ),
        module="torch.nn.Linear",
        autofill=_from_last("in_features"),
        input_ranks=(2, 3),
        rank_hint=RankHint(HINT_FLATTEN),
        summary=lambda p: f"{p['out_features']} units" + ("" if p["bias"] else ", no bias"),
        short_name="fc",
        weight_count=_linear_weights,
    )
)

add(
    LayerSpec(
        "Flatten",
        "Core",
        QT_TRANSLATE_NOOP(
            "Layers", "Flattens a range of dimensions into one (by default all but the batch)."
        ),
        params=(
            p_int(
                "start_dim",
                1,
                QT_TRANSLATE_NOOP(
                    "Layers", "first dimension to flatten (1 = the first after the batch)"
                ),
                maximum=MAX_RANK,
            ),
            p_int(
                "end_dim",
                -1,
                QT_TRANSLATE_NOOP("Layers", "last dimension to flatten (-1 = the last)"),
                minimum=-MAX_RANK,
                maximum=MAX_RANK,
            ),
        ),
        module="torch.nn.Flatten",
        input_dtype=None,
    )
)

add(
    LayerSpec(
        "Unflatten",
        "Core",
        QT_TRANSLATE_NOOP("Layers", "Splits one dimension into several, e.g. 784 into 1×28×28."),
        params=(
            p_int(
                "dim",
                1,
                QT_TRANSLATE_NOOP("Layers", "dimension to split (1 = the first after the batch)"),
                maximum=MAX_RANK,
            ),
            p_ints(
                "unflattened_size",
                (1, 28, 28),
                QT_TRANSLATE_NOOP(
                    "Layers", "sizes it is split into; their product must equal its size"
                ),
                min_length=1,
                maximum=MAX_EXTENT,
            ),
        ),
        module="torch.nn.Unflatten",
        input_dtype=None,
        summary=lambda p: "×".join(str(d) for d in p["unflattened_size"]),
    )
)

add(
    LayerSpec(
        "Reshape",
        "Core",
        QT_TRANSLATE_NOOP(
            "Layers", "Gives each sample a new shape with the same number of elements."
        ),
        params=(
            p_ints(
                "shape",
                (-1,),
                QT_TRANSLATE_NOOP(
                    "Layers", "new shape of one sample (no batch dimension); one -1 is inferred"
                ),
                minimum=-1,
                maximum=MAX_EXTENT,
            ),
        ),
        module=M + "Reshape",
        input_dtype=None,
        summary=lambda p: "×".join(str(d) for d in p["shape"]),
    )
)

add(
    LayerSpec(
        "Permute",
        "Core",
        QT_TRANSLATE_NOOP(
            "Layers", "Reorders the dimensions, e.g. 0, 2, 3, 1 moves channels last (N, H, W, C)."
        ),
        params=(
            p_ints(
                "dims",
                (0, 2, 1),
                QT_TRANSLATE_NOOP(
                    "Layers", "new order of the dimensions, the batch (0) first and staying first"
                ),
                min_length=2,
                minimum=0,
                maximum=MAX_RANK,
            ),
        ),
        module=M + "Permute",
        input_dtype=None,
        summary=lambda p: ", ".join(str(d) for d in p["dims"]),
        short_name="permute",
    )
)

add(
    LayerSpec(
        "ZeroPad2d",
        "Core",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Adds borders of zeros around an image (N, C, H, W), e.g. to keep its size through a "
            "window that does not pad.",
        ),
        params=(
            p_ints(
                "padding",
                (1, 1, 1, 1),
                QT_TRANSLATE_NOOP("Layers", "zeros added on the left, right, top and bottom"),
                length=4,
                minimum=0,
                maximum=MAX_WINDOW,
            ),
        ),
        module="torch.nn.ZeroPad2d",
        input_ranks=(4,),
        rank_hint=RankHint(HINT_UNFLATTEN, {"shape": "(N, C, H, W)"}),
        summary=lambda p: f"pad {_size(p['padding'])}",
        short_name="pad",
    )
)

add(
    LayerSpec(
        "Identity",
        "Core",
        QT_TRANSLATE_NOOP(
            "Layers", "Passes its input through unchanged (a placeholder or a branch point)."
        ),
        module="torch.nn.Identity",
        elementwise=True,
        input_dtype=None,
    )
)

add(
    LayerSpec(
        "Embedding",
        "Core",
        QT_TRANSLATE_NOOP("Layers", "Looks up a learned vector for each integer token id."),
        params=(
            p_int(
                "num_embeddings",
                1000,
                QT_TRANSLATE_NOOP("Layers", "vocabulary size: token ids run from 0 to this - 1"),
                maximum=MAX_EXTENT,
            ),
            p_int(
                "embedding_dim",
                64,
                QT_TRANSLATE_NOOP("Layers", "size of each token's vector"),
                maximum=MAX_WIDTH,
            ),
            p_int(
                "padding_idx",
                None,
                QT_TRANSLATE_NOOP(
                    "Layers", "token id whose vector stays zero (none: no padding id)"
                ),
                minimum=0,
                maximum=MAX_EXTENT,
                optional=True,
            ),
        ),
        module="torch.nn.Embedding",
        weight_count=lambda p: _n(p, "num_embeddings") * _n(p, "embedding_dim"),
        input_dtype="long",
        short_name="embed",
        summary=lambda p: f"{p['num_embeddings']} → {p['embedding_dim']}",
    )
)

# --- Convolution -----------------------------------------------------------------------------

for rank in (1, 2, 3):
    add(
        LayerSpec(
            f"Conv{rank}d",
            "Convolution",
            {
                1: QT_TRANSLATE_NOOP(
                    "Layers", "1-D convolution: learned filters slid over a sequence (N, C, L)."
                ),
                2: QT_TRANSLATE_NOOP(
                    "Layers", "2-D convolution: learned filters slid over an image (N, C, H, W)."
                ),
                3: QT_TRANSLATE_NOOP(
                    "Layers",
                    "3-D convolution: learned filters slid over a volume (N, C, D, H, W).",
                ),
            }[rank],
            params=(
                _from_input(
                    "in_channels",
                    QT_TRANSLATE_NOOP("Layers", "channels of the input (filled from the input)"),
                ),
                p_int(
                    "out_channels",
                    16 if rank != 2 else 32,
                    QT_TRANSLATE_NOOP("Layers", "number of filters (output channels)"),
                    maximum=MAX_WIDTH,
                ),
                _ints("kernel_size", 3, QT_TRANSLATE_NOOP("Layers", "size of each filter"), rank),
                _ints(
                    "stride", 1, QT_TRANSLATE_NOOP("Layers", "step between filter positions"), rank
                ),
                _ints(
                    "padding",
                    0,
                    QT_TRANSLATE_NOOP("Layers", "zeros added on each side"),
                    rank,
                    minimum=0,
                ),
                _ints(
                    "dilation", 1, QT_TRANSLATE_NOOP("Layers", "spacing between filter taps"), rank
                ),
                p_int(
                    "groups",
                    1,
                    QT_TRANSLATE_NOOP(
                        "Layers", "split channels into groups (in and out channels must divide)"
                    ),
                    maximum=MAX_WIDTH,
                ),
                p_bool(
                    "bias", True, QT_TRANSLATE_NOOP("Layers", "learn an additive bias per filter")
                ),
                p_choice(
                    "padding_mode",
                    "zeros",
                    ("zeros", "reflect", "replicate", "circular"),
                    QT_TRANSLATE_NOOP("Layers", "how the border is padded"),
                ),
            ),
            module=f"torch.nn.Conv{rank}d",
            weight_count=_conv_weights(rank),
            autofill=_from_channels("in_channels"),
            input_ranks=(rank + 2,),
            rank_hint=RankHint(
                HINT_CHANNELS, {"shape": ("(N, C, L)", "(N, C, H, W)", "(N, C, D, H, W)")[rank - 1]}
            ),
            summary=_conv_summary(rank),
            short_name="conv",
        )
    )

add(
    LayerSpec(
        "ConvTranspose2d",
        "Convolution",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Transposed 2-D convolution ('deconvolution'): learned upsampling of an image.",
        ),
        params=(
            _from_input(
                "in_channels",
                QT_TRANSLATE_NOOP("Layers", "channels of the input (filled from the input)"),
            ),
            p_int(
                "out_channels",
                16,
                QT_TRANSLATE_NOOP("Layers", "number of filters (output channels)"),
                maximum=MAX_WIDTH,
            ),
            _ints("kernel_size", 2, QT_TRANSLATE_NOOP("Layers", "size of each filter"), 2),
            _ints("stride", 2, QT_TRANSLATE_NOOP("Layers", "upsampling step"), 2),
            _ints(
                "padding",
                0,
                QT_TRANSLATE_NOOP("Layers", "removed from each side of the output"),
                2,
                minimum=0,
            ),
            _ints(
                "output_padding",
                0,
                QT_TRANSLATE_NOOP("Layers", "extra size added to one side of the output"),
                2,
                minimum=0,
            ),
            p_int(
                "groups",
                1,
                QT_TRANSLATE_NOOP("Layers", "split channels into groups"),
                maximum=MAX_WIDTH,
            ),
            p_bool("bias", True, QT_TRANSLATE_NOOP("Layers", "learn an additive bias per filter")),
            _ints("dilation", 1, QT_TRANSLATE_NOOP("Layers", "spacing between filter taps"), 2),
        ),
        module="torch.nn.ConvTranspose2d",
        weight_count=_conv_weights(2, transposed=True),
        autofill=_from_channels("in_channels"),
        input_ranks=(4,),
        rank_hint=RankHint(HINT_UNFLATTEN, {"shape": "(N, C, H, W)"}),
        summary=_conv_summary(2),
        short_name="deconv",
    )
)

# --- Pooling ---------------------------------------------------------------------------------

_POOL_DOCS = {
    ("Max", 1): QT_TRANSLATE_NOOP(
        "Layers", "Takes the largest value of each window of a sequence."
    ),
    ("Avg", 1): QT_TRANSLATE_NOOP("Layers", "Takes the average of each window of a sequence."),
    ("Max", 2): QT_TRANSLATE_NOOP("Layers", "Takes the largest value of each window of an image."),
    ("Avg", 2): QT_TRANSLATE_NOOP("Layers", "Takes the average of each window of an image."),
}

for rank in (1, 2):
    shape = "(N, C, L)" if rank == 1 else "(N, C, H, W)"
    for kind in ("Max", "Avg"):
        add(
            LayerSpec(
                f"{kind}Pool{rank}d",
                "Pooling",
                _POOL_DOCS[kind, rank],
                params=(
                    _ints("kernel_size", 2, QT_TRANSLATE_NOOP("Layers", "window size"), rank),
                    _optional_ints(
                        "stride",
                        QT_TRANSLATE_NOOP("Layers", "step between windows (none: the window size)"),
                        rank,
                    ),
                    _ints(
                        "padding",
                        0,
                        QT_TRANSLATE_NOOP(
                            "Layers", "padding on each side (at most half the window)"
                        ),
                        rank,
                        minimum=0,
                    ),
                    p_bool(
                        "ceil_mode",
                        False,
                        QT_TRANSLATE_NOOP("Layers", "round the output size up instead of down"),
                    ),
                ),
                module=f"torch.nn.{kind}Pool{rank}d",
                input_ranks=(rank + 2,),
                rank_hint=RankHint(HINT_UNFLATTEN, {"shape": shape}),
                summary=_pool_summary(rank),
                short_name=f"{kind.lower()}pool",
            )
        )

add(
    LayerSpec(
        "AdaptiveAvgPool2d",
        "Pooling",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Averages each channel down to a fixed output size, whatever the input size (global pooling).",
        ),
        params=(
            p_ints(
                "output_size",
                (1, 1),
                QT_TRANSLATE_NOOP("Layers", "height and width of the output"),
                length=2,
                maximum=MAX_EXTENT,
            ),
        ),
        module="torch.nn.AdaptiveAvgPool2d",
        input_ranks=(4,),
        rank_hint=RankHint(HINT_NEEDS, {"shape": "(N, C, H, W)"}),
        summary=lambda p: "×".join(str(v) for v in p["output_size"]),
        short_name="gap",
    )
)

add(
    LayerSpec(
        "AdaptiveMaxPool2d",
        "Pooling",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Takes the largest value of each channel over windows that give a fixed output size, "
            "whatever the input size (global max pooling).",
        ),
        params=(
            p_ints(
                "output_size",
                (1, 1),
                QT_TRANSLATE_NOOP("Layers", "height and width of the output"),
                length=2,
                maximum=MAX_EXTENT,
            ),
        ),
        module="torch.nn.AdaptiveMaxPool2d",
        input_ranks=(4,),
        rank_hint=RankHint(HINT_NEEDS, {"shape": "(N, C, H, W)"}),
        summary=lambda p: "×".join(str(v) for v in p["output_size"]),
        short_name="gmp",
    )
)

add(
    LayerSpec(
        "Upsample",
        "Pooling",
        QT_TRANSLATE_NOOP("Layers", "Enlarges a sequence, image or volume by a scale factor."),
        params=(
            p_float(
                "scale_factor",
                2.0,
                QT_TRANSLATE_NOOP("Layers", "how many times larger"),
                minimum=0.01,
                maximum=1024,
            ),
            p_choice(
                "mode",
                "nearest",
                ("nearest", "linear", "bilinear", "bicubic", "trilinear"),
                QT_TRANSLATE_NOOP(
                    "Layers", "interpolation (linear: 1-D, bilinear/bicubic: 2-D, trilinear: 3-D)"
                ),
            ),
        ),
        module="torch.nn.Upsample",
        input_ranks=(3, 4, 5),
        rank_hint=RankHint(HINT_SPATIAL),
        summary=lambda p: f"×{p['scale_factor']:g}, {p['mode']}",
        short_name="up",
    )
)

# --- Normalization ---------------------------------------------------------------------------

for rank, ranks, shape in ((1, (2, 3), "(N, C) or (N, C, L)"), (2, (4,), "(N, C, H, W)")):
    add(
        LayerSpec(
            f"BatchNorm{rank}d",
            "Normalization",
            QT_TRANSLATE_NOOP(
                "Layers", "Normalises each channel over the batch, then scales and shifts it."
            ),
            params=(
                _from_input(
                    "num_features", QT_TRANSLATE_NOOP("Layers", "channels (filled from the input)")
                ),
                p_float(
                    "eps",
                    1e-5,
                    QT_TRANSLATE_NOOP("Layers", "added to the variance for stability"),
                    minimum=0,
                    maximum=1,
                ),
                p_float(
                    "momentum",
                    0.1,
                    QT_TRANSLATE_NOOP(
                        "Layers", "weight of the newest batch in the running statistics"
                    ),
                    minimum=0,
                    maximum=1,
                ),
                p_bool("affine", True, QT_TRANSLATE_NOOP("Layers", "learn a scale and shift")),
                p_bool(
                    "track_running_stats",
                    True,
                    QT_TRANSLATE_NOOP("Layers", "keep running statistics for evaluation"),
                ),
            ),
            module=f"torch.nn.BatchNorm{rank}d",
            autofill=_from_channels("num_features"),
            input_ranks=ranks,
            rank_hint=RankHint(HINT_NEEDS, {"shape": shape}),
            short_name="bn",
        )
    )

add(
    LayerSpec(
        "LayerNorm",
        "Normalization",
        QT_TRANSLATE_NOOP("Layers", "Normalises each sample over its last dimension."),
        params=(
            p_ints(
                "normalized_shape",
                None,
                QT_TRANSLATE_NOOP(
                    "Layers", "trailing dimensions to normalise (filled from the input)"
                ),
                optional=True,
                maximum=MAX_EXTENT,
            ),
            p_float(
                "eps",
                1e-5,
                QT_TRANSLATE_NOOP("Layers", "added to the variance for stability"),
                minimum=0,
                maximum=1,
            ),
            p_bool(
                "elementwise_affine", True, QT_TRANSLATE_NOOP("Layers", "learn a scale and shift")
            ),
        ),
        module="torch.nn.LayerNorm",
        weight_count=lambda p: (
            2 * _volume(p.get("normalized_shape") or (), 1) if p.get("elementwise_affine") else 0
        ),
        autofill=lambda inputs: {"normalized_shape": (inputs[0].shape[-1],)},
        short_name="ln",
    )
)

add(
    LayerSpec(
        "LayerNorm2d",
        "Normalization",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Normalises each pixel of an image (N, C, H, W) over its channels: LayerNorm for images.",
        ),
        params=(
            _from_input(
                "num_channels", QT_TRANSLATE_NOOP("Layers", "channels (filled from the input)")
            ),
            p_float(
                "eps",
                1e-6,
                QT_TRANSLATE_NOOP("Layers", "added to the variance for stability"),
                minimum=0,
                maximum=1,
            ),
            p_bool(
                "elementwise_affine",
                True,
                QT_TRANSLATE_NOOP("Layers", "learn a scale and shift per channel"),
            ),
        ),
        module=M + "LayerNorm2d",
        autofill=_from_channels("num_channels"),
        input_ranks=(4,),
        rank_hint=RankHint(HINT_USE_OTHER, {"shape": "(N, C, H, W)", "other": "LayerNorm"}),
        short_name="ln2d",
    )
)

add(
    LayerSpec(
        "GroupNorm",
        "Normalization",
        QT_TRANSLATE_NOOP("Layers", "Normalises groups of channels of each sample."),
        params=(
            p_int(
                "num_groups",
                8,
                QT_TRANSLATE_NOOP("Layers", "number of groups; must divide the channels"),
                maximum=MAX_WIDTH,
            ),
            _from_input(
                "num_channels", QT_TRANSLATE_NOOP("Layers", "channels (filled from the input)")
            ),
            p_float(
                "eps",
                1e-5,
                QT_TRANSLATE_NOOP("Layers", "added to the variance for stability"),
                minimum=0,
                maximum=1,
            ),
            p_bool(
                "affine", True, QT_TRANSLATE_NOOP("Layers", "learn a scale and shift per channel")
            ),
        ),
        module="torch.nn.GroupNorm",
        autofill=_from_channels("num_channels"),
        input_ranks=(2, 3, 4, 5),
        rank_hint=RankHint(HINT_NEEDS, {"shape": "(N, C, ...)"}),
        summary=lambda p: f"{p['num_groups']} groups",
        short_name="gn",
    )
)

# --- Activation ------------------------------------------------------------------------------

add(
    LayerSpec(
        "ReLU",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "max(0, x)."),
        module="torch.nn.ReLU",
        short_name="relu",
        elementwise=True,
    )
)
add(
    LayerSpec(
        "LeakyReLU",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x for x > 0, slope·x otherwise."),
        params=(
            p_float(
                "negative_slope",
                0.01,
                QT_TRANSLATE_NOOP("Layers", "slope for negative inputs"),
                minimum=0,
                maximum=1000,
            ),
        ),
        module="torch.nn.LeakyReLU",
        elementwise=True,
        summary=lambda p: f"slope {p['negative_slope']:g}",
        short_name="lrelu",
    )
)
add(
    LayerSpec(
        "ELU",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x for x > 0, alpha·(exp(x) − 1) otherwise."),
        params=(
            p_float(
                "alpha",
                1.0,
                QT_TRANSLATE_NOOP("Layers", "value approached for large negative inputs"),
                minimum=0,
                maximum=1000,
            ),
        ),
        module="torch.nn.ELU",
        elementwise=True,
        short_name="elu",
    )
)
add(
    LayerSpec(
        "GELU",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "Gaussian error linear unit, as in transformers."),
        params=(
            p_choice(
                "approximate",
                "none",
                ("none", "tanh"),
                QT_TRANSLATE_NOOP("Layers", "exact, or the tanh approximation"),
            ),
        ),
        module="torch.nn.GELU",
        elementwise=True,
        short_name="gelu",
    )
)
add(
    LayerSpec(
        "SiLU",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x·sigmoid(x) (swish)."),
        module="torch.nn.SiLU",
        short_name="silu",
        elementwise=True,
    )
)
add(
    LayerSpec(
        "Sigmoid",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "1 / (1 + exp(−x)): squashes into (0, 1)."),
        module="torch.nn.Sigmoid",
        elementwise=True,
        short_name="sigmoid",
    )
)
add(
    LayerSpec(
        "Tanh",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "Hyperbolic tangent: squashes into (−1, 1)."),
        module="torch.nn.Tanh",
        elementwise=True,
        short_name="tanh",
    )
)
add(
    LayerSpec(
        "ReLU6",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "min(max(0, x), 6): a ReLU capped at 6 (MobileNet)."),
        module="torch.nn.ReLU6",
        elementwise=True,
        short_name="relu6",
    )
)
add(
    LayerSpec(
        "Hardtanh",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x clipped to [min_val, max_val]."),
        params=(
            p_float(
                "min_val",
                -1.0,
                QT_TRANSLATE_NOOP("Layers", "lower bound of the output"),
                minimum=-1e6,
                maximum=1e6,
            ),
            p_float(
                "max_val",
                1.0,
                QT_TRANSLATE_NOOP("Layers", "upper bound of the output (above min_val)"),
                minimum=-1e6,
                maximum=1e6,
            ),
        ),
        module="torch.nn.Hardtanh",
        elementwise=True,
        summary=lambda p: f"[{p['min_val']:g}, {p['max_val']:g}]",
        short_name="hardtanh",
    )
)
add(
    LayerSpec(
        "Hardswish",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x·ReLU6(x + 3) / 6: a cheap swish (MobileNetV3)."),
        module="torch.nn.Hardswish",
        elementwise=True,
        short_name="hardswish",
    )
)
add(
    LayerSpec(
        "Hardsigmoid",
        "Activation",
        QT_TRANSLATE_NOOP(
            "Layers", "ReLU6(x + 3) / 6: a cheap sigmoid, into [0, 1] (MobileNetV3's gates)."
        ),
        module="torch.nn.Hardsigmoid",
        elementwise=True,
        short_name="hardsigmoid",
    )
)
add(
    LayerSpec(
        "Mish",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "x·tanh(softplus(x)): a smooth ReLU."),
        module="torch.nn.Mish",
        elementwise=True,
        short_name="mish",
    )
)
add(
    LayerSpec(
        "Softplus",
        "Activation",
        QT_TRANSLATE_NOOP("Layers", "log(1 + exp(beta·x)) / beta: a smooth ReLU, always positive."),
        params=(
            p_float(
                "beta",
                1.0,
                QT_TRANSLATE_NOOP("Layers", "sharpness of the bend at 0"),
                minimum=1e-6,
                maximum=1e6,
            ),
            p_float(
                "threshold",
                20.0,
                QT_TRANSLATE_NOOP(
                    "Layers", "above this beta·x the output is x (for numerical stability)"
                ),
                minimum=0,
                maximum=1e6,
            ),
        ),
        module="torch.nn.Softplus",
        elementwise=True,
        summary=lambda p: "" if p["beta"] == 1 else f"beta {p['beta']:g}",
        short_name="softplus",
    )
)
add(
    LayerSpec(
        "PReLU",
        "Activation",
        QT_TRANSLATE_NOOP(
            "Layers",
            "x for x > 0, a·x otherwise, with the slope a learned (one, or one per channel).",
        ),
        params=(
            p_int(
                "num_parameters",
                1,
                QT_TRANSLATE_NOOP(
                    "Layers",
                    "learned slopes: 1 shared by all, or the number of channels (dimension 1)",
                ),
                maximum=MAX_WIDTH,
            ),
            p_float(
                "init",
                0.25,
                QT_TRANSLATE_NOOP("Layers", "starting value of the slopes"),
                minimum=-1000,
                maximum=1000,
            ),
        ),
        module="torch.nn.PReLU",
        summary=lambda p: f"{p['num_parameters']} slopes" if p["num_parameters"] > 1 else "",
        short_name="prelu",
    )
)
for name, doc in (
    (
        "Softmax",
        QT_TRANSLATE_NOOP("Layers", "Turns scores into probabilities that sum to 1 along dim."),
    ),
    (
        "LogSoftmax",
        QT_TRANSLATE_NOOP("Layers", "Logarithm of softmax along dim (pair it with NLL loss)."),
    ),
):
    add(
        LayerSpec(
            name,
            "Activation",
            doc,
            params=(
                p_int(
                    "dim",
                    -1,
                    QT_TRANSLATE_NOOP("Layers", "dimension that sums to 1 (-1 = the last)"),
                    minimum=-MAX_RANK,
                    maximum=MAX_RANK,
                ),
            ),
            module=f"torch.nn.{name}",
            summary=lambda p: f"dim {p['dim']}",
            short_name=name.lower(),
        )
    )

# --- Regularization --------------------------------------------------------------------------

add(
    LayerSpec(
        "Dropout",
        "Regularization",
        QT_TRANSLATE_NOOP("Layers", "While training, zeroes each element with probability p."),
        params=(
            p_float(
                "p",
                0.5,
                QT_TRANSLATE_NOOP("Layers", "probability of zeroing an element"),
                minimum=0,
                maximum=1,
            ),
        ),
        module="torch.nn.Dropout",
        elementwise=True,
        summary=lambda p: f"p={p['p']:g}",
        short_name="drop",
    )
)
add(
    LayerSpec(
        "Dropout2d",
        "Regularization",
        QT_TRANSLATE_NOOP("Layers", "While training, zeroes whole channels with probability p."),
        params=(
            p_float(
                "p",
                0.5,
                QT_TRANSLATE_NOOP("Layers", "probability of zeroing a channel"),
                minimum=0,
                maximum=1,
            ),
        ),
        module="torch.nn.Dropout2d",
        input_ranks=(4,),
        rank_hint=RankHint(HINT_USE_OTHER, {"shape": "(N, C, H, W)", "other": "Dropout"}),
        summary=lambda p: f"p={p['p']:g}",
        short_name="drop2d",
    )
)

add(
    LayerSpec(
        "StochasticDepth",
        "Regularization",
        QT_TRANSLATE_NOOP(
            "Layers",
            "While training, drops a residual branch with probability p, for each sample (row) or "
            "the whole batch; put it on the branch before the Add (as EfficientNet does).",
        ),
        params=(
            p_float(
                "p",
                0.2,
                QT_TRANSLATE_NOOP("Layers", "probability of dropping the branch"),
                minimum=0,
                maximum=1,
            ),
            p_choice(
                "mode",
                "row",
                ("row", "batch"),
                QT_TRANSLATE_NOOP(
                    "Layers", "row: a draw per sample; batch: one draw for the whole batch"
                ),
            ),
        ),
        module=M + "StochasticDepth",
        elementwise=True,
        summary=lambda p: f"p={p['p']:g}" + ("" if p["mode"] == "row" else ", batch"),
        short_name="sdepth",
    )
)

# --- Recurrent -------------------------------------------------------------------------------

#: Stacked layers of a recurrent layer. Shape inference runs each of them on the meta device
#: (some milliseconds a layer), so this bound also bounds the time one edit takes to check.
MAX_RECURRENT_LAYERS = 128


def _recurrent(cell: str):
    def build(p: Mapping[str, Any]):
        from netstudio.core.modules import Recurrent

        kwargs = dict(p)
        output = kwargs.pop("output")
        return Recurrent(cell, output, **kwargs)

    return build


_RECURRENT_DOCS = {
    "RNN": QT_TRANSLATE_NOOP(
        "Layers",
        "Elman recurrent layer over a sequence (N, L, features); passes on the whole sequence "
        "or the last step.",
    ),
    "LSTM": QT_TRANSLATE_NOOP(
        "Layers",
        "Long short-term memory layer over a sequence (N, L, features); passes on the whole "
        "sequence or the last step.",
    ),
    "GRU": QT_TRANSLATE_NOOP(
        "Layers",
        "Gated recurrent unit layer over a sequence (N, L, features); passes on the whole "
        "sequence or the last step.",
    ),
}

for cell, doc in _RECURRENT_DOCS.items():
    extra = (
        (
            p_choice(
                "nonlinearity",
                "tanh",
                ("tanh", "relu"),
                QT_TRANSLATE_NOOP("Layers", "activation of the cell"),
            ),
        )
        if cell == "RNN"
        else ()
    )
    add(
        LayerSpec(
            cell,
            "Recurrent",
            doc,
            params=(
                _from_input(
                    "input_size",
                    QT_TRANSLATE_NOOP("Layers", "features per step (filled from the input)"),
                ),
                p_int(
                    "hidden_size",
                    64,
                    QT_TRANSLATE_NOOP("Layers", "features of the hidden state"),
                    maximum=MAX_WIDTH,
                ),
                p_int(
                    "num_layers",
                    1,
                    QT_TRANSLATE_NOOP("Layers", "stacked layers"),
                    maximum=MAX_RECURRENT_LAYERS,
                ),
                *extra,
                p_bool("bias", True, QT_TRANSLATE_NOOP("Layers", "learn biases")),
                p_float(
                    "dropout",
                    0.0,
                    QT_TRANSLATE_NOOP("Layers", "dropout between stacked layers"),
                    minimum=0,
                    maximum=1,
                ),
                p_bool(
                    "bidirectional",
                    False,
                    QT_TRANSLATE_NOOP(
                        "Layers", "also read the sequence backwards (doubles features)"
                    ),
                ),
                p_choice(
                    "output",
                    "sequence",
                    ("sequence", "last"),
                    QT_TRANSLATE_NOOP(
                        "Layers", "pass on every step (N, L, H) or only the last (N, H)"
                    ),
                ),
            ),
            build=_recurrent(cell),
            weight_count=_recurrent_weights({"RNN": 1, "LSTM": 4, "GRU": 3}[cell]),
            stepwise=True,
            autofill=_from_last("input_size"),
            input_ranks=(3,),
            rank_hint=RankHint(HINT_SEQUENCE),
            summary=lambda p: (
                f"{p['hidden_size']}"
                + (f"×{p['num_layers']}" if p["num_layers"] > 1 else "")
                + f", {p['output']}"
            ),
            short_name=cell.lower(),
        )
    )

# --- Attention -------------------------------------------------------------------------------

add(
    LayerSpec(
        "MultiheadAttention",
        "Attention",
        QT_TRANSLATE_NOOP("Layers", "Multi-head self-attention over a sequence (N, L, embed_dim)."),
        params=(
            _from_input(
                "embed_dim",
                QT_TRANSLATE_NOOP("Layers", "features per step (filled from the input)"),
            ),
            p_int(
                "num_heads",
                4,
                QT_TRANSLATE_NOOP("Layers", "attention heads; must divide embed_dim"),
                maximum=MAX_WIDTH,
            ),
            p_float(
                "dropout",
                0.0,
                QT_TRANSLATE_NOOP("Layers", "dropout on attention weights"),
                minimum=0,
                maximum=1,
            ),
            p_bool("bias", True, QT_TRANSLATE_NOOP("Layers", "learn projection biases")),
        ),
        module=M + "SelfAttention",
        weight_count=lambda p: _attention_weights(_n(p, "embed_dim"), bool(p.get("bias"))),
        autofill=_from_last("embed_dim"),
        input_ranks=(3,),
        rank_hint=RankHint(HINT_SEQUENCE_TOKENS),
        summary=lambda p: f"{p['num_heads']} heads",
        short_name="attn",
    )
)

add(
    LayerSpec(
        "TransformerEncoderLayer",
        "Attention",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Self-attention plus a feed-forward block, each with a residual and layer norm.",
        ),
        params=(
            _from_input(
                "d_model", QT_TRANSLATE_NOOP("Layers", "features per step (filled from the input)")
            ),
            p_int(
                "nhead",
                4,
                QT_TRANSLATE_NOOP("Layers", "attention heads; must divide d_model"),
                maximum=MAX_WIDTH,
            ),
            p_int(
                "dim_feedforward",
                256,
                QT_TRANSLATE_NOOP("Layers", "hidden size of the feed-forward block"),
                maximum=MAX_WIDTH,
            ),
            p_float(
                "dropout", 0.1, QT_TRANSLATE_NOOP("Layers", "dropout rate"), minimum=0, maximum=1
            ),
            p_choice(
                "activation",
                "relu",
                ("relu", "gelu"),
                QT_TRANSLATE_NOOP("Layers", "feed-forward activation"),
            ),
            p_bool(
                "norm_first",
                False,
                QT_TRANSLATE_NOOP("Layers", "normalise before attention (pre-LN), not after"),
            ),
        ),
        module="torch.nn.TransformerEncoderLayer",
        weight_count=_encoder_weights,
        fixed={"batch_first": True},
        autofill=_from_last("d_model"),
        input_ranks=(3,),
        rank_hint=RankHint(HINT_SEQUENCE_TOKENS),
        summary=lambda p: f"{p['nhead']} heads, ff {p['dim_feedforward']}",
        short_name="encoder",
    )
)

# --- Merge -----------------------------------------------------------------------------------

_INPUTS = p_int(
    "inputs", 2, QT_TRANSLATE_NOOP("Layers", "number of inputs joined"), minimum=2, maximum=16
)

add(
    LayerSpec(
        "Add",
        "Merge",
        QT_TRANSLATE_NOOP(
            "Layers", "Element-wise sum of its inputs (a residual connection); shapes must match."
        ),
        params=(_INPUTS,),
        module=M + "Add",
        variadic=True,
        same_input_shapes=True,
        input_dtype=None,
        short_name="add",
    )
)
add(
    LayerSpec(
        "Concat",
        "Merge",
        QT_TRANSLATE_NOOP(
            "Layers", "Joins its inputs along a dimension; the other dimensions must match."
        ),
        params=(
            _INPUTS,
            p_int(
                "dim",
                1,
                QT_TRANSLATE_NOOP("Layers", "dimension to join along (1 = channels or features)"),
                minimum=-MAX_RANK,
                maximum=MAX_RANK,
            ),
        ),
        module=M + "Concat",
        variadic=True,
        input_dtype=None,
        summary=lambda p: f"dim {p['dim']}",
        short_name="concat",
    )
)
add(
    LayerSpec(
        "Multiply",
        "Merge",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Element-wise product of its inputs (gating): one rank, each dimension the same size "
            "or 1, so a (N, C, 1, 1) gate scales each channel (squeeze-and-excitation).",
        ),
        params=(_INPUTS,),
        module=M + "Multiply",
        variadic=True,
        input_dtype=None,
        short_name="mul",
    )
)

# --- Generic ---------------------------------------------------------------------------------


def _function_summary(p: Mapping[str, Any]) -> str:
    name = str(p["function"]).removeprefix("method:").rpartition(".")[2]
    return name + ("" if p["item"] is None else f"[{p['item']}]")


add(
    LayerSpec(
        "Function",
        "Generic",
        QT_TRANSLATE_NOOP(
            "Layers",
            "Calls one torch function or tensor method on its inputs (an imported functional op "
            "with no layer of its own); constant arguments are JSON.",
        ),
        params=(
            ParamSpec(
                "function",
                "str",
                "torch.nn.functional.relu",
                QT_TRANSLATE_NOOP(
                    "Layers",
                    "torch.*, torch.nn.functional.*, operator.* function, or method:<name> for a "
                    "tensor method (method:mean)",
                ),
            ),
            p_int(
                "inputs",
                1,
                QT_TRANSLATE_NOOP("Layers", "number of wired tensor inputs"),
                maximum=64,
            ),
            ParamSpec(
                "args",
                "str",
                "[]",
                QT_TRANSLATE_NOOP(
                    "Layers",
                    'positional arguments as a JSON list; {"$input": 0} is the first input '
                    "(without any, the inputs come first)",
                ),
            ),
            ParamSpec(
                "kwargs",
                "str",
                "{}",
                QT_TRANSLATE_NOOP("Layers", "keyword arguments as a JSON object"),
            ),
            p_int(
                "item",
                None,
                QT_TRANSLATE_NOOP(
                    "Layers", "element of a tuple result to pass on (none: the whole result)"
                ),
                minimum=0,
                maximum=MAX_WINDOW,
                optional=True,
            ),
        ),
        module=M + "FunctionCall",
        variadic=True,
        input_dtype=None,
        summary=_function_summary,
        short_name="fn",
    )
)

# A Block stands for another network of the project (netstudio.core.blocks).
from netstudio.core.blocks import BLOCK_SPEC  # noqa: E402

add(BLOCK_SPEC)

# --- Words shown beside the catalogue's data, marked for the translators ---------------------
# Every word a person reads about a layer is in the "Layers" context of the layers catalogue
# (netstudio/translations/<language>/layers.ts); the GUI shows them with
# QCoreApplication.translate("Layers", text). Layer type names (Conv2d, ReLU) are PyTorch's own
# identifiers and are not translated.

#: The palette's categories (`netstudio.core.catalogue.CATEGORIES`).
CATEGORY_NAMES = (
    QT_TRANSLATE_NOOP("Layers", "Input/Output"),
    QT_TRANSLATE_NOOP("Layers", "Core"),
    QT_TRANSLATE_NOOP("Layers", "Convolution"),
    QT_TRANSLATE_NOOP("Layers", "Pooling"),
    QT_TRANSLATE_NOOP("Layers", "Normalization"),
    QT_TRANSLATE_NOOP("Layers", "Activation"),
    QT_TRANSLATE_NOOP("Layers", "Regularization"),
    QT_TRANSLATE_NOOP("Layers", "Recurrent"),
    QT_TRANSLATE_NOOP("Layers", "Attention"),
    QT_TRANSLATE_NOOP("Layers", "Merge"),
    QT_TRANSLATE_NOOP("Layers", "Generic"),
)

#: The Block's doc and parameter docs (`netstudio.core.blocks.BLOCK_SPEC`), kept with the
#: rest of the catalogue's words.
BLOCK_TEXTS = (
    QT_TRANSLATE_NOOP(
        "Layers",
        "Another network of the project used as one layer, its copies chained one after the "
        "other: its inputs are that network's Input nodes, its outputs its Output nodes.",
    ),
    QT_TRANSLATE_NOOP("Layers", "the network of this project the block stands for"),
    QT_TRANSLATE_NOOP(
        "Layers", "how many copies of the network to chain (each copy feeds the next)"
    ),
)

#: The parameters' labels as the Inspector shows them (`ParamSpec.display_name`, capitalised):
#: a parameter's name is PyTorch's keyword (``out_features``), its label words a person reads,
#: so the label is translated and the name stays (a test holds this list to the catalogue).
PARAM_LABELS = (
    QT_TRANSLATE_NOOP("Layers", "Shape"),
    QT_TRANSLATE_NOOP("Layers", "Dtype"),
    QT_TRANSLATE_NOOP("Layers", "In features"),
    QT_TRANSLATE_NOOP("Layers", "Out features"),
    QT_TRANSLATE_NOOP("Layers", "Bias"),
    QT_TRANSLATE_NOOP("Layers", "Start dim"),
    QT_TRANSLATE_NOOP("Layers", "End dim"),
    QT_TRANSLATE_NOOP("Layers", "Dim"),
    QT_TRANSLATE_NOOP("Layers", "Unflattened size"),
    QT_TRANSLATE_NOOP("Layers", "Dims"),
    QT_TRANSLATE_NOOP("Layers", "Padding"),
    QT_TRANSLATE_NOOP("Layers", "Num embeddings"),
    QT_TRANSLATE_NOOP("Layers", "Embedding dim"),
    QT_TRANSLATE_NOOP("Layers", "Padding idx"),
    QT_TRANSLATE_NOOP("Layers", "In channels"),
    QT_TRANSLATE_NOOP("Layers", "Out channels"),
    QT_TRANSLATE_NOOP("Layers", "Kernel size"),
    QT_TRANSLATE_NOOP("Layers", "Stride"),
    QT_TRANSLATE_NOOP("Layers", "Dilation"),
    QT_TRANSLATE_NOOP("Layers", "Groups"),
    QT_TRANSLATE_NOOP("Layers", "Padding mode"),
    QT_TRANSLATE_NOOP("Layers", "Output padding"),
    QT_TRANSLATE_NOOP("Layers", "Ceil mode"),
    QT_TRANSLATE_NOOP("Layers", "Output size"),
    QT_TRANSLATE_NOOP("Layers", "Scale factor"),
    QT_TRANSLATE_NOOP("Layers", "Mode"),
    QT_TRANSLATE_NOOP("Layers", "Num features"),
    QT_TRANSLATE_NOOP("Layers", "Eps"),
    QT_TRANSLATE_NOOP("Layers", "Momentum"),
    QT_TRANSLATE_NOOP("Layers", "Affine"),
    QT_TRANSLATE_NOOP("Layers", "Track running stats"),
    QT_TRANSLATE_NOOP("Layers", "Normalized shape"),
    QT_TRANSLATE_NOOP("Layers", "Elementwise affine"),
    QT_TRANSLATE_NOOP("Layers", "Num channels"),
    QT_TRANSLATE_NOOP("Layers", "Num groups"),
    QT_TRANSLATE_NOOP("Layers", "Negative slope"),
    QT_TRANSLATE_NOOP("Layers", "Alpha"),
    QT_TRANSLATE_NOOP("Layers", "Approximate"),
    QT_TRANSLATE_NOOP("Layers", "Min val"),
    QT_TRANSLATE_NOOP("Layers", "Max val"),
    QT_TRANSLATE_NOOP("Layers", "Beta"),
    QT_TRANSLATE_NOOP("Layers", "Threshold"),
    QT_TRANSLATE_NOOP("Layers", "Num parameters"),
    QT_TRANSLATE_NOOP("Layers", "Init"),
    QT_TRANSLATE_NOOP("Layers", "P"),
    QT_TRANSLATE_NOOP("Layers", "Input size"),
    QT_TRANSLATE_NOOP("Layers", "Hidden size"),
    QT_TRANSLATE_NOOP("Layers", "Num layers"),
    QT_TRANSLATE_NOOP("Layers", "Nonlinearity"),
    QT_TRANSLATE_NOOP("Layers", "Dropout"),
    QT_TRANSLATE_NOOP("Layers", "Bidirectional"),
    QT_TRANSLATE_NOOP("Layers", "Output"),
    QT_TRANSLATE_NOOP("Layers", "Embed dim"),
    QT_TRANSLATE_NOOP("Layers", "Num heads"),
    QT_TRANSLATE_NOOP("Layers", "D model"),
    QT_TRANSLATE_NOOP("Layers", "Nhead"),
    QT_TRANSLATE_NOOP("Layers", "Dim feedforward"),
    QT_TRANSLATE_NOOP("Layers", "Activation"),
    QT_TRANSLATE_NOOP("Layers", "Norm first"),
    QT_TRANSLATE_NOOP("Layers", "Inputs"),
    QT_TRANSLATE_NOOP("Layers", "Function"),
    QT_TRANSLATE_NOOP("Layers", "Args"),
    QT_TRANSLATE_NOOP("Layers", "Kwargs"),
    QT_TRANSLATE_NOOP("Layers", "Item"),
    QT_TRANSLATE_NOOP("Layers", "Network"),
    QT_TRANSLATE_NOOP("Layers", "Repeat"),
)
