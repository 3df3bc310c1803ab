"""Translating a traced torch.fx graph into NetStudio layers and Function nodes.

`FxTranslator` walks the fx graph in order with what the example run saw of every node, and
adds one node per op to a `GraphAssembly`: a module with a catalogue layer becomes that layer
with its weights; a functional op becomes the layer that does the same when there is one
(``F.relu`` → ReLU, ``x + y`` → Add, ``torch.cat`` → Concat, ``view`` → Reshape) and a generic
Function node otherwise. Python numbers computed from shapes are kept as constants, but an op
that depends on the batch size is refused. Errors name the fx node and the line of the model's
source it came from.
"""

from __future__ import annotations

import json
import operator
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import QT_TRANSLATE_NOOP, Message
from netstudio.importing import import_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.blocks_from_modules import (
    BlockChain,
    BlockNetworks,
    Region,
    RegionPlan,
    blank_auto_sizes,
    weights_by_index,
)
from netstudio.importing.errors import ModelImportError
from netstudio.importing.function_rules import (
    PASS_THROUGH,
    RESHAPES,
    Ref,
    encode_arguments,
    layer_for_op,
    op_name,
    out_of_place,
)
from netstudio.importing.fx_values import (
    BATCH,
    BATCH_SIZE,
    FROM_BATCH,
    LastStep,
    RecurrentOutput,
    TensorMeta,
    TracedTuple,
    check_usable,
    expand,
    mentions_batch,
    refs_in,
)
from netstudio.importing.module_rules import RETURNS_STATE, UnsupportedSetting, layer_for_module

if TYPE_CHECKING:
    from torch import fx, nn

#: Stack frames of torch itself, left out when an error says where in the model an op is.
_TORCH_INTERNALS = ("/torch/fx/", "/torch/nn/modules/module.py")


