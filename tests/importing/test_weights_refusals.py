"""A weights file that is more than tensors is refused without torch's advice to trust it.

torch's own message says to retry with ``weights_only=False``, which would run whatever code
the file holds; NetStudio's message says what the file holds and how to save plain weights.
"""

from __future__ import annotations

import collections
import pickle
from pathlib import Path

import pytest
import torch

from netstudio.importing import ModelImportError
from netstudio.importing.torchvision_models import load_state_dict


class Payload:
    """Not a tensor: what a pickled model or a crafted file holds."""


def _pickled_object(path: Path) -> Path:
    torch.save({"model": Payload(), "weight": torch.zeros(2)}, path)
    return path


def _legacy_pickle(path: Path) -> Path:
    with path.open("wb") as stream:
        pickle.dump(collections.Counter(a=1), stream)
    return path


def _junk(path: Path) -> Path:
    path.write_bytes(b"not a checkpoint at all")
    return path


@pytest.mark.parametrize("make", [_pickled_object, _legacy_pickle, _junk])
def test_a_weights_file_with_more_than_tensors_is_refused_in_one_safe_line(
    tmp_path: Path, make
) -> None:
    path = make(tmp_path / "weights.pth")
    with pytest.raises(ModelImportError) as caught:
        load_state_dict(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot read weights: ")
    assert "\n" not in message and "\x1b" not in message
    assert "weights_only" not in message
    assert "False" not in message
    assert "add_safe_globals" not in message


def test_the_refusal_names_what_the_file_holds_and_how_to_save_weights(tmp_path: Path) -> None:
    path = _pickled_object(tmp_path / "model.pth")
    with pytest.raises(ModelImportError) as caught:
        load_state_dict(path)
    message = str(caught.value)
    assert "not a plain state dict of tensors" in message
    assert "Payload" in message
    assert "never runs code from a weights file" in message
    assert "state_dict()" in message
