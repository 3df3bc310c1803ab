"""Reading a Keras model's layer graph: a Sequential's chain, or a functional model's nodes.

`read_model` adds the Input, then translates each layer once its inputs are known (the
functional graph is walked from the outputs back, without recursion), and returns the
values of the model's outputs. Only Keras's own records of the graph are read; nothing runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

from netstudio.importing import import_messages
from netstudio.importing import keras_messages as said
from netstudio.importing.assembly import GraphAssembly
from netstudio.importing.errors import ModelImportError
from netstudio.importing.import_messages import THE_MODEL
from netstudio.importing.keras_layers import KerasLayers
from netstudio.importing.keras_values import KerasValue, channels_first


def read_model(
    model: Any, input_shape: Sequence[int] | None, layers: KerasLayers, keras: ModuleType
) -> list[KerasValue]:
    """Add `model`'s nodes through `layers`; the values of its outputs, in order."""
    source = layers.source
    if isinstance(model, keras.Sequential):
        shape = _input_shape(model, input_shape, source)
        if not model.built:
            _build(model, shape, source)
        value = _input(layers.assembly, shape, _input_dtype(model), "input")
        for layer in model.layers:
            value = _call(layer, [value], layers, keras)
        return [value]
    if type(model).__name__ == "Functional":
        return _walk_functional(model, input_shape, layers.assembly, layers, keras)
    raise ModelImportError(said.SUBCLASSED(source=source, kind=type(model).__name__))


def _build(model: Any, shape: tuple[int, ...], source: str) -> None:
    """Create an unbuilt Sequential model's weights for samples of `shape`."""
    try:
        model.build((None, *shape))
    except Exception as error:
        reason = (str(error).strip() or type(error).__name__).splitlines()[0]
        cannot = said.CANNOT_TAKE_SAMPLES(source=source, shape=shape, reason=reason)
        raise ModelImportError(cannot) from None


def _input_shape(model: Any, given: Sequence[int] | None, source: str) -> tuple[int, ...]:
    """One sample's Keras shape: the model's own, with unknown sizes taken from `given`."""
    declared = None
    if model.built and getattr(model, "inputs", None):
        declared = tuple(model.inputs[0].shape[1:])
    return _merge_shape(declared, given, source, import_messages.phrase(THE_MODEL))


def _merge_shape(
    declared: tuple[Any, ...] | None, given: Sequence[int] | None, source: str, what: str
) -> tuple[int, ...]:
    if given is not None:
        given = tuple(int(d) for d in given)
        if declared is not None and (
            len(declared) != len(given)
            or any(d is not None and d != g for d, g in zip(declared, given, strict=True))
        ):
            raise ModelImportError(
                said.OTHER_SHAPE(source=source, what=what, declared=declared, given=given)
            )
        return given
    if declared is None or any(d is None for d in declared):
        raise ModelImportError(
            said.NO_INPUT_SHAPE(source=source, what=what)
            if declared is None
            else said.PARTLY_KNOWN_SHAPE(source=source, what=what, declared=declared)
        )
    return tuple(int(d) for d in declared)


def _input_dtype(model: Any) -> str:
    inputs = getattr(model, "inputs", None) if model.built else None
    dtype = str(inputs[0].dtype) if inputs else "float32"
    return "int64" if "int" in dtype else "float32"


def _input(assembly: GraphAssembly, shape: tuple[int, ...], dtype: str, name: str) -> KerasValue:
    params = {"shape": channels_first(shape), "dtype": dtype}
    node = assembly.add("Input", params, name, origin=said.INPUT(name=name))
    return KerasValue((node, "out"), shape)


def _walk_functional(
    model: Any,
    input_shape: Sequence[int] | None,
    assembly: GraphAssembly,
    layers: KerasLayers,
    keras: ModuleType,
) -> list[KerasValue]:
    """Translate a functional model's layers in dependency order; its output values."""
    if len(model.inputs) != 1:
        several = said.SEVERAL_INPUTS(source=layers.source, count=len(model.inputs))
        raise ModelImportError(several)
    (tensor,) = model.inputs
    the_model = import_messages.phrase(THE_MODEL)
    shape = _merge_shape(tuple(tensor.shape[1:]), input_shape, layers.source, the_model)
    name = tensor._keras_history.operation.name
    values: dict[int, KerasValue] = {id(tensor): _input(assembly, shape, _dtype(tensor), name)}
    done: dict[tuple[int, int], list[KerasValue]] = {}

    def value_of(tensor: Any) -> KerasValue:
        pending = [tensor]
        while pending:
            current = pending[-1]
            if id(current) in values:
                pending.pop()
                continue
            operation, node_index, tensor_index = current._keras_history
            node = operation._inbound_nodes[node_index]
            missing = [t for t in node.input_tensors if id(t) not in values]
            if missing:
                pending.extend(missing)
                continue
            key = (id(operation), node_index)
            if key not in done:
                inputs = [values[id(t)] for t in node.input_tensors]
                done[key] = [_call(operation, inputs, layers, keras)]
            if len(done[key]) <= tensor_index:
                raise ModelImportError(said.SEVERAL_TENSORS(where=layers.where(operation)))
            values[id(current)] = done[key][tensor_index]
            pending.pop()
        return values[id(tensor)]

    return [value_of(output) for output in model.outputs]


def _call(
    operation: Any, inputs: list[KerasValue], layers: KerasLayers, keras: ModuleType
) -> KerasValue:
    if isinstance(operation, keras.Model):
        raise ModelImportError(said.MODEL_AS_LAYER(where=layers.where(operation)))
    if isinstance(operation, keras.layers.Layer):
        return layers.translate(operation, inputs)
    kind = type(operation).__name__  # a keras.ops call such as x + y
    if kind in ("Add", "Multiply") and len(inputs) == 2:
        where = said.OPERATION_AT(source=layers.source, name=operation.name)
        return layers.merge(kind, inputs, operation.name, where)
    raise ModelImportError(
        said.NO_LAYER_FOR_OPERATION(
            source=layers.source,
            name=operation.name,
            kind=kind,
            supported=", ".join(layers.supported),
        )
    )


def _dtype(tensor: Any) -> str:
    return "int64" if "int" in str(tensor.dtype) else "float32"
