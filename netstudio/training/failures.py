"""Why a run failed, said for people: the exception or non-finite loss as a `TrainingFailure`.

The trainer catches what the model, the loss or the optimizer step raises and hands it here;
the failure names the node it came from (torch.fx tracebacks say which layer was running), the
epoch and batch, and the fix: lower the batch size when memory runs out, check a layer's
parameters against its input, match the output to the targets and the loss. A non-finite loss
stops the run before the step that would spoil the weights.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

import torch

from netstudio.core.compiler import node_for_error
from netstudio.core.graph import NetworkGraph, Node
from netstudio.core.messages import Count
from netstudio.training import failure_messages as words
from netstudio.training.checkpoints import CheckpointError
from netstudio.training.config import TrainingConfig
from netstudio.training.results import TrainingFailure


@dataclass
class FailureDiagnosis:
    """Turns what went wrong in one run of `model` (compiled from `graph`) into a failure.

    Epochs and batches are taken 0-based, as the training loop counts them, and reported 1-based;
    None for both outside the training loop (evaluation).
    """

    graph: NetworkGraph
    model: torch.fx.GraphModule
    output_node: Node
    device: str
    config: TrainingConfig

    def nan(
        self,
        value: float | None,
        epoch: int,
        batch: int | None,
        fallback: dict[str, torch.Tensor],
    ) -> TrainingFailure:
        """The loss (`value`) or, after a step, the weights stopped being finite.

        The weights are those before the failing batch when still finite, else the ones the
        epoch started from (`fallback`, loaded into the model here).
        """
        kept = words.KEPT_BEFORE()
        if not all_finite(self.model.state_dict()):
            self.model.load_state_dict(fallback)
            kept = words.KEPT_RESTORED(epoch=epoch + 1)
        what = (
            words.LOSS_BECAME(value=str(value), epoch=epoch + 1, batch=batch + 1)
            if batch is not None
            else words.WEIGHTS_NOT_FINITE(epoch=epoch + 1)
        )
        return TrainingFailure(
            "nan",
            words.NOT_FINITE(what=what, kept=kept),
            epoch=epoch + 1,
            batch=batch + 1 if batch is not None else None,
        )

    def loss(self, error: BaseException, epoch: int | None, batch: int | None) -> TrainingFailure:
        """An error from the loss: the output and the targets do not fit each other."""
        when = _when(epoch, batch)
        text = first_line(error)
        if is_out_of_memory(error):
            return self.runtime(error, epoch, batch)
        return TrainingFailure(
            "shape",
            words.LOSS_FAILED(
                loss=self.config.loss.type, when=when, error=text, node=self.output_node.label
            ),
            node_id=self.output_node.id,
            epoch=epoch + 1 if epoch is not None else None,
            batch=batch + 1 if batch is not None else None,
            details="".join(traceback.format_exception(error)),
        )

    def runtime(
        self, error: BaseException, epoch: int | None, batch: int | None
    ) -> TrainingFailure:
        """Turn an exception from the model into a message naming the node and the cause."""
        details = "".join(traceback.format_exception(error))
        node_id = node_for_error(self.model, error)
        node = self.graph.node(node_id) if node_id is not None else None
        where = words.WHERE(node=node.label) if node is not None else ""
        when = _when(epoch, batch)
        epoch = epoch + 1 if epoch is not None else None
        batch = batch + 1 if batch is not None else None
        text = first_line(error)
        if is_out_of_memory(error):
            batch_size = Count(self.config.batch_size)
            shrink = words.SHRINK_BATCH(size=batch_size)
            size = size_parameter(node) if node is not None else None
            if node is not None and size is not None:
                shrink = words.SHRINK_BATCH_OR_NODE(
                    size=batch_size, param=size[0], node=node.label, value=Count(size[1])
                )
            return TrainingFailure(
                "memory",
                words.OUT_OF_MEMORY_ON(
                    device=device_name(self.device),
                    where=where,
                    when=when,
                    asked=asked_for(error),
                    shrink=shrink,
                ),
                node_id=node_id,
                epoch=epoch,
                batch=batch,
                details=details,
            )
        if isinstance(error, (RuntimeError, ValueError, IndexError)):
            if node is not None and node.type_id == "Embedding" and isinstance(error, IndexError):
                hint = words.HINT_TOKEN_IDS(last=node.params["num_embeddings"] - 1)
            elif node is not None:
                hint = words.HINT_NODE(node=node.label)
            else:
                hint = words.HINT_INPUT()
            return TrainingFailure(
                "shape",
                words.NETWORK_FAILED(where=where, when=when, error=text, hint=hint),
                node_id=node_id,
                epoch=epoch,
                batch=batch,
                details=details,
            )
        return TrainingFailure(
            "error",
            words.STOPPED(where=where, when=when, error_type=type(error).__name__, error=text),
            node_id=node_id,
            epoch=epoch,
            batch=batch,
            details=details,
        )


def as_failure(error: Exception) -> TrainingFailure:
    """Any exception that ended a run, as the failure the result reports."""
    if isinstance(error, TrainingFailure):
        return error
    if isinstance(error, CheckpointError):
        return TrainingFailure("config", str(error))
    if is_out_of_memory(error):
        return out_of_memory(error, "", words.SHRINK_ANY())
    return TrainingFailure(
        "error",
        words.STOPPED(where="", when="", error_type=type(error).__name__, error=first_line(error)),
        details="".join(traceback.format_exception(error)),
    )


#: What torch's allocators say when a request fails: the CUDA and MPS caching allocators
#: ("CUDA out of memory. Tried to allocate 2.00 GiB"), the CPU one under a memory limit
#: ("DefaultCPUAllocator: can't allocate memory: you tried to allocate 800000000 bytes").
_OUT_OF_MEMORY = re.compile(
    r"out of memory|can't allocate memory|not enough memory|DefaultCPUAllocator", re.IGNORECASE
)
_ASKED_BYTES = re.compile(r"tried to allocate (\d+) bytes", re.IGNORECASE)
_ASKED_SIZE = re.compile(r"tried to allocate ([\d.]+ ?[KMGTP]?i?B)\b", re.IGNORECASE)


def is_out_of_memory(error: BaseException) -> bool:
    """Whether `error` is a failed memory allocation, on any device."""
    if isinstance(error, (MemoryError, torch.OutOfMemoryError)):
        return True
    return isinstance(error, RuntimeError) and bool(_OUT_OF_MEMORY.search(str(error)))


def asked_for(error: BaseException) -> str:
    """ " (it asked for 3.7 GB more)" from the allocator's message; "" when it does not say."""
    text = str(error)
    found = _ASKED_BYTES.search(text)
    if found:
        return words.ASKED(size=human_bytes(int(found.group(1))))
    found = _ASKED_SIZE.search(text)
    return words.ASKED(size=found.group(1)) if found else ""


