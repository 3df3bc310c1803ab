"""Pasting Block nodes with the networks they use.

Copied Blocks carry their networks on the clipboard (`clipboard.nodes_to_mime`). On paste,
`plan_networks` decides, network by network (each after those it uses), what the project
needs: a network it has with the same layers and wires (positions aside) is used as it is; one
it lacks is added under its name; one whose name it has for a different graph is added under a
fresh name (``res_block_2``), and the pasted Blocks (and the added networks' own Blocks) point
at that name. `PasteBlocksCommand` adds those networks and pastes the nodes as one undo step.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from netstudio.core.blocks import BLOCK, network_name_problem
from netstudio.core.errors import GraphError
from netstudio.core.graph import NetworkGraph
from netstudio.gui.block_texts import counted
from netstudio.gui.commands import GraphCommand, PasteCommand
from netstudio.gui.i18n import error_said
from netstudio.gui.project_files import file_problem_text
from netstudio.io import ProjectFileError, graph_from_dict, graph_to_dict

if TYPE_CHECKING:
    from netstudio.core.blocks import Library

translate = QCoreApplication.translate


@dataclass
class NetworkPlan:
    """What a paste of Blocks needs: the nodes to paste (their Blocks renamed where their
    network comes under a new name), and the networks to add, in order, by name."""

    data: dict[str, Any]
    adds: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)


def _blocks_of(section: Mapping[str, Any]) -> list[str]:
    """The networks a ``graph`` section's Block nodes name, once each, in node order."""
    names: dict[str, None] = {}
    for node in section.get("nodes", []):
        if isinstance(node, dict) and node.get("type") == BLOCK:
            params = node.get("params")
            name = params.get("network") if isinstance(params, dict) else None
            if isinstance(name, str):
                names[name] = None
    return list(names)


def _renamed(section: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """`section` with its Blocks' networks renamed as `renames` says."""
    result = copy.deepcopy(dict(section))
    for node in result.get("nodes", []):
        if isinstance(node, dict) and node.get("type") == BLOCK:
            params = node.get("params")
            if isinstance(params, dict) and params.get("network") in renames:
                params["network"] = renames[params["network"]]
    return result


def _meaning(section: Mapping[str, Any]) -> Any:
    """What a network is, its nodes' places aside: two networks the same but for where their
    nodes stand are the same network."""
    nodes = [
        {k: v for k, v in node.items() if k != "position"} if isinstance(node, dict) else node
        for node in section.get("nodes", [])
    ]
    return nodes, section.get("edges", [])


def plan_networks(
    library: Mapping[str, NetworkGraph], data: Mapping[str, Any], copied: Mapping[str, Any]
) -> NetworkPlan:
    """What pasting the nodes `data` into a project of networks `library` needs, given the
    networks `copied` with them (see module docstring). A network the nodes' Blocks name that
    was not copied and the project lacks stays missing: the Block says so."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in copied or network_name_problem(name) is not None:
            return
        seen.add(name)
        section = copied[name]
        if isinstance(section, dict):
            for used in _blocks_of(section):
                visit(used)
            order.append(name)

    for name in _blocks_of(data):
        visit(name)
    taken = set(library) | set(copied)
    plan = NetworkPlan(dict(data))
    for name in order:
        section = _renamed(copied[name], plan.renames)
        if name in library:
            if _meaning(graph_to_dict(library[name])) == _meaning(section):
                continue  # the project has it: the pasted Blocks use it
            plan.renames[name] = _fresh_name(name, taken)
        plan.adds.append((plan.renames.get(name, name), section))
    plan.data = _renamed(data, plan.renames)
    return plan


def _fresh_name(name: str, taken: set[str]) -> str:
    """``<name>_2``, ``<name>_3``…: the first not in `taken` (which it joins)."""
    number = 2
    while f"{name}_{number}" in taken:
        number += 1
    fresh = f"{name}_{number}"
    taken.add(fresh)
    return fresh


class PasteBlocksCommand(GraphCommand):
    """Add the networks pasted Blocks need, then paste the nodes: one undo step. Undo takes
    the nodes and the added networks away; redo brings back the very same ones."""

    def __init__(
        self, library: Library, graph: NetworkGraph, plan: NetworkPlan, offset: tuple[float, float]
    ) -> None:
        self.paste = PasteCommand(graph, plan.data, offset)
        added = ", ".join(name for name, _ in plan.adds)
        text = counted().paste_with_networks(self.paste.text(), added, len(plan.adds))
        super().__init__(graph, text)
        self.library = library
        self.plan = plan
        self.graphs: list[tuple[str, NetworkGraph]] = []

    @property
    def node_ids(self) -> list[str]:
        return self.paste.node_ids

    def apply(self) -> None:
        built = bool(self.graphs)
        added: list[str] = []
        try:
            if built:
                for name, graph in self.graphs:
                    self.library[name] = graph
                    added.append(name)
            else:
                for name, section in self.plan.adds:
                    graph = NetworkGraph(self.library)
                    try:
                        graph_from_dict(section, graph)
                    except ProjectFileError as error:
                        text = translate(
                            "BlockPaste", "cannot paste the network '{network}': {reason}"
                        )
                        first = error.problems[0] if error.problems else None
                        reason = file_problem_text(first) if first else error_said(error)
                        raise GraphError(text.format(network=name, reason=reason)) from None
                    self.library[name] = graph
                    added.append(name)
                    self.graphs.append((name, graph))
            self.paste.apply()
        except GraphError:
            for name in reversed(added):
                del self.library[name]
            if not built:
                self.graphs.clear()
            raise

    def undo(self) -> None:
        self.paste.undo()
        for name, _ in reversed(self.graphs):
            del self.library[name]


def paste_command(
    library: Library | None,
    graph: NetworkGraph,
    data: dict[str, Any],
    offset: tuple[float, float],
    copied: Mapping[str, Any],
) -> PasteCommand | PasteBlocksCommand:
    """The undo command that pastes `data` into `graph`: with the networks its Blocks need
    from `copied` when the project lacks them, else a plain paste."""
    if library is None or not copied:
        return PasteCommand(graph, data, offset)
    plan = plan_networks(library, data, copied)
    if not plan.adds:
        return PasteCommand(graph, plan.data, offset)
    return PasteBlocksCommand(library, graph, plan, offset)
