"""Training health: per-node statistics recorded now and then while a network trains.

Every so many batches the trainer asks a `HealthRecorder` to watch one batch. It then records,
for each layer node of the graph (the top-level nodes: a Block counts as one node, its output
being its last copy's):

- ``mean`` and ``std`` of the node's output over the batch (every value; the population
  standard deviation, so one value gives 0, not NaN);
- ``zeros``: the fraction of the output's values that are exactly 0 (dead ReLUs show here);
- ``saturated`` (Sigmoid, Tanh, Hardsigmoid, Hardtanh only): the fraction of outputs within 2 %
  of the function's limits, where its gradient all but vanishes;
- ``grad_norm``: the L2 norm of the gradients of all the node's parameters together, as the
  optimizer gets them (after gradient clipping);
- ``update_ratio``: ‖Δw‖ / ‖w‖ over the optimizer's step, all the node's parameters together.

Watching costs nothing between recordings: forward hooks are put on the node's modules (each
removes itself once it has fired) and optimizer step hooks around the one step, and all are
gone when the batch ends. How often: `HealthOptions`. By default a recording happens only while
the time spent recording stays within `budget` (2 %) of the training time so far, measured as it
goes (a recording batch against the running mean of a plain batch), and never closer than
`min_every` batches to the previous one; so a fast network records often and a slow one rarely.

The numbers are summed up per epoch (`EpochHealth`, the mean of the epoch's recordings); the
warnings drawn from them are in `health_warnings`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import torch

from netstudio.core.compiler import META_KEY
from netstudio.training.health_records import EpochHealth, HealthSample, NodeStats, mean_stats

if TYPE_CHECKING:
    from torch import fx, nn

#: Saturating activations and their limits: outputs within 2 % of the range from a limit count
#: as saturated.
SATURATING = {
    "Sigmoid": (0.0, 1.0),
    "Hardsigmoid": (0.0, 1.0),
    "Tanh": (-1.0, 1.0),
    "Hardtanh": (-1.0, 1.0),
}
SATURATION_MARGIN = 0.02


@dataclass(frozen=True)
class HealthOptions:
    """How often the trainer records (see module docstring).

    budget: the share of the training time recordings may take (0.02: 2 %). The promise is
    3 % at most; the recorder's measure of a recording's cost is a running estimate on a
    machine that does other work too, so it aims lower (at 3 % a run measured 1.03x-1.07x).
    min_every: the fewest batches between two recordings, however cheap they are.
    every: record exactly every this many batches (the first batch of the run included),
    ignoring the budget: for tests and for a person who wants every batch.
    """

    budget: float = 0.02
    min_every: int = 10
    every: int | None = None


@dataclass
class _Watched:
    """A node as the recorder sees it: where its output comes from, its parameters."""

    node_id: str
    output: nn.Module
    params: list[nn.Parameter]
    limits: tuple[float, float] | None


@dataclass
class _Pending:
    """The recording in progress: tensors kept on the device until the batch ends (one read
    back for all of them)."""

    epoch: int
    batch: int
    activations: dict[str, tuple[torch.Tensor, ...]] = field(default_factory=dict)
    grads: dict[str, torch.Tensor] = field(default_factory=dict)
    before: dict[str, list[torch.Tensor]] = field(default_factory=dict)
    ratios: dict[str, torch.Tensor] = field(default_factory=dict)
    stepped: bool = False
    handles: list[Any] = field(default_factory=list)


class HealthRecorder:
    """Records the statistics of the compiled `model`'s nodes while `optimizer` trains it.

    The trainer calls `begin_batch` before each batch's forward and `end_batch` after its step;
    `end_epoch` gives the epoch's `EpochHealth`. `node_types` maps node ids to layer type ids
    (for the saturation statistic).
    """

    def __init__(
        self,
        model: fx.GraphModule,
        optimizer: torch.optim.Optimizer,
        options: HealthOptions | None = None,
        node_types: Mapping[str, str] | None = None,
    ) -> None:
        self.options = options or HealthOptions()
        self.optimizer = optimizer
        self.watched = _watched_nodes(model, node_types or {})
        self.samples: list[HealthSample] = []
        self._epoch_samples: list[HealthSample] = []
        self._pending: _Pending | None = None
        self._latest: HealthSample | None = None
        self._batch = 0  # batches seen in the run
        self._since = 0  # batches since the last recording
        self._started = 0.0
        self._plain: float | None = None  # running mean of a plain batch's seconds
        self._extra: float | None = None  # what the last recording added, seconds
        self.spent = 0.0  # seconds recordings added, all together
        self.elapsed = 0.0  # seconds of every batch, all together

    # --- the trainer's calls -----------------------------------------------------------------

    def begin_batch(self, epoch: int, batch: int) -> bool:
        """Before batch `batch` (1-based) of `epoch` (1-based): whether it is recorded; if so,
        the hooks are in place for its forward and step."""
        self._started = time.perf_counter()
        self._batch += 1
        self._since += 1
        if not self._due():
            return False
        self._since = 0
        pending = self._pending = _Pending(epoch, batch)
        for node in self.watched:
            pending.handles.append(_once(node.output, self._activation_hook(node)))
        pending.handles.append(self.optimizer.register_step_pre_hook(self._before_step))
        pending.handles.append(self.optimizer.register_step_post_hook(self._after_step))
        return True

    def end_batch(self) -> None:
        """After the batch's optimizer step: a recording is completed and its hooks removed."""
        pending, self._pending = self._pending, None
        if pending is None:
            seconds = time.perf_counter() - self._started
            self.elapsed += seconds
            if self._batch > 1:  # the run's first batch is a warm-up, slower than the rest
                self._plain = seconds if self._plain is None else 0.9 * self._plain + 0.1 * seconds
            return
        for handle in pending.handles:
            handle.remove()
        if pending.stepped and len(pending.activations) == len(self.watched):
            sample = self._finish(pending)
            self.samples.append(sample)
            self._epoch_samples.append(sample)
            self._latest = sample
        seconds = time.perf_counter() - self._started  # reading the numbers back included
        self.elapsed += seconds
        self._extra = max(0.0, seconds - self._plain) if self._plain is not None else None
        self.spent += self._extra or 0.0

    def abandon(self) -> None:
        """Drop a recording the batch did not complete (its forward or step failed)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            for handle in pending.handles:
                handle.remove()

    def take_latest(self) -> HealthSample | None:
        """The newest recording not taken yet (for a batch progress update), once."""
        latest, self._latest = self._latest, None
        return latest

    def end_epoch(self, epoch: int) -> EpochHealth:
        """The epoch's summary: each node's mean over the epoch's recordings."""
        samples, self._epoch_samples = self._epoch_samples, []
        return EpochHealth(epoch=epoch, recordings=len(samples), nodes=mean_stats(samples))

    @property
    def overhead(self) -> float:
        """The share of the batches' time that recording took (0.02: 2 %)."""
        plain = self.elapsed - self.spent
        return self.spent / plain if plain > 0 else 0.0

    # --- the work ----------------------------------------------------------------------------

    def _due(self) -> bool:
        options = self.options
        if options.every is not None:
            return (self._batch - 1) % max(1, options.every) == 0
        if self._since < max(1, options.min_every) or self._plain is None:
            return False
        cost = self._extra if self._extra is not None else self._plain  # a guess at first
        return self.spent + cost <= options.budget * (self.elapsed - self.spent)

    def _activation_hook(self, node: _Watched):
        def hook(module: nn.Module, args: Any, output: Any) -> None:
            pending = self._pending
            tensor = _first_tensor(output)
            if pending is None or tensor is None:
                return
            pending.activations[node.node_id] = _activation_stats(tensor, node.limits)

        return hook

    def _before_step(self, optimizer: Any, args: Any, kwargs: Any) -> None:
        pending = self._pending
        if pending is None:
            return
        for node in self.watched:
            grads = [p.grad.detach() for p in node.params if p.grad is not None]
            if grads:
                pending.grads[node.node_id] = _norm(grads)
                pending.before[node.node_id] = [
                    p.detach().clone() for p in node.params if p.grad is not None
                ]

    def _after_step(self, optimizer: Any, args: Any, kwargs: Any) -> None:
        pending = self._pending
        if pending is None:
            return
        for node in self.watched:
            before = pending.before.get(node.node_id)
            if before is None:
                continue
            now = [p.detach() for p in node.params if p.grad is not None]
            change = _norm([a - b for a, b in zip(now, before, strict=True)])
            pending.ratios[node.node_id] = change / _norm(before)
        pending.before.clear()
        pending.stepped = True

    def _finish(self, pending: _Pending) -> HealthSample:
        """Read the recording's tensors back (one transfer) into plain numbers."""
        keys: list[tuple[str, str]] = []
        values: list[torch.Tensor] = []
        for node_id, stats in pending.activations.items():
            for i, name in enumerate(("mean", "std", "zeros", "saturated")):
                if i < len(stats):
                    keys.append((node_id, name))
                    values.append(stats[i])
        for source, name in ((pending.grads, "grad_norm"), (pending.ratios, "update_ratio")):
            for node_id, value in source.items():
                keys.append((node_id, name))
                values.append(value)
        numbers = torch.stack([v.float().cpu() for v in values]).tolist() if values else []
        found: dict[str, dict[str, float]] = {}
        for (node_id, name), number in zip(keys, numbers, strict=True):
            found.setdefault(node_id, {})[name] = number
        nodes = {node.node_id: NodeStats(**found[node.node_id]) for node in self.watched}
        return HealthSample(pending.epoch, pending.batch, nodes)


