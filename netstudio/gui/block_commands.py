"""The undoable edits of a project's networks: add, rename, duplicate, delete, set as main,
Make block and Ungroup.

They change ``project.networks`` (and the graphs in it), not one graph, so they are undo
commands of the `Document` (like the section edits in `commands.py`); the document finds out
on the stack's index change which networks came, went or were renamed. Each is one undo step.

Make block and Ungroup rewrite the network they work in from its ``graph`` section (the file's
own form), so the order of its nodes and wires is under control: a Make block followed by an
Ungroup gives back the same nodes (ids, names, parameters, positions), wires and file order,
when the selected nodes and their wires were together in the file order (a chain of layers
is). The plans (`plan_block`, `plan_ungroup`) refuse with a reason a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from netstudio.core.blocks import BLOCK, network_name_problem, used_networks
from netstudio.core.graph import NetworkGraph
from netstudio.gui.style import GRID
from netstudio.io import graph_from_dict, graph_to_dict

if TYPE_CHECKING:
    from netstudio.gui.document import Document
    from netstudio.io import Project

#: How far left of the block's first layer its Input nodes go (right of the last: Outputs).
SIDE_GAP = 240.0


class BlockRefusal(ValueError):
    """Why an edit of networks or blocks cannot be done, in words a person can act on."""


# --- helpers -------------------------------------------------------------------------------------


def set_networks(project: Project, items: Iterable[tuple[str, NetworkGraph]], main: str) -> None:
    """Give `project` these networks in this order, `main` the main one (the same `Library`
    object: whoever listens to it keeps listening)."""
    library = project.networks
    items = list(items)
    for name in list(library):
        if (name, library[name]) not in items:
            del library[name]
    for name, graph in items:  # re-inserted in order: a dict keeps insertion order
        if name in library:
            del library[name]
        library[name] = graph
    project.main = main
    project.graph = library[main]


def replace_graph(graph: NetworkGraph, data: dict[str, Any]) -> None:
    """Make `graph` hold exactly the ``graph`` section `data` (nodes and wires in its order)."""
    graph.clear()
    graph_from_dict(data, graph)


def new_network_name(project: Project, stem: str) -> str:
    """``<stem>1``, ``<stem>2``…: the first that no network of `project` has."""
    number = 1
    while f"{stem}{number}" in project.networks:
        number += 1
    return f"{stem}{number}"


def name_refusal(project: Project, name: str, keep: str | None = None) -> str | None:
    """Why `name` cannot name a network of `project` (`keep`: the network being renamed)."""
    problem = network_name_problem(name)
    if problem is not None:
        return problem[0].upper() + problem[1:]
    if name in project.networks and name != keep:
        return f"This project already has a network '{name}': choose another name"
    return None


def users_of(project: Project, name: str) -> list[str]:
    """The networks with a Block of the network `name`."""
    return [other for other, graph in project.networks.items() if name in used_networks(graph)]


def copied_graph(project: Project, graph: NetworkGraph) -> NetworkGraph:
    """A copy of `graph` (same ids, names, parameters, positions) in `project`'s library."""
    copy = NetworkGraph(project.networks)
    graph_from_dict(graph_to_dict(graph), copy)
    return copy


def starter_graph(project: Project) -> NetworkGraph:
    """A new network: one Input wired to one Output, ready for layers between them."""
    graph = NetworkGraph(project.networks)
    graph.add_node("Input", name="x", node_id="x", position=(0.0, 0.0))
    graph.add_node("Output", name="y", node_id="y", position=(SIDE_GAP * 2, 0.0))
    graph.connect("x", "out", "y", "in")
    return graph


def _fresh(base: str, taken: set[str]) -> str:
    """`base`, else ``<base>_2``, ``<base>_3``… : the first not in `taken` (which it joins)."""
    name, number = base, 2
    while name in taken:
        name = f"{base}_{number}"
        number += 1
    taken.add(name)
    return name


def _edge(src: str, src_port: str, dst: str, dst_port: str) -> dict[str, Any]:
    return {"from": src, "from_port": src_port, "to": dst, "to_port": dst_port}


# --- network commands ----------------------------------------------------------------------------


