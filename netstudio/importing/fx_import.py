"""Importing an `nn.Module`: traced by torch.fx into catalogue layers and Function nodes.

Modules with a catalogue layer (Linear, Conv2d, BatchNorm2d ...) stay whole (fx leaves) and
become that layer with the same settings and weights; every other module is traced into, so
it ends up as the layers and ops it is made of (`FxTranslator` turns each op into a node). The
model is run once on an example batch (in eval mode, restored after) to learn every tensor's
shape; Python numbers computed from shapes are kept as constants, except the batch size, which
no layer may depend on. Calls of repeated submodules (ResNet's BasicBlocks) become Block nodes
of networks of their own unless `blocks=False` (`netstudio.importing.blocks_from_modules`).
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.shapes import dtype_name
from netstudio.importing import import_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.blocks_from_modules import RegionPlan
from netstudio.importing.errors import ModelImportError
from netstudio.importing.fx_translator import FxTranslator
from netstudio.importing.fx_values import BATCH, TensorMeta
from netstudio.importing.module_rules import has_layer
from netstudio.importing.result import ImportedModel

if TYPE_CHECKING:
    from torch import fx, nn


def from_module(
    module: nn.Module,
    input_shape: Sequence[int],
    *,
    name: str | None = None,
    dtype: str | None = None,
    source: str | None = None,
    blocks: bool = True,
) -> ImportedModel:
    """Import `module` as a project whose compiled graph gives the same outputs.

    input_shape: one sample's shape, without the batch dimension. dtype: the Input's element
    type; by default int64 when the input goes straight into an Embedding, else float32.
    source: how messages name the model (default: its class name).
    blocks: calls of repeated submodules (the same class used several times, like ResNet's
    BasicBlocks) become Block nodes of networks of their own (`blocks_from_modules`); False
    gives one flat network.
    Raises ModelImportError saying which op or module could not be imported, and why.
    """
    import torch

    source = source or type(module).__name__
    shape = tuple(int(d) for d in input_shape)
    if not shape or any(d < 1 for d in shape):
        raise ModelImportError(said.SHAPE_NOT_POSITIVE(source=source, shape=shape))
    gm = _trace(module, source)
    inputs = [n.name for n in gm.graph.nodes if n.op == "placeholder" and not n.args]
    if len(inputs) > 1:
        raise ModelImportError(
            said.SEVERAL_INPUTS(source=source, count=len(inputs), names=", ".join(inputs))
        )
    dtype = dtype or _guess_dtype(gm)
    if dtype == "int64":
        example = torch.zeros((BATCH, *shape), dtype=torch.int64)
    else:
        example = torch.randn((BATCH, *shape))
    seen = _example_run(gm, module, example, source)
    assembly = GraphAssembly(source)
    plan = RegionPlan(gm, module) if blocks else None
    refs = FxTranslator(gm, seen, assembly, shape, dtype, plan=plan, root=module).run()
    outputs = [(ref.node_id, ref.port) for ref in refs]
    return assembly.finish(name or type(module).__name__, outputs, f"Imported from {source}.")


def _trace(module: nn.Module, source: str) -> fx.GraphModule:
    from torch import fx

    _refuse_lazy(module, source)

    class Tracer(fx.Tracer):
        def is_leaf_module(self, m: nn.Module, qualified_name: str) -> bool:
            return has_layer(m)

    tracer = Tracer()
    tracer.record_stack_traces = True
    try:
        graph = tracer.trace(module)
    except fx.proxy.TraceError as error:  # fx's own refusal: a branch on a traced value
        raise ModelImportError(
            said.CANNOT_TRACE(
                source=source,
                module=type(module).__name__,
                where=_where(error),
                error=_first_line(error),
            )
        ) from None
    except Exception as error:  # the model's own code failed: say what, and where
        raise ModelImportError(
            said.TRACE_RUN_FAILED(
                source=source,
                module=type(module).__name__,
                where=_where(error),
                kind=type(error).__name__,
                error=_first_line(error),
            )
        ) from None
    return fx.GraphModule(tracer.root, graph, class_name=type(module).__name__)


def _refuse_lazy(module: nn.Module, source: str) -> None:
    """Lazy modules (nn.LazyLinear ...) learn their sizes from a first run: no layer to copy."""
    from torch.nn.modules.lazy import LazyModuleMixin

    for name, sub in module.named_modules():
        if isinstance(sub, LazyModuleMixin) and sub.has_uninitialized_params():
            where = f"self.{name}" if name else said.phrase(said.THE_MODEL)
            lazy = said.LAZY_MODULE(source=source, where=where, module=type(sub).__name__)
            raise ModelImportError(lazy)


def _first_line(error: BaseException) -> str:
    return (str(error).strip() or type(error).__name__).splitlines()[0]


def _where(error: BaseException) -> str:
    """`` at file:line`` of the deepest frame of `error` outside torch: the model's own line."""
    import torch

    internals = str(Path(torch.__file__).resolve().parent)
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if not str(Path(f.filename).resolve()).startswith(internals)
        and Path(f.filename).resolve() != Path(__file__).resolve()
    ]
    return said.AT(place=f"{frames[-1].filename}:{frames[-1].lineno}") if frames else ""


def _example_run(gm: fx.GraphModule, module: nn.Module, example: Any, source: str) -> dict:
    """Run `gm` on `example` in eval mode without gradients; each fx node's `_summary`."""
    import torch
    from torch import fx

    seen: dict[fx.Node, Any] = {}

    class Recorder(fx.Interpreter):
        def run_node(self, n: fx.Node) -> Any:
            result = super().run_node(n)
            seen[n] = _summary(result)
            return result

    modes = {m: m.training for m in module.modules()}
    module.eval()
    try:
        with torch.no_grad():
            Recorder(gm).run(example)
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        fails = said.MODEL_FAILS_ON_INPUT(source=source, shape=tuple(example.shape), error=reason)
        raise ModelImportError(fails) from None
    finally:
        for m, training in modes.items():
            m.training = training
    return seen


def _guess_dtype(gm: fx.GraphModule) -> str:
    from torch import nn

    for node in gm.graph.nodes:
        if node.op == "placeholder":
            for user in node.users:
                module = gm.get_submodule(str(user.target)) if user.op == "call_module" else None
                if isinstance(module, nn.Embedding):
                    return "int64"
            break
    return "float32"


def _summary(value: Any) -> Any:
    import torch

    if isinstance(value, torch.Tensor):
        return TensorMeta(tuple(value.shape), dtype_name(value.dtype))
    if isinstance(value, torch.Size):
        return tuple(value)
    if isinstance(value, (tuple, list)):
        return type(value)(_summary(v) for v in value)
    return value
