"""What the network and block actions do in the window: Model > New Network, Rename, Duplicate,
Delete, Set as Main; Make Block (Ctrl+G), Ungroup (Ctrl+Shift+G); a double-clicked Block opens
its network's tab.

Each edit is one undo command (`block_commands`); what cannot be done is said in the status
bar with the reason and what to do, and changes nothing. Names are asked with a small dialog
that offers a free name (``block1``, ``net1``…).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QWidget

from netstudio.core.blocks import BLOCK, block_ports, refuse_block
from netstudio.core.params import ParamSpec
from netstudio.gui.block_commands import (
    BlockRefusal,
    MakeBlockCommand,
    UngroupCommand,
    add_network,
    copied_graph,
    delete_network,
    new_network_name,
    plan_block,
    rename_network,
    set_main_network,
    starter_graph,
)
from netstudio.gui.block_texts import counted
from netstudio.gui.i18n import translated
from netstudio.gui.param_editors import ParamEditor

if TYPE_CHECKING:
    from netstudio.core.graph import NetworkGraph, Node
    from netstudio.gui.document import Document
    from netstudio.gui.main_window import MainWindow

translate = QCoreApplication.translate


def ask_name(window: MainWindow, title: str, label: str, default: str) -> str | None:
    """The name the person typed (stripped), or None when they cancelled."""
    text, ok = QInputDialog.getText(window, title, label, QLineEdit.EchoMode.Normal, default)
    return text.strip() if ok and text.strip() else None


class BlockEditing:
    """The window's network and block edits (see module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def menu_entries(self) -> list[QAction | None]:
        """The Model menu's network and block entries (None: a separator)."""
        a = self.window.menu_actions
        return [a.new_network, a.rename_network, a.duplicate_network, a.delete_network,
                a.set_main_network, None, a.make_block, a.ungroup]  # fmt: skip

    def connect_actions(self) -> None:
        a = self.window.menu_actions
        a.new_network.triggered.connect(self.new_network)
        a.rename_network.triggered.connect(self.rename_network)
        a.duplicate_network.triggered.connect(self.duplicate_network)
        a.delete_network.triggered.connect(self.delete_network)
        a.set_main_network.triggered.connect(self.set_main_network)
        a.make_block.triggered.connect(self.make_block)
        a.ungroup.triggered.connect(self.ungroup)
        self.window.network_tabs.rename_requested.connect(self.rename_network)

    @property
    def document(self) -> Document | None:
        return self.window.document

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    # --- networks ------------------------------------------------------------------------------

    def new_network(self) -> None:
        document = self.document
        if document is None:
            return
        project = document.project
        name = ask_name(
            self.window,
            translate("BlockEditing", "New Network"),
            translate("BlockEditing", "Name of the new network:"),
            new_network_name(project, "net"),
        )
        if name is not None:
            text = translate("BlockEditing", "Add network {network}").format(network=name)
            self._add(document, name, lambda: starter_graph(project), text)

    def duplicate_network(self) -> None:
        document = self.document
        if document is None:
            return
        old = document.shown_name
        default = new_network_name(document.project, f"{old}_copy")
        label = translate("BlockEditing", "Name of the copy of {network}:").format(network=old)
        title = translate("BlockEditing", "Duplicate Network")
        name = ask_name(self.window, title, label, default)
        if name is not None:
            graph = document.graph
            text = translate("BlockEditing", "Duplicate {network}").format(network=old)
            self._add(document, name, lambda: copied_graph(document.project, graph), text)

    def _add(
        self, document: Document, name: str, make: Callable[[], NetworkGraph], text: str
    ) -> None:
        try:
            add_network(document, name, make(), text)
        except BlockRefusal as refusal:
            self.say(
                translate("BlockEditing", "Cannot add the network: {reason}").format(reason=refusal)
            )
            return
        document.show_network(name)

    def rename_network(self) -> None:
        document = self.document
        if document is None:
            return
        old = document.shown_name
        label = translate("BlockEditing", "New name of {network}:").format(network=old)
        name = ask_name(self.window, translate("BlockEditing", "Rename Network"), label, old)
        if name is None:
            return
        try:
            rename_network(document, old, name)
        except BlockRefusal as refusal:
            text = translate("BlockEditing", "Cannot rename {network}: {reason}")
            self.say(text.format(network=old, reason=refusal))

    def delete_network(self) -> None:
        document = self.document
        if document is None:
            return
        name = document.shown_name
        try:
            delete_network(document, name)
        except BlockRefusal as refusal:
            text = translate("BlockEditing", "Cannot delete {network}: {reason}")
            self.say(text.format(network=name, reason=refusal))
            return
        text = translate("BlockEditing", "Deleted the network {network} (Undo brings it back)")
        self.say(text.format(network=name))

    def set_main_network(self) -> None:
        document = self.document
        if document is not None:
            set_main_network(document, document.shown_name)
            text = translate("BlockEditing", "{network} is the main network now: it is what trains")
            self.say(text.format(network=document.project.main))

    # --- blocks --------------------------------------------------------------------------------

    def _selected(self) -> list[str]:
        scene = self.window.scene
        return scene.selected_node_ids() if scene is not None else []

    def make_block(self) -> None:
        """Model > Make Block: the selected layers become a network of their own."""
        document, scene = self.document, self.window.scene
        if document is None or scene is None:
            return
        ids = self._selected()
        default = new_network_name(document.project, "block")
        try:
            plan_block(document.graph, ids, default)  # refuse before asking for a name
        except BlockRefusal as refusal:
            self.say(
                translate("BlockEditing", "Cannot make a block: {reason}").format(reason=refusal)
            )
            return
        name = ask_name(
            self.window,
            translate("BlockEditing", "Make Block"),
            translate("BlockEditing", "Name of the block's network:"),
            default,
        )
        if name is None:
            return
        try:
            command = MakeBlockCommand(document, document.graph, ids, name)
        except BlockRefusal as refusal:
            self.say(
                translate("BlockEditing", "Cannot make a block: {reason}").format(reason=refusal)
            )
            return
        document.undo_stack.push(command)
        scene.select_nodes([command.block_id])
        self.say(counted().made_block(name, len(ids)))

    def ungroup(self) -> None:
        """Model > Ungroup: the selected Block's layers back in its place."""
        document, scene = self.document, self.window.scene
        if document is None or scene is None:
            return
        blocks = [i for i in self._selected() if document.graph.node(i).type_id == BLOCK]
        if len(blocks) != 1:
            self.say(translate("BlockEditing", "Cannot ungroup: select one Block node first"))
            return
        before = {node.id for node in document.graph.nodes()}
        try:
            command = UngroupCommand(document, document.graph, blocks[0])
        except BlockRefusal as refusal:
            self.say(translate("BlockEditing", "Cannot ungroup: {reason}").format(reason=refusal))
            return
        document.undo_stack.push(command)
        scene.select_nodes([n.id for n in document.graph.nodes() if n.id not in before])
        if command.drops_network:
            text = translate(
                "BlockEditing",
                "Ungrouped {network} (no other block used its network, so it went too)",
            )
        else:
            text = translate("BlockEditing", "Ungrouped {network}")
        self.say(text.format(network=command.name))

    def open_block(self, node_id: str) -> bool:
        """Show the network of Block `node_id`; False when the node is no Block (or its
        network is missing)."""
        document = self.document
        if document is None or node_id not in document.graph:
            return False
        node = document.graph.node(node_id)
        name = node.params.get("network", "")
        if node.type_id != BLOCK or name not in document.project.networks:
            return False
        document.show_network(name)
        return True


