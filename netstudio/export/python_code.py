"""The network as a readable PyTorch class: named layers in ``__init__``, a plain ``forward``.

The class is written from the compiled `GraphModule`, so it has the same submodule names (its
state_dict keys equal the compiled model's and the same weights load into both) and the same
order of operations. Each layer becomes a constructor call with the parameters that differ from
the constructor's defaults, auto-filled sizes (``in_features`` ...) written as the numbers shape
inference found. NetStudio's element-wise merges and reshapes become plain expressions
(``block1_add = block1_bn2 + stem_relu``); its other modules (`Recurrent`, `SelfAttention`, ...)
are copied into the file, so it runs without NetStudio. A network used as a block becomes a
class of its own, built once per copy (`netstudio.export.block_code`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netstudio.core.blocks import BLOCK
from netstudio.core.compiler import META_KEY, CompileError, compile_graph
from netstudio.core.graph import NetworkGraph, Node, python_name
from netstudio.core.shapes import ShapeInference
from netstudio.export import export_messages as said
from netstudio.export.block_code import (
    Instance,
    block_class_names,
    block_instances,
    call_lines,
    container_lines,
)
from netstudio.export.code import LINE_LENGTH, Imports, literal, wrap_call
from netstudio.export.constructor_code import (
    annotation,
    bound_arguments,
    call_arguments,
    recorded_call,
    same_value,
)
from netstudio.export.errors import ExportError
from netstudio.export.source_copy import SourceBundle

if TYPE_CHECKING:
    from torch import fx, nn

#: What a slot of a class's constructor is: (submodule attribute, argument), where the argument
#: of a Block's copy k is ``"k.name"`` (the copy's own constructor argument `name`).
_Slot = tuple[str, str]


@dataclass(frozen=True)
class InputInfo:
    """One argument of the exported forward: its name, one sample's shape and dtype."""

    name: str
    shape: tuple[int, ...]
    dtype: str


@dataclass
class ModelSource:
    """The exported class: its lines, the inputs of its forward, and the compiled twin."""

    class_name: str
    lines: list[str]
    inputs: list[InputInfo]
    output_count: int
    compiled: fx.GraphModule
    #: The classes of the networks its blocks use, each a list of lines, in the order they
    #: are written (a class before the classes that build it).
    block_classes: list[list[str]] = field(default_factory=list)


@dataclass
class _Context:
    """What the classes of one file share: its imports and copied helpers, the class name of
    each block network, and the constructor arguments each compiled copy is built with."""

    imports: Imports
    bundle: SourceBundle
    class_names: dict[str, str] = field(default_factory=dict)
    #: id(compiled copy) -> its class's constructor arguments, as (name, value), in order.
    arguments: dict[int, list[tuple[str, Any]]] = field(default_factory=dict)


def model_source(
    graph: NetworkGraph, class_name: str, title: str, imports: Imports, bundle: SourceBundle
) -> ModelSource:
    """Write `graph` as the class `class_name` (`title` starts its docstring), with a class
    before it for each network its blocks use; the imports and copied helpers they need are
    added to `imports` and `bundle`. Raises ExportError when the network is not valid."""
    inference = ShapeInference(graph)
    try:
        try:
            gm = compile_graph(graph, inference, class_name=class_name)
        except CompileError as error:
            problems = said.problem_lines(error.problems) or said.reason(error)
            raise ExportError(said.NOT_VALID(problems=problems)) from None
        context = _Context(imports, bundle)
        instances = block_instances(inference, gm)
        context.class_names = block_class_names(list(instances), _reserved_names(class_name))
        blocks = [
            _ClassWriter(copies, context)
            .write(
                context.class_names[network],
                f"Network '{network}' of the project, used as a block",
                each=True,
            )
            .lines
            for network, copies in instances.items()
        ]
        model = _ClassWriter([Instance(inference, gm)], context).write(class_name, title)
        model.block_classes = blocks
        return model
    finally:
        inference.close()


def _reserved_names(class_name: str) -> set[str]:
    """Names a block's class must not take: the main class's, those of NetStudio's modules
    (copied into the file when a network uses them) and of the classes the training code
    imports or defines (`python_file` checks the file for any other clash)."""
    from netstudio.core import modules as own

    classes = (name for name, obj in vars(own).items() if isinstance(obj, type))
    return {class_name, "Any", "Path", "Schedule", "DistributedDataParallel", *classes}


