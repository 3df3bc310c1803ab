"""Copying NetStudio's own functions and classes into a standalone file, with what they need.

An exported file must run without NetStudio installed, yet compute exactly what NetStudio
computes: the `Recurrent` module, the spiral generator, the stratified split. `SourceBundle`
copies such an object's source and follows every module-level name it uses: a name the
defining module imports is imported the same way (unless it comes from NetStudio, then its
source is copied too), a function, class or constant defined there is copied before it.
A NetStudio message template (`netstudio.core.messages.Template`) is written as its English
text's ``str.format``, and a module of templates used by name (``words.NOT_FOUND(...)``) as a
small class holding the templates used: the file says what NetStudio says, in English.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import sys
import textwrap
from collections.abc import Set
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from netstudio.core.messages import Template
from netstudio.core.python_source import parse
from netstudio.export import export_messages as said
from netstudio.export.code import Imports, literal
from netstudio.export.errors import ExportError

_OWN = "netstudio"


@dataclass(frozen=True)
class _Binding:
    """How a module binds a name: an import, or a definition (def, class or assignment)."""

    kind: str  # "import", "from", "def" or "const"
    module: str = ""
    name: str = ""
    alias: str | None = None
    source: str = ""


class SourceBundle:
    """Definitions copied from NetStudio, in dependency order, and the imports they need."""

    def __init__(self, imports: Imports) -> None:
        self.imports = imports
        self._copied: dict[str, Any] = {}
        self._sources: list[str] = []
        #: A module of message templates used by name: its name here -> (module, names used).
        self._wordings: dict[str, tuple[ModuleType, set[str]]] = {}

    def add(self, obj: Any) -> str:
        """Copy the function or class `obj` (and what it uses); returns its name in the file."""
        name = obj.__name__
        if name in self._copied:
            if self._copied[name] is not obj:
                raise ExportError(said.TWO_DEFINITIONS(name=name))
            return name
        self._copied[name] = obj
        module = sys.modules[obj.__module__]
        source = textwrap.dedent(inspect.getsource(obj))
        self._follow(source, module, own=name)
        self._sources.append(source.rstrip())
        return name

    def definitions(self) -> list[str]:
        """The copied sources, each a block of lines, dependencies first."""
        return [*map(_wording, self._wordings, self._wordings.values()), *self._sources]

    def _follow(self, source: str, module: ModuleType, own: str) -> None:
        bindings = _bindings(module.__name__)
        tree = parse(source)
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        attributes: dict[str, set[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                attributes.setdefault(node.value.id, set()).add(node.attr)
        for name in sorted(used - {own}):
            binding = bindings.get(name)
            if binding is not None:  # else a local name or a builtin
                self._bind(name, binding, module, attributes.get(name, set()))

    def _bind(
        self, name: str, binding: _Binding, module: ModuleType, attributes: Set[str] = frozenset()
    ) -> None:
        if binding.kind == "def":
            self.add(getattr(module, name))
        elif binding.kind == "const":
            if name not in self._copied:
                self._copied[name] = binding
                self._follow(binding.source, module, own=name)
                self._sources.append(binding.source)
        elif binding.module.split(".")[0] == _OWN:
            if binding.kind == "import":
                raise ExportError(said.WHOLE_MODULE(module=module.__name__, used=binding.module))
            found = getattr(importlib.import_module(binding.module), binding.name)
            if isinstance(found, Template):
                self._add_template(name, found)
            elif isinstance(found, ModuleType):
                self._add_wording(name, found, attributes)
            else:
                self.add(found)
        elif binding.module != "__future__":
            if binding.kind == "import":
                self.imports.add(binding.module, alias=binding.alias)
            else:
                self.imports.add(binding.module, binding.name, binding.alias)

    def _add_template(self, name: str, template: Template) -> None:
        if self._copied.setdefault(name, template) is not template:
            raise ExportError(said.TWO_DEFINITIONS(name=name))
        self._sources.insert(0, _assignment(name, template, ""))

    def _add_wording(self, name: str, module: ModuleType, attributes: Set[str]) -> None:
        known, used = self._wordings.setdefault(name, (module, set()))
        if known is not module:
            raise ExportError(said.TWO_MODULES(name=name))
        for attribute in attributes:
            if not isinstance(getattr(module, attribute, None), Template):
                raise ExportError(said.NOT_A_TEMPLATE(name=f"{module.__name__}.{attribute}"))
        used |= attributes


def _wording(name: str, entry: tuple[ModuleType, set[str]]) -> str:
    """A class holding the English of the templates used from a module (`words.X(...)`)."""
    module, used = entry
    lines = [f"class {name}:", '    """English messages (as NetStudio writes them)."""', ""]
    lines += [_assignment(key, getattr(module, key), "    ") for key in sorted(used)]
    return "\n".join(lines)


def _assignment(name: str, template: Template, indent: str) -> str:
    """``NAME = "English {field}".format``, wrapped as ruff formats a line over 100."""
    value = f"{literal(template.text)}.format"
    line = f"{indent}{name} = {value}"
    if len(line) <= 100 or len(indent) + 4 + len(value) > 100:
        return line  # (a value too long even on its own line stays where it is)
    return f"{indent}{name} = (\n{indent}    {value}\n{indent})"


@functools.cache
def _bindings(module_name: str) -> dict[str, _Binding]:
    """Every module-level name of `module_name` (imports under TYPE_CHECKING included)."""
    module = sys.modules[module_name]
    source = inspect.getsource(module)
    found: dict[str, _Binding] = {}
    for node in _top_level(parse(source).body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                module_path = alias.name if alias.asname else alias.name.split(".")[0]
                found[bound] = _Binding("import", module_path, alias=alias.asname)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module_name.rsplit(".", node.level)[0]
                base = f"{package}.{base}" if base else package
            for alias in node.names:
                found[alias.asname or alias.name] = _Binding(
                    "from", base, alias.name, alias=alias.asname
                )
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found[node.name] = _Binding("def")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            text = ast.get_source_segment(source, node) or ""
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = _Binding("const", source=text)
    return found


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """Module-level statements, looking inside ``if`` and ``try`` blocks."""
    nodes: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            nodes.extend(_top_level(node.body) + _top_level(node.orelse))
        elif isinstance(node, ast.Try):
            nodes.extend(_top_level(node.body))
        else:
            nodes.append(node)
    return nodes
