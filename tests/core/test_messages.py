"""Headless messages: a stable code, an English template and arguments. The English text is the
message itself (the CLI prints it as before); the GUI translates it through the catalogue,
where lupdate found every template."""

from __future__ import annotations

import json
import pickle
import re
import xml.etree.ElementTree as ET

import pytest

from netstudio.core import validation
from netstudio.core.graph import NetworkGraph
from netstudio.core.messages import TEMPLATES, Count, Message, Template
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


def test_a_message_written_as_its_code_and_arguments_is_made_again() -> None:
    message = WORDS(node="Linear 'fc1'", count=1200, hint=HINT())
    data = message.to_dict()
    assert data == {
        "code": "tests.words",
        "args": {"node": "Linear 'fc1'", "count": 1200, "hint": {"code": "tests.hint", "args": {}}},
    }
    again = Message.from_dict(data)
    assert again == message and again is not None and again.args["hint"].code == "tests.hint"
    assert Message.from_dict({"code": "tests.unknown", "args": {}}) is None
    assert Message.from_dict({"code": "tests.words", "args": {"node": "fc1"}}) is None
    assert Message.from_dict({**data, "args": {**data["args"], "hint": {"code": "?"}}}) is None
    assert Message.from_dict("tests.words") is None


def test_a_count_is_grouped_in_english_and_written_by_the_locale_when_translated() -> None:
    """A `Count` is its number (an int) whose English is grouped as the messages always wrote
    it; a translation writes it with the GUI's number format (German-style here), and a file
    keeps it a count: read back, it is grouped again."""
    message = WORDS(node="fc1", count=Count(40000), hint=HINT())
    assert message == "fc1 has 40,000 wires: remove one" and message.args["count"] == 40000
    assert str(Count(1234567)) == "1,234,567" and f"{Count(999)}" == "999"
    assert f"{Count(40000):>8}" == "   40000"  # an explicit format is the int's
    german = message.translated(lambda c, s: s, number=lambda n: f"{n:,}".replace(",", "."))
    assert german == "fc1 has 40.000 wires: remove one"
    data = message.to_dict()
    assert data["args"]["count"] == {"count": 40000}
    again = Message.from_dict(json.loads(json.dumps(data)))
    assert again == message and isinstance(again.args["count"], Count)
    old = Message.from_dict({**data, "args": {**data["args"], "count": "40,000"}})
    assert old == message  # a file written before counts: the English text, as it was
    broken = {**data, "args": {**data["args"], "count": {"count": "40,000"}}}
    assert Message.from_dict(broken) is None
    assert (
        pickle.loads(pickle.dumps(Count(7))) == 7
        and str(pickle.loads(pickle.dumps(Count(7000)))) == "7,000"
    )


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


def _all_message_modules() -> None:
    """Import every headless module, so that TEMPLATES holds every template the app declares
    (a module added later is found without being listed here)."""
    import importlib
    import pkgutil

    import netstudio

    for package in ("core", "training", "io", "export", "importing", "search"):
        module = importlib.import_module(f"netstudio.{package}")
        for info in pkgutil.walk_packages(module.__path__, f"{module.__name__}."):
            importlib.import_module(info.name)
    assert netstudio.__path__  # the package itself, for the walk above


def test_every_template_of_the_app_is_in_the_catalogue_translated_with_its_fields() -> None:
    """... in the catalogue of its area: "interop" for exporting and importing, "messages" for
    the rest of the headless code."""
    _all_message_modules()
    entries = {**_catalogue_entries("zh_CN", "messages"), **_catalogue_entries("zh_CN", "interop")}
    ours = [t for t in TEMPLATES.values() if not t.code.startswith("tests.")]
    assert len(ours) > 120  # codes are unique: Template refuses a second one (test above)
    for template in ours:
        entry = entries.get((template.context, template.text))
        assert entry is not None, f"{template.code} is in neither zh_CN/messages.ts nor interop.ts"
        translation = entry.findtext("translation") or ""
        assert translation and entry.find("translation").get("type") is None, template.code
        fields = set(re.findall(r"\{(\w+)\}", template.text))
        assert set(re.findall(r"\{(\w+)\}", translation)) == fields, template.code


def test_a_shape_error_is_the_same_english_and_carries_its_arguments() -> None:
    from netstudio.core.shapes import ShapeInference

    graph = NetworkGraph()
    graph.add_node("Input", name="in", node_id="in", params={"shape": [1, 8, 8]})
    graph.add_node("Linear", name="fc1", node_id="fc1", params={"out_features": 4})
    graph.connect("in", "out", "fc1", "in")
    error = ShapeInference(graph).info("fc1").error
    assert (
        error
        == "Linear 'fc1' expects 2-D or 3-D input, got (N, 1, 8, 8): insert a Flatten before 'fc1'"
    )
    assert isinstance(error, Message) and error.code == "shapes.expects-rank-hint"
    assert error.args["node"] == "Linear 'fc1'" and error.args["hint"].code == "shapes.hint-flatten"
    chinese = {
        (
            "Shapes",
            "{node} expects {ranks} input, got {got}: {hint}",
        ): "{node} 需要 {ranks} 输入：{hint}",
        ("Shapes", "insert a Flatten before '{name}'"): "请在 '{name}' 前插入 Flatten",
    }
    text = error.translated(lambda c, s: chinese.get((c, s), s))
    assert text == "Linear 'fc1' 需要 2-D or 3-D 输入：请在 'fc1' 前插入 Flatten"


def test_every_rank_hint_of_the_layer_catalogue_is_a_shape_message_naming_the_node() -> None:
    from netstudio.core.layers import CATALOGUE

    hints = [spec.rank_hint for spec in CATALOGUE if spec.rank_hint is not None]
    assert len(hints) > 15
    for hint in hints:
        message = hint.message("x")
        assert message.code.startswith("shapes.hint-"), message
        assert "'x'" in message and "{" not in message, message
    conv = CATALOGUE.get("Conv2d").rank_hint
    assert conv is not None and conv.message("c1") == (
        "'c1' needs (N, C, H, W) input: set the Input shape to include channels, or insert an "
        "Unflatten or Reshape before it"
    )


def test_training_failures_keep_their_english_and_carry_their_arguments() -> None:
    from netstudio.training import failure_messages as words
    from netstudio.training.failures import out_of_memory

    failure = out_of_memory(
        RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"),
        words.BUILDING_NODE(node="Linear 'fc1'"),
        words.SHRINK_PARAM(param="out_features", value=Count(10**9)),
    )
    assert failure.message == (
        "ran out of memory building Linear 'fc1' on the CPU (it asked for 2.00 GiB more): "
        "lower its out_features (1,000,000,000 now)"
    )
    assert failure.message.code == "training.out-of-memory-doing"
    assert failure.message.args["asked"].args["size"] == "2.00 GiB"
    nan = words.NOT_FINITE(
        what=words.LOSS_BECAME(value="nan", epoch=2, batch=7), kept=words.KEPT_BEFORE()
    )
    assert nan == (
        "the loss became nan at epoch 2, batch 7: the weights are kept from the batch before. "
        "Lower the learning rate, add gradient clipping, or check the data for invalid values"
    )


def test_file_problems_are_messages() -> None:
    from netstudio.io.errors import ProjectFileError
    from netstudio.io.reader import loads_project

    with pytest.raises(ProjectFileError) as caught:
        loads_project(b'{"format": "netstudio", "version": 999}')
    message = caught.value.problems[0].message
    assert isinstance(message, Message) and message.code == "file.newer-version"
    assert message.args["version"] == 999
    assert "update NetStudio to open it" in str(caught.value)
