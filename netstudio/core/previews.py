"""Previews: every node's output for one real sample, recomputed only downstream of an edit.

A `PreviewEngine` runs the network's layers one node at a time on one sample (a batch of one,
on the CPU, in eval mode, without gradients) and keeps each node's output. Each layer's module
is built once per node and parameter set, with the weights given (a run's, by node id: see
`weights_by_node`) or a fresh seeded init, so the same network and seed always show the same
numbers. `update()` recomputes a node only when its parameters or any of its inputs changed
(each output carries a version; a node is keyed by its type, resolved parameters and its
inputs' versions), so after an edit only the edited node and those downstream run again.

What a preview reports beside the tensor: its shape, the finite values' range, and the count
of NaN and infinite values (shown as such, never drawn as blanks). A layer that fails on the
real sample (a runtime error the meta-tensor shape inference cannot see, such as an Embedding
index out of range) gets the error, naming the node and what to do; the nodes after it get no
preview.

A Block node's preview is its output: its last copy's. Each copy of its network runs in an
engine of its own (kept between updates, fed the previous copy's outputs, with that copy's
weights: `weights_by_node` files them as ``block/copy/inner-node``), so an edit inside the
block's network recomputes only what it reaches in each copy, and the Block node counts as
changed (and so do the nodes after it) only when its output did.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netstudio.core.blocks import BLOCK
from netstudio.core.graph import NetworkGraph, Node
from netstudio.core.messages import QT_TRANSLATE_NOOP, Template
from netstudio.core.module_messages import first_line
from netstudio.core.shapes import ShapeInference, is_auto_input

if TYPE_CHECKING:
    import torch
    from torch import fx, nn


def _said(code: str, text: str) -> Template:
    """A preview's message (`netstudio.core.messages`): English for the CLI, translated on
    the node cards and in the Problems list. Its fields: node, the node's label or name."""
    return Template(f"preview.{code}", "Previews", text)


SEVERAL_INPUTS = _said(
    "several-inputs",
    QT_TRANSLATE_NOOP(
        "Previews", "the network has {count} Inputs: give the sample as tensors by Input node id"
    ),
)
NO_SAMPLE_VALUE = _said(
    "no-sample-value", QT_TRANSLATE_NOOP("Previews", "the sample has no value for this Input")
)
NOTHING_ARRIVES = _said(
    "nothing-arrives", QT_TRANSLATE_NOOP("Previews", "nothing arrives at its input")
)
SHAPE_UNKNOWN = _said("shape-unknown", QT_TRANSLATE_NOOP("Previews", "its shape is not known"))
NOT_A_TENSOR = _said("not-a-tensor", QT_TRANSLATE_NOOP("Previews", "its output is not a tensor"))
BLOCK_FAILS = _said("block-fails", QT_TRANSLATE_NOOP("Previews", "block '{node}': {error}"))
BLOCK_COPY_FAILS = _said(
    "block-copy-fails", QT_TRANSLATE_NOOP("Previews", "block '{node}' (copy {copy}): {error}")
)
BLOCK_NO_OUTPUT = _said(
    "block-no-output",
    QT_TRANSLATE_NOOP("Previews", "block '{node}': its network gives no output for the sample"),
)
BLOCK_COPY_NO_OUTPUT = _said(
    "block-copy-no-output",
    QT_TRANSLATE_NOOP(
        "Previews", "block '{node}' (copy {copy}): its network gives no output for the sample"
    ),
)
EMBEDDING_INDEX = _said(
    "embedding-index",
    QT_TRANSLATE_NOOP(
        "Previews",
        "{node}: the sample holds index {index} but num_embeddings is {size}: raise "
        "num_embeddings to at least {needed}, or check the data's token ids",
    ),
)
LAYER_FAILS = _said(
    "layer-fails",
    QT_TRANSLATE_NOOP(
        "Previews", "{node} fails on the sample: {reason}: check its parameters against the data"
    ),
)