class _ClassWriter:
    """Writes one network as a class, built in each of `instances` (one for the main network;
    one per copy for a block's network): sizes that differ between them become constructor
    arguments, shapes that differ are left out of the comments."""

    def __init__(self, instances: list[Instance], context: _Context) -> None:
        first = instances[0]
        self.instances = instances
        self.graph = first.analysis.graph
        self.inference = first.analysis
        self.gm = first.module
        self.context = context
        self.imports = context.imports
        self.bundle = context.bundle
        self.nodes = {
            attr: self.graph.node(node_id)
            for attr, node_id in self.gm.meta[META_KEY]["modules"].items()
        }

    def write(self, class_name: str, title: str, each: bool = False) -> ModelSource:
        """The class `class_name`; `each`: its parameter count is per copy."""
        self.imports.add("torch")
        self.imports.add("torch", "nn")
        calls = {attr: self._calls(attr, node) for attr, node in self.nodes.items()}
        variables = self._variables(calls)
        init: list[str] = []
        for attr, node in self.nodes.items():
            init.extend(self._init_lines(attr, node, calls[attr][0], variables))
        forward, inputs, outputs = self._forward(class_name)
        counts = sorted({sum(p.numel() for p in i.module.parameters()) for i in self.instances})
        params = f"{counts[0]:,}" if len(counts) == 1 else f"{counts[0]:,} to {counts[-1]:,}"
        per = " each" if each and len(self.instances) > 1 else ""
        arguments = [f"{name}: {annotation(value)}" for name, value in variables.values()]
        if any(argument.endswith(": Any") for argument in arguments):
            self.imports.add("typing", "Any")
        lines = [
            f"class {class_name}(nn.Module):",
            f'    """{title}: {_count(len(self.nodes), "layer")}, {params} parameters{per}."""',
            "",
            *wrap_call("def __init__", ["self", *arguments], 4, " -> None:"),
            "        super().__init__()",
            *init,
            "",
            *forward,
        ]
        for k, instance in enumerate(self.instances):
            self.context.arguments[id(instance.module)] = [
                (name, calls[slot[0]][k][1][slot]) for slot, (name, _) in variables.items()
            ]
        return ModelSource(class_name, lines, inputs, outputs, self.gm)

    # --- __init__ ------------------------------------------------------------------------------

    def _calls(self, attr: str, node: Node) -> list[tuple[Any, dict[_Slot, Any]]]:
        """How each instance builds submodule `attr`: what its line is written from (the
        constructor's class and arguments; for a Block, each copy's class and arguments) and
        the value of every slot, for finding the ones that differ. Instances that share an
        analysis share the answer."""
        done: dict[int, tuple[Any, dict[_Slot, Any]]] = {}
        found = []
        for instance in self.instances:
            key = id(instance.analysis) if node.type_id != BLOCK else id(instance.module)
            if key not in done:
                done[key] = self._call(attr, node, instance)
            found.append(done[key])
        return found

    def _call(self, attr: str, node: Node, instance: Instance) -> tuple[Any, dict[_Slot, Any]]:
        if node.type_id == BLOCK:
            copies = [
                instance.module.get_submodule(f"{attr}.{k}") for k in range(node.params["repeat"])
            ]
            values = {
                (attr, f"{k}.{name}"): value
                for k, copy in enumerate(copies)
                for name, value in self.context.arguments[id(copy)]
            }
            return len(copies), values
        module = instance.module.get_submodule(attr)
        if _inline(module, ["x"]) is not None:
            return None, {}
        resolved = instance.analysis.info(node.id).resolved
        spec = node.spec
        cls = type(module)
        if spec.build is None:
            args: tuple[Any, ...] = ()
            kwargs = {k: v for k, v in resolved.items() if k not in spec.fixed}
            kwargs.update(spec.fixed)
        else:
            args, kwargs = recorded_call(cls, lambda: spec.create_module(resolved))
        values = {(attr, name): value for name, value in bound_arguments(cls, args, kwargs).items()}
        return (cls, args, kwargs), values

    def _variables(
        self, calls: dict[str, list[tuple[Any, dict[_Slot, Any]]]]
    ) -> dict[_Slot, tuple[str, Any]]:
        """The slots whose values differ between the instances, each with the name of the
        constructor argument that gives it and its first value."""
        found: dict[_Slot, tuple[str, Any]] = {}
        taken = {"self"}
        for attr, per_instance in calls.items():
            first = per_instance[0][1]
            for slot, value in first.items():
                if all(same_value(other[1].get(slot), value) for other in per_instance[1:]):
                    continue
                if slot[1].split(".")[-1].startswith("*"):
                    raise ExportError(said.COPIES_DIFFER(node=self.nodes[attr].label))
                name = base = f"{attr}_{slot[1].replace('.', '_')}"
                number = 2
                while name in taken:
                    name, number = f"{base}_{number}", number + 1
                taken.add(name)
                found[slot] = (name, value)
        return found

    def _init_lines(
        self, attr: str, node: Node, call: tuple[Any, dict[_Slot, Any]], variables: Mapping
    ) -> list[str]:
        built, values = call
        if built is None:
            return []  # written as an expression in forward
        if node.type_id == BLOCK:
            return self._container(attr, node, built, values, variables)
        cls, args, kwargs = built
        own = {slot[1]: name for slot, (name, _) in variables.items() if slot[0] == attr}
        try:
            rendered = call_arguments(cls, args, kwargs, own)
        except TypeError as error:
            raise ExportError(
                said.NOT_CODE(node=node.label, layer=cls.__name__, error=said.reason(error))
            ) from None
        return wrap_call(f"self.{attr} = {self._class_ref(cls)}", rendered, 8)

    def _container(
        self,
        attr: str,
        node: Node,
        count: int,
        values: dict[_Slot, Any],
        variables: Mapping[_Slot, tuple[str, Any]],
    ) -> list[str]:
        cls = self.context.class_names[node.params["network"]]
        calls: list[tuple[str, list[str]]] = []
        for k in range(count):
            args = []
            for slot, value in values.items():
                number, name = slot[1].split(".", 1)
                if int(number) == k:
                    given = variables[slot][0] if slot in variables else literal(value)
                    args.append(f"{name}={given}")
            calls.append((cls, args))
        return container_lines(attr, calls, self._sequential(node))

    def _sequential(self, node: Node) -> bool:
        """Whether a Block's copies go in an `nn.Sequential` (one input, one output each)."""
        return len(node.input_ports) == 1 and len(node.output_ports) == 1

    def _class_ref(self, cls: type) -> str:
        import torch

        if cls.__module__.split(".")[0] == "netstudio":
            return self.bundle.add(cls)
        if getattr(torch.nn, cls.__name__, None) is cls:
            return f"nn.{cls.__name__}"
        self.imports.add(cls.__module__, cls.__name__)
        return cls.__name__

    # --- forward -------------------------------------------------------------------------------

    def _forward(self, class_name: str) -> tuple[list[str], list[InputInfo], int]:
        fx_nodes = list(self.gm.graph.nodes)
        taken = {"self", "torch", "nn", class_name, *self.nodes}
        names: dict[fx.Node, str] = {}
        calls = {str(n.target): n for n in fx_nodes if n.op == "call_module"}
        fx_names = {n.name for n in fx_nodes}
        for attr, node in self.nodes.items():
            if node.type_id == BLOCK:
                last = calls[f"{attr}.{node.params['repeat'] - 1}"]
                names.update(_block_results(attr, node, last, taken | fx_names))
        loop_name = "block"
        while loop_name in taken or loop_name in fx_names:
            loop_name += "_"

        def name_of(fx_node: fx.Node) -> str:
            if fx_node not in names:
                name = fx_node.name
                while name in taken and name not in self.nodes:
                    name += "_"
                names[fx_node] = name
            return names[fx_node]

        inputs: list[InputInfo] = []
        body: list[str] = []
        result: list[str] = []
        for fx_node in fx_nodes:
            if fx_node.op == "placeholder":
                node = self.graph.inputs()[len(inputs)]
                shape = self.inference.info(node.id).resolved.get("shape", node.params["shape"])
                dtype = node.params.get("dtype", "float32")
                inputs.append(InputInfo(name_of(fx_node), tuple(shape), dtype))
            elif fx_node.op == "call_module":
                attr, _, copy = str(fx_node.target).partition(".")
                if not copy:
                    body.extend(self._statement(fx_node, name_of))
                elif copy == "0":
                    body.extend(self._block_statement(attr, calls, name_of, loop_name))
            elif fx_node.op == "output":
                value = fx_node.args[0]
                values = value if isinstance(value, tuple) else (value,)
                result = [name_of(v) for v in values]
        params = ["self", *(f"{i.name}: torch.Tensor" for i in inputs)]
        returns = (
            "torch.Tensor"
            if len(result) == 1
            else "tuple[" + ", ".join(["torch.Tensor"] * len(result)) + "]"
        )
        inner = self.gm.meta[META_KEY]
        given = ", ".join(
            _named(i.name, self._shape_of(node_id, None))
            for i, node_id in zip(inputs, inner["inputs"], strict=True)
        )
        gives = ", ".join(
            _named(name, self._shape_of(node_id, None))
            for name, node_id in zip(result, inner["outputs"], strict=True)
        )
        lines = [
            *wrap_call("def forward", params, 4, f" -> {returns}:"),
            f'        """Maps {given} to {gives}."""',
            *body,
            f"        return {', '.join(result)}",
        ]
        return lines, inputs, len(result)

    def _shape_of(self, node_id: str, port: str | None) -> str | None:
        """The tensor node `node_id` gives (at `port`; None: its only output, or an Output
        node's input) as text, when every instance agrees on it; else None."""
        found = set()
        for instance in self.instances:
            info = instance.analysis.info(node_id)
            if info.outputs:
                tensors = [info.outputs[port]] if port else list(info.outputs.values())
            else:
                tensors = list(info.inputs)
            found.add(", ".join(str(t) for t in tensors))
        return found.pop() if len(found) == 1 else None

    def _statement(self, fx_node: fx.Node, name_of: Callable[[fx.Node], str]) -> list[str]:
        attr = str(fx_node.target)
        module = self.gm.get_submodule(attr)
        args = [name_of(a) for a in fx_node.args]
        getters = sorted(
            (u for u in fx_node.users if u.target is operator.getitem), key=lambda u: u.args[1]
        )
        target = ", ".join(name_of(u) for u in getters) if getters else name_of(fx_node)
        inline = _inline(module, args)
        if inline is None:
            lines = wrap_call(f"{target} = self.{attr}", args, 8)
        elif isinstance(inline, str):
            lines = [f"        {target} = {inline}"]
        else:
            lines = wrap_call(f"{target} = {inline[0]}", inline[1], 8)
        return self._commented(lines, self.nodes[attr])

    def _block_statement(
        self,
        attr: str,
        calls: dict[str, fx.Node],
        name_of: Callable[[fx.Node], str],
        loop_name: str,
    ) -> list[str]:
        """A Block's copies run one after the other: the first copy's arguments in, the last
        copy's outputs out."""
        node = self.nodes[attr]
        repeat = node.params["repeat"]
        args = [name_of(a) for a in calls[f"{attr}.0"].args]
        last = calls[f"{attr}.{repeat - 1}"]
        getters = sorted(
            (u for u in last.users if u.target is operator.getitem), key=lambda u: u.args[1]
        )
        targets = [name_of(u) for u in getters] if getters else [name_of(last)]
        lines = call_lines(attr, args, targets, repeat, self._sequential(node), loop_name)
        return self._commented(lines, node)

    def _commented(self, lines: list[str], node: Node) -> list[str]:
        """`lines` with the shapes `node` gives as a comment on the last, where they fit and
        every instance agrees on them."""
        shapes = self._shape_of(node.id, None)
        comment = f"  # {shapes}" if shapes else ""
        if comment and len(lines) == 1 and len(lines[0] + comment) <= LINE_LENGTH:
            lines[0] += comment
        return lines


