"""Data of any size: `python benchmarks/bench_data_scale.py [--images 5000 20000] [--workers 2]`.

Writes an ImageFolder of generated JPEGs (10 classes, `--size` pixels square, kept in
`--folder` between runs) and reads it for one epoch three ways, each in a fresh process:

- ``streaming``: NetStudio's streaming path (`load_data` with streaming "always", then the
  trainer's batches: DataLoader workers, the same splits, normalisation and order);
- ``torchvision``: a plain torchvision ImageFolder + DataLoader script with the same workers,
  batch size and transforms (ToTensor, Normalize);
- ``preloaded``: NetStudio's fast path (every image decoded into memory first).

Then, for the decoded-image cache (the Data panel's "Cache decoded images on disk"), two epochs
of the streaming path each way, in fresh processes: ``streamed x2`` decodes every image in both
epochs, ``cached x2`` keeps the decoded images on disk (a fresh cache folder) in the first epoch
and reads them back in the second; the ratio of the second epochs' throughput is printed.

For each: the time to the first batch (from the start, listing and decoding included), the
epoch's throughput in images per second, and the peak memory (the main process's peak RSS and
the peak sum of RSS over the process and its loader workers, sampled). Goal (issue 21):
streaming is at least 0.9x the torchvision script's throughput, in bounded memory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GOAL = 0.9
CLASSES = 10


def write_folder(root: Path, images: int, size: int, processes: int = 1) -> Path:
    """ROOT/c<k>/<i>.jpg: `images` noisy gradients, spread over `CLASSES` classes; with
    `processes` > 1 the files are written by that many processes (100,000 take minutes)."""
    folder = root / f"jpeg_{images}_{size}"
    if (folder / "done").exists():
        return folder
    if processes > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(processes) as pool:
            jobs = [
                pool.submit(_write_images, folder, range(part, images, processes), size, part)
                for part in range(processes)
            ]
            for job in jobs:
                job.result()
    else:
        _write_images(folder, range(images), size, 0)
    (folder / "done").touch()
    return folder


def _write_images(folder: Path, indices: range, size: int, seed: int) -> None:
    """The images numbered `indices` of `write_folder`."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 255, size, dtype=np.float32)
    for index in indices:
        label = index % CLASSES
        (folder / f"c{label}").mkdir(parents=True, exist_ok=True)
        base = (ramp[None, :, None] * (label + 1) / CLASSES).repeat(size, 0).repeat(3, 2)
        noise = rng.normal(0, 30, (size, size, 3))
        pixels = np.clip(base + noise, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(folder / f"c{label}" / f"{index}.jpg", quality=90)


class TreeMemory:
    """The peak of the summed RSS of this process and its children, sampled every 20 ms."""

    def __init__(self) -> None:
        import psutil  # type: ignore[import-untyped,unused-ignore]

        self.process = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil  # type: ignore[import-untyped,unused-ignore]

        while not self._stop.wait(0.02):
            total = 0
            for proc in [self.process, *self.process.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _measure(mode: str, folder: Path, workers: int, batch_size: int) -> dict[str, float]:
    """One epoch of `mode` over `folder`, in this process (two for the cache modes)."""
    import torch

    if mode in CACHE_MODES:
        return _measure_epochs(mode, folder, workers, batch_size)

    memory = TreeMemory()
    start = time.perf_counter()
    first = None
    seen = 0
    batches: Iterator[Any]
    if mode == "torchvision":
        from torchvision import datasets, transforms

        transform = transforms.Compose(
            [transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.25, 0.25, 0.25))]
        )
        dataset = datasets.ImageFolder(str(folder), transform=transform)
        loader = torch.utils.data.DataLoader(
            dataset,
            batch_size=batch_size,
            shuffle=True,
            num_workers=workers,
            persistent_workers=workers > 0,
        )
        batches = iter(loader)
    else:
        from netstudio.training.batches import make_batches
        from netstudio.training.data_config import DataConfig
        from netstudio.training.sources import load_data

        config = DataConfig(
            source="image_folder",
            params={"resize": 0},  # the files' own size, as the torchvision script reads them
            streaming="always" if mode == "streaming" else "never",
            val_fraction=0.0,
            test_fraction=0.0,
        )
        data = load_data(config, data_root=folder)
        batches = iter(make_batches(data.train, batch_size, train=True, num_workers=workers))
    for x, _ in batches:
        if first is None:
            first = time.perf_counter() - start
            epoch_start = time.perf_counter()
        seen += len(x)
        x.sum()  # touch the batch, as a model would
    epoch = time.perf_counter() - epoch_start
    tree = memory.stop()
    return {
        "first_batch_s": first or 0.0,
        "images_per_s": seen / epoch if epoch > 0 else 0.0,
        "seen": seen,
        "peak_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_tree_mb": tree / 2**20,
    }


