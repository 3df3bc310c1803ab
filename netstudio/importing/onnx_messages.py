"""The words of a refused ONNX import, as message templates (see `import_messages`, whose
catalogue context they share).

A refusal of one ONNX node is `NODE` with the reason: a template below when it has fields, else
a phrase marked with ``QT_TRANSLATE_NOOP("ImportMessages", …)`` where it is written
(`OnnxReader.refuse` puts it in). Fields: path, the ONNX file; node, op: the ONNX node's name
and op type (Conv, Gemm: ONNX's own words); values as Python writes them (pads [1, 1, 0, 0]).
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.importing.import_messages import CONTEXT

NEEDS_ONNX = Template(
    "onnx.needs-onnx",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", 'reading ONNX files needs the onnx package: pip install "netstudio[onnx]"'
    ),
)
NOT_VALID = Template(
    "onnx.not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: not a valid ONNX model: {error}"),
)
#: listed: "Gather ×2, Loop ×1"; supported: the op types NetStudio reads.
NO_LAYER_FOR_OPS = Template(
    "onnx.no-layer-for-ops",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: NetStudio has no layer for these ONNX ops: {listed}. Supported: {supported}",
    ),
)
#: names: the inputs' names, or `NONE`.
NOT_ONE_INPUT = Template(
    "onnx.not-one-input",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: NetStudio imports models with one input, this one has {names}"
    ),
)
INPUT_SIZES = Template(
    "onnx.input-sizes",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: input '{name}' has sizes {sizes}; every size but the batch must be fixed",
    ),
)
#: what: `NODE_NAME` or `OUTPUT`.
SEQUENCE_FIRST = Template(
    "onnx.sequence-first",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {what} reads '{name}' with the sequence first (steps, batch, features); "
        "NetStudio's layers take the batch first, so only a recurrent layer or a transpose "
        "back may read it",
    ),
)
NOT_FROM_INPUT = Template(
    "onnx.not-from-input",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages", "{path}: {what} reads '{name}', which is not computed from the input"
    ),
)
NODE_NAME = Template(
    "onnx.node-name", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "'{node}' ({op})")
)
#: The model's output, where a message names what reads a tensor.
OUTPUT = QT_TRANSLATE_NOOP("ImportMessages", "output")
#: One ONNX node refused: why, a phrase or one of the messages below.
NODE = Template(
    "onnx.node",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{path}: ONNX node '{node}' ({op}): {why}"),
)

# Reasons a node is refused (with fields; those without are marked where they are written).
MUST_BE_CONSTANT = Template(
    "onnx.must-be-constant",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "input {index} ('{name}') must be a constant"),
)
PADS_DIFFER = Template(
    "onnx.pads-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "pads {pads} differ at the two ends of an axis"),
)
NOT_GLOBAL_POOLING = Template(
    "onnx.not-global-pooling",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "only the {op} over height and width of (N, C, H, W) is a layer (global pooling); this "
        "one reduces axes {axes} of a rank {rank} tensor",
    ),
)
#: mode: ONNX's padding mode (constant, reflect); value: the fill value.
NOT_ZERO_PADDING = Template(
    "onnx.not-zero-padding",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "only zero padding of height and width of (N, C, H, W) is a layer (ZeroPad2d); this "
        "one is mode {mode}, value {value}, pads {pads}",
    ),
)
TRANSPOSE = Template(
    "onnx.transpose",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a transpose {perm} has no layer; only the swap of batch and steps around a recurrent "
        "layer is read",
    ),
)
WITH_A_CONSTANT = Template(
    "onnx.with-a-constant",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "{op} with a constant is not supported"),
)
#: bounds: "[0, 6]", "[-∞, 1]".
NO_CLIP_LAYER = Template(
    "onnx.no-clip-layer", CONTEXT, QT_TRANSLATE_NOOP("ImportMessages", "no layer clips to {bounds}")
)
#: found: the activations' names in the file; pytorch: PyTorch's (Sigmoid, Tanh).
OTHER_ACTIVATIONS = Template(
    "onnx.other-activations",
    CONTEXT,
    QT_TRANSLATE_NOOP("ImportMessages", "activations {found} differ from PyTorch's {pytorch}"),
)
