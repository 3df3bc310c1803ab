"""Analysis kept edit by edit answers what a fresh one answers.

After random edit sequences (wires that close cycles included), the incremental `Validator`
gives exactly what a fresh `validate` gives, and `ShapeInference` (updated whole or a slice at a
time) gives every node the info, the MACs once counted, and a data-flow order that a fresh
inference of the same graph gives, and a fresh one with every module built and run plainly
(without `netstudio.core.meta_run`); the summary made again only for the nodes an analysis
changed equals a fresh summary.
"""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given, settings
from hypothesis import strategies as st

from netstudio.core.errors import GraphError
from netstudio.core.graph import Edge, NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.summary import summarize
from netstudio.core.validation import Validator, validate

TYPES = ["Input", "Linear", "ReLU", "Add", "Concat", "Output"]
PARAMS = {
    "Input": st.fixed_dictionaries({"shape": st.sampled_from([[8], [4], [2, 4]])}),
    "Linear": st.fixed_dictionaries({"out_features": st.sampled_from([4, 8])}),
    "Add": st.fixed_dictionaries({"inputs": st.integers(2, 3)}),
    "Concat": st.fixed_dictionaries({"inputs": st.integers(2, 3), "dim": st.sampled_from([1, 2])}),
}


EDITS = ["add", "add", "connect", "wire", "loop", "loop", "disconnect", "remove", "restore"]
EDITS += ["params", "params", "rename"]


def start() -> NetworkGraph:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="in", params={"shape": [8]})
    graph.add_node("Linear", node_id="fc", params={"out_features": 8})
    graph.add_node("Add", node_id="add")
    graph.add_node("Output", node_id="out")
    graph.connect("in", "out", "fc", "in")
    graph.connect("fc", "out", "add", "in1")
    graph.connect("in", "out", "add", "in2")  # a Linear of 4 features breaks the Add's shapes
    graph.connect("add", "out", "out", "in")
    return graph


def edit(data: st.DataObject, graph: NetworkGraph, removed: list) -> None:
    """One random edit (some are refused, as the editor's would be)."""
    ids = [n.id for n in graph.nodes()]
    kind = data.draw(st.sampled_from(EDITS))
    if kind == "add":
        type_id = data.draw(st.sampled_from(TYPES))
        params = data.draw(PARAMS[type_id]) if type_id in PARAMS else None
        graph.add_node(type_id, params=params)
    elif kind in ("connect", "wire") and ids:
        src = data.draw(st.sampled_from(ids))
        dst = data.draw(st.sampled_from(ids))
        ports = graph.node(dst).input_ports
        if graph.node(src).output_ports and ports:
            port = data.draw(st.sampled_from(ports))
            if kind == "connect":
                graph.connect(src, "out", dst, port)
            elif graph.edge_into(dst, port) is None:  # as a file may hold it: maybe a cycle
                graph._add_edge(Edge(src, "out", dst, port))
    elif kind == "loop" and ids:  # a wire back from a node downstream, as a file may hold
        dst = data.draw(st.sampled_from(ids))
        free = [p for p in graph.node(dst).input_ports if graph.edge_into(dst, p) is None]
        later = sorted(graph.descendants(dst) | {dst})
        sources = [n for n in later if graph.node(n).output_ports]
        if free and sources:
            graph._add_edge(Edge(data.draw(st.sampled_from(sources)), "out", dst, free[0]))
    elif kind == "disconnect" and graph.edges():
        graph.disconnect(data.draw(st.sampled_from(graph.edges())))
    elif kind == "remove" and ids:
        node_id = data.draw(st.sampled_from(ids))
        place = graph.place(node_id)
        edges = [(e, graph.place(e)) for e in graph.in_edges(node_id) + graph.out_edges(node_id)]
        node, _ = graph.remove_node(node_id)
        removed.append((node, place, list(dict.fromkeys(edges))))
    elif kind == "restore" and removed:  # undo of a removal: back at its old places
        node, place, edges = removed.pop()
        graph.add_node(
            node.type_id, name=node.name, params=node.params, node_id=node.id, place=place
        )
        for e, edge_place in edges:
            graph.connect(e.src, e.src_port, e.dst, e.dst_port, place=edge_place)
    elif kind == "params" and ids:
        node = graph.node(data.draw(st.sampled_from(ids)))
        if node.type_id in PARAMS:
            graph.set_params(node.id, data.draw(PARAMS[node.type_id]))
    elif kind == "rename" and ids:
        graph.rename(data.draw(st.sampled_from(ids)), data.draw(st.sampled_from("abcd")))


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_incremental_problems_equal_a_fresh_validation(data: st.DataObject) -> None:
    graph = start()
    inference = ShapeInference(graph)
    validator = Validator(graph, inference)
    removed: list = []
    try:
        assert validator.problems() == validate(graph)
        for _ in range(data.draw(st.integers(1, 25))):
            with suppress(GraphError):  # refused, as the editor's edit would be
                edit(data, graph, removed)
            if data.draw(st.booleans()):  # several edits between two analyses, sometimes
                assert validator.problems() == validate(graph)
        assert validator.problems() == validate(graph)
        graph.clear()
        assert validator.problems() == validate(graph)
    finally:
        validator.close()
        inference.close()


