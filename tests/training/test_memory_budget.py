"""The memory estimate of preloading, measured against the real peak; the budget and the path
it picks (in memory or streaming from disk), and the setting and option that set it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from netstudio.training.data_config import DataConfig
from netstudio.training.memory_budget import (
    DEFAULT_SHARE,
    gib,
    memory_budget,
    plan_loading,
    preload_bytes,
)
from netstudio.training.sources import DataError, load_data

_MEASURE = textwrap.dedent(
    """
    import gc, sys
    from pathlib import Path

    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    def status(field):
        with open("/proc/self/status") as lines:
            for line in lines:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024  # kB

    root, size = Path(sys.argv[1]), int(sys.argv[2])
    def config(resize):
        return DataConfig(source="image_folder", params={"resize": resize}, streaming="never")
    load_data(config(4), data_root=root)  # every import and thread pool warmed up, tiny
    grown = []
    for _ in range(2):  # the smaller growth of two: the other may include a stranger's noise
        gc.collect()
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # resets the peak resident size (VmHWM) to the current one
        before = status("VmRSS")
        data = load_data(config(size), data_root=root)
        grown.append(status("VmHWM") - before)
        count = len(data.train) + len(data.val) + len(data.test)
        del data
    print(min(grown), count)
    """
)


def _noise_folder(root: Path, classes: int = 3, per_class: int = 100) -> Path:
    from PIL import Image

    rng = np.random.default_rng(0)
    for c in range(classes):
        (root / f"c{c}").mkdir(parents=True)
        for i in range(per_class):
            pixels = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / f"c{c}" / f"{i}.png")
    return root


@pytest.mark.skipif(sys.platform != "linux", reason="reads the peak from /proc/self/status")
def test_the_estimate_matches_the_measured_peak(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path / "images")
    size = 128  # 300 images of 3×128×128: 14.7 MB decoded, well above allocator noise
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(root), str(size)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        # big blocks always straight from the system and back: glibc would otherwise keep freed
        # blocks for reuse, and the second load would seem to need less
        env={**os.environ, "MALLOC_MMAP_THRESHOLD_": "65536"},
    )
    grown, count = map(int, done.stdout.split())
    estimate = preload_bytes(count, (3, size, size))
    assert count == 300
    assert 0.7 * estimate <= grown <= 1.1 * estimate, (grown, estimate)


def test_the_budget_is_the_setting_or_a_share_of_the_available_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psutil  # type: ignore[import-untyped,unused-ignore]

    class Memory:
        available = 8 * 2**30

    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory())
    assert memory_budget(None) == int(8 * 2**30 * DEFAULT_SHARE)
    assert memory_budget(300) == 300 * 2**20
    with pytest.raises(DataError, match="at least 1 MB, got 0"):
        memory_budget(0)


def test_the_plan_says_which_path_and_why() -> None:
    over = plan_loading("auto", int(7.7 * 2**30), 4 * 2**30, True, "Image folder")
    assert over.streaming
    assert over.reason == (
        "streaming from disk: the data needs ~7.7 GiB in memory, over the 4.0 GiB budget"
    )
    under = plan_loading("auto", 3 * 2**20, 4 * 2**30, True, "Image folder")
    assert not under.streaming and under.reason.startswith("in memory: the data needs ~3.0 MiB")
    assert plan_loading("always", 10, 2**30, True, "Image folder").streaming
    never = plan_loading("never", 2**31, 2**30, True, "Image folder")
    assert not never.streaming and "over the 1.0 GiB budget" in never.reason
    whole = plan_loading("always", 2**31, 2**30, False, "MNIST")
    assert not whole.streaming and whole.reason.startswith("in memory: MNIST is always read whole")
    assert gib(1536) == "1.5 KiB" and gib(5) == "5 B"


def test_a_tiny_budget_streams_the_folder_and_a_large_one_preloads(
    tmp_path: Path, write_image_folder
) -> None:
    root = write_image_folder(tmp_path / "images", per_class=4)
    tiny = DataConfig(source="image_folder", params={"resize": 8}, memory_budget_mb=1)
    big = DataConfig(source="image_folder", params={"resize": 8}, memory_budget_mb=10)
    # 12 images of 3×8×8: 11.5 KiB preloaded; resize 300 makes it 6.2 MiB, over 1 MiB
    assert not load_data(tiny, data_root=root).streaming
    huge = tiny.model_copy(update={"params": {"resize": 300}})
    streamed = load_data(huge, data_root=root)
    assert streamed.streaming
    assert streamed.loading == (
        "streaming from disk: the data needs ~15.4 MiB in memory, over the 1.0 MiB budget"
    )
    assert not load_data(big, data_root=root).streaming
    never = huge.model_copy(update={"streaming": "never"})
    assert not load_data(never, data_root=root).streaming


def test_the_data_settings_refuse_a_bad_budget_or_streaming_choice() -> None:
    from netstudio.training.sources import data_problems

    found = data_problems({"memory_budget_mb": 0, "streaming": "sometimes"})
    paths = sorted(problem.path for problem in found)
    assert paths == ["data.memory_budget_mb", "data.streaming"]
    assert DataConfig().streaming == "auto" and DataConfig().memory_budget_mb is None
