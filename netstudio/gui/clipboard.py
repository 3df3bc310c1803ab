"""Copying nodes as `.net` JSON, so they paste into this window, another one, or a text editor.

The clipboard holds the ``graph`` section of a project file (the selected nodes and the wires
among them) both under `GRAPH_MIME` and as plain text. When Block nodes are among them, it also
holds, under ``networks``, the networks those blocks use (and the ones those use, at any depth)
as a project file spells them, so a paste into another project brings them along
(`block_paste`). A whole project file pasted as text gives its main network's nodes, and its
other networks for the blocks among them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from netstudio.core.blocks import BLOCK, used_networks
from netstudio.core.graph import NetworkGraph
from netstudio.io import graph_to_dict

GRAPH_MIME = "application/x-netstudio-graph+json"


def nodes_to_mime(graph: NetworkGraph, node_ids: Iterable[str]) -> QMimeData:
    """The nodes and the wires among them, as clipboard data (with the networks their Blocks
    use: see module docstring)."""
    node_ids = list(node_ids)
    data = graph_to_dict(graph, node_ids)
    networks = _used_networks(graph, node_ids)
    if networks:
        data["networks"] = networks
    text = json.dumps(data, indent=2, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(GRAPH_MIME, text.encode("utf-8"))
    mime.setText(text)
    return mime


def _used_networks(graph: NetworkGraph, node_ids: list[str]) -> list[dict[str, Any]]:
    """The networks the Blocks among `node_ids` reach, each as ``{"name", "graph"}``, every one
    after those it uses (so each can be built once those before it are)."""
    library = graph.library
    if library is None:
        return []
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in library:
            return
        seen.add(name)
        for used in used_networks(library[name]):
            visit(used)
        order.append(name)

    for node_id in node_ids:
        node = graph.node(node_id)
        if node.type_id == BLOCK:
            visit(node.params.get("network", ""))
    return [{"name": name, "graph": graph_to_dict(library[name])} for name in order]


def _clipboard_json(mime: QMimeData | None) -> Any:
    """The JSON `mime` holds (ours, or text), else None."""
    if mime is None:
        return None
    if mime.hasFormat(GRAPH_MIME):
        raw = bytes(mime.data(GRAPH_MIME).data()).decode("utf-8", "replace")
    elif mime.hasText():
        raw = mime.text()
    else:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def graph_data(mime: QMimeData | None) -> dict[str, Any] | None:
    """The ``graph`` section held by `mime` (ours, or .net JSON pasted as text), else None."""
    data = _clipboard_json(mime)
    if isinstance(data, dict):
        data = _main_graph(data)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not data["nodes"]:
        return None
    return {key: value for key, value in data.items() if key != "networks"}


def networks_data(mime: QMimeData | None) -> dict[str, dict[str, Any]]:
    """The networks `mime` holds beside its nodes, ``graph`` sections by name: those copied
    with Blocks, or a whole project file's networks other than its main one."""
    data = _clipboard_json(mime)
    if not isinstance(data, dict) or not isinstance(data.get("networks"), list):
        return {}
    main = data.get("main") if "nodes" not in data else None
    return {
        entry["name"]: entry["graph"]
        for entry in data["networks"]
        if isinstance(entry, dict)
        and isinstance(entry.get("name"), str)
        and entry["name"] != main
        and isinstance(entry.get("graph"), dict)
    }


def _main_graph(data: dict[str, Any]) -> Any:
    """The ``graph`` section `data` holds: itself, or for a whole project file its main
    network's (format 3: ``networks`` and ``main``; format 2: ``graph``)."""
    networks = data.get("networks")
    if isinstance(networks, list) and "nodes" not in data:  # ours carries networks beside
        graphs = [n for n in networks if isinstance(n, dict) and isinstance(n.get("graph"), dict)]
        main = [n for n in graphs if n.get("name") == data.get("main")]
        return (main or graphs or [{"graph": None}])[0]["graph"]
    return data["graph"] if isinstance(data.get("graph"), dict) else data


def copy_nodes(graph: NetworkGraph, node_ids: Iterable[str]) -> None:
    QApplication.clipboard().setMimeData(nodes_to_mime(graph, node_ids))


def clipboard_graph() -> dict[str, Any] | None:
    return graph_data(QApplication.clipboard().mimeData())


def clipboard_networks() -> dict[str, dict[str, Any]]:
    return networks_data(QApplication.clipboard().mimeData())
