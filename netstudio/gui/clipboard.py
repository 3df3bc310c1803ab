"""Copying nodes as `.net` JSON, so they paste into this window, another one, or a text editor.

The clipboard holds the ``graph`` section of a project file (the selected nodes and the wires
among them) both under `GRAPH_MIME` and as plain text. A whole project file pasted as text
gives its main network's nodes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from netstudio.core.graph import NetworkGraph
from netstudio.io import graph_to_dict

GRAPH_MIME = "application/x-netstudio-graph+json"


def nodes_to_mime(graph: NetworkGraph, node_ids: Iterable[str]) -> QMimeData:
    """The nodes and the wires among them, as clipboard data."""
    text = json.dumps(graph_to_dict(graph, node_ids), indent=2, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(GRAPH_MIME, text.encode("utf-8"))
    mime.setText(text)
    return mime


def graph_data(mime: QMimeData | None) -> dict[str, Any] | None:
    """The ``graph`` section held by `mime` (ours, or .net JSON pasted as text), else None."""
    if mime is None:
        return None
    if mime.hasFormat(GRAPH_MIME):
        raw = bytes(mime.data(GRAPH_MIME).data()).decode("utf-8", "replace")
    elif mime.hasText():
        raw = mime.text()
    else:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = _main_graph(data)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not data["nodes"]:
        return None
    return data


def _main_graph(data: dict[str, Any]) -> Any:
    """The ``graph`` section `data` holds: itself, or for a whole project file its main
    network's (format 3: ``networks`` and ``main``; format 2: ``graph``)."""
    networks = data.get("networks")
    if isinstance(networks, list):
        graphs = [n for n in networks if isinstance(n, dict) and isinstance(n.get("graph"), dict)]
        main = [n for n in graphs if n.get("name") == data.get("main")]
        return (main or graphs or [{"graph": None}])[0]["graph"]
    return data["graph"] if isinstance(data.get("graph"), dict) else data


def copy_nodes(graph: NetworkGraph, node_ids: Iterable[str]) -> None:
    QApplication.clipboard().setMimeData(nodes_to_mime(graph, node_ids))


def clipboard_graph() -> dict[str, Any] | None:
    return graph_data(QApplication.clipboard().mimeData())
