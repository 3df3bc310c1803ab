"""The memory a CSV table takes when it is preloaded: the estimate Train plans with
(`CsvSource.memory_needed`, from a count of the file's lines, its columns and the chunk size)
against the process's measured peak, and the table read in chunks (never as text whole)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from netstudio.training.csv_reading import count_lines
from netstudio.training.data_config import DataConfig
from netstudio.training.memory_budget import table_bytes
from netstudio.training.sources import get_source, load_data

#: How far the measured peak may be from the estimate (the estimate measured within ~15 %).
TOLERANCE = 0.25

_MEASURE = textwrap.dedent(
    """
    import gc, sys
    from pathlib import Path

    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import get_source, load_data

    def status(field):
        with open("/proc/self/status") as lines:
            for line in lines:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024  # kB

    folder = Path(sys.argv[1])
    source = get_source("csv")
    for name, task in (("warm.csv", "classification"), *zip(sys.argv[2::2], sys.argv[3::2])):
        params = {"file": name, "task": task}
        config = DataConfig(source="csv", params=params, streaming="never")
        grown = []
        for _ in range(2):  # the smaller growth of two: the other may include a stranger's noise
            gc.collect()
            with open("/proc/self/clear_refs", "w") as clear:
                clear.write("5")  # resets the peak resident size (VmHWM) to the current one
            before = status("VmRSS")
            data = load_data(config, data_root=folder)
            grown.append(status("VmHWM") - before)
            del data
        needed = source.memory_needed(source.check_params(params), folder)
        print(name, min(grown), needed)
    """
)


def _table(path: Path, rows: int, features: int, task: str, seed: int = 0) -> Path:
    """A CSV of `rows` rows: `features` numbers with 4 decimals and a last column, a class
    (0-2) or a regression target."""
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(rows, features + 1))
    if task == "classification":
        values[:, -1] = np.arange(rows) % 3
    header = ",".join([*(f"f{i}" for i in range(features)), "target"])
    formats = ["%.4f"] * features + (["%d"] if task == "classification" else ["%.3f"])
    np.savetxt(path, values, fmt=formats, delimiter=",", header=header, comments="")
    return path


@pytest.mark.skipif(sys.platform != "linux", reason="reads the peak from /proc/self/status")
def test_the_estimate_matches_the_measured_peak_of_a_preloaded_table(tmp_path: Path) -> None:
    _table(tmp_path / "warm.csv", 50, 3, "classification")  # imports warmed up, tiny
    # Two shapes where different moments peak: many numbers a row (the splits' copies), and
    # few (the split plan's index arrays, and a chunk's text).
    _table(tmp_path / "wide.csv", 25_000, 24, "classification")
    _table(tmp_path / "narrow.csv", 60_000, 4, "regression")
    tables = ("wide.csv", "classification", "narrow.csv", "regression")
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path), *tables],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        # big blocks always straight from the system and back: glibc would otherwise keep freed
        # blocks for reuse, and the second load would seem to need less
        env={**os.environ, "MALLOC_MMAP_THRESHOLD_": "65536"},
    )
    measured = {
        name: (int(grown), int(needed))
        for name, grown, needed in map(str.split, done.stdout.splitlines())
    }
    for name in ("wide.csv", "narrow.csv"):
        grown, needed = measured[name]
        assert (1 - TOLERANCE) * needed <= grown <= (1 + TOLERANCE) * needed, (name, grown, needed)
    # The wide table is ~4.5 MB of text; read whole as text it took ~14 times that.
    wide = (tmp_path / "wide.csv").stat().st_size
    assert measured["wide.csv"][0] < 2 * wide


def test_the_estimate_counts_rows_columns_and_targets_without_parsing(tmp_path: Path) -> None:
    path = _table(tmp_path / "t.csv", 1000, 6, "classification")
    source = get_source("csv")
    params = source.check_params({"file": "t.csv"})
    assert count_lines(path) == 1001  # the header too
    chunk = 1000 * 7  # one chunk holds the whole table
    assert source.memory_needed(params, tmp_path) == table_bytes(1000, 6, chunk, stratified=True)
    regression = source.check_params({"file": "t.csv", "task": "regression"})
    expected = table_bytes(1000, 7, chunk, stratified=False)  # the target is a number too
    assert source.memory_needed(regression, tmp_path) == expected
    # A missing file is not estimated: loading it says what is wrong.
    assert source.memory_needed(source.check_params({"file": "nope.csv"}), tmp_path) is None
    # What the plan says is that number.
    data = load_data(DataConfig(source="csv", params={"file": "t.csv"}), data_root=tmp_path)
    from netstudio.training.memory_budget import gib

    assert f"the data needs ~{gib(source.memory_needed(params, tmp_path) or 0)} in memory" in (
        data.loading
    )


def test_line_counts_are_an_upper_bound_of_the_rows_whatever_the_line_breaks(
    tmp_path: Path,
) -> None:
    cases = {
        "a,b\n1,2\n3,4\n": 3,
        "a,b\n1,2\n3,4": 3,  # no line break at the end
        "a,b\r\n1,2\r\n\r\n3,4\r\n": 4,  # a blank line counts: an upper bound
        "a,b\r1,2\r3,4\r": 3,  # old Mac line breaks
        "": 0,
    }
    for i, (text, lines) in enumerate(cases.items()):
        path = tmp_path / f"{i}.csv"
        path.write_bytes(text.encode())
        assert count_lines(path) == lines, text