class NetworkEditor(ParamEditor):
    """A Block's ``network`` in the Inspector: a list of the project's networks. A network the
    block cannot stand for is refused with the reason: one that would use the network the
    block is in (a loop of blocks), or one whose ports differ from those the block's wires
    are on (unwire them first)."""

    def __init__(self, spec: ParamSpec, parent: QWidget, document: Document, node: Node) -> None:
        self.document = document
        self.node_id = node.id
        self.names = list(document.project.networks)
        super().__init__(spec, parent)

    def _make(self, parent: QWidget) -> QWidget:
        box = QComboBox(parent)
        box.addItems(self.names)
        box.activated.connect(lambda index: self._choose(self.names[index]))
        return box

    def refusal(self, name: str) -> str | None:
        """Why the block may not stand for the network `name`, or None."""
        document = self.document
        library = document.project.networks
        refused = refuse_block(library, document.shown_name, name)
        if refused is not None:
            refused = translated(refused)
            return refused[0].upper() + refused[1:]
        graph = document.graph
        node = graph.node(self.node_id)
        ins, outs = block_ports(replace(node, params={**node.params, "network": name}), library)
        wired = {e.dst_port for e in graph.in_edges(node.id)} - set(ins)
        wired |= {e.src_port for e in graph.out_edges(node.id)} - set(outs)
        if wired:
            text = translate(
                "NetworkEditor",
                "'{network}' has no port {ports} that this block's wires are on: remove those "
                "wires first",
            )
            return text.format(network=name, ports=", ".join(sorted(wired)))
        return None

    def _choose(self, name: str) -> None:
        refused = self.refusal(name)
        if refused is not None:
            self._refused(refused)
            self._show(self.document.graph.node(self.node_id).params["network"], None)
            return
        self._refused("")
        self._commit(name)

    def _show(self, value: Any, implied: Any) -> str:
        box: QComboBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(box):
            box.setCurrentIndex(self.names.index(value) if value in self.names else -1)
        if value in self.names:
            return ""
        text = translate("NetworkEditor", "this project has no network '{network}'")
        return text.format(network=value)

    def _show_unfit(self, value: Any) -> None:
        box: QComboBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(box):
            box.setCurrentIndex(-1)


def param_editor(
    spec: ParamSpec, parent: QWidget, document: Document | None, node: Node
) -> ParamEditor | None:
    """The editor a Block's parameter takes in the Inspector, or None for the usual one."""
    if node.type_id == BLOCK and spec.name == "network" and document is not None:
        return NetworkEditor(spec, parent, document, node)
    return None
