"""What a refused import says is a message (`netstudio.core.messages`): the English the command
line prints as before, with a stable code and its arguments; the phrases inside it (what a
layer refuses, what to do instead) are translated with it, the person's names and PyTorch's or
ONNX's own words put in as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from torch import nn

from netstudio.core.messages import Message, Phrase
from netstudio.importing import ModelImportError
from netstudio.importing.fx_import import from_module
from netstudio.importing.python_file import from_python_file


def _marked(context: str, text: str) -> str:
    """A stand-in catalogue that marks every text it translates."""
    return f"«{text}»"


def test_a_missing_class_keeps_its_english_and_names_the_classes_there(tmp_path: Path) -> None:
    source = tmp_path / "model.py"
    source.write_text("from torch import nn\n\n\nclass Small(nn.Module):\n    pass\n")
    with pytest.raises(ModelImportError) as raised:
        from_python_file(source, "Net", (4,))
    said = raised.value.args[0]
    assert isinstance(said, Message) and said.code == "import.no-class-but"
    assert str(raised.value) == f"{source}: there is no class 'Net' (its nn.Module classes: Small)"
    assert said.args == {"path": source, "name": "Net", "classes": "Small"}


def test_a_refused_layer_setting_is_one_message_with_its_phrases_inside() -> None:
    model = nn.Sequential(nn.Conv2d(1, 2, 3, padding="same"))
    with pytest.raises(ModelImportError) as raised:
        from_module(model, (1, 8, 8), source="tiny")
    said = raised.value.args[0]
    assert said.code == "import.fx-node"
    assert str(said).startswith("tiny: '_0' (self.0: nn.Conv2d) at ")  # the line that calls it
    assert str(said).endswith(
        " cannot be imported: nn.Conv2d with padding='same' has no layer: give the padding as "
        "numbers"
    )
    refusal = said.args["message"].args["error"]  # "cannot be imported: {error}"
    assert refusal.code == "import.no-layer-with"
    assert isinstance(refusal.args["fix"], Phrase)
    assert refusal.args["fix"] == "give the padding as numbers"
    translated = said.translated(_marked)
    assert translated.startswith("«tiny: '_0' (self.0: nn.Conv2d)« at ")
    assert translated.endswith(
        "«cannot be imported: «nn.Conv2d with «padding='same'» has no layer: "
        "«give the padding as numbers»»»»"
    )