class FxTranslator:
    """Walks the traced fx graph in order and builds the NetStudio graph (see module docstring).

    With a `plan` (`RegionPlan`), each call of a repeated module becomes a Block of a network
    of its own (see `netstudio.importing.blocks_from_modules`); `root` is the traced model.
    """

    def __init__(
        self,
        gm: fx.GraphModule,
        seen: dict,
        assembly: GraphAssembly,
        shape: tuple[int, ...],
        dtype: str,
        *,
        plan: RegionPlan | None = None,
        root: nn.Module | None = None,
    ) -> None:
        self.gm, self.seen, self.assembly = gm, seen, assembly
        self.shape, self.dtype = shape, dtype
        self.env: dict[fx.Node, Any] = {}
        self.calls: dict[str, int] = {}
        self.plan, self.root = plan, root
        #: The region being translated into its own network (names are local to it).
        self.region: Region | None = None
        self.networks = BlockNetworks()
        self._chain: BlockChain | None = None
        self._blocks = 0

    def run(self) -> list[Ref]:
        from torch import fx

        outputs: list[Ref] = []
        skip: set[fx.Node] = set()
        for n in self.gm.graph.nodes:
            if n in skip:
                continue
            region = self.plan.starting_at(n) if self.plan else None
            if region is not None and self._block(region):
                skip.update(region.nodes)
                continue
            if n.op == "output":
                self._end_chain()
                check_usable([self.env[arg] for arg in n.all_input_nodes])
                found = fx.node.map_arg(n.args[0], self.env.__getitem__)
                outputs = self._output_refs(n, found)
                continue
            self.translate(n)
        self._note_shared()
        if self._blocks:
            names = ", ".join(self.networks.graphs)
            count = len(self.networks.graphs)
            made = said.BLOCKS_MADE(calls=self._blocks, count=count, names=names)
            self.assembly.notes.append(made)
        return outputs

    def translate(self, n: fx.Node) -> None:
        """Add what fx node `n` computes to the graph being built (its value into `env`)."""
        self._end_chain_unless_reads_nothing_of(n)
        check_usable([self.env[arg] for arg in n.all_input_nodes])
        handler = {
            "placeholder": self._placeholder,
            "get_attr": self._get_attr,
            "call_module": self._call_module,
        }.get(n.op, self._call_op)
        self.env[n] = handler(n)

    def _note_shared(self) -> None:
        for target, count in self.calls.items():
            if count > 1 and self.gm.get_submodule(target).state_dict():
                self.assembly.notes.append(said.SHARED_MODULE(name=target, count=count))

    # --- blocks ----------------------------------------------------------------------------

    def _block(self, region: Region) -> bool:
        """Translate `region` into a network of its own and use it through a Block (the next
        copy of the Block being built when it chains on); False, with nothing added, when the
        region cannot be one (a non-tensor crosses its border): then it is translated flat."""
        inputs = region.inputs()
        refs = [self._peek(n) for n in inputs]
        if not inputs or not all(isinstance(r, Ref) for r in refs):
            return False
        inner = GraphAssembly(self.assembly.source)
        sub = FxTranslator(self.gm, self.seen, inner, self.shape, self.dtype)
        sub.region, sub.calls = region, {}
        for i, (n, ref) in enumerate(zip(inputs, refs, strict=True), start=1):
            name = "input" if len(inputs) == 1 else f"input{i}"
            node_id = inner.add("Input", {"shape": None, "dtype": ref.dtype}, name)
            sub.env[n] = Ref(node_id, "out", ref.shape, ref.dtype)
        for n in region.nodes:
            sub.translate(n)
        outputs = region.outputs()
        results = [sub.env[n] for n in outputs]
        if not outputs or not all(isinstance(r, Ref) for r in results):
            return False
        inner.close_network([(r.node_id, r.port) for r in results])
        blank_auto_sizes(inner.graph)
        name, new = self.networks.find_or_add(region.kind, inner.graph)
        network = self.networks.graphs[name]
        if new:
            self.assembly.add_network(name, network)
        weights = weights_by_index(inner.graph, network, inner.weights)
        for target, count in sub.calls.items():
            self.calls[target] = self.calls.get(target, 0) + count
        self._blocks += 1
        ends = [
            (node.id, result.shape, result.dtype)
            for node, result in zip(network.outputs(), results, strict=True)
        ]
        chain = self._chain
        if chain is not None and chain.takes(name, region):
            chain.copies.append(weights)
            chain.paths.append(region.path)
            chain.outputs, chain.results = outputs, ends
            return True
        self._end_chain()
        refs = [self.env[n] for n in inputs]
        self._chain = BlockChain(name, refs, [weights], [region.path], outputs, ends)
        return True

    def _peek(self, n: fx.Node) -> Any:
        """What fx node `n` stands for; for an output of the Block being built, a stand-in with
        its shape (the Block node is added when the chain ends)."""
        chain = self._chain
        if chain is not None and n in chain.outputs:
            port, shape, dtype = chain.results[chain.outputs.index(n)]
            return Ref("", port, shape, dtype)
        return self.env.get(n)

    def _end_chain_unless_reads_nothing_of(self, n: fx.Node) -> None:
        if self._chain is not None and any(a in self._chain.outputs for a in n.all_input_nodes):
            self._end_chain()

    def _end_chain(self) -> None:
        """Add the Block being built, its outputs the last copy's."""
        chain, self._chain = self._chain, None
        if chain is None:
            return
        assert self.root is not None
        node_id = self.assembly.add_block(
            chain.network,
            chain.name(self.root),
            [(r.node_id, r.port) for r in chain.inputs],
            chain.copies,
        )
        for n, (port, shape, dtype) in zip(chain.outputs, chain.results, strict=True):
            self.env[n] = Ref(node_id, port, shape, dtype)

    # --- errors ----------------------------------------------------------------------------

    def error(self, n: fx.Node, message: str) -> ModelImportError:
        """The refusal of fx node `n`: `message` is a message, or a phrase of
        `import_messages.CONTEXT` marked with QT_TRANSLATE_NOOP where it is written."""
        where = ""
        lines = [
            line
            for line in (n.stack_trace or "").splitlines()
            if "File " in line and not any(part in line for part in _TORCH_INTERNALS)
        ]
        if lines:
            where = said.AT(place=lines[-1].strip().replace("File ", "", 1))
        said_now = message if isinstance(message, Message) else said.phrase(message)
        return ModelImportError(
            said.FX_NODE(
                source=self.assembly.source,
                node=n.name,
                what=self._describe(n),
                where=where,
                message=said_now,
            )
        )

    def _describe(self, n: fx.Node) -> str:
        if n.op == "call_module":
            return f"self.{n.target}: nn.{type(self.gm.get_submodule(str(n.target))).__name__}"
        if n.op == "call_method":
            return f".{n.target}()"
        if n.op == "get_attr":
            return f"self.{n.target}"
        return getattr(n.target, "__module__", "") + "." + getattr(n.target, "__name__", "?")

    # --- nodes -----------------------------------------------------------------------------

    def _placeholder(self, n: fx.Node) -> Any:
        if n.args:  # an optional argument: its default is a constant
            return n.args[0]
        node_id = self.assembly.add(
            "Input",
            {"shape": self.shape, "dtype": self.dtype},
            "input",
            origin=said.phrase(said.THE_INPUT),
        )
        return Ref(node_id, "out", (BATCH, *self.shape), self.dtype)

    def _get_attr(self, n: fx.Node) -> Any:
        raise self.error(
            n,
            QT_TRANSLATE_NOOP(
                "ImportMessages",
                "reads a parameter or tensor attribute directly in forward: NetStudio layers "
                "own their weights; wrap it in a module (nn.Linear, nn.Conv2d ...) or compute "
                "it from the input",
            ),
        )

    def _call_module(self, n: fx.Node) -> Any:
        from torch import fx

        module = self.gm.get_submodule(str(n.target))
        args = fx.node.map_arg(n.args, self.env.__getitem__)
        if len(args) != 1 or n.kwargs or not isinstance(args[0], Ref):
            raise self.error(
                n,
                QT_TRANSLATE_NOOP(
                    "ImportMessages", "is called with more than one tensor: pass it one input"
                ),
            )
        try:
            type_id, params = layer_for_module(module)
        except UnsupportedSetting as error:
            raise self.error(n, said.CANNOT_BE_IMPORTED(error=said.reason(error))) from None
        self.calls[str(n.target)] = self.calls.get(str(n.target), 0) + 1
        last = type_id in RETURNS_STATE and self._reads_last_step_only(n, params)
        if last:
            params["output"] = "last"
        x = args[0]
        node_id = self.assembly.add(
            type_id,
            params,
            self.region.local_name(str(n.target)) if self.region else str(n.target),
            [(x.node_id, x.port)],
            weights=module.state_dict(),
            origin=f"self.{n.target}",
        )
        result = self.seen[n]
        if type_id in RETURNS_STATE:
            sequence = result[0]
            shape = (sequence.shape[0], *sequence.shape[2:]) if last else sequence.shape
            return RecurrentOutput(self, n, Ref(node_id, "out", shape, sequence.dtype), last)
        return Ref(node_id, "out", result.shape, result.dtype)

    def _reads_last_step_only(self, n: fx.Node, params: dict[str, Any]) -> bool:
        """Whether the model reads recurrent layer `n` at its last step only: the output as
        ``out[:, -1]`` (``out[:, -1, :]``) and, one direction only, the final hidden state of
        the top layer as ``h[-1]`` (``h.squeeze(0)`` for one layer); the cell state unused.
        Then the layer's own "last" output option gives exactly what the model reads."""
        steps = self.seen[n][0].shape[1]
        states = 1 if params.get("bidirectional") else params["num_layers"]
        hiddens: list[fx.Node] = []
        reads = 0
        for part in n.users:
            index = _item(part)
            if index is None:
                return False
            if index % 2 == 0:
                if not all(_last_step(use, steps) for use in part.users):
                    return False
                reads += len(part.users)
            elif isinstance(self.gm.get_submodule(str(n.target)), _lstm()):
                for state in part.users:
                    which = _item(state)
                    if which is None or (which % 2 == 1 and state.users):
                        return False
                    hiddens += [state] if which % 2 == 0 else []
            else:
                hiddens.append(part)
        for hidden in hiddens:
            if params.get("bidirectional") or not all(
                _last_hidden(use, states) for use in hidden.users
            ):
                return False
            reads += len(hidden.users)
        return reads > 0

    def _call_op(self, n: fx.Node) -> Any:
        from torch import fx

        args = fx.node.map_arg(n.args, self.env.__getitem__)
        kwargs = fx.node.map_arg(n.kwargs, self.env.__getitem__)
        if n.target is operator.getitem and isinstance(args[0], TracedTuple):
            return args[0].item(args[1], n)
        if args and isinstance(args[0], LastStep):  # out[:, -1] or h[-1]: checked before
            return args[0].ref
        args, kwargs = expand(args), expand(kwargs)
        result = self.seen[n]
        if isinstance(result, TensorMeta):
            return self.op_node(n, args, kwargs)
        if isinstance(result, (tuple, list)) and any(isinstance(r, TensorMeta) for r in result):
            return TracedTuple(self, n, args, kwargs)
        return self._number(n, args, kwargs, result)

    def _number(self, n: fx.Node, args: Any, kwargs: Any, result: Any) -> Any:
        """A Python value: shapes (the batch size kept symbolic) or a constant."""
        first = args[0] if args else None
        if isinstance(first, Ref):
            sizes = (BATCH_SIZE, *first.shape[1:])
            if n.op == "call_method" and n.target == "size":
                dim = args[1] if len(args) > 1 else kwargs.get("dim")
                return sizes if dim is None else sizes[dim]
            if n.target is getattr and args[1] == "shape":
                return sizes
            if (n.target is getattr and args[1] in ("ndim", "dtype", "is_cuda")) or (
                n.op == "call_method" and n.target in ("dim", "ndimension")
            ):
                return result
            raise self.error(
                n,
                QT_TRANSLATE_NOOP(
                    "ImportMessages",
                    "turns tensor values into a Python value: the network would depend on the "
                    "data it was traced with; keep the computation in tensors",
                ),
            )
        if n.target is operator.getitem and isinstance(first, tuple) and mentions_batch(first):
            return first[args[1]]
        if mentions_batch((args, kwargs)):
            return FROM_BATCH
        return result

    def op_node(
        self, n: fx.Node, args: Any, kwargs: Any, *, item: int | None = None, name: str = ""
    ) -> Ref:
        """The layer or Function node for the tensor op `n`; returns its output."""
        result = self.seen[n] if item is None else self.seen[n][item]
        try:
            function = op_name(n.op, n.target)
        except ValueError as error:
            raise self.error(n, said.NOT_A_PUBLIC_FUNCTION(error=said.reason(error))) from None
        refs = list(dict.fromkeys(refs_in((args, kwargs))))
        if not refs:
            raise self.error(
                n,
                QT_TRANSLATE_NOOP(
                    "ImportMessages", "makes a tensor that does not come from the input"
                ),
            )
        ports = [(r.node_id, r.port) for r in refs]
        name = name or n.name
        if function in RESHAPES and item is None:
            if result.shape[0] != BATCH or refs[0].shape[0] != BATCH:
                raise self.error(
                    n,
                    QT_TRANSLATE_NOOP(
                        "ImportMessages", "reshapes across the batch dimension: keep dimension 0"
                    ),
                )
            node_id = self.assembly.add(
                "Reshape", {"shape": result.shape[1:]}, name, ports[:1], origin=n.name
            )
            return Ref(node_id, "out", result.shape, result.dtype)
        if mentions_batch((args, kwargs)):
            raise self.error(
                n,
                QT_TRANSLATE_NOOP(
                    "ImportMessages",
                    "uses the batch size as a number: a layer must work for any batch size; "
                    "write it without x.size(0) (e.g. x.flatten(1) instead of "
                    "x.view(x.size(0), -1))",
                ),
            )
        if function in PASS_THROUGH and item is None and len(refs) == 1 and len(args) == 1:
            return refs[0]
        mapped = layer_for_op(function, args, kwargs) if item is None else None
        if mapped is not None:
            ports = [(r.node_id, r.port) for r in mapped.inputs]
            node_id = self.assembly.add(mapped.type_id, mapped.params, name, ports, origin=n.name)
            for type_id, params, extra in mapped.then:
                ports = [(node_id, "out"), *((r.node_id, r.port) for r in extra)]
                node_id = self.assembly.add(type_id, params, "", ports, origin=n.name)
            return Ref(node_id, "out", result.shape, result.dtype)
        args, kwargs = out_of_place(n.op, n.target, args, kwargs)
        try:
            params = {
                "function": function,
                "args": json.dumps(encode_arguments(list(args), refs)),
                "kwargs": json.dumps(encode_arguments(dict(kwargs), refs)),
                "item": item,
            }
        except TypeError as error:
            raise self.error(n, said.ARGUMENT_NOT_STORED(error=said.reason(error))) from None
        node_id = self.assembly.add("Function", params, name, ports, origin=n.name)
        return Ref(node_id, "out", result.shape, result.dtype)

    def _output_refs(self, n: fx.Node, found: Any) -> list[Ref]:
        if isinstance(found, TracedTuple):
            found = found.all()
        if isinstance(found, Ref):
            return [found]
        if isinstance(found, (tuple, list)) and all(isinstance(f, Ref) for f in found):
            return list(found)
        raise self.error(
            n,
            QT_TRANSLATE_NOOP(
                "ImportMessages", "returns something other than a tensor or a tuple of tensors"
            ),
        )


