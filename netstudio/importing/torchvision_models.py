"""Importing a torchvision architecture by name, with weights only from a local file.

The architecture is built with ``weights=None``: nothing is ever downloaded. Weights come from
a safetensors file or a ``.pth`` state dict read with ``weights_only=True`` (no code runs).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from netstudio.importing import import_messages as said
from netstudio.importing.errors import ModelImportError
from netstudio.importing.fx_import import from_module
from netstudio.importing.result import ImportedModel

if TYPE_CHECKING:
    import torch

#: Architectures that import and compile to the same outputs, as catalogue layers only except
#: ShuffleNet's chunk (checked by hand for all, by the tests for resnet18, vgg11, mobilenet_v2,
#: mobilenet_v3_small and a small EfficientNet). Others (ViT, Swin, MaxViT, ConvNeXt) read
#: parameters directly in forward (class tokens, position biases, layer scales), which a graph
#: of layers cannot hold.
SUPPORTED: tuple[str, ...] = (
    "alexnet",
    "densenet121",
    "efficientnet_b0",
    "efficientnet_b1",
    "efficientnet_v2_s",
    "googlenet",
    "inception_v3",
    "mnasnet0_5",
    "mnasnet1_0",
    "mobilenet_v2",
    "mobilenet_v3_large",
    "mobilenet_v3_small",
    "regnet_x_400mf",
    "regnet_y_400mf",
    "resnet18",
    "resnet34",
    "resnet50",
    "resnext50_32x4d",
    "shufflenet_v2_x0_5",
    "shufflenet_v2_x1_0",
    "squeezenet1_0",
    "squeezenet1_1",
    "vgg11",
    "vgg11_bn",
    "vgg13",
    "vgg16",
    "vgg16_bn",
    "vgg19",
)


def from_torchvision(
    name: str,
    input_shape: Sequence[int] = (3, 224, 224),
    weights_path: str | Path | None = None,
    *,
    num_classes: int | None = None,
    blocks: bool = True,
) -> ImportedModel:
    """Import torchvision's `name` architecture (random weights unless `weights_path`).

    blocks: its repeated submodules (ResNet's BasicBlocks ...) become Block nodes, as in
    `from_module`; False gives one flat network.

    Raises ModelImportError for a name not in `SUPPORTED` and weights that cannot be read or do
    not fit the architecture.
    """
    import torchvision

    if name not in SUPPORTED:
        raise ModelImportError(said.NOT_TORCHVISION(name=name, supported=", ".join(SUPPORTED)))
    options = {} if num_classes is None else {"num_classes": num_classes}
    if name in ("googlenet", "inception_v3"):  # aux heads run in training, return a namedtuple
        options.update(aux_logits=False, init_weights=False)
    model = torchvision.models.get_model(name, weights=None, **options)
    if weights_path is not None:
        state = load_state_dict(weights_path)
        try:
            model.load_state_dict(state)
        except RuntimeError as error:
            detail = " ".join(str(error).split())[:400]
            raise ModelImportError(
                said.WEIGHTS_DO_NOT_FIT(path=weights_path, name=name, detail=detail)
            ) from None
    model.eval()
    return from_module(model, input_shape, name=name, source=f"torchvision {name}", blocks=blocks)


def load_state_dict(path: str | Path) -> dict[str, torch.Tensor]:
    """Tensors from a safetensors file, or a ``.pth``/``.pt`` state dict loaded with
    ``weights_only=True``; a dict that wraps one under ``state_dict`` or ``model`` is opened."""
    import torch

    path = Path(path)
    if not path.is_file():
        raise ModelImportError(said.NO_WEIGHTS_FILE(path=path))
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            return load_file(str(path))
        with warnings.catch_warnings():  # notes on pickle protocols: the refusal says enough
            warnings.simplefilter("ignore")
            loaded = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:
        failure = load_failure(error)
        raise ModelImportError(said.CANNOT_READ_WEIGHTS(path=path, error=failure)) from None
    for key in ("state_dict", "model"):
        if isinstance(loaded, dict) and isinstance(loaded.get(key), dict):
            loaded = loaded[key]
    if not isinstance(loaded, dict) or not all(
        isinstance(v, torch.Tensor) for v in loaded.values()
    ):
        raise ModelImportError(said.NOT_A_STATE_DICT(path=path))
    return loaded


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_UNPICKLER = re.compile(
    r"WeightsUnpickler error:\s*(.+?)(?:\s+Please use|\s+Check the documentation|\n\n|$)", re.S
)


def load_failure(error: BaseException) -> str:
    """Why ``torch.load(weights_only=True)`` refused a file, in one line, without torch's
    advice to retry with ``weights_only=False``: that would run whatever code the file holds,
    and NetStudio never does."""
    text = _ANSI.sub("", str(error))
    found = _UNPICKLER.search(text)
    if found or "weights only load failed" in text.lower():
        detail = " ".join(found.group(1).split()).rstrip(".") if found else ""
        return said.NOT_PLAIN_STATE_BECAUSE(detail=detail) if detail else said.NOT_PLAIN_STATE()
    first = (text.strip() or type(error).__name__).splitlines()[0]
    kept = [part for part in re.split(r"(?<=\.)\s+", first) if "weights_only" not in part]
    return " ".join(kept) or type(error).__name__
