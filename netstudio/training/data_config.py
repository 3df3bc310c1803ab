"""The "data" section of a project file: which source, its parameters, splits and augmentation.

Plain pydantic models, no torch: the file reader and the GUI's data panel use them before torch
has loaded.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class AugmentConfig(BaseModel):
    """Random changes to training images, drawn afresh for every sample of every batch.

    Applied to image data (channels × height × width) of the training split only.
    """

    model_config = ConfigDict(extra="forbid")

    random_crop_padding: int = Field(
        0, ge=0, description="Pad by this many pixels, then crop back at a random offset."
    )
    horizontal_flip: bool = Field(False, description="Mirror left-right with probability 1/2.")
    rotation_degrees: float = Field(
        0.0, ge=0, le=180, description="Rotate by a random angle in [-degrees, +degrees]."
    )

    @property
    def enabled(self) -> bool:
        return self.random_crop_padding > 0 or self.horizontal_flip or self.rotation_degrees > 0


class DataConfig(BaseModel):
    """Where the examples come from and how they are split, normalised and augmented.

    `params` are the source's own parameters (see `netstudio.training.sources`); `root` is the
    folder of file-based sources, relative paths resolving against the project file's folder.
    `val_fraction` is taken from the training portion; `test_fraction` is used only by sources
    without an official test split. `memory_budget_mb` and `streaming` choose between the
    preloaded fast path and streaming from disk (`netstudio.training.memory_budget`);
    `decoded_cache` keeps a streamed folder's decoded images on disk for the epochs after the first.
    """

    model_config = ConfigDict(extra="forbid")

    source: str = "digits"
    params: dict[str, Any] = Field(default_factory=dict)
    root: str | None = None
    val_fraction: float = Field(0.1, ge=0, lt=1)
    test_fraction: float = Field(0.2, ge=0, lt=1)
    normalize: bool = True
    augment: AugmentConfig = Field(default_factory=AugmentConfig)
    seed: int = Field(0, ge=0, le=2**32 - 1)  # scikit-learn takes seeds below 2**32
    memory_budget_mb: int | None = Field(
        None,
        ge=1,
        description="Memory (MiB) the preloaded data may take; none: half the available memory.",
    )
    streaming: Literal["auto", "always", "never"] = Field(
        "auto",
        description="Read images from disk batch by batch: when over the memory budget (auto), "
        "always, or never.",
    )
    decoded_cache: bool = Field(
        False,
        description="Keep the images a streamed run decodes on disk, so later epochs read them "
        "back instead of decoding them again (`netstudio.training.decoded_cache`).",
    )