@dataclass(frozen=True)
class NodePreview:
    """One node's output for the sample (its first output port's), or why there is none.

    minimum and maximum are over the finite values (None when there are none); nan and inf
    count the values that are not finite. error: the layer failed on the sample (the message
    names it and says what to do); missing: no value, and why (an error upstream).
    """

    node_id: str
    value: torch.Tensor | None = None
    shape: tuple[int, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    nan: int = 0
    inf: int = 0
    error: str | None = None
    missing: str | None = None

    @property
    def finite(self) -> bool:
        return self.nan == 0 and self.inf == 0

    def range_text(self) -> str:
        """``(1, 16, 28, 28)  -0.52 .. 3.1`` with ``, 3 NaN, 1 inf`` when there are such."""
        if self.error is not None:
            return f"error: {self.error}"
        if self.value is None:
            return f"no value: {self.missing}"
        shape = "×".join(str(d) for d in self.shape)
        span = (
            "no finite values"
            if self.minimum is None
            else f"{self.minimum:.4g} .. {self.maximum:.4g}"
        )
        odd = "".join(
            f", {count} {name}" for count, name in ((self.nan, "NaN"), (self.inf, "inf")) if count
        )
        return f"{shape}  {span}{odd}"


class PreviewEngine:
    """Every node's output for one sample of `graph` (see module docstring).

    sample: one sample without the batch dimension (a tensor for a network with one Input, or
    tensors by Input node id). weights: per node id, a state_dict for its layer (a run's:
    `weights_by_node`); layers without any get a fresh init seeded by `seed` and the node id.
    """

    def __init__(
        self,
        graph: NetworkGraph,
        sample: torch.Tensor | Mapping[str, torch.Tensor],
        *,
        weights: Mapping[str, Mapping[str, torch.Tensor]] | None = None,
        seed: int = 0,
        inference: ShapeInference | None = None,
    ) -> None:
        self.graph = graph
        self.seed = seed
        self.weights = dict(weights or {})
        self._own_inference = inference is None
        if inference is None:  # an auto Input takes the sample's shape, as training gives it
            auto = [node for node in graph.inputs() if is_auto_input(node)]
            shape = tuple(sample.shape) if auto and not isinstance(sample, Mapping) else None
            inference = ShapeInference(graph, data_shape=shape)
        self.inference = inference
        self.previews: dict[str, NodePreview] = {}
        #: How many nodes the last `update` ran (the rest were unchanged).
        self.computed = 0
        self._modules: dict[str, tuple[Any, nn.Module]] = {}
        self._keys: dict[str, Any] = {}
        self._versions: dict[str, int] = {}
        self._outputs: dict[tuple[str, str], torch.Tensor] = {}
        self._next_version = 0
        #: Each Block node's copies, an engine of its network each (see module docstring).
        self._copies: dict[str, list[PreviewEngine]] = {}
        #: A block copy's engine: its Inputs take what arrives at the block as it is, and its
        #: owner's `update` has brought the copy's shapes up to date.
        self._is_copy = False
        self.set_sample(sample)

    def close(self) -> None:
        """Stop following the graph (only when the engine made its own shape inference)."""
        if self._own_inference:
            self.inference.close()

    def set_sample(self, sample: torch.Tensor | Mapping[str, torch.Tensor]) -> None:
        """Show another sample: every node is recomputed on the next `update`."""
        inputs = self.graph.inputs()
        if not isinstance(sample, Mapping):
            if len(inputs) != 1:
                raise ValueError(SEVERAL_INPUTS(count=len(inputs)))
            sample = {inputs[0].id: sample}
        self.sample = {node_id: tensor.unsqueeze(0) for node_id, tensor in sample.items()}
        self._keys.clear()

    def _feed(self, batched: Mapping[str, torch.Tensor]) -> None:
        """Take these tensors (batch dimension included) at the Input nodes, by id: only the
        Inputs whose tensor is another one are recomputed, and what follows them."""
        for node_id, tensor in batched.items():
            if self.sample.get(node_id) is not tensor:
                self._keys.pop(node_id, None)
        self.sample = dict(batched)

    def set_weights(self, weights: Mapping[str, Mapping[str, torch.Tensor]] | None) -> None:
        """Show other weights (a run's, or None for fresh ones): every layer is rebuilt and
        recomputed on the next `update`."""
        self.weights = dict(weights or {})
        self._modules.clear()
        self._keys.clear()
        self._copies.clear()

    def update(self) -> dict[str, NodePreview]:
        """Recompute what changed since the last call; returns every node's preview."""
        import torch

        if not self._is_copy:
            self.inference.update()
        self.computed = 0
        present = set()
        with torch.no_grad():
            for node_id in self.graph.topological_order():
                present.add(node_id)
                self._update_node(self.graph.node(node_id))
        for gone in set(self.previews) - present:
            self._forget(gone)
        return self.previews

    # --- one node ------------------------------------------------------------------------------

    def _update_node(self, node: Node) -> None:
        info = self.inference.info(node.id)
        ports = _block_ports(info) if node.type_id == BLOCK and info.ok else None
        block = ports is not None
        in_ports = ports[0] if ports is not None else node.input_ports
        inputs = [self.graph.edge_into(node.id, port) for port in in_ports]
        sources = [(e.src, e.src_port) if e is not None else None for e in inputs]
        key = (
            node.type_id,
            _params_key(info.resolved),
            tuple(None if s is None else (s, self._versions.get(s[0])) for s in sources),
        )
        # A block's network may have changed with nothing of this graph: its copies look.
        if self._keys.get(node.id) == key and node.id in self.previews and not block:
            return
        self._keys[node.id] = key
        if not block:
            self.computed += 1
        if node.spec.role == "input":
            tensor = self.sample.get(node.id)
            if tensor is None:
                self._set(node, None, missing=NO_SAMPLE_VALUE())
            else:
                self._set(node, {"out": tensor if self._is_copy else _fit(tensor, node)})
            return
        args = []
        for source in sources:
            value = self._outputs.get(source) if source is not None else None
            if value is None:
                missing = NOTHING_ARRIVES()
                if not block or self._differs(node.id, None, missing):
                    self.computed += int(block)
                    self._set(node, None, missing=missing)
                return
            args.append(value)
        if node.spec.role == "output":
            self._set(node, {"in": args[0]})
            return
        if not info.ok:
            self._set(node, None, missing=info.error or SHAPE_UNKNOWN())
            return
        if ports is not None:
            self._update_block(node, info, ports[1], args)
            return
        try:
            module = self._module(node, info.resolved)
            result = module(*args)
        except Exception as error:  # a runtime error on real values: say it for this node
            self._set(node, None, error=_explain(node, error, args))
            return
        results = result if isinstance(result, (tuple, list)) else (result,)
        self._set(node, dict(zip(node.output_ports, results, strict=False)))

    def _update_block(
        self, node: Node, info: Any, out_ports: tuple[str, ...], args: list[torch.Tensor]
    ) -> None:
        """Block `node`: each copy's engine brought up to date, fed the previous copy's
        outputs; the node's output (the last copy's) is set only when it changed."""
        copies = list(info.copies)
        engines = self._copies.setdefault(node.id, [])
        del engines[len(copies) :]
        feeds: list[torch.Tensor] = list(args)
        error: str | None = None
        missing: str | None = None
        several = len(copies) > 1
        for number, copy in enumerate(copies):
            engine = self._copy_engine(node, number, copy, feeds)
            engine.update()
            order = engine.graph.topological_order()
            failed = next(
                (engine.previews[n] for n in order if engine.previews[n].error is not None),
                None,
            )
            if failed is not None:
                error = (
                    BLOCK_COPY_FAILS(node=node.name, copy=number + 1, error=failed.error)
                    if several
                    else BLOCK_FAILS(node=node.name, error=failed.error)
                )
                break
            outputs = [engine._outputs.get((n.id, "in")) for n in engine.graph.outputs()]
            if any(value is None for value in outputs):
                missing = (
                    BLOCK_COPY_NO_OUTPUT(node=node.name, copy=number + 1)
                    if several
                    else BLOCK_NO_OUTPUT(node=node.name)
                )
                break
            feeds = [value for value in outputs if value is not None]
        if error is not None or missing is not None:
            if self._differs(node.id, error, missing):
                self.computed += 1
                self._set(node, None, error=error, missing=missing)
            return
        old = self.previews.get(node.id)
        if (
            old is None
            or old.value is None
            or any(
                self._outputs.get((node.id, port)) is not value
                for port, value in zip(out_ports, feeds, strict=True)
            )
        ):
            self.computed += 1
            self._set(node, dict(zip(out_ports, feeds, strict=True)))

    def _differs(self, node_id: str, error: str | None, missing: str | None) -> bool:
        """Whether the node's preview is other than no value for this reason."""
        old = self.previews.get(node_id)
        return old is None or old.value is not None or (old.error, old.missing) != (error, missing)

    def _copy_engine(
        self, node: Node, number: int, copy: Any, feeds: list[torch.Tensor]
    ) -> PreviewEngine:
        """The engine of copy `number` of Block `node` (made on first use), fed `feeds` at
        its network's Inputs."""
        inner = copy.graph
        batched = dict(zip((n.id for n in inner.inputs()), feeds, strict=True))
        engines = self._copies[node.id]
        if number < len(engines):
            engine = engines[number]
            engine.graph, engine.inference = inner, copy
            engine._feed(batched)
            return engine
        prefix = f"{node.id}/{number}/"
        weights = {
            key[len(prefix) :]: state
            for key, state in self.weights.items()
            if key.startswith(prefix)
        }
        engine = PreviewEngine(
            inner,
            {node_id: tensor[0] for node_id, tensor in batched.items()},
            weights=weights,
            seed=_node_seed(self.seed, f"{node.id}/{number}"),
            inference=copy,
        )
        engine._is_copy = True
        engine._feed(batched)
        engines.append(engine)
        return engine

    def _module(self, node: Node, resolved: Mapping[str, Any]) -> nn.Module:
        import torch

        params_key = (node.type_id, _params_key(resolved))
        cached = self._modules.get(node.id)
        if cached is not None and cached[0] == params_key:
            return cached[1]
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(_node_seed(self.seed, node.id))
            module = node.spec.create_module(resolved)
        state = self.weights.get(node.id)
        if state is not None:
            module.load_state_dict(state, strict=False)
        module.eval()
        self._modules[node.id] = (params_key, module)
        return module

    def _set(
        self,
        node: Node,
        outputs: Mapping[str, torch.Tensor] | None,
        *,
        error: str | None = None,
        missing: str | None = None,
    ) -> None:
        self._next_version += 1
        self._versions[node.id] = self._next_version
        for key in [k for k in self._outputs if k[0] == node.id]:
            del self._outputs[key]
        if not outputs:
            self.previews[node.id] = NodePreview(node.id, error=error, missing=missing)
            return
        for port, tensor in outputs.items():
            self._outputs[(node.id, port)] = tensor
        self.previews[node.id] = _preview(node.id, next(iter(outputs.values())))

    def _forget(self, node_id: str) -> None:
        for store in (self.previews, self._keys, self._versions, self._modules, self._copies):
            store.pop(node_id, None)


def weights_by_node(model: fx.GraphModule) -> dict[str, dict[str, torch.Tensor]]:
    """A compiled model's weights by node id (its layers' state_dicts), for `PreviewEngine`.

    A Block node's copies are files too, each of their layers as ``block/copy/inner-node``
    (``blocks/0/conv1``), at any depth of blocks in blocks.
    """
    from torch import fx

    from netstudio.core.compiler import META_KEY

    modules: dict[str, str] = model.meta.get(META_KEY, {}).get("modules", {})
    weights: dict[str, dict[str, torch.Tensor]] = {}
    for attr, node_id in modules.items():
        module = model.get_submodule(attr)
        weights[node_id] = {k: v.detach().cpu() for k, v in module.state_dict().items()}
        for number, copy in module.named_children():  # a Block's copies: ``0``, ``1`` ...
            if number.isdigit() and isinstance(copy, fx.GraphModule) and META_KEY in copy.meta:
                for inner, state in weights_by_node(copy).items():
                    weights[f"{node_id}/{number}/{inner}"] = state
    return weights


def _block_ports(info: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A Block's (input, output) ports from its first copy's network (the ids of its Input
    and Output nodes, as `block_ports` gives them), or None when it has no copies."""
    copies = getattr(info, "copies", ())
    if not copies:
        return None
    inner = copies[0].graph
    return tuple(n.id for n in inner.inputs()), tuple(n.id for n in inner.outputs())


def _preview(node_id: str, tensor: Any) -> NodePreview:
    import torch

    if not isinstance(tensor, torch.Tensor):
        return NodePreview(node_id, missing=NOT_A_TENSOR())
    values = tensor.detach()
    floats = values.float() if values.is_floating_point() else values.double()
    finite = torch.isfinite(floats)
    nan = int(torch.isnan(floats).sum())
    inf = int(floats.numel() - int(finite.sum()) - nan)
    kept = floats[finite]
    low = float(kept.min()) if kept.numel() else None
    high = float(kept.max()) if kept.numel() else None
    return NodePreview(node_id, values, tuple(values.shape), low, high, nan=nan, inf=inf)


def _fit(tensor: torch.Tensor, node: Node) -> torch.Tensor:
    """The sample as the Input gives it: reshaped to its shape when only the layout differs,
    as integers for an int64 Input."""
    shape = node.params.get("shape")
    have = tuple(tensor.shape[1:])
    if shape and have != tuple(shape) and math.prod(have) == math.prod(shape):
        tensor = tensor.reshape(1, *shape)
    if node.params.get("dtype") == "int64":
        tensor = tensor.long()
    return tensor


def _explain(node: Node, error: BaseException, args: list[torch.Tensor]) -> str:
    """A layer's runtime error on the sample, for people: what and what to do."""
    reason = first_line(error)
    if node.type_id == "Embedding" and "index out of range" in reason and args:
        largest = int(args[0].max()) if args[0].numel() else 0
        size = node.params.get("num_embeddings")
        return EMBEDDING_INDEX(node=node.label, index=largest, size=size, needed=largest + 1)
    return LAYER_FAILS(node=node.label, reason=reason)


def _params_key(params: Mapping[str, Any]) -> str:
    """A comparable key of resolved parameters (lists and nested values included)."""
    return repr(sorted(params.items()))


def _node_seed(seed: int, node_id: str) -> int:
    """A seed per node, the same in every session (Python's str hash is salted per process)."""
    import zlib

    return (seed * 1_000_003 + zlib.crc32(node_id.encode("utf-8"))) % (2**31)
