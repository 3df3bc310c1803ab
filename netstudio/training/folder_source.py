"""Your own images: one sub-folder per class, read with torchvision's ImageFolder.

``ROOT/cat/1.png, ROOT/dog/2.jpg, ...``; when ROOT holds ``train/`` and ``test/`` folders laid
out that way, they are the training and the official test split. Every image is decoded once,
resized, and stacked into one uint8 tensor (converted to float by the split step), so training
never touches PIL again. Decoding runs on a few threads (PIL releases the GIL while decoding).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.params import p_bool, p_int
from netstudio.training.loaded_data import DataError, DataFix, RawData
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    import torch

LAYOUT = "one sub-folder per class (ROOT/cat/1.png, ROOT/dog/2.jpg, ...)"
#: The file endings torchvision's ImageFolder reads as images.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp")


@dataclass(frozen=True, kw_only=True)
class ImageFolderSource(DataSource):
    """Images in class sub-folders, resized to one size."""

    needs_root: bool = True

    def sample_shape(self, params: dict[str, Any], root: Path | None) -> tuple[int, ...] | None:
        """Channels × the resize; without a resize, the first image's size from its header."""
        channels = 1 if params["grayscale"] else 3
        size = params["resize"]
        if size:
            return (channels, size, size)
        if root is None:
            return None
        if (root / "train").is_dir() and (root / "test").is_dir():
            root = root / "train"
        first = _first_image(root)
        if first is None:
            return None
        height, width = _image_size(str(first))
        return (channels, height, width)

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        import torch

        assert root is not None
        if not root.is_dir():
            raise DataError(
                f"Image folder {root} does not exist: expected {LAYOUT}",
                fixes=(DataFix.CHOOSE_FOLDER,),
            )
        train_dir, test_dir = root, None
        if (root / "train").is_dir() and (root / "test").is_dir():
            train_dir, test_dir = root / "train", root / "test"
        size, grayscale = params["resize"], params["grayscale"]
        classes, samples = _scan(train_dir)
        if len(classes) < 2:
            raise DataError(
                f"{train_dir} holds one class sub-folder ('{classes[0]}'): classification needs "
                f"at least two classes, so add a sub-folder for each other class ({LAYOUT})"
            )
        x, y = decode_images(samples, size, grayscale)
        test_x = test_y = None
        if test_dir is not None:
            test_classes, test_samples = _scan(test_dir)
            if test_classes != classes:
                raise DataError(
                    f"{test_dir} has the classes {', '.join(test_classes)} but {train_dir} has "
                    f"{', '.join(classes)}: both need the same class sub-folders"
                )
            # Without resize the test images must have the training images' size.
            test_size = size or (int(x.shape[2]), int(x.shape[3]))
            test_x, test_y = decode_images(test_samples, test_size, grayscale)
        return RawData(
            name=f"{self.name} {root.name}",
            task="classification",
            x=x,
            y=y.to(torch.int64),
            classes=classes,
            test_x=test_x,
            test_y=test_y,
        )


def _scan(folder: Path) -> tuple[list[str], list[tuple[str, int]]]:
    from torchvision.datasets import ImageFolder

    try:
        found = ImageFolder(str(folder))
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"No images found under {folder}: expected {LAYOUT} ({exc})") from exc
    return list(found.classes), list(found.samples)


def _first_image(folder: Path) -> Path | None:
    """The image ImageFolder reads first under `folder` (the first class sub-folder, in name
    order, that holds an image), found without listing every image."""
    for class_dir in sorted(entry for entry in folder.iterdir() if entry.is_dir()):
        for where, _, files in sorted(os.walk(class_dir, followlinks=True)):
            for name in sorted(files):
                if name.lower().endswith(IMAGE_SUFFIXES):
                    return Path(where) / name
    return None


