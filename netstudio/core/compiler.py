"""The compiler: a `NetworkGraph` made into a `torch.fx.GraphModule` that trains like hand-written code.

Each layer node becomes a real torch module, registered under the node's name made into an
identifier, and a `torch.fx.Graph` is built directly from the wires: one placeholder per Input
node, one ``call_module`` per layer, and the Output nodes' tensors returned. fx turns that graph
into ordinary Python source, so the generated `forward` reads like a hand-written one
(``fc1 = self.fc1(input1); relu1 = self.relu1(fc1)``) and costs the same to run: nothing is
interpreted per call.

``gm.meta["netstudio"]`` keeps which node each submodule came from, so the trainer can name the
node at fault when a layer fails at run time (`node_for_module`, `node_for_error`).
"""

from __future__ import annotations

import builtins
import functools
import keyword
import linecache
import operator
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from netstudio.core.blocks import BLOCK
from netstudio.core.errors import GraphError
from netstudio.core.graph import NetworkGraph, Node, python_name
from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.core.module_messages import first_line
from netstudio.core.shape_messages import MODULE_REFUSED
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import Problem, errors, validate

if TYPE_CHECKING:
    from torch import fx, nn

#: Key of the compiler's record in ``GraphModule.meta``.
META_KEY = "netstudio"

#: Names the generated code imports or defines itself (torch.fx ``_custom_builtins``).
_FX_GLOBALS = frozenset(
    {"torch", "inf", "nan", "NoneType", "device", "fx_pytree", "pytree", "math"}
)

#: A submodule call in generated code: ``self.fc1(`` or, for a block's copy,
#: ``getattr(self.stage1, "0")(``.
_CALL_RE = re.compile(r"\bself\.(\w+)\(|getattr\(self\.(\w+), ")


#: The compiler's words (`netstudio.core.messages`): node is the node's label ("Linear 'fc1'").
NO_INPUT = Template(
    "compile.no-input", "Compiler", QT_TRANSLATE_NOOP("Compiler", "{node} gets no input")
)
IN_BLOCK_COPY = Template(
    "compile.in-block-copy",
    "Compiler",
    QT_TRANSLATE_NOOP("Compiler", "block '{block}' (copy {copy}): {problem}"),
)
EMPTY_INPUT = Template(
    "compile.empty-input",
    "Compiler",
    QT_TRANSLATE_NOOP("Compiler", "input '{port}' of {node} is empty"),
)
NOT_COMPILABLE = Template(
    "compile.not-compilable",
    "Compiler",
    QT_TRANSLATE_NOOP("Compiler", "the graph cannot be compiled"),
)


