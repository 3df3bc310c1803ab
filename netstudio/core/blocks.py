"""Blocks: a network of the project used as one node of another, repeated N times.

A project holds named networks (`Library`); a Block node names one of them (``network``) and
how many copies to chain (``repeat``). Its input ports are that network's Input nodes and its
output ports its Output nodes (by node id, in file order), so wiring a block is wiring the
network it stands for. Every network of a project shares the project's `Library`
(`NetworkGraph.library`), so shape inference, validation and the compiler find a block's
network from the graph alone: the trainer, exporter and CLI need no extra argument.

A Block is analysed copy after copy (`infer_block`), each copy an incremental
`ShapeInference` of its network kept alive between updates (`BlockCopies`); what the
network's wiring alone decides is checked once per revision of it (`Library.structure`).

The checks that make blocks safe live here: a network name is a word (`network_name_problem`),
and a block never uses itself, directly or through another block (`block_cycle`,
`refuse_block`), which would make its shapes and its module infinite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from netstudio.core import block_messages as words
from netstudio.core.catalogue import LayerSpec
from netstudio.core.events import Event
from netstudio.core.params import ParamSpec, p_int

if TYPE_CHECKING:
    from torch import nn

    from netstudio.core.catalogue import TensorInfo
    from netstudio.core.graph import NetworkGraph, Node
    from netstudio.core.shapes import NodeInfo, ShapeInference
    from netstudio.core.validation import Structure

#: The type id of a Block node.
BLOCK = "Block"

#: The most copies one Block chains.
MAX_REPEAT = 64

#: The most characters of a network name.
MAX_NAME = 64

_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

#: A block's ports while its network is unknown: one in, one out, like most layers, so a file
#: that names a missing network still reads and `check` says what is wrong.
UNRESOLVED_PORTS: tuple[tuple[str, ...], tuple[str, ...]] = (("in",), ("out",))


def network_name_problem(name: Any) -> str | None:
    """What is wrong with `name` as a network name, or None when it is a good one.

    A name is a word of ASCII letters, digits and ``_`` that does not start with a digit (like
    ``stage1``): it names a tab, a block's network and, in exported code, a class.
    """
    if not isinstance(name, str):
        return words.NAME_NOT_TEXT()
    if not name:
        return words.NAME_EMPTY()
    if len(name) > MAX_NAME:
        return words.NAME_TOO_LONG(most=MAX_NAME)
    if not _NAME_RE.match(name):
        return words.NAME_NOT_A_WORD()
    return None


def _block_summary(params: Mapping[str, Any]) -> str:
    network = params.get("network") or "?"
    repeat = params.get("repeat", 1)
    return f"{network} ×{repeat}" if repeat != 1 else str(network)


def _not_a_module(params: Mapping[str, Any]) -> nn.Module:
    raise TypeError(
        f"a Block of '{params.get('network')}' is built by the compiler from its network"
    )


BLOCK_SPEC = LayerSpec(
    BLOCK,
    "Generic",
    "Another network of the project used as one layer, its copies chained one after the "
    "other: its inputs are that network's Input nodes, its outputs its Output nodes.",
    params=(
        ParamSpec("network", "str", "", "the network of this project the block stands for"),
        p_int(
            "repeat",
            1,
            "how many copies of the network to chain (each copy feeds the next)",
            maximum=MAX_REPEAT,
        ),
    ),
    build=_not_a_module,
    input_dtype=None,
    summary=_block_summary,
    short_name="block",
)


def block_ports(
    node: Node, library: Mapping[str, NetworkGraph] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (input, output) ports of a Block node: the ids of its network's Input and Output
    nodes, in file order; `UNRESOLVED_PORTS` while `library` has no such network."""
    inner = library.get(node.params.get("network", "")) if library is not None else None
    if inner is None:
        return UNRESOLVED_PORTS
    inputs: list[str] = []
    outputs: list[str] = []
    for inner_node in inner.nodes():
        role = inner_node.spec.role
        if role == "input":
            inputs.append(inner_node.id)
        elif role == "output":
            outputs.append(inner_node.id)
    return tuple(inputs), tuple(outputs)


