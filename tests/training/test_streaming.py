"""Streaming from disk: the same splits, normalisation, augmentation and batches as the
preloaded path; the trainer takes it and says so; unreadable files and dying workers."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import numpy as np
import pytest
import torch

from netstudio.core.graph import NetworkGraph
from netstudio.training.batches import LoaderBatches, TensorBatches, make_batches
from netstudio.training.config import TrainingConfig
from netstudio.training.data_config import AugmentConfig, DataConfig
from netstudio.training.loaded_data import TensorSplit
from netstudio.training.results import TrainerCallbacks, TrainingFailure
from netstudio.training.sources import DataError, load_data
from netstudio.training.streaming import StreamSplit
from netstudio.training.trainer import Trainer

AUGMENT = AugmentConfig(random_crop_padding=1, horizontal_flip=True, rotation_degrees=10)


def _noise_folder(root: Path, per_class: int = 12, size: tuple[int, int] = (10, 7)) -> Path:
    from PIL import Image

    rng = np.random.default_rng(3)
    for name in ("ant", "bee", "cow"):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            pixels = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    return root


def _config(streaming: str, **fields: object) -> DataConfig:
    return DataConfig(source="image_folder", params={"resize": 6}, streaming=streaming, **fields)  # type: ignore[arg-type]


def _batches(batches) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x.clone(), y.clone()) for x, y in batches]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        torch.equal(xa, xb) and torch.equal(ya, yb) for (xa, ya), (xb, yb) in zip(a, b, strict=True)
    )


def test_streaming_gives_the_preloaded_splits_statistics_and_batches(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path)
    fast = load_data(_config("never", augment=AUGMENT), data_root=root)
    streamed = load_data(_config("always", augment=AUGMENT), data_root=root)
    assert isinstance(fast.train, TensorSplit) and isinstance(streamed.train, StreamSplit)
    assert streamed.loading.startswith("streaming from disk: the data settings ask for it")
    assert fast.loading.startswith("in memory: the data settings turn streaming off (the data")
    assert fast.mean == streamed.mean and fast.std == streamed.std
    assert streamed.stats_sample == 0  # every training image: fewer than the sample size
    assert fast.summary() == streamed.summary()
    for name in ("train", "val", "test"):
        assert torch.equal(getattr(fast, name).y, getattr(streamed, name).y)
    train = make_batches(fast.train, 5, train=True, seed=4, augment=AUGMENT)
    # one worker process decodes the images, as a real streamed run does
    stream = make_batches(streamed.train, 5, train=True, seed=4, augment=AUGMENT, num_workers=1)
    assert isinstance(train, TensorBatches) and isinstance(stream, LoaderBatches)
    assert stream.loader.num_workers == 1 and stream.loader.persistent_workers
    for epoch in (0, 1):
        train.set_epoch(epoch)
        stream.set_epoch(epoch)
        assert _same(_batches(train), _batches(stream))
    val = make_batches(fast.val, 4, train=False)
    val_stream = make_batches(streamed.val, 4, train=False, num_workers=0)
    assert _same(_batches(val), _batches(val_stream))


def _mlp(features: int, classes: int) -> NetworkGraph:
    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": (features,)})
    graph.add_node("Linear", node_id="fc", name="fc", params={"out_features": classes})
    graph.add_node("Output", node_id="output", name="output")
    graph.connect("input", "out", "fc", "in")
    graph.connect("fc", "out", "output", "in")
    return graph


def _train(data, epochs: int = 2, callbacks: TrainerCallbacks | None = None):
    config = TrainingConfig(device="cpu", batch_size=8, epochs=epochs)
    trainer = Trainer(_mlp(3 * 6 * 6, 3), data, config, callbacks=callbacks, augment=AUGMENT)
    return trainer.run()


def test_the_trainer_streams_with_the_losses_of_the_preloaded_run(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path)
    fast = _train(load_data(_config("never", augment=AUGMENT), data_root=root))
    streamed = _train(load_data(_config("always", augment=AUGMENT), data_root=root))
    assert fast.failure is None and streamed.failure is None, streamed.failure
    for a, b in zip(fast.epochs, streamed.epochs, strict=True):
        assert a.train_loss == pytest.approx(b.train_loss, abs=1e-6)
        assert a.val_loss == pytest.approx(b.val_loss, abs=1e-6)
    assert fast.test_accuracy == streamed.test_accuracy
    assert streamed.notes[-1].startswith("streaming from disk: the data settings ask for it")
    assert fast.notes[-1].startswith("in memory: ")


def test_a_few_unreadable_images_are_left_out_and_named(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path, per_class=40)  # 120 images: 1 may be left out
    broken = root / "bee" / "3.png"
    broken.write_bytes(b"not an image at all")
    data = load_data(_config("never"), data_root=root)
    assert len(data.train) + len(data.val) + len(data.test) == 119
    assert data.notes == (
        f"left out 1 unreadable image of 120 under {root} (up to 1% are left out): {broken}",
    )
    result = _train(data, epochs=1)
    assert result.notes[0] == data.notes[0]


def test_more_unreadable_images_than_the_threshold_are_refused(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path, per_class=20)  # 60 images: none may be left out
    for name in ("ant/1.png", "bee/2.png", "cow/3.png", "cow/4.png"):
        (root / name).write_bytes(b"garbage")
    with pytest.raises(DataError) as err:
        load_data(_config("never"), data_root=root)
    message = str(err.value)
    assert message.startswith(f"4 of the 60 images under {root} cannot be read, more than the 1%")
    assert f"{root / 'ant/1.png'}, {root / 'bee/2.png'}, {root / 'cow/3.png'}, …" in message
    assert "\n" not in message


def test_an_unreadable_image_met_while_streaming_stops_the_run_naming_it(tmp_path: Path) -> None:
    root = _noise_folder(tmp_path)
    data = load_data(_config("always", normalize=False), data_root=root)
    assert isinstance(data.train, StreamSplit)
    broken = Path(data.train.paths[5])
    broken.write_bytes(b"garbage")
    result = _train(data, epochs=1)
    assert result.status == "failed" and result.failure is not None
    assert result.failure.kind == "data"
    assert result.failure.message.startswith(f"Could not read the image {broken}")
    assert "\n" not in result.failure.message


def test_a_worker_that_dies_stops_the_run_and_keeps_its_metrics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import netstudio.training.streaming as streaming

    root = _noise_folder(tmp_path)
    data = load_data(_config("always"), data_root=root)
    marker = tmp_path / "die"
    real = streaming.read_image

    def read_or_die(*args, **kwargs):
        if marker.exists() and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
        return real(*args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(streaming, "read_image", read_or_die)

    class DieAfterFirstEpoch(TrainerCallbacks):
        def epoch_ended(self, metrics) -> None:
            marker.touch()

    monkeypatch.setattr("netstudio.training.batches.default_workers", lambda: 1)
    result = _train(data, epochs=3, callbacks=DieAfterFirstEpoch())
    assert result.status == "failed" and result.failure is not None
    assert result.failure.kind == "data"
    assert result.failure.message.startswith("a process reading the data stopped (")
    assert "\n" not in result.failure.message
    assert len(result.epochs) == 1  # the first epoch's metrics are kept


def test_a_worker_error_is_one_line() -> None:
    from netstudio.training.batches import loader_batches

    class Broken(torch.utils.data.Dataset):
        def __len__(self) -> int:
            return 4

        def __getitem__(self, index: int):
            raise DataError(f"Could not read the image /data/{index}.png: it is corrupt")

    with pytest.raises(TrainingFailure) as err:
        list(loader_batches(Broken(), 2, shuffle=False, num_workers=1))
    assert str(err.value) == "Could not read the image /data/0.png: it is corrupt"


def test_a_streamed_dataset_normalises_with_statistics_of_a_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import netstudio.training.streaming as streaming

    root = _noise_folder(tmp_path, per_class=20)
    monkeypatch.setattr(streaming, "STATS_SAMPLE", 10)
    streamed = load_data(_config("always"), data_root=root)
    fast = load_data(_config("never"), data_root=root)
    assert streamed.stats_sample == 10 < len(streamed.train)
    assert streamed.mean is not None and fast.mean is not None
    assert streamed.mean != fast.mean  # another sample, nearby numbers
    assert np.allclose(streamed.mean, fast.mean, atol=0.05)


def test_a_background_thread_streams_through_a_forkserver(tmp_path: Path) -> None:
    """The app trains on a worker thread: its loader workers must not be forked from it."""
    import threading

    root = _noise_folder(tmp_path, per_class=3)
    data = load_data(_config("always"), data_root=root)
    here = make_batches(data.train, 4, train=True, num_workers=0)
    got: list = []

    def read() -> None:
        batches = make_batches(data.train, 4, train=True, num_workers=1)
        assert isinstance(batches, LoaderBatches)
        got.append(batches.loader.multiprocessing_context.get_start_method())
        got.append(_batches(batches))

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(timeout=60)
    assert got[0] == "forkserver"
    assert _same(got[1], _batches(here))


def test_train_says_which_path_the_data_takes_and_records_it(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import json

    from netstudio.cli import main
    from netstudio.io import load_project, save_project

    root = _noise_folder(tmp_path / "images", per_class=4)
    examples = Path(__file__).resolve().parents[2] / "netstudio" / "examples"
    project = load_project(examples / "digits_mlp.net")
    project.data = {"source": "image_folder", "params": {"resize": 80}, "root": str(root)}
    project.graph.set_params("input", {"shape": (3 * 80 * 80,)})
    project.graph.set_params("fc2", {"out_features": 3})
    path = tmp_path / "images.net"
    save_project(project, path)
    args = ["--epochs", "1", "--device", "cpu", "--out", str(tmp_path / "runs")]
    code = main(["train", str(path), *args, "--memory-budget", "1", "--json"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    line = "data: streaming from disk: the data needs ~1.1 MiB in memory, over the 1.0 MiB budget"
    assert out[1] == line
    record = json.loads((Path(json.loads(out[-1])["run_dir"]) / "result.json").read_text())
    assert line.removeprefix("data: ") in record["notes"]