def assert_same_as_fresh(graph: NetworkGraph, inference: ShapeInference) -> None:
    fresh = ShapeInference(graph)
    plain = ShapeInference(graph)  # every module built and run without the fast meta path
    plain.fast_meta = False
    try:
        inference.update()
        fresh.update()
        inference.count_macs()
        fresh.count_macs()
        plain.update()
        plain.count_macs()
        assert inference.infos() == fresh.infos() == plain.infos()
        assert not inference.macs_pending
        order = inference.order()
        assert sorted(order) == sorted(n.id for n in graph.nodes())
        place = {node_id: i for i, node_id in enumerate(order)}
        cyclic = inference.cyclic_nodes()
        assert cyclic == fresh.cyclic_nodes()
        for e in graph.edges():
            if e.src not in cyclic and e.dst not in cyclic:
                assert place[e.src] < place[e.dst], (e, order)
    finally:
        fresh.close()
        plain.close()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_incremental_inference_equals_a_fresh_one(data: st.DataObject) -> None:
    graph = start()
    inference = ShapeInference(graph)
    removed: list = []
    summary = summarize(graph, inference, count_macs=False)
    changed: set[str] = set()  # since the summary was last made, as the editor's table keeps it
    try:
        for _ in range(data.draw(st.integers(1, 30))):
            with suppress(GraphError):  # refused, as the editor's edit would be
                edit(data, graph, removed)
            if data.draw(st.booleans()):
                if data.draw(st.booleans()):  # a slice at a time, as the window opens
                    while inference.dirty:
                        changed |= inference.update(deadline=0.0)
                if data.draw(st.booleans()):
                    inference.count_macs(deadline=0.0)
                changed |= inference.update()
                summary = summarize(
                    graph, inference, count_macs=False, previous=summary, changed=changed
                )
                changed = set()
                assert_same_as_fresh(graph, inference)
                fresh = ShapeInference(graph)
                kept = summarize(graph, inference, previous=summary)
                made = summarize(graph, fresh)
                assert [r.node_id for r in kept.rows] == inference.order()  # data-flow order
                assert sorted(kept.rows, key=str) == sorted(made.rows, key=str)
                assert kept.total_macs == made.total_macs
                fresh.close()
        assert_same_as_fresh(graph, inference)
    finally:
        inference.close()


def test_a_wire_back_up_the_order_reorders_only_what_lies_between() -> None:
    """A layer added last and wired into the head of the chain: the order is mended in place,
    not sorted again (the editor's add + wire at 5,000 nodes)."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="in", params={"shape": [8]})
    previous = "in"
    for i in range(50):
        graph.add_node("ReLU", node_id=f"r{i}")
        graph.connect(previous, "out", f"r{i}", "in")
        previous = f"r{i}"
    inference = ShapeInference(graph)
    inference.update()
    graph.add_node("Linear", node_id="late", params={"out_features": 8})
    graph.connect("in", "out", "late", "in")
    graph.disconnect(graph.edge_into("r0", "in"))
    graph.connect("late", "out", "r0", "in")
    calls = []
    original = graph.topological_order
    graph.topological_order = lambda: calls.append(1) or original()  # type: ignore[method-assign]
    inference.update()
    assert not calls
    assert inference.order()[:3] == ["in", "late", "r0"]
    assert inference.info("r49").output is not None
    assert_same_as_fresh(graph, inference)
