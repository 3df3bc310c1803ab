"""An image folder's preview without PyTorch: the same splits as scikit-learn draws, the same
images, classes and counts as the PyTorch path (`preview_sample.read_sample`), and no torch,
torchvision or scikit-learn imported on the way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from netstudio.training.data_config import DataConfig
from netstudio.training.folder_preview import read_folder_sample
from netstudio.training.seeded_split import split_plan as numpy_split_plan


def _noise_folder(root: Path, counts: dict[str, int], size: tuple[int, int] = (9, 7)) -> Path:
    """Noise PNGs (`size` = width, height) in one sub-folder per class."""
    from PIL import Image

    rng = np.random.default_rng(3)
    for name, count in counts.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i:03}.png")
    return root


@pytest.mark.parametrize(
    ("n", "classes", "val", "test", "seed", "official"),
    [
        (77, 3, 0.1, 0.2, 0, False),  # the defaults
        (200, 7, 0.15, 0.25, 123456789, False),
        (50, 2, 0.33, 0.0, 4, False),  # no test split
        (61, 4, 0.0, 0.3, 9, False),  # no validation split
        (40, 3, 0.2, 0.2, 2**32 - 1, True),  # the folder has its own test split
        (30, 12, 0.1, 0.2, 1, False),  # too many classes to stratify: a plain shuffle
        (25, 3, 0.5, 0.5, 8, False),  # unequal classes, ties broken by the seed
    ],
)
def test_the_numpy_split_is_scikit_learns(
    n: int, classes: int, val: float, test: float, seed: int, official: bool
) -> None:
    import torch

    from netstudio.training.loaded_data import split_plan

    y = np.random.default_rng(n).integers(0, classes, n)
    config = DataConfig(val_fraction=val, test_fraction=test, seed=seed)
    want = split_plan(torch.from_numpy(y), official, config, True)
    got = numpy_split_plan(y, official, val, test, seed)
    assert got is not None
    for mine, theirs in zip(got, want, strict=True):
        if theirs is None:
            assert mine is None
        else:
            assert np.array_equal(mine, theirs.numpy())


def test_where_scikit_learn_refuses_to_split_the_numpy_split_leaves_it_to_say_why() -> None:
    import torch

    from netstudio.training.loaded_data import DataError, split_plan

    y = np.array([0, 1])
    config = DataConfig(val_fraction=0.5, test_fraction=0.5)
    with pytest.raises(DataError):
        split_plan(torch.from_numpy(y), False, config, True)
    assert numpy_split_plan(y, False, 0.5, 0.5, 0) is None


@pytest.mark.parametrize("resize", [0, 5])
def test_the_folder_sample_equals_the_pytorch_paths(tmp_path: Path, resize: int) -> None:
    from netstudio.training.preview_sample import read_sample

    root = _noise_folder(tmp_path / "pets", {"ant": 30, "bee": 19, "cow": 11, "dog": 4})
    config = DataConfig(source="image_folder", root=str(root), params={"resize": resize}, seed=5)
    want = read_sample(config, per_class=6, max_classes=3)
    got = read_folder_sample(config, per_class=6, max_classes=3)
    assert got is not None
    assert got.classes == want.classes == ["ant", "bee", "cow", "dog"]
    assert got.counts == want.counts and sum(got.counts) == got.train_count == want.train_count
    assert got.total == want.total == 64
    assert got.input_shape == want.input_shape == ((3, 5, 5) if resize else (3, 7, 9))
    assert got.name == want.name
    # The same images, in the same order, with the very same pixel values.
    assert got.x.dtype == np.float32 and np.array_equal(got.x, want.x.numpy())
    assert np.array_equal(got.y, want.y.numpy())
    assert [int((got.y == c).sum()) for c in range(3)] == [6, 6, 6]
    # The normalisation: per channel over the images shown (float32 sums differ in the last bit).
    assert want.mean is not None and want.std is not None
    assert np.allclose(got.mean, want.mean, rtol=1e-5) and np.allclose(got.std, want.std, rtol=1e-5)


def test_the_early_preview_draws_what_the_pytorch_path_read(tmp_path: Path) -> None:
    """`early_preview` (no PyTorch) against `read_sample` (PyTorch): what the Data preview
    shows, row by row, and the training image the augmentation grid starts from."""
    from netstudio.gui.panels.preview_data import early_preview
    from netstudio.training.preview_sample import read_sample

    root = _noise_folder(tmp_path / "pets", {"ant": 30, "bee": 19, "cow": 11})
    config = DataConfig(source="image_folder", root=str(root), params={"resize": 6})
    preview = early_preview(config, None)
    want = read_sample(config)
    assert preview is not None and want.counts is not None
    assert preview.counts == want.counts and preview.count_labels == ["ant", "bee", "cow"]
    assert (preview.train_count, preview.total, preview.input_shape) == (
        want.train_count,
        want.total,
        (3, 6, 6),
    )
    x, y = want.x.numpy(), want.y.numpy()
    assert [name for name, _ in preview.samples] == ["ant", "bee", "cow"]
    for index, (_, shown) in enumerate(preview.samples):
        assert np.array_equal(shown, x[y == index])
    mean = np.asarray(want.mean, dtype=np.float32).reshape(-1, 1, 1)
    std = np.asarray(want.std, dtype=np.float32).reshape(-1, 1, 1)
    assert preview.augment_source is not None
    assert np.allclose(preview.augment_source, (x[0] - mean) / std, atol=1e-5)


def test_an_image_folder_previews_without_importing_torch(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path / "pets", {"ant": 12, "bee": 9})
    code = f"""
import json, sys
from netstudio.gui.panels.preview_data import early_preview
from netstudio.training.data_config import DataConfig
preview = early_preview(DataConfig(source="image_folder", root={str(root)!r}), None)
heavy = ("torch", "torchvision", "sklearn", "scipy")
print(json.dumps([preview.counts, preview.decoded, [m for m in heavy if m in sys.modules]]))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    counts, decoded, imported = json.loads(done.stdout.splitlines()[-1])
    assert imported == []
    # 21 images: 5 (20 %) for test, 2 of the 16 left (10 %) for validation, 14 to train.
    assert sum(counts) == 14 and decoded == 14


@pytest.mark.parametrize("streaming", ["never", "always"])
def test_the_preview_counts_the_split_training_reads(tmp_path: Path, streaming: str) -> None:
    """The class balance drawn without PyTorch is that of the training split `load_data`
    makes, preloaded or streamed from disk."""
    import torch

    from netstudio.training.loaded_data import read_samples
    from netstudio.training.sources import load_data

    root = _noise_folder(tmp_path / "pets", {"ant": 23, "bee": 17, "cow": 9})
    config = DataConfig(
        source="image_folder", root=str(root), params={"resize": 4}, streaming=streaming, seed=3
    )
    sample = read_folder_sample(config, per_class=2)
    data = load_data(config)
    assert sample is not None and data.classes == sample.classes
    train_y = read_samples(data.train, range(len(data.train))).y
    assert torch.bincount(train_y, minlength=3).tolist() == sample.counts
    assert (len(data.train), len(data.train) + len(data.val) + len(data.test)) == (
        sample.train_count,
        sample.total,
    )
