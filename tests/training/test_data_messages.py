"""Data, checkpoint, device and project-file problems are messages with stable codes: the same
English as before (the CLI and the tests see no change), their arguments kept for the app to
translate, and every template in the Chinese catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from netstudio.core.messages import Message
from netstudio.io.errors import FileProblem, ProjectFileError
from netstudio.training import checkpoint_messages, data_messages
from netstudio.training.csv_source import read_table
from netstudio.training.devices import DeviceError, resolve_device
from netstudio.training.folder_source import judge_skipped
from netstudio.training.loaded_data import DataError
from netstudio.training.memory_budget import plan_loading


def test_a_csv_cell_that_is_not_a_number_names_its_place(tmp_path: Path) -> None:
    from netstudio.training.csv_source import numbers

    path = tmp_path / "d.csv"
    path.write_text("a,b\n1,x\n")
    with pytest.raises(DataError) as caught:
        numbers(read_table(path, ",", True), [0, 1])
    message = caught.value.args[0]
    assert message == "d.csv line 2, column 'b': 'x' is not a number"
    assert isinstance(message, Message) and message.code == "data.not-a-number"
    assert message.args["cell"] == "x" and message.args["where"].code == "data.csv-where"


def test_the_loading_plan_reads_as_before_with_its_sizes() -> None:
    plan = plan_loading("auto", 980_000, 9 * 2**30, True, "CSV")
    assert (
        plan.reason == "in memory: the data needs ~957.0 KiB in memory, within the 9.0 GiB budget"
    )
    assert plan.reason.code == "data.plan-within" and plan.reason.args["size"] == "957.0 KiB"
    over = plan_loading("never", 2 * 2**30, 2**30, True, "CSV").reason
    assert over == (
        "in memory: the data settings turn streaming off (the data needs ~2.0 GiB in memory, "
        "over the 1.0 GiB budget)"
    )
    assert plan_loading("auto", None, 2**30, False, "MNIST").reason == (
        "in memory: MNIST is always read whole"
    )


def test_left_out_images_are_one_sentence_in_the_singular_and_in_the_plural() -> None:
    error = DataError(data_messages.IMAGE_UNIDENTIFIED(path="a.png"))
    one = judge_skipped([("a.png", error)], 200, Path("root"))
    assert one == "left out 1 unreadable image of 200 under root (up to 1% are left out): a.png"
    two = judge_skipped([("a.png", error), ("b.png", error)], 200, Path("root"))
    assert two == (
        "left out 2 unreadable images of 200 under root (up to 1% are left out): a.png, b.png"
    )
    assert (one.code, two.code) == ("data.left-out-one", "data.left-out-many")


def test_a_device_error_is_a_message() -> None:
    with pytest.raises(DeviceError) as caught:
        resolve_device("tpu")
    assert str(caught.value) == "unknown device 'tpu': use auto, cpu, cuda or mps"
    assert caught.value.args[0].code == "device.unknown"


def test_more_file_problems_are_one_whole_sentence_each() -> None:
    one = ProjectFileError([FileProblem("a", "x"), FileProblem("b", "y")], Path("p.net"))
    assert str(one) == "p.net: a: x (and 1 more problem)"
    three = ProjectFileError([FileProblem("a", "x")] * 3)
    assert str(three) == "a: x (and 2 more problems)"
    assert str(three).code == "file.and-more" and str(three).args["count"] == 2


def test_every_new_template_is_translated_with_its_fields() -> None:
    import netstudio.io.problem_messages  # noqa: F401
    from tests.core.test_messages import (
        test_every_template_of_the_app_is_in_the_catalogue_translated_with_its_fields as check,
    )

    assert checkpoint_messages.MISMATCH.code in {t.code for t in _templates()}
    check()


def _templates() -> list:
    from netstudio.core.messages import TEMPLATES

    return list(TEMPLATES.values())
