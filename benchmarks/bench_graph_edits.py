"""Editing a large graph stays interactive: `python benchmarks/bench_graph_edits.py`.

Builds a 500-node network, then times single edits followed by re-inference and re-validation
(what the editor does after every change), and times opening a 1,000-node project file.
Goal (shared/PRODUCT.md): an edit under 50 ms; opening 1,000 nodes under 1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import validate


def build(nodes: int) -> NetworkGraph:
    """Input → (Linear, ReLU) × k → Output with a residual Add every 10 blocks."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [64]})
    previous, skip = "input", "input"
    count = 1
    block = 0
    while count < nodes - 1:
        block += 1
        fc = graph.add_node("Linear", params={"out_features": 64}, position=(count * 10.0, 0))
        graph.connect(previous, "out", fc.id, "in")
        act = graph.add_node("ReLU", position=(count * 10.0 + 5, 0))
        graph.connect(fc.id, "out", act.id, "in")
        previous = act.id
        count += 2
        if block % 10 == 0 and count < nodes - 1:
            add = graph.add_node("Add", position=(count * 10.0, 50))
            graph.connect(previous, "out", add.id, "in1")
            graph.connect(skip, "out", add.id, "in2")
            previous = skip = add.id
            count += 1
    graph.add_node("Output", node_id="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def timed(action, repeats: int = 20) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    graph = build(500)
    inference = ShapeInference(graph)
    start = time.perf_counter()
    inference.update()
    first = (time.perf_counter() - start) * 1000
    assert not [p for p in validate(graph, inference) if p.severity == "error"]
    print(f"500-node graph ({len(graph)} nodes, {len(graph.edges())} wires)")
    print(f"  first full inference (torch warm-up included): {first:8.1f} ms")
    inference.close()
    inference = ShapeInference(graph)  # nothing remembered; torch and its kernels warm
    start = time.perf_counter()
    inference.update()
    print(
        f"  full inference, warm:                         "
        f"{(time.perf_counter() - start) * 1000:8.1f} ms"
    )

    mid = [n.id for n in graph.nodes() if n.type_id == "ReLU"][120]
    head = next(n.id for n in graph.nodes() if n.type_id == "Linear")
    added: list[str] = []

    def add_node_and_wire() -> None:
        node = graph.add_node("Linear", params={"out_features": 32})
        graph.connect(mid, "out", node.id, "in")
        added.append(node.id)
        inference.update()
        validate(graph, inference)

    width = [64]

    def change_param_at_head() -> None:
        width[0] = 96 if width[0] == 64 else 64
        graph.set_params(head, {"out_features": width[0]})
        inference.update()
        validate(graph, inference)

    def validate_only() -> None:
        validate(graph, inference)

    results = {
        "add a node + wire, re-infer, re-validate": timed(add_node_and_wire),
        "change a parameter at the head": timed(change_param_at_head),
        "re-validate only": timed(validate_only),
    }
    worst = 0.0
    for label, times in results.items():
        median = statistics.median(times)
        worst = max(worst, median)
        print(f"  {label:44} median {median:6.1f} ms   max {max(times):6.1f} ms")
    print(f"  edit goal < 50 ms: {'met' if worst < 50 else 'MISSED'}")

    try:
        from netstudio.io import Project, load_project, save_project
    except ImportError:
        print("netstudio.io not available: skipping the file benchmark")
        return 0
    big = build(1000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.net"
        save_project(Project(graph=big, name="big"), path)
        size = path.stat().st_size
        opens = []
        checks = []
        for _ in range(5):
            start = time.perf_counter()
            project = load_project(path)
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            loaded_inference = ShapeInference(project.graph)
            validate(project.graph, loaded_inference)
            checks.append(time.perf_counter() - start)
    print(f"1,000-node project ({size:,} bytes)")
    print(f"  open (parse + build graph): median {statistics.median(opens) * 1000:6.1f} ms")
    print(
        f"  open + infer + validate:    median "
        f"{(statistics.median(opens) + statistics.median(checks)) * 1000:6.1f} ms"
    )
    total = statistics.median(opens) + statistics.median(checks)
    print(f"  open goal < 1 s: {'met' if total < 1 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
