"""Your own images: one sub-folder per class, read with torchvision's ImageFolder.

``ROOT/cat/1.png, ROOT/dog/2.jpg, ...``; when ROOT holds ``train/`` and ``test/`` folders laid
out that way, they are the training and the official test split. Every image is decoded once,
resized, and stacked into one uint8 tensor (converted to float by the split step), so training
never touches PIL again. Decoding runs on a few threads (PIL releases the GIL while decoding).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netstudio.core.messages import Count
from netstudio.core.params import p_bool, p_int
from netstudio.training import data_messages as words
from netstudio.training.folder_listing import IMAGE_SUFFIXES, scan_folder
from netstudio.training.loaded_data import (
    DataError,
    DataFix,
    LoadedData,
    RawData,
    prepare,
    split_plan,
)
from netstudio.training.loading_progress import loading_steps
from netstudio.training.memory_budget import plan_loading, preload_bytes
from netstudio.training.sources import DataSource

if TYPE_CHECKING:
    import numpy as np
    import torch

    from netstudio.training.data_config import DataConfig

LAYOUT = words.LAYOUT()
#: Unreadable images are left out (and named) up to this share of a folder; more are refused.
MAX_SKIPPED_SHARE = 0.01
#: How many left-out images a message names.
SKIPPED_NAMED = 3


@dataclass(frozen=True, kw_only=True)
class ImageFolderSource(DataSource):
    """Images in class sub-folders, resized to one size."""

    needs_root: bool = True
    can_stream: bool = True

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

    def listing(self, params: dict[str, Any], root: Path | None) -> FolderListing:
        """The folder's classes and files, read from the directory entries (nothing decoded)."""
        assert root is not None
        if not root.is_dir():
            raise DataError(
                words.FOLDER_MISSING(folder=root, layout=LAYOUT),
                fixes=(DataFix.CHOOSE_FOLDER,),
            )
        train_dir, test_dir = root, None
        if (root / "train").is_dir() and (root / "test").is_dir():
            train_dir, test_dir = root / "train", root / "test"
        classes, samples = _scan(train_dir)
        if len(classes) < 2:
            raise DataError(
                words.ONE_CLASS_FOLDER(folder=train_dir, name=classes[0], layout=LAYOUT)
            )
        test_samples = None
        if test_dir is not None:
            test_classes, test_samples = _scan(test_dir)
            if test_classes != classes:
                raise DataError(
                    words.CLASSES_DIFFER(
                        test=test_dir,
                        test_classes=", ".join(test_classes),
                        train=train_dir,
                        classes=", ".join(classes),
                    )
                )
        size = params["resize"]
        shape = (size, size) if size else _image_size(samples[0][0])
        return FolderListing(
            name=f"{self.name} {root.name}",
            root=root,
            classes=classes,
            samples=samples,
            test_samples=test_samples,
            size=shape,
            grayscale=params["grayscale"],
            fixed=not size,
        )

    def read(self, params: dict[str, Any], root: Path | None, seed: int) -> RawData:
        return self._decode(self.listing(params, root))

    def _decode(self, listing: FolderListing) -> RawData:
        """Every image decoded; unreadable ones left out (up to `MAX_SKIPPED_SHARE`)."""
        size: int | tuple[int, int] = 0 if listing.fixed else listing.size
        skipped: list[tuple[str, DataError]] = []
        x, y = decode_images(listing.samples, size, listing.grayscale, skipped)
        test_x = test_y = None
        if listing.test_samples is not None:
            # Without resize the test images must have the training images' size.
            test_x, test_y = decode_images(
                listing.test_samples, listing.size, listing.grayscale, skipped
            )
        note = judge_skipped(skipped, listing.count, listing.root)
        return RawData(
            name=listing.name,
            task="classification",
            x=x,
            y=y,
            classes=listing.classes,
            test_x=test_x,
            test_y=test_y,
            notes=(note,) if note else (),
        )

    def load_within(
        self, params: dict[str, Any], config: DataConfig, root: Path | None, budget: int
    ) -> LoadedData:
        """Preloaded when the decoded images fit `budget` (or streaming is off), else streamed."""
        listing = self.listing(params, root)
        channels = 1 if listing.grayscale else 3
        needed = preload_bytes(listing.count, (channels, *listing.size))
        plan = plan_loading(config.streaming, needed, budget, True, self.name)
        if plan.streaming:
            return self._stream(listing, config, plan.reason)
        data = prepare(self._decode(listing), config, source_id=self.id)
        data.loading = plan.reason
        return data

    def _stream(self, listing: FolderListing, config: DataConfig, reason: str) -> LoadedData:
        from netstudio.training.decoded_cache import plan_cache
        from netstudio.training.streaming import StreamSplit, sample_stats

        cache = None
        notes: list[str] = []
        if config.decoded_cache:
            channels = 1 if listing.grayscale else 3
            cache, said = plan_cache(listing.count, listing.size, channels, listing.fixed)
            if cache is None:
                notes.append(said)  # the cache is off: the run's notes say why
            else:
                reason = words.AND(first=reason, then=said)
        skipped: dict[str, str] = {}  # the images left out, by all the splits of this folder

        def split_of(samples: list[tuple[str, int]]) -> StreamSplit:
            return StreamSplit(
                samples, listing.size, listing.grayscale, fixed=listing.fixed, cache=cache,
                root=str(listing.root), total=listing.count, skipped=skipped,
            )  # fmt: skip

        whole = split_of(listing.samples)
        official = listing.test_samples is not None
        train_at, val_at, test_at = split_plan(whole.y, official, config, True, listing.name)
        train, val = whole.subset(train_at), whole.subset(val_at)
        if test_at is None:
            assert listing.test_samples is not None
            test = split_of(listing.test_samples)
        else:
            test = whole.subset(test_at)
        if len(train) == 0:
            raise DataError(words.NO_TRAINING_LEFT(name=listing.name))
        mean = std = None
        stats_sample = 0
        if config.normalize:
            mean, std, used = sample_stats(train, config.seed)
            stats_sample = used if used < len(train) else 0
            if stats_sample:
                reason = words.AND(first=reason, then=stats_line(stats_sample, len(train)))
            train, val, test = (split.normalized(mean, std) for split in (train, val, test))
        return LoadedData(
            name=listing.name,
            task="classification",
            train=train,
            val=val,
            test=test,
            input_shape=train.sample_shape,
            classes=list(listing.classes),
            mean=mean,
            std=std,
            source_id=self.id,
            loading=reason,
            stats_sample=stats_sample,
            notes=tuple(notes),
        )