def _inline(module: nn.Module, args: list[str]) -> str | tuple[str, list[str]] | None:
    """A plain expression for NetStudio's stateless merge, reshape and permute modules, else
    None."""
    from netstudio.core import modules as own

    kind = type(module)
    if kind is getattr(own, "Add", None):
        return " + ".join(args)
    if kind is getattr(own, "Multiply", None):
        return " * ".join(args)
    if kind is getattr(own, "Concat", None):
        return "torch.cat", ["[" + ", ".join(args) + "]", f"dim={module.dim}"]
    if kind is getattr(own, "Reshape", None):
        return f"{args[0]}.reshape", [f"{args[0]}.shape[0]", *(str(d) for d in module.shape)]
    if kind is getattr(own, "Permute", None):
        return f"{args[0]}.permute", [str(d) for d in module.dims]
    return None


def _block_results(attr: str, node: Node, last: fx.Node, taken: set[str]) -> dict[fx.Node, str]:
    """Names for what a Block's last copy gives: the block's own name for its one output,
    else ``<block>_<output>`` for each (an fx name where that would clash)."""
    getters = [u for u in last.users if u.target is operator.getitem]
    if not getters:
        return {last: attr}
    names: dict[fx.Node, str] = {}
    for getter in getters:
        name = f"{attr}_{python_name(node.output_ports[getter.args[1]])}"
        if name not in taken and name not in names.values():
            names[getter] = name
    return names


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _named(name: str, shape: str | None) -> str:
    """An argument or result of forward with its shape, when one is known for it."""
    return f"{name} {shape}" if shape else name