def decode_images(
    samples: list[tuple[str, int]], size: int | tuple[int, int], grayscale: bool
) -> tuple[torch.Tensor, torch.Tensor]:
    """Decode `samples` (path, class index) into uint8 images (N, C, H, W) and labels (N,).

    `size` resizes each image to size×size (or (height, width)); 0 keeps the sizes, which must
    then all be equal.
    """
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    import torch
    from PIL import Image

    mode, channels = ("L", 1) if grayscale else ("RGB", 3)
    if isinstance(size, int) and size == 0:
        height, width = _image_size(samples[0][0])
    else:
        height, width = (size, size) if isinstance(size, int) else size
    _check_memory(len(samples), channels * height * width)
    out = np.empty((len(samples), height, width, channels), dtype=np.uint8)

    def decode(index: int) -> None:
        path = samples[index][0]
        with _reading(path), Image.open(path) as image:
            image = image.convert(mode)
            if image.size != (width, height):
                if size == 0:
                    raise DataError(
                        f"{path} is {image.width}×{image.height}, the first image is "
                        f"{width}×{height}: set resize to give them one size"
                    )
                image = image.resize((width, height), Image.Resampling.BILINEAR)
            out[index] = np.asarray(image).reshape(height, width, channels)

    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        for _ in pool.map(decode, range(len(samples))):
            pass
    images = torch.from_numpy(out).permute(0, 3, 1, 2).contiguous()
    labels = torch.tensor([label for _, label in samples], dtype=torch.int64)
    return images, labels


def _image_size(path: str) -> tuple[int, int]:
    """(height, width) of the image at `path`, read from its header."""
    from PIL import Image

    with _reading(path), Image.open(path) as image:
        return image.height, image.width


@contextlib.contextmanager
def _reading(path: str) -> Iterator[None]:
    """Turn any failure to open or decode the image at `path` into one DataError naming it.

    The decoders raise many kinds of error on a broken or hostile file (OSError, SyntaxError,
    ValueError, PIL's DecompressionBombError for an image declaring more pixels than it safely
    decodes); each means the same to a person: this file cannot be used.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        yield
    except DataError:
        raise
    except Image.DecompressionBombError as exc:
        most = Image.MAX_IMAGE_PIXELS  # PIL refuses twice this many (and warns above it)
        limit = f"the {2 * most:,} pixels" if most else "the number"
        raise DataError(
            f"Could not read the image {path}: it declares more pixels than {limit} that can be "
            "decoded safely; shrink it or take it out of the folder"
        ) from exc
    except UnidentifiedImageError as exc:
        raise DataError(
            f"Could not read the image {path}: it is corrupt or not in an image format that can "
            "be read; replace it or take it out of the folder"
        ) from exc
    except Exception as exc:  # any decoder failure means this file cannot be used
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DataError(
            f"Could not read the image {path} ({reason}): replace it or take it out of the folder"
        ) from exc


def _check_memory(count: int, sample_bytes: int) -> None:
    """DataError when the decoded images (uint8, then float32) would not fit in free memory."""
    needed = count * sample_bytes * 5
    free = _available_memory()
    if free is not None and needed > free:
        raise DataError(
            f"{count} images of {sample_bytes} bytes need about {needed / 1e9:.1f} GB in memory, "
            f"more than the {free / 1e9:.1f} GB available: choose a smaller resize"
        )


def _available_memory() -> int | None:
    """Bytes of memory available to a new allocation (Linux), else None (not known)."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


SOURCES: tuple[DataSource, ...] = (
    ImageFolderSource(
        id="image_folder",
        name="Image folder",
        description="Your own images, one sub-folder per class; train/ and test/ sub-folders "
        "give an official test split.",
        params=(
            p_int(
                "resize",
                32,
                "Resize every image to this many pixels square; 0 keeps the size (all images "
                "must then have the same size).",
                minimum=0,
                maximum=4096,
            ),
            p_bool("grayscale", False, "Read the images as one grey channel instead of RGB."),
        ),
        files=LAYOUT,
    ),
)
