"""The network as a readable PyTorch class: named layers in ``__init__``, a plain ``forward``.

The class is written from the compiled `GraphModule`, so it has the same submodule names (its
state_dict keys equal the compiled model's and the same weights load into both) and the same
order of operations. Each layer becomes a constructor call with the parameters that differ from
the constructor's defaults, auto-filled sizes (``in_features`` ...) written as the numbers shape
inference found. NetStudio's element-wise merges and reshapes become plain expressions
(``block1_add = block1_bn2 + stem_relu``); its other modules (`Recurrent`, `SelfAttention`, ...)
are copied into the file, so it runs without NetStudio.
"""

from __future__ import annotations

import functools
import inspect
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netstudio.core.compiler import META_KEY, CompileError, compile_graph
from netstudio.core.graph import NetworkGraph, Node
from netstudio.core.shapes import ShapeInference
from netstudio.export.code import LINE_LENGTH, Imports, literal, wrap_call
from netstudio.export.errors import ExportError
from netstudio.export.source_copy import SourceBundle

if TYPE_CHECKING:
    from torch import fx, nn

#: Constructor arguments that torch accepts as one int for every dimension.
_PER_DIMENSION = frozenset({"kernel_size", "stride", "padding", "dilation", "output_padding"})
_CONV_OR_POOL = re.compile(r"^(Conv|ConvTranspose|MaxPool|AvgPool)[123]d$")


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


def model_source(
    graph: NetworkGraph, class_name: str, title: str, imports: Imports, bundle: SourceBundle
) -> ModelSource:
    """Write `graph` as the class `class_name` (`title` starts its docstring); the imports and copied helpers it needs are
    added to `imports` and `bundle`. Raises ExportError when the network is not valid."""
    inference = ShapeInference(graph)
    try:
        try:
            gm = compile_graph(graph, inference, class_name=class_name)
        except CompileError as error:
            raise ExportError(
                f"the network is not valid, so it cannot be exported; fix these first:\n{error}"
            ) from None
        return _ClassWriter(graph, inference, gm, imports, bundle).write(class_name, title)
    finally:
        inference.close()


class _ClassWriter:
    def __init__(
        self,
        graph: NetworkGraph,
        inference: ShapeInference,
        gm: fx.GraphModule,
        imports: Imports,
        bundle: SourceBundle,
    ) -> None:
        self.graph = graph
        self.inference = inference
        self.gm = gm
        self.imports = imports
        self.bundle = bundle
        self.nodes = {
            attr: graph.node(node_id) for attr, node_id in gm.meta[META_KEY]["modules"].items()
        }

    def write(self, class_name: str, title: str) -> ModelSource:
        self.imports.add("torch")
        self.imports.add("torch", "nn")
        init: list[str] = []
        for attr, node in self.nodes.items():
            module = self.gm.get_submodule(attr)
            if _inline(module, ["x"]) is None:
                init.extend(self._constructor(attr, node, module))
        forward, inputs, outputs = self._forward(class_name)
        params = sum(p.numel() for p in self.gm.parameters())
        lines = [
            f"class {class_name}(nn.Module):",
            f'    """{title}: {len(self.nodes)} layers, {params:,} parameters."""',
            "",
            "    def __init__(self) -> None:",
            "        super().__init__()",
            *init,
            "",
            *forward,
        ]
        return ModelSource(class_name, lines, inputs, outputs, self.gm)

    # --- __init__ ------------------------------------------------------------------------------

    def _constructor(self, attr: str, node: Node, module: nn.Module) -> list[str]:
        resolved = self.inference.info(node.id).resolved
        spec = node.spec
        cls = type(module)
        if spec.build is None:
            args: tuple[Any, ...] = ()
            kwargs = {k: v for k, v in resolved.items() if k not in spec.fixed}
            kwargs.update(spec.fixed)
        else:
            args, kwargs = _recorded_call(cls, lambda: spec.create_module(resolved))
        try:
            rendered = _arguments(cls, args, kwargs)
        except TypeError as error:
            raise ExportError(
                f"{node.label}: its {cls.__name__} is built from values that cannot be written "
                f"as Python code ({error}); export it as TorchScript or ONNX instead"
            ) from None
        return wrap_call(f"self.{attr} = {self._class_ref(cls)}", rendered, 8)

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
        taken = {"self", "torch", "nn", class_name, *self.nodes}
        names: dict[fx.Node, str] = {}

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
        for fx_node in self.gm.graph.nodes:
            if fx_node.op == "placeholder":
                node = self.graph.inputs()[len(inputs)]
                shape, dtype = tuple(node.params["shape"]), node.params.get("dtype", "float32")
                inputs.append(InputInfo(name_of(fx_node), shape, dtype))
            elif fx_node.op == "call_module":
                body.extend(self._statement(fx_node, name_of))
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
        given = ", ".join(f"{i.name} {_shape(i.shape)}" for i in inputs)
        out = self.gm.meta[META_KEY]["outputs"]
        gives = ", ".join(
            f"{name} {self.inference.info(node_id).output}"
            for name, node_id in zip(result, out, strict=True)
        )
        lines = [
            *wrap_call("def forward", params, 4, f" -> {returns}:"),
            f'        """Maps {given} to {gives}."""',
            *body,
            f"        return {', '.join(result)}",
        ]
        return lines, inputs, len(result)

    def _statement(self, fx_node: fx.Node, name_of: Callable[[fx.Node], str]) -> list[str]:
        attr = str(fx_node.target)
        module = self.gm.get_submodule(attr)
        args = [name_of(a) for a in fx_node.args]
        getters = sorted(
            (u for u in fx_node.users if u.target is operator.getitem), key=lambda u: u.args[1]
        )
        target = ", ".join(name_of(u) for u in getters) if getters else name_of(fx_node)
        info = self.inference.info(self.nodes[attr].id)
        shapes = [str(t) for t in info.outputs.values()]
        comment = f"  # {', '.join(shapes)}" if shapes else ""
        inline = _inline(module, args)
        if inline is None:
            lines = wrap_call(f"{target} = self.{attr}", args, 8)
        elif isinstance(inline, str):
            lines = [f"        {target} = {inline}"]
        else:
            lines = wrap_call(f"{target} = {inline[0]}", inline[1], 8)
        if len(lines) == 1 and len(lines[0] + comment) <= LINE_LENGTH:
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


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(["N", *(str(d) for d in shape)]) + ")"


