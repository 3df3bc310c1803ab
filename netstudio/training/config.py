"""The "training" section of a project file: task, loss, optimizer, schedule, regularization.

Plain pydantic models, no torch: the file reader and the GUI's training panel use them before
torch has loaded. Every field has a default, so `{}` is a complete, sensible configuration.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from netstudio.training import fit_messages as words

Task = Literal["classification", "regression", "reconstruction", "gan"]
LossType = Literal["cross_entropy", "nll", "bce", "bce_with_logits", "mse", "l1", "huber", "kl_div"]
OptimizerType = Literal["sgd", "adam", "adamw", "rmsprop", "adagrad"]
ScheduleType = Literal[
    "none", "step", "multistep", "exponential", "cosine", "one_cycle", "reduce_on_plateau"
]
Device = Literal["auto", "cpu", "cuda", "mps"]
Metric = Literal["val_loss", "val_accuracy", "train_loss"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LossConfig(_Section):
    """The loss minimised. Cross-entropy and NLL take class indices; the others, targets."""

    type: LossType = "cross_entropy"
    label_smoothing: float = Field(0.0, ge=0, lt=1, description="cross-entropy only")
    huber_delta: float = Field(1.0, gt=0, description="Huber only: where L2 turns into L1")


class OptimizerConfig(_Section):
    type: OptimizerType = "adam"
    lr: float = Field(0.001, gt=0, le=10, description="learning rate")
    momentum: float = Field(0.0, ge=0, lt=1, description="SGD and RMSprop")
    nesterov: bool = Field(False, description="SGD with momentum only")
    betas: tuple[float, float] = Field((0.9, 0.999), description="Adam and AdamW")
    eps: float = Field(1e-8, gt=0)
    alpha: float = Field(0.99, gt=0, lt=1, description="RMSprop smoothing")

    @field_validator("nesterov")
    @classmethod
    def _nesterov_needs_momentum(cls, nesterov: bool, info: ValidationInfo) -> bool:
        # A check of this field (not of the whole optimizer), so the error is at
        # ``optimizer.nesterov`` and a file read leniently loses only this value.
        kind, momentum = info.data.get("type"), info.data.get("momentum")
        if kind is None or momentum is None:  # not valid themselves: reported already
            return nesterov
        if nesterov and (kind != "sgd" or momentum <= 0):
            raise ValueError(words.NESTEROV())
        return nesterov


class ScheduleConfig(_Section):
    """How the learning rate changes over the epochs (stepped once per epoch, one-cycle per
    batch); `warmup_epochs` ramps it up linearly first, for any schedule."""

    type: ScheduleType = "none"
    step_size: int = Field(10, ge=1, description="step: epochs between decays")
    gamma: float = Field(0.1, gt=0, le=1, description="step, multistep, exponential: decay factor")
    milestones: list[int] = Field(default_factory=lambda: [30, 60], description="multistep")
    min_lr: float = Field(0.0, ge=0, description="cosine: final learning rate")
    max_lr: float | None = Field(None, gt=0, description="one-cycle peak (default: 10× lr)")
    patience: int = Field(3, ge=0, description="reduce-on-plateau: epochs without improvement")
    factor: float = Field(0.1, gt=0, lt=1, description="reduce-on-plateau: decay factor")
    warmup_epochs: int = Field(0, ge=0)


class EarlyStoppingConfig(_Section):
    enabled: bool = False
    metric: Metric = "val_loss"
    patience: int = Field(5, ge=1, description="epochs without improvement before stopping")
    min_delta: float = Field(0.0, ge=0, description="smallest change that counts as improvement")
    restore_best: bool = Field(True, description="end with the best epoch's weights")


class RegularizationConfig(_Section):
    weight_decay: float = Field(0.0, ge=0, description="L2 penalty through the optimizer")
    l1: float = Field(0.0, ge=0, description="L1 penalty on the weights, added to the loss")
    grad_clip: float | None = Field(None, gt=0, description="clip the gradient norm to this")
    early_stopping: EarlyStoppingConfig = Field(default_factory=EarlyStoppingConfig)


#: A node's id, as the graph section has it.
NodeId = Annotated[str, Field(min_length=1)]
#: How much a layer's learning rate is of the optimizer's (1: the same).
Multiplier = Annotated[float, Field(gt=0, le=1000)]


class FineTuningConfig(_Section):
    """Transfer learning: which layers learn, and how fast, each named by its node's id.

    frozen: the nodes whose parameters do not learn (no gradients; the optimizer never holds
    them). lr_multipliers: a node's learning rate as a multiple of the optimizer's (1 where a
    node has none); the optimizer gets one parameter group per distinct multiplier.
    frozen_batchnorm_eval: a frozen BatchNorm keeps its running statistics (it stays in eval
    mode while the rest trains). unfreeze_every: gradual unfreezing, every this many epochs one
    more frozen node learns, starting from the frozen node nearest the output and going back
    towards the input (the epoch that unfroze it records it). A run whose every layer that
    learns is frozen is refused before it starts, with gradual unfreezing too (its first
    epochs would train nothing).

    Ids of nodes that are no longer in the network are ignored by training (`netstudio check`
    warns about them), so deleting a node never makes the settings invalid.
    """

    frozen: list[NodeId] = Field(default_factory=list)
    lr_multipliers: dict[str, Multiplier] = Field(default_factory=dict)
    frozen_batchnorm_eval: bool = Field(True, description="frozen BatchNorm layers stay in eval")
    unfreeze_every: int | None = Field(None, ge=1, description="epochs between two unfreezings")

    @property
    def active(self) -> bool:
        """Whether these settings change anything from training every layer at one rate."""
        return bool(self.frozen) or any(m != 1 for m in self.lr_multipliers.values())


#: How the generator's noise is drawn: a standard normal, or uniform in [-1, 1].
NoiseType = Literal["normal", "uniform"]
#: The adversarial loss: non-saturating binary cross-entropy on the discriminator's logits
#: (Goodfellow et al.), or the hinge loss (the discriminator's margin of 1; SAGAN, BigGAN).
GanLossType = Literal["bce_with_logits", "hinge"]
#: Whether real samples are mapped to [-1, 1] (from their range in the training split), the
#: range of a generator that ends in Tanh, or used as the data gives them.
RealScale = Literal["minus_one_to_one", "none"]


def _gan_optimizer() -> OptimizerConfig:
    """Adam at 2e-4 with beta1 0.5: the DCGAN settings, which keep both networks stable."""
    return OptimizerConfig(type="adam", lr=2e-4, betas=(0.5, 0.999))


class GanConfig(_Section):
    """Generative adversarial training (task "gan"): two networks of the project, one trained
    to make samples from noise, the other to tell them from the real ones.

    generator: the network that turns a noise vector (its Input of `noise_size` values) into
    one sample shaped like the data's. discriminator: the network that takes one sample and
    ends in one value per sample (a logit: positive for real). Each learns with its own
    optimizer; the discriminator takes `d_steps` steps per generator step. The samples of a
    fixed noise batch of `sample_grid`² vectors are saved as a grid after every epoch.
    """

    generator: str = Field("generator", min_length=1, description="network that makes samples")
    discriminator: str = Field("discriminator", min_length=1, description="network that judges")
    noise_size: int = Field(32, ge=1, le=100_000, description="values in one noise vector")
    noise: NoiseType = "normal"
    loss: GanLossType = "bce_with_logits"
    generator_optimizer: OptimizerConfig = Field(default_factory=_gan_optimizer)
    discriminator_optimizer: OptimizerConfig = Field(default_factory=_gan_optimizer)
    d_steps: int = Field(1, ge=1, le=100, description="discriminator steps per generator step")
    sample_grid: int = Field(8, ge=1, le=32, description="the sample grid's rows (and columns)")
    real_scale: RealScale = "minus_one_to_one"

    @field_validator("discriminator")
    @classmethod
    def _two_networks(cls, discriminator: str, info: ValidationInfo) -> str:
        if discriminator == info.data.get("generator"):
            raise ValueError(words.TWO_NETWORKS())
        return discriminator


class TrainingConfig(_Section):
    task: Task = "classification"
    loss: LossConfig = Field(default_factory=LossConfig)
    optimizer: OptimizerConfig = Field(default_factory=OptimizerConfig)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    regularization: RegularizationConfig = Field(default_factory=RegularizationConfig)
    epochs: int = Field(10, ge=1, le=100_000)
    batch_size: int = Field(64, ge=1, le=1_000_000)
    seed: int = Field(0, ge=0)
    device: Device = "auto"
    mixed_precision: bool = Field(False, description="float16 autocast on CUDA")
    fine_tuning: FineTuningConfig = Field(default_factory=FineTuningConfig)
    #: The GAN's settings; read only when `task` is "gan" (kept otherwise, and then optional).
    gan: GanConfig | None = Field(None, validate_default=True)

    @field_validator("gan")
    @classmethod
    def _gan_for_its_task(cls, gan: GanConfig | None, info: ValidationInfo) -> GanConfig | None:
        # A "gan" task without its section takes the defaults, so `{"task": "gan"}` is complete.
        if gan is None and info.data.get("task") == "gan":
            return GanConfig()
        return gan
