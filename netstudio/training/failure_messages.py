"""The words of the failures a run stops with (`TrainingFailure`), as message templates.

Each is a `netstudio.core.messages.Template`: the command line prints the English, the app
shows it translated (`netstudio.gui.i18n.translated`). Fields: node, the node's label
("Linear 'fc1'"); epoch and batch, 1-based; error, the first line of the error behind it
(PyTorch's own words, never translated); where, when, asked: the short phrases below, or "".
Those phrases begin with a space, as they follow a word directly ("failed at epoch 3").
"""

from __future__ import annotations

from netstudio.core.messages import QT_TRANSLATE_NOOP, Template

CONTEXT = "TrainingFailures"

#: " in Linear 'fc1'": where in the network it happened (follows a verb: "failed in …").
WHERE = Template("training.where", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", " in {node}"))
#: When it happened, in the training loop.
WHEN_EPOCH = Template(
    "training.when-epoch", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", " at epoch {epoch}")
)
WHEN_BATCH = Template(
    "training.when-batch",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", " at epoch {epoch}, batch {batch}"),
)
#: How much the allocator asked for ("3.7 GB").
ASKED = Template(
    "training.asked-for",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", " (it asked for {size} more)"),
)
THE_CPU = Template("training.the-cpu", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", "the CPU"))

# A loss or weights that stopped being finite: {what}: {kept}. …
LOSS_BECAME = Template(
    "training.loss-not-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "the loss became {value} at epoch {epoch}, batch {batch}"
    ),
)
WEIGHTS_NOT_FINITE = Template(
    "training.weights-not-finite",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "the weights stopped being finite during epoch {epoch}"),
)
#: A failure one process of a distributed run met, as every process reports it.
ON_RANK = Template(
    "training.on-rank",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "on rank {rank}, {failure}"),
)
KEPT_BEFORE = Template(
    "training.weights-kept",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "the weights are kept from the batch before"),
)
KEPT_RESTORED = Template(
    "training.weights-restored",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "the weights are restored to those at the start of epoch {epoch}"
    ),
)
NOT_FINITE = Template(
    "training.nan",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "{what}: {kept}. Lower the learning rate, add gradient clipping, or check the data for "
        "invalid values",
    ),
)

# Errors from the loss or the model.
LOSS_FAILED = Template(
    "training.loss-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the {loss} loss failed{when}: {error}. Check that {node} matches the data's targets and "
        "the loss (e.g. one unit per class for cross-entropy)",
    ),
)
NETWORK_FAILED = Template(
    "training.network-failed",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "the network failed{where}{when}: {error}. {hint}"),
)
HINT_TOKEN_IDS = Template(
    "training.hint-token-ids",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "The data holds token ids outside 0..{last}: raise num_embeddings to the vocabulary size",
    ),
)
HINT_NODE = Template(
    "training.hint-node",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "Check {node}'s parameters against the data it gets"),
)
HINT_INPUT = Template(
    "training.hint-input",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "Check that the Input's shape and dtype match the data"),
)
STOPPED = Template(
    "training.stopped",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "training stopped{where}{when}: {error_type}: {error}"),
)

# Out of memory: {doing} says what was being done, {shrink} what to make smaller.
OUT_OF_MEMORY_ON = Template(
    "training.out-of-memory-on",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "ran out of memory on {device}{where}{when}{asked}: {shrink}"
    ),
)
OUT_OF_MEMORY = Template(
    "training.out-of-memory",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "ran out of memory{asked}: {shrink}"),
)
OUT_OF_MEMORY_DOING = Template(
    "training.out-of-memory-doing",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "ran out of memory {doing}{asked}: {shrink}"),
)
SHRINK_BATCH = Template(
    "training.shrink-batch",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "lower the batch size ({size} now)"),
)
SHRINK_BATCH_OR_NODE = Template(
    "training.shrink-batch-or-node",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "lower the batch size ({size} now) or the {param} of {node} ({value} now)",
    ),
)
SHRINK_ANY = Template(
    "training.shrink-any",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "lower the batch size or use a smaller network"),
)
MOVING_WEIGHTS = Template(
    "training.moving-weights",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "moving the network's weights ({size}) to {device}"),
)
MOVING_DATA = Template(
    "training.moving-data",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "moving the data to {device}"),
)
BUILDING_NETWORK = Template(
    "training.building-network",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "building the network"),
)
BUILDING_NODE = Template(
    "training.building-node",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "building {node} on the CPU"),
)
SMALLER_NETWORK = Template(
    "training.smaller-network",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "use a smaller network"),
)
SMALLER_NETWORK_OR_DEVICE = Template(
    "training.smaller-network-or-device",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "use a smaller network, or train on another device"),
)
LESS_DATA_OR_DEVICE = Template(
    "training.less-data-or-device",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "use less data (e.g. smaller images), or train on another device"
    ),
)
SHRINK_PARAM = Template(
    "training.shrink-param",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "lower its {param} ({value} now)"),
)
MAKE_SMALLER = Template(
    "training.make-smaller", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", "make it smaller")
)

