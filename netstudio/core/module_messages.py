"""The words of NetStudio's own small layers refusing their parameters or input
(`netstudio.core.modules`: Multiply, Permute, StochasticDepth, Function), as message templates
(`netstudio.core.messages`). Shape inference and the compiler put them into the node's problem
("Permute 'p1': dims (0, 2) must order 0 .. 1, …: change its parameters"), so the app shows them
translated and the command line in English.

Fields: shapes, the inputs' shapes ("(2, 3) and (2, 4)"); dims, the Permute's dims as Python
writes a tuple; function, a function name as the person wrote it (torch.add, method:view);
what, a parameter's name (args, kwargs: never translated); numbers as they are.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message, Template

CONTEXT = "Modules"

CANNOT_MULTIPLY = Template(
    "modules.cannot-multiply",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Modules",
        "inputs of shapes {shapes} cannot be multiplied: give them one rank, and each "
        "dimension the same size or 1",
    ),
)
PERMUTE_ORDER = Template(
    "modules.permute-order",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Modules", "dims {dims} must order 0 .. {last}, each once, with 0 (the batch) first"
    ),
)
PERMUTE_RANK = Template(
    "modules.permute-rank",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Modules",
        "dims {dims} order {count} dimensions but the input has {rank} (the batch included): "
        "give one number per dimension",
    ),
)
DROP_SETTINGS = Template(
    "modules.stochastic-depth-settings",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "p must be in [0, 1] and mode 'row' or 'batch', got {p}, {mode}"),
)
INPUT_OUT_OF_RANGE = Template(
    "modules.function-input-out-of-range",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Modules",
        "{function}: an argument refers to input {index}, but there are only {inputs} input(s)",
    ),
)
NOT_ALLOWED = Template(
    "modules.function-not-allowed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Modules",
        "function {function} is not allowed: use a public function of {namespaces} or a tensor "
        "method written 'method:<name>'",
    ),
)
NO_METHOD = Template(
    "modules.no-tensor-method",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "tensors have no method {method}"),
)
NO_FUNCTION = Template(
    "modules.no-function",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "{namespace} has no function {function}"),
)
NOT_JSON = Template(
    "modules.not-json",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "{what} is not valid JSON ({error} at column {column})"),
)
NOT_A_LIST = Template(
    "modules.not-a-json-list", CONTEXT, QT_TRANSLATE_NOOP("Modules", "{what} must be a JSON list")
)
NOT_AN_OBJECT = Template(
    "modules.not-a-json-object",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "{what} must be a JSON object"),
)
BAD_INPUT_SLOT = Template(
    "modules.bad-input-slot",
    CONTEXT,
    QT_TRANSLATE_NOOP("Modules", "{{'$input': {value}}} must name an input by number"),
)
NOT_A_DTYPE = Template(
    "modules.not-a-dtype", CONTEXT, QT_TRANSLATE_NOOP("Modules", "{value} is not a torch dtype")
)


def first_line(error: BaseException) -> str:
    """Why a layer refused, for a node's problem: the first line of the error's text (PyTorch's
    own words), or the error's `Message` itself when it is one line (NetStudio's own layers
    say why in a message the app translates)."""
    said = error.args[0] if len(error.args) == 1 else None
    if isinstance(said, Message) and said.strip() and "\n" not in said:
        return said
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