def activation_stats(tensor: torch.Tensor, limits: tuple[float, float] | None = None) -> NodeStats:
    """The activation statistics of one output `tensor` as a recording computes them."""
    stats = [float(v) for v in _activation_stats(tensor, limits)]
    return NodeStats(*stats)


def _activation_stats(
    tensor: torch.Tensor, limits: tuple[float, float] | None
) -> tuple[torch.Tensor, ...]:
    values = tensor.detach()
    if not values.is_floating_point():
        values = values.float()
    elif values.dtype != torch.float32 and values.dtype != torch.float64:
        values = values.float()  # half precision under mixed precision: sum in float32
    std, mean = torch.std_mean(values, correction=0)
    zeros = (
        (values == 0).float().mean() if values.numel() else torch.zeros((), device=values.device)
    )
    if limits is None:
        return mean, std, zeros
    low, high = limits
    margin = SATURATION_MARGIN * (high - low)
    saturated = ((values <= low + margin) | (values >= high - margin)).float().mean()
    return mean, std, zeros, saturated


def _norm(tensors: list[torch.Tensor]) -> torch.Tensor:
    """The L2 norm of several tensors taken as one vector."""
    norms = torch._foreach_norm([t.float() for t in tensors])
    return torch.linalg.vector_norm(torch.stack(norms))


