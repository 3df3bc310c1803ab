"""Headless messages: a stable code, an English template and arguments. The English text is the
message itself (the CLI prints it as before); the GUI translates it through the catalogue,
where lupdate found every template."""

from __future__ import annotations

import pickle
import re
import xml.etree.ElementTree as ET

import pytest

from netstudio.core import validation
from netstudio.core.graph import NetworkGraph
from netstudio.core.messages import TEMPLATES, Message, Template
from netstudio.translations.catalogues import catalogue

WORDS = Template("tests.words", "Tests", "{node} has {count} wires: {hint}")
HINT = Template("tests.hint", "Tests", "remove one")


def test_a_message_is_its_english_text_and_knows_how_it_was_made() -> None:
    message = WORDS(node="Linear 'fc1'", count=1200, hint=HINT())
    assert message == "Linear 'fc1' has 1200 wires: remove one"
    assert isinstance(message, str) and str(message) == message
    assert message.code == "tests.words" and message.args["count"] == 1200
    assert f"error: fc1: {message}" == "error: fc1: Linear 'fc1' has 1200 wires: remove one"


def test_translated_puts_the_arguments_into_the_translation_with_numbers_of_the_locale() -> None:
    table = {
        ("Tests", "{node} has {count} wires: {hint}"): "{node} 有 {count} 条连线：{hint}",
        ("Tests", "remove one"): "删除一条",
    }
    message = WORDS(node="Linear 'fc1'", count=1200, hint=HINT())
    text = message.translated(lambda c, s: table.get((c, s), s), number=lambda n: f"{n:,}")
    assert text == "Linear 'fc1' 有 1,200 条连线：删除一条"


def test_a_missing_or_broken_translation_shows_english() -> None:
    message = WORDS(node="n", count=2, hint="x")
    assert message.translated(lambda c, s: "") == "n has 2 wires: x"
    assert message.translated(lambda c, s: "{nod} 有 {count}") == "n has 2 wires: x"


def test_a_message_survives_pickling_and_codes_are_unique() -> None:
    message = WORDS(node="n", count=2, hint=HINT())
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and copy.code == message.code and copy.args["hint"].code == "tests.hint"
    with pytest.raises(ValueError, match=r"tests\.hint"):
        Template("tests.hint", "Tests", "another text")


def test_validation_problems_are_messages_with_codes() -> None:
    graph = NetworkGraph()
    graph.add_node("Linear", name="fc1", node_id="fc1", params={"out_features": 4})
    problems = validation.validate(graph)
    codes = [p.message.code for p in problems if isinstance(p.message, Message)]
    assert codes[:2] == ["validation.no-input", "validation.no-output"]
    assert str(problems[0]) == (
        "error: graph: the network has no Input node: add one from the Input/Output category "
        "and wire it to the first layer"
    )
    assert "validation.input-not-connected" in codes


def _catalogue_entries(language: str, area: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(catalogue(language, area)).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_lupdate_found_every_validation_template_and_it_is_translated() -> None:
    """QT_TRANSLATE_NOOP (a plain function in the core) is what pyside6-lupdate extracts: each
    template is in the messages catalogue under its context, translated, with its fields."""
    entries = _catalogue_entries("zh_CN", "messages")
    ours = [t for t in TEMPLATES.values() if t.code.startswith("validation.")]
    assert len(ours) >= 12
    for template in ours:
        entry = entries.get((template.context, template.text))
        assert entry is not None, f"{template.code} is not in zh_CN/messages.ts"
        translation = entry.findtext("translation") or ""
        assert translation, template.code
        fields = set(re.findall(r"\{(\w+)\}", template.text))
        assert set(re.findall(r"\{(\w+)\}", translation)) == fields, template.code