#: Two streamed epochs without and with the decoded-image cache.
CACHE_MODES = ("streamed x2", "cached x2")


def _measure_epochs(mode: str, folder: Path, workers: int, batch_size: int) -> dict[str, float]:
    """Two streamed epochs over `folder`; with "cached x2" the decoded images are cached in a
    fresh folder (removed afterwards). Throughput of each epoch."""
    import shutil
    import tempfile

    from netstudio.training import decoded_cache
    from netstudio.training.batches import make_batches
    from netstudio.training.data_config import DataConfig
    from netstudio.training.sources import load_data

    cache_dir = Path(tempfile.mkdtemp(prefix="netstudio_bench_cache_", dir=folder.parent))
    os.environ[decoded_cache.CACHE_ENV] = str(cache_dir)
    try:
        config = DataConfig(
            source="image_folder",
            params={"resize": 0},
            streaming="always",
            val_fraction=0.0,
            test_fraction=0.0,
            decoded_cache=mode == "cached x2",
        )
        data = load_data(config, data_root=folder)
        batches = make_batches(data.train, batch_size, train=True, num_workers=workers)
        speeds = []
        for epoch in range(2):
            batches.set_epoch(epoch)
            start, seen = time.perf_counter(), 0
            for x, _ in batches:
                seen += len(x)
                x.sum()
            speeds.append(seen / (time.perf_counter() - start))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return {"epoch1_images_per_s": speeds[0], "epoch2_images_per_s": speeds[1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, nargs="+", default=[2000])
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/netstudio_bench_data"))
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["torchvision", "streaming", "preloaded", *CACHE_MODES],
        choices=["torchvision", "streaming", "preloaded", *CACHE_MODES],
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # internal: one mode, one process
    options = parser.parse_args(argv)
    if options.measure:
        folder = write_folder(options.folder, options.images[0], options.size)
        result = _measure(options.measure, folder, options.workers, options.batch_size)
        print(json.dumps(result))
        return 0
    print(
        f"{'images':>8} {'path':<12} {'first batch':>11} {'images/s':>9} "
        f"{'peak main':>10} {'peak+workers':>12}"
    )
    for count in options.images:
        write_folder(options.folder, count, options.size)
        rows = {}
        for mode in options.modes:
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    mode,
                    "--images",
                    str(count),
                    "--size",
                    str(options.size),
                    "--workers",
                    str(options.workers),
                    "--batch-size",
                    str(options.batch_size),
                    "--folder",
                    str(options.folder),
                ],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            row = rows[mode] = json.loads(done.stdout.strip().splitlines()[-1])
            if mode in CACHE_MODES:
                print(
                    f"{count:>8} {mode:<12} epoch 1 {row['epoch1_images_per_s']:>7.0f} images/s,"
                    f" epoch 2 {row['epoch2_images_per_s']:>7.0f} images/s"
                )
                continue
            print(
                f"{count:>8} {mode:<12} {row['first_batch_s']:>10.2f}s "
                f"{row['images_per_s']:>9.0f} {row['peak_main_mb']:>8.0f}MB "
                f"{row['peak_tree_mb']:>10.0f}MB"
            )
        if "streaming" in rows and "torchvision" in rows:
            ratio = rows["streaming"]["images_per_s"] / rows["torchvision"]["images_per_s"]
            verdict = "meets" if ratio >= GOAL else "misses"
            print(f"{count:>8} streaming / torchvision throughput {ratio:.2f}x ({verdict} {GOAL}x)")
        if all(mode in rows for mode in CACHE_MODES):
            cached, plain = (rows[mode]["epoch2_images_per_s"] for mode in reversed(CACHE_MODES))
            print(
                f"{count:>8} epoch 2 with / without the decoded-image cache {cached / plain:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