def stats_line(sample: int, train: int) -> str:
    """ "mean/std from 1,000 of 43,200 training images" (a streamed folder's statistics)."""
    return words.STATS_SAMPLE(sample=Count(sample), train=Count(train))


@dataclass(frozen=True)
class FolderListing:
    """What an image folder holds, from its directory entries: classes, (path, class) pairs of
    the training files and of the official test files (when there are train/ and test/), and
    the size every image is read at (`fixed`: no resize, every image must have that size)."""

    name: str
    root: Path
    classes: list[str]
    samples: list[tuple[str, int]]
    test_samples: list[tuple[str, int]] | None
    size: tuple[int, int]
    grayscale: bool
    fixed: bool

    @property
    def count(self) -> int:
        return len(self.samples) + len(self.test_samples or ())


def _scan(folder: Path) -> tuple[list[str], list[tuple[str, int]]]:
    """ImageFolder's classes and samples of `folder` (`scan_folder`: no image opened)."""
    try:
        return scan_folder(folder)
    except OSError as exc:
        raise DataError(words.NO_IMAGES(folder=folder, layout=LAYOUT, error=str(exc))) from exc


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
    samples: list[tuple[str, int]],
    size: int | tuple[int, int],
    grayscale: bool,
    skipped: list[tuple[str, DataError]] | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Decode `samples` (path, class index) into uint8 images (N, C, H, W) and labels (N,).

    `size` resizes each image to size×size (or (height, width)); 0 keeps the sizes, which must
    then all be equal. A file that cannot be read raises its DataError, or with `skipped` is
    left out and its error appended there.
    """
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    import torch

    channels = 1 if grayscale else 3
    fixed = isinstance(size, int) and size == 0
    if fixed:
        height, width = _image_size(samples[0][0])
    else:
        height, width = (size, size) if isinstance(size, int) else size
    out = np.empty((len(samples), height, width, channels), dtype=np.uint8)
    failed: dict[int, DataError] = {}

    def decode(index: int) -> None:
        path = samples[index][0]
        try:
            out[index] = read_image(path, grayscale, height, width, fixed)
        except DataError as error:
            if skipped is None or "the first image is" in str(error):
                raise
            failed[index] = error

    with (
        ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool,
        loading_steps(words.DECODING_IMAGES(), len(samples)) as step,
    ):
        for _ in pool.map(decode, range(len(samples))):
            step(1)
    labels = torch.tensor([label for _, label in samples], dtype=torch.int64)
    if failed and skipped is not None:
        skipped.extend((samples[index][0], failed[index]) for index in sorted(failed))
        keep = np.ones(len(samples), dtype=bool)
        keep[list(failed)] = False
        out, labels = out[keep], labels[torch.from_numpy(keep)]
    images = torch.from_numpy(out).permute(0, 3, 1, 2).contiguous()
    return images, labels


def read_image(path: str, grayscale: bool, height: int, width: int, fixed: bool) -> np.ndarray:
    """The image at `path` as uint8 (height, width, channels), resized to `height`×`width`
    (bilinear) unless `fixed`, when it must have that size already. DataError naming the file
    when it cannot be read."""
    import numpy as np
    from PIL import Image

    mode, channels = ("L", 1) if grayscale else ("RGB", 3)
    with reading(path), Image.open(path) as image:
        image = image.convert(mode)
        if image.size != (width, height):
            if fixed:
                raise DataError(
                    words.IMAGE_SIZE_DIFFERS(
                        path=path,
                        width=image.width,
                        height=image.height,
                        first_width=width,
                        first_height=height,
                    )
                )
            image = image.resize((width, height), Image.Resampling.BILINEAR)
        return np.array(image).reshape(height, width, channels)  # owned: writable


@contextlib.contextmanager
def reading(path: str) -> Iterator[None]:
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
        raise DataError(
            words.TOO_MANY_PIXELS(path=path, pixels=Count(2 * most))
            if most
            else words.TOO_MANY_PIXELS_UNSAID(path=path)
        ) from exc
    except UnidentifiedImageError as exc:
        raise DataError(words.IMAGE_UNIDENTIFIED(path=path)) from exc
    except Exception as exc:  # any decoder failure means this file cannot be used
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DataError(words.IMAGE_UNREADABLE(path=path, error=reason)) from exc


def _image_size(path: str) -> tuple[int, int]:
    """(height, width) of the image at `path`, read from its header."""
    from PIL import Image

    with reading(path), Image.open(path) as image:
        return image.height, image.width


def judge_skipped(skipped: list[tuple[str, DataError]], total: int, where: Path) -> str | None:
    """The note on the unreadable images left out of `total` under `where` (None when there
    are none); DataError when they are more than `MAX_SKIPPED_SHARE` of the images."""
    if not skipped:
        return None
    paths = [path for path, _ in skipped]
    named = ", ".join(paths[:SKIPPED_NAMED]) + (", …" if len(paths) > SKIPPED_NAMED else "")
    allowed = math.floor(total * MAX_SKIPPED_SHARE)
    if len(skipped) > allowed:
        if len(skipped) == 1:
            raise skipped[0][1]
        raise DataError(
            words.TOO_MANY_UNREADABLE(
                count=len(skipped),
                total=total,
                folder=where,
                share=f"{MAX_SKIPPED_SHARE:.0%}",
                named=named,
                error=skipped[0][1].args[0],
            )
        )
    share = f"{MAX_SKIPPED_SHARE:.0%}"
    if len(skipped) == 1:
        return words.LEFT_OUT_ONE(total=total, folder=where, share=share, named=named)
    return words.LEFT_OUT_MANY(
        count=len(skipped), total=total, folder=where, share=share, named=named
    )


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
