"""The words of a failed export (`ExportError`), as message templates
(`netstudio.core.messages`): the command line prints the English, File ▸ Export… shows them
translated (`netstudio.gui.i18n.translated`).

An `ExportError` holds its `Message` as its one argument, so ``str(error)`` is the English and
``error.args[0]`` the message to translate. Fields: path, file, weights, folder: file paths
(the person's data, never translated); node, a node's label ("Linear 'fc1'"); error, the first
line of an error behind it (PyTorch's, ONNX's or the system's own words, put in as they are);
problems, the lines of a network's problems (`problem_lines`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message, Template

CONTEXT = "ExportMessages"

NOT_VALID = Template(
    "export.not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "the network is not valid, so it cannot be exported; fix these first:\n{problems}",
    ),
)
#: One problem of the network: where (a node id, or "graph") and what.
PROBLEM_LINE = Template(
    "export.problem-line", CONTEXT, QT_TRANSLATE_NOOP("ExportMessages", "{where}: {message}")
)
#: Two lines, one under the other: how a list of problems is put together.
LINES = Template("export.lines", CONTEXT, QT_TRANSLATE_NOOP("ExportMessages", "{first}\n{rest}"))
UNKNOWN_FORMAT = Template(
    "export.unknown-format",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "unknown export format {format}: choose one of {formats}"),
)
TRAINING_ONLY_PYTHON = Template(
    "export.training-only-python",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "only the python format can hold the training code"),
)
NO_WEIGHTS_FILE = Template(
    "export.weights-not-found",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "weights file {weights} not found"),
)
CANNOT_WRITE = Template(
    "export.cannot-write",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "cannot write {path}: {error}"),
)
PT2_FIXED_BATCH = Template(
    "export.pt2-fixed-batch",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "PyTorch 2 export failed: the network runs only with a fixed batch size, and a .pt2 "
        "file takes any: find the layer argument that holds the batch size (a Function's "
        "shape, say) and make it -1",
    ),
)
PT2_FAILED = Template(
    "export.pt2-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "PyTorch 2 export failed: {error}"),
)
TRACING_FAILED = Template(
    "export.torchscript-tracing-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "TorchScript tracing failed: {error}"),
)
TORCHSCRIPT_FAILED = Template(
    "export.torchscript-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "TorchScript export failed: {error}"),
)
ONNX_NEEDS_PACKAGE = Template(
    "export.onnx-needs-onnxscript",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        'ONNX export needs the onnxscript package: pip install "netstudio[onnx]"',
    ),
)
ONNX_NEEDS_PACKAGE_BECAUSE = Template(
    "export.onnx-needs-onnxscript-because",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        'ONNX export needs the onnxscript package: pip install "netstudio[onnx]" ({error})',
    ),
)
ONNX_FAILED = Template(
    "export.onnx-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "ONNX export failed: {error}"),
)
ONNX_CHECKER = Template(
    "export.onnx-checker",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages", "the exported ONNX model does not pass onnx.checker: {error}"
    ),
)
#: what: the format's name ("PyTorch 2", "TorchScript").
OTHER_OUTPUTS = Template(
    "export.other-outputs",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "the {what} model gives other outputs than the network"),
)

# The Python code.
COPIES_DIFFER = Template(
    "export.copies-differ",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "{node}: its copies are built from different lists of values, which the exported "
        "class cannot take as arguments; export it as TorchScript or ONNX instead",
    ),
)
#: layer: a PyTorch class (Conv2d); error: `NOT_A_LITERAL`.
NOT_CODE = Template(
    "export.not-code",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "{node}: its {layer} is built from values that cannot be written as Python code "
        "({error}); export it as TorchScript or ONNX instead",
    ),
)
#: value: as Python writes it; kind: its Python type (Tensor).
NOT_A_LITERAL = Template(
    "export.not-a-literal",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "{value} ({kind}) cannot be written as a literal"),
)
NOT_BUILT = Template(
    "export.not-built",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "{layer} was not built by its layer's build function"),
)
TWO_DEFINITIONS = Template(
    "export.two-definitions",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages", "two different definitions named {name} would be written to one file"
    ),
)
TWO_MODULES = Template(
    "export.two-modules",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages", "two different modules named {name} would be written to one file"
    ),
)
WHOLE_MODULE = Template(
    "export.whole-module",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "{module} uses the module {used} as a whole; only its functions and classes can be "
        "copied into an exported file",
    ),
)
NOT_A_TEMPLATE = Template(
    "export.not-a-template",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "{name} is not a message template; only its templates can be copied into an exported file",
    ),
)
NETWORK_CLASS_TAKEN = Template(
    "export.network-class-taken",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "the network's class would be named {name}, like another definition the exported file "
        "needs: rename that network (or the project)",
    ),
)
BLOCK_CLASS_TAKEN = Template(
    "export.block-class-taken",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "a block network's class would be named {name}, like another definition the exported "
        "file needs: rename that network (or the project)",
    ),
)
WEIGHTS_DO_NOT_FIT = Template(
    "export.weights-do-not-fit",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "the weights do not fit the exported class"),
)
#: detail: where Python stopped reading ("line 3: invalid syntax"), Python's own words.
WOULD_NOT_RUN = Template(
    "export.would-not-run",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "the Python code written for {file} would not run ({detail}), so nothing was written: "
        "please report this as a NetStudio bug, with the project",
    ),
)
AT_LINE = Template(
    "export.at-line", CONTEXT, QT_TRANSLATE_NOOP("ExportMessages", "line {line}: {error}")
)

# The training script.
ONE_INPUT_ONE_OUTPUT = Template(
    "export.one-input-one-output",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "a training script needs a network with exactly one Input and one Output",
    ),
)
#: where: the setting's path (optimizer.lr); error: pydantic's words.
SETTINGS_NOT_VALID = Template(
    "export.settings-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "the project's settings are not valid: {where}: {error}"),
)
#: source: the data source's id as Python writes it ('csv'); supported: their ids.
SOURCE_NOT_WRITABLE = Template(
    "export.source-not-writable",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "ExportMessages",
        "the data source {source} cannot be written into a training script (supported: "
        "{supported}); export the network without its training code and load the data yourself",
    ),
)
DATA_NOT_VALID = Template(
    "export.data-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("ExportMessages", "the project's data settings are not valid: {error}"),
)


def problem_lines(problems: Iterable[Any]) -> Message | str:
    """The problems of a network (core `Problem`s), one ``where: message`` line each, as one
    message whose lines are translated with it; "" when there are none."""
    lines = [PROBLEM_LINE(where=p.where, message=p.message) for p in problems]
    if not lines:
        return ""
    joined = lines[-1]
    for line in reversed(lines[:-1]):
        joined = LINES(first=line, rest=joined)
    return joined


def reason(error: BaseException) -> Any:
    """What `error` says, as the argument of a message: its `Message` when it holds one (so
    it is translated with the message that holds it), else its text."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)
