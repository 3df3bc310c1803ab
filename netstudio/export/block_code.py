"""Blocks in exported Python: one class per block network, its copies in an `nn.Sequential`.

A Block node of the project compiles to a `ModuleList` of copies (``stage1.0``, ``stage1.1``
...), each a module of the block's network compiled with that copy's shapes. The export writes
that network once, as a class named after it (``res_block`` gives ``ResBlock``), and builds the
copies from it, so the state_dict keys stay the compiled model's (``stage1.0.conv1.weight``).
Where the copies of a network differ (the first copy of a stage takes 16 channels, the others
32), the sizes that differ become the class's constructor arguments and each copy is built
with its own.

This module finds every copy of every block network (`block_instances`), names their classes
(`block_class_names`), and writes a Block node's line in ``__init__`` (`container_lines`) and
its call in ``forward`` (`call_lines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from netstudio.core.blocks import BLOCK
from netstudio.core.compiler import META_KEY
from netstudio.export.code import LINE_LENGTH, class_name, wrap_call

if TYPE_CHECKING:
    from torch import fx

    from netstudio.core.shapes import ShapeInference


@dataclass(frozen=True)
class Instance:
    """One place a network's class is built: the analysis of that copy (its shapes and
    auto-filled sizes) and the module the compiler made for it."""

    analysis: ShapeInference
    module: fx.GraphModule


def block_instances(analysis: ShapeInference, module: fx.GraphModule) -> dict[str, list[Instance]]:
    """Every copy of every block network that the compiled `module` holds, at any depth, by
    network name; a network comes after the networks its own blocks use, the order in which
    the classes are written (a class before the classes that build it)."""
    found: dict[str, list[Instance]] = {}
    order: list[str] = []

    def visit(analysis: ShapeInference, module: fx.GraphModule) -> None:
        graph = analysis.graph
        for attr, node_id in module.meta[META_KEY]["modules"].items():
            node = graph.node(node_id)
            if node.type_id != BLOCK:
                continue
            name = node.params["network"]
            for k, copy in enumerate(analysis.info(node_id).copies):
                inner = module.get_submodule(f"{attr}.{k}")
                found.setdefault(name, []).append(Instance(copy, inner))
                visit(copy, inner)
            if name not in order:
                order.append(name)

    visit(analysis, module)
    return {name: found[name] for name in order}


def block_class_names(networks: list[str], taken: set[str]) -> dict[str, str]:
    """A class name for each network, in CamelCase after its name, none of them in `taken`
    (the main class, copied NetStudio classes) nor the same as another's."""
    names: dict[str, str] = {}
    used = set(taken)
    for network in networks:
        base = class_name(network)
        candidate = base if base not in used else f"{base}Block"
        number = 2
        while candidate in used:
            candidate, number = f"{base}{number}", number + 1
        used.add(candidate)
        names[network] = candidate
    return names


def container_lines(attr: str, calls: list[tuple[str, list[str]]], sequential: bool) -> list[str]:
    """``self.<attr> = nn.Sequential(...)`` (or `nn.ModuleList` when the copies take several
    inputs) building one copy per call of `calls` (the class and its arguments), written as
    ruff formats it; copies built alike are one comprehension."""
    container = "nn.Sequential" if sequential else "nn.ModuleList"
    rendered = [f"{cls}({', '.join(args)})" for cls, args in calls]
    prefix = f"self.{attr} = {container}"
    if len(set(rendered)) == 1 and len(rendered) > 1:
        count = len(rendered)
        each = f"{rendered[0]} for _ in range({count})"
        items = [f"*[{each}]"] if sequential else [f"[{each}]"]
        lines = wrap_call(prefix, items, 8)
        if all(len(line) <= LINE_LENGTH for line in lines):
            return lines
    if sequential:
        return _nested_call(prefix, calls, 8, "")
    listed = f"[{', '.join(rendered)}]"
    for lines in (
        [f"        {prefix}({listed})"],
        [f"        {prefix}(", f"            {listed}", "        )"],
    ):
        if all(len(line) <= LINE_LENGTH for line in lines):
            return lines
    inner = _nested_call("", calls, 16, ",", bare=True)
    return [f"        {prefix}(", "            [", *inner, "            ]", "        )"]


def _nested_call(
    prefix: str, calls: list[tuple[str, list[str]]], indent: int, suffix: str, bare: bool = False
) -> list[str]:
    """``prefix(A(...), B(...))suffix`` split as ruff splits it: on one line, the calls on one
    line of their own, or one call a line (each split again when it is still too long). With
    `bare`, just the calls one a line at `indent`, each followed by `suffix`."""
    rendered = [f"{cls}({', '.join(args)})" for cls, args in calls]
    if not bare:
        lines = wrap_call(prefix, rendered, indent, suffix)
        if all(len(line) <= LINE_LENGTH for line in lines):
            return lines
        pad = " " * indent
        body = _nested_call("", calls, indent + 4, ",", bare=True)
        return [f"{pad}{prefix}(", *body, f"{pad}){suffix}"]
    lines: list[str] = []
    for cls, args in calls:
        lines.extend(wrap_call(cls, args, indent, suffix))
    return lines


def call_lines(
    attr: str,
    args: list[str],
    targets: list[str],
    repeat: int,
    sequential: bool,
    loop_name: str,
) -> list[str]:
    """The statements of ``forward`` that run Block `attr`'s copies on `args` and bind
    `targets` to the last copy's outputs: one call of the `nn.Sequential`, or for copies of
    several inputs a loop that feeds each copy's outputs to the next (`loop_name` its
    variable)."""
    target = ", ".join(targets)
    if sequential:
        return wrap_call(f"{target} = self.{attr}", args, 8)
    if repeat == 1:
        return wrap_call(f"{target} = self.{attr}[0]", args, 8)
    carried = attr
    return [
        f"        {carried} = {', '.join(args)}",
        f"        for {loop_name} in self.{attr}:",
        f"            {carried} = {loop_name}(*{carried})",
        f"        {target} = {carried}",
    ]