# Refused before the first batch: the settings, the network or the data do not allow a run.
NOT_VALID = Template(
    "training.network-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "the network is not valid: {problem}"),
)
ONE_INPUT_ONE_OUTPUT = Template(
    "training.one-input-one-output",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "training needs a network with exactly one Input and one Output"
    ),
)
SAMPLES_DO_NOT_FIT = Template(
    "training.samples-do-not-fit-input",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the data's samples are {have} ({values} values) but Input '{name}' expects {want}: set "
        "the Input shape to {shape}",
    ),
)
EMPTY_TRAINING_SPLIT = Template(
    "training.empty-training-split",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the training split is empty: add data or lower the validation and test fractions",
    ),
)
NO_WEIGHTS = Template(
    "training.no-weights",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the network has no weights to train: add a layer that learns, such as Linear",
    ),
)
EVERYTHING_FROZEN = Template(
    "training.everything-frozen",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "every layer that learns is frozen, so training would change nothing: unfreeze at least "
        "one layer",
    ),
)
RESUME_MISMATCH = Template(
    "training.resume-other-network",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "cannot resume: {error}. A run resumes only with the network it trained: undo the "
        "changes to the network, or train a new run",
    ),
)
RESUME_OTHER_OPTIMIZER = Template(
    "training.resume-other-optimizer",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "cannot resume from {folder}: it was saved with another optimizer or schedule ({saved}, "
        "not {kinds}); resume with the run's own settings",
    ),
)
RESUME_OTHER_TUNING = Template(
    "training.resume-other-fine-tuning",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "cannot resume from {folder}: it was saved with other fine-tuning settings (frozen "
        "layers, learning-rate multipliers or unfreezing); resume with the run's own settings",
    ),
)
RESUME_STATE_DOES_NOT_FIT = Template(
    "training.resume-state-does-not-fit",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "cannot resume from {folder}: its optimizer or schedule state does not fit these "
        "settings ({error}); resume with the run's own settings",
    ),
)
REGRESSION_TARGETS = Template(
    "training.regression-targets-class-loss",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the data has regression targets but the loss is {loss}, which needs class labels: "
        "choose MSE, L1 or Huber",
    ),
)
READER_STOPPED = Template(
    "training.data-reader-stopped",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "a process reading the data stopped ({error}): the data so far is kept; if memory ran "
        "out, lower the batch size or the image size",
    ),
)

# GAN runs.
GAN_NOT_VALID = Template(
    "training.gan-network-not-valid",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "the GAN's {role} '{name}' is not valid: {problem}"),
)
GAN_GENERATOR = Template(
    "training.gan-generator", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", "generator")
)
GAN_DISCRIMINATOR = Template(
    "training.gan-discriminator", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", "discriminator")
)
GAN_NO_RESUME = Template(
    "training.gan-no-resume",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures", "a GAN run cannot be resumed yet: train a new run (it starts afresh)"
    ),
)
GAN_MORE_PROBLEMS = Template(
    "training.gan-more-problems",
    CONTEXT,
    QT_TRANSLATE_NOOP("TrainingFailures", "{problem} (and {more} more)"),
)
GAN_LOSS_BECAME = Template(
    "training.gan-nan",
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "TrainingFailures",
        "the {role} '{name}''s loss became {value} at epoch {epoch}, batch {batch}: lower the "
        "learning rates in training.gan, or add normalisation to the networks",
    ),
)


def when(epoch: int | None, batch: int | None) -> str:
    """ " at epoch 3, batch 12" from 0-based indices; "" outside the training loop."""
    if epoch is None:
        return ""
    if batch is None:
        return WHEN_EPOCH(epoch=epoch + 1)
    return WHEN_BATCH(epoch=epoch + 1, batch=batch + 1)


#: "fc1: …": a problem after the node id it is about ("graph" for the whole network).
AT = Template("training.at", CONTEXT, QT_TRANSLATE_NOOP("TrainingFailures", "{where}: {problem}"))
