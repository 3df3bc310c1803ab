"""An image folder's listing: the files torchvision's ImageFolder finds, in its order and with
its errors, read from directory entries alone (no image opened, torchvision not imported), and a
preview sample that makes nothing per file beyond that listing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netstudio.training.folder_listing import scan_folder


def _touch(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"")  # the listing never opens a file


def _awkward_folder(root: Path) -> Path:
    """Nested folders, upper-case endings, files that are not images, a folder named like an
    image, a linked folder, names that sort differently by path and by folder."""
    _touch(
        root,
        "b/2.png", "b/10.PNG", "b/notes.txt", "b/x/1.jpg", "b/x-y/0.webp", "b/x/z/9.Tiff",
        "a/k.jpeg", "a/j.bmp", "a/photo.png/inside.jpg", "c/deep/er/1.pgm", "c/.hidden.jpg",
        "outside/3.jpg",
    )  # fmt: skip
    (root / "README").write_text("not a class")
    os.symlink(root / "outside", root / "a" / "linked")
    return root


def test_the_listing_is_imagefolders_own(tmp_path: Path) -> None:
    from torchvision.datasets import ImageFolder

    root = _awkward_folder(tmp_path / "pets")
    expected = ImageFolder(str(root))
    classes, samples = scan_folder(root)
    assert classes == expected.classes == ["a", "b", "c", "outside"]
    assert samples == expected.samples
    assert ("b/notes.txt", 1) not in [(os.path.relpath(p, root), c) for p, c in samples]


@pytest.mark.parametrize("layout", ["no class folder", "a class without images"])
def test_an_unusable_folder_fails_as_imagefolder_does(tmp_path: Path, layout: str) -> None:
    from torchvision.datasets import ImageFolder

    root = tmp_path / "pets"
    root.mkdir()
    _touch(root, "loose.jpg")
    if layout == "a class without images":
        _touch(root, "cat/1.jpg", "dog/readme.txt", "eel/sub/2.txt")
    with pytest.raises(FileNotFoundError) as theirs:
        ImageFolder(str(root))
    with pytest.raises(FileNotFoundError) as ours:
        scan_folder(root)
    assert str(ours.value) == str(theirs.value)


def test_listing_a_folder_opens_no_image_and_imports_no_torchvision(tmp_path: Path) -> None:
    """torchvision's import pulls in torch._dynamo: seconds and hundreds of megabytes for a
    listing (it made opening a project on an image folder wait for it)."""
    root = tmp_path / "pets"
    for name in ("cat", "dog"):
        _touch(root, *(f"{name}/{i}.png" for i in range(50)))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PIL import Image\n"
        "Image.open = None  # any image opened fails\n"
        "from netstudio.training.folder_source import ImageFolderSource, SOURCES\n"
        "source = SOURCES[0]\n"
        "listing = source.listing({'resize': 8, 'grayscale': False}, Path(sys.argv[1]))\n"
        "assert listing.count == 100 and listing.classes == ['cat', 'dog'], listing\n"
        "assert 'torchvision' not in sys.modules and 'torch' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_a_preview_sample_makes_nothing_per_file_beyond_the_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the images shown become a dataset (the splits are worked out on the labels): a
    dataset object over the whole folder holds a path and a label per file, twice over."""
    from PIL import Image

    from netstudio.training import streaming
    from netstudio.training.data_config import DataConfig
    from netstudio.training.preview_sample import read_sample

    root = tmp_path / "pets"
    for index, name in enumerate(("cat", "dog", "eel")):
        (root / name).mkdir(parents=True)
        Image.new("RGB", (4, 4), (80 * index, 0, 0)).save(root / name / "0.png")
        png = (root / name / "0.png").read_bytes()
        for i in range(1, 400):
            (root / name / f"{i}.png").write_bytes(png)
    held: list[int] = []
    real_init = streaming.StreamSplit.__init__

    def counting_init(self, samples, *args, **kwargs):  # type: ignore[no-untyped-def]
        held.append(len(samples))
        real_init(self, samples, *args, **kwargs)

    monkeypatch.setattr(streaming.StreamSplit, "__init__", counting_init)
    config = DataConfig(source="image_folder", params={"resize": 0})
    sample = read_sample(config, data_root=root, per_class=4)
    assert sample.total == 1200 and sum(sample.counts or []) == sample.train_count == 864
    assert len(sample.x) == 12 and sample.input_shape == (3, 4, 4)
    assert held and max(held) <= 12, held
