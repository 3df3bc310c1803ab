"""The undo commands of a search: editing the project's "search" section, and Apply best.

Kept beside `netstudio.gui.commands` (the home of the graph's and sections' commands) so that
file does not grow with the search's: each is one undo step, and a trial (a record) is never
one. The Search panel and the fields listen to the document's `edited`, which every push, undo
and redo announces.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from netstudio.search.targets import apply_params

if TYPE_CHECKING:
    from netstudio.gui.document import Document


class SetSearchCommand(QUndoCommand):
    """Replace the project's ``search`` section with `value` (a JSON-able dict): a parameter
    added, edited or removed, or the budget, objective, sampler, pruner changed."""

    def __init__(self, document: Document, value: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self.document = document
        self.old = copy.deepcopy(document.project.search)
        self.new = copy.deepcopy(dict(value))

    def redo(self) -> None:
        self.document.project.search = copy.deepcopy(self.new)

    def undo(self) -> None:
        self.document.project.search = copy.deepcopy(self.old)


def search_section(document: Document) -> dict[str, Any]:
    """A copy of the project's ``search`` section ({} when there is none)."""
    search = document.project.search
    return copy.deepcopy(search) if isinstance(search, dict) else {}


def set_search_parameter(
    document: Document, target: str, domain: Mapping[str, Any] | None, text: str = ""
) -> None:
    """Search `target` over `domain` (None: stop searching it), as one undo step; a target
    already searched keeps its place in the list."""
    section = search_section(document)
    parameters = [p for p in section.get("parameters", []) if isinstance(p, dict)]
    entry = {"target": target, "domain": dict(domain)} if domain is not None else None
    index = next((i for i, p in enumerate(parameters) if p.get("target") == target), None)
    if index is None and entry is not None:
        parameters.append(entry)
    elif index is not None and entry is not None:
        parameters[index] = entry
    elif index is not None:
        del parameters[index]
    else:
        return
    section["parameters"] = parameters
    if not text:
        translate = QCoreApplication.translate
        if entry is None:
            text = translate("SearchCommands", "Stop searching {target}")
        elif index is None:
            text = translate("SearchCommands", "Search {target}")
        else:
            text = translate("SearchCommands", "Edit search of {target}")
        text = text.format(target=target)
    document.undo_stack.push(SetSearchCommand(document, section, text))


class ApplyParamsCommand(QUndoCommand):
    """Write a trial's values into the project (Apply best): every node parameter and setting
    it names, as one undo step. The values are checked on a copy first (`apply_params` raises
    SearchError naming a target that is gone or refuses its value), so redo cannot fail."""

    def __init__(self, document: Document, params: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self.document = document
        project = document.project
        applied = apply_params(project, params)
        self.nodes: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for node in project.graph.nodes():
            new = applied.graph.node(node.id).params
            changed = {k: v for k, v in new.items() if node.params.get(k) != v}
            if changed:
                old = {k: copy.deepcopy(node.params.get(k)) for k in changed}
                self.nodes[node.id] = (old, copy.deepcopy(changed))
        self.sections: dict[str, tuple[Any, Any]] = {}
        for name in ("training", "data"):
            old, new = getattr(project, name), getattr(applied, name)
            if old != new:
                self.sections[name] = (copy.deepcopy(old), copy.deepcopy(new))

    def redo(self) -> None:
        for node_id, (_, new) in self.nodes.items():
            self.document.graph.set_params(node_id, new)
        for name, (_, new) in self.sections.items():
            setattr(self.document.project, name, copy.deepcopy(new))

    def undo(self) -> None:
        for node_id, (old, _) in self.nodes.items():
            self.document.graph.set_params(node_id, old)
        for name, (old, _) in self.sections.items():
            setattr(self.document.project, name, copy.deepcopy(old))
