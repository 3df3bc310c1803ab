"""Repeated submodules of an imported model as blocks: one network per structure, used by Blocks.

A model built of repeated parts (ResNet's BasicBlocks, MobileNet's InvertedResiduals, a
custom ``nn.Sequential(Block(), Block(), Block())``) is traced flat by torch.fx, but every fx
node remembers which module calls it was made in (``node.meta["nn_module_stack"]``). A call of
a module whose class is called at least twice in the model (containers, catalogue layers and
the model itself aside) is a *region*: the fx nodes of that call, contiguous in the graph.
`RegionPlan` finds them, outermost first (a region's inside stays flat).

The translator turns each region into a network of its own (its outside tensors become Input
nodes, the tensors used outside it Output nodes) and puts one Block node in its place.
Regions whose networks are the same (`network_signature`: the same layers, settings and wires,
in the same order) share one network; consecutive copies that feed one another (copy k's
outputs are copy k+1's inputs and nothing else reads them) become one Block with a repeat
count (`BlockChain`).

Auto-filled sizes (a Conv2d's ``in_channels``, a BatchNorm's ``num_features``, the Input's
shape) are left empty in a block's network, as a person draws one in NetStudio: each copy
fills them from what reaches it, so copies that differ only there share one network and one
edit changes them all. Every other setting (``out_channels``, a stride, a depthwise
convolution's ``groups``) is part of the structure: a BasicBlock with a downsample branch, or
with 128 channels instead of 64, gets a network of its own (``BasicBlock_1``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netstudio.core.blocks import MAX_NAME, MAX_REPEAT, network_name_problem
from netstudio.core.graph import NetworkGraph, python_name
from netstudio.importing.function_rules import Ref
from netstudio.importing.module_rules import has_layer

if TYPE_CHECKING:
    import torch
    from torch import fx, nn


@dataclass(frozen=True)
class Region:
    """One call of a repeated module: its fx nodes, in graph order.

    key: the call's key in ``nn_module_stack`` (``layer1.0``; ``block@1`` for a second call of
    one instance). path: the module's qualified name (``layer1.0``). kind: its class name.
    """

    key: str
    path: str
    kind: str
    nodes: tuple[fx.Node, ...]

    def inputs(self) -> list[fx.Node]:
        """The fx nodes outside the region that it reads, in order of first use."""
        inside = set(self.nodes)
        found: dict[fx.Node, None] = {}
        for n in self.nodes:
            for arg in n.all_input_nodes:
                if arg not in inside:
                    found[arg] = None
        return list(found)

    def outputs(self) -> list[fx.Node]:
        """The region's fx nodes that something outside it reads, in graph order."""
        inside = set(self.nodes)
        return [n for n in self.nodes if any(user not in inside for user in n.users)]

    def local_name(self, target: str) -> str:
        """A submodule's name inside the region (``layer1.0.conv1`` gives ``conv1``)."""
        prefix = self.path + "."
        return target[len(prefix) :] if target.startswith(prefix) else target


class RegionPlan:
    """Which fx nodes of a traced model are made in a call of a repeated module (see module
    docstring). `root` is the traced model itself, where the modules are looked up."""

    def __init__(self, gm: fx.GraphModule, root: nn.Module) -> None:
        calls: dict[type, set[str]] = {}
        for n in gm.graph.nodes:
            for key, (_path, kind) in n.meta.get("nn_module_stack", {}).items():
                calls.setdefault(kind, set()).add(key)
        repeated = {kind for kind, keys in calls.items() if len(keys) > 1 and _blockable(kind)}
        order: dict[str, list[fx.Node]] = {}
        about: dict[str, tuple[str, type]] = {}
        for n in gm.graph.nodes:
            for key, (path, kind) in n.meta.get("nn_module_stack", {}).items():
                if kind in repeated and not has_layer(root.get_submodule(path)):
                    order.setdefault(key, []).append(n)
                    about[key] = (path, kind)
                    break
        place = {n: i for i, n in enumerate(gm.graph.nodes)}
        self._first: dict[fx.Node, Region] = {}
        for key, nodes in order.items():
            path, kind = about[key]
            # A call's nodes follow one another (symbolic tracing runs it through): were they
            # ever apart, the call stays flat rather than be guessed at.
            if place[nodes[-1]] - place[nodes[0]] == len(nodes) - 1:
                self._first[nodes[0]] = Region(key, path, kind.__name__, tuple(nodes))

    def starting_at(self, n: fx.Node) -> Region | None:
        """The region whose first fx node is `n`, or None."""
        return self._first.get(n)

    def __bool__(self) -> bool:
        return bool(self._first)


