"""The binary formats: PyTorch 2 (torch.export), TorchScript, ONNX and safetensors weights of the
compiled model.

Each export is checked before it is reported done: the PyTorch 2 program and the TorchScript
file are loaded back and run, the ONNX file is checked with `onnx.checker` when onnx is
installed. Each is written to a temporary file beside the target and moved over it only once
checked (`replacing`): a failed export leaves the old file as it was and no temporary file
behind.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.core.compiler import CompileError, compile_graph
from netstudio.core.graph import NetworkGraph, python_name
from netstudio.export import export_messages as said
from netstudio.export.errors import ExportError

if TYPE_CHECKING:
    import torch
    from torch import fx


def compiled_model(
    graph: NetworkGraph, seed: int = 0, weights: Path | None = None
) -> fx.GraphModule:
    """The compiled network in eval mode: initialised with `seed` as training would be, or
    with the safetensors `weights` (ExportError naming the keys that do not fit)."""
    import torch

    from netstudio.training.checkpoints import CheckpointError, load_weights

    torch.manual_seed(seed)
    try:
        model = compile_graph(graph)
    except CompileError as error:
        problems = said.problem_lines(error.problems) or said.reason(error)
        raise ExportError(said.NOT_VALID(problems=problems)) from None
    if weights is not None:
        try:
            load_weights(model, weights)
        except CheckpointError as error:
            raise ExportError(said.reason(error)) from None
    return model.eval()


def example_inputs(graph: NetworkGraph, batch: int = 2) -> tuple[torch.Tensor, ...]:
    """A random batch for every Input node: normal floats, or token ids 0 and 1 for int64."""
    import torch

    generator = torch.Generator().manual_seed(0)
    inputs = []
    for node in graph.inputs():
        shape = (batch, *node.params["shape"])
        if node.params.get("dtype") == "int64":
            inputs.append(torch.randint(0, 2, shape, generator=generator))
        else:
            inputs.append(torch.randn(shape, generator=generator))
    return tuple(inputs)


def save_weights(model: torch.nn.Module, path: Path) -> None:
    """The model's state_dict (parameters and buffers) as safetensors."""
    from netstudio.training.checkpoints import save_state_dict

    try:
        save_state_dict(model.state_dict(), path)
    except OSError as error:
        raise ExportError(said.CANNOT_WRITE(path=path, error=error.strerror or error)) from None


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` (same suffix) for the block to write and check; moved over
    `path` when the block succeeds, and removed whatever happens. OSError says what failed."""
    tmp = path.with_name(f"{path.stem}.tmp{path.suffix}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        tmp.replace(path)
    except OSError as error:
        raise ExportError(said.CANNOT_WRITE(path=path, error=error.strerror or error)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def save_pt2(model: fx.GraphModule, graph: NetworkGraph, path: Path) -> None:
    """`torch.export.export` the model with a dynamic batch dimension (dim 0 of every input) and
    save the `ExportedProgram` with `torch.export.save`; checked by loading it back and running
    it on batches of 1 and 3, the model's outputs the reference.

    The check loads the saved bytes from memory, never from the file (`torch.export.load`
    unpickles what it reads, and the file on disk could be swapped); the bytes are then written
    through `replacing`. Writing bytes also takes any suffix, where torch's own file writer asks
    for ".pt2"."""
    import torch

    placeholders = [n.name for n in model.graph.nodes if n.op == "placeholder"]
    batch = torch.export.Dim("batch", min=1)
    try:
        with warnings.catch_warnings():
            # LSTM/GRU re-point their flat weight list while traced; the parameters are still
            # exported as parameters (checked below by the outputs), so the notice is noise.
            warnings.simplefilter("ignore")
            program = torch.export.export(
                model,
                example_inputs(graph, batch=2),
                dynamic_shapes={name: {0: batch} for name in placeholders},
            )
    except Exception as error:
        if getattr(getattr(error, "error_type", None), "name", "") == "CONSTRAINT_VIOLATION":
            raise ExportError(said.PT2_FIXED_BATCH()) from None
        raise ExportError(said.PT2_FAILED(error=_first_line(error))) from None
    buffer = io.BytesIO()
    try:
        torch.export.save(program, buffer)
        buffer.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = torch.export.load(buffer).module()
        with torch.no_grad():
            for size in (1, 3):
                check = example_inputs(graph, batch=size)
                _same_outputs(model(*check), loaded(*check), "PyTorch 2")
    except ExportError:
        raise
    except Exception as error:
        raise ExportError(said.PT2_FAILED(error=_first_line(error))) from None
    with replacing(path) as tmp:
        tmp.write_bytes(buffer.getvalue())


def save_torchscript(model: fx.GraphModule, graph: NetworkGraph, path: Path) -> None:
    """Trace `model` (tracing handles every layer, scripting not the merges' ``*inputs``),
    save it, and check that the saved file loads and gives the model's outputs."""
    import torch

    inputs = example_inputs(graph, batch=2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jit's deprecation notices, tracer hints
            traced = torch.jit.trace(model, inputs)
    except Exception as error:
        raise ExportError(said.TRACING_FAILED(error=_first_line(error))) from None
    check = example_inputs(graph, batch=3)
    with replacing(path) as tmp:
        try:
            traced.save(str(tmp))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                loaded = torch.jit.load(str(tmp))
            with torch.no_grad():
                expected, got = model(*check), loaded(*check)
        except OSError:
            raise
        except Exception as error:
            raise ExportError(said.TORCHSCRIPT_FAILED(error=_first_line(error))) from None
        _same_outputs(expected, got, "TorchScript")


def save_onnx(model: fx.GraphModule, graph: NetworkGraph, path: Path) -> None:
    """Export with torch's ONNX exporter (it needs onnxscript) with a dynamic batch dimension;
    checked with `onnx.checker` when onnx is installed."""
    import torch

    try:
        import onnxscript  # noqa: F401  (torch.onnx.export needs it; import to say so early)
    except ImportError:
        raise ExportError(said.ONNX_NEEDS_PACKAGE()) from None
    placeholders = [n.name for n in model.graph.nodes if n.op == "placeholder"]
    outputs = _unique_names([node.name for node in graph.outputs()], taken=set(placeholders))
    batch = torch.export.Dim("batch", min=1)
    quiet = io.StringIO()
    try:
        import onnx
    except ImportError:
        onnx = None
    with replacing(path) as tmp:
        try:
            with (
                warnings.catch_warnings(),
                contextlib.redirect_stdout(quiet),
                contextlib.redirect_stderr(quiet),
            ):
                warnings.simplefilter("ignore")
                torch.onnx.export(
                    model,
                    example_inputs(graph, batch=2),
                    str(tmp),
                    input_names=placeholders,
                    output_names=outputs,
                    dynamic_shapes={name: {0: batch} for name in placeholders},
                    external_data=False,
                )
        except ImportError as error:
            raise ExportError(said.ONNX_NEEDS_PACKAGE_BECAUSE(error=_first_line(error))) from None
        except OSError:
            raise
        except Exception as error:
            raise ExportError(said.ONNX_FAILED(error=_first_line(error))) from None
        if onnx is not None:
            try:
                onnx.checker.check_model(str(tmp), full_check=True)
            except Exception as error:
                raise ExportError(said.ONNX_CHECKER(error=_first_line(error))) from None


def _unique_names(names: list[str], taken: set[str]) -> list[str]:
    """`names` as ASCII identifiers, distinct from each other and from `taken` (``fi``, ``fi_2``:
    two Output nodes ``ﬁ`` and ``fi`` must not give one ONNX output name)."""
    result = []
    for name in names:
        base = candidate = python_name(name)
        i = 2
        while candidate in taken:
            candidate, i = f"{base}_{i}", i + 1
        taken.add(candidate)
        result.append(candidate)
    return result


def _same_outputs(expected: object, got: object, what: str) -> None:
    import torch

    first = expected if isinstance(expected, tuple) else (expected,)
    second = got if isinstance(got, tuple) else (got,)
    for a, b in zip(first, second, strict=True):
        if not torch.allclose(a, b, atol=1e-5, rtol=1e-4):
            raise ExportError(said.OTHER_OUTPUTS(what=what))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