def _lstm() -> type:
    from torch import nn

    return nn.LSTM


def _item(n: fx.Node) -> int | None:
    """The index of ``n = value[index]`` with a whole-number index, else None."""
    if n.op != "call_function" or n.target is not operator.getitem:
        return None
    index = n.args[1]
    return index if isinstance(index, int) and not isinstance(index, bool) else None


def _last_step(n: fx.Node, steps: int) -> bool:
    """Whether `n` is ``out[:, -1]`` or ``out[:, -1, :]`` of a (N, L, H) sequence."""
    if n.op != "call_function" or n.target is not operator.getitem:
        return False
    index = n.args[1]
    if not isinstance(index, tuple) or len(index) not in (2, 3):
        return False
    every = slice(None, None, None)
    return (
        index[0] == every
        and index[1] in (-1, steps - 1)
        and not isinstance(index[1], bool)
        and all(i == every for i in index[2:])
    )


def _last_hidden(n: fx.Node, states: int) -> bool:
    """Whether `n` is ``h[-1]`` of a (layers, N, H) hidden state (``h.squeeze(0)`` with one
    layer)."""
    index = _item(n)
    if index is not None:
        return index in (-1, states - 1)
    if n.op == "call_method" and n.target == "squeeze" and states == 1:
        dim = n.args[1] if len(n.args) > 1 else n.kwargs.get("dim")
        return dim == 0
    return False