def _blockable(kind: type) -> bool:
    """Whether calls of `kind` may be blocks: not a container that only runs its children in
    order (nn.Sequential, and subclasses that keep its forward, like torchvision's
    Conv2dNormActivation or RegNet's stages): their children are the blocks."""
    from torch import nn

    return getattr(kind, "forward", None) is not nn.Sequential.forward


def blank_auto_sizes(graph: NetworkGraph) -> None:
    """Empty every auto-filled parameter of `graph` (each copy of a block fills its own)."""
    for node in list(graph.nodes()):
        blank = {
            spec.name: None
            for spec in node.spec.params
            if spec.auto and node.params.get(spec.name) is not None
        }
        if blank:
            graph.set_params(node.id, blank)


def network_signature(graph: NetworkGraph) -> str:
    """What makes two imported networks the same network: each node's type and parameters and
    the wires into it, in node order (names aside)."""
    index = {node.id: i for i, node in enumerate(graph.nodes())}
    rows = []
    for node in graph.nodes():
        wires = sorted(
            (edge.dst_port, index[edge.src], edge.src_port) for edge in graph.in_edges(node.id)
        )
        rows.append([node.type_id, node.params, wires])
    return json.dumps(rows, sort_keys=True, default=str)


@dataclass
class BlockNetworks:
    """The block networks made so far, by name, and the structure each stands for."""

    taken: set[str] = field(default_factory=lambda: {"main"})
    by_signature: dict[str, str] = field(default_factory=dict)
    graphs: dict[str, NetworkGraph] = field(default_factory=dict)

    def find_or_add(self, kind: str, graph: NetworkGraph) -> tuple[str, bool]:
        """The network name for `graph` (a region of class `kind`): an existing network with
        the same signature, else a new one named after the class; and whether it is new."""
        signature = network_signature(graph)
        name = self.by_signature.get(signature)
        if name is not None:
            return name, False
        base = python_name(kind)[: MAX_NAME - 4]
        if network_name_problem(base) is not None:
            base = "Block"
        name, i = base, 1
        while name in self.taken:
            name, i = f"{base}_{i}", i + 1
        self.taken.add(name)
        self.by_signature[signature] = name
        self.graphs[name] = graph
        return name, True


@dataclass
class BlockChain:
    """A Block being built: copies of one network, each fed the previous one's outputs.

    inputs: the Block's input tensors (of the first copy). copies: per copy, its weights by the
    network's node id. paths: each copy's module path. outputs: the fx nodes the last copy
    gives, and their tensors as the network's Output ids with shapes.
    """

    network: str
    inputs: list[Ref]
    copies: list[dict[str, Mapping[str, torch.Tensor]]]
    paths: list[str]
    outputs: list[fx.Node]
    results: list[tuple[str, tuple[int, ...], str]]

    def takes(self, network: str, region: Region) -> bool:
        """Whether `region` (a copy of `network`) can be the next copy: it reads exactly the
        last copy's outputs, in order, and nothing else reads them."""
        if network != self.network or len(self.copies) >= MAX_REPEAT:
            return False
        if region.inputs() != self.outputs or len(self.outputs) != len(self.inputs):
            return False
        inside = set(region.nodes)
        return all(user in inside for n in self.outputs for user in n.users)

    def name(self, root: nn.Module) -> str:
        """The Block's name: the container's (``layer1``) when the copies are all its children,
        in order (so the compiled keys are ``layer1.0.conv1.weight``, as in the model); else
        the first copy's path."""
        first = self.paths[0]
        if len(self.paths) > 1 and "." in first:
            parent = first.rsplit(".", 1)[0]
            children = [
                f"{parent}.{child}" for child, _ in root.get_submodule(parent).named_children()
            ]
            if children == self.paths:
                return parent
        return first


def weights_by_index(
    copy: NetworkGraph, network: NetworkGraph, weights: Mapping[str, Any]
) -> dict[str, Any]:
    """A copy's weights (by its own node ids) by the node ids of `network`, which has the same
    signature: node i of one is node i of the other."""
    ids = dict(zip((n.id for n in copy.nodes()), (n.id for n in network.nodes()), strict=True))
    return {ids[node_id]: tensors for node_id, tensors in weights.items()}
