"""Editing a large graph stays interactive: `python benchmarks/bench_graph_edits.py`.

Builds a 500-node network, then times single edits followed by re-inference and re-validation
(what the editor does after every change: the incremental `Validator`; a full `validate`, as
`netstudio check` runs it, is timed beside it), and times opening a 1,000-node project file.
Goal (shared/PRODUCT.md): an edit under 50 ms; opening 1,000 nodes under 1 s.

`--sweep` measures how those costs grow, at 500, 1,000, 2,000 and 5,000 nodes, on two networks:
the repeated block of `build` (which shape inference answers mostly from its memo of module and
input shape) and the network of `build_varied`, whose layers all differ, so every layer is
run on the meta device. `--varied` runs the default benchmark on the varied network instead.
`--plain-meta` builds and runs every layer with torch's plain meta kernels, without the fast
path of `netstudio.core.meta_run`: run it beside the default to see what that path saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from netstudio.core.graph import NetworkGraph
from netstudio.core.shapes import ShapeInference
from netstudio.core.validation import Validator, validate


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


def build_varied(nodes: int) -> NetworkGraph:
    """Input → (Conv2d, ReLU) × c → Flatten → (Linear, ReLU) × k → Output, no two layers alike.

    Every Conv2d has its own channel count and every Linear its own width, so no layer's
    (module, input shape) pair repeats: the meta-run memo cannot answer any of them. The conv
    section is a tenth of the network, at most 200 nodes.
    """
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3, 4, 4]})
    previous = "input"
    count = 1

    def chain(type_id: str, params: dict | None = None) -> None:
        nonlocal previous, count
        node = graph.add_node(type_id, params=params, position=(count * 10.0, 0))
        graph.connect(previous, "out", node.id, "in")
        previous = node.id
        count += 1

    convs = min(nodes // 20, 100)
    for i in range(convs):
        chain("Conv2d", {"out_channels": 8 + i, "kernel_size": 3, "padding": 1})
        chain("ReLU")
    chain("Flatten")
    width = 16
    while count < nodes - 2:
        chain("Linear", {"out_features": width})
        chain("ReLU")
        width += 1
    while count < nodes - 1:
        chain("Identity")
    graph.add_node("Output", node_id="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def build_convs(nodes: int) -> NetworkGraph:
    """Input 3×8×8 → (Conv2d, ReLU) × k → Flatten → Linear → Output, every conv distinct and
    padded: a change of the Input's size reaches every layer."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [3, 8, 8]})
    previous = "input"
    for i in range((nodes - 4) // 2):
        conv = graph.add_node("Conv2d", params={"out_channels": 4 + i % 500, "padding": 1})
        graph.connect(previous, "out", conv.id, "in")
        act = graph.add_node("ReLU")
        graph.connect(conv.id, "out", act.id, "in")
        previous = act.id
    for type_id, params in (("Flatten", None), ("Linear", {"out_features": 10})):
        node = graph.add_node(type_id, params=params)
        graph.connect(previous, "out", node.id, "in")
        previous = node.id
    graph.add_node("Output", node_id="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def input_change(nodes: int = 1000) -> dict[str, float]:
    """Median ms to re-infer and re-validate after the Input's size changes (to a size not seen
    before, so nothing is remembered) on `build_convs(nodes)`, and to count the MACs after."""
    graph = build_convs(nodes)
    inference = ShapeInference(graph)
    validator = Validator(graph, inference)
    validator.problems()
    size = [8]
    count = getattr(inference, "count_macs", None)  # older code counted them with the shapes

    def change() -> None:
        size[0] += 1
        graph.set_params("input", {"shape": [3, size[0], size[0]]})
        inference.update()
        validator.problems()

    def macs() -> None:
        size[0] += 1
        graph.set_params("input", {"shape": [3, size[0], size[0]]})
        inference.update()
        validator.problems()
        if count is not None:
            count()

    changes = timed(change, repeats=5)
    with_macs = timed(macs, repeats=5)
    assert inference.total_macs() > 0
    validator.close()
    inference.close()
    return {"shapes": statistics.median(changes), "with MACs": statistics.median(with_macs)}


def timed(action, repeats: int = 20) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(builder=build) -> int:
    graph = builder(500)
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

    validator = Validator(graph, inference)  # what the editor keeps: re-checks what changed
    validator.problems()
    mid = [n.id for n in graph.nodes() if n.type_id == "ReLU"][120]
    head = next(n.id for n in graph.nodes() if n.type_id == "Linear")
    added: list[str] = []

    def add_node_and_wire() -> None:
        node = graph.add_node("Linear", params={"out_features": 32})
        graph.connect(mid, "out", node.id, "in")
        added.append(node.id)
        inference.update()
        validator.problems()

    width = [64]

    def change_param_at_head() -> None:
        width[0] = 96 if width[0] == 64 else 64
        graph.set_params(head, {"out_features": width[0]})
        inference.update()
        validator.problems()

    def validate_only() -> None:
        validator.problems()

    results = {
        "add a node + wire, re-infer, re-validate": timed(add_node_and_wire),
        "change a parameter at the head": timed(change_param_at_head),
        "re-validate only": timed(validate_only),
        "full validate (netstudio check)": timed(lambda: validate(graph, inference)),
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
    big = builder(1000)
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


SWEEP_SIZES = (500, 1000, 2000, 5000)
SWEEP_COSTS = (
    "open (parse + build)",
    "full shapes + validation",
    "add node + wire",
    "head parameter",
    "validation alone",
)


def sweep_one(builder, nodes: int, fresh_widths: bool) -> dict[str, float]:
    """Median milliseconds of each of `SWEEP_COSTS` on `builder(nodes)`.

    fresh_widths: each added node gets a width not used before (a layer inference has not seen).
    """
    from netstudio.io import Project, load_project, save_project

    big = nodes >= 2000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sweep.net"
        save_project(Project(graph=builder(nodes), name="sweep"), path)
        opens = timed(lambda: load_project(path), repeats=2 if big else 3)
        graph = load_project(path).graph

    inference = ShapeInference(graph)
    fulls = []
    for _ in range(1 if big else 2):
        inference.close()
        inference = ShapeInference(graph)  # nothing remembered
        start = time.perf_counter()
        problems = validate(graph, inference)
        fulls.append((time.perf_counter() - start) * 1000)
    assert not [p for p in problems if p.severity == "error"], problems[:3]

    validator = Validator(graph, inference)
    validator.problems()
    relus = [n.id for n in graph.nodes() if n.type_id == "ReLU"]
    mid = relus[len(relus) // 4]
    head = next(n.id for n in graph.nodes() if n.type_id in ("Conv2d", "Linear"))
    key = "out_channels" if graph.node(head).type_id == "Conv2d" else "out_features"
    first = graph.node(head).params[key]
    added = [0]

    def add_node_and_wire() -> None:
        added[0] += 1
        width = 4000 + added[0] if fresh_widths else 32
        node = graph.add_node("Linear", params={"out_features": width})
        graph.connect(mid, "out", node.id, "in")
        inference.update()
        validator.problems()

    value = [first]

    def change_param_at_head() -> None:
        value[0] = first + 3000 if value[0] == first else first
        graph.set_params(head, {key: value[0]})
        inference.update()
        validator.problems()

    repeats = 5 if big else 10
    result = {
        SWEEP_COSTS[0]: statistics.median(opens),
        SWEEP_COSTS[1]: statistics.median(fulls),
        SWEEP_COSTS[2]: statistics.median(timed(add_node_and_wire, repeats)),
        SWEEP_COSTS[3]: statistics.median(timed(change_param_at_head, repeats)),
        SWEEP_COSTS[4]: statistics.median(timed(validator.problems, repeats)),
    }
    validator.close()
    inference.close()
    return result


def sweep() -> int:
    """Print how each cost grows with the network, for both networks."""
    ShapeInference(build(20)).update()  # torch imported and warm before anything is timed
    print(
        "Median ms per action (µs per node in brackets). Repetitions: open 3, full shapes 2,"
        " edits 10;\n"
        "at 2,000 and 5,000 nodes open 2, full shapes 1, edits 5."
    )
    networks = (
        ("repeated block (Linear 64 + ReLU, Add every 10 blocks)", build, False),
        ("varied layers (every conv and Linear distinct)", build_varied, True),
    )
    for title, builder, fresh in networks:
        print(f"\n{title}")
        print(f"{'nodes':>6} " + " ".join(f"{c:>25}" for c in SWEEP_COSTS))
        for nodes in SWEEP_SIZES:
            costs = sweep_one(builder, nodes, fresh)
            cells = [f"{ms:9.1f} ({ms * 1000 / nodes:6.1f})" for ms in costs.values()]
            print(f"{nodes:>6} " + " ".join(f"{c:>25}" for c in cells), flush=True)
    return 0


# --- a project of blocks (--blocks) -------------------------------------------------------------

#: The block benchmark: a network of about this many layers, used by one Block this many times.
BLOCK_LAYERS, BLOCK_REPEAT = 20, 24


def add_block_layers(graph: NetworkGraph, entry: str, growing: bool, prefix: str = "") -> str:
    """The block's `BLOCK_LAYERS` layers after node `entry`: (Linear 64, ReLU) × 9 → Linear →
    Add with the block's input (residual: every copy sees the same shape) or Concat with it (8
    new features: each copy is 8 wider, so every copy is analysed apart). Returns the merge."""
    previous = entry
    for i in range((BLOCK_LAYERS - 2) // 2):
        fc = graph.add_node("Linear", name=f"{prefix}fc{i + 1}", params={"out_features": 64})
        graph.connect(previous, "out", fc.id, "in")
        act = graph.add_node("ReLU", name=f"{prefix}relu{i + 1}")
        graph.connect(fc.id, "out", act.id, "in")
        previous = act.id
    width = 8 if growing else 64
    last = graph.add_node("Linear", name=f"{prefix}last", params={"out_features": width})
    graph.connect(previous, "out", last.id, "in")
    merge = graph.add_node("Concat" if growing else "Add", name=f"{prefix}merge")
    graph.connect(entry, "out", merge.id, "in1")
    graph.connect(last.id, "out", merge.id, "in2")
    return merge.id


def build_block_network(growing: bool) -> NetworkGraph:
    """The block as a network: Input (any shape) → `add_block_layers` → Output."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="x", params={"shape": None})
    merge = add_block_layers(graph, "x", growing)
    graph.add_node("Output", node_id="y")
    graph.connect(merge, "out", "y", "in")
    return graph


def build_unrolled(growing: bool) -> NetworkGraph:
    """The block project drawn flat: Input 64 → stem → the block's layers × `BLOCK_REPEAT` →
    head → Output, the same layers as `build_block_project` in one network."""
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", params={"shape": [64]})
    graph.add_node("Linear", node_id="stem", params={"out_features": 64})
    graph.connect("input", "out", "stem", "in")
    previous = "stem"
    for k in range(BLOCK_REPEAT):
        previous = add_block_layers(graph, previous, growing, prefix=f"b{k}_")
    graph.add_node("Linear", node_id="head", params={"out_features": 10})
    graph.connect(previous, "out", "head", "in")
    graph.add_node("Output", node_id="output")
    graph.connect("head", "out", "output", "in")
    return graph


def build_block_project(growing: bool):
    """Input 64 → stem Linear → Block (`BLOCK_REPEAT` copies) → head Linear → Output."""
    from netstudio.io import Project

    graph = NetworkGraph()
    project = Project(graph, networks={"main": graph, "block": build_block_network(growing)})
    graph.add_node("Input", node_id="input", params={"shape": [64]})
    previous, port = "input", "out"
    for node_id, type_id, params in (
        ("stem", "Linear", {"out_features": 64}),
        ("blocks", "Block", {"network": "block", "repeat": BLOCK_REPEAT}),
        ("head", "Linear", {"out_features": 10}),
        ("output", "Output", {}),
    ):
        node = graph.add_node(type_id, node_id=node_id, params=params)
        graph.connect(previous, port, node.id, node.input_ports[0])
        previous, port = node.id, node.output_ports[0] if node.output_ports else ""
    project.name = "blocks"
    return project


def open_and_edit(path: Path, edits: dict[str, tuple[str, str, str, int]]) -> dict:
    """Median ms to open `path` (parse + build, then full shapes + validation) and of each edit:
    label → (network, node, parameter, first value), each followed by what the editor does
    (re-infer, re-validate). Each edit sets a value not set before (first + 1, + 2 ...), so no
    analysis remembered from an earlier value answers it."""
    from netstudio.io import load_project

    opens, analyses = [], []
    for _ in range(3):
        start = time.perf_counter()
        project = load_project(path)
        middle = time.perf_counter()
        inference = ShapeInference(project.graph)
        problems = validate(project.graph, inference)
        end = time.perf_counter()
        opens.append((middle - start) * 1000)
        analyses.append((end - middle) * 1000)
        assert not [p for p in problems if p.severity == "error"], problems[:3]
        inference.close()
    inference = ShapeInference(project.graph)
    validator = Validator(project.graph, inference)
    validator.problems()
    result = {
        "open (parse + build)": statistics.median(opens),
        "open + shapes + validation": statistics.median(opens) + statistics.median(analyses),
    }
    for label, (network, node_id, key, first) in edits.items():
        graph = project.networks[network]
        turn = [first]

        def edit(graph=graph, node_id=node_id, key=key, turn=turn) -> None:
            turn[0] += 1
            graph.set_params(node_id, {key: turn[0]})
            inference.update()
            validator.problems()

        result[label] = statistics.median(timed(edit, repeats=10))
        assert not [p for p in validator.problems() if p.severity == "error"]
    validator.close()
    inference.close()
    return result


def blocks_benchmark() -> int:
    """Open and edit a project whose main network uses a ~20-layer block 24 times, beside the
    same figures for the flat 500-node network of `build`."""
    from netstudio.io import Project, save_project

    ShapeInference(build(20)).update()  # torch imported and warm before anything is timed
    rows: list[tuple[str, int, dict]] = []
    with tempfile.TemporaryDirectory() as folder:
        flat = Path(folder) / "flat.net"
        flat_graph = build(500)
        save_project(Project(graph=flat_graph, name="flat"), flat)
        # Linears whose next layer is a Linear (not an Add, which needs the width of its skip)
        linears = [
            n.id
            for n in flat_graph.nodes()
            if n.type_id == "Linear"
            and all(
                flat_graph.node(after).type_id == "Linear"
                for relu in flat_graph.successors(n.id)
                for after in flat_graph.successors(relu)
            )
        ]
        edits = {
            "edit at the head": ("main", linears[0], "out_features", 64),
            "edit in the middle": ("main", linears[len(linears) // 2], "out_features", 64),
        }
        rows.append(("flat 500 nodes", len(flat_graph), open_and_edit(flat, edits)))
        for growing in (False, True):
            project = build_block_project(growing)
            path = Path(folder) / f"blocks_{growing}.net"
            save_project(project, path)
            inner = len(project.networks["block"]) * BLOCK_REPEAT
            edits = {
                "edit inside the block (every copy)": ("block", "fc5", "out_features", 64),
                "edit in main, after the block": ("main", "head", "out_features", 10),
            }
            if growing:
                edits["edit in main, before the block"] = ("main", "stem", "out_features", 64)
            kind = "growing (every copy its own shapes)" if growing else "residual (one shape)"
            nodes = len(project.graph) + inner
            rows.append((f"block ×{BLOCK_REPEAT}, {kind}", nodes, open_and_edit(path, edits)))
            unrolled = build_unrolled(growing)
            path = Path(folder) / f"unrolled_{growing}.net"
            save_project(Project(graph=unrolled, name="unrolled"), path)
            edits = {
                "edit in copy 1 (fc5)": ("main", "b0_fc5", "out_features", 64),
                "edit after the copies": ("main", "head", "out_features", 10),
            }
            if growing:
                edits["edit before the copies"] = ("main", "stem", "out_features", 64)
            title = f"the same drawn flat, {kind}"
            rows.append((title, len(unrolled), open_and_edit(path, edits)))
    print("Median ms (open: 3 times; each edit: 10 times, followed by re-inference and")
    print("re-validation as the editor does). Nodes count every copy's inner nodes.")
    for title, nodes, result in rows:
        print(f"\n{title} ({nodes} nodes)")
        for label, ms in result.items():
            print(f"  {label:40} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--varied", action="store_true", help="use the network of varied layers")
    parser.add_argument("--sweep", action="store_true", help="both networks, 500 to 5,000 nodes")
    parser.add_argument(
        "--input-change", action="store_true", help="the Input's size changes on 1,000 conv layers"
    )
    parser.add_argument(
        "--plain-meta",
        action="store_true",
        help="build and run layers without netstudio.core.meta_run (for comparison)",
    )
    parser.add_argument(
        "--blocks",
        action="store_true",
        help="a project whose main network uses a ~20-layer block 24 times, beside flat 500",
    )
    arguments = parser.parse_args()
    if arguments.blocks:
        sys.exit(blocks_benchmark())
    if arguments.plain_meta:
        ShapeInference.fast_meta = False
    if arguments.input_change:
        ShapeInference(build(20)).update()  # torch imported and warm before anything is timed
        costs = input_change()
        print(
            "1,000 nodes, the Input's size changed (every layer re-inferred), median of 5: "
            f"shapes + problems {costs['shapes']:.0f} ms; with every MAC counted after "
            f"{costs['with MACs']:.0f} ms"
        )
        sys.exit(0)
    if arguments.sweep:
        sys.exit(sweep())
    sys.exit(main(build_varied if arguments.varied else build))
