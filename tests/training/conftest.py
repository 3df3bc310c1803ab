"""Small datasets written in the official on-disk formats (the tests have no network).

The writers are handed to tests as fixtures (pytest runs with --import-mode=importlib, so test
modules cannot import helpers)."""

from __future__ import annotations

import gzip
import pickle
import struct
from pathlib import Path

import numpy as np
import pytest

MNIST_TRAIN, MNIST_TEST = 200, 50
CIFAR_PER_BATCH, CIFAR_TEST = 40, 30
CIFAR_CLASSES = [
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
]


def write_idx(path: Path, array: np.ndarray, compress: bool = False) -> None:
    """An IDX file: magic (0, 0, type 0x08 = ubyte, rank), big-endian dims, then the bytes."""
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    payload = header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress:
        Path(f"{path}.gz").write_bytes(gzip.compress(payload))
    else:
        path.write_bytes(payload)


def write_mnist(root: Path, folder: str = "MNIST", compress: bool = False) -> Path:
    """ROOT/<folder>/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte, as torchvision reads."""
    rng = np.random.default_rng(0)
    raw = root / folder / "raw"
    for prefix, count in (("train", MNIST_TRAIN), ("t10k", MNIST_TEST)):
        labels = (np.arange(count) % 10).astype(np.uint8)
        images = rng.integers(0, 256, (count, 28, 28), dtype=np.uint8)
        images[:, 0, 0] = labels  # lets a test find a sample's label from its pixels
        write_idx(raw / f"{prefix}-images-idx3-ubyte", images, compress)
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels, compress)
    return raw


def write_cifar(root: Path) -> Path:
    """ROOT/cifar-10-batches-py with data_batch_1..5, test_batch, batches.meta (pickles)."""
    rng = np.random.default_rng(1)
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    batches = [(f"data_batch_{i}", CIFAR_PER_BATCH) for i in range(1, 6)]
    for name, count in [*batches, ("test_batch", CIFAR_TEST)]:
        entry = {
            "batch_label": name.encode(),
            "labels": [int(i % 10) for i in range(count)],
            "data": rng.integers(0, 256, (count, 3 * 32 * 32), dtype=np.uint8),
            "filenames": [f"{name}_{i}.png".encode() for i in range(count)],
        }
        with open(folder / name, "wb") as handle:
            pickle.dump(entry, handle)
    with open(folder / "batches.meta", "wb") as handle:
        pickle.dump({"label_names": CIFAR_CLASSES, "num_vis": 3072}, handle)
    return folder


def write_image_folder(root: Path, per_class: int = 6, size: tuple[int, int] = (20, 12)) -> Path:
    """ROOT/<class>/<i>.png with three classes of differently coloured RGB images."""
    from PIL import Image

    colours = {"cat": (255, 0, 0), "dog": (0, 255, 0), "owl": (0, 0, 255)}
    for name, colour in colours.items():
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            Image.new("RGB", size, colour).save(root / name / f"{i}.png")
    return root


@pytest.fixture
def mnist_root(tmp_path: Path) -> Path:
    """A data folder holding MNIST/raw with 200 train and 50 test images."""
    write_mnist(tmp_path)
    return tmp_path


@pytest.fixture(name="write_mnist")
def _write_mnist_fixture():
    return write_mnist


@pytest.fixture(name="write_cifar")
def _write_cifar_fixture():
    return write_cifar


@pytest.fixture(name="write_image_folder")
def _write_image_folder_fixture():
    return write_image_folder


# --- networks and in-memory data for trainer tests ---------------------------------------------


def chain_graph(shape, layers, dtype: str = "float32"):
    """Input(shape) → layers → Output, each layer given as (type, node id, params)."""
    from netstudio.core.graph import NetworkGraph

    graph = NetworkGraph()
    graph.add_node("Input", node_id="input", name="input", params={"shape": shape, "dtype": dtype})
    previous = "input"
    for type_id, node_id, params in layers:
        graph.add_node(type_id, node_id=node_id, name=node_id, params=params)
        graph.connect(previous, "out", node_id, "in")
        previous = node_id
    graph.add_node("Output", node_id="output", name="output")
    graph.connect(previous, "out", "output", "in")
    return graph


def tensor_data(x, y, classes=None, val: int = 16, test: int = 16):
    """LoadedData from tensors: the first `val` samples validate, the last `test` test, the rest
    train. Classification when `classes` is given, else regression."""
    from netstudio.training.loaded_data import LoadedData, TensorSplit

    n = len(x)
    return LoadedData(
        name="tensors",
        task="classification" if classes is not None else "regression",
        train=TensorSplit(x[val : n - test], y[val : n - test]),
        val=TensorSplit(x[:val], y[:val]),
        test=TensorSplit(x[n - test :], y[n - test :]),
        input_shape=tuple(x.shape[1:]),
        classes=classes,
    )


@pytest.fixture(name="chain_graph")
def _chain_graph_fixture():
    return chain_graph


@pytest.fixture(name="tensor_data")
def _tensor_data_fixture():
    return tensor_data


@pytest.fixture
def blob_data():
    """120 samples of 4 features in 3 separable classes (classification), seeded."""
    import torch

    generator = torch.Generator().manual_seed(0)
    y = torch.arange(120) % 3
    centres = torch.tensor([[2.0, 0, 0, 0], [0, 2.0, 0, 0], [0, 0, 2.0, 0]])
    x = centres[y] + 0.5 * torch.randn(120, 4, generator=generator)
    return tensor_data(x, y, classes=["a", "b", "c"], val=24, test=24)


@pytest.fixture
def regression_data():
    """120 samples of 4 features with 2 targets, a noisy linear function, seeded."""
    import torch

    generator = torch.Generator().manual_seed(1)
    x = torch.randn(120, 4, generator=generator)
    weights = torch.randn(4, 2, generator=generator)
    y = x @ weights + 0.05 * torch.randn(120, 2, generator=generator)
    return tensor_data(x, y, val=24, test=24)
