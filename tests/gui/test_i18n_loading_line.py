"""The loading line beside a run ("Loading the data — reading data.csv: 40,000 / 100,000 rows")
is shown in the app's language: the headless progress message is translated, not its English."""

from __future__ import annotations

import pytest

from netstudio.gui.training.panel import loading_text
from netstudio.training import data_messages as words
from netstudio.training.loading_progress import LoadingProgress


def _progress() -> LoadingProgress:
    return LoadingProgress(words.READING(name="data.csv"), 40_000, 100_000, 2.0, unit="rows")


@pytest.mark.usefixtures("chinese")
def test_the_loading_line_is_chinese_in_the_chinese_app(qapp) -> None:
    text = loading_text(_progress())
    assert "data.csv" in text and "40,000 / 100,000" in text
    assert "reading" not in text and "rows" not in text and "ETA" not in text
    assert "正在读取" in text and "行" in text


def test_the_loading_line_in_english(qapp) -> None:
    text = loading_text(_progress())
    assert text == "Loading the data — reading data.csv: 40,000 / 100,000 rows · ETA 0:03"
