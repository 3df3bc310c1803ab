"""Checkpoints: weights in safetensors, the rest of the training state in a tensors-only file.

The state file holds the optimizer and schedule state, the epoch, the history, the early-stopping
bookkeeping and the random number generators' state; it is written with `torch.save` and read
back with `weights_only=True`, so loading a checkpoint never runs code from the file. The best
epoch's weights, when there is one, sit beside the last ones as safetensors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch import nn

WEIGHTS = "weights.safetensors"
BEST = "best.safetensors"
STATE = "state.pt"


class CheckpointError(Exception):
    """A checkpoint that cannot be read or does not fit the model."""


def save_weights(model: nn.Module, path: Path) -> None:
    """The model's weights (parameters and buffers) as safetensors."""
    save_state_dict(model.state_dict(), path)


def load_weights(model: nn.Module, path: Path) -> None:
    """Load safetensors weights into `model`, saying which names or shapes do not fit."""
    try:
        state = load_file(str(path))
    except Exception as error:
        raise CheckpointError(f"cannot read weights from {path}: {error}") from None
    own = model.state_dict()
    missing = sorted(set(own) - set(state))
    unexpected = sorted(set(state) - set(own))
    wrong = [k for k in own if k in state and own[k].shape != state[k].shape]
    if missing or unexpected or wrong:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:5])}")
        if unexpected:
            parts.append(f"not in the model {', '.join(unexpected[:5])}")
        if wrong:
            parts.append(
                "wrong shape "
                + ", ".join(
                    f"{k} {tuple(state[k].shape)} vs {tuple(own[k].shape)}" for k in wrong[:5]
                )
            )
        raise CheckpointError(
            f"the weights in {path} do not fit this network ({'; '.join(parts)}): "
            "they were saved from a different architecture"
        )
    model.load_state_dict(state)


def save_state_dict(state: dict[str, torch.Tensor], path: Path) -> None:
    """A state dict (e.g. a copy of the best weights) as safetensors, written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    save_file({k: v.detach().contiguous().cpu() for k, v in state.items()}, str(tmp))
    tmp.replace(path)


def save_checkpoint(
    folder: Path,
    model: nn.Module,
    state: dict[str, Any],
    best: dict[str, torch.Tensor] | None = None,
) -> None:
    """Weights plus training state (optimizer, schedule, epoch, history, RNG) in `folder`, and
    the best epoch's weights when given."""
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(model, folder / WEIGHTS)
    if best is not None:
        save_state_dict(best, folder / BEST)
    tmp = folder / (STATE + ".tmp")
    torch.save(state, tmp)
    tmp.replace(folder / STATE)


def load_best(folder: Path, device: str | torch.device = "cpu") -> dict[str, torch.Tensor] | None:
    """The best epoch's weights saved with a checkpoint, or None."""
    path = folder / BEST
    if not path.exists():
        return None
    try:
        return load_file(str(path), device=str(device))
    except Exception as error:
        raise CheckpointError(f"cannot read weights from {path}: {error}") from None


def load_checkpoint(folder: Path, model: nn.Module) -> dict[str, Any]:
    """Load the weights into `model` and return the training state (read with weights_only)."""
    if not (folder / WEIGHTS).exists() or not (folder / STATE).exists():
        raise CheckpointError(
            f"no checkpoint in {folder}: expected {WEIGHTS} and {STATE} (a run folder's "
            "'checkpoint' sub-folder)"
        )
    load_weights(model, folder / WEIGHTS)
    try:
        return torch.load(folder / STATE, map_location="cpu", weights_only=True)
    except Exception as error:
        raise CheckpointError(f"cannot read the training state in {folder}: {error}") from None


def rng_state() -> dict[str, Any]:
    state: dict[str, Any] = {"torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