def _arguments(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[str]:
    """Constructor arguments as source: required ones by position, the others by keyword and
    only where they differ from the default."""
    signature = inspect.signature(cls)
    bound = signature.bind(*args, **kwargs)
    rendered: list[str] = []
    positional = True
    for name, param in signature.parameters.items():
        if param.kind is param.VAR_POSITIONAL:
            rendered.extend(literal(v) for v in bound.arguments.get(name, ()))
            continue
        if param.kind is param.VAR_KEYWORD:
            extra = bound.arguments.get(name, {})
            rendered.extend(f"{k}={literal(v)}" for k, v in extra.items())
            continue
        if name not in bound.arguments:
            positional = False
            continue
        value = _simplified(cls, name, bound.arguments[name])
        if param.default is param.empty and positional and param.kind is not param.KEYWORD_ONLY:
            rendered.append(literal(value))
            continue
        positional = False
        if param.default is not param.empty and _same(value, param.default):
            continue
        rendered.append(f"{name}={literal(value)}")
    return rendered


def _simplified(cls: type, name: str, value: Any) -> Any:
    """``(3, 3)`` as ``3`` where a torch convolution or pooling takes one int for all sides."""
    if (
        name in _PER_DIMENSION
        and isinstance(value, tuple)
        and value
        and len(set(value)) == 1
        and cls.__module__.startswith("torch.nn")
        and _CONV_OR_POOL.match(cls.__name__)
    ):
        return value[0]
    return value


def _same(value: Any, default: Any) -> bool:
    """Whether `value` is the default (True is not 1 here)."""
    return isinstance(value, bool) == isinstance(default, bool) and value == default


def _recorded_call(cls: type, build: Callable[[], Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The arguments `build` passes to the constructor of `cls` (its outermost call)."""
    import torch

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    own = "__init__" in cls.__dict__
    original = cls.__init__

    @functools.wraps(original)
    def record(self: Any, *args: Any, **kwargs: Any) -> None:
        if not calls:
            calls.append((args, dict(kwargs)))
        original(self, *args, **kwargs)

    cls.__init__ = record  # type: ignore[misc]
    try:
        with torch.device("meta"):
            build()
    finally:
        if own:
            cls.__init__ = original  # type: ignore[misc]
        else:
            del cls.__init__
    if not calls:
        raise ExportError(f"{cls.__name__} was not built by its layer's build function")
    return calls[0]
