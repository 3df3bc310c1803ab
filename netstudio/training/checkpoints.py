"""Checkpoints: weights in safetensors, the rest of the training state in a tensors-only file.

The state file holds the optimizer and schedule state, the epoch, the history, the early-stopping
bookkeeping and the random number generators' state; it is written with `torch.save` and read
back with `weights_only=True`, so loading a checkpoint never runs code from the file, and its
structure is checked before any of it is used, so a damaged or crafted file is one clear error
(`CheckpointError`) rather than a half-restored run. The best epoch's weights, when there is one,
sit beside the last ones as safetensors.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from netstudio.training import checkpoint_messages as words
from netstudio.training.results import EpochMetrics
from netstudio.training.runs import write_atomically

WEIGHTS = "weights.safetensors"
BEST = "best.safetensors"
STATE = "state.pt"

#: An epoch's metrics as `EpochMetrics.to_dict` stores them (its health stays out).
_EPOCH_FIELDS = {
    field.name: field.type for field in dataclasses.fields(EpochMetrics) if field.name != "health"
}


class CheckpointError(Exception):
    """A checkpoint or weights file that cannot be read, or does not fit the model."""


class WeightsMismatchError(CheckpointError):
    """Weights that were read fine but belong to another network (names or shapes differ)."""


def save_weights(model: nn.Module, path: Path) -> None:
    """The model's weights (parameters and buffers) as safetensors."""
    save_state_dict(model.state_dict(), path)


def read_weights(path: Path, device: str | torch.device = "cpu") -> dict[str, torch.Tensor]:
    """The tensors of a safetensors file; CheckpointError when it is damaged or not one."""
    try:
        return load_file(str(path), device=str(device))
    except Exception as error:
        raise CheckpointError(
            words.UNREADABLE_WEIGHTS(path=path, error=_first_line(error))
        ) from None


def load_weights(model: nn.Module, path: Path) -> None:
    """Load safetensors weights into `model`; WeightsMismatchError says which names or shapes
    do not fit, CheckpointError that the file cannot be read."""
    state = read_weights(path)
    own = model.state_dict()
    missing = sorted(set(own) - set(state))
    unexpected = sorted(set(state) - set(own))
    wrong = [k for k in own if k in state and own[k].shape != state[k].shape]
    if missing or unexpected or wrong:
        parts: list[str] = []
        if missing:
            parts.append(words.MISSING(names=", ".join(missing[:5])))
        if unexpected:
            parts.append(words.NOT_IN_MODEL(names=", ".join(unexpected[:5])))
        if wrong:
            shapes = ", ".join(
                words.SHAPE_VS(name=k, saved=tuple(state[k].shape), own=tuple(own[k].shape))
                for k in wrong[:5]
            )
            parts.append(words.WRONG_SHAPE(shapes=shapes))
        said = parts[0]
        for part in parts[1:]:
            said = words.AND(first=said, then=part)
        raise WeightsMismatchError(words.MISMATCH(path=path, parts=said))
    model.load_state_dict(state)


def save_state_dict(state: dict[str, torch.Tensor], path: Path) -> None:
    """A state dict (e.g. a copy of the best weights) as safetensors, written atomically."""
    tensors = {k: v.detach().contiguous().cpu() for k, v in state.items()}
    write_atomically(path, lambda tmp: save_file(tensors, str(tmp)))


def save_checkpoint(
    folder: Path,
    model: nn.Module,
    state: dict[str, Any],
    best: dict[str, torch.Tensor] | None = None,
) -> None:
    """Weights plus training state (optimizer, schedule, epoch, history, RNG) in `folder`, and
    the best epoch's weights when given. The state goes last: it says which epoch the weights
    belong to."""
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(model, folder / WEIGHTS)
    if best is not None:
        save_state_dict(best, folder / BEST)
    write_atomically(folder / STATE, lambda tmp: torch.save(state, tmp))


def load_best(folder: Path, device: str | torch.device = "cpu") -> dict[str, torch.Tensor] | None:
    """The best epoch's weights saved with a checkpoint, or None."""
    path = folder / BEST
    if not path.exists():
        return None
    return read_weights(path, device)


