"""The words of shape inference's errors (shown on a node, in Problems, by `netstudio check`),
as message templates (`netstudio.core.messages`): the command line prints the English, the app
shows them translated.

Fields: node, the node's label ("Linear 'fc1'"); name, its name; shapes and tensors as
`TensorInfo` writes them ("(N, 64, 8, 8)"); error, the first line of PyTorch's own error
(never translated); counts written with thousands separators.
"""

from __future__ import annotations

from collections.abc import Sequence

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message, Template

CONTEXT = "Shapes"

CANNOT_TAKE_INPUT = Template(
    "shapes.cannot-take-input",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "{node} cannot take input {input}: {error}"),
)
PARAM_CLASH = Template(
    "shapes.parameter-clash",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} has {name} = {given} but its input gives {value}: clear {name} to fill it from "
        "the input, or change the layer before",
    ),
)
MODULE_REFUSED = Template(
    "shapes.module-refused",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "{node}: {reason}: change its parameters"),
)
CANNOT_TAKE = Template(
    "shapes.cannot-take-inputs",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} cannot take input {inputs}: {error}; change its parameters or the layers before it",
    ),
)
BATCH_DIMENSION = Template(
    "shapes.batch-dimension",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} changes the batch dimension: a layer must act on each sample separately; change "
        "its parameters (dimension 0 is the batch)",
    ),
)
INPUT_SHAPE_CLASH = Template(
    "shapes.input-shape-clash",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} has the shape {shape} but gets {feed}: clear its shape to take what arrives, or "
        "change the layers before it",
    ),
)
SHAPE_UNKNOWN = Template(
    "shapes.data-shape-unknown",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} takes its shape from the data, and the shape of the data's samples is not known: "
        "fix the data settings, or set the shape",
    ),
)
EXPECTS_RANK = Template(
    "shapes.expects-rank",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "{node} expects {ranks} input, got {got}"),
)
EXPECTS_RANK_HINT = Template(
    "shapes.expects-rank-hint",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "{node} expects {ranks} input, got {got}: {hint}"),
)
#: "2-D, 3-D or 4-D": first, the ranks but the last joined with ", ".
RANKS_OR = Template("shapes.ranks-or", CONTEXT, QT_TRANSLATE_NOOP("Shapes", "{first} or {last}"))
#: "(N, 4) and (N, 5)": two shapes (or more, nested).
SHAPES_AND = Template(
    "shapes.shapes-and", CONTEXT, QT_TRANSLATE_NOOP("Shapes", "{first} and {second}")
)
NEEDS_ONE_SHAPE = Template(
    "shapes.needs-one-shape",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} needs inputs of one shape, got {shapes}: make the branches end in the same shape "
        "(e.g. a Linear or 1×1 Conv2d on one branch), or use Concat",
    ),
)
NEEDS_FLOAT = Template(
    "shapes.needs-float",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} needs floating-point input but gets {dtype} token ids: insert an Embedding before "
        "'{name}', or set the Input's dtype to float32",
    ),
)
NEEDS_LONG = Template(
    "shapes.needs-token-ids",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} needs integer token ids but gets {dtype}: set the Input's dtype to int64",
    ),
)
TOO_BIG = Template(
    "shapes.too-many-parameters",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "{node} would have {count} parameters ({gib} GiB as float32), more than the {most} one "
        "layer may have: make its sizes smaller",
    ),
)

# What to do when a layer gets input of the wrong rank: the layer catalogue's `rank_hint`s
# (`netstudio.core.catalogue.RankHint`), with {name} the node's name, {shape} a shape such as
# "(N, C, H, W)" and {other} a layer type.
HINT_FLATTEN = Template(
    "shapes.hint-flatten",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "insert a Flatten before '{name}'"),
)
HINT_CHANNELS = Template(
    "shapes.hint-channels",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "'{name}' needs {shape} input: set the Input shape to include channels, or insert an "
        "Unflatten or Reshape before it",
    ),
)
HINT_UNFLATTEN = Template(
    "shapes.hint-unflatten",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes", "'{name}' needs {shape} input: insert an Unflatten or Reshape before it"
    ),
)
HINT_SPATIAL = Template(
    "shapes.hint-spatial",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "'{name}' needs (N, C, ...) input with 1 to 3 spatial dimensions"),
)
HINT_NEEDS = Template(
    "shapes.hint-needs", CONTEXT, QT_TRANSLATE_NOOP("Shapes", "'{name}' needs {shape} input")
)
HINT_USE_OTHER = Template(
    "shapes.hint-use-other",
    CONTEXT,
    QT_TRANSLATE_NOOP("Shapes", "'{name}' needs {shape} input: use {other} for other shapes"),
)
HINT_SEQUENCE = Template(
    "shapes.hint-sequence",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes", "'{name}' needs a sequence (N, L, features): insert a Reshape before it"
    ),
)
HINT_SEQUENCE_TOKENS = Template(
    "shapes.hint-sequence-tokens",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Shapes",
        "'{name}' needs a sequence (N, L, features): insert a Reshape or Embedding before it",
    ),
)


def either(first: str, last: str) -> Message:
    """ "2-D or 3-D" from "2-D" and "3-D"."""
    return RANKS_OR(first=first, last=last)


def both(shapes: Sequence[str]) -> str:
    """ "(N, 4) and (N, 5) and (N, 6)": the shapes joined."""
    text: str = shapes[0]
    for shape in shapes[1:]:
        text = SHAPES_AND(first=text, second=shape)
    return text