def used_networks(graph: NetworkGraph) -> list[str]:
    """The names of the networks `graph`'s Block nodes use directly, once each, in node order."""
    return list(
        dict.fromkeys(node.params["network"] for node in graph.nodes() if node.type_id == BLOCK)
    )


def block_cycle(library: Mapping[str, NetworkGraph], start: str) -> list[str] | None:
    """A loop of networks through blocks that `start` is on (``[start, ..., start]``), or None.

    Only `start`'s own loops count: a network that merely uses a looping network is reported
    where the loop is, not everywhere above it.
    """
    path = [start]
    on_path = {start}
    done: set[str] = set()

    def visit(name: str) -> list[str] | None:
        graph = library.get(name)
        if graph is None:
            return None
        for used in used_networks(graph):
            if used == start:
                return [*path, start]
            if used in on_path or used in done or used not in library:
                continue
            path.append(used)
            on_path.add(used)
            found = visit(used)
            if found is not None:
                return found
            path.pop()
            on_path.discard(used)
            done.add(used)
        return None

    return visit(start)


def refuse_block(library: Mapping[str, NetworkGraph], into: str, network: str) -> str | None:
    """Why a Block of `network` may not be placed in the network `into`, or None when it may.

    What the app asks before it makes a block: a network cannot use itself, and cannot use a
    network that uses it (its shapes and module would never end).
    """
    if network not in library:
        return words.NO_SUCH_NETWORK(network=network)
    if network == into:
        return words.USES_ITSELF(into=into)
    seen: set[str] = set()
    stack = [network]
    while stack:
        name = stack.pop()
        if name in seen or name not in library:
            continue
        seen.add(name)
        for used in used_networks(library[name]):
            if used == into:
                return words.ALREADY_USES(network=network, into=into)
            stack.append(used)
    return None


class Library(MutableMapping[str, "NetworkGraph"]):
    """The named networks of one project, in file order: what its Block nodes resolve against.

    Adding a network makes it share this library (`NetworkGraph.library`). `changed(name)` is
    announced when a network's nodes, wires, parameters or names change, or a network comes
    or goes, so a view that shows blocks of it can analyse them again; `revision(name)`
    counts those changes (moves on the canvas are not changes of a network's meaning).
    """

    def __init__(self, networks: Mapping[str, NetworkGraph] | None = None) -> None:
        self._networks: dict[str, NetworkGraph] = {}
        self._handlers: dict[str, list[tuple[Event, Any]]] = {}
        self._revisions: dict[str, int] = {}
        self._counter = 0
        #: `structure` by network name, with the revisions it was found at.
        self._structures: dict[str, tuple[tuple[tuple[str, int], ...], Structure]] = {}
        self.changed = Event("changed")
        for name, graph in (networks or {}).items():
            self[name] = graph

    def __getitem__(self, name: str) -> NetworkGraph:
        return self._networks[name]

    def __setitem__(self, name: str, graph: NetworkGraph) -> None:
        problem = network_name_problem(name)
        if problem is not None:
            raise ValueError(words.NAME_REFUSED(problem=problem, name=repr(name)))
        if name in self._networks:
            self._unsubscribe(name)
        self._networks[name] = graph
        graph.library = self
        handler = self._handler(name)
        events = graph.events
        pairs = [
            (event, handler)
            for event in (
                events.node_added,
                events.node_removed,
                events.edge_added,
                events.edge_removed,
                events.params_changed,
                events.renamed,
                events.cleared,
            )
        ]
        for event, _ in pairs:
            event.connect(handler)
        self._handlers[name] = pairs
        self._bump(name)

    def __delitem__(self, name: str) -> None:
        graph = self._networks.pop(name)
        self._unsubscribe(name)
        if graph.library is self:
            graph.library = None
        self._bump(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._networks)

    def __len__(self) -> int:
        return len(self._networks)

    def __repr__(self) -> str:
        return f"Library({', '.join(self._networks)})"

    def revision(self, name: str) -> int:
        """A number that changes whenever the network `name` changes (see class docstring)."""
        return self._revisions.get(name, 0)

    def structure(self, name: str) -> Structure:
        """`validation.network_structure` of the network `name`, found again only after it,
        or a network it uses through blocks (whose ports its Block nodes have), changed: what
        every copy of every Block of it shares."""
        from netstudio.core.validation import network_structure

        key = tuple((used, self.revision(used)) for used in networks_from(self, name))
        known = self._structures.get(name)
        if known is None or known[0] != key:
            known = key, network_structure(self._networks[name])
            self._structures[name] = known
        return known[1]

    def _handler(self, name: str) -> Any:
        def on_change(*_: Any) -> None:
            self._bump(name)

        return on_change

    def _unsubscribe(self, name: str) -> None:
        for event, handler in self._handlers.pop(name, []):
            event.disconnect(handler)

    def _bump(self, name: str) -> None:
        self._counter += 1
        self._revisions[name] = self._counter
        self.changed.emit(name)


