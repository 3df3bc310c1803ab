"""Assembling an imported network: nodes and wires, then layout, checks, compile and weights.

Both importers (torch.fx and ONNX) add one node at a time with the weights it came with;
`GraphAssembly.finish` adds the Output nodes, lays the graph out left to right (in rows when
it is long: `wrapped_positions`), validates it with the same checks as the editor, compiles it
and copies every layer's weights into the compiled module, so the weights returned are keyed
exactly as `compile_graph` names them. A model's repeated submodules come in as networks of
their own (`add_network`) used by Block nodes (`add_block`), each copy with its own weights,
keyed as the compiled copies are (``layer1.0.conv1.weight``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netstudio.core.blocks import BLOCK, Library
from netstudio.core.catalogue import catalogue
from netstudio.core.errors import GraphError
from netstudio.core.graph import NetworkGraph
from netstudio.importing import import_messages as said
from netstudio.importing.errors import ModelImportError
from netstudio.importing.result import ImportedModel
from netstudio.importing.wrapped_layout import wrapped_positions
from netstudio.io import Project

if TYPE_CHECKING:
    import torch

Port = tuple[str, str]

#: Node names are at most this long (the graph's own limit is 64; room for a suffix).
_NAME_LENGTH = 56


class GraphAssembly:
    """A `NetworkGraph` built node by node from an imported model (see module docstring)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.graph = NetworkGraph()
        #: The project's networks: the main one (`graph`) and the networks its blocks use.
        self.library = Library({"main": self.graph})
        self.notes: list[str] = []
        self._weights: dict[str, Mapping[str, torch.Tensor]] = {}
        #: Per Block node, per copy: the copy's weights by its network's node ids.
        self._block_weights: dict[str, list[dict[str, Mapping[str, torch.Tensor]]]] = {}

    def add(
        self,
        type_id: str,
        params: Mapping[str, Any],
        name: str,
        inputs: Sequence[Port] = (),
        *,
        weights: Mapping[str, torch.Tensor] | None = None,
        origin: str = "",
    ) -> str:
        """Add a layer fed by `inputs` (one per input port, in order); returns its node id.

        An empty `name` gives the layer's automatic name (fc1, conv2 ...).
        `weights` are the source layer's tensors under their own names (``weight``, ``bias``,
        ``rnn.weight_ih_l0`` ...); `origin` names the source op in error messages.
        """
        params = dict(params)
        spec = catalogue().get(type_id)
        if spec.variadic:
            params["inputs"] = len(inputs)
        name = self._free_name(name) if name else self.graph.unique_name(spec.base_name)
        try:
            node = self.graph.add_node(type_id, name=name, params=params)
            for port, (src, src_port) in zip(node.input_ports, inputs, strict=True):
                self.graph.connect(src, src_port, node.id, port)
        except (GraphError, ValueError) as error:
            where = origin or name
            cannot = said.CANNOT_BECOME(
                source=self.source, where=where, layer=type_id, error=said.reason(error)
            )
            raise ModelImportError(cannot) from None
        if weights:
            self._weights[node.id] = weights
        return node.id

    @property
    def weights(self) -> Mapping[str, Mapping[str, torch.Tensor]]:
        """The source weights of the layers added so far, by node id."""
        return self._weights

    def add_network(self, name: str, graph: NetworkGraph) -> None:
        """Make `graph` (a finished block network, until now another assembly's main network)
        a network of the project named `name`."""
        previous = graph.library
        if previous is not None:  # leave the library it was built in: it stops listening
            for other in [k for k, member in previous.items() if member is graph]:
                del previous[other]
        self.library[name] = graph

    def add_block(
        self,
        network: str,
        name: str,
        inputs: Sequence[Port],
        copies: Sequence[dict[str, Mapping[str, torch.Tensor]]],
    ) -> str:
        """Add a Block of `network` with one copy per item of `copies` (each copy's weights by
        the network's node ids), fed by `inputs`; returns its node id."""
        node_id = self.add(BLOCK, {"network": network, "repeat": len(copies)}, name, inputs)
        self._block_weights[node_id] = list(copies)
        return node_id

    def close_network(self, outputs: Sequence[Port]) -> None:
        """Add an Output node per result and lay the graph out: for a block's network, whose
        checks and compile happen with the main network's."""
        for i, source in enumerate(outputs, start=1):
            self.add("Output", {}, "output" if len(outputs) == 1 else f"output{i}", [source])
        for node_id, position in wrapped_positions(self.graph).items():
            self.graph.move(node_id, position)

    def finish(self, name: str, outputs: Sequence[Port], description: str = "") -> ImportedModel:
        """Add an Output node per result, lay out (wrapped into rows when long), validate,
        compile, copy the weights."""
        from netstudio.core.compiler import compile_graph
        from netstudio.core.shapes import ShapeInference
        from netstudio.core.validation import errors, validate

        if not outputs:
            raise ModelImportError(said.RETURNS_NO_TENSOR(source=self.source))
        self.close_network(outputs)
        inference = ShapeInference(self.graph)
        try:
            problems = errors(validate(self.graph, inference))
            if problems:
                lines = [said.PROBLEM_LINE(where=p.where, message=p.message) for p in problems]
                listed = lines[:10]
                if len(problems) > 10:
                    listed.append(said.MORE_PROBLEMS(count=len(problems) - 10))
                refused = said.DOES_NOT_CHECK_OUT(source=self.source, problems=said.lines(listed))
                raise ModelImportError(refused)
            module = compile_graph(self.graph, inference)
        finally:
            inference.close()
        weights = self._compiled_weights(module)
        project = Project(
            graph=self.graph, name=name, description=description, networks=self.library
        )
        return ImportedModel(project, weights, self.notes)

    def _compiled_weights(self, module: torch.nn.Module) -> dict[str, torch.Tensor]:
        """The source weights under the compiled module's keys, checked name by name.

        The tensors are the source's own (not copies): a big model is not held twice. A
        source layer used twice gives each of its layers a copy.
        """
        state: dict[str, torch.Tensor] = {}
        self._fill(module, "", self.graph, self._weights, state, set())
        module.load_state_dict(state, strict=True)
        return state

    def _fill(
        self,
        module: torch.nn.Module,
        prefix: str,
        graph: NetworkGraph,
        weights: Mapping[str, Mapping[str, torch.Tensor]],
        state: dict[str, torch.Tensor],
        used: set[int],
    ) -> None:
        """Put into `state` the weights of every layer of `module` (compiled from `graph`),
        under `prefix`; a Block's copies (``layer1.0``, ``layer1.1`` ...) each from their own."""
        from netstudio.core.compiler import META_KEY

        for attr, node_id in module.meta[META_KEY]["modules"].items():
            node = graph.node(node_id)
            if node.type_id == BLOCK:
                inner = self.library[node.params["network"]]
                copies = self._block_weights.get(node_id, [])
                for k in range(node.params["repeat"]):
                    copy = module.get_submodule(f"{attr}.{k}")
                    found = copies[k] if k < len(copies) else {}
                    self._fill(copy, f"{prefix}{attr}.{k}.", inner, found, state, used)
                continue
            wanted = module.get_submodule(attr).state_dict()
            if not wanted:
                continue
            label = f"{prefix}{attr}" if prefix else node.label
            source = weights.get(node_id, {})
            for key, tensor in wanted.items():
                found = [k for k in source if key == k or key.endswith("." + k)]
                if len(found) != 1:
                    listed = ", ".join(source) or said.phrase(said.NONE)
                    raise ModelImportError(
                        said.NO_SOURCE_TENSOR(
                            source=self.source, layer=label, key=key, listed=listed
                        )
                    )
                value = source[found[0]]
                if tuple(value.shape) != tuple(tensor.shape):
                    raise ModelImportError(
                        said.SHAPES_DIFFER(
                            source=self.source,
                            layer=label,
                            key=key,
                            shape=tuple(value.shape),
                            wanted=tuple(tensor.shape),
                        )
                    )
                value = value.detach().to(tensor.dtype)
                storage = value.untyped_storage().data_ptr()
                if storage in used:  # a module used twice: each layer gets its own copy
                    value = value.clone()
                used.add(storage)
                state[f"{prefix}{attr}.{key}"] = value

    def _free_name(self, name: str) -> str:
        name = " ".join(name.split())[:_NAME_LENGTH] or "node"
        try:
            self.graph.node_by_name(name)
        except GraphError:
            return name
        return self.graph.unique_name(name + "_")
