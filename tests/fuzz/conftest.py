"""The fuzz tests' damaged files: the examples, broken the ways files really break.

Deterministic (seeded), so a failing case is reproduced by its label. Two families: byte damage
(truncation, flipped and inserted bytes, cut-out ranges, as a torn copy or a bad disk gives) and
JSON-aware damage (a value replaced by one of the wrong type or size, a key dropped or added,
a node id duplicated, an edge turned around), which reaches past the parser into the schema,
the graph builder, shape inference and the data settings.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.net"))

#: Values a hand-edited or generated file may hold where something else belongs.
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    -(2**31),
    2**31,
    2**63,
    10**12,
    10**100,
    1e308,
    -1e-308,
    0.5,
    "",
    "big",
    "\ud800",
    "\x1b[31mred\x1b[0m",
    "ﬁ",
    "fc²",
    "a\x00b",
    "../../etc/passwd",
    "x" * 10_000,
    [],
    [1, 2],
    [2**63, 2**63],
    [[1]],
    [-5, 0, 3],
    {},
    {"a": 1},
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every JSON path inside `value` (dict keys and list indices), parents before children."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*prefix, key)
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*prefix, index)
            yield from _paths(child, (*prefix, index))


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        tree = tree[part]
    return tree


def _json_mutation(tree: dict[str, Any], rng: random.Random) -> tuple[str, Any]:
    tree = copy.deepcopy(tree)
    paths = list(_paths(tree))
    kind = rng.choice(("replace", "replace", "replace", "drop", "add", "duplicate", "reverse"))
    networks = tree.get("networks")
    first = networks[0] if isinstance(networks, list) and networks else None
    graph = first.get("graph") if isinstance(first, dict) else tree.get("graph")
    nodes = graph.get("nodes") if isinstance(graph, dict) else None
    edges = graph.get("edges") if isinstance(graph, dict) else None
    nodes = nodes if isinstance(nodes, list) and all(isinstance(n, dict) for n in nodes) else []
    edges = edges if isinstance(edges, list) else []
    if kind == "duplicate" and len(nodes) > 1:
        i, j = rng.sample(range(len(nodes)), 2)
        nodes[j]["id"] = nodes[i]["id"]
        return f"node {j} takes the id of node {i}", tree
    if kind == "reverse" and edges:
        edge = rng.choice(edges)
        if isinstance(edge, dict) and "source" in edge and "target" in edge:
            edge["source"], edge["target"] = edge["target"], edge["source"]
            return f"edge {edge} turned around", tree
    if not paths:
        return "nothing left to change", tree
    path = rng.choice(paths)
    parent = _parent(tree, path)
    if kind == "drop":
        del parent[path[-1]]
        return f"{'.'.join(map(str, path))} dropped", tree
    if kind == "add" and isinstance(parent, dict):
        parent["unknown_" + str(rng.randrange(100))] = rng.choice(ODD_VALUES)
        return f"unknown key beside {'.'.join(map(str, path))}", tree
    value = rng.choice(ODD_VALUES)
    parent[path[-1]] = value
    return f"{'.'.join(map(str, path))} = {value!r:.40}", tree


def _byte_mutation(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(("truncate", "flip", "insert", "cut"))
    at = rng.randrange(len(data))
    if kind == "truncate":
        return f"truncated at byte {at}", data[:at]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return "bytes flipped", bytes(out)
    if kind == "insert":
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        return f"{len(junk)} bytes inserted at {at}", data[:at] + junk + data[at:]
    end = min(len(data), at + rng.randint(1, 200))
    return f"bytes {at}..{end} cut out", data[:at] + data[end:]


def mutated_files(count: int, seed: int) -> list[tuple[str, bytes]]:
    """`count` damaged copies of the examples: (label naming example, seed and damage, bytes)."""
    originals = [(path.name, path.read_bytes()) for path in EXAMPLES]
    cases = []
    for i in range(count):
        rng = random.Random(seed * 100_003 + i)
        name, data = rng.choice(originals)
        if rng.random() < 0.35:
            what, damaged = _byte_mutation(data, rng)
        else:
            tree = json.loads(data)
            what, tree = _json_mutation(tree, rng)
            if rng.random() < 0.3:  # a second change on top: damage rarely comes alone
                more, tree = _json_mutation(tree, rng)
                what += f"; {more}"
            damaged = json.dumps(tree, indent=1).encode("utf-8", "surrogatepass")
        cases.append((f"{name}#{seed}.{i}: {what}", damaged))
    return cases


@pytest.fixture(scope="session")
def fuzz_cases() -> list[tuple[str, bytes]]:
    """The same few hundred damaged files for every fuzz test of a session. The seed is one
    whose damage reaches every stage of the check with the examples now shipped (20 gave no
    invalid graph once transfer_digits.net came)."""
    return mutated_files(300, seed=25)
