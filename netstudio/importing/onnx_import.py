"""Opening an ONNX file as a graph of catalogue layers, its initializers as the weights.

Only the ops on the data path from the input to the outputs become layers; ops that only
compute a shape (``Shape → Gather → Concat`` feeding a Reshape or an Expand) are dropped, and
the Reshape takes the per-sample shape ONNX shape inference gives. Where an exporter writes one
layer as several ops (an LSTM with the transposes and reshapes around it, SiLU as
``x * Sigmoid(x)``) the group is matched first and becomes that one layer
(`netstudio.importing.onnx_ops.claim_patterns`); every other op is translated on its own
(`netstudio.importing.onnx_ops.RULES`). An op with no layer stops the import with a list of
every such op, so the person sees all that is missing at once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import Message
from netstudio.importing import import_messages
from netstudio.importing import onnx_messages as said
from netstudio.importing.assembly import GraphAssembly, Port
from netstudio.importing.errors import ModelImportError
from netstudio.importing.result import ImportedModel

if TYPE_CHECKING:
    import torch

#: Batch size the shapes are inferred with; a Reshape to this size keeps the batch dimension.
BATCH = 2

#: How many leading inputs of these ops are data; the rest are settings (shapes, indices,
#: axes, bounds, initial states) that the translation reads as constants or checks itself.
DATA_INPUTS = {
    "Reshape": 1,
    "Dropout": 1,
    "Shape": 0,
    "Expand": 1,
    "Slice": 1,
    "Gather": 1,
    "Squeeze": 1,
    "Unsqueeze": 1,
    "ReduceMean": 1,
    "Clip": 1,
    "LSTM": 1,
    "GRU": 1,
}


def _onnx() -> Any:
    try:
        import onnx
    except ImportError:
        raise ModelImportError(said.NEEDS_ONNX()) from None
    return onnx


def from_onnx(path: str | Path) -> ImportedModel:
    """Import the ONNX model in `path` (one input, batch first) with its weights.

    Raises ModelImportError for an unreadable file, several or unsized inputs, and ops or
    settings NetStudio has no layer for (all of them listed).
    """
    onnx = _onnx()
    path = Path(path)
    if not path.is_file():
        raise ModelImportError(import_messages.NO_SUCH_FILE(path=path))
    try:
        model = onnx.load(str(path))
        onnx.checker.check_model(model)
        _fix_batch(model)
        model = onnx.shape_inference.infer_shapes(model, data_prop=True)
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        raise ModelImportError(said.NOT_VALID(path=path, error=reason)) from None
    return OnnxReader(model, path).read()


def _fix_batch(model: Any) -> None:
    """Give every input's first (batch) dimension the size `BATCH`, so shape inference can
    work out the sizes of shape computations (Shape → Gather → Concat → Reshape)."""
    for info in model.graph.input:
        dims = info.type.tensor_type.shape.dim
        if dims:
            dims[0].Clear()
            dims[0].dim_value = BATCH
    del model.graph.value_info[:]  # inferred again with the fixed batch
    for info in model.graph.output:
        info.type.tensor_type.ClearField("shape")


class OnnxReader:
    """One ONNX graph translated into a `GraphAssembly` (see module docstring).

    values: ONNX tensor name → the NetStudio output port that computes it. seq_first: names of
    sequence-first tensors (steps, batch, features), as ONNX recurrent ops read and write them,
    → the port that computes the same tensor batch first. claimed: ids of the nodes a pattern
    translates together with its anchor; plans: what the pattern found, by the anchor's id.
    """

    def __init__(self, model: Any, path: Path) -> None:
        from onnx import numpy_helper

        self.model, self.path, self.graph = model, path, model.graph
        self.assembly = GraphAssembly(path.name)
        self.constants: dict[str, Any] = {
            init.name: numpy_helper.to_array(init) for init in self.graph.initializer
        }
        for node in self.graph.node:
            if node.op_type == "Constant" and node.attribute:
                self.constants[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
            elif node.op_type == "Identity" and node.input[0] in self.constants:
                self.constants[node.output[0]] = self.constants[node.input[0]]
        self.shapes = self._shapes()
        self.producer = {out: node for node in self.graph.node for out in node.output}
        self.users = Counter(name for node in self.graph.node for name in node.input)
        self.readers: dict[str, list[Any]] = {}
        self.values: dict[str, Port] = {}
        self.seq_first: dict[str, Port] = {}
        self.claimed: set[int] = set()
        self.plans: dict[int, Any] = {}

    def read(self) -> ImportedModel:
        from netstudio.importing.onnx_ops import RULES, claim_patterns

        nodes = self._data_path()
        for node in nodes:
            for name in self.data_inputs(node):
                self.readers.setdefault(name, []).append(node)
        claim_patterns(self, nodes)
        missing = Counter(
            n.op_type for n in nodes if id(n) not in self.claimed and n.op_type not in RULES
        )
        if missing:
            listed = ", ".join(f"{op} ×{count}" for op, count in sorted(missing.items()))
            supported = ", ".join(sorted(RULES))
            raise ModelImportError(
                said.NO_LAYER_FOR_OPS(path=self.path, listed=listed, supported=supported)
            )
        self._input()
        for node in nodes:
            if id(node) in self.claimed or node.output[0] in self.values:
                continue  # translated with its pattern's anchor, or a MatMul's folded Add
            RULES[node.op_type](self, node)
        outputs = [self.value(out.name, None) for out in self.graph.output]
        name = self.graph.name or self.path.stem
        return self.assembly.finish(
            self.path.stem, outputs, f"Imported from {self.path.name} ({name})."
        )

    # --- reading -------------------------------------------------------------------------

    def _shapes(self) -> dict[str, tuple[int | None, ...]]:
        shapes = {}
        for info in [*self.graph.input, *self.graph.value_info, *self.graph.output]:
            dims = info.type.tensor_type.shape.dim
            shapes[info.name] = tuple(
                d.dim_value if d.HasField("dim_value") else None for d in dims
            )
        return shapes

    def data_inputs(self, node: Any) -> list[str]:
        """The names `node` reads as data (not constants, not shape settings)."""
        inputs = list(node.input)[: DATA_INPUTS.get(node.op_type, len(node.input))]
        return [name for name in inputs if name and name not in self.constants]

    def _data_path(self) -> list[Any]:
        """The nodes the outputs depend on through data (not shape) inputs, in file order."""
        wanted: set[int] = set()
        stack = [out.name for out in self.graph.output]
        while stack:
            node = self.producer.get(stack.pop())
            if node is None or id(node) in wanted or node.output[0] in self.constants:
                continue
            wanted.add(id(node))
            stack.extend(self.data_inputs(node))
        return [node for node in self.graph.node if id(node) in wanted]

    def only_reader(self, name: str) -> Any:
        """The one node that reads `name` as data, or None when none or several do."""
        found = self.readers.get(name, [])
        return found[0] if len(found) == 1 and name not in self.graph_outputs else None

    @property
    def graph_outputs(self) -> set[str]:
        return {out.name for out in self.graph.output}

    def _input(self) -> None:
        inputs = [i for i in self.graph.input if i.name not in self.constants]
        if len(inputs) != 1:
            names = ", ".join(i.name for i in inputs) or import_messages.phrase(
                import_messages.NONE
            )
            raise ModelImportError(said.NOT_ONE_INPUT(path=self.path, names=names))
        info = inputs[0]
        shape = self.shapes[info.name][1:]
        if not shape or any(d is None or d < 1 for d in shape):
            sizes = self.shapes[info.name]
            raise ModelImportError(said.INPUT_SIZES(path=self.path, name=info.name, sizes=sizes))
        from onnx import TensorProto

        dtype = "int64" if info.type.tensor_type.elem_type == TensorProto.INT64 else "float32"
        node_id = self.assembly.add("Input", {"shape": shape, "dtype": dtype}, "input")
        self.values[info.name] = (node_id, "out")

    def value(self, name: str, node: Any) -> Port:
        """The port that computes the ONNX tensor `name`, read by `node` (None: an output)."""
        if name in self.values:
            return self.values[name]
        what = (
            said.NODE_NAME(node=node.name or node.op_type, op=node.op_type)
            if node is not None
            else import_messages.phrase(said.OUTPUT)
        )
        if name in self.seq_first:
            raise ModelImportError(said.SEQUENCE_FIRST(path=self.path, what=what, name=name))
        raise ModelImportError(said.NOT_FROM_INPUT(path=self.path, what=what, name=name))

    def tensor(self, name: str) -> torch.Tensor:
        import torch

        return torch.from_numpy(self.constants[name].copy())

    def const(self, node: Any, index: int) -> Any:
        """Input `index` of `node` as a numpy array; None when it is not given."""
        if index >= len(node.input) or not node.input[index]:
            return None
        name = node.input[index]
        if name not in self.constants:
            raise self.refuse(node, said.MUST_BE_CONSTANT(index=str(index), name=name))
        return self.constants[name]

    def refuse(self, node: Any, why: str) -> ModelImportError:
        """The refusal of `node`: `why` is a message of `onnx_messages`, or a phrase marked
        with ``QT_TRANSLATE_NOOP("ImportMessages", …)`` where it is written."""
        reason = why if isinstance(why, Message) else import_messages.phrase(why)
        return ModelImportError(
            said.NODE(path=self.path, node=node.name or node.op_type, op=node.op_type, why=reason)
        )

    def attrs(self, node: Any) -> dict[str, Any]:
        from onnx import helper

        found = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        return {k: v.decode() if isinstance(v, bytes) else v for k, v in found.items()}

    def add(
        self,
        node: Any,
        type_id: str,
        params: dict[str, Any],
        inputs: list[str] | None = None,
        weights: dict[str, torch.Tensor] | None = None,
        output: str | None = None,
        sources: list[Port] | None = None,
    ) -> Port:
        """Add a `type_id` layer for `node`, fed by the ONNX tensors `inputs` (default: the
        node's first input) or by the ports `sources`; it computes `output` (default: the
        node's first output). Returns the layer's output port."""
        if sources is None:
            sources = [self.value(name, node) for name in (inputs or node.input[:1])]
        name = ""
        for key in node.input[1:2] if weights else []:
            if key.endswith(".weight"):
                name = key.removesuffix(".weight")
        node_id = self.assembly.add(
            type_id,
            params,
            name,
            sources,
            weights=weights,
            origin=f"ONNX node '{node.name or node.op_type}'",
        )
        self.values[output or node.output[0]] = (node_id, "out")
        return (node_id, "out")