class NetworksCommand(QUndoCommand):
    """Replace the project's networks (and main one) with a new list; undo puts back the old.

    The graphs themselves are kept, not copied: a network that comes back by undo is the very
    graph it was, with its analysis and its own edits in the history."""

    def __init__(
        self,
        document: Document,
        items: list[tuple[str, NetworkGraph]],
        main: str,
        text: str,
        renames: dict[str, str] | None = None,
    ) -> None:
        super().__init__(text)
        project = document.project
        self.project = project
        self.old = (list(project.networks.items()), project.main)
        self.new = (items, main)
        #: Block nodes naming a renamed network, with the old and new name.
        self.blocks: list[tuple[NetworkGraph, str, str, str]] = []
        for old_name, new_name in (renames or {}).items():
            for _, graph in self.old[0]:
                for node in graph.nodes():
                    if node.type_id == BLOCK and node.params.get("network") == old_name:
                        self.blocks.append((graph, node.id, old_name, new_name))

    def redo(self) -> None:
        set_networks(self.project, *self.new)
        for graph, node_id, _, new_name in self.blocks:
            graph.set_params(node_id, {"network": new_name})

    def undo(self) -> None:
        for graph, node_id, old_name, _ in self.blocks:
            graph.set_params(node_id, {"network": old_name})
        set_networks(self.project, *self.old)


def add_network(document: Document, name: str, graph: NetworkGraph, text: str) -> None:
    """Add `graph` as the network `name`, after the others (one undo step)."""
    project = document.project
    refused = name_refusal(project, name)
    if refused is not None:
        raise BlockRefusal(refused)
    items = [*project.networks.items(), (name, graph)]
    document.undo_stack.push(NetworksCommand(document, items, project.main, text))


def rename_network(document: Document, old: str, new: str) -> None:
    """Rename a network; the Blocks using it follow (one undo step)."""
    project = document.project
    new = new.strip()
    if new == old:
        return
    refused = name_refusal(project, new, keep=old)
    if refused is not None:
        raise BlockRefusal(refused)
    items = [(new if name == old else name, graph) for name, graph in project.networks.items()]
    main = new if project.main == old else project.main
    command = NetworksCommand(
        document, items, main, f"Rename network {old} to {new}", renames={old: new}
    )
    document.undo_stack.push(command)


def delete_refusal(project: Project, name: str) -> str | None:
    """Why the network `name` cannot be deleted, or None."""
    if name == project.main:
        return (
            f"'{name}' is the main network (the one that trains): make another network the "
            "main one first (Set as Main Network)"
        )
    users = users_of(project, name)
    if users:
        return (
            f"A Block in {', '.join(repr(u) for u in users)} uses '{name}': delete or "
            "ungroup that block first"
        )
    return None


def delete_network(document: Document, name: str) -> None:
    project = document.project
    refused = delete_refusal(project, name)
    if refused is not None:
        raise BlockRefusal(refused)
    items = [(n, g) for n, g in project.networks.items() if n != name]
    document.undo_stack.push(NetworksCommand(document, items, project.main, f"Delete {name}"))


def set_main_network(document: Document, name: str) -> None:
    project = document.project
    if name == project.main:
        return
    items = list(project.networks.items())
    document.undo_stack.push(NetworksCommand(document, items, name, f"Make {name} the main one"))


# --- Make block and Ungroup ----------------------------------------------------------------------


@dataclass
class GraphPlan:
    """A network's ``graph`` section before and after an edit of blocks."""

    before: dict[str, Any]
    after: dict[str, Any]