def _first_tensor(output: Any) -> torch.Tensor | None:
    """A module's output tensor: the first one of a tuple (an LSTM's outputs before its state)."""
    if isinstance(output, torch.Tensor):
        return output
    if isinstance(output, (tuple, list)):
        for item in output:
            found = _first_tensor(item)
            if found is not None:
                return found
    return None


def _once(module: nn.Module, hook: Any) -> Any:
    """A forward hook that removes itself after its first call (a failed batch leaves none)."""
    handle: Any = None

    def fire(mod: nn.Module, args: Any, output: Any) -> None:
        handle.remove()
        hook(mod, args, output)

    handle = module.register_forward_hook(fire)
    return handle


def _watched_nodes(model: fx.GraphModule, node_types: Mapping[str, str]) -> list[_Watched]:
    """The graph's layer nodes with the submodule whose output is theirs: the last module the
    generated forward calls under the node's name (a Block's last copy), and their parameters
    that learn (a frozen layer's are left out: they have no gradient)."""
    modules: dict[str, str] = model.meta.get(META_KEY, {}).get("modules", {})
    last_call: dict[str, str] = {}
    for fx_node in model.graph.nodes:
        if fx_node.op == "call_module":
            last_call[str(fx_node.target).split(".", 1)[0]] = str(fx_node.target)
    watched = []
    for attr, node_id in modules.items():
        target = last_call.get(attr)
        if target is None:
            continue
        type_id = node_types.get(node_id, "")
        watched.append(
            _Watched(
                node_id=node_id,
                output=model.get_submodule(target),
                params=list(model.get_submodule(attr).parameters()),
                limits=SATURATING.get(type_id),
            )
        )
    return watched
