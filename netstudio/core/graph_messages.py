"""The words of the graph's refusals (`netstudio.core.graph`: a wire, a node id, a position the
graph will not take) and of the layer catalogue's (an unknown layer type), as message templates
(`netstudio.core.messages`): the command line and a file's problems keep the English, the
canvas and the Problems panel show them translated.

Fields: source, target, node, the node's label ("Linear 'fc1'"); source_name, target_name and
wired_from, node names (the person's data); id, a node id; port, a port name; ports, the node's
port names joined with ", " (or the phrase `NO_PORTS`); edge, a wire written
"a.out → b.in"; type, a layer type as Python writes it ('Lineer'); close, the nearest known
type id.
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Phrase, Template

CONTEXT = "Graph"

#: The ports of a node that has none, in "(inputs: none)".
NO_PORTS = Phrase(CONTEXT, QT_TRANSLATE_NOOP("Graph", "none"))

NO_NODE = Template("graph.no-node", CONTEXT, QT_TRANSLATE_NOOP("Graph", "there is no node '{id}'"))
NO_NODE_NAMED = Template(
    "graph.no-node-named", CONTEXT, QT_TRANSLATE_NOOP("Graph", "there is no node named '{name}'")
)
HAS_CYCLE = Template(
    "graph.has-cycle", CONTEXT, QT_TRANSLATE_NOOP("Graph", "the graph has a cycle")
)
NO_ITEM = Template(
    "graph.no-node-or-wire", CONTEXT, QT_TRANSLATE_NOOP("Graph", "there is no node or wire {item}")
)
ID_TAKEN = Template(
    "graph.id-taken", CONTEXT, QT_TRANSLATE_NOOP("Graph", "a node with id '{id}' already exists")
)
BAD_ID = Template(
    "graph.bad-id",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Graph",
        "node id '{id}' may hold only letters, digits, '_', '-' and '.', "
        "and must start with a letter or '_'",
    ),
)
NO_OUTPUT_PORT = Template(
    "graph.no-output-port",
    CONTEXT,
    QT_TRANSLATE_NOOP("Graph", "{node} has no output port '{port}' (outputs: {ports})"),
)
NO_INPUT_PORT = Template(
    "graph.no-input-port",
    CONTEXT,
    QT_TRANSLATE_NOOP("Graph", "{node} has no input port '{port}' (inputs: {ports})"),
)
FEEDS_ITSELF = Template(
    "graph.feeds-itself", CONTEXT, QT_TRANSLATE_NOOP("Graph", "{node} cannot feed itself")
)
PORT_IN_USE = Template(
    "graph.port-in-use",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Graph",
        "input '{port}' of {node} is already wired from '{wired_from}': remove that wire first",
    ),
)
MAKES_CYCLE = Template(
    "graph.makes-cycle",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Graph",
        "wiring {source} into {target} would make a cycle: "
        "'{target_name}' already feeds '{source_name}'",
    ),
)
NO_WIRE = Template("graph.no-wire", CONTEXT, QT_TRANSLATE_NOOP("Graph", "there is no wire {edge}"))
NOT_FINITE_POINT = Template(
    "graph.position-not-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP("Graph", "position ({x}, {y}) is not a finite point"),
)
UNKNOWN_LAYER = Template(
    "graph.unknown-layer-type",
    CONTEXT,
    QT_TRANSLATE_NOOP("Graph", "unknown layer type {type}"),
)
UNKNOWN_LAYER_CLOSE = Template(
    "graph.unknown-layer-type-close",
    CONTEXT,
    QT_TRANSLATE_NOOP("Graph", "unknown layer type {type}; did you mean '{close}'?"),
)


def ports(names: tuple[str, ...]) -> str:
    """A node's port names for a message: "in1, in2", or the phrase "none"."""
    return ", ".join(names) or NO_PORTS