def plan_block(
    graph: NetworkGraph, node_ids: Iterable[str], block_name: str
) -> tuple[GraphPlan, dict[str, Any], str]:
    """What Make block does: (the network's sections before and after, the new network's
    section, the Block node's id). The selected nodes become the network; each source of a
    wire coming into them becomes one of its Input nodes, each port a wire leaves them from
    one of its Output nodes, in the order the wires have in the file."""
    wanted = set(node_ids)
    chosen = [node for node in graph.nodes() if node.id in wanted]
    if not chosen:
        raise BlockRefusal("Select the layers to make into a block first")
    ends = [node for node in chosen if node.spec.role in ("input", "output")]
    if ends:
        raise BlockRefusal(
            f"{ends[0].label} cannot go into a block (a block's inputs and outputs are the "
            "wires into and out of the selection): leave the Input and Output nodes out"
        )
    inside = {node.id for node in chosen}
    edges = graph.edges()
    incoming = [e for e in edges if e.dst in inside and e.src not in inside]
    outgoing = [e for e in edges if e.src in inside and e.dst not in inside]
    if not incoming or not outgoing:
        side = "comes into" if not incoming else "leaves"
        raise BlockRefusal(
            f"No wire {side} the selection: a block takes its inputs from the wires coming "
            "in and gives its outputs to the wires going out; select wired layers"
        )
    _refuse_loop(graph, inside, incoming, outgoing)
    taken = {node.id for node in chosen} | {node.name for node in chosen}
    sources = list(dict.fromkeys((e.src, e.src_port) for e in incoming))
    results = list(dict.fromkeys((e.src, e.src_port) for e in outgoing))
    ins = {key: _fresh("x" if len(sources) == 1 else f"x{i}", taken)
           for i, key in enumerate(sources, 1)}  # fmt: skip
    outs = {key: _fresh("y" if len(results) == 1 else f"y{i}", taken)
            for i, key in enumerate(results, 1)}  # fmt: skip
    inner = graph_to_dict(graph, inside)
    left = min(node.position[0] for node in chosen) - SIDE_GAP
    right = max(node.position[0] for node in chosen) + SIDE_GAP
    first_use = {key: next(e.dst for e in incoming if (e.src, e.src_port) == key) for key in ins}
    heads = [
        _end_node("Input", ins[key], (left, graph.node(first_use[key]).position[1]))
        for key in sources
    ]
    tails = [_end_node("Output", outs[key], (right, graph.node(key[0]).position[1]))
             for key in results]  # fmt: skip
    inner_edges: list[dict[str, Any]] = []
    said: set[tuple[str, str]] = set()
    for e in edges:
        if e.src in inside and e.dst in inside:
            inner_edges.append(_edge(e.src, e.src_port, e.dst, e.dst_port))
        elif e.dst in inside:
            inner_edges.append(_edge(ins[(e.src, e.src_port)], "out", e.dst, e.dst_port))
        elif e.src in inside and (e.src, e.src_port) not in said:
            said.add((e.src, e.src_port))
            inner_edges.append(_edge(e.src, e.src_port, outs[(e.src, e.src_port)], "in"))
    network = {"nodes": heads + inner["nodes"] + tails, "edges": inner_edges}

    before = graph_to_dict(graph)
    outer_taken = {node.id for node in graph.nodes()} | {node.name for node in graph.nodes()}
    block_id = _fresh(block_name, outer_taken)
    xs = [node.position[0] for node in chosen]
    ys = [node.position[1] for node in chosen]
    at = [_snap(sum(xs) / len(xs)), _snap(sum(ys) / len(ys))]
    block = {"id": block_id, "type": BLOCK, "name": block_id,
             "params": {"network": block_name, "repeat": 1}, "position": at}  # fmt: skip
    nodes: list[dict[str, Any]] = []
    for entry in before["nodes"]:
        if entry["id"] == chosen[0].id:
            nodes.append(block)
        elif entry["id"] not in inside:
            nodes.append(entry)
    outer_edges: list[dict[str, Any]] = []
    fed: set[tuple[str, str]] = set()
    for e in edges:
        key = (e.src, e.src_port)
        if e.src in inside and e.dst in inside:
            continue
        if e.dst in inside:
            if key not in fed:
                fed.add(key)
                outer_edges.append(_edge(e.src, e.src_port, block_id, ins[key]))
        elif e.src in inside:
            outer_edges.append(_edge(block_id, outs[key], e.dst, e.dst_port))
        else:
            outer_edges.append(_edge(e.src, e.src_port, e.dst, e.dst_port))
    return GraphPlan(before, {"nodes": nodes, "edges": outer_edges}), network, block_id


def _refuse_loop(graph: NetworkGraph, inside: set[str], incoming: list, outgoing: list) -> None:
    """Refuse a selection that a node outside both follows and feeds (the block would come
    before and after it)."""
    feeders = {e.src for e in incoming}
    stack = [e.dst for e in outgoing]
    seen: set[str] = set()
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id in inside:
            continue
        seen.add(node_id)
        if node_id in feeders:
            label = graph.node(node_id).label
            raise BlockRefusal(
                f"{label} takes from the selection and feeds it again, so one block cannot "
                "stand for the selection: select it too, or fewer layers"
            )
        stack.extend(graph.successors(node_id))


def _end_node(type_id: str, node_id: str, at: tuple[float, float]) -> dict[str, Any]:
    params = {"shape": None, "dtype": "float32"} if type_id == "Input" else {}
    return {"id": node_id, "type": type_id, "name": node_id, "params": params,
            "position": [float(at[0]), float(at[1])]}  # fmt: skip


def _snap(value: float) -> float:
    return float(round(value / GRID) * GRID)


