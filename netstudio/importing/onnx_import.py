"""Opening an ONNX file as a graph of catalogue layers, its initializers as the weights.

Only the ops on the data path from the input to the outputs become layers; ops that only
compute a shape (``Shape → Gather → Concat`` feeding a Reshape) are dropped, and the Reshape
takes the per-sample shape ONNX shape inference gives. An op with no layer stops the import
with a list of every such op, so the person sees all that is missing at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.result import ImportedModel

if TYPE_CHECKING:
    import torch

#: Batch size the shapes are inferred with; a Reshape to this size keeps the batch dimension.
BATCH = 2

#: Inputs of these ops that are settings (shapes, indices), not data.
_SETTING_INPUTS = {"Reshape": 1, "Dropout": 1}


def _onnx() -> Any:
    try:
        import onnx
    except ImportError:
        raise ModelImportError(
            'reading ONNX files needs the onnx package: pip install "netstudio[onnx]"'
        ) from None
    return onnx


def from_onnx(path: str | Path) -> ImportedModel:
    """Import the ONNX model in `path` (one input, batch first) with its weights.

    Raises ModelImportError for an unreadable file, several or unsized inputs, and ops or
    settings NetStudio has no layer for (all of them listed).
    """
    onnx = _onnx()
    path = Path(path)
    if not path.is_file():
        raise ModelImportError(f"{path}: no such file")
    try:
        model = onnx.load(str(path))
        onnx.checker.check_model(model)
        _fix_batch(model)
        model = onnx.shape_inference.infer_shapes(model, data_prop=True)
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        raise ModelImportError(f"{path}: not a valid ONNX model: {reason}") from None
    return _OnnxReader(model, path).read()


def _fix_batch(model: Any) -> None:
    """Give every input's first (batch) dimension the size `BATCH`, so shape inference can
    work out the sizes of shape computations (Shape → Gather → Concat → Reshape)."""
    for info in model.graph.input:
        dims = info.type.tensor_type.shape.dim
        if dims:
            dims[0].Clear()
            dims[0].dim_value = BATCH
    for info in [*model.graph.value_info, *model.graph.output]:
        info.type.tensor_type.ClearField("shape")  # inferred again with the fixed batch


class _OnnxReader:
    """One ONNX graph translated node by node (see module docstring)."""

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
        self.users = Counter(name for node in self.graph.node for name in node.input)
        self.values: dict[str, tuple[str, str]] = {}

    def read(self) -> ImportedModel:
        nodes = self._data_path()
        missing = Counter(n.op_type for n in nodes if n.op_type not in self.RULES)
        if missing:
            listed = ", ".join(f"{op} ×{count}" for op, count in sorted(missing.items()))
            raise ModelImportError(
                f"{self.path}: NetStudio has no layer for these ONNX ops: {listed}. "
                f"Supported: {', '.join(sorted(self.RULES))}"
            )
        self._input()
        for node in nodes:
            if node.output[0] in self.values:  # a MatMul whose Add was folded in
                continue
            self.RULES[node.op_type](self, node)
        outputs = [self._value(out.name, None) for out in self.graph.output]
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

    def _data_path(self) -> list[Any]:
        """The nodes the outputs depend on through data (not shape) inputs, in file order."""
        producer = {out: node for node in self.graph.node for out in node.output}
        wanted: set[int] = set()
        stack = [out.name for out in self.graph.output]
        while stack:
            node = producer.get(stack.pop())
            if node is None or id(node) in wanted or node.output[0] in self.constants:
                continue
            wanted.add(id(node))
            inputs = list(node.input)[: _SETTING_INPUTS.get(node.op_type, len(node.input))]
            stack.extend(name for name in inputs if name and name not in self.constants)
        return [node for node in self.graph.node if id(node) in wanted]

    def _input(self) -> None:
        inputs = [i for i in self.graph.input if i.name not in self.constants]
        if len(inputs) != 1:
            names = ", ".join(i.name for i in inputs) or "none"
            raise ModelImportError(
                f"{self.path}: NetStudio imports models with one input, this one has {names}"
            )
        info = inputs[0]
        shape = self.shapes[info.name][1:]
        if not shape or any(d is None or d < 1 for d in shape):
            raise ModelImportError(
                f"{self.path}: input '{info.name}' has sizes {self.shapes[info.name]}; "
                "every size but the batch must be fixed"
            )
        from onnx import TensorProto

        dtype = "int64" if info.type.tensor_type.elem_type == TensorProto.INT64 else "float32"
        node_id = self.assembly.add("Input", {"shape": shape, "dtype": dtype}, "input")
        self.values[info.name] = (node_id, "out")

    def _value(self, name: str, node: Any) -> tuple[str, str]:
        if name in self.values:
            return self.values[name]
        what = f"'{node.name or node.op_type}' ({node.op_type})" if node is not None else "output"
        raise ModelImportError(
            f"{self.path}: {what} reads '{name}', which is not computed from the input"
        )

    def _tensor(self, name: str) -> torch.Tensor:
        import torch

        return torch.from_numpy(self.constants[name].copy())

    def _const(self, node: Any, index: int) -> Any:
        if index >= len(node.input) or not node.input[index]:
            return None
        name = node.input[index]
        if name not in self.constants:
            raise self._refuse(node, f"input {index} ('{name}') must be a constant")
        return self.constants[name]

    def _refuse(self, node: Any, why: str) -> ModelImportError:
        return ModelImportError(
            f"{self.path}: ONNX node '{node.name or node.op_type}' ({node.op_type}): {why}"
        )

    def _attrs(self, node: Any) -> dict[str, Any]:
        from onnx import helper

        return {a.name: helper.get_attribute_value(a) for a in node.attribute}

    def _add(
        self,
        node: Any,
        type_id: str,
        params: dict[str, Any],
        inputs: list[str] | None = None,
        weights: dict[str, torch.Tensor] | None = None,
        output: str | None = None,
    ) -> None:
        sources = [self._value(name, node) for name in (inputs or node.input[:1])]
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

    # --- ops -----------------------------------------------------------------------------

    def _gemm(self, node: Any) -> None:
        a = self._attrs(node)
        if a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0 or a.get("transA", 0):
            raise self._refuse(node, "only alpha = beta = 1 and transA = 0 make a Linear layer")
        weight = self._tensor(node.input[1])
        weight = weight if a.get("transB", 0) else weight.T.contiguous()
        weights = {"weight": weight}
        if self._const(node, 2) is not None:
            weights["bias"] = self._tensor(node.input[2]).reshape(-1)
        params = {
            "in_features": weight.shape[1],
            "out_features": weight.shape[0],
            "bias": "bias" in weights,
        }
        self._add(node, "Linear", params, weights=weights)

    def _matmul(self, node: Any) -> None:
        self._const(node, 1)
        weight = self._tensor(node.input[1])
        if weight.dim() != 2:
            raise self._refuse(
                node, "only a matrix product with a constant 2-D weight is a Linear layer"
            )
        weights = {"weight": weight.T.contiguous()}
        output = node.output[0]
        add = self._bias_add(output)
        if add is not None:
            bias_name = next(name for name in add.input if name != output)
            weights["bias"] = self._tensor(bias_name).reshape(-1)
            output = add.output[0]
        params = {
            "in_features": weight.shape[0],
            "out_features": weight.shape[1],
            "bias": "bias" in weights,
        }
        self._add(node, "Linear", params, weights=weights, output=output)
        self.values.setdefault(node.output[0], self.values[output])

    def _bias_add(self, output: str) -> Any:
        if self.users[output] != 1:
            return None
        for node in self.graph.node:
            if node.op_type == "Add" and output in node.input:
                other = next((n for n in node.input if n != output), None)
                if other in self.constants and self.constants[other].ndim == 1:
                    return node
        return None

    def _conv(self, node: Any) -> None:
        a = self._attrs(node)
        if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
            raise self._refuse(node, "auto_pad is not supported: export with explicit pads")
        weight = self._tensor(node.input[1])
        rank = weight.dim() - 2
        pads = list(a.get("pads", [0] * 2 * rank))
        if pads[:rank] != pads[rank:]:
            raise self._refuse(node, f"pads {pads} differ at the two ends of an axis")
        one = (lambda v: v[0]) if rank == 1 else tuple
        weights = {"weight": weight}
        if self._const(node, 2) is not None:
            weights["bias"] = self._tensor(node.input[2])
        groups = a.get("group", 1)
        params = {
            "in_channels": weight.shape[1] * groups,
            "out_channels": weight.shape[0],
            "kernel_size": one(list(weight.shape[2:])),
            "stride": one(list(a.get("strides", [1] * rank))),
            "padding": one(pads[:rank]),
            "dilation": one(list(a.get("dilations", [1] * rank))),
            "groups": groups,
            "bias": "bias" in weights,
        }
        self._add(node, f"Conv{rank}d", params, weights=weights)

    def _pool(self, node: Any) -> None:
        a = self._attrs(node)
        kernel = list(a["kernel_shape"])
        rank = len(kernel)
        pads = list(a.get("pads", [0] * 2 * rank))
        kind = "Max" if node.op_type == "MaxPool" else "Avg"
        if pads[:rank] != pads[rank:] or rank not in (1, 2):
            raise self._refuse(node, "only 1-D or 2-D pooling with equal pads at both ends")
        if kind == "Max" and (any(d != 1 for d in a.get("dilations", [1])) or len(node.output) > 1):
            raise self._refuse(node, "dilation and indices are not supported")
        if kind == "Avg" and any(pads) and not a.get("count_include_pad", 0):
            raise self._refuse(node, "padding that is left out of the average is not supported")
        one = (lambda v: v[0]) if rank == 1 else tuple
        params = {
            "kernel_size": one(kernel),
            "stride": one(list(a.get("strides", [1] * rank))),
            "padding": one(pads[:rank]),
            "ceil_mode": bool(a.get("ceil_mode", 0)),
        }
        self._add(node, f"{kind}Pool{rank}d", params)

    def _batchnorm(self, node: Any) -> None:
        import torch

        if self._attrs(node).get("training_mode", 0):
            raise self._refuse(node, "training_mode is not supported")
        names = ("weight", "bias", "running_mean", "running_var")
        weights = {k: self._tensor(node.input[i + 1]) for i, k in enumerate(names)}
        weights["num_batches_tracked"] = torch.tensor(0)
        rank = len(self.shapes.get(node.input[0], (0, 0, 0, 0)))
        params = {
            "num_features": weights["weight"].shape[0],
            "eps": self._attrs(node).get("epsilon", 1e-5),
        }
        self._add(node, "BatchNorm2d" if rank == 4 else "BatchNorm1d", params, weights=weights)

    def _reshape(self, node: Any) -> None:
        shape = self.constants.get(node.input[1])
        if shape is not None and 0 not in shape[1:] and shape[0] in (-1, 0, BATCH):
            sample = tuple(int(d) for d in shape[1:])
        else:  # computed from the input's shape: shape inference knows the result
            known = self.shapes.get(node.output[0], ())
            if len(known) < 2 or known[0] != BATCH or None in known[1:]:
                raise self._refuse(node, "its target shape is neither constant nor known")
            sample = tuple(int(d) for d in known[1:])
        self._add(node, "Reshape", {"shape": sample})

    def _flatten(self, node: Any) -> None:
        if self._attrs(node).get("axis", 1) != 1:
            raise self._refuse(node, "only axis 1 keeps the batch dimension")
        self._add(node, "Flatten", {"start_dim": 1, "end_dim": -1})

    @staticmethod
    def _merge(type_id: str) -> Callable[[_OnnxReader, Any], None]:
        def rule(self: _OnnxReader, node: Any) -> None:
            if any(name in self.constants for name in node.input):
                raise self._refuse(node, f"{node.op_type} with a constant is not supported")
            self._add(node, type_id, {}, inputs=list(node.input))

        return rule

    def _concat(self, node: Any) -> None:
        axis = self._attrs(node)["axis"]
        if axis == 0:
            raise self._refuse(node, "joining along the batch dimension is not supported")
        self._add(node, "Concat", {"dim": axis}, inputs=list(node.input))

    def _passthrough(self, node: Any) -> None:
        self.values[node.output[0]] = self._value(node.input[0], node)

    def _dropout(self, node: Any) -> None:
        ratio = self._const(node, 1)
        p = float(ratio) if ratio is not None else self._attrs(node).get("ratio", 0.5)
        self._add(node, "Dropout", {"p": p})

    @staticmethod
    def _simple(type_id: str, **attrs: tuple[str, Any]) -> Callable[[_OnnxReader, Any], None]:
        def rule(self: _OnnxReader, node: Any) -> None:
            found = self._attrs(node)
            params = {param: found.get(attr, default) for param, (attr, default) in attrs.items()}
            if isinstance(params.get("approximate"), bytes):
                params["approximate"] = params["approximate"].decode()
            self._add(node, type_id, params)

        return rule

    RULES: ClassVar[dict[str, Callable[[_OnnxReader, Any], None]]] = {
        "Gemm": _gemm,
        "MatMul": _matmul,
        "Conv": _conv,
        "MaxPool": _pool,
        "AveragePool": _pool,
        "GlobalAveragePool": _simple("AdaptiveAvgPool2d", output_size=("", (1, 1))),
        "BatchNormalization": _batchnorm,
        "Reshape": _reshape,
        "Flatten": _flatten,
        "Add": _merge("Add"),
        "Mul": _merge("Multiply"),
        "Concat": _concat,
        "Identity": _passthrough,
        "Dropout": _dropout,
        "Relu": _simple("ReLU"),
        "Sigmoid": _simple("Sigmoid"),
        "Tanh": _simple("Tanh"),
        "LeakyRelu": _simple("LeakyReLU", negative_slope=("alpha", 0.01)),
        "Elu": _simple("ELU", alpha=("alpha", 1.0)),
        "Gelu": _simple("GELU", approximate=("approximate", "none")),
        "Softmax": _simple("Softmax", dim=("axis", -1)),
        "LogSoftmax": _simple("LogSoftmax", dim=("axis", -1)),
    }