def reached_networks(library: Mapping[str, NetworkGraph], node: Node) -> list[str]:
    """The networks a Block node reaches: its own, and every one used in those through
    blocks, each once (a loop is followed once round)."""
    return networks_from(library, node.params.get("network", ""))


def networks_from(library: Mapping[str, NetworkGraph], name: str) -> list[str]:
    """The network `name` and every one it uses through blocks, at any depth, each once."""
    seen: dict[str, None] = {}
    stack = [name]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen[name] = None
        graph = library.get(name)
        if graph is not None:
            stack.extend(reversed(used_networks(graph)))
    return list(seen)


def own_name(library: Mapping[str, NetworkGraph], graph: NetworkGraph) -> str | None:
    """The name `graph` has in `library`, or None (a copy of it, as the exporter makes)."""
    return next((name for name, member in library.items() if member is graph), None)


def block_problem(
    library: Mapping[str, NetworkGraph] | None, into: str | None, node: Node
) -> str | None:
    """What makes Block `node` (in the network `into`, None when not known) unusable before
    anything is analysed: a network the project does not have, or one that uses itself."""
    name = node.params.get("network", "")
    if library is None or name not in library:
        names = ", ".join(library or ()) or words.NONE()
        return words.MISSING_NETWORK(node=node.label, name=name, names=names)
    if into is not None:
        refused = refuse_block(library, into, name)
        if refused is not None:
            return words.REFUSED(node=node.label, refused=refused)
    loop = block_cycle(library, name)
    if loop is not None:
        return words.CYCLE(node=node.label, name=name, loop=" → ".join(loop))
    return None


class BlockCopies:
    """The analyses of one Block node's copies, kept alive between updates.

    Each copy's `ShapeInference` listens to the block's network, so after an edit inside it
    (or new tensors arriving at a copy) it re-infers only what the edit reaches, as the main
    network's does; a copy whose inputs did not change and whose network did not change is
    not looked at again. Every copy shares its owner's remembered modules and meta runs, so a
    layer that sees the same shapes in several copies is built and run once.
    """

    def __init__(self, owner: ShapeInference, graph: NetworkGraph) -> None:
        self.owner = owner
        self.graph = graph
        self._slots: list[ShapeInference] = []

    def copy(self, number: int, feeds: dict[str, TensorInfo]) -> ShapeInference:
        """The analysis of copy `number` (0 first), its Input nodes given `feeds`."""
        from netstudio.core.shapes import ShapeInference

        while len(self._slots) <= number:
            analysis = ShapeInference(self.graph, self.owner.batch_size, feeds=feeds)
            analysis.share_memo(self.owner)
            self._slots.append(analysis)
        analysis = self._slots[number]
        analysis.set_feeds(feeds)
        return analysis

    def keep(self, count: int) -> None:
        """Forget the copies from `count` on (the block chains fewer now)."""
        for analysis in self._slots[count:]:
            analysis.close()
        del self._slots[count:]

    def close(self) -> None:
        """Stop every copy listening to the network."""
        self.keep(0)