def human_bytes(size: int) -> str:
    """1536 → "1.5 KB", 256 * 10**12 → "232.8 TB" (powers of 1024, as the allocators count)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:,.1f} PB"


def out_of_memory(
    error: BaseException, doing: str, shrink: str, node_id: str | None = None
) -> TrainingFailure:
    """The failure of an allocation outside the training loop ("building Linear 'fc1' on the
    CPU"), with how much was asked and what to `shrink`."""
    return TrainingFailure(
        "memory",
        words.OUT_OF_MEMORY_DOING(doing=doing, asked=asked_for(error), shrink=shrink)
        if doing
        else words.OUT_OF_MEMORY(asked=asked_for(error), shrink=shrink),
        node_id=node_id,
        details="".join(traceback.format_exception(error)),
    )


def device_name(device: str) -> str:
    """ "the CPU" for ``cpu``; a GPU as torch names it (``cuda:0``, ``mps``)."""
    return words.THE_CPU() if device == "cpu" else device


def size_parameter(node: Node) -> tuple[str, int] | None:
    """The node's largest whole-number parameter (``("out_features", 10**12)``): the one to
    shrink when building or running it runs out of memory; None when it has none."""
    sizes = [
        (name, value)
        for name, value in node.params.items()
        if isinstance(value, int) and not isinstance(value, bool) and value > 1
    ]
    return max(sizes, key=lambda item: item[1], default=None)


def all_finite(state: dict[str, torch.Tensor]) -> bool:
    """Whether every floating-point tensor of `state` is finite (one device sync)."""
    checks = [torch.isfinite(v).all() for v in state.values() if v.is_floating_point()]
    return bool(torch.stack(checks).all()) if checks else True


def first_line(error: BaseException) -> str:
    """The first line of `error`'s message, or its type's name when it has none."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _when(epoch: int | None, batch: int | None) -> str:
    """ " at epoch 3, batch 12" from 0-based indices; "" outside the training loop."""
    return words.when(epoch, batch)
