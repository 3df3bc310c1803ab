"""What Make block and Ungroup do to a network, planned before anything changes.

Both rewrite the network they work in from its ``graph`` section (the file's own form), so
the order of its nodes and wires is under control: a Make block followed by an Ungroup gives
back the same nodes (ids, names, parameters, positions), wires and file order, when the
selected nodes and their wires were together in the file order (a chain of layers is). An
Ungroup of a block that repeats gives back every copy, chained. The plans refuse with a
reason a person can act on (`BlockRefusal`); the undo commands that carry them out are in
`block_commands`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from netstudio.core.blocks import BLOCK
from netstudio.core.graph import NetworkGraph
from netstudio.gui.style import GRID
from netstudio.io import graph_to_dict

translate = QCoreApplication.translate

#: How far left of the block's first layer its Input nodes go (right of the last: Outputs).
SIDE_GAP = 240.0


class BlockRefusal(ValueError):
    """Why an edit of networks or blocks cannot be done, in words a person can act on."""


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
        raise BlockRefusal(translate("BlockPlans", "Select the layers to make into a block first"))
    ends = [node for node in chosen if node.spec.role in ("input", "output")]
    if ends:
        text = translate(
            "BlockPlans",
            "{node} cannot go into a block (a block's inputs and outputs are the "
            "wires into and out of the selection): leave the Input and Output nodes out",
        )
        raise BlockRefusal(text.format(node=ends[0].label))
    inside = {node.id for node in chosen}
    edges = graph.edges()
    incoming = [e for e in edges if e.dst in inside and e.src not in inside]
    outgoing = [e for e in edges if e.src in inside and e.dst not in inside]
    if not incoming or not outgoing:
        if not incoming:
            text = translate(
                "BlockPlans",
                "No wire comes into the selection: a block takes its inputs from the wires "
                "coming in and gives its outputs to the wires going out; select wired layers",
            )
        else:
            text = translate(
                "BlockPlans",
                "No wire leaves the selection: a block takes its inputs from the wires coming "
                "in and gives its outputs to the wires going out; select wired layers",
            )
        raise BlockRefusal(text)
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
            text = translate(
                "BlockPlans",
                "{node} takes from the selection and feeds it again, so one block cannot "
                "stand for the selection: select it too, or fewer layers",
            )
            raise BlockRefusal(text.format(node=label))
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
    Outputs took from. A block that repeats gives back each of its copies, chained as the
    block chains them (a copy's outputs feed the next copy's inputs, in port order), each copy
    right of the one before: layers of their own, as many parameters as the block had."""
    node = graph.node(block_id)
    if node.type_id != BLOCK:
        text = translate("BlockPlans", "{node} is not a block: select a Block node to ungroup")
        raise BlockRefusal(text.format(node=node.label))
    name, repeat = node.params["network"], node.params["repeat"]
    library = graph.library
    if library is None or name not in library:
        text = translate(
            "BlockPlans", "{node} uses the network '{network}', which this project does not have"
        )
        raise BlockRefusal(text.format(node=node.label, network=name))
    inner = library[name]
    ins = [n.id for n in inner.nodes() if n.spec.role == "input"]
    outs = [n.id for n in inner.nodes() if n.spec.role == "output"]
    if repeat > 1 and len(ins) != len(outs):
        text = translate(
            "BlockPlans",
            "{node} chains {repeat} copies of '{network}', which has {inputs} Input(s) "
            "and {outputs} Output(s), so its copies cannot be wired one after the other: "
            "set its repeat to 1 first",
        )
        raise BlockRefusal(
            text.format(
                node=node.label, repeat=repeat, network=name, inputs=len(ins), outputs=len(outs)
            )
        )
    heads, tails = set(ins), set(outs)
    before = graph_to_dict(graph)
    taken = {n.id for n in graph.nodes() if n.id != block_id}
    names = {n.name for n in graph.nodes() if n.id != block_id}
    entries = [e for e in graph_to_dict(inner)["nodes"] if e["id"] not in heads | tails]
    step, shift, room = _copy_places(node.position, entries, repeat)
    edges = graph.edges()
    feeds = {e.dst_port: e for e in edges if e.dst == block_id}
    takers = [e for e in edges if e.src == block_id]
    #: What feeds each Input of the copy being laid out: the wire into the block for the
    #: first copy, what fed the Output of the same place in the copy before for the others.
    given: dict[str, tuple[str, str] | None] = {
        head: (feeds[head].src, feeds[head].src_port) if head in feeds else None for head in ins
    }
    body: list[dict[str, Any]] = []
    mapped: list[dict[str, Any]] = []
    for number in range(repeat):
        ids: dict[str, str] = {}
        for entry in entries:
            ids[entry["id"]] = _fresh(entry["id"], taken)
            body.append({**entry, "id": ids[entry["id"]], "name": _fresh(entry["name"], names)})
            if repeat > 1:
                x, y = entry["position"]
                body[-1]["position"] = [x + shift[0] + step * number, y + shift[1]]
        last = number == repeat - 1
        made: dict[str, tuple[str, str] | None] = dict.fromkeys(outs)
        for e in inner.edges():
            source = given[e.src] if e.src in heads else (ids[e.src], e.src_port)
            if e.dst in tails:
                made[e.dst] = source
                if not last:
                    continue  # the next copy's Input takes it
                targets = [(t.dst, t.dst_port) for t in takers if t.src_port == e.dst]
            else:
                targets = [(ids[e.dst], e.dst_port)]
            if source is None:
                continue  # nothing came into that port: the layer stays unwired there
            mapped += [_edge(*source, *t) for t in targets]
        given = {head: made[tail] for head, tail in zip(ins, outs, strict=False)}
    nodes: list[dict[str, Any]] = []
    for entry in before["nodes"]:
        if entry["id"] == block_id:
            nodes.extend(body)
        elif repeat > 1 and entry["position"][0] > node.position[0]:  # room for the copies
            x, y = entry["position"]
            nodes.append({**entry, "position": [x + room, y]})
        else:
            nodes.append(entry)
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


def _copy_places(
    at: tuple[float, float], entries: list[dict[str, Any]], repeat: int
) -> tuple[float, tuple[float, float], float]:
    """Where an ungrouped block's copies go: (how far right each copy is of the one before,
    the shift that puts the first copy where the block was, how far right the layers right of
    the block move to make room). A block of one copy keeps its layers where its network has
    them (where Make block found them)."""
    if repeat == 1 or not entries:
        return SIDE_GAP, (0.0, 0.0), 0.0
    xs = [float(e["position"][0]) for e in entries]
    ys = [float(e["position"][1]) for e in entries]
    span = max(xs) - min(xs)
    step = _snap(span + SIDE_GAP)
    shift = (_snap(at[0] - min(xs)), _snap(at[1] - sum(ys) / len(ys)))
    return step, shift, _snap((repeat - 1) * step + span)
