"""The preview's sample: a few images decoded, whatever the dataset's size, and the class counts
from the file listing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from netstudio.training.data_config import DataConfig
from netstudio.training.loaded_data import TensorSplit
from netstudio.training.preview_sample import read_sample
from netstudio.training.sources import load_data


def _noise_folder(root: Path, counts: dict[str, int]) -> Path:
    from PIL import Image

    rng = np.random.default_rng(5)
    for name, count in counts.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (9, 9, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def test_the_preview_decodes_only_its_sample_and_counts_every_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    root = _noise_folder(tmp_path, {"ant": 40, "bee": 25, "cow": 12})
    config = DataConfig(source="image_folder", params={"resize": 6})
    opened: list[str] = []
    real_open = Image.open

    def counting_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    sample = read_sample(config, data_root=root, per_class=3)
    assert len(opened) == 9  # 3 per class, nothing else decoded
    assert sample.x.shape == (9, 3, 6, 6) and sample.x.dtype == torch.float32
    assert sample.y.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert sample.total == 77 and sample.stats_sample == 9
    monkeypatch.setattr(Image, "open", real_open)

    data = load_data(config, data_root=root)
    assert isinstance(data.train, TensorSplit)
    assert sample.counts == torch.bincount(data.train.y, minlength=3).tolist()
    assert sample.train_count == len(data.train)
    shown = data.denormalize(data.train.x)
    for row, label in enumerate(sample.y.tolist()):
        index = torch.nonzero(data.train.y == label)[row % 3, 0]
        assert torch.allclose(sample.x[row], shown[index], atol=1e-5)


def test_a_source_read_whole_is_sampled_from_its_training_split() -> None:
    sample = read_sample(DataConfig(source="digits"), per_class=2, max_classes=4)
    assert sample.classes is not None and len(sample.classes) == 10
    assert sample.y.tolist() == [0, 0, 1, 1, 2, 2, 3, 3]
    assert sample.x.shape == (8, 1, 8, 8) and float(sample.x.min()) >= 0
    assert sample.counts is not None and sum(sample.counts) == sample.train_count
    assert sample.stats_sample == 0 and sample.mean is not None