class CompileError(GraphError):
    """The graph cannot become a module; `problems` holds every error found.

    The message has one line per error, ``<node-id>: <message>`` (``graph`` for problems of the
    whole network), and `node_id` is the node of the first error.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = errors(problems)
        first = self.problems[0].node_id if self.problems else None
        text = "\n".join(f"{p.where}: {p.message}" for p in self.problems)
        super().__init__(text or NOT_COMPILABLE(), first)


def compile_graph(
    graph: NetworkGraph, inference: ShapeInference | None = None, *, class_name: str = "Net"
) -> fx.GraphModule:
    """Build a `GraphModule` with fresh weights (on the CPU) from `graph`.

    The forward takes one tensor per Input node, in `graph.inputs()` order, and returns the
    tensor of the single Output node, or a tuple in `graph.outputs()` order when there are
    several. Layers whose result reaches no Output are left out. Raises CompileError when
    `validate()` finds an error.
    """
    own = inference is None
    if inference is None:
        inference = ShapeInference(graph)
    try:
        return _compile(graph, inference, class_name)
    finally:
        if own:
            inference.close()


def node_for_module(gm: fx.GraphModule, qualified_name: str) -> str | None:
    """The id of the node whose layer is the submodule `qualified_name` (``fc1``, ``lstm1.rnn``)."""
    modules = gm.meta.get(META_KEY, {}).get("modules", {})
    return modules.get(qualified_name.split(".", 1)[0])


def node_for_error(gm: fx.GraphModule, error: BaseException) -> str | None:
    """The id of the node whose layer was running in `gm`'s forward when `error` was raised.

    Reads the traceback: the innermost frame of `gm`'s generated forward, and the submodule that
    its current line calls. None when the error did not come from inside a layer of `gm`.
    """
    found = None
    tb = error.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "forward" and frame.f_locals.get("self") is gm:
            line = linecache.getline(frame.f_code.co_filename, tb.tb_lineno)
            match = _CALL_RE.search(line)
            found = node_for_module(gm, match.group(1) or match.group(2)) if match else found
        tb = tb.tb_next
    return found


# --- the work ----------------------------------------------------------------------------------


def _compile(graph: NetworkGraph, inference: ShapeInference, class_name: str) -> fx.GraphModule:
    import torch
    from torch import fx, nn

    problems = errors(validate(graph, inference))
    if problems:
        raise CompileError(problems)
    order = [graph.node(node_id) for node_id in graph.topological_order()]
    inputs, outputs = graph.inputs(), graph.outputs()
    used = _leading_to(graph, outputs)
    problems = [
        Problem("error", node.id, inference.info(node.id).error or NO_INPUT(node=node.label))
        for node in order
        if node.spec.role == "layer" and node.id in used and not inference.info(node.id).ok
    ]
    if problems:  # validate() should have said so; never build a module from a guess
        raise CompileError(problems)

    root = nn.Module()
    fx_graph = fx.Graph()
    names = _Names()
    values: dict[tuple[str, str], fx.Node] = {}
    modules: dict[str, str] = {}
    for node in inputs:
        values[(node.id, "out")] = fx_graph.placeholder(names.claim(node.name), torch.Tensor)
    for node in order:
        if node.spec.role != "layer" or node.id not in used:
            continue
        attr = names.claim(node.name)
        modules[attr] = node.id
        args = tuple(values[_source(graph, node, port)] for port in node.input_ports)
        if node.type_id == BLOCK:
            outs = _call_block(node, inference, root, fx_graph, names, attr, args)
            values.update(
                ((node.id, port), out) for port, out in zip(node.output_ports, outs, strict=True)
            )
            continue
        root.add_module(attr, _create_module(node, inference.info(node.id).resolved))
        call = fx_graph.create_node("call_module", attr, args, name=attr)
        ports = node.output_ports
        if len(ports) == 1:
            values[(node.id, ports[0])] = call
        else:  # a layer with several output ports returns a tuple, one item per port
            for i, port in enumerate(ports):
                name = names.claim(f"{node.name}_{port}")
                values[(node.id, port)] = fx_graph.create_node(
                    "call_function", operator.getitem, (call, i), name=name
                )
    results = [values[_source(graph, node, node.input_ports[0])] for node in outputs]
    fx_graph.output(results[0] if len(results) == 1 else tuple(results))
    fx_graph.lint()

    gm = fx.GraphModule(root, fx_graph, class_name=class_name)
    gm.meta[META_KEY] = {
        "modules": modules,
        "inputs": [node.id for node in inputs],
        "outputs": [node.id for node in outputs],
    }
    return gm


def _call_block(
    node: Node,
    inference: ShapeInference,
    root: nn.Module,
    fx_graph: fx.Graph,
    names: _Names,
    attr: str,
    args: tuple[fx.Node, ...],
) -> tuple[fx.Node, ...]:
    """Register Block `node`'s copies under `attr` (``stage1.0``, ``stage1.1`` ..., each a
    `GraphModule` of the block's network, compiled with that copy's shapes) and call them one
    after the other in `fx_graph`; returns the last copy's outputs, one per output port."""
    from torch import nn

    info = inference.info(node.id)
    network = node.params["network"]
    copies = nn.ModuleList()
    root.add_module(attr, copies)
    values = args
    for k, analysis in enumerate(info.copies):
        inner = analysis.graph
        try:
            copy = _compile(inner, analysis, _class_name(network))
        except CompileError as error:  # validate() saw none: say which block and copy anyway
            raise CompileError(
                [
                    Problem(
                        "error",
                        node.id,
                        IN_BLOCK_COPY(block=node.name, copy=k + 1, problem=p.message),
                    )
                    for p in error.problems
                ]
            ) from error
        copies.append(copy)
        call = fx_graph.create_node(
            "call_module", f"{attr}.{k}", values, name=names.claim(f"{attr}_{k}")
        )
        count = len(inner.outputs())
        if count == 1:
            values = (call,)
        else:
            values = tuple(
                fx_graph.create_node(
                    "call_function",
                    operator.getitem,
                    (call, i),
                    name=names.claim(f"{attr}_{k}_{i}"),
                )
                for i in range(count)
            )
    return values


def _class_name(network: str) -> str:
    """The class name of a block's module: the network's name in CamelCase (``res_block``
    gives ``ResBlock``)."""
    return "".join(part[:1].upper() + part[1:] for part in network.split("_") if part) or "Block"


def _create_module(node: Node, resolved: dict[str, Any]) -> nn.Module:
    import torch

    try:
        with torch.device("cpu"):
            return node.spec.create_module(resolved)
    except Exception as error:
        reason = first_line(error)
        raise CompileError(
            [Problem("error", node.id, MODULE_REFUSED(node=node.label, reason=reason))]
        ) from error


def _source(graph: NetworkGraph, node: Node, port: str) -> tuple[str, str]:
    edge = graph.edge_into(node.id, port)
    if edge is None:  # validate() reports unwired ports; this guards a changed validate()
        raise CompileError([Problem("error", node.id, EMPTY_INPUT(port=port, node=node.label))])
    return edge.src, edge.src_port


def _leading_to(graph: NetworkGraph, outputs: Iterable[Node]) -> set[str]:
    """Ids of the Output nodes and every node whose result reaches one of them."""
    import networkx as nx

    used: set[str] = set()
    for node in outputs:
        used |= {node.id, *nx.ancestors(graph.nx_graph, node.id)}
    return used


class _Names:
    """Identifiers for submodules and fx values, unique in one generated module.

    Each is ASCII (`python_name` folds ``ﬁ`` to ``fi``), so it is the same identifier after
    Python's NFKC normalisation of the generated source: nodes ``ﬁ`` and ``fi`` get ``fi`` and
    ``fi_2``, never one attribute for both. A name that clashes with a `GraphModule` attribute, a
    builtin or a global of the generated code gets a trailing ``_``; a name taken already gets
    ``_2``, ``_3`` ...
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        reserved = _reserved()
        base = python_name(name)
        if base in reserved:
            base += "_"
        candidate, i = base, 2
        while candidate in self._taken or candidate in reserved:
            candidate, i = f"{base}_{i}", i + 1
        self._taken.add(candidate)
        return candidate


@functools.cache
def _reserved() -> frozenset[str]:
    from torch import fx, nn

    instance = fx.GraphModule(nn.Module(), fx.Graph())
    return frozenset(
        {*dir(fx.GraphModule), *vars(instance), *dir(builtins), *keyword.kwlist, *_FX_GLOBALS}
    )
