"""The undoable edits of a project's networks: add, rename, duplicate, delete, set as main,
Make block and Ungroup.

They change ``project.networks`` (and the graphs in it), not one graph, so they are undo
commands of the `Document` (like the section edits in `commands.py`); the document finds out
on the stack's index change which networks came, went or were renamed. Each is one undo step.

Make block and Ungroup carry out the plans of `block_plans` (`plan_block`, `plan_ungroup`),
which say what they do to the network's ``graph`` section and refuse with a reason a person
can act on. A rename of a network also renames it where the training section's GAN names it;
a network the GAN trains is not deleted.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from netstudio.core.blocks import BLOCK, network_name_problem, used_networks
from netstudio.core.graph import NetworkGraph
from netstudio.gui.block_plans import (
    SIDE_GAP,
    BlockRefusal,
    plan_block,
    plan_ungroup,
)
from netstudio.gui.i18n import translated
from netstudio.io import graph_from_dict, graph_to_dict

if TYPE_CHECKING:
    from netstudio.gui.document import Document
    from netstudio.io import Project

translate = QCoreApplication.translate

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
        problem = translated(problem)
        return problem[0].upper() + problem[1:]
    if name in project.networks and name != keep:
        text = translate(
            "BlockCommands", "This project already has a network '{network}': choose another name"
        )
        return text.format(network=name)
    return None


def users_of(project: Project, name: str) -> list[str]:
    """The networks with a Block of the network `name`."""
    return [other for other, graph in project.networks.items() if name in used_networks(graph)]


def gan_roles(project: Project) -> dict[str, str]:
    """The networks the training section's GAN names, by role (``generator``,
    ``discriminator``): the names it sets, and while the task is "gan" the defaults of those it
    leaves out (they are the names that train)."""
    training = project.training if isinstance(project.training, dict) else {}
    gan = training.get("gan")
    gan = gan if isinstance(gan, dict) else {}
    is_gan = training.get("task") == "gan"
    roles: dict[str, str] = {}
    for role in ("generator", "discriminator"):
        name = gan.get(role, role if is_gan else None)
        if isinstance(name, str):
            roles[role] = name
    return roles


def renamed_training(project: Project, old: str, new: str) -> dict[str, Any] | None:
    """The training section with the GAN's names of the network `old` changed to `new`, or
    None when the GAN does not name it."""
    roles = [role for role, name in gan_roles(project).items() if name == old]
    if not roles:
        return None
    training = copy.deepcopy(project.training)
    gan = training.get("gan")
    training["gan"] = gan = dict(gan) if isinstance(gan, dict) else {}
    for role in roles:
        gan[role] = new
    return training


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
        #: The training section before and after, when its GAN names a renamed network.
        self.training: tuple[dict[str, Any], dict[str, Any]] | None = None
        for old_name, new_name in (renames or {}).items():
            for _, graph in self.old[0]:
                for node in graph.nodes():
                    if node.type_id == BLOCK and node.params.get("network") == old_name:
                        self.blocks.append((graph, node.id, old_name, new_name))
            training = renamed_training(project, old_name, new_name)
            if training is not None:
                self.training = (copy.deepcopy(project.training), training)

    def redo(self) -> None:
        set_networks(self.project, *self.new)
        for graph, node_id, _, new_name in self.blocks:
            graph.set_params(node_id, {"network": new_name})
        if self.training is not None:
            self.project.training = copy.deepcopy(self.training[1])

    def undo(self) -> None:
        if self.training is not None:
            self.project.training = copy.deepcopy(self.training[0])
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
    """Rename a network; the Blocks using it, and the GAN's names of it, follow (one undo
    step)."""
    project = document.project
    new = new.strip()
    if new == old:
        return
    refused = name_refusal(project, new, keep=old)
    if refused is not None:
        raise BlockRefusal(refused)
    items = [(new if name == old else name, graph) for name, graph in project.networks.items()]
    main = new if project.main == old else project.main
    text = translate("BlockCommands", "Rename network {old} to {new}").format(old=old, new=new)
    command = NetworksCommand(document, items, main, text, renames={old: new})
    document.undo_stack.push(command)


def delete_refusal(project: Project, name: str) -> str | None:
    """Why the network `name` cannot be deleted, or None."""
    if name == project.main:
        text = translate(
            "BlockCommands",
            "'{network}' is the main network (the one that trains): make another network the "
            "main one first (Set as Main Network)",
        )
        return text.format(network=name)
    roles = [role for role, used in gan_roles(project).items() if used == name]
    if roles == ["generator", "discriminator"]:
        text = translate(
            "BlockCommands",
            "'{network}' is the GAN's generator and discriminator (Training panel, "
            "Generative adversarial: Generator, Discriminator): choose another network "
            "there first",
        )
        return text.format(network=name)
    if roles == ["generator"]:
        text = translate(
            "BlockCommands",
            "'{network}' is the GAN's generator (Training panel, Generative adversarial: "
            "Generator): choose another network there first",
        )
        return text.format(network=name)
    if roles:
        text = translate(
            "BlockCommands",
            "'{network}' is the GAN's discriminator (Training panel, Generative adversarial: "
            "Discriminator): choose another network there first",
        )
        return text.format(network=name)
    users = users_of(project, name)
    if users:
        text = translate(
            "BlockCommands",
            "A Block in {users} uses '{network}': delete or ungroup that block first",
        )
        return text.format(users=", ".join(repr(u) for u in users), network=name)
    return None


def delete_network(document: Document, name: str) -> None:
    project = document.project
    refused = delete_refusal(project, name)
    if refused is not None:
        raise BlockRefusal(refused)
    items = [(n, g) for n, g in project.networks.items() if n != name]
    text = translate("BlockCommands", "Delete {network}").format(network=name)
    document.undo_stack.push(NetworksCommand(document, items, project.main, text))


def set_main_network(document: Document, name: str) -> None:
    project = document.project
    if name == project.main:
        return
    items = list(project.networks.items())
    text = translate("BlockCommands", "Make {network} the main one").format(network=name)
    document.undo_stack.push(NetworksCommand(document, items, name, text))


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
        super().__init__(translate("BlockCommands", "Make block {network}").format(network=name))
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
        text = translate("BlockCommands", "Ungroup {block}")
        super().__init__(text.format(block=graph.node(block_id).name))
        self.project = document.project
        self.graph = graph
        self.old_networks = (list(self.project.networks.items()), self.project.main)
        uses = sum(
            node.type_id == BLOCK and node.params.get("network") == self.name
            for other in self.project.networks.values()
            for node in other.nodes()
        )
        #: The network is removed with its last Block (it would only stand unused), unless
        #: it is the main one or the GAN trains it.
        kept = {self.project.main, *gan_roles(self.project).values()}
        self.drops_network = uses == 1 and self.name not in kept

    def redo(self) -> None:
        replace_graph(self.graph, self.plan.after)
        if self.drops_network:
            del self.project.networks[self.name]

    def undo(self) -> None:
        if self.drops_network:
            set_networks(self.project, *self.old_networks)
        replace_graph(self.graph, self.plan.before)
