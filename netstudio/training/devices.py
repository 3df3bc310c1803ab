"""Which devices this machine can train on, and the choice behind "auto"."""

from __future__ import annotations

from dataclasses import dataclass

from netstudio.training import checkpoint_messages as words


@dataclass(frozen=True)
class DeviceInfo:
    """A device a run can use: id as torch spells it ("cpu", "cuda:0", "mps"), a name for
    people, and its memory in bytes where known."""

    id: str
    name: str
    memory: int | None = None

    def describe(self) -> str:
        if self.memory:
            return f"{self.name} ({self.memory / 1024**3:.0f} GB)"
        return self.name


class DeviceError(RuntimeError):
    """A device was asked for that this machine does not have."""


def available_devices() -> list[DeviceInfo]:
    """CPU first, then each CUDA GPU, then Apple's MPS when present."""
    import torch

    devices = [DeviceInfo("cpu", "CPU")]
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(index)
            devices.append(DeviceInfo(f"cuda:{index}", props.name, props.total_memory))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(DeviceInfo("mps", "Apple GPU (MPS)"))
    return devices


def resolve_device(choice: str) -> str:
    """The torch device for a configured choice: "auto" takes CUDA, then MPS, then the CPU.

    Raises DeviceError when the chosen device is not on this machine.
    """
    import torch

    choice = (choice or "auto").lower()
    if choice == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if choice.startswith("cuda"):
        if not torch.cuda.is_available():
            raise DeviceError(words.NO_CUDA())
        return choice
    if choice == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise DeviceError(words.NO_MPS())
        return choice
    if choice == "cpu":
        return choice
    raise DeviceError(words.UNKNOWN_DEVICE(choice=repr(choice)))