def plan_ungroup(graph: NetworkGraph, block_id: str) -> tuple[GraphPlan, str]:
    """What Ungroup does: (the network's sections before and after, the block's network's
    name). The block's layers take its place (fresh ids and names where the network already
    has theirs); the wires into and out of the block go to the layers its Inputs fed and its
    Outputs took from."""
    node = graph.node(block_id)
    if node.type_id != BLOCK:
        raise BlockRefusal(f"{node.label} is not a block: select a Block node to ungroup")
    name, repeat = node.params["network"], node.params["repeat"]
    library = graph.library
    if library is None or name not in library:
        raise BlockRefusal(
            f"{node.label} uses the network '{name}', which this project does not have"
        )
    if repeat != 1:
        raise BlockRefusal(
            f"{node.label} chains {repeat} copies of '{name}': Ungroup puts back one copy, so "
            "set its repeat to 1 first (or keep the block)"
        )
    inner = library[name]
    heads = {n.id for n in inner.nodes() if n.spec.role == "input"}
    tails = {n.id for n in inner.nodes() if n.spec.role == "output"}
    before = graph_to_dict(graph)
    taken = {n.id for n in graph.nodes() if n.id != block_id}
    names = {n.name for n in graph.nodes() if n.id != block_id}
    ids: dict[str, str] = {}
    body: list[dict[str, Any]] = []
    for entry in graph_to_dict(inner)["nodes"]:
        if entry["id"] in heads or entry["id"] in tails:
            continue
        ids[entry["id"]] = _fresh(entry["id"], taken)
        body.append({**entry, "id": ids[entry["id"]], "name": _fresh(entry["name"], names)})
    edges = graph.edges()
    feeds = {e.dst_port: e for e in edges if e.dst == block_id}
    takers = [e for e in edges if e.src == block_id]
    mapped: list[dict[str, Any]] = []
    for e in inner.edges():
        if e.src in heads:
            feed = feeds.get(e.src)
            if feed is None:
                continue  # nothing came into that port: the layer stays unwired there
            sources = [(feed.src, feed.src_port)]
        else:
            sources = [(ids[e.src], e.src_port)]
        if e.dst in tails:
            targets = [(t.dst, t.dst_port) for t in takers if t.src_port == e.dst]
        else:
            targets = [(ids[e.dst], e.dst_port)]
        mapped += [_edge(*s, *t) for s in sources for t in targets]
    nodes: list[dict[str, Any]] = []
    for entry in before["nodes"]:
        nodes.extend(body if entry["id"] == block_id else [entry])
    outer: list[dict[str, Any]] = []
    placed = False
    for e in edges:
        if block_id in (e.src, e.dst):
            if not placed:
                outer += mapped
                placed = True
            continue
        outer.append(_edge(e.src, e.src_port, e.dst, e.dst_port))
    if not placed:
        outer += mapped
    return GraphPlan(before, {"nodes": nodes, "edges": outer}), name


class MakeBlockCommand(QUndoCommand):
    """Selected layers become the new network `name`, one Block node in their place (see
    `plan_block`)."""

    def __init__(
        self, document: Document, graph: NetworkGraph, node_ids: Iterable[str], name: str
    ) -> None:
        refused = name_refusal(document.project, name)
        if refused is not None:
            raise BlockRefusal(refused)
        self.plan, network, self.block_id = plan_block(graph, node_ids, name)
        super().__init__(f"Make block {name}")
        self.project = document.project
        self.graph = graph
        self.name = name
        self.network = NetworkGraph(document.project.networks)
        graph_from_dict(network, self.network)

    def redo(self) -> None:
        self.project.networks[self.name] = self.network
        replace_graph(self.graph, self.plan.after)

    def undo(self) -> None:
        replace_graph(self.graph, self.plan.before)
        del self.project.networks[self.name]


class UngroupCommand(QUndoCommand):
    """A Block's layers back in its place (see `plan_ungroup`); its network goes too when no
    other Block uses it."""

    def __init__(self, document: Document, graph: NetworkGraph, block_id: str) -> None:
        self.plan, self.name = plan_ungroup(graph, block_id)
        super().__init__(f"Ungroup {graph.node(block_id).name}")
        self.project = document.project
        self.graph = graph
        self.old_networks = (list(self.project.networks.items()), self.project.main)
        uses = sum(
            node.type_id == BLOCK and node.params.get("network") == self.name
            for other in self.project.networks.values()
            for node in other.nodes()
        )
        #: The network is removed with its last Block (it would only stand unused).
        self.drops_network = uses == 1 and self.name != self.project.main

    def redo(self) -> None:
        replace_graph(self.graph, self.plan.after)
        if self.drops_network:
            del self.project.networks[self.name]

    def undo(self) -> None:
        if self.drops_network:
            set_networks(self.project, *self.old_networks)
        replace_graph(self.graph, self.plan.before)