def infer_block(
    inference: ShapeInference, node: Node, inputs: tuple[TensorInfo, ...], *, keep: bool = True
) -> NodeInfo:
    """What shape inference knows of Block `node` given its input tensors: its network
    analysed once per copy, each copy fed the previous copy's outputs (auto sizes filled per
    copy). An error inside names the block, the copy and the inner node.

    keep: use (and update) the copies `inference` keeps for `node` between updates; False
    analyses them afresh and drops them (a question about other inputs, like a wire preview).
    """
    from netstudio.core.shapes import NodeInfo

    library = inference.graph.library
    resolved = dict(node.params)

    def failed(message: str, count: int = 0) -> NodeInfo:
        return NodeInfo(inputs=inputs, resolved=resolved, param_count=count, error=message)

    problem = block_problem(library, own_name(library, inference.graph) if library else None, node)
    if problem is not None or library is None:
        return failed(problem or words.NO_NETWORK(node=node.label))
    name, repeat = node.params["network"], node.params["repeat"]
    inner = library[name]
    ins, outs = inner.inputs(), inner.outputs()
    if not ins or not outs:
        return failed(words.NO_INPUT_OUTPUT(node=node.label, name=name))
    if repeat > 1 and len(ins) != len(outs):
        return failed(
            words.CHAIN_MISMATCH(
                node=node.label, repeat=repeat, name=name, ins=len(ins), outs=len(outs)
            )
        )
    kept = inference.block_copies(node.id, inner) if keep else BlockCopies(inference, inner)
    try:
        return _chain(inference, node, inputs, kept, library.structure(name))
    finally:
        if keep:
            kept.keep(repeat)
        else:
            kept.close()


def _chain(
    inference: ShapeInference,
    node: Node,
    inputs: tuple[TensorInfo, ...],
    kept: BlockCopies,
    structure: Structure,
) -> NodeInfo:
    """`infer_block`'s copies, one after the other (see there)."""
    from netstudio.core.shapes import NodeInfo
    from netstudio.core.validation import errors, validate_analysed

    resolved = dict(node.params)
    repeat = node.params["repeat"]
    inner = kept.graph
    ins, outs = inner.inputs(), inner.outputs()
    copies: list[ShapeInference] = []
    tensors = inputs
    params = trainable = 0
    for number in range(1, repeat + 1):
        if copies and tensors == inputs_of(copies[-1], ins):
            copy = copies[-1]  # the same inputs: the same analysis (a shape-keeping block)
        else:
            copy = kept.copy(number - 1, dict(zip((n.id for n in ins), tensors, strict=True)))
            found = errors(validate_analysed(inner, copy, structure))
            if found:
                where = (
                    words.IN_BLOCK_COPY(block=node.name, copy=number)
                    if repeat > 1
                    else words.IN_BLOCK(block=node.name)
                )
                first = found[0]
                problem = first.message
                if len(found) > 1:
                    problem = words.AND_MORE(problem=problem, more=len(found) - 1)
                return NodeInfo(
                    inputs=inputs,
                    resolved=resolved,
                    param_count=params,
                    error=words.INSIDE(
                        where=where, name=inner.node(first.node_id).name, problem=problem
                    )
                    if first.node_id
                    else words.INSIDE_BLOCK(where=where, problem=problem),
                )
        copies.append(copy)
        params += copy.total_params()
        trainable += sum(info.trainable_count for info in copy.infos().values())
        outputs = tuple(copy.info(n.id).output for n in outs)
        if any(t is None for t in outputs):
            return NodeInfo(inputs=inputs, resolved=resolved, pending=True)
        tensors = tuple(t for t in outputs if t is not None)
    return NodeInfo(
        outputs=dict(zip((n.id for n in outs), tensors, strict=True)),
        inputs=inputs,
        resolved=resolved,
        param_count=params,
        trainable_count=trainable,
        mac_job=(node, (), 1),
        copies=tuple(copies),
    )


def inputs_of(copy: ShapeInference, ins: list[Node]) -> tuple[TensorInfo | None, ...]:
    """The tensors the Input nodes `ins` of a copy's analysis took."""
    return tuple(copy.info(n.id).output for n in ins)
