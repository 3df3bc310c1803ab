"""The warnings in a run's health.json: the English text the CLI prints, and the message's code
and arguments so the app can show it in another language. A run folder written before the
warnings carried their code (only the text) still reads, its warnings in their English."""

from __future__ import annotations

import json

from netstudio.core.messages import Message
from netstudio.training import health_warnings as rules
from netstudio.training.health_records import HealthWarning

#: Arguments for every template's fields, as `health_warnings` writes them (a node's name with
#: the templates' own punctuation in it).
ARGS = {
    "node": "fc 1: wide",
    "percent": ">99",
    "epoch": 3,
    "norm": "5e4",
    "times": "10 000×",
    "largest": "head",
}


def _written_and_read(warning: HealthWarning) -> HealthWarning:
    """`warning` through health.json's JSON, as the run folder writes and the app reads it."""
    text = json.dumps({"warnings": [warning.to_dict()]}, ensure_ascii=False)
    (data,) = json.loads(text)["warnings"]
    return HealthWarning.from_dict(data)


def test_every_warning_comes_back_from_health_json_as_the_message_it_was() -> None:
    for template in rules.TEMPLATES:
        made = template(**{k: v for k, v in ARGS.items() if "{" + k + "}" in template.text})
        warning = HealthWarning("fc1", "dead_relu", made)
        assert warning.to_dict()["message"] == str(made)  # the English, as the CLI prints it
        back = _written_and_read(warning)
        assert back == warning
        assert isinstance(back.message, Message) and back.message.code == made.code
        assert dict(back.message.args) == dict(made.args)
    dead = _written_and_read(HealthWarning("fc1", "dead_relu", rules.DEAD_RELU(**ARGS)))
    assert isinstance(dead.message, Message) and dead.message.args["epoch"] == 3  # a number


def test_an_old_health_json_with_only_the_text_reads_as_that_text() -> None:
    old = {
        "node_id": "relu1",
        "kind": "dead_relu",
        "message": "relu1: 100 % of outputs have been zero since epoch 1 — lower the learning "
        "rate or try LeakyReLU",
    }
    warning = HealthWarning.from_dict(old)
    assert (warning.node_id, warning.kind) == ("relu1", "dead_relu")
    assert warning.message == old["message"] and not isinstance(warning.message, Message)
    assert warning.to_dict() == old  # written again as it was


def test_an_unknown_code_or_arguments_that_do_not_fit_read_as_the_text() -> None:
    text = "fc1: something a newer version says"
    for extra in (
        {"code": "health.from-the-future", "args": {"node": "fc1"}},
        {"code": "health.dead-relu", "args": {"node": "fc1"}},  # percent and epoch missing
        {"code": "health.dead-relu", "args": ["fc1"]},
        {"code": "health.dead-relu", "args": {**ARGS, "node": ["not", "text"]}},
    ):
        warning = HealthWarning.from_dict({"node_id": "fc1", "kind": "x", "message": text, **extra})
        assert warning.message == text and not isinstance(warning.message, Message), extra