def load_checkpoint(folder: Path, model: nn.Module) -> dict[str, Any]:
    """Load the weights into `model` and return the training state, read with weights_only and
    checked (`check_state`) before the caller restores anything from it."""
    if not (folder / WEIGHTS).exists() or not (folder / STATE).exists():
        raise CheckpointError(words.NO_CHECKPOINT(folder=folder, weights=WEIGHTS, state=STATE))
    load_weights(model, folder / WEIGHTS)
    path = folder / STATE
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        # torch's own message suggests loading the file unsafely: never pass that on.
        raise CheckpointError(words.UNSAFE_STATE(path=path)) from None
    except Exception as error:
        raise CheckpointError(words.UNREADABLE_STATE(path=path, error=_first_line(error))) from None
    check_state(state, path)
    return state


def check_state(state: Any, path: Path) -> None:
    """CheckpointError naming the first entry of a checkpoint's training state that is missing
    or of the wrong kind, so a damaged or crafted state file never half-restores a run."""

    def damaged(what: str) -> CheckpointError:
        return CheckpointError(words.DAMAGED(path=path, what=what))

    if not isinstance(state, dict):
        raise damaged(words.DAMAGED_NOT_DICT(kind=type(state).__name__))
    kinds = {"optimizer": dict, "schedule": dict, "epoch": int, "history": list, "rng": dict}
    for key, kind in kinds.items():
        if key not in state:
            raise damaged(words.DAMAGED_MISSING(key=key))
        if not _is(state[key], kind):
            raise damaged(
                words.DAMAGED_KIND(key=key, kind=type(state[key]).__name__, expected=kind.__name__)
            )
    if "kinds" in state and not (
        isinstance(state["kinds"], (list, tuple))
        and len(state["kinds"]) == 2
        and all(isinstance(k, str) for k in state["kinds"])
    ):
        raise damaged(words.DAMAGED_KINDS())
    optimizer = state["optimizer"]
    if not isinstance(optimizer.get("state"), dict) or not (
        isinstance(optimizer.get("param_groups"), list)
        and all(isinstance(g, dict) for g in optimizer["param_groups"])
    ):
        raise damaged(words.DAMAGED_OPTIMIZER())
    schedule = state["schedule"]
    if not _is(schedule.get("step_count"), int) or not isinstance(
        schedule.get("inner"), (dict, type(None))
    ):
        raise damaged(words.DAMAGED_SCHEDULE())
    epoch = state["epoch"]
    if epoch < 0 or len(state["history"]) != epoch:
        raise damaged(words.DAMAGED_HISTORY(count=len(state["history"]), epoch=epoch))
    for i, row in enumerate(state["history"]):
        problem = _epoch_problem(row, i + 1)
        if problem:
            raise damaged(problem)
    early = state.get("early", {})
    if not isinstance(early, dict) or not (
        _is(early.get("stale", 0), int)
        and isinstance(early.get("best_metric"), (int, float, type(None)))
        and isinstance(early.get("best_epoch"), (int, type(None)))
    ):
        raise damaged(words.DAMAGED_EARLY())
    rng = state["rng"]
    generators = [rng.get("torch"), *(rng.get("cuda") or [])]
    if not isinstance(rng.get("cuda", []), (list, tuple)) or not all(
        isinstance(g, torch.Tensor) and g.dtype == torch.uint8 and g.dim() == 1 for g in generators
    ):
        raise damaged(words.DAMAGED_RNG())


def rng_state() -> dict[str, Any]:
    state: dict[str, Any] = {"torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    """Restore the generators `rng_state` saved; CheckpointError when torch refuses them."""
    try:
        torch.set_rng_state(state["torch"])
        if "cuda" in state and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(state["cuda"])
    except (RuntimeError, ValueError, TypeError) as error:
        raise CheckpointError(words.RNG_MISFIT(error=_first_line(error))) from None


def _is(value: Any, kind: type) -> bool:
    """isinstance, where a bool is not an int (JSON-like files blur them)."""
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _epoch_problem(row: Any, entry: int) -> str | None:
    """What is wrong with one epoch (`entry`, 1-based) of a checkpoint's history, or None."""
    if not isinstance(row, dict) or set(row) - {"unfrozen"} != set(_EPOCH_FIELDS) - {"unfrozen"}:
        return words.ENTRY_NOT_METRICS(entry=entry)
    for name, value in row.items():
        if name == "unfrozen":  # node ids, only in an epoch that unfroze some
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return words.ENTRY_UNFROZEN(entry=entry)
            continue
        optional = "None" in str(_EPOCH_FIELDS[name])
        number = _is(value, int) or isinstance(value, float)
        if name == "epoch" and not _is(value, int):
            return words.ENTRY_NO_EPOCH(entry=entry)
        if not number and not (optional and value is None):
            return words.ENTRY_KIND(entry=entry, name=name, kind=type(value).__name__)
    return None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
