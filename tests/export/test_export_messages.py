"""What a failed export says is a message (`netstudio.core.messages`): the same English as
before for the command line, with a stable code and its arguments for the app to translate;
a message inside it (the network's problems) is translated with it; and lupdate found every
export and import template, translated in the interop catalogue with its fields."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netstudio.core.graph import NetworkGraph
from netstudio.core.messages import TEMPLATES, Message
from netstudio.export import ExportError, export_project
from netstudio.io import Project
from netstudio.translations.catalogues import catalogue


def _marked(context: str, text: str) -> str:
    """A stand-in catalogue that marks every text it translates."""
    return f"«{text}»"


def test_an_unknown_format_keeps_its_english_and_carries_code_and_arguments(
    tmp_path: Path,
) -> None:
    with pytest.raises(ExportError) as raised:
        export_project(Project(graph=NetworkGraph()), "keras", tmp_path / "net.keras")
    said = raised.value.args[0]
    assert isinstance(said, Message) and said.code == "export.unknown-format"
    assert str(raised.value) == (
        "unknown export format 'keras': choose one of python, pt2, torchscript, onnx, weights"
    )
    assert said.args == {"format": "'keras'", "formats": "python, pt2, torchscript, onnx, weights"}
    assert not (tmp_path / "net.keras").exists()


def test_an_invalid_network_lists_its_problems_translated_with_the_message(
    tmp_path: Path,
) -> None:
    with pytest.raises(ExportError) as raised:
        export_project(Project(graph=NetworkGraph()), "python", tmp_path / "net.py")
    said = raised.value.args[0]
    assert said.code == "export.not-valid"
    assert str(said).startswith(
        "the network is not valid, so it cannot be exported; fix these first:\ngraph: "
    )
    translated = said.translated(_marked)
    # The list (two lines), each line and each problem in it go through the catalogue.
    assert translated.startswith(
        "«the network is not valid, so it cannot be exported; fix these first:\n"
        "««graph: «the network has no Input node"
    )
    assert "»»\n«graph: «the network has no Output node" in translated
    assert "{" not in translated and not (tmp_path / "net.py").exists()


def test_every_interop_template_is_in_the_interop_catalogue_translated() -> None:
    import netstudio.export.export_messages
    import netstudio.importing.import_messages
    import netstudio.importing.keras_messages
    import netstudio.importing.onnx_messages  # noqa: F401  (they declare the templates)

    root = ET.parse(catalogue("zh_CN", "interop")).getroot()
    entries = {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }
    ours = [
        t
        for t in TEMPLATES.values()
        if t.code.split(".")[0] in ("export", "import", "onnx", "keras")
    ]
    assert len(ours) > 150
    for template in ours:
        entry = entries.get((template.context, template.text))
        assert entry is not None, f"{template.code} is not in zh_CN/interop.ts"
        translation = entry.find("translation")
        assert translation is not None and translation.text, template.code
        assert translation.get("type") is None, template.code
        fields = set(re.findall(r"\{(\w+)\}", template.text))
        assert set(re.findall(r"\{(\w+)\}", translation.text)) == fields, template.code
